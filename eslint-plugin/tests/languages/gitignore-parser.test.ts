import assert from 'node:assert/strict';
import { parseGitignore } from '../../src/languages/gitignore/gitignore-parser.js';

describe('.gitignore parser', () => {
  it('reads patterns, negation, escapes and comment lines as git does', () => {
    const text = '# secrets\n.env\n!.env.example\n\\#not-a-comment\nspaced\\ \ntrailing   \n\n*.pem\n';
    const { ast, comments } = parseGitignore(text);
    assert.deepEqual(
      ast.children.map((pattern) => [pattern.pattern, pattern.negated]),
      [['.env', false], ['.env.example', true], ['#not-a-comment', false], ['spaced ', false], ['trailing', false], ['*.pem', false]],
    );
    assert.deepEqual(comments.map((comment) => comment.value), [' secrets']);
    assert.deepEqual(ast.children[1]!.loc, { start: { line: 3, column: 0 }, end: { line: 3, column: 13 } });
  });

  it('never fails on odd input', () => {
    for (const text of ['', '!', '\\', '\u0000', '\r\n\r\n']) assert.doesNotThrow(() => parseGitignore(text));
  });
});
