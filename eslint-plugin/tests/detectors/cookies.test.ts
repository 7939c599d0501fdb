import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { cookieNameFromIdentifier, HOLE, isAuthCookieName, isDevelopmentSettings, missingFlags, parseCookieString } from '../../src/detectors/cookies.js';

describe('detectors/cookies', () => {
  it('recognizes auth cookie names', () => {
    for (const name of [
      'token', 'access_token', 'refreshToken', 'jwt', 'session', 'sessionid', 'connect.sid', 'sid', 'PHPSESSID', 'JSESSIONID',
      'ASP.NET_SessionId', 'laravel_session', 'remember_me', 'remember_web_59ba36addc2b2f94', 'auth', '__Host-session',
      '__Secure-next-auth.session-token', 'sb-access-token', 'id_token', 'api_key', 'koa.sess', 'authToken',
    ]) {
      assert.equal(isAuthCookieName(name), true, name);
    }
  });

  it('leaves other cookies alone', () => {
    for (const name of [
      'theme', 'locale', 'lang', 'cookie_consent', '_ga', '_gid', 'csrftoken', 'XSRF-TOKEN', '_csrf', 'csrf_token', 'cart',
      'session_expires', 'token_type', 'sessionCount', 'logged_in', 'is_authenticated', 'has_session', 'last_access',
      'auto_refresh', 'remember_email', 'accessibility', 'sidebar', 'user_id', '',
    ]) {
      assert.equal(isAuthCookieName(name), false, name);
    }
  });

  it('reads a constant name as a cookie name', () => {
    assert.equal(cookieNameFromIdentifier('TOKEN_COOKIE_NAME'), 'token');
    assert.equal(cookieNameFromIdentifier('SESSION_ID'), 'session_id');
    assert.equal(cookieNameFromIdentifier('cookieName'), '');
    assert.equal(cookieNameFromIdentifier('authCookie'), 'auth');
  });

  it('parses cookie strings with computed parts', () => {
    const full = parseCookieString(`token=${HOLE}; Path=/; HttpOnly; Secure; SameSite=Strict`);
    assert.equal(full.name, 'token');
    assert.deepEqual(missingFlags(full), []);
    const bare = parseCookieString(`session=${HOLE}; Path=/`);
    assert.deepEqual(missingFlags(bare), ['httpOnly', 'secure']);
    assert.equal(parseCookieString(`${HOLE}=${HOLE}`).name, undefined);
    assert.equal(parseCookieString(`token_${HOLE}=${HOLE}`).name, 'token_*');
    // A computed attribute may be the flags.
    assert.deepEqual(missingFlags(parseCookieString(`token=${HOLE}; ${HOLE}`)), []);
  });

  it('recognizes a cookie being cleared', () => {
    assert.equal(parseCookieString('token=; Path=/').deletes, true);
    assert.equal(parseCookieString('token=x; Max-Age=0').deletes, true);
    assert.equal(parseCookieString('token=x; expires=Thu, 01 Jan 1970 00:00:00 GMT').deletes, true);
    assert.equal(parseCookieString(`token=${HOLE}; Max-Age=3600`).deletes, false);
  });

  it('recognizes development settings files and classes', () => {
    assert.equal(isDevelopmentSettings('project/settings/dev.py', undefined), true);
    assert.equal(isDevelopmentSettings('project/settings/local.py', undefined), true);
    assert.equal(isDevelopmentSettings('project/settings_test.py', undefined), true);
    assert.equal(isDevelopmentSettings('tests/settings.py', undefined), true);
    assert.equal(isDevelopmentSettings('project/settings/production.py', undefined), false);
    assert.equal(isDevelopmentSettings('project/devices.py', undefined), false);
    assert.equal(isDevelopmentSettings('config.py', 'DevelopmentConfig'), true);
    assert.equal(isDevelopmentSettings('config.py', 'ProductionConfig'), false);
  });
});
