import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { classifyOriginPattern, corsHeader, environmentOfCondition, isFlaskCorsRegex, isTrueHeaderValue } from '../../src/detectors/cors.js';

describe('detectors/cors', () => {
  describe('classifyOriginPattern', () => {
    it('finds patterns that accept every origin', () => {
      for (const pattern of ['.*', '^.*$', '.+', 'https?://.*', '^https?:\\/\\/.*$', 'https://.*', '(https?://)?.*', 'https?://[^/]+', 'https?://[\\w.-]+(:\\d+)?']) {
        assert.deepEqual(classifyOriginPattern(pattern, 'fullmatch'), { kind: 'any' }, pattern);
      }
      // Without an end anchor, a bare scheme or nothing at all matches everything.
      assert.deepEqual(classifyOriginPattern('^https://', 'search'), { kind: 'any' });
      assert.deepEqual(classifyOriginPattern('', 'search'), { kind: 'any' });
      assert.equal(classifyOriginPattern('https://', 'fullmatch'), undefined);
    });

    it('leaves anchored and library-anchored patterns alone', () => {
      assert.equal(classifyOriginPattern('^https://app\\.example\\.com$', 'search'), undefined);
      assert.equal(classifyOriginPattern('https://.*\\.example\\.com', 'fullmatch'), undefined);
      assert.equal(classifyOriginPattern('^https://([a-z0-9-]+\\.)?example\\.com$', 'search'), undefined);
      assert.equal(classifyOriginPattern('\\.example\\.com$', 'search'), undefined);
      assert.equal(classifyOriginPattern('https://app\\.example\\.com\\Z', 'match'), undefined);
      // An origin can only go on with more digits after a port.
      assert.equal(classifyOriginPattern('http://localhost:\\d+', 'match'), undefined);
      assert.equal(classifyOriginPattern('https://[a-z]+\\.example\\.com', 'fullmatch'), undefined);
    });

    it('finds missing end anchors, with a look-alike origin', () => {
      assert.deepEqual(classifyOriginPattern('example\\.com', 'search'), {
        kind: 'unanchored',
        missing: 'end',
        example: 'https://example.com.attacker.example',
      });
      assert.deepEqual(classifyOriginPattern('https://.*\\.example\\.com', 'match'), {
        kind: 'unanchored',
        missing: 'end',
        example: 'https://app.example.com.attacker.example',
      });
      assert.deepEqual(classifyOriginPattern('^https?://(www\\.)?example\\.com', 'search'), {
        kind: 'unanchored',
        missing: 'end',
        example: 'https://example.com.attacker.example',
      });
      assert.equal(classifyOriginPattern('localhost', 'search')?.kind, 'unanchored');
    });

    it('finds a missing start anchor before a registrable domain', () => {
      assert.deepEqual(classifyOriginPattern('example\\.com$', 'search'), {
        kind: 'unanchored',
        missing: 'start',
        example: 'https://attackerexample.com',
      });
      assert.equal(classifyOriginPattern('(www\\.)?example\\.com$', 'search')?.kind, 'unanchored');
      // re.match anchors the start; subdomain patterns cannot be registered by others.
      assert.equal(classifyOriginPattern('example\\.com$', 'match'), undefined);
      assert.equal(classifyOriginPattern('app\\.example\\.com$', 'search'), undefined);
    });
  });

  it('reads Flask-CORS origins as patterns only when they hold regex characters', () => {
    assert.equal(isFlaskCorsRegex('https://app.example.com'), false);
    assert.equal(isFlaskCorsRegex('https://.*\\.example\\.com'), true);
    assert.equal(isFlaskCorsRegex('*'), true);
  });

  it('names CORS headers case-insensitively and reads credential values', () => {
    assert.equal(corsHeader('Access-Control-Allow-Origin'), 'origin');
    assert.equal(corsHeader('access-control-allow-credentials'), 'credentials');
    assert.equal(corsHeader('Access-Control-Allow-Methods'), undefined);
    assert.equal(isTrueHeaderValue('true'), true);
    assert.equal(isTrueHeaderValue(true), true);
    assert.equal(isTrueHeaderValue('false'), false);
  });

  it('reads which environment a condition selects', () => {
    assert.equal(environmentOfCondition('settings.DEBUG'), 'development');
    assert.equal(environmentOfCondition('not settings.DEBUG'), 'production');
    assert.equal(environmentOfCondition("process.env.NODE_ENV !== 'production'"), 'development');
    assert.equal(environmentOfCondition("process.env.NODE_ENV === 'production'"), 'production');
    assert.equal(environmentOfCondition('os.getenv("ENV") == "development"'), 'development');
    assert.equal(environmentOfCondition('ENVIRONMENT != "development"'), 'production');
    assert.equal(environmentOfCondition('!isProd'), 'development');
    assert.equal(environmentOfCondition('(isDevelopment)'), 'development');
    assert.equal(environmentOfCondition('user.isAdmin'), undefined);
  });
});
