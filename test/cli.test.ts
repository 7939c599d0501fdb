import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { EXAMPLE_SECRETS, EXPECTED_EXAMPLES } from './helpers/expected-examples.js';
import { ROOT, scan, scanJson, type EslintResult } from './helpers/scan.js';

/** `path:line:column rule` for each finding of a JSON scan of `folder`. */
function findings(folder: string, results: EslintResult[]): string[] {
  return results.flatMap((result) =>
    result.messages.map(
      (message) => `${relative(folder, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'}`,
    ),
  );
}

describe('npm run scan (the ESLint CLI with the recommended config)', () => {
  const EXAMPLES = join(ROOT, 'examples');
  /** One JSON scan of examples/ serves every test that reads it. */
  let examples: ReturnType<typeof scanJson>;
  before(() => {
    examples = scanJson(EXAMPLES);
  });

  it('reports exactly the expected findings in examples/', () => {
    assert.deepEqual(findings(EXAMPLES, examples.results), EXPECTED_EXAMPLES);
  });

  it('reports nothing in examples/clean, the twin that follows the guides', () => {
    const clean = scanJson(join(ROOT, 'examples/clean'));
    assert.deepEqual(findings(join(ROOT, 'examples/clean'), clean.results), []);
    assert.equal(clean.status, 0);
  });

  it('exits 1 when it finds errors and prints them with the rule id', () => {
    const run = scan(join(ROOT, 'examples'));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /hardening\/require-non-root-user/);
  });

  it('never prints a secret from examples/ in full', () => {
    for (const secret of EXAMPLE_SECRETS) {
      // The whole output: ESLint's own json formatter would also carry every file's source text.
      assert.ok(!examples.stdout.includes(secret), `the output shows ${secret.slice(0, 4)}… in full`);
    }
    assert.ok(examples.results.length > 0);
  });

  it("says nothing about other plugins' rules named in the scanned code's disable comments", () => {
    const folder = mkdtempSync(join(tmpdir(), 'hardening-cli-foreign-'));
    try {
      writeFileSync(join(folder, 'cli.js'), "// eslint-disable-next-line no-console -- CLI output\nconsole.log('hi');\n/* eslint-disable jsdoc/require-jsdoc */\n");
      writeFileSync(join(folder, 'tool.py'), '# eslint-disable-next-line flake8/E501\nx = 1\n');
      const run = scan(folder);
      assert.equal(run.status, 0, run.stdout);
      assert.equal(run.stdout.trim(), '');
    } finally {
      rmSync(folder, { recursive: true, force: true });
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
      const lines = findings(folder, scanJson(folder).results);
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
