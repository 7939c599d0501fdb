import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  DAY,
  HOUR,
  MILLISECOND,
  MINUTE,
  SECOND,
  durationInUnit,
  durationString,
  formatDuration,
  isAuthenticatingFunctionName,
  isLifetimeName,
  isNoneAlgorithm,
  lifetimeUnitOfName,
  parseDuration,
  timedeltaArguments,
  tokenKindOfName,
  tokenKindOfNames,
} from '../../src/detectors/jwt.js';

describe('detectors/jwt', () => {
  describe('durations', () => {
    it("reads jsonwebtoken's ms strings (a bare number is milliseconds)", () => {
      assert.equal(parseDuration('30d', 'ms'), 30 * DAY);
      assert.equal(parseDuration('2h', 'ms'), 2 * HOUR);
      assert.equal(parseDuration('45m', 'ms'), 45 * MINUTE);
      assert.equal(parseDuration('7 days', 'ms'), 7 * DAY);
      assert.equal(parseDuration('1.5h', 'ms'), 90 * MINUTE);
      assert.equal(parseDuration('120', 'ms'), 0.12);
      assert.equal(parseDuration('1y', 'ms'), 365.25 * DAY);
      assert.equal(parseDuration('soon', 'ms'), undefined);
      assert.equal(parseDuration('${TTL}', 'ms'), undefined);
    });

    it("reads jose's relative times and requires a unit", () => {
      assert.equal(parseDuration('2h', 'jose'), 2 * HOUR);
      assert.equal(parseDuration('+30 minutes', 'jose'), 30 * MINUTE);
      assert.equal(parseDuration('1 day from now', 'jose'), DAY);
      assert.equal(parseDuration('3600', 'jose'), undefined);
      assert.equal(parseDuration('2 hours ago', 'jose'), undefined);
    });

    it('formats durations in the largest whole unit', () => {
      assert.equal(formatDuration(30 * MINUTE), '30 minutes');
      assert.equal(formatDuration(HOUR), '1 hour');
      assert.equal(formatDuration(90 * MINUTE), '90 minutes');
      assert.equal(formatDuration(8 * DAY), '8 days');
      assert.equal(formatDuration(365.25 * DAY), '365.25 days');
      assert.equal(formatDuration(45), '45 seconds');
    });

    it('writes a maximum in the unit a site uses', () => {
      assert.equal(durationInUnit(30 * MINUTE, MINUTE), '30');
      assert.equal(durationInUnit(30 * MINUTE, SECOND), '30 * 60');
      assert.equal(durationInUnit(30 * MINUTE, MILLISECOND), '30 * 60 * 1000');
      assert.equal(durationInUnit(30 * MINUTE, HOUR), undefined);
      assert.equal(durationInUnit(7 * DAY, DAY), '7');
      assert.equal(durationInUnit(7 * DAY, HOUR), '7 * 24');
      assert.equal(durationInUnit(7 * DAY, SECOND), '7 * 24 * 60 * 60');
      assert.equal(durationString(30 * MINUTE), '30m');
      assert.equal(durationString(HOUR), '1h');
      assert.equal(durationString(7 * DAY), '7d');
      assert.equal(timedeltaArguments(30 * MINUTE), 'minutes=30');
      assert.equal(timedeltaArguments(7 * DAY), 'days=7');
    });
  });

  describe('names', () => {
    it('tells access, refresh and one-time tokens apart', () => {
      assert.equal(tokenKindOfName('ACCESS_TOKEN_EXPIRE_MINUTES'), 'access');
      assert.equal(tokenKindOfName('refreshAccessToken'), 'access');
      assert.equal(tokenKindOfName('refreshToken'), 'refresh');
      assert.equal(tokenKindOfName('REMEMBER_COOKIE_DURATION'), 'refresh');
      assert.equal(tokenKindOfName('EMAIL_RESET_TOKEN_EXPIRE_HOURS'), 'other');
      assert.equal(tokenKindOfName('createPasswordResetToken'), 'other');
      assert.equal(tokenKindOfName('TOKEN_CACHE_TTL'), 'other');
      assert.equal(tokenKindOfName('JWT_EXPIRES_IN'), 'access');
      assert.equal(tokenKindOfName('expiresIn'), undefined);
      assert.equal(tokenKindOfName('JwtModule.register'), 'access');
    });

    it('lets a name that says which token win over one that only says "token"', () => {
      assert.equal(tokenKindOfNames(['expiresIn', 'token', 'createPasswordResetToken']), 'other');
      assert.equal(tokenKindOfNames(['JWT_EXPIRES_IN', 'generateRefreshToken']), 'refresh');
      assert.equal(tokenKindOfNames(['accessToken', 'issueRefreshToken']), 'access');
      assert.equal(tokenKindOfNames(['expiresIn', 'signedUrl', 'getSignedUrl']), undefined);
    });

    it('recognizes lifetime settings and the unit in their names', () => {
      assert.equal(isLifetimeName('ACCESS_TOKEN_EXPIRE_MINUTES'), true);
      assert.equal(isLifetimeName('expiresIn'), true);
      assert.equal(isLifetimeName('REFRESH_TOKEN_LIFETIME'), true);
      assert.equal(isLifetimeName('JWT_EXP_DELTA_SECONDS'), true);
      assert.equal(isLifetimeName('exp'), false);
      assert.equal(isLifetimeName('maxAge'), false);
      assert.equal(lifetimeUnitOfName('ACCESS_TOKEN_EXPIRE_MINUTES'), MINUTE);
      assert.equal(lifetimeUnitOfName('REFRESH_TOKEN_EXPIRE_DAYS'), DAY);
      assert.equal(lifetimeUnitOfName('tokenTtlMs'), MILLISECOND);
      assert.equal(lifetimeUnitOfName('expiresIn'), SECOND);
      assert.equal(lifetimeUnitOfName('JWT_ACCESS_TOKEN_EXPIRES'), SECOND);
      assert.equal(lifetimeUnitOfName('JWT_EXPIRATION'), undefined);
    });

    it('recognizes functions that authenticate', () => {
      assert.equal(isAuthenticatingFunctionName('authenticate'), true);
      assert.equal(isAuthenticatingFunctionName('get_current_user'), true);
      assert.equal(isAuthenticatingFunctionName('verifyToken'), true);
      assert.equal(isAuthenticatingFunctionName('requireAuth'), true);
      assert.equal(isAuthenticatingFunctionName('decodeToken'), false);
      assert.equal(isAuthenticatingFunctionName('logToken'), false);
    });
  });

  it('recognizes the none algorithm in any case', () => {
    assert.equal(isNoneAlgorithm('none'), true);
    assert.equal(isNoneAlgorithm('None'), true);
    assert.equal(isNoneAlgorithm('HS256'), false);
  });
});
