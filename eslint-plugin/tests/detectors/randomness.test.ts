import assert from 'node:assert/strict';
import { classifyName } from '../../src/detectors/randomness.js';

describe('randomness detector: names', () => {
  it('names secrets by their last word', () => {
    assert.equal(classifyName('token'), 'token');
    assert.equal(classifyName('accessToken'), 'token');
    assert.equal(classifyName('generateToken'), 'token');
    assert.equal(classifyName('sessionId'), 'session');
    assert.equal(classifyName('sid'), 'session');
    assert.equal(classifyName('randomPassword'), 'password');
    assert.equal(classifyName('client_secret'), 'secret');
    assert.equal(classifyName('SECRET_KEY'), 'key');
    assert.equal(classifyName('apiKey'), 'key');
    assert.equal(classifyName('APIKEY'), 'key');
    assert.equal(classifyName('XSRFToken'), 'csrf');
    assert.equal(classifyName('sessionID'), 'session');
    assert.equal(classifyName('nonce'), 'nonce');
    assert.equal(classifyName('salt'), 'salt');
    assert.equal(classifyName('otp'), 'code');
    assert.equal(classifyName('verificationCode'), 'code');
    assert.equal(classifyName('one_time_code'), 'code');
    assert.equal(classifyName('csrfToken'), 'csrf');
    assert.equal(classifyName('oauthState'), 'csrf');
    assert.equal(classifyName('inviteId'), 'link');
    assert.equal(classifyName('magicLink'), 'link');
    assert.equal(classifyName('tokenValue'), 'token');
  });

  it('needs a qualifier for id, code, key and link', () => {
    assert.equal(classifyName('id'), undefined);
    assert.equal(classifyName('key'), undefined);
    assert.equal(classifyName('code'), undefined);
    assert.equal(classifyName('requestId'), undefined);
    assert.equal(classifyName('cacheKey'), undefined);
    assert.equal(classifyName('orderNumber'), undefined);
    assert.equal(classifyName('mapPin'), undefined);
  });

  it('sees what is not a secret: timing, UI, properties of a secret, flags, test data', () => {
    for (const name of ['retryDelay', 'jitter', 'backoffMs', 'randomColor', 'animationOffset', 'sampleRate']) {
      assert.equal(classifyName(name), 'benign', name);
    }
    for (const name of ['tokenLength', 'passwordMinLength', 'sessionTimeout', 'sessionExpiresAt', 'isToken', 'showPassword']) {
      assert.equal(classifyName(name), 'benign', name);
    }
    for (const name of ['testToken', 'mockPassword', 'fakeApiKey', 'nextPageToken', 'cancelToken', 'promptTokens']) {
      assert.equal(classifyName(name), 'benign', name);
    }
    // A bare attribute word says nothing: the value may still pick a password's characters.
    assert.equal(classifyName('index'), undefined);
  });

  it('applies the options', () => {
    const options = { secretNames: [['ticket']], allowNames: [/^demoToken$/u] };
    assert.equal(classifyName('authTicket', options), 'secret');
    assert.equal(classifyName('demoToken', options), 'benign');
    assert.equal(classifyName('ticket'), undefined);
  });
});
