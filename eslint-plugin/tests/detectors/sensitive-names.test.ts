import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  isBareToken,
  isConnectionUrlName,
  isLoggerName,
  isGenericValueName,
  isRequestName,
  sensitiveGetter,
  sensitiveName,
  urlPasswordHoles,
  usesNonCredentialTokens,
} from '../../src/detectors/sensitive-names.js';

const label = (name: string): string | undefined => {
  const kind = sensitiveName(name);
  return kind?.kind === 'secret' ? kind.label : kind?.kind;
};

describe('detectors/sensitive-names', () => {
  it('names the secret a name holds', () => {
    assert.equal(label('password'), 'a password');
    assert.equal(label('new_password'), 'a password');
    assert.equal(label('db_pass'), 'a password');
    assert.equal(label('password1'), 'a password');
    assert.equal(label('accessToken'), 'an access token');
    assert.equal(label('refresh_token'), 'a refresh token');
    assert.equal(label('id_token'), 'an ID token');
    assert.equal(label('token'), 'a token');
    assert.equal(label('jwt'), 'a JWT');
    assert.equal(label('API_KEY'), 'an API key');
    assert.equal(label('privateKey'), 'a private key');
    assert.equal(label('SECRET_KEY'), 'a secret key');
    assert.equal(label('client_secret'), 'a client secret');
    assert.equal(label('credentials'), 'credentials');
    assert.equal(label('authorization'), 'the Authorization header');
    assert.equal(label('authHeader'), 'the Authorization header');
    assert.equal(label('token_value'), 'a token');
    assert.equal(label('DATABASE_URL'), 'connection-url');
  });

  it('does not name values that only mention a secret', () => {
    for (const name of [
      'token_count', 'tokenizer', 'token_type', 'has_token', 'is_password_valid', 'password_hash', 'hashed_password',
      'secret_name', 'password_length', 'password_reset_requested', 'token_expires_at', 'masked_token', 'tokenPriceSOL',
      'next_page_token', 'cache_token', 'pwd', 'pw', 'key', 'cacheKey', 'ssh_keys', 'channel_credentials', 'get_token',
      'username', 'user_id', 'tokenId',
    ]) {
      assert.equal(sensitiveName(name), undefined, name);
    }
    for (const name of ['t', 'tok', 'value', 'signed', '_raw']) assert.ok(isGenericValueName(name), name);
    for (const name of ['id', 'ttl', 'expiresAt', 'hashed', 'tokenId', 'isValid']) assert.ok(!isGenericValueName(name), name);
  });

  it('names connection URLs, not other URLs', () => {
    for (const name of ['DATABASE_URL', 'redis_url', 'mongoUri', 'SQLALCHEMY_DATABASE_URI', 'CELERY_BROKER_URL', 'dsn', 'connectionString']) {
      assert.ok(isConnectionUrlName(name), name);
    }
    for (const name of ['SENTRY_DSN', 'callback_url', 'cache_url', 'url', 'redis_host', 'masked_database_url']) assert.ok(!isConnectionUrlName(name), name);
  });

  it('reads getters that return a secret', () => {
    assert.equal(sensitiveGetter('getAccessToken')?.kind, 'secret');
    assert.equal(sensitiveGetter('create_access_token')?.kind, 'secret');
    assert.equal(sensitiveGetter('get_token_count'), undefined);
    assert.equal(sensitiveGetter('verify_password'), undefined);
    assert.equal(sensitiveGetter('hash_password'), undefined);
  });

  it('finds interpolations that fill a URL password', () => {
    assert.deepEqual(urlPasswordHoles(['postgresql://', ':', '@', '/app']), [1]);
    assert.deepEqual(urlPasswordHoles(['redis://:', '@', ':6379']), [0]);
    assert.deepEqual(urlPasswordHoles(['https://', '/api?page=', '']), []);
    assert.deepEqual(urlPasswordHoles(['connecting to ', '']), []);
  });

  it('names loggers, requests and lexer code', () => {
    for (const name of ['logger', 'log', 'securityLogger', 'audit_log', 'logging', 'winston', 'structlog']) assert.ok(isLoggerName(name), name);
    for (const name of ['Math', 'dialog', 'catalog', 'changelog', 'toast']) assert.ok(!isLoggerName(name), name);
    for (const name of ['req', 'request', 'ctx', 'incomingRequest']) assert.ok(isRequestName(name), name);
    assert.ok(!isRequestName('response'));
    assert.ok(isBareToken('token'));
    assert.ok(!isBareToken('access_token'));
    assert.ok(usesNonCredentialTokens('import tokenize\n'));
    assert.ok(usesNonCredentialTokens('import { ethers } from "ethers";'));
    assert.ok(!usesNonCredentialTokens('import jwt from "jsonwebtoken";'));
  });
});
