import assert from 'node:assert/strict';
import { initPythonParser, parsePython } from '../../src/languages/python/python-parser.js';
import { callArguments, calleeName, stringValue } from '../../src/languages/python/python-ast.js';
import type { PythonNode } from '../../src/languages/python/python-node.js';

/** The first `call` of a one-statement module. */
function firstCall(text: string): PythonNode {
  const statement = parsePython(text).ast.children[0]!;
  return statement.children[0]!;
}

describe('python AST helpers', () => {
  before(() => initPythonParser());

  it('reads string values with escapes, raw strings and implicit concatenation', () => {
    const text = 'f("a\\tb", r"a\\tb", "x" \'y\', ("p" "q\\n"), b"bytes", f"{v}")\n';
    const { positional } = callArguments(firstCall(text), text);
    assert.deepEqual(
      positional.map((argument) => stringValue(argument, text)),
      ['a\tb', 'a\\tb', 'xy', 'pq\n', 'bytes', undefined],
    );
  });

  it('names callees and splits keyword arguments', () => {
    const text = 'os.environ.get("KEY", default="dev", **extra)\n';
    const call = firstCall(text);
    assert.equal(calleeName(call, text), 'os.environ.get');
    const { positional, keywords } = callArguments(call, text);
    assert.equal(positional.length, 1);
    assert.deepEqual([...keywords.keys()], ['default']);
  });
});
