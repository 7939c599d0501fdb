import rule from '../../src/rules/require-secure-cookies.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

const both = { cookie: 'auth cookie "token"', fix: 'httpOnly: true and secure: true' };

javascriptTester().run('require-secure-cookies', rule, {
  valid: [
    // Both flags.
    "res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });",
    "res.cookie('refresh_token', refreshToken, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });",
    "const cookieOptions = { httpOnly: true, secure: true, maxAge: 15 * 60 * 1000 };\nres.cookie('access_token', token, cookieOptions);",
    "const COOKIE = 'session';\nres.cookie(COOKIE, sessionId, { httpOnly: true, secure: isProduction });",
    // Not auth cookies.
    "res.cookie('theme', 'dark');",
    "res.cookie('locale', req.query.lang, { maxAge: 31536000 });",
    "res.cookie('cookie_consent', 'accepted', { maxAge: 31536000 });",
    "res.cookie('_ga', clientId);",
    // The CSRF token must be readable by the page's script.
    "res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true });",
    "res.cookie('csrftoken', token, { secure: true, sameSite: 'lax' });",
    // Flags about a session, not the session.
    "res.cookie('session_expires', expiresAt.toISOString());",
    "res.cookie('logged_in', 'true');",
    "res.cookie('token_type', 'Bearer');",
    // Clearing a cookie.
    "res.cookie('token', '', { maxAge: 0 });",
    "res.cookie('token', 'x', { expires: new Date(0) });",
    "res.clearCookie('token');",
    // Options the rule cannot see.
    "import { cookieOptions } from './config';\nres.cookie('token', token, cookieOptions);",
    "res.cookie('token', token, { ...baseCookieOptions, maxAge: 3600 });",
    "res.cookie('token', token, getCookieOptions(req));",
    // A name the rule cannot see.
    'res.cookie(name, value);',
    "res.cookie(cookieName, token, { maxAge: 1000 });",
    // Other libraries' cookie methods.
    "$.cookie('token', value);",
    "cy.setCookie('token', 'abc');",
    "await page.setCookie({ name: 'token', value: 'abc' });",
    // Koa: HttpOnly is on by default and Secure follows the connection.
    "ctx.cookies.set('token', token, { signed: true });",
    "ctx.cookies.set('token', token);",
    // express-session: HttpOnly on by default; Secure set.
    "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true } }));",
    "import session from 'express-session';\napp.use(session({ secret: s, cookie: { secure: 'auto', sameSite: 'lax' } }));",
    "import session from 'express-session';\napp.use(session(sessionOptions));",
    "import session from 'express-session';\napp.use(session({ ...sessionDefaults, secret: s }));",
    "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys: [key] }));",
    // Some other `session` function.
    "import session from './session';\napp.use(session({ cookie: { secure: false } }));",
    // Next.js with both flags.
    "import { cookies } from 'next/headers';\ncookies().set('session', id, { httpOnly: true, secure: true, path: '/' });",
    "import { cookies } from 'next/headers';\n(await cookies()).set({ name: 'token', value: token, httpOnly: true, secure: true });",
    // cookie.serialize with both flags.
    "import { serialize } from 'cookie';\nres.setHeader('Set-Cookie', serialize('token', token, { httpOnly: true, secure: true }));",
    // Raw Set-Cookie with both flags, attributes from a variable, non-auth, deletion.
    "res.setHeader('Set-Cookie', `token=${token}; Path=/; HttpOnly; Secure; SameSite=Strict`);",
    "res.setHeader('Set-Cookie', `token=${token}; ${cookieAttributes}`);",
    "res.setHeader('Set-Cookie', 'theme=dark; Path=/');",
    "res.setHeader('Set-Cookie', 'token=; Max-Age=0; Path=/');",
    // document.cookie for non-auth cookies, or clearing one.
    "document.cookie = 'theme=' + theme + '; path=/';",
    "document.cookie = 'token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';",
    "document.cookie = `${name}=${value}`;",
    // js-cookie for a preference.
    "import Cookies from 'js-cookie';\nCookies.set('sidebar', 'collapsed');",
    {
      code: "res.cookie('remember_me_hint', '1');",
      options: [{ ignoreCookieNames: ['_hint$'] }],
    },
  ],
  invalid: [
    {
      code: "res.cookie('token', token);",
      errors: [
        {
          messageId: 'missingBoth',
          data: both,
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 19,
          suggestions: [{ messageId: 'addFlags', data: { fix: both.fix }, output: "res.cookie('token', token, { httpOnly: true, secure: true });" }],
        },
      ],
    },
    {
      code: "res.cookie('access_token', accessToken, { maxAge: 900000 });",
      errors: [
        {
          messageId: 'missingBoth',
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 26,
          suggestions: [{ messageId: 'addFlags', output: "res.cookie('access_token', accessToken, { maxAge: 900000, httpOnly: true, secure: true });" }],
        },
      ],
    },
    {
      // Only Secure is missing.
      code: "res.cookie('refreshToken', refreshToken, { httpOnly: true, sameSite: 'strict' });",
      errors: [
        {
          messageId: 'missingSecure',
          data: { cookie: 'auth cookie "refreshToken"', fix: 'secure: true' },
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 26,
          suggestions: [
            { messageId: 'addFlags', output: "res.cookie('refreshToken', refreshToken, { httpOnly: true, sameSite: 'strict', secure: true });" },
          ],
        },
      ],
    },
    {
      // Explicit false, in a constant object and a multi-line literal with a trailing comma.
      code: "const TOKEN_COOKIE = 'jwt';\nconst options = {\n  httpOnly: false,\n  secure: true,\n  maxAge: 3600,\n};\nres.cookie(TOKEN_COOKIE, jwt, options);",
      errors: [
        {
          messageId: 'missingHttpOnly',
          data: { cookie: 'auth cookie "jwt"', fix: 'httpOnly: true' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addFlags',
              output: "const TOKEN_COOKIE = 'jwt';\nconst options = {\n  httpOnly: true,\n  secure: true,\n  maxAge: 3600,\n};\nres.cookie(TOKEN_COOKIE, jwt, options);",
            },
          ],
        },
      ],
    },
    {
      code: "reply.setCookie('sessionId', id, {\n  path: '/',\n  signed: true,\n});",
      errors: [
        {
          messageId: 'missingBoth',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addFlags',
              output: "reply.setCookie('sessionId', id, {\n  path: '/',\n  signed: true,\n  httpOnly: true,\n  secure: true,\n});",
            },
          ],
        },
      ],
    },
    {
      // An imported constant's name says what it holds.
      code: "import { AUTH_COOKIE_NAME } from './constants';\nres.cookie(AUTH_COOKIE_NAME, token, { secure: true });",
      errors: [
        {
          messageId: 'missingHttpOnly',
          data: { cookie: 'auth cookie AUTH_COOKIE_NAME', fix: 'httpOnly: true' },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 28,
          suggestions: [{ messageId: 'addFlags', output: "import { AUTH_COOKIE_NAME } from './constants';\nres.cookie(AUTH_COOKIE_NAME, token, { secure: true, httpOnly: true });" }],
        },
      ],
    },
    {
      // A name from a constant object.
      code: "const COOKIES = { ACCESS: 'sb-access-token' };\nres.cookie(COOKIES.ACCESS, token, { secure: true, httpOnly: false });",
      errors: [
        {
          messageId: 'missingHttpOnly',
          data: { cookie: 'auth cookie "sb-access-token"', fix: 'httpOnly: true' },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 26,
          suggestions: [{ messageId: 'addFlags', output: "const COOKIES = { ACCESS: 'sb-access-token' };\nres.cookie(COOKIES.ACCESS, token, { secure: true, httpOnly: true });" }],
        },
      ],
    },
    {
      // Koa: only an explicit false.
      code: "ctx.cookies.set('koa.sess', value, { httpOnly: false });",
      errors: [
        {
          messageId: 'missingHttpOnly',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 27,
          suggestions: [{ messageId: 'addFlags', output: "ctx.cookies.set('koa.sess', value, { httpOnly: true });" }],
        },
      ],
    },
    {
      // Next.js: both default to false.
      code: "import { cookies } from 'next/headers';\n(await cookies()).set('session', sessionId, { path: '/' });",
      errors: [
        {
          messageId: 'missingBoth',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            { messageId: 'addFlags', output: "import { cookies } from 'next/headers';\n(await cookies()).set('session', sessionId, { path: '/', httpOnly: true, secure: true });" },
          ],
        },
      ],
    },
    {
      code: "import { cookies } from 'next/headers';\ncookies().set({ name: 'token', value: token, httpOnly: true });",
      errors: [
        {
          messageId: 'missingSecure',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            { messageId: 'addFlags', output: "import { cookies } from 'next/headers';\ncookies().set({ name: 'token', value: token, httpOnly: true, secure: true });" },
          ],
        },
      ],
    },
    {
      code: "import { NextResponse } from 'next/server';\nconst response = NextResponse.json({ ok: true });\nresponse.cookies.set('token', token);",
      errors: [
        {
          messageId: 'missingBoth',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addFlags',
              output: "import { NextResponse } from 'next/server';\nconst response = NextResponse.json({ ok: true });\nresponse.cookies.set('token', token, { httpOnly: true, secure: true });",
            },
          ],
        },
      ],
    },
    {
      // cookie.serialize and Hono.
      code: "import cookie from 'cookie';\nres.setHeader('Set-Cookie', cookie.serialize('auth', token, { secure: true }));",
      errors: [
        {
          messageId: 'missingHttpOnly',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            { messageId: 'addFlags', output: "import cookie from 'cookie';\nres.setHeader('Set-Cookie', cookie.serialize('auth', token, { secure: true, httpOnly: true }));" },
          ],
        },
      ],
    },
    {
      code: "import { setCookie } from 'hono/cookie';\nsetCookie(c, 'token', token, { httpOnly: true });",
      errors: [
        {
          messageId: 'missingSecure',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 21,
          suggestions: [{ messageId: 'addFlags', output: "import { setCookie } from 'hono/cookie';\nsetCookie(c, 'token', token, { httpOnly: true, secure: true });" }],
        },
      ],
    },
    {
      // express-session: Secure is off by default.
      code: "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));",
      errors: [
        {
          messageId: 'missingSecure',
          data: { cookie: 'session cookie "connect.sid"', fix: 'secure: true' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addFlags',
              output: "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false, cookie: { secure: true } }));",
            },
          ],
        },
      ],
    },
    {
      code: "const session = require('express-session');\napp.use(session({\n  name: 'sid',\n  secret,\n  cookie: { httpOnly: false, secure: false },\n}));",
      errors: [
        {
          messageId: 'missingBoth',
          data: { cookie: 'session cookie "sid"', fix: 'httpOnly: true and secure: true' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addFlags',
              output: "const session = require('express-session');\napp.use(session({\n  name: 'sid',\n  secret,\n  cookie: { httpOnly: true, secure: true },\n}));",
            },
          ],
        },
      ],
    },
    {
      code: "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys, secure: false }));",
      errors: [
        {
          messageId: 'missingSecure',
          data: { cookie: 'session cookie "session"', fix: 'secure: true' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 22,
          suggestions: [{ messageId: 'addFlags', output: "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys, secure: true }));" }],
        },
      ],
    },
    {
      // Raw Set-Cookie headers.
      code: "res.setHeader('Set-Cookie', `token=${token}; Path=/; HttpOnly`);",
      errors: [
        {
          messageId: 'missingSecure',
          data: { cookie: 'auth cookie "token"', fix: 'Secure' },
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 63,
          suggestions: [{ messageId: 'addFlags', output: "res.setHeader('Set-Cookie', `token=${token}; Path=/; HttpOnly; Secure`);" }],
        },
      ],
    },
    {
      code: "return new Response(null, { headers: { 'Set-Cookie': 'session=' + id + '; Path=/' } });",
      errors: [
        {
          messageId: 'missingBoth',
          line: 1,
          column: 54,
          endLine: 1,
          endColumn: 82,
          suggestions: [{ messageId: 'addFlags', output: "return new Response(null, { headers: { 'Set-Cookie': 'session=' + id + '; Path=/; HttpOnly; Secure' } });" }],
        },
      ],
    },
    {
      // document.cookie and js-cookie can never be HttpOnly.
      code: "document.cookie = 'token=' + token + '; path=/; secure';",
      errors: [{ messageId: 'clientSideCookie', data: { cookie: 'auth cookie "token"', api: 'document.cookie' }, line: 1, column: 1, endLine: 1, endColumn: 56 }],
    },
    {
      code: "document.cookie = `access_token=${data.access_token}; max-age=3600`;",
      errors: [{ messageId: 'clientSideCookie', line: 1, column: 1, endLine: 1, endColumn: 68 }],
    },
    {
      code: "import Cookies from 'js-cookie';\nCookies.set('jwt', response.token, { expires: 7 });",
      errors: [{ messageId: 'clientSideCookie', data: { cookie: 'auth cookie "jwt"', api: 'Cookies.set()' }, line: 2, column: 1, endLine: 2, endColumn: 51 }],
    },
    {
      code: "res.cookie('acme_u', userToken, { httpOnly: true });",
      options: [{ authCookieNames: ['^acme_u$'] }],
      errors: [
        {
          messageId: 'missingSecure',
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 20,
          suggestions: [{ messageId: 'addFlags', output: "res.cookie('acme_u', userToken, { httpOnly: true, secure: true });" }],
        },
      ],
    },
  ],
});

languageTester('python').run('require-secure-cookies', rule as never, {
  valid: [
    'response.set_cookie(key="access_token", value=token, httponly=True, secure=True, samesite="strict")\n',
    'response.set_cookie("session_token", token, httponly=True, secure=not settings.DEBUG)\n',
    'COOKIE_NAME = "access_token"\nresponse.set_cookie(COOKIE_NAME, token, httponly=True, secure=True)\n',
    // Not auth cookies; the CSRF cookie must be readable by the page.
    'response.set_cookie("theme", "dark")\n',
    'response.set_cookie("locale", lang, max_age=31536000)\n',
    'response.set_cookie("csrftoken", token, secure=True)\n',
    // Clearing a cookie.
    'response.set_cookie("access_token", "", max_age=0)\n',
    'response.delete_cookie("access_token")\n',
    // Options the rule cannot see.
    'response.set_cookie("access_token", token, **COOKIE_OPTIONS)\n',
    'response.set_cookie(name, value)\n',
    // Test clients set cookies on requests.
    'client.set_cookie("session", "abc")\n',
    'self.client.set_cookie("sessionid", session.session_key)\n',
    // Settings: True, computed, or in development settings.
    'SESSION_COOKIE_SECURE = True\nSESSION_COOKIE_HTTPONLY = True\nCSRF_COOKIE_SECURE = True\n',
    'SESSION_COOKIE_SECURE = not DEBUG\n',
    'CSRF_COOKIE_HTTPONLY = False\n',
    { code: 'SESSION_COOKIE_SECURE = False\n', filename: 'myproject/settings/dev.py' },
    { code: 'SESSION_COOKIE_SECURE = False\n', filename: 'myproject/settings_local.py' },
    'class DevelopmentConfig(Config):\n    SESSION_COOKIE_SECURE = False\n',
    'def configure(app):\n    SESSION_COOKIE_SECURE = False\n    return SESSION_COOKIE_SECURE\n',
    // Positional flags (Django/Werkzeug/Starlette order: ..., secure, httponly).
    'response.set_cookie("sessionid", key, 3600, None, "/", None, True, True)\n',
    // A file with no cookies at all.
    'def handler(request):\n    return {"ok": True}\n',
  ],
  invalid: [
    {
      // Starlette/FastAPI: both default to False.
      code: 'response.set_cookie(key="access_token", value=f"Bearer {token}")\n',
      errors: [
        {
          messageId: 'missingBoth',
          data: { cookie: 'auth cookie "access_token"', fix: 'httponly=True and secure=True' },
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 39,
          suggestions: [
            { messageId: 'addFlags', output: 'response.set_cookie(key="access_token", value=f"Bearer {token}", httponly=True, secure=True)\n' },
          ],
        },
      ],
    },
    {
      code: 'resp.set_cookie("session_token", token, httponly=True)\n',
      errors: [
        {
          messageId: 'missingSecure',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 32,
          suggestions: [{ messageId: 'addFlags', output: 'resp.set_cookie("session_token", token, httponly=True, secure=True)\n' }],
        },
      ],
    },
    {
      // Explicit False, multi-line with a trailing comma.
      code: 'response.set_cookie(\n    "refresh_token",\n    refresh,\n    httponly=False,\n    samesite="lax",\n)\n',
      errors: [
        {
          messageId: 'missingBoth',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addFlags',
              output: 'response.set_cookie(\n    "refresh_token",\n    refresh,\n    httponly=True,\n    samesite="lax",\n    secure=True,\n)\n',
            },
          ],
        },
      ],
    },
    {
      // Through a module constant; Django's set_signed_cookie.
      code: 'SESSION_COOKIE = "sessionid"\nresponse.set_signed_cookie(SESSION_COOKIE, key, secure=True)\n',
      errors: [
        {
          messageId: 'missingHttpOnly',
          data: { cookie: 'auth cookie "sessionid"', fix: 'httponly=True' },
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 42,
          suggestions: [{ messageId: 'addFlags', output: 'SESSION_COOKIE = "sessionid"\nresponse.set_signed_cookie(SESSION_COOKIE, key, secure=True, httponly=True)\n' }],
        },
      ],
    },
    {
      // An f-string name; secure=None is off.
      code: 'response.set_cookie(f"{prefix}_session", sid, httponly=True, secure=None)\n',
      errors: [
        {
          messageId: 'missingSecure',
          data: { cookie: 'auth cookie "*_session"', fix: 'secure=True' },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 40,
          suggestions: [{ messageId: 'addFlags', output: 'response.set_cookie(f"{prefix}_session", sid, httponly=True, secure=True)\n' }],
        },
      ],
    },
    {
      // Positional: secure is the seventh argument.
      code: 'response.set_cookie("sessionid", key, 3600, None, "/", None, False)\n',
      errors: [
        {
          messageId: 'missingBoth',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 32,
          suggestions: [{ messageId: 'addFlags', output: 'response.set_cookie("sessionid", key, 3600, None, "/", None, True, httponly=True)\n' }],
        },
      ],
    },
    {
      // Django settings.
      code: 'SESSION_COOKIE_SECURE = False\n',
      errors: [
        {
          messageId: 'settingNotSecure',
          data: { setting: 'SESSION_COOKIE_SECURE', cookie: 'session' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 30,
          suggestions: [{ messageId: 'enableSetting', output: 'SESSION_COOKIE_SECURE = True\n' }],
        },
      ],
    },
    {
      code: 'SESSION_COOKIE_HTTPONLY = False\nCSRF_COOKIE_SECURE = False\n',
      errors: [
        {
          messageId: 'settingNotHttpOnly',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 32,
          suggestions: [{ messageId: 'enableSetting', output: 'SESSION_COOKIE_HTTPONLY = True\nCSRF_COOKIE_SECURE = False\n' }],
        },
        {
          messageId: 'settingNotSecure',
          data: { setting: 'CSRF_COOKIE_SECURE', cookie: 'CSRF' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 27,
          suggestions: [{ messageId: 'enableSetting', output: 'SESSION_COOKIE_HTTPONLY = False\nCSRF_COOKIE_SECURE = True\n' }],
        },
      ],
    },
    {
      // Flask config.
      code: 'app.config["SESSION_COOKIE_SECURE"] = False\n',
      errors: [{ messageId: 'settingNotSecure', line: 1, column: 1, endLine: 1, endColumn: 44, suggestions: [{ messageId: 'enableSetting', output: 'app.config["SESSION_COOKIE_SECURE"] = True\n' }] }],
    },
    {
      code: 'app.config.update(SESSION_COOKIE_HTTPONLY=False, REMEMBER_COOKIE_SECURE=True)\n',
      errors: [
        {
          messageId: 'settingNotHttpOnly',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 48,
          suggestions: [{ messageId: 'enableSetting', output: 'app.config.update(SESSION_COOKIE_HTTPONLY=True, REMEMBER_COOKIE_SECURE=True)\n' }],
        },
      ],
    },
    {
      code: 'class ProductionConfig(Config):\n    REMEMBER_COOKIE_SECURE = False\n',
      errors: [
        {
          messageId: 'settingNotSecure',
          data: { setting: 'REMEMBER_COOKIE_SECURE', cookie: 'remember-me' },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 35,
          suggestions: [{ messageId: 'enableSetting', output: 'class ProductionConfig(Config):\n    REMEMBER_COOKIE_SECURE = True\n' }],
        },
      ],
    },
  ],
});
