import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import plugin, { LANGUAGE_NAMES } from 'eslint-plugin-hardening';
import { EXAMPLE_SECRETS } from './helpers/expected-examples.js';
import { ROOT, derivedSecrets, scan, scanJson, type EslintResult } from './helpers/scan.js';

const SUPPRESSIONS = 'eslint-suppressions.json';

/** `eslint-suppressions.json`: file → rule → count. */
type Suppressions = Record<string, Record<string, { count: number }>>;

/** The scan with `--format json`, and `file:line rule` per reported finding. */
function scanReported(folder: string, ...args: string[]) {
  const run = scanJson(folder, ...args);
  const reported = run.results.flatMap((result) =>
    result.messages.map((message) => `${relative(folder, result.filePath)}:${message.line} ${message.ruleId ?? 'fatal'}`),
  );
  return { ...run, reported };
}

/** What `--suppress-all` should record: the number of errors per rule per file. */
function countsOf(folder: string, results: EslintResult[]): Suppressions {
  const counts: Suppressions = {};
  for (const result of results) {
    for (const message of result.messages) {
      if (message.severity !== 2 || !message.ruleId) continue;
      const file = relative(folder, result.filePath).split('\\').join('/');
      counts[file] ??= {};
      counts[file][message.ruleId] ??= { count: 0 };
      counts[file][message.ruleId]!.count++;
    }
  }
  return counts;
}

function readSuppressions(path: string): Suppressions {
  return JSON.parse(readFileSync(path, 'utf8')) as Suppressions;
}

function lineCount(path: string): number {
  return readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;
}

/** One file of examples/ in each language, every one of them with findings. */
const FILE_IN_LANGUAGE: Record<keyof typeof LANGUAGE_NAMES, string> = {
  javascript: 'web/server/users.ts',
  python: 'api/app/config.py',
  dockerfile: 'api/Dockerfile',
  nginx: 'deploy/nginx/nginx.conf',
  env: 'deploy/app.env',
  redis: 'deploy/redis/replica.conf',
  gitignore: 'api/.gitignore',
  yaml: 'deploy/k8s/secrets.yaml',
};


/**
 * ESLint's bulk suppressions over examples/, the way a team adopts Hardening on
 * an existing codebase: the steps run in order on one copy of the app.
 */
describe('bulk suppressions (ESLint --suppress-all) with every rule and language', function () {
  // Each step runs the CLI over the app two to four times.
  this.timeout(60_000);
  let folder: string;
  let initial: ReturnType<typeof scanReported>;
  let suppressionsPath: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'hardening-baseline-'));
    cpSync(join(ROOT, 'examples'), folder, { recursive: true });
    suppressionsPath = join(folder, SUPPRESSIONS);
    initial = scanReported(folder);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('--suppress-all exits 0 and writes eslint-suppressions.json into the scanned folder', () => {
    assert.equal(initial.status, 1, 'examples/ has findings to suppress');
    const run = scan(folder, '--suppress-all');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    // scan.mjs runs ESLint with cwd = the folder, and ESLint resolves the file against its cwd.
    assert.ok(existsSync(suppressionsPath), 'the suppressions file is in the scanned folder');
    assert.deepEqual(readSuppressions(suppressionsPath), countsOf(folder, initial.results));
  });

  it('lists a file of every language and every rule of the recommended config', () => {
    const suppressions = readSuppressions(suppressionsPath);
    for (const [language, file] of Object.entries(FILE_IN_LANGUAGE)) {
      assert.ok(suppressions[file], `no suppressions for ${file} (${language})`);
    }
    assert.deepEqual(Object.keys(FILE_IN_LANGUAGE).sort(), Object.keys(LANGUAGE_NAMES).sort());
    const recommended = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta.docs?.recommended === true)
      .map(([id]) => `hardening/${id}`)
      .sort();
    const suppressed = [...new Set(Object.values(suppressions).flatMap((rules) => Object.keys(rules)))].sort();
    assert.deepEqual(suppressed, recommended);
  });

  it('holds counts only: no secret and no text of any finding', () => {
    const text = readFileSync(suppressionsPath, 'utf8');
    for (const [file, rules] of Object.entries(readSuppressions(suppressionsPath))) {
      assert.ok(existsSync(join(folder, file)), `${file} is a path of the scanned folder`);
      for (const [ruleId, entry] of Object.entries(rules)) {
        assert.match(ruleId, /^hardening\/[a-z0-9-]+$/);
        assert.deepEqual(Object.keys(entry), ['count']);
        assert.ok(Number.isInteger(entry.count) && entry.count > 0);
      }
    }
    for (const secret of EXAMPLE_SECRETS) {
      assert.ok(!text.includes(secret), `the suppressions file holds ${secret.slice(0, 4)}…`);
    }
    // Nor any value a secret finding points at, in any language.
    const secrets = derivedSecrets(initial.results);
    for (const secret of secrets) assert.ok(!text.includes(secret), `the suppressions file holds ${secret.slice(0, 4)}…`);
    assert.ok(secrets.length >= 10, `checked ${secrets.length} secrets`);
  });

  it('a plain scan then reports nothing and exits 0', () => {
    const run = scanReported(folder);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.reported, []);
    const suppressed = run.results.reduce((sum, result) => sum + result.suppressedMessages.length, 0);
    assert.equal(suppressed, initial.reported.length);
  });

  describe('new findings', () => {
    const changed = ['api/app/config.py', 'api/Dockerfile', 'deploy/app.env'];
    const originals = new Map<string, string>();
    beforeEach(() => {
      for (const file of changed) originals.set(file, readFileSync(join(folder, file), 'utf8'));
    });
    afterEach(() => {
      for (const [file, text] of originals) writeFileSync(join(folder, file), text);
      rmSync(join(folder, 'api/app/billing.py'), { force: true });
    });

    it('fail the scan (exit 1) and are the only findings reported, in Python, a Dockerfile, a .env and a new file', () => {
      const next = (file: string): number => lineCount(join(folder, file)) + 1;
      const expected = [
        `api/Dockerfile:${next('api/Dockerfile')} hardening/no-disabled-tls-verification`,
        'api/app/billing.py:5 hardening/no-weak-hashing',
        `api/app/config.py:${next('api/app/config.py')} hardening/require-database-tls`,
        `deploy/app.env:${next('deploy/app.env')} hardening/no-debug-in-production`,
      ];
      // Each file gets a finding of a rule it had no suppressed finding of.
      appendFileSync(join(folder, 'api/app/config.py'), 'ANALYTICS_DATABASE_URL = "postgresql://reporter@analytics.example.com:5432/events"\n');
      appendFileSync(join(folder, 'api/Dockerfile'), 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n');
      appendFileSync(join(folder, 'deploy/app.env'), 'DEBUG=true\n');
      writeFileSync(
        join(folder, 'api/app/billing.py'),
        'import hashlib\n\n\ndef digest(password):\n    return hashlib.md5(password.encode()).hexdigest()\n',
      );
      const run = scanReported(folder);
      assert.equal(run.status, 1);
      assert.deepEqual(run.reported, expected);
    });

    it('of a rule a file already had suppressed findings of bring back all of that rule in that file (ESLint counts, not positions)', () => {
      const before = readSuppressions(suppressionsPath)['deploy/app.env']!['hardening/no-hardcoded-secrets']!.count;
      appendFileSync(join(folder, 'deploy/app.env'), 'SENTRY_AUTH_TOKEN=Qm8Zr3Xv9TnK2pW7Ly5H\n');
      const run = scanReported(folder);
      assert.equal(run.status, 1);
      assert.equal(run.reported.length, before + 1);
      assert.ok(run.reported.every((line) => line.startsWith('deploy/app.env:') && line.endsWith(' hardening/no-hardcoded-secrets')), run.reported.join('\n'));
    });
  });

  it('a fixed finding fails the scan (exit 2) until --prune-suppressions drops it from the file', () => {
    const before = readSuppressions(suppressionsPath);
    // Fix one of the three secrets of app.env, and the root user of web/Dockerfile (its only finding).
    const env = join(folder, 'deploy/app.env');
    writeFileSync(env, readFileSync(env, 'utf8').replace(/^STRIPE_API_KEY=.*\n/m, ''));
    const dockerfile = join(folder, 'web/Dockerfile');
    writeFileSync(dockerfile, readFileSync(dockerfile, 'utf8').replace(/^USER root$/m, 'USER nginx'));

    const stale = scan(folder);
    assert.equal(stale.status, 2);
    assert.match(stale.stderr, /There are suppressions left that do not occur anymore/);
    assert.equal(scan(folder, '--pass-on-unpruned-suppressions').status, 0);

    const prune = scan(folder, '--prune-suppressions');
    assert.equal(prune.status, 0, prune.stdout + prune.stderr);
    const expected = structuredClone(before);
    expected['deploy/app.env']!['hardening/no-hardcoded-secrets']!.count -= 1;
    delete expected['web/Dockerfile'];
    assert.deepEqual(readSuppressions(suppressionsPath), expected);
    assert.equal(scan(folder).status, 0);
  });

  it('--suppress-rule records one rule, in every language it covers, at a --suppressions-location relative to the scanned folder', () => {
    const run = scan(folder, '--suppress-rule', 'hardening/no-hardcoded-secrets', '--suppressions-location', 'secrets-baseline.json');
    assert.equal(run.status, 1, 'the other rules still fail the scan');
    const secretsOnly = readSuppressions(join(folder, 'secrets-baseline.json'));
    for (const [file, rules] of Object.entries(secretsOnly)) assert.deepEqual(Object.keys(rules), ['hardening/no-hardcoded-secrets'], file);
    for (const file of ['api/app/config.py', 'api/Dockerfile', 'deploy/app.env', 'deploy/k8s/secrets.yaml', 'deploy/redis/replica.conf', 'web/src/auth.ts']) {
      assert.ok(secretsOnly[file], `no-hardcoded-secrets suppressed in ${file}`);
    }
    const rest = scanReported(folder, '--suppressions-location', 'secrets-baseline.json');
    assert.equal(rest.status, 1);
    assert.ok(!rest.reported.some((line) => line.endsWith('hardening/no-hardcoded-secrets')), rest.reported.join('\n'));
    assert.ok(rest.reported.some((line) => line.endsWith('hardening/require-non-root-user')));
  });

  it('--suppressions-location takes a path outside the folder, and fails (exit 2) when that file is missing', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'hardening-baseline-ci-'));
    try {
      const path = join(elsewhere, 'hardening-suppressions.json');
      const missing = scan(folder, '--suppressions-location', path);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /The suppressions file does not exist/);
      assert.equal(scan(folder, '--suppress-all', '--suppressions-location', path).status, 0);
      assert.deepEqual(readSuppressions(path), readSuppressions(suppressionsPath));
      assert.equal(scan(folder, '--suppressions-location', path).status, 0);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
