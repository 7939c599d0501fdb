import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { evaluateChecklist, hasFailures, type ItemResult, type LintResultLike } from '../../src/checklist/index.js';

const FOLDER = '/repo';

type Message = LintResultLike['messages'][number];

function file(path: string, ...messages: Message[]): LintResultLike {
  return { filePath: `${FOLDER}/${path}`, messages };
}

function finding(rule: string, line: number, messageId = 'someMessage'): Message {
  return { ruleId: `hardening/${rule}`, messageId, line, message: `Finding of ${rule} on line ${line}.` };
}

function item(items: readonly ItemResult[], text: string, guide = 'AutonomOS'): ItemResult {
  const found = items.find((entry) => entry.item === text && entry.guide === guide);
  assert.ok(found, `no item "${text}" in ${guide}`);
  return found;
}

describe('checklist/evaluateChecklist', () => {
  it('lists every item of both checklists, in the guides\' order', () => {
    const { items } = evaluateChecklist([], FOLDER);
    assert.equal(items.length, 52);
    assert.deepEqual(items[0], {
      guide: 'AMAS',
      section: 'Security Checklist',
      item: 'All secrets in secret manager (not in code)',
      status: 'not-applicable',
      evidence: [],
      rules: ['hardening/no-hardcoded-secrets', 'hardening/require-gitignore-secrets'],
      checked: [],
      reason:
        'No JS/TS file, Python file, Dockerfile, YAML file, redis.conf, .env file or .gitignore in the folder. Checks that no secret is in the repository; whether deployed secrets come from a secret manager is not checkable.',
    });
    assert.equal(items.at(-1)!.item, 'Incident response plan documented and reviewed');
  });

  it('fails an item when a mapped rule reports, with the finding as evidence (relative path, ESLint\'s message)', () => {
    const { items } = evaluateChecklist([file('api/users.py', finding('no-sql-concatenation', 25))], FOLDER);
    const sql = item(items, 'SQL injection prevention (parameterized queries)', 'AMAS');
    assert.equal(sql.status, 'fail');
    assert.deepEqual(sql.evidence, [
      { file: 'api/users.py', line: 25, ruleId: 'hardening/no-sql-concatenation', message: 'Finding of no-sql-concatenation on line 25.' },
    ]);
    assert.deepEqual(sql.checked, ['1 Python file']);
    assert.equal(item(items, 'SQL injection prevention (ORM only, no raw queries)').status, 'fail');
    assert.equal(item(items, 'Never log tokens or secrets').status, 'pass');
  });

  it('sorts evidence by file, then line, across the item\'s rules', () => {
    const { items } = evaluateChecklist(
      [
        file('web/b.ts', finding('no-disabled-tls-verification', 3)),
        file('deploy/nginx.conf', finding('nginx-require-strong-tls', 12), finding('nginx-require-https-redirect', 2)),
      ],
      FOLDER,
    );
    const tls = item(items, 'TLS/SSL enabled for all external connections');
    assert.deepEqual(
      tls.evidence.map(({ file: path, line, ruleId }) => `${path}:${line} ${ruleId}`),
      [
        'deploy/nginx.conf:2 hardening/nginx-require-https-redirect',
        'deploy/nginx.conf:12 hardening/nginx-require-strong-tls',
        'web/b.ts:3 hardening/no-disabled-tls-verification',
      ],
    );
    assert.deepEqual(tls.checked, ['1 JS/TS file', '1 nginx config']);
  });

  it('passes an item only when its rules read a file, and says which', () => {
    const { items } = evaluateChecklist([file('app.py'), file('deploy/nginx/site.conf')], FOLDER);
    const headers = item(items, 'Security headers set (HSTS, CSP, X-Frame-Options)', 'AMAS');
    assert.equal(headers.status, 'pass');
    assert.deepEqual(headers.checked, ['1 nginx config']);
    assert.equal(headers.reason, 'Checks nginx configs; headers set in application code (helmet, middleware) are not read.');
    const xss = item(items, 'XSS prevention (CSP headers, sanitized output)');
    assert.deepEqual([xss.status, xss.checked], ['pass', ['1 nginx config']]);
    assert.equal(xss.reason, 'No JS/TS file in the folder for hardening/no-unsanitized-html.');
  });

  it('makes an item not applicable when the folder has no file its rules read', () => {
    const { items } = evaluateChecklist([file('app.py')], FOLDER);
    const headers = item(items, 'Security headers configured (HSTS, CSP, X-Frame-Options)');
    assert.equal(headers.status, 'not-applicable');
    assert.deepEqual(headers.checked, []);
    assert.equal(
      headers.reason,
      'No nginx config in the folder. Checks nginx configs; headers set in application code (helmet, middleware) are not read.',
    );
    assert.equal(item(items, 'Never store tokens in localStorage (XSS risk)').status, 'not-applicable');
    assert.equal(item(items, 'Never store tokens in localStorage (XSS risk)').reason, 'No JS/TS file in the folder.');
  });

  it('says which rules had no file to read, and needs nginx for "strong ciphers"', () => {
    const { items } = evaluateChecklist([file('app.py')], FOLDER);
    const tls = item(items, 'TLS/SSL enabled for all external connections');
    assert.deepEqual([tls.status, tls.checked], ['pass', ['1 Python file']]);
    assert.equal(
      tls.reason,
      'No nginx config in the folder for hardening/nginx-require-strong-tls and hardening/nginx-require-https-redirect.',
    );
    const ciphers = item(items, 'HTTPS/TLS enabled with strong ciphers', 'AMAS');
    assert.deepEqual([ciphers.status, ciphers.checked], ['not-applicable', ['1 Python file']]);

    const failing = evaluateChecklist([file('app.py', finding('no-disabled-tls-verification', 2))], FOLDER).items;
    assert.equal(item(failing, 'HTTPS/TLS enabled with strong ciphers', 'AMAS').status, 'fail');
    const withNginx = evaluateChecklist([file('app.py'), file('nginx.conf')], FOLDER).items;
    assert.equal(item(withNginx, 'HTTPS/TLS enabled with strong ciphers', 'AMAS').status, 'pass');
    assert.equal(item(withNginx, 'HTTPS/TLS enabled with strong ciphers', 'AMAS').reason, undefined);
  });

  it('keeps not-checkable items not checkable whatever the folder holds, with the reason', () => {
    const { items } = evaluateChecklist([file('app.py', finding('no-hardcoded-secrets', 1))], FOLDER);
    const mfa = item(items, 'Authentication with MFA for admins', 'AMAS');
    assert.deepEqual(mfa, {
      guide: 'AMAS',
      section: 'Security Checklist',
      item: 'Authentication with MFA for admins',
      status: 'not-checkable',
      evidence: [],
      rules: [],
      checked: [],
      reason: 'MFA for admin roles lives in app-specific role models; no file format shows it.',
    });
  });

  it('gives each item only the messages it maps (require-redis-tls: TLS vs passwords)', () => {
    const results = [file('redis/redis.conf', finding('require-redis-tls', 3, 'protectedModeOff'))];
    const { items } = evaluateChecklist(results, FOLDER);
    assert.equal(item(items, 'Redis password authentication enabled').status, 'fail');
    assert.equal(item(items, 'TLS 1.2+ for all external communications').status, 'pass');

    const both = evaluateChecklist([file('app.py', finding('require-redis-tls', 4, 'plaintextNoPasswordUrl'))], FOLDER).items;
    assert.equal(item(both, 'Redis password authentication enabled').status, 'fail');
    assert.equal(item(both, 'TLS 1.2+ for all external communications').status, 'fail');
  });

  it('does not count a file that failed to parse as checked', () => {
    const fatal: Message = { ruleId: null, line: 2, message: 'Parsing error: unexpected token.', fatal: true };
    const report = evaluateChecklist([file('nginx.conf', fatal)], FOLDER);
    assert.equal(item(report.items, 'Rate limiting configured', 'AMAS').status, 'not-applicable');
    assert.deepEqual(report.unparsedFiles, ['nginx.conf']);
    assert.equal(report.filesChecked, 0);
    assert.deepEqual(report.outside, []);
  });

  it('counts Compose files by name for the firewall item, but a finding fails it wherever it is', () => {
    const k8s = evaluateChecklist([file('k8s/api.yaml')], FOLDER).items;
    const firewall = 'Firewall configured (only ports 80, 443, 22 open)';
    assert.equal(item(k8s, firewall).status, 'not-applicable');
    assert.match(item(k8s, firewall).reason!, /^No Compose file in the folder\. /);

    const compose = evaluateChecklist([file('docker-compose.prod.yml')], FOLDER).items;
    assert.deepEqual([item(compose, firewall).status, item(compose, firewall).checked], ['pass', ['1 Compose file']]);

    const named = evaluateChecklist([file('stack.yml', finding('no-exposed-datastore-ports', 5, 'exposedPort'))], FOLDER).items;
    assert.equal(item(named, firewall).status, 'fail');
  });

  it('counts findings no item maps as outside the checklists, and they fail nothing', () => {
    const report = evaluateChecklist(
      [file('Dockerfile', finding('require-non-root-user', 1)), file('settings.py', finding('no-debug-in-production', 3))],
      FOLDER,
    );
    assert.deepEqual(report.outside, [
      { ruleId: 'hardening/no-debug-in-production', count: 1 },
      { ruleId: 'hardening/require-non-root-user', count: 1 },
    ]);
    assert.equal(hasFailures(report), false);
    assert.ok(!report.items.some((entry) => entry.status === 'fail'));
  });

  it('reports hasFailures when an item fails', () => {
    assert.equal(hasFailures(evaluateChecklist([file('a.ts', finding('no-token-in-web-storage', 1))], FOLDER)), true);
  });
});
