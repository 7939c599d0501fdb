import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

function scan(folder: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/scan.mjs'), folder, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

function findings(folder: string): string[] {
  const run = scan(folder, '--format', 'json');
  assert.ok(run.stdout, `scan printed nothing: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as EslintResult[];
  return results.flatMap((result) =>
    result.messages.map(
      (message) => `${relative(folder, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'}`,
    ),
  );
}

/** Every finding in examples/ (all in the vulnerable app: clean/ has none), in ESLint's order: a new or lost one is a behaviour change to review. */
const EXPECTED_EXAMPLES: string[] = [
  'api/.gitignore:1:1 hardening/require-gitignore-secrets',
  'api/Dockerfile:1:1 hardening/require-non-root-user',
  'api/Dockerfile:10:20 hardening/no-hardcoded-secrets',
  'api/app/audit.py:7:62 hardening/no-secrets-in-logs',
  'api/app/auth.py:8:29 hardening/no-insecure-jwt',
  'api/app/auth.py:12:43 hardening/no-insecure-jwt',
  'api/app/auth.py:17:41 hardening/no-insecure-jwt',
  'api/app/auth.py:22:90 hardening/no-token-in-url',
  'api/app/config.py:6:42 hardening/no-hardcoded-secrets',
  'api/app/config.py:7:1 hardening/no-debug-in-production',
  'api/app/config.py:11:35 hardening/no-hardcoded-secrets',
  'api/app/config.py:12:42 hardening/require-redis-tls',
  'api/app/config.py:14:18 hardening/no-hardcoded-secrets',
  'api/app/main.py:11:5 hardening/no-permissive-cors',
  'api/app/main.py:21:25 hardening/require-secure-cookies',
  'api/app/schemas.py:7:43 hardening/require-strong-password-policy',
  'api/app/tokens.py:7:20 hardening/no-insecure-randomness',
  'api/app/users.py:10:12 hardening/no-weak-hashing',
  'api/app/users.py:14:67 hardening/no-weak-hashing',
  'api/app/users.py:25:20 hardening/no-sql-concatenation',
  'api/app/users.py:31:30 hardening/no-sql-concatenation',
  'deploy/app.env:2:32 hardening/no-hardcoded-secrets',
  'deploy/app.env:3:12 hardening/no-hardcoded-secrets',
  'deploy/app.env:4:16 hardening/no-hardcoded-secrets',
  'deploy/k8s/api.yaml:16:11 hardening/require-k8s-security-context',
  'deploy/k8s/secrets.yaml:8:19 hardening/no-hardcoded-secrets',
  'deploy/k8s/secrets.yaml:10:15 hardening/no-hardcoded-secrets',
  'deploy/k8s/secrets.yaml:18:22 hardening/no-hardcoded-secrets',
  'deploy/nginx/nginx.conf:4:5 hardening/nginx-require-security-headers',
  'deploy/nginx/nginx.conf:11:23 hardening/nginx-require-strong-tls',
  'deploy/nginx/nginx.conf:11:29 hardening/nginx-require-strong-tls',
  'deploy/nginx/nginx.conf:12:27 hardening/nginx-require-strong-tls',
  'deploy/nginx/nginx.conf:12:35 hardening/nginx-require-strong-tls',
  'deploy/nginx/nginx.conf:18:9 hardening/nginx-require-rate-limit',
  'deploy/nginx/nginx.conf:23:5 hardening/nginx-require-https-redirect',
  'deploy/redis/redis.conf:3:1 hardening/require-redis-tls',
  'deploy/redis/redis.conf:4:1 hardening/require-redis-tls',
  'deploy/redis/replica.conf:4:12 hardening/no-hardcoded-secrets',
  'deploy/redis/replica.conf:5:13 hardening/no-hardcoded-secrets',
  'docker-compose.yml:11:9 hardening/no-exposed-datastore-ports',
  'docker-compose.yml:17:9 hardening/no-exposed-datastore-ports',
  'web/Dockerfile:10:1 hardening/require-non-root-user',
  'web/server/app.ts:7:16 hardening/no-permissive-cors',
  'web/server/app.ts:10:43 hardening/no-secrets-in-logs',
  'web/server/app.ts:16:14 hardening/require-secure-cookies',
  'web/server/payments.ts:3:65 hardening/no-disabled-tls-verification',
  'web/server/reset.ts:2:10 hardening/no-insecure-randomness',
  'web/server/session.ts:6:74 hardening/no-insecure-jwt',
  'web/server/session.ts:7:24 hardening/no-insecure-jwt',
  'web/server/session.ts:12:64 hardening/no-insecure-jwt',
  'web/server/session.ts:16:51 hardening/no-token-in-url',
  'web/server/session.ts:20:44 hardening/no-token-in-url',
  'web/server/users.ts:5:69 hardening/require-database-tls',
  'web/server/users.ts:6:54 hardening/no-hardcoded-secrets',
  'web/server/users.ts:9:35 hardening/no-sql-concatenation',
  'web/server/users.ts:19:21 hardening/no-weak-hashing',
  'web/server/users.ts:23:32 hardening/no-weak-hashing',
  'web/src/auth.ts:9:22 hardening/no-hardcoded-secrets',
  'web/src/auth.ts:18:3 hardening/no-token-in-web-storage',
  'web/src/auth.ts:19:3 hardening/no-token-in-web-storage',
  'web/src/comments.tsx:9:70 hardening/no-unsanitized-html',
  'web/src/comments.tsx:13:18 hardening/no-unsanitized-html',
  'web/src/signup.ts:5:28 hardening/require-strong-password-policy',
];

describe('npm run scan (the ESLint CLI with the recommended config)', () => {
  it('reports exactly the expected findings in examples/', () => {
    assert.deepEqual(findings(join(ROOT, 'examples')), EXPECTED_EXAMPLES);
  });

  it('reports nothing in examples/clean, the twin that follows the guides', () => {
    assert.deepEqual(findings(join(ROOT, 'examples/clean')), []);
    assert.equal(scan(join(ROOT, 'examples/clean')).status, 0);
  });

  it('exits 1 when it finds errors and prints them with the rule id', () => {
    const run = scan(join(ROOT, 'examples'));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /hardening\/require-non-root-user/);
  });

  it('never prints a secret from examples/ in full', () => {
    const run = scan(join(ROOT, 'examples'), '--format', 'json');
    for (const secret of [
      'Kx9mQ2vLr7TzW4',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dcFAKE0000',
      'AIzaSyD4f8Qm2xTbLw9Kc3Zp7Vn1Rg5Hs6JuFAKE',
      'Zx7Qw2Lm9PvK3nB8Tr4Y',
      'supersecret',
      'Xk9mQ2vLp7R4',
      'Tr0ub4dor&3',
    ]) {
      const messages = (JSON.parse(run.stdout) as EslintResult[]).flatMap((r) => r.messages.map((m) => m.message));
      assert.ok(!messages.some((message) => message.includes(secret)), `a message shows ${secret.slice(0, 4)}… in full`);
    }
  });

  describe('on bad input', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'hardening-cli-'));
      writeFileSync(join(folder, 'empty.py'), '');
      writeFileSync(join(folder, 'half.py'), 'def login(user, password:\n    cursor.execute(f"SELECT * FROM users WHERE name = \'{user}\'")\n');
      writeFileSync(join(folder, 'broken.ts'), 'export function f( {\n  const x = ;\n');
      writeFileSync(join(folder, 'binary.py'), Buffer.from([0, 159, 146, 150, 0, 255, 10, 0]));
      writeFileSync(join(folder, 'half.conf'), 'server {\n  ssl_protocols TLSv1\n');
      writeFileSync(join(folder, 'Dockerfile'), 'FROM python:3.11\nUSER root\n');
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('keeps linting the other files and reports a parse error as one message', () => {
      const lines = findings(folder);
      assert.ok(lines.includes('Dockerfile:2:1 hardening/require-non-root-user'), lines.join('\n'));
      // Half-typed files are still linted: tree-sitter and our nginx scanner recover.
      assert.ok(lines.includes('half.py:2:20 hardening/no-sql-concatenation'), lines.join('\n'));
      assert.ok(lines.includes('half.conf:2:17 hardening/nginx-require-strong-tls'), lines.join('\n'));
      assert.ok(!lines.some((line) => line.startsWith('binary.py')), lines.join('\n'));
      assert.ok(lines.includes('broken.ts:2:8 fatal'), lines.join('\n'));
      assert.ok(!lines.some((line) => line.startsWith('empty.py')), lines.join('\n'));
    });
  });
});
