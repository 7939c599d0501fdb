import assert from 'node:assert/strict';
import { parseRedisConfig } from '../../src/languages/redis/redis-parser.js';

describe('redis.conf parser', () => {
  it('reads directives, quoted arguments and comment lines', () => {
    const text = '# network\nbind 127.0.0.1 -::1\nrequirepass "s3cr\\"et pw"\nRENAME-COMMAND CONFIG \'\'\n  protected-mode no\n';
    const { ast, comments } = parseRedisConfig(text);
    assert.deepEqual(
      ast.children.map((directive) => [directive.name, ...directive.args.map((arg) => arg.value)]),
      [['bind', '127.0.0.1', '-::1'], ['requirepass', 's3cr"et pw'], ['rename-command', 'CONFIG', ''], ['protected-mode', 'no']],
    );
    assert.deepEqual(comments.map((comment) => comment.value), [' network']);
    const secret = ast.children[1]!.args[0]!;
    assert.equal(text.slice(...secret.range), '"s3cr\\"et pw"');
    assert.deepEqual(ast.children[3]!.loc.start, { line: 5, column: 2 });
  });

  it('never fails on odd input', () => {
    for (const text of ['', '"', "requirepass 'unterminated", '\u0000', '   \n\t\n']) {
      assert.doesNotThrow(() => parseRedisConfig(text), JSON.stringify(text));
    }
  });
});
