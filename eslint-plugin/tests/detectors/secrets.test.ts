import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { findConnectionUrls, isLoopbackHost, parseConnectionUrl } from '../../src/detectors/connection-url.js';
import { isSigningSecretName, isStandIn, weakSigningKey } from '../../src/detectors/secret-strength.js';
import {
  describeFinding,
  findCredentials,
  mayContainSecrets,
  referenceDefault,
  isPlaceholder,
  isLiteralSigningKey,
  isSecretName,
  isWholeSecret,
  looksLikeSecretValue,
  secretMatcher,
  splitWords,
  toEnvName,
} from '../../src/detectors/secrets.js';

/**
 * Credential-shaped fixtures are assembled from parts so that secret scanners
 * (push protection, gitleaks) never see a token-shaped string in this repository.
 */
const token = (...parts: string[]): string => parts.join('');
const GITHUB = token('ghp', '_R8kQ2vN5xT7mB3wL9pZ4cJ6hF1dS0aYeUoGi');
const AWS_KEY_ID = token('AKIA', 'Z3MHQF7XK2TLWQPB');
const STRIPE = token('sk', '_live_', '51HqLyjWDarjtT1zdp7dcXyZ9');
const GOOGLE = token('AIza', 'SyD8kQ2vN5xT7mB3wL9pZ4cJ6hF1dS0aYeU');
const SLACK = token('xoxb', '-240918375612-', '8452091736215-Qm3vT8kPz1WcR7yLh2NdXs9B');
const OPENAI = token('sk-proj-', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5oQ7sU9wY1aC3');
const ANTHROPIC = token('sk-ant-api03-', 'aB3_dE5-gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5oQ7sU9wY1aC3eG5iK7mO9qS1uW3yA5cE7gI9kM1oQ3sU5wY7aC9eG1iK3mO5qS7uW9yA1cE3gAA');
const SENDGRID = token('SG', '.ngeVfQFYQlKU0ufo8x5d1A.', 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr');
const TWILIO = token('SK', '2b1c3d4e5f60718293a4b5c6d7e8f901');
const NPM = token('npm', '_R8kQ2vN5xT7mB3wL9pZ4cJ6hF1dS0aYeUoGi');
const GITLAB = token('glpat', '-Xk9mQ2vL7pR4tW8zB3nC');
/** A JWT whose payload is {"sub":"42","role":"service_role"}. */
const JWT = token('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiI0MiIsInJvbGUiOiJzZXJ2aWNlX3JvbGUifQ', '.Rk9vB2mX7pL4qT8wZ3nC6yH1sD5fG0jK');
/** Supabase's public anon key shape: {"role":"anon"} — meant to ship in clients. */
const JWT_ANON = token('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0', '.Rk9vB2mX7pL4qT8wZ3nC6yH1sD5fG0jK');
/** jwt.io's example token (John Doe). */
const JWT_IO = token('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
const PEM = token('-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi8kq1yZ0SJbXfPbgYf5aWQJz\n-----END RSA ', 'PRIVATE KEY-----');

describe('detectors/secrets', () => {
  describe('splitWords', () => {
    it('splits camel case, snake case, kebab case and known compounds', () => {
      assert.deepEqual(splitWords('jwtSecret'), ['jwt', 'secret']);
      assert.deepEqual(splitWords('X-API-Key'), ['x', 'api', 'key']);
      assert.deepEqual(splitWords('JWTSecretKey'), ['jwt', 'secret', 'key']);
      assert.deepEqual(splitWords('APIKEY'), ['api', 'key']);
      assert.deepEqual(splitWords('app.config.SECRET_KEY'), ['app', 'config', 'secret', 'key']);
      // Words that are also Object.prototype members.
      assert.deepEqual(splitWords('no-buffer-constructor'), ['no', 'buffer', 'constructor']);
      assert.deepEqual(splitWords('toString'), ['to', 'string']);
    });
  });

  describe('isSecretName', () => {
    it('accepts names that hold secrets', () => {
      for (const name of [
        'SECRET_KEY', 'jwt_secret', 'password', 'apiKey', 'token', 'client_secret', 'private_key', 'access_key',
        'APIKEY', 'X-API-Key', 'Authorization', 'db_pass', 'SECRET_KEY_BASE', 'credentials', 'bot_token',
        'GITHUB_TOKEN', 'signing_key', 'SESSION_SECRET', 'newPassword', 'aws_secret_access_key', 'passphrase',
      ]) {
        assert.equal(isSecretName(name), true, name);
      }
    });

    it('rejects names that refer to a secret, flags, lookup keys and tokenizer tokens', () => {
      for (const name of [
        'secret_name', 'token_url', 'TOKEN_KEY', 'PASSWORD_FIELD', 'TOKEN_HEADER', 'tokenType', 'password_reset_url',
        'aws_access_key_id', 'is_password', 'showPassword', 'max_tokens', 'eos_token', 'next_page_token',
        'secret_key_name', 'STORAGE_KEY', 'passwordless', 'PUBLIC_KEY', 'secret_path', 'PASSWORD_FILE',
        'password_env', 'token_var', 'passwordHash', 'PASSWORD_MIN_LENGTH', 'username', 'key', 'secretsManager',
        'PASSWORD_HASHER', 'tokenColor',
      ]) {
        assert.equal(isSecretName(name), false, name);
      }
    });
  });

  describe('isPlaceholder', () => {
    it('recognises placeholders, templates and fake values', () => {
      for (const value of [
        '', 'changeme', 'change-me', '<your-key>', 'your-api-key-here', 'YOUR_API_KEY', '${VAR}', '$VAR',
        '{{ secret }}', 'xxx', 'XXXX', 'sk_live_xxxxxxxx', '...', '***', 'TODO', 'example', 'dummy', 'test', 'secret',
        'password', 'passw0rd123', 'P@ssw0rd!', 'test-secret', 'my-super-secret-key', 'your-256-bit-secret',
        '12345678', 'abcdefgh', 'qwertyuiop', 'aaaaaaaa', '%(password)s', '{password}', 'AKIAIOSFODNN7EXAMPLE',
      ]) {
        assert.equal(isPlaceholder(value), true, value);
      }
    });

    it('does not take real-looking values for placeholders', () => {
      for (const value of ['hunter22', 'Tr0ub4dor&3', 'kQ9vB2mX7pL4', 'd41d8cd98f00b204e9800998ecf8427e', 'supersecret']) {
        assert.equal(isPlaceholder(value), false, value);
      }
    });
  });

  describe('looksLikeSecretValue', () => {
    it('accepts credential-like values', () => {
      for (const value of [
        'hunter22', 'Tr0ub4dor&3', 'kQ9vB2mX7pL4', 'd41d8cd98f00b204e9800998ecf8427e', 'Summer2024x',
        'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vKp3L',
        '550e8400-e29b-41d4-a716-446655440000', 'django-insecure-9x$k2@m!q#z5w^r8t&y0u', 'Bearer kQ9vB2mX7pL4',
      ]) {
        assert.equal(looksLikeSecretValue(value, 8), true, value);
      }
    });

    it('rejects labels, sentences, references, numbers and short values', () => {
      for (const value of [
        'Enter your password', 'Authorization', 'Bearer', 'https://id.example.com/oauth/token', 'prod/db/password',
        'supersecret', 'same-origin', 'accessToken', 'auth.password.label', 'Passwort', 'Contraseña', 'required',
        '^(?=.*[A-Z]).{8,}$', '[^\\W\\d]\\w*', '12345678', 'keys/private.pem', 'arn:aws:secretsmanager:us-east-1:1:secret:db',
        'user@example.com', 'hunter2', 'ENC[AES256_GCM,data:abc]', '/run/secrets/db_password', 'required|min:8',
        '#ff00aa80', '2024-01-01T00:00:00Z', 'qwerty123', 'letmein1', 'token_sha256_to_refresh',
        'FlowPasswordRequiredResultV2', 'oauth2_access_token_v3',
      ]) {
        assert.equal(looksLikeSecretValue(value, 8), false, value);
      }
    });

    it('honours the minimum length', () => {
      assert.equal(looksLikeSecretValue('kQ9vB2', 8), false);
      assert.equal(looksLikeSecretValue('kQ9vB2', 6), true);
    });
  });

  describe('findCredentials', () => {
    const kinds = (text: string) => findCredentials(text).map((finding) => finding.kind);

    it('finds each known format', () => {
      assert.deepEqual(kinds(GITHUB), ['GitHub token']);
      assert.deepEqual(kinds(AWS_KEY_ID), ['AWS access key ID']);
      assert.deepEqual(kinds(STRIPE), ['Stripe secret key']);
      assert.deepEqual(kinds(GOOGLE), ['Google API key']);
      assert.deepEqual(kinds(SLACK), ['Slack token']);
      assert.deepEqual(kinds(OPENAI), ['OpenAI API key']);
      assert.deepEqual(kinds(ANTHROPIC), ['Anthropic API key']);
      assert.deepEqual(kinds(SENDGRID), ['SendGrid API key']);
      assert.deepEqual(kinds(TWILIO), ['Twilio API key']);
      assert.deepEqual(kinds(NPM), ['npm token']);
      assert.deepEqual(kinds(GITLAB), ['GitLab token']);
      assert.deepEqual(kinds(JWT), ['JSON Web Token']);
      assert.deepEqual(kinds(PEM), ['private key']);
    });

    it('finds a token inside a longer string, with its offsets and a masked value', () => {
      const text = `Authorization: Bearer ${GITHUB}`;
      const [finding] = findCredentials(text);
      assert.deepEqual(finding?.range, [22, 22 + GITHUB.length]);
      assert.equal(finding?.masked, 'ghp_********');
      assert.ok(!finding?.masked.includes(GITHUB.slice(4, 12)));
    });

    it('needs the format to be whole: no match inside a longer word or a truncated token', () => {
      assert.deepEqual(kinds(`x${AWS_KEY_ID}`), []);
      assert.deepEqual(kinds(GITHUB.slice(0, 30)), []);
      assert.deepEqual(kinds(`${TWILIO}ff`), []);
    });

    it('skips fake bodies, public JWTs and PEM headers without a key', () => {
      assert.deepEqual(kinds('AKIAIOSFODNN7EXAMPLE'), []);
      assert.deepEqual(kinds(token('ghp', '_', 'x'.repeat(36))), []);
      assert.deepEqual(kinds(token('ghp', '_1234567890abcdefghijklmnopqrstuvwxyz')), []);
      assert.deepEqual(kinds(JWT_ANON), []);
      assert.deepEqual(kinds(JWT_IO), []);
      assert.deepEqual(kinds('if (key.startsWith("-----BEGIN PRIVATE KEY-----")) {'), []);
    });

    it('finds passwords in connection URLs', () => {
      const text = 'postgresql://app:Xk9#mQ2v@db.prod.internal:5432/app?sslmode=require';
      const [finding] = findCredentials(text);
      assert.equal(finding?.source, 'connection-url');
      assert.equal(finding?.scheme, 'postgresql');
      assert.equal(text.slice(...finding!.range), 'Xk9#mQ2v');
      assert.deepEqual(kinds('redis://:Xk9mQ2vL@cache.internal:6379/0'), ['password']);
      assert.deepEqual(kinds('mongodb+srv://u:Rq8vK2mX@cluster0.abcd.mongodb.net/db'), ['password']);
      assert.deepEqual(kinds('amqps://app:Rq8vK2mX@mq.internal/vhost'), ['password']);
      assert.deepEqual(kinds('jdbc:mysql://db.prod/app?user=root&password=Qw7vB2mK'), ['password']);
    });

    it('skips placeholder, templated, local and example URL passwords', () => {
      for (const text of [
        'postgresql://user:pass@host:5432/db',
        'postgresql://user:password@db.internal/app',
        'redis://:pw@cache.internal',
        'amqp://guest:guest@rabbit:5672',
        'postgres://app:${DB_PASSWORD}@db/app',
        'postgres://app:$DB_PASSWORD@db/app',
        'postgres://app:<password>@db/app',
        'postgres://postgres:S3cure!x@localhost/db',
        'postgres://app:S3cure!x@127.0.0.1:5432/db',
        'https://admin:S3cure!x@example.com/',
        'https://github.com/org/repo',
        'postgresql:///db?host=/var/run/postgresql',
      ]) {
        assert.deepEqual(kinds(text), [], text);
      }
    });

    it('reports a token used as a URL password once, as its format', () => {
      assert.deepEqual(kinds(`https://x-access-token:${GITHUB}@github.com/org/repo.git`), ['GitHub token']);
    });
  });

  describe('secretMatcher', () => {
    it('adds and ignores names from options', () => {
      const matcher = secretMatcher({ extraNamePatterns: ['^signing_salt$'], ignoreNames: ['^test_'] });
      assert.equal(matcher.isSecretName('SIGNING_SALT'), true);
      assert.equal(matcher.isSecretName('test_password'), false);
      assert.equal(matcher.isIgnoredName('TEST_TOKEN'), true);
      assert.equal(matcher.isSecretName('password'), true);
    });

    it('reuses the compiled matcher for the same options', () => {
      assert.equal(secretMatcher({ minLength: 12 }), secretMatcher({ minLength: 12 }));
      assert.equal(secretMatcher({ minLength: 12 }).isSecretValue('kQ9vB2mX7pL4'), true);
      assert.equal(secretMatcher({ minLength: 13 }).isSecretValue('kQ9vB2mX7pL4'), false);
    });
  });

  it('isLiteralSigningKey', () => {
    assert.equal(isLiteralSigningKey('secret'), true);
    assert.equal(isLiteralSigningKey('kQ9vB2mX7pL4'), true);
    assert.equal(isLiteralSigningKey(''), false);
    assert.equal(isLiteralSigningKey('${JWT_SECRET}'), false);
    assert.equal(isLiteralSigningKey('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----'), false);
  });

  it('isWholeSecret', () => {
    const [url] = findCredentials('postgresql://app:Xk9mQ2vL@db.prod.internal/app');
    assert.equal(isWholeSecret('postgresql://app:Xk9mQ2vL@db.prod.internal/app', url), true);
    const [inCommand] = findCredentials(`curl -H "Authorization: Bearer ${GITHUB}"`);
    assert.equal(isWholeSecret(`curl -H "Authorization: Bearer ${GITHUB}"`, inCommand), false);
    assert.equal(isWholeSecret(GITHUB, findCredentials(GITHUB)[0]), true);
    assert.equal(isWholeSecret('kQ9vB2mX7pL4'), true);
    assert.equal(isWholeSecret('Bearer kQ9vB2mX7pL4'), false);
  });

  it('toEnvName', () => {
    assert.equal(toEnvName('jwtSecret'), 'JWT_SECRET');
    assert.equal(toEnvName('SECRET_KEY'), 'SECRET_KEY');
    assert.equal(toEnvName('X-API-Key'), 'X_API_KEY');
    assert.equal(toEnvName('client_secret'), 'CLIENT_SECRET');
  });
});

describe('detectors/secrets (configuration files)', () => {
  it('referenceDefault: the default of a whole ${NAME:-default}, or the value itself', () => {
    assert.deepEqual(referenceDefault('kQ9vB2mX'), { value: 'kQ9vB2mX', offset: 0 });
    assert.deepEqual(referenceDefault('${DB_PASSWORD:-kQ9vB2mX}'), { value: 'kQ9vB2mX', offset: 15 });
    assert.deepEqual(referenceDefault('${DB_PASSWORD-kQ9vB2mX}'), { value: 'kQ9vB2mX', offset: 14 });
    assert.deepEqual(referenceDefault('${jwt.secret:kQ9vB2mX}'), { value: 'kQ9vB2mX', offset: 13 });
    assert.equal(referenceDefault('${DB_PASSWORD}'), undefined);
    assert.equal(referenceDefault('${DB_PASSWORD:?DB_PASSWORD is required}'), undefined);
    assert.equal(referenceDefault('${DB_PASSWORD:+set}'), undefined);
  });

  it('describeFinding', () => {
    assert.equal(describeFinding(), 'a hardcoded secret');
    assert.equal(describeFinding(findCredentials(GITHUB)[0]), 'a GitHub token');
    assert.equal(describeFinding(findCredentials(AWS_KEY_ID)[0]), 'an AWS access key ID');
    assert.equal(describeFinding(findCredentials(NPM)[0]), 'an npm token');
    assert.equal(describeFinding(findCredentials('redis://:Xk9mQ2vL@cache.internal')[0]), 'a password in a redis URL');
  });

  it('mayContainSecrets: a cheap test that lets through anything a check could find', () => {
    assert.equal(mayContainSecrets('replicas: 3\nimage: nginx:1.27\n'), false);
    assert.equal(mayContainSecrets('value: "1"\nname: TOKEN\n'), true);
    assert.equal(mayContainSecrets('url: amqp://u:p@mq\n'), true);
    assert.equal(mayContainSecrets(`value: ${GITHUB}\n`), true);
    assert.equal(mayContainSecrets(`value: ${GOOGLE}\n`), true);
  });

  it('publishable keys and password hashes are not credentials', () => {
    assert.equal(looksLikeSecretValue('pk_live_kQ9vB2mX7pL4wZ3nC6yH1sD5', 8), false);
    assert.equal(looksLikeSecretValue('pk.eyJ1IjoiYWNtZSJ9.kQ9vB2mX7pL4wZ3n', 8), false);
    assert.equal(looksLikeSecretValue('$2a$10$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 8), false);
    assert.equal(looksLikeSecretValue('$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$kQ9vB2mX7pL4wZ3nC6yH1sD5', 8), false);
    assert.equal(looksLikeSecretValue('pbkdf2_sha256$600000$kQ9vB2mX$7pL4wZ3nC6yH1sD5', 8), false);
  });
});

describe('detectors/secret-strength', () => {
  it('isSigningSecretName accepts the names of keys that sign tokens, sessions and cookies', () => {
    for (const name of [
      'JWT_SECRET', 'jwtSecret', 'jwt_secret_key', 'SECRET_KEY', 'DJANGO_SECRET_KEY', 'SECRET_KEY_BASE', 'secret_key',
      'SESSION_SECRET', 'NEXTAUTH_SECRET', 'AUTH_SECRET', 'COOKIE_SECRET', 'ACCESS_TOKEN_SECRET', 'JWT_REFRESH_SECRET',
      'SIGNING_KEY', 'HMAC_KEY', 'WTF_CSRF_SECRET_KEY', 'APP_SECRET', 'jwt.secret', 'jwt-secret', 'secretOrKey',
      'secretOrPrivateKey', 'session.secret',
    ]) {
      assert.equal(isSigningSecretName(name), true, name);
    }
  });

  it('isSigningSecretName rejects provider-issued secrets, passwords and references', () => {
    for (const name of [
      'client_secret', 'API_SECRET', 'STRIPE_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY', 'secret', 'password', 'api_key',
      'JWT_SECRET_FILE', 'secret_key_name', 'config.secret', 'JWT_ALGORITHM', 'SESSION_TTL',
    ]) {
      assert.equal(isSigningSecretName(name), false, name);
    }
  });

  it('isStandIn: values written to be replaced', () => {
    for (const value of ['', 'changeme', '${JWT_SECRET}', '<secret>', 'xxxxxxxx', 'dev', 'test-secret', 'testsecret', 'your-key-here', 'secretfortesting', '{{ jwt_secret }}']) {
      assert.equal(isStandIn(value), true, value);
    }
    for (const value of ['secret', 'supersecret', 'mysecret', 'keyboard cat', 'secret123', 'redis123', 'kQ9vB2mX7pL4']) {
      assert.equal(isStandIn(value), false, value);
    }
  });

  it('weakSigningKey: shorter than 32 bytes', () => {
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'secret'), { bytes: 6, reason: 'short' });
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'keyboard cat'), { bytes: 12, reason: 'short' });
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'kQ9vB2mX7pL4wZ3n'), { bytes: 16, reason: 'short' });
    // Bytes, not characters.
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'sécrèt'), { bytes: 8, reason: 'short' });
  });

  it('weakSigningKey: long enough but guessable', () => {
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'thisisaverylongsecretkeyforjwttokens'), { bytes: 36, reason: 'guessable' });
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'my-super-secret-jwt-key-that-is-long-enough'), { bytes: 43, reason: 'guessable' });
    assert.deepEqual(weakSigningKey('JWT_SECRET', 'ab'.repeat(20)), { bytes: 40, reason: 'guessable' });
  });

  it('weakSigningKey: strong keys, stand-ins, references and labels are not weak', () => {
    for (const value of [
      '8f14e45fceea167a5a36dedd4bea2543c1d0e2f5a6b7c8d9e0f1a2b3c4d5e6f7', // openssl rand -hex 32
      'Xk9mQ2vLp7R4tW8zB3nC6yH1sD5fG0jKe2_aB3dE5gH', // secrets.token_urlsafe(32)
      'kqvbmxplwzncyhsdfgjkrtqwmzxnvbplqw', // random lower case: one class, but no words
      'changeme', '${JWT_SECRET}', '<secret>', 'dev', 'test-secret', 'your-256-bit-secret',
      '/run/secrets/jwt', 'vault:secret/data/jwt#key', 'https://vault.internal/v1/jwt',
      'JWT_SECRET', 'jwt_secret', 'auth.jwt.secret', 'Secret key', 'Clé secrète',
    ]) {
      assert.equal(weakSigningKey('JWT_SECRET', value), undefined, value);
    }
  });
});

describe('detectors/connection-url', () => {
  it('splits a URL into scheme, credentials, hosts, path and query with offsets', () => {
    const text = 'DATABASE_URL=postgresql://app%40corp:p%23ss@db.internal:5432/app?sslmode=verify-full&sslrootcert=/ca.pem';
    const [url] = findConnectionUrls(text);
    assert.ok(url);
    assert.equal(url.scheme, 'postgresql');
    assert.equal(url.username?.value, 'app@corp');
    assert.equal(url.password?.value, 'p#ss');
    assert.equal(text.slice(...url.password!.range), 'p%23ss');
    assert.equal(url.host, 'db.internal');
    assert.deepEqual(url.hosts.map((host) => [host.host, host.port]), [['db.internal', 5432]]);
    assert.equal(url.path, '/app');
    assert.deepEqual(url.query.map((param) => [param.name, param.value]), [['sslmode', 'verify-full'], ['sslrootcert', '/ca.pem']]);
    assert.equal(text.slice(...url.range), text.slice('DATABASE_URL='.length));
  });

  it('handles several hosts, IPv6, no credentials and a username only', () => {
    const mongo = parseConnectionUrl('mongodb://u:p@h1:27017,h2,[::1]:27018/db?replicaSet=rs0');
    assert.deepEqual(mongo?.hosts.map((host) => [host.host, host.port]), [['h1', 27017], ['h2', null], ['::1', 27018]]);
    const plain = parseConnectionUrl('rediss://cache.internal:6380');
    assert.equal(plain?.username, null);
    assert.equal(plain?.password, null);
    assert.equal(plain?.scheme, 'rediss');
    const userOnly = parseConnectionUrl('redis://default@cache.internal');
    assert.equal(userOnly?.username?.value, 'default');
    assert.equal(userOnly?.password, null);
    const empty = parseConnectionUrl('redis://:@cache.internal');
    assert.equal(empty?.password?.value, '');
  });

  it('finds every URL in a text and stops at quotes and whitespace', () => {
    const urls = findConnectionUrls('primary "redis://:a@one:6379" replica redis://:b@two:6379 done');
    assert.deepEqual(urls.map((url) => url.host), ['one', 'two']);
    assert.equal(parseConnectionUrl('not a url'), null);
    assert.equal(parseConnectionUrl('  rediss://cache  ')?.range[0], 2);
  });

  it('isLoopbackHost', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', 'app.localhost']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['db', 'db.internal', '10.0.0.5']) assert.equal(isLoopbackHost(host), false, host);
  });
});
