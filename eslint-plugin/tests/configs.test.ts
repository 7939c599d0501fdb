import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import plugin from '../src/index.js';

/** Lints text as a file at `filePath` with a whole config, as `eslint .` would. */
async function lint(config: 'recommended' | 'strict', filePath: string, code: string) {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: plugin.configs[config] as never,
  });
  const results = await eslint.lintText(code, { filePath, warnIgnored: false });
  return results.flatMap((result) => result.messages).map((message) => `${message.line}:${message.ruleId ?? 'unused-directive'}`);
}

// One known finding per language, so each suppression form can be checked against it.
const FINDINGS = {
  'app.ts': { code: 'const password = "Tr0ub4dor&3x";\n', line: 1, rule: 'hardening/no-hardcoded-secrets' },
  'app.py': { code: 'password = "Tr0ub4dor&3x"\n', line: 1, rule: 'hardening/no-hardcoded-secrets' },
  Dockerfile: { code: 'FROM python:3.11\nUSER root\n', line: 2, rule: 'hardening/require-non-root-user' },
  'nginx.conf': { code: 'server {\n  ssl_protocols TLSv1 TLSv1.2;\n}\n', line: 2, rule: 'hardening/nginx-require-strong-tls' },
} as const;

type FileName = keyof typeof FINDINGS;

/** One sample with exactly one finding, for each rule in each language it declares. */
const RULE_SAMPLES = [
  { rule: 'hardening/no-hardcoded-secrets', file: 'app.ts', code: 'const password = "Tr0ub4dor&3x";\n', line: 1 },
  { rule: 'hardening/no-hardcoded-secrets', file: 'app.py', code: 'password = "Tr0ub4dor&3x"\n', line: 1 },
  { rule: 'hardening/no-hardcoded-secrets', file: 'Dockerfile', code: 'FROM python:3.11\nENV API_TOKEN=Tr0ub4dor3xQ9\nUSER app\n', line: 2 },
  { rule: 'hardening/no-sql-concatenation', file: 'app.ts', code: 'export const find = (db: any, id: string) =>\n  db.query(`SELECT * FROM users WHERE id = ${id}`);\n', line: 2 },
  { rule: 'hardening/no-sql-concatenation', file: 'app.py', code: 'def find(cursor, name):\n    cursor.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n', line: 2 },
  { rule: 'hardening/no-weak-hashing', file: 'app.ts', code: 'import bcrypt from "bcrypt";\nexport const hash = (password: string) => bcrypt.hash(password, 10);\n', line: 2 },
  { rule: 'hardening/no-weak-hashing', file: 'app.py', code: 'import hashlib\n\ndef digest(password):\n    return hashlib.md5(password.encode()).hexdigest()\n', line: 4 },
  { rule: 'hardening/no-token-in-web-storage', file: 'app.ts', code: 'export function keep(token: string) {\n  localStorage.setItem("access_token", token);\n}\n', line: 2 },
  { rule: 'hardening/no-permissive-cors', file: 'app.ts', code: "import cors from 'cors';\napp.use(cors({ origin: true, credentials: true }));\n", line: 2 },
  { rule: 'hardening/no-permissive-cors', file: 'app.py', code: 'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n', line: 2 },
  { rule: 'hardening/require-secure-cookies', file: 'app.ts', code: "export function login(res: any, token: string) {\n  res.cookie('access_token', token);\n}\n", line: 2 },
  { rule: 'hardening/require-secure-cookies', file: 'app.py', code: 'def login(response, token):\n    response.set_cookie("access_token", token)\n', line: 2 },
  { rule: 'hardening/no-unsanitized-html', file: 'app.ts', code: 'export function show(el: HTMLElement, html: string) {\n  el.innerHTML = html;\n}\n', line: 2 },
  { rule: 'hardening/no-insecure-randomness', file: 'app.ts', code: 'export function createResetToken(): string {\n  return Math.random().toString(36).slice(2);\n}\n', line: 2 },
  { rule: 'hardening/no-insecure-randomness', file: 'app.py', code: 'import random\n\ndef make_token():\n    return str(random.getrandbits(128))\n', line: 4 },
  { rule: 'hardening/require-strong-password-policy', file: 'app.ts', code: 'export const schema = z.object({ password: z.string().min(8) });\n', line: 1 },
  { rule: 'hardening/require-strong-password-policy', file: 'app.py', code: 'PASSWORD_MIN_LENGTH = 8\n', line: 1 },
  { rule: 'hardening/no-secrets-in-logs', file: 'app.ts', code: 'export function login(password: string) {\n  console.log("login", password);\n}\n', line: 2 },
  { rule: 'hardening/no-secrets-in-logs', file: 'app.py', code: 'def login(password):\n    print("login", password)\n', line: 2 },
  { rule: 'hardening/no-insecure-jwt', file: 'app.ts', code: 'import jwt from "jsonwebtoken";\nexport const issue = (id: string) => jwt.sign({ sub: id }, process.env.JWT_SECRET!, { expiresIn: "30d" });\n', line: 2 },
  { rule: 'hardening/no-insecure-jwt', file: 'app.py', code: 'ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24 * 8\n', line: 1 },
  { rule: 'hardening/no-token-in-url', file: 'app.ts', code: 'export const me = (token: string) => fetch(`https://api.example.com/me?access_token=${token}`);\n', line: 1 },
  { rule: 'hardening/no-token-in-url', file: 'app.py', code: 'import requests\n\ndef me(token):\n    return requests.get(f"https://api.example.com/me?access_token={token}")\n', line: 4 },
  { rule: 'hardening/require-k8s-security-context', file: 'deployment.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: api:1\n', line: 7 },
  { rule: 'hardening/no-exposed-datastore-ports', file: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n', line: 5 },
  // A finding about the whole file sits on line 1: a file-level comment suppresses it.
  { rule: 'hardening/require-gitignore-secrets', file: 'no-such-repo/.gitignore', code: 'node_modules/\n', line: 1, fileLevel: true },
  // Only in `strict`: each sample's own disable comment lacks a reason.
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: 'app.ts', code: 'const password = "Tr0ub4dor&3x"; // eslint-disable-line hardening/no-hardcoded-secrets\n', line: 1 },
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: 'app.py', code: 'password = "Tr0ub4dor&3x"  # eslint-disable-line hardening/no-hardcoded-secrets\n', line: 1 },
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: 'Dockerfile', code: 'FROM python:3.11\n# eslint-disable-next-line hardening/require-non-root-user\nUSER root\n', line: 2 },
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: 'nginx.conf', code: 'server {\n  ssl_protocols TLSv1 TLSv1.2; # eslint-disable-line hardening/nginx-require-strong-tls\n}\n', line: 2 },
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: '.env', code: 'DB_PASSWORD=Tr0ub4dor&3x # eslint-disable-line hardening/no-hardcoded-secrets\n', line: 1 },
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: 'redis.conf', code: 'bind 127.0.0.1 -::1\n# eslint-disable-next-line hardening/no-hardcoded-secrets\nrequirepass Xk9mQ2vLp7R4\n', line: 2 },
  // A comment above a file-level directive cannot cover line 1: the fix, a reason, is the suppressed form.
  {
    rule: 'hardening/require-suppression-reason',
    config: 'strict',
    file: 'no-such-repo/.gitignore',
    code: '# eslint-disable hardening/require-gitignore-secrets\nnode_modules/\n',
    line: 1,
    suppressed: '# eslint-disable hardening/require-gitignore-secrets -- reviewed: test fixture\nnode_modules/\n',
  },
  { rule: 'hardening/require-suppression-reason', config: 'strict', file: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432" # eslint-disable-line hardening/no-exposed-datastore-ports\n', line: 5 },
  { rule: 'hardening/no-debug-in-production', file: 'mysite/settings.py', code: 'DEBUG = True\n', line: 1 },
  { rule: 'hardening/no-debug-in-production', file: 'src/server.ts', code: 'new ApolloServer({ debug: true });\n', line: 1 },
  { rule: 'hardening/no-debug-in-production', file: '.env', code: 'DEBUG=true\n', line: 1 },
  { rule: 'hardening/no-debug-in-production', file: 'docker-compose.yml', code: 'services: {web: {image: app, environment: [DEBUG=true]}}\n', line: 1 },
  { rule: 'hardening/require-database-tls', file: 'x.ts', code: "const url = \"postgresql://user:pass@db.example.com:5432/app\";\n", line: 1 },
  { rule: 'hardening/require-database-tls', file: 'x.py', code: "DATABASE_URL = \"postgresql://user:pass@db.example.com:5432/app\"\n", line: 1 },
  { rule: 'hardening/require-database-tls', file: 'Dockerfile', code: "FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app\nUSER node\n", line: 2 },
  { rule: 'hardening/require-database-tls', file: '.env', code: "DATABASE_URL=postgresql://app:pass@db.example.com:5432/app\n", line: 1 },
  { rule: 'hardening/require-database-tls', file: 'docker-compose.yml', code: "services:\n  api:\n    image: api\n    environment:\n      DATABASE_URL: postgres://app:pass@db.example.com:5432/app\n", line: 5 },
  { rule: 'hardening/require-redis-tls', file: 'x.ts', code: "const redis = new Redis(\"redis://cache.example.com:6379\");\n", line: 1 },
  { rule: 'hardening/require-redis-tls', file: 'x.py', code: "CELERY_BROKER_URL = \"rediss://cache.example.com:6380/0\"\n", line: 1 },
  { rule: 'hardening/require-redis-tls', file: 'Dockerfile', code: "FROM python:3.12\nENV REDIS_URL=redis://cache.example.com:6379/0\nUSER app\n", line: 2 },
  { rule: 'hardening/require-redis-tls', file: '.env', code: "REDIS_URL=redis://:secret@cache.example.com:6379\n", line: 1 },
  { rule: 'hardening/require-redis-tls', file: 'docker-compose.yml', code: "services:\n  worker:\n    image: worker\n    environment:\n      REDIS_URL: redis://:secret@cache.example.com:6379\n", line: 5 },
  { rule: 'hardening/require-redis-tls', file: 'redis.conf', code: "bind 0.0.0.0 -::*\nport 0\ntls-port 6379\n", line: 1 },
  { rule: 'hardening/no-disabled-tls-verification', file: 'x.ts', code: "const agent = new https.Agent({ rejectUnauthorized: false });\n", line: 1 },
  { rule: 'hardening/no-disabled-tls-verification', file: 'x.py', code: "response = requests.get(\"https://api.example.com/v1\", verify=False)\n", line: 1 },
  { rule: 'hardening/no-disabled-tls-verification', file: 'Dockerfile', code: "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nUSER node\n", line: 2 },
  { rule: 'hardening/no-disabled-tls-verification', file: '.env', code: "NODE_TLS_REJECT_UNAUTHORIZED=0\n", line: 1 },
  { rule: 'hardening/no-disabled-tls-verification', file: 'docker-compose.yml', code: "services:\n  api:\n    image: api\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=0\n", line: 5 },
  { rule: 'hardening/no-hardcoded-secrets', file: '.env', code: "DB_PASSWORD=Tr0ub4dor&3x\n", line: 1 },
  { rule: 'hardening/no-hardcoded-secrets', file: 'secret.yaml', code: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: Tr0ub4dor&3x\n", line: 6 },
  { rule: 'hardening/no-hardcoded-secrets', file: 'redis.conf', code: "bind 127.0.0.1 -::1\nrequirepass Xk9mQ2vLp7R4\n", line: 2 },
  { rule: 'hardening/require-non-root-user', file: 'Dockerfile', code: 'FROM python:3.11\nUSER root\n', line: 2 },
  { rule: 'hardening/nginx-require-strong-tls', file: 'nginx.conf', code: 'server {\n  ssl_protocols TLSv1.2 TLSv1.1;\n}\n', line: 2 },
  { rule: 'hardening/nginx-require-security-headers', file: 'nginx.conf', code: 'server { listen 443 ssl; }\n', line: 1 },
  { rule: 'hardening/nginx-require-https-redirect', file: 'nginx.conf', code: 'server { listen 80; root /srv/www; }\nserver { listen 443 ssl; return 444; }\n', line: 1 },
  { rule: 'hardening/nginx-require-rate-limit', file: 'nginx.conf', code: 'server {\n  location /login { proxy_pass http://app; }\n}\n', line: 2 },
] as const;

function languageOfSample(file: string): string {
  if (file.endsWith('.ts')) return 'js/js';
  if (file.endsWith('.py')) return 'hardening/python';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'hardening/yaml';
  if (file.endsWith('.gitignore')) return 'hardening/gitignore';
  if (file.endsWith('.env')) return 'hardening/env';
  if (file.endsWith('redis.conf')) return 'hardening/redis';
  return file === 'Dockerfile' ? 'hardening/dockerfile' : 'hardening/nginx';
}
const commentFor = (file: FileName, text: string): string => (file === 'app.ts' ? `// ${text}` : `# ${text}`);

function withLineBefore(file: FileName, comment: string): string {
  const { code, line } = FINDINGS[file];
  const lines = code.split('\n');
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}${commentFor(file, comment)}`);
  return lines.join('\n');
}

describe('configs', () => {
  for (const config of ['recommended', 'strict'] as const) {
    it(`${config}: every block loads and each language reports its finding`, async () => {
      for (const [file, { code, line, rule }] of Object.entries(FINDINGS)) {
        assert.deepEqual(await lint(config, file, code), [`${line}:${rule}`], file);
      }
    });
  }

  it('lints Dockerfiles and nginx files as real repositories name them', async () => {
    const dockerfile = FINDINGS.Dockerfile.code;
    for (const name of ['Dockerfile', 'api/Dockerfile', 'Dockerfile.prod', 'build/api.dockerfile', 'Containerfile']) {
      assert.deepEqual(await lint('recommended', name, dockerfile), ['2:hardening/require-non-root-user'], name);
    }
    const nginx = FINDINGS['nginx.conf'].code;
    for (const name of ['nginx.conf', 'deploy/nginx/default.conf', 'conf.d/shop.conf', 'sites-available/shop']) {
      assert.deepEqual(await lint('recommended', name, nginx), ['2:hardening/nginx-require-strong-tls'], name);
    }
  });

  it('gives every file exactly one language, even where patterns overlap', async () => {
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: plugin.configs.recommended as never });
    const expected: Record<string, string> = {
      'src/app.ts': 'js/js',
      'api/main.py': 'hardening/python',
      Dockerfile: 'hardening/dockerfile',
      'docker/api.Dockerfile': 'hardening/dockerfile',
      'deploy/nginx.conf': 'hardening/nginx',
      'sites-enabled/default': 'hardening/nginx',
      'deploy/redis.conf': 'hardening/redis',
      'redis/replica.conf': 'hardening/redis',
      '.env': 'hardening/env',
      '.env.production': 'hardening/env',
      'config/prod.env': 'hardening/env',
      '.env.example.js': 'js/js',
      '.gitignore': 'hardening/gitignore',
      'k8s/deployment.yaml': 'hardening/yaml',
      'docker-compose.yml': 'hardening/yaml',
      'Dockerfile.py': 'hardening/python',
    };
    // The resolved config holds the language object itself.
    const names = new Map<unknown, string>(Object.entries(plugin.languages).map(([id, object]) => [object, `hardening/${id}`]));
    for (const [file, language] of Object.entries(expected)) {
      const config = (await eslint.calculateConfigForFile(file)) as { language?: unknown } | undefined;
      assert.equal(names.get(config?.language) ?? 'js/js', language, file);
      await assert.doesNotReject(() => eslint.lintText('x = 1\n', { filePath: file, warnIgnored: false }), file);
    }
  });

  it('leaves files it does not cover alone', async () => {
    assert.deepEqual(await lint('recommended', 'README.md', 'password = "Tr0ub4dor&3x"\n'), []);
  });

  for (const file of Object.keys(FINDINGS) as FileName[]) {
    describe(`inline suppression forms in ${file}`, () => {
      const { rule, code, line } = FINDINGS[file];

      it('eslint-disable-line at the end of the line', async () => {
        const lines = code.split('\n');
        lines[line - 1] += ` ${commentFor(file, `eslint-disable-line ${rule}`)}`;
        assert.deepEqual(await lint('recommended', file, lines.join('\n')), []);
      });

      it('eslint-disable / eslint-enable around a block', async () => {
        // JavaScript reads these two only from block comments; our languages have line comments only.
        const block = (text: string): string => (file === 'app.ts' ? `/* ${text} */` : `# ${text}`);
        const disabled = `${block(`eslint-disable ${rule}`)}\n${code}${block('eslint-enable')}\n`;
        assert.deepEqual(await lint('recommended', file, disabled), []);
      });

      it('a comment naming another rule suppresses nothing and is reported as unused', async () => {
        const other = Object.keys(plugin.rules)
          .map((id) => `hardening/${id}`)
          .find((id) => id !== rule);
        const messages = await lint('recommended', file, withLineBefore(file, `eslint-disable-next-line ${other}`));
        assert.deepEqual(messages, [`${line}:unused-directive`, `${line + 1}:${rule}`]);
      });
    });
  }

  describe('eslint-disable-next-line with a reason (eslint-disable for file-level findings), for every rule in every language it covers', () => {
    for (const sample of RULE_SAMPLES) {
      const { rule, file, code, line } = sample;
      const config = 'config' in sample ? sample.config : 'recommended';
      it(`${rule} in ${file}`, async () => {
        assert.deepEqual(await lint(config, file, code), [`${line}:${rule}`], 'the sample has one finding');
        if ('suppressed' in sample) {
          assert.deepEqual(await lint(config, file, sample.suppressed), []);
          return;
        }
        const lines = code.split('\n');
        const indent = /^\s*/.exec(lines[line - 1]!)![0];
        const marker = file.endsWith('.ts') || file.endsWith('.tsx') ? '//' : '#';
        const directive = 'fileLevel' in sample ? 'eslint-disable' : 'eslint-disable-next-line';
        lines.splice(line - 1, 0, `${indent}${marker} ${directive} ${rule} -- reviewed: test fixture`);
        assert.deepEqual(await lint(config, file, lines.join('\n')), []);
      });
    }

    it('covers every rule and every language each rule declares', () => {
      const covered = new Set(RULE_SAMPLES.map(({ rule, file }) => `${rule}@${languageOfSample(file)}`));
      const declared = Object.entries(plugin.rules).flatMap(([id, rule]) =>
        (rule.meta.languages ?? []).map((language: string) => `hardening/${id}@${language}`),
      );
      assert.deepEqual([...covered].sort(), declared.sort());
    });
  });
});
