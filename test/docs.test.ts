import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import plugin from 'eslint-plugin-hardening';
// @ts-expect-error -- a plain ESM script without type declarations
import { readmeWithTable, ruleDocWithHeader } from '../scripts/rules-table.mjs';

const ROOT = join(import.meta.dirname, '..');

describe('documentation', () => {
  it('the README rule table matches the rules (run `npm run docs` to update it)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, (readmeWithTable as (text: string) => string)(readme));
  });

  it('every rule doc starts with the header generated from its metadata (run `npm run docs` to update it)', () => {
    for (const id of Object.keys(plugin.rules)) {
      const doc = readFileSync(join(ROOT, 'eslint-plugin/docs/rules', `${id}.md`), 'utf8');
      const regenerated = (ruleDocWithHeader as (id: string, text: string) => string)(id, doc);
      assert.equal(doc, regenerated, `eslint-plugin/docs/rules/${id}.md: the header is stale, run \`npm run docs\``);
    }
  });

  it('every rule has a doc page that cites its guide sections and CWEs', () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      const path = join(ROOT, 'eslint-plugin/docs/rules', `${id}.md`);
      assert.ok(existsSync(path), `missing docs/rules/${id}.md`);
      const doc = readFileSync(path, 'utf8');
      assert.ok(doc.startsWith(`# hardening/${id}`), `${id}.md must start with its id`);
      const docs = rule.meta.docs!;
      assert.ok(docs.guide.length > 0, `${id} names no guide section`);
      for (const cwe of docs.cwe) assert.ok(doc.includes(cwe), `${id}.md does not mention ${cwe}`);
      assert.ok(docs.url!.endsWith(`/docs/rules/${id}.md`), `${id} docs url`);
    }
  });

  it('every rule has a test file', () => {
    for (const id of Object.keys(plugin.rules)) {
      assert.ok(existsSync(join(ROOT, 'eslint-plugin/tests/rules', `${id}.test.ts`)), `missing tests/rules/${id}.test.ts`);
    }
  });
});
