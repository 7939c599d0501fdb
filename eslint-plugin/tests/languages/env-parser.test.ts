import assert from 'node:assert/strict';
import { parseEnv } from '../../src/languages/env/env-parser.js';

const entries = (text: string) =>
  parseEnv(text).ast.children.map((entry) => [entry.key, entry.value, text.slice(...entry.valueRange), entry.quote]);

describe('.env parser', () => {
  it('reads values as dotenv does: quotes, export, inline comments, empty values', () => {
    const text = [
      '# database',
      'DATABASE_URL=postgresql://app@db:5432/app  # local only',
      'export JWT_SECRET="line1\\nline2"',
      "SINGLE='raw \\n # not a comment'",
      'EMPTY=',
      'SPACED = padded value ',
      'COLON: yaml-style',
      'not a valid line',
      'HASH=abc#def',
    ].join('\n');
    assert.deepEqual(entries(text), [
      ['DATABASE_URL', 'postgresql://app@db:5432/app', 'postgresql://app@db:5432/app', null],
      ['JWT_SECRET', 'line1\nline2', '"line1\\nline2"', '"'],
      ['SINGLE', 'raw \\n # not a comment', "'raw \\n # not a comment'", "'"],
      ['EMPTY', '', '', null],
      ['SPACED', 'padded value', 'padded value', null],
      ['COLON', 'yaml-style', 'yaml-style', null],
      ['HASH', 'abc', 'abc', null],
    ]);
    assert.deepEqual(
      parseEnv(text).comments.map((comment) => [comment.value, comment.loc.start.line]),
      [[' database', 1], [' local only', 2], ['def', 9]],
    );
  });

  it('gives keys and entries their ranges and lines', () => {
    const text = 'A=1\n  export   KEY=value\n';
    const [, entry] = parseEnv(text).ast.children;
    assert.equal(text.slice(...entry!.keyRange), 'KEY');
    assert.deepEqual(entry!.loc, { start: { line: 2, column: 2 }, end: { line: 2, column: 20 } });
    assert.equal(entry!.exported, true);
  });

  it('keeps a multi-line quoted value whole and does not read comments inside it', () => {
    const text = 'KEY="-----BEGIN\n# inside\nEND"\nNEXT=1\n';
    assert.deepEqual(entries(text).map(([key]) => key), ['KEY', 'NEXT']);
    assert.deepEqual(parseEnv(text).comments, []);
  });

  it('never fails on odd input', () => {
    for (const text of ['', '=', 'KEY="unterminated\nB=2', '\u0000\u0001', 'export', '\r\nA=1\r\n']) {
      assert.doesNotThrow(() => parseEnv(text), JSON.stringify(text));
    }
    assert.deepEqual(entries('KEY="unterminated\nB=2').map(([key]) => key), ['KEY', 'B']);
  });
});
