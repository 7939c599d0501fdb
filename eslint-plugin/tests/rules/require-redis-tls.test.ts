import rule from '../../src/rules/require-redis-tls.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('require-redis-tls', rule, {
  valid: [
    'const redis = new Redis(process.env.REDIS_URL);',
    'const redis = new Redis("rediss://default:secret@cache.example.com:6380");',
    'const redis = new Redis(`rediss://:${process.env.REDIS_PASSWORD}@cache.example.com:6380`);',
    // The guide's own connection string: loopback with a password.
    'const redis = new Redis("redis://:your_very_strong_password_here@localhost:6379");',
    'const redis = new Redis("redis://127.0.0.1:6379");',
    // Compose and Kubernetes service names.
    'const redis = new Redis("redis://redis:6379");',
    'const redis = new Redis("redis://cache.default.svc.cluster.local:6379");',
    // Placeholders.
    'const redis = new Redis(`redis://${host}:${port}`);',
    'const url = "redis://" + host + ":6379";',
    'const url = `rediss://cache.example.com:6380?password=${password}`;',
    // Client options: no host (localhost), a local host, TLS on, or not a Redis client.
    'const redis = new Redis({ tls: false });',
    "const redis = new Redis({ host: 'localhost', tls: false });",
    "const redis = new Redis({ host: 'cache.example.com', password, tls: {} });",
    "const server = http2.createSecureServer({ host: 'api.example.com', tls: false });",
    'const options = { tls: false };',
    // Other schemes.
    'const url = "https://cache.example.com/redis";',
    'const url = "memcached://cache.example.com:11211";',
    { code: 'const redis = new Redis("redis://:secret@cache.example.com:6379");', options: [{ requireTls: false }] },
  ],
  invalid: [
    {
      code: 'const redis = new Redis("redis://cache.example.com:6379");',
      errors: [
        { messageId: 'plaintextNoPasswordUrl', line: 1, column: 26, endLine: 1, endColumn: 56,
          suggestions: [
            { messageId: 'useRediss', output: 'const redis = new Redis("rediss://cache.example.com:6379");' },
          ],
        },
      ],
    },
    {
      code: 'const redis = new Redis(`redis://:${process.env.REDIS_PASSWORD}@cache.example.com:6379`);',
      errors: [
        { messageId: 'plaintextUrl', line: 1, column: 26, endLine: 1, endColumn: 87,
          suggestions: [
            { messageId: 'useRediss', output: 'const redis = new Redis(`rediss://:${process.env.REDIS_PASSWORD}@cache.example.com:6379`);' },
          ],
        },
      ],
    },
    {
      code: "const client = createClient({ url: 'rediss://cache.example.com:6380' });",
      errors: [
        { messageId: 'noPasswordUrl', line: 1, column: 37, endLine: 1, endColumn: 68 },
      ],
    },
    {
      code: "const redis = new Redis({ host: 'cache.example.com', port: 6380, password, tls: false });",
      errors: [
        { messageId: 'tlsOptionDisabled', line: 1, column: 76, endLine: 1, endColumn: 86,
          suggestions: [
            { messageId: 'enableTlsOption', output: "const redis = new Redis({ host: 'cache.example.com', port: 6380, password, tls: true });" },
          ],
        },
      ],
    },
    {
      code: 'const client = createClient({ password, socket: { host: process.env.REDIS_HOST, tls: false } });',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 1, column: 81, endLine: 1, endColumn: 91,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'const client = createClient({ password, socket: { host: process.env.REDIS_HOST, tls: true } });' },
          ],
        },
      ],
    },
    {
      code: "const client = createClient({ url: 'redis://cache.example.com:6379' });",
      options: [{"requireTls":false}],
      errors: [
        { messageId: 'noPasswordUrl', line: 1, column: 37, endLine: 1, endColumn: 67 },
      ],
    },
    {
      code: "const client = createClient({ url: 'redis://:secret@redis:6379' });",
      options: [{"allowPrivateHosts":false}],
      errors: [
        { messageId: 'plaintextUrl', line: 1, column: 37, endLine: 1, endColumn: 63,
          suggestions: [
            { messageId: 'useRediss', output: "const client = createClient({ url: 'rediss://:secret@redis:6379' });" },
          ],
        },
      ],
    },
  ],
});

languageTester('python').run('require-redis-tls', rule as never, {
  valid: [
    'import os, redis\nr = redis.from_url(os.environ["REDIS_URL"])\n',
    'import redis\nr = redis.Redis(ssl=False)\n',
    'import redis\nr = redis.Redis(host="localhost", ssl=False)\n',
    'import redis\nr = redis.Redis(host="cache.example.com", password=password, ssl=True)\n',
    'CELERY_BROKER_URL = "redis://redis:6379/0"\n',
    'REDIS_URL = f"redis://:{password}@{host}:6379/0"\n',
    'REDIS_URL = "rediss://default:secret@us1-modern-wombat-12345.upstash.io:6379"\n',
    'def connect():\n    """Connects to redis://cache.example.com:6379."""\n',
    'import asyncpg\nconn = await asyncpg.connect(host="db.example.com", ssl=False)\n',
  ],
  invalid: [
    {
      code: 'import redis\nr = redis.Redis(host="cache.example.com", port=6380, password=password, ssl=False)\n',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 2, column: 73, endLine: 2, endColumn: 82,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'import redis\nr = redis.Redis(host="cache.example.com", port=6380, password=password, ssl=True)\n' },
          ],
        },
      ],
    },
    {
      code: 'import redis\nr = redis.from_url("redis://:secret@cache.example.com:6379/0")\n',
      errors: [
        { messageId: 'plaintextUrl', line: 2, column: 21, endLine: 2, endColumn: 61,
          suggestions: [
            { messageId: 'useRediss', output: 'import redis\nr = redis.from_url("rediss://:secret@cache.example.com:6379/0")\n' },
          ],
        },
      ],
    },
    {
      code: 'CELERY_BROKER_URL = "rediss://cache.example.com:6380/0"\n',
      errors: [
        { messageId: 'noPasswordUrl', line: 1, column: 22, endLine: 1, endColumn: 55 },
      ],
    },
    {
      code: 'REDIS_URL = f"redis://{credentials}@cache.example.com:6379"\n',
      errors: [
        { messageId: 'plaintextUrl', line: 1, column: 15, endLine: 1, endColumn: 59,
          suggestions: [
            { messageId: 'useRediss', output: 'REDIS_URL = f"rediss://{credentials}@cache.example.com:6379"\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('dockerfile').run('require-redis-tls', rule as never, {
  valid: [
    'FROM python:3.12\nENV REDIS_URL=rediss://:secret@cache.example.com:6380/0\n',
    'FROM python:3.12\nENV REDIS_URL=redis://redis:6379/0\n',
    'FROM python:3.12\nENV REDIS_URL=redis://:${REDIS_PASSWORD}@${REDIS_HOST}:6379/0\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nENV REDIS_URL=redis://cache.example.com:6379/0\n',
      errors: [
        { messageId: 'plaintextNoPasswordUrl', line: 2, column: 15, endLine: 2, endColumn: 47,
          suggestions: [
            { messageId: 'useRediss', output: 'FROM python:3.12\nENV REDIS_URL=rediss://cache.example.com:6379/0\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('env').run('require-redis-tls', rule as never, {
  valid: [
    'REDIS_URL=redis://:your_very_strong_password_here@localhost:6379\n',
    'REDIS_URL=rediss://default:password@us1-modern-wombat-12345.upstash.io:6379\n',
    'REDIS_URL=${UPSTREAM_REDIS_URL}\n',
    '# REDIS_URL=redis://cache.example.com:6379\n',
  ],
  invalid: [
    {
      code: 'REDIS_URL=redis://:secret@cache.example.com:6379\n',
      errors: [
        { messageId: 'plaintextUrl', line: 1, column: 11, endLine: 1, endColumn: 49,
          suggestions: [
            { messageId: 'useRediss', output: 'REDIS_URL=rediss://:secret@cache.example.com:6379\n' },
          ],
        },
      ],
    },
    {
      code: 'REDIS_URL="rediss://cache.example.com:6380"\n',
      errors: [
        { messageId: 'noPasswordUrl', line: 1, column: 12, endLine: 1, endColumn: 43 },
      ],
    },
  ],
});

languageTester('yaml').run('require-redis-tls', rule as never, {
  valid: [
    'services:\n  worker:\n    image: worker\n    environment:\n      REDIS_URL: redis://redis:6379/0\n  redis:\n    image: redis:7\n',
    'services:\n  worker:\n    image: worker\n    environment:\n      - REDIS_URL=rediss://:${REDIS_PASSWORD}@cache.example.com:6380\n',
    'redis://cache.example.com:6379: key\n',
  ],
  invalid: [
    {
      code: 'services:\n  worker:\n    image: worker\n    environment:\n      REDIS_URL: redis://:secret@cache.example.com:6379\n',
      errors: [
        { messageId: 'plaintextUrl', line: 5, column: 18, endLine: 5, endColumn: 56,
          suggestions: [
            { messageId: 'useRediss', output: 'services:\n  worker:\n    image: worker\n    environment:\n      REDIS_URL: rediss://:secret@cache.example.com:6379\n' },
          ],
        },
      ],
    },
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          env:\n            - name: CELERY_BROKER_URL\n              value: "redis://cache.example.com:6379/0"\n',
      errors: [
        { messageId: 'plaintextNoPasswordUrl', line: 10, column: 23, endLine: 10, endColumn: 55,
          suggestions: [
            { messageId: 'useRediss', output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          env:\n            - name: CELERY_BROKER_URL\n              value: "rediss://cache.example.com:6379/0"\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('redis').run('require-redis-tls', rule as never, {
  valid: [
    // The shipped default: loopback only, protected mode on.
    'bind 127.0.0.1 -::1\nprotected-mode yes\nport 6379\n',
    // The guide's self-hosted TLS setup.
    'requirepass change-me\nport 0\ntls-port 6379\ntls-cert-file /path/to/redis.crt\ntls-key-file /path/to/redis.key\ntls-ca-cert-file /path/to/ca.pem\ntls-auth-clients no\n',
    'bind 0.0.0.0\nrequirepass change-me\nport 0\ntls-port 6379\n',
    'bind 0.0.0.0\nuser default on >change-me ~* +@all\nport 0\ntls-port 6379\n',
    'bind 0.0.0.0\naclfile /etc/redis/users.acl\nport 0\ntls-port 6379\n',
    // Protected mode off on loopback only; no bind and no password leaves protected mode in charge.
    'bind 127.0.0.1 -::1\nprotected-mode no\n',
    'port 6379\nmaxmemory 256mb\n',
    // Unix socket only.
    'port 0\nunixsocket /run/redis/redis.sock\nprotected-mode no\n',
    // An included file may set what this one lacks.
    'include /etc/redis/base.conf\nprotected-mode no\n',
    { code: 'bind 0.0.0.0\nrequirepass change-me\nport 6379\n', options: [{ requireTls: false }] },
    '',
    '# only comments\n',
  ],
  invalid: [
    {
      code: 'protected-mode no\nport 0\ntls-port 6379\n',
      errors: [
        { messageId: 'protectedModeOff', line: 1, column: 1, endLine: 1, endColumn: 18,
          suggestions: [
            { messageId: 'enableProtectedMode', output: 'protected-mode yes\nport 0\ntls-port 6379\n' },
          ],
        },
      ],
    },
    {
      code: 'bind 0.0.0.0 -::*\nport 0\ntls-port 6379\n',
      errors: [
        { messageId: 'noAuthExposed', line: 1, column: 1, endLine: 1, endColumn: 18,
          suggestions: [
            { messageId: 'bindLoopback', output: 'bind 127.0.0.1 -::1\nport 0\ntls-port 6379\n' },
          ],
        },
      ],
    },
    {
      code: 'bind 0.0.0.0\nprotected-mode no\nport 6379\n',
      errors: [
        { messageId: 'protectedModeOff', line: 2, column: 1, endLine: 2, endColumn: 18,
          suggestions: [
            { messageId: 'enableProtectedMode', output: 'bind 0.0.0.0\nprotected-mode yes\nport 6379\n' },
          ],
        },
        { messageId: 'noTlsPort', line: 3, column: 1, endLine: 3, endColumn: 10 },
      ],
    },
    {
      code: 'bind 10.0.4.12\nrequirepass change-me\n',
      errors: [
        { messageId: 'noTlsPort', line: 1, column: 1, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: 'bind * -::*\nrequirepass change-me\nport 6379\n',
      errors: [
        { messageId: 'noTlsPort', line: 3, column: 1, endLine: 3, endColumn: 10 },
      ],
    },
    {
      code: 'bind 0.0.0.0\nrequirepass change-me\ntls-port 6380\ntls-cert-file /tls/redis.crt\n',
      errors: [
        { messageId: 'plaintextPort', line: 3, column: 1, endLine: 3, endColumn: 14,
          suggestions: [
            { messageId: 'closePlaintextPort', output: 'bind 0.0.0.0\nrequirepass change-me\nport 0\ntls-port 6380\ntls-cert-file /tls/redis.crt\n' },
          ],
        },
      ],
    },
    {
      code: 'bind 0.0.0.0\nrequirepass change-me\nport 6379\ntls-port 6380\n',
      errors: [
        { messageId: 'plaintextPort', line: 3, column: 1, endLine: 3, endColumn: 10,
          suggestions: [
            { messageId: 'closePlaintextPort', output: 'bind 0.0.0.0\nrequirepass change-me\nport 0\ntls-port 6380\n' },
          ],
        },
      ],
    },
    {
      code: 'bind 0.0.0.0\nuser default on nopass ~* +@all\nport 0\ntls-port 6379\n',
      errors: [
        { messageId: 'noAuthExposed', line: 1, column: 1, endLine: 1, endColumn: 13,
          suggestions: [
            { messageId: 'bindLoopback', output: 'bind 127.0.0.1 -::1\nuser default on nopass ~* +@all\nport 0\ntls-port 6379\n' },
          ],
        },
      ],
    },
    {
      code: 'bind 0.0.0.0\nport 6379\n',
      options: [{"requireTls":false}],
      errors: [
        { messageId: 'noAuthExposed', line: 1, column: 1, endLine: 1, endColumn: 13,
          suggestions: [
            { messageId: 'bindLoopback', output: 'bind 127.0.0.1 -::1\nport 6379\n' },
          ],
        },
      ],
    },
  ],
});
