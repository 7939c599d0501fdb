import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  evaluateChecklist,
  formatJson,
  formatMarkdown,
  formatText,
  MARKDOWN_MARKER,
  type LintResultLike,
} from '../../src/checklist/index.js';
import { cell } from '../../src/checklist/markdown.js';

const FOLDER = '/repo';

function results(message: string): LintResultLike[] {
  return [
    { filePath: `${FOLDER}/deploy/nginx.conf`, messages: [] },
    {
      filePath: `${FOLDER}/api/users.py`,
      messages: [{ ruleId: 'hardening/no-sql-concatenation', messageId: 'concatenated', line: 25, message }],
    },
  ];
}

const SQL_MESSAGE = 'SQL built from a non-constant value is passed to execute(): this allows SQL injection. Pass the values as query parameters.';

describe('checklist formatters', () => {
  it('text: one line per item, its evidence and what was checked under it', () => {
    const text = formatText(evaluateChecklist(results(SQL_MESSAGE), FOLDER));
    const lines = text.split('\n');
    assert.equal(lines[0], 'Hardening security checklist: 52 items, 2 fail, 23 pass, 2 not applicable, 25 not checkable (2 files checked)');
    const at = lines.indexOf('    ✗ fail            SQL injection prevention (parameterized queries)');
    assert.ok(at > 0, text);
    assert.deepEqual(lines.slice(at + 1, at + 3), [
      '                      checked: 1 Python file',
      `                      api/users.py:25  hardening/no-sql-concatenation  ${SQL_MESSAGE}`,
    ]);
    assert.ok(lines.includes('    ? not checkable   Authentication with MFA for admins'));
    assert.ok(lines.includes('AMAS Security Hardening Guide: 1 fail, 5 pass, 0 not applicable, 8 not checkable'));
  });

  it('json: the items, with the documented fields in order', () => {
    const items = JSON.parse(formatJson(evaluateChecklist(results(SQL_MESSAGE), FOLDER))) as Record<string, unknown>[];
    assert.equal(items.length, 52);
    assert.deepEqual(Object.keys(items[5]!), ['guide', 'section', 'item', 'status', 'evidence', 'rules', 'checked']);
    assert.deepEqual(items[5], {
      guide: 'AMAS',
      section: 'Security Checklist',
      item: 'SQL injection prevention (parameterized queries)',
      status: 'fail',
      evidence: [{ file: 'api/users.py', line: 25, ruleId: 'hardening/no-sql-concatenation', message: SQL_MESSAGE }],
      rules: ['hardening/no-sql-concatenation'],
      checked: ['1 Python file'],
    });
  });

  it('markdown: marker, counts per guide, a table per checklist and the evidence folded', () => {
    const markdown = formatMarkdown(evaluateChecklist(results(SQL_MESSAGE), FOLDER));
    const lines = markdown.split('\n');
    assert.equal(lines[0], MARKDOWN_MARKER);
    assert.ok(lines.includes('### AMAS Security Hardening Guide'));
    assert.ok(lines.includes('1 fail · 5 pass · 0 not applicable · 8 not checkable'));
    assert.ok(lines.includes('#### Authentication Best Practices › JWT Token Security'));
    assert.ok(lines.includes('| ❌ fail | SQL injection prevention (parameterized queries) | 1 finding. Checked 1 Python file. |'), markdown);
    assert.ok(lines.includes('<details><summary>Evidence: 1 failing, 1 finding</summary>'));
    assert.ok(lines.includes(`- \`api/users.py:25\` \`hardening/no-sql-concatenation\`: ${SQL_MESSAGE}`));
  });

  it('markdown: a message cannot mention anyone or inject HTML; code spans stay code', () => {
    const message = 'Route @admin/users sets <script> and a|b **bold** in `a|b <c> @d`.';
    const markdown = formatMarkdown(evaluateChecklist(results(message), FOLDER));
    assert.ok(
      markdown.includes('Route @&#8203;admin/users sets \\<script\\> and a|b \\*\\*bold\\*\\* in `a|b <c> @d`.'),
      markdown,
    );
    assert.ok(!/(^|[^;])@admin/.test(markdown), 'an @mention survived');
  });

  it('markdown: a table cell escapes pipes, in code spans too, and joins lines', () => {
    assert.equal(cell('a|b `c|d`\n x'), 'a\\|b `c\\|d` x');
  });

  it('markdown: lists at most maxEvidence findings per item, and shrinks to maxLength', () => {
    const many: LintResultLike[] = [
      {
        filePath: `${FOLDER}/app.py`,
        messages: Array.from({ length: 12 }, (_, index) => ({
          ruleId: 'hardening/no-sql-concatenation',
          messageId: 'concatenated',
          line: index + 1,
          message: SQL_MESSAGE,
        })),
      },
    ];
    const report = evaluateChecklist(many, FOLDER);
    const listed = (text: string): number => text.split('\n').filter((line) => line.startsWith('- `app.py:')).length;
    // Two SQL items (AMAS and AutonomOS), 10 each by default.
    assert.equal(listed(formatMarkdown(report)), 20);
    assert.equal(listed(formatMarkdown(report, { maxEvidence: 2 })), 4);
    assert.equal(formatMarkdown(report).split('\n').filter((line) => line === '- … and 2 more: run the checklist locally for all of them.').length, 2);
    const short = formatMarkdown(report, { maxLength: formatMarkdown(report, { maxEvidence: 1 }).length });
    assert.equal(listed(short), 2);
  });
});
