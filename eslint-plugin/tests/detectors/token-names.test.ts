import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  credentialParam,
  findQueryCredentials,
  isApiKeyName,
  isCredentialLiteral,
  isNonCredentialName,
  type UrlPart,
} from '../../src/detectors/token-names.js';

/** Parts of a URL written as text with `{name}` for each computed value (offsets as in the text). */
function parts(template: string): UrlPart<string>[] {
  const result: UrlPart<string>[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    result.push({ text: template.slice(last, match.index), start: last });
    result.push({ node: match[1]!, start: match.index, end: match.index + match[0].length });
    last = match.index + match[0].length;
  }
  result.push({ text: template.slice(last), start: last });
  return result;
}

/** The credentials found, as `name=value` with the value's node name or text, and the reported text. */
function found(template: string): string[] {
  return findQueryCredentials(parts(template)).map(
    ({ name, value, range, websocket }) =>
      `${name}=${'node' in value ? `{${value.node}}` : value.text} @${template.slice(range[0], range[1])}${websocket ? ' ws' : ''}`,
  );
}

describe('detectors/token-names', () => {
  it('names the credential a query parameter carries', () => {
    assert.deepEqual(credentialParam('access_token'), { what: 'access token', kind: 'token', needsKeyValue: false });
    assert.deepEqual(credentialParam('id_token'), { what: 'ID token', kind: 'token', needsKeyValue: false });
    assert.deepEqual(credentialParam('jwt'), { what: 'JWT', kind: 'token', needsKeyValue: false });
    assert.deepEqual(credentialParam('apiKey'), { what: 'API key', kind: 'key', needsKeyValue: false });
    assert.deepEqual(credentialParam('X-API-Key'), { what: 'API key', kind: 'key', needsKeyValue: false });
    assert.deepEqual(credentialParam('key'), { what: 'API key', kind: 'key', needsKeyValue: true });
    assert.deepEqual(credentialParam('client_secret'), { what: 'client secret', kind: 'key', needsKeyValue: false });
    assert.deepEqual(credentialParam('password'), { what: 'password', kind: 'key', needsKeyValue: false });
    assert.deepEqual(credentialParam('auth'), { what: 'token', kind: 'token', needsKeyValue: false });
    assert.deepEqual(credentialParam('PHPSESSID'), { what: 'session ID', kind: 'token', needsKeyValue: false });
  });

  it('leaves parameters that carry no credential', () => {
    for (const name of [
      'code', 'state', 'token_type', 'tokenize', 'pageToken', 'page_token', 'next_page_token', 'nextToken',
      'continuationToken', 'syncToken', 'csrf_token', 'hub.verify_token', 'reset_token', 'cacheKey', 'signature',
      'X-Amz-Security-Token', 'AWSAccessKeyId', 'sid',
    ]) {
      assert.equal(credentialParam(name), undefined, name);
    }
  });

  it('reads value names', () => {
    assert.equal(isNonCredentialName('nextPageToken'), true);
    assert.equal(isNonCredentialName('resetToken'), true);
    assert.equal(isNonCredentialName('csrfToken'), true);
    assert.equal(isNonCredentialName('accessToken'), false);
    assert.equal(isApiKeyName('GOOGLE_API_KEY'), true);
    assert.equal(isApiKeyName('cacheKey'), false);
    assert.equal(isCredentialLiteral('9f8e7d6c5b4a3f2e1d0c9b8a'), true);
    assert.equal(isCredentialLiteral('DEMO_KEY'), false);
    assert.equal(isCredentialLiteral('your-token-here'), false);
    assert.equal(isCredentialLiteral('1'), false);
  });

  it('finds credential parameters in the query of a URL being built', () => {
    assert.deepEqual(found('{base}/me?fields=id&access_token={token}'), ['access_token={token} @access_token={token}']);
    assert.deepEqual(found('https://api.example.com/v1?apikey=9f8e7d6c5b4a3f2e1d0c9b8a&q=1'), [
      'apikey=9f8e7d6c5b4a3f2e1d0c9b8a @apikey=9f8e7d6c5b4a3f2e1d0c9b8a',
    ]);
    assert.deepEqual(found('{url}&token={token}'), ['token={token} @token={token}']);
    assert.deepEqual(found('?jwt={jwt}'), ['jwt={jwt} @jwt={jwt}']);
    assert.deepEqual(found('wss://chat.example.com/ws?token={token}'), ['token={token} @token={token} ws']);
    assert.deepEqual(found('/a?auth=Bearer%20{token}'), ['auth={token} @auth=Bearer%20{token}']);
    assert.deepEqual(found('userinfo?access_token={token}'), ['access_token={token} @access_token={token}']);
  });

  it('skips text that is no URL, fragments, one-time links and public map keys', () => {
    assert.deepEqual(found('login ok, token={token}'), []);
    assert.deepEqual(found('token={token}; Path=/; HttpOnly'), []);
    assert.deepEqual(found('{base}/#access_token={token}'), []);
    assert.deepEqual(found('{base}/reset-password?token={token}'), []);
    assert.deepEqual(found('https://maps.googleapis.com/maps/api/js?key={key}'), []);
    assert.deepEqual(found('https://maps.example.com/js?key={key}'), []);
    assert.deepEqual(found('{cdn}/widget.js?apiKey={key}'), []);
    assert.deepEqual(found('{cdn}/widget.js?token={token}'), ['token={token} @token={token}']);
    assert.deepEqual(found('{base}/items?token='), []);
  });

  it('honours ignored parameters and allowed hosts', () => {
    assert.deepEqual(findQueryCredentials(parts('{base}?auth={t}'), { ignoreParams: new Set(['auth']) }), []);
    assert.deepEqual(findQueryCredentials(parts('https://tiles.example.com/v1?key={k}'), { allowedHosts: ['tiles.example.com'] }), []);
  });
});
