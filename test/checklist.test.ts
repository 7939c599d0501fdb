import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_SECRETS } from './helpers/expected-examples.js';

const ROOT = join(import.meta.dirname, '..');

interface Item {
  guide: string;
  section: string;
  item: string;
  status: 'pass' | 'fail' | 'not-checkable' | 'not-applicable';
  evidence: { file: string; line: number; ruleId: string; message: string }[];
  rules: string[];
  checked: string[];
  reason?: string;
}

function checklist(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/checklist.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

function items(folder: string): { status: number | null; items: Item[] } {
  const run = checklist(folder, '--json');
  assert.ok(run.stdout, `checklist printed nothing: ${run.stderr}`);
  return { status: run.status, items: JSON.parse(run.stdout) as Item[] };
}

function find(list: readonly Item[], guide: string, text: string): Item {
  const found = list.find((entry) => entry.guide === guide && entry.item === text);
  assert.ok(found, `no ${guide} item "${text}"`);
  return found;
}

const where = (item: Item): string[] => item.evidence.map(({ file, line, ruleId }) => `${file}:${line} ${ruleId}`);

describe('npm run checklist (both guides\' checklists over a folder)', () => {
  describe('on examples/, where every rule fires', () => {
    let run: { status: number | null; items: Item[] };
    let markdown: ReturnType<typeof checklist>;
    let text: ReturnType<typeof checklist>;
    before(function () {
      this.timeout(60_000);
      run = items(join(ROOT, 'examples'));
      markdown = checklist(join(ROOT, 'examples'), '--markdown');
      text = checklist(join(ROOT, 'examples'));
    });

    it('prints text by default, and exits 1 in every format', () => {
      assert.equal(text.status, 1);
      assert.match(text.stdout, /^Hardening security checklist: 52 items, 27 fail, 0 pass, 0 not applicable, 25 not checkable \(52 files checked\)\n/);
      assert.match(text.stdout, /\n {22}deploy\/nginx\/nginx\.conf:18 {2}hardening\/nginx-require-rate-limit {2}Location "\/api\/auth\/" passes/);
      assert.match(text.stdout, /\nFindings outside the checklists: hardening\/no-debug-in-production \(1\), hardening\/require-k8s-security-context \(1\), hardening\/require-non-root-user \(2\)\./);
    });

    it('exits 1 and prints every item as {guide, section, item, status, evidence}', () => {
      assert.equal(run.status, 1);
      assert.equal(run.items.length, 52);
      for (const item of run.items) {
        assert.ok(['AMAS', 'AutonomOS'].includes(item.guide), item.guide);
        assert.equal(typeof item.section, 'string');
        assert.ok(['pass', 'fail', 'not-checkable', 'not-applicable'].includes(item.status), item.status);
        for (const evidence of item.evidence) {
          assert.deepEqual(Object.keys(evidence), ['file', 'line', 'ruleId', 'message']);
          assert.ok(!evidence.file.startsWith('/') && !evidence.file.includes('\\'), evidence.file);
          assert.ok(item.rules.includes(evidence.ruleId), `${evidence.ruleId} is not a rule of "${item.item}"`);
        }
      }
    });

    it('fails every item a rule checks, and only those', () => {
      for (const item of run.items) {
        assert.equal(item.status, item.rules.length > 0 ? 'fail' : 'not-checkable', item.item);
        assert.equal(item.evidence.length > 0, item.status === 'fail', item.item);
      }
    });

    it('gives the exact evidence of a few items', () => {
      assert.deepEqual(where(find(run.items, 'AMAS', 'SQL injection prevention (parameterized queries)')), [
        'api/app/users.py:25 hardening/no-sql-concatenation',
        'api/app/users.py:31 hardening/no-sql-concatenation',
        'web/server/users.ts:9 hardening/no-sql-concatenation',
      ]);
      assert.deepEqual(where(find(run.items, 'AutonomOS', 'Redis password authentication enabled')), [
        'api/app/config.py:12 hardening/require-redis-tls',
        'deploy/redis/redis.conf:3 hardening/require-redis-tls',
      ]);
      assert.deepEqual(where(find(run.items, 'AutonomOS', 'Firewall configured (only ports 80, 443, 22 open)')), [
        'docker-compose.yml:11 hardening/no-exposed-datastore-ports',
        'docker-compose.yml:17 hardening/no-exposed-datastore-ports',
      ]);
      const storage = find(run.items, 'AutonomOS', 'Never store tokens in localStorage (XSS risk)');
      assert.deepEqual(storage.evidence[0], {
        file: 'web/src/auth.ts',
        line: 18,
        ruleId: 'hardening/no-token-in-web-storage',
        message: 'An auth token is written to localStorage, where any script on the page (an XSS) can read it. Keep tokens in httpOnly cookies.',
      });
      const mfa = find(run.items, 'AMAS', 'Authentication with MFA for admins');
      assert.deepEqual([mfa.status, mfa.evidence, mfa.rules], ['not-checkable', [], []]);
      assert.ok(mfa.reason);
    });

    it('never prints a secret, in Markdown, text or JSON', () => {
      const outputs = { markdown: markdown.stdout, json: JSON.stringify(run.items), text: text.stdout };
      for (const [format, output] of Object.entries(outputs)) {
        assert.ok(output.length > 1000, `${format} printed too little`);
        // Markdown escapes punctuation: compare without the backslashes too.
        for (const printed of [output, output.replace(/\\/g, '')]) {
          for (const secret of EXAMPLE_SECRETS) {
            assert.ok(!printed.includes(secret), `${format} shows ${secret.slice(0, 4)}… in full`);
          }
        }
      }
    });

    it('prints Markdown for a PR comment: a table per checklist, with counts', () => {
      assert.equal(markdown.status, 1);
      const lines = markdown.stdout.split('\n');
      assert.equal(lines[0], '<!-- hardening-checklist -->');
      assert.ok(lines.includes('## Hardening security checklist'));
      assert.ok(lines.includes('52 items: 27 fail · 0 pass · 0 not applicable · 25 not checkable (52 files checked)'), markdown.stdout);
      assert.ok(lines.includes('### AutonomOS Platform Security Hardening Guide'));
      assert.ok(lines.some((line) => line.startsWith('| ❌ fail | SQL injection prevention (parameterized queries) | 3 findings.')));
      assert.ok(lines.includes('| ❔ not checkable | Annual penetration testing | A process or a document, not a file a linter reads. |'));
      assert.ok(markdown.stdout.length < 65536, 'too long for a GitHub comment');
    });
  });

  describe('on examples/clean, the twin that follows the guides', () => {
    it('exits 0: every checkable item passes, with the files it read', () => {
      const run = items(join(ROOT, 'examples/clean'));
      assert.equal(run.status, 0);
      for (const item of run.items) {
        assert.equal(item.status, item.rules.length > 0 ? 'pass' : 'not-checkable', item.item);
        assert.deepEqual(item.evidence, []);
      }
      assert.deepEqual(find(run.items, 'AMAS', 'Security headers set (HSTS, CSP, X-Frame-Options)').checked, ['1 nginx config']);
      assert.deepEqual(find(run.items, 'AutonomOS', 'Firewall configured (only ports 80, 443, 22 open)').checked, ['1 Compose file']);
      assert.deepEqual(find(run.items, 'AutonomOS', 'Never store tokens in localStorage (XSS risk)').checked, ['8 JS/TS files']);
    });
  });

  describe('on a folder with only some file types', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'hardening-checklist-'));
      writeFileSync(join(folder, 'app.py'), 'import os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n');
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('says not applicable, not pass, when no file of the kind exists', () => {
      const run = items(folder);
      assert.equal(run.status, 0);
      const headers = find(run.items, 'AMAS', 'Security headers set (HSTS, CSP, X-Frame-Options)');
      assert.equal(headers.status, 'not-applicable');
      assert.match(headers.reason!, /^No nginx config in the folder\./);
      assert.equal(find(run.items, 'AutonomOS', 'Firewall configured (only ports 80, 443, 22 open)').status, 'not-applicable');
      const sql = find(run.items, 'AMAS', 'SQL injection prevention (parameterized queries)');
      assert.deepEqual([sql.status, sql.checked], ['pass', ['1 Python file']]);
    });

    it('prints readable text by default', () => {
      const run = checklist(folder);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Hardening security checklist: 52 items, 0 fail, 19 pass, 8 not applicable, 25 not checkable \(1 file checked\)\n/);
      assert.match(run.stdout, /\n {4}– not applicable {2}Rate limiting configured\n {22}No nginx config in the folder\./);
    });
  });

  describe('on bad usage', () => {
    for (const [title, args] of [
      ['no folder', []],
      ['a missing folder', ['no-such-folder']],
      ['an unknown option', ['examples', '--format=json']],
      ['two formats', ['examples', '--json', '--markdown']],
      ['two folders', ['examples', 'examples/clean']],
    ] as const) {
      it(`exits 2 on ${title}, with the usage on stderr`, () => {
        const run = checklist(...args);
        assert.equal(run.status, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /Usage: npm run checklist -- <folder> \[--json \| --markdown\]/);
      });
    }
  });
});
