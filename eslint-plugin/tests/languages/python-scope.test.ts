import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { nodeText } from '../../src/languages/python/python-ast.js';
import type { PythonNode } from '../../src/languages/python/python-node.js';
import { field } from '../../src/languages/python/python-node.js';
import { initPythonParser, parsePython } from '../../src/languages/python/python-parser.js';
import { descendants, enclosing, importedName, importedNames } from '../../src/languages/python/python-scope.js';

/** The nodes of `type` below `root`, in source order. */
function all(root: PythonNode, type: string): PythonNode[] {
  const found: PythonNode[] = [];
  descendants(root, (node) => node.type === type && found.push(node), true);
  return found;
}

describe('python scope helpers', () => {
  before(() => initPythonParser());

  it('walks a scope without entering nested functions, classes and lambdas unless asked', () => {
    const text = 'a = 1\ndef f():\n    b = 2\nclass C:\n    c = 3\ng = lambda: d\n';
    const module = parsePython(text).ast;
    const names = (enterScopes: boolean): string[] => {
      const found: string[] = [];
      descendants(module, (node) => node.type === 'identifier' && found.push(nodeText(node, text)), enterScopes);
      return found;
    };
    assert.deepEqual(names(false), ['a', 'g']);
    assert.deepEqual(names(true), ['a', 'f', 'b', 'C', 'c', 'g', 'd']);
  });

  it('finds the nearest enclosing node of a type', () => {
    const text = 'def outer():\n    def inner():\n        return x\n';
    const module = parsePython(text).ast;
    const x = all(module, 'identifier').find((node) => nodeText(node, text) === 'x')!;
    assert.equal(nodeText(field(enclosing(x, 'function_definition')!, 'name')!, text), 'inner');
    assert.equal(enclosing(x, 'class_definition'), undefined);
  });

  it('maps the names imports bind, in any scope, to what they stand for', () => {
    const text = [
      'import os.path',
      'import numpy as np, json',
      'from hashlib import md5, sha1 as sha',
      'from . import sibling',
      'def f():',
      '    from passlib.hash import md5_crypt',
      '',
    ].join('\n');
    assert.deepEqual(
      [...importedNames(parsePython(text).ast, text)],
      [
        ['os', 'os'],
        ['np', 'numpy'],
        ['json', 'json'],
        ['md5', 'hashlib.md5'],
        ['sha', 'hashlib.sha1'],
        ['md5_crypt', 'passlib.hash.md5_crypt'],
      ],
    );
  });

  it('qualifies a dotted name through the imports, and only an imported one', () => {
    const text = 'import numpy as np\nnp.random.rand()\nrandom.random()\n';
    const module = parsePython(text).ast;
    const imports = importedNames(module, text);
    const [numpy, stdlib] = all(module, 'call').map((call) => field(call, 'function'));
    assert.equal(importedName(numpy, text, imports), 'numpy.random.rand');
    assert.equal(importedName(stdlib, text, imports), undefined);
    assert.equal(importedName(undefined, text, imports), undefined);
  });
});
