import assert from 'node:assert/strict';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, it } from 'mocha';
import {
  constantBinding,
  constantInitializer,
  moduleBindings,
  staticPropertyName,
  unwrapCasts,
  unwrapValue,
} from '../../src/util/js-static-values.js';

/** Runs `inspect` on the argument of every `probe(...)` call in `code`, with the file's SourceCode. */
function probe<T>(code: string, inspect: (sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node) => T): T[] {
  const results: T[] = [];
  const rule: TSESLint.RuleModule<never> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create: (context) => ({
      'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
        results.push(inspect(context.sourceCode, call.arguments[0]!));
      },
    }),
  };
  const config: Linter.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { test: { rules: { probe: rule as never } } },
    rules: { 'test/probe': 'error' },
  };
  const messages = new Linter().verify(code, config, 'probe.ts');
  assert.deepEqual(messages, []);
  return results;
}

function initOf(code: string): string | undefined {
  const [result] = probe(code, (sourceCode, argument) => {
    const binding = argument.type === 'Identifier' ? constantBinding(sourceCode, argument) : undefined;
    return binding && `${binding.id.type} ${binding.name.name} = ${sourceCode.getText(binding.init)}`;
  });
  return result;
}

describe('util/js-static-values', () => {
  describe('staticPropertyName', () => {
    const nameOf = (expression: string): string | undefined =>
      probe(`probe(${expression});`, (_, argument) => {
        if (argument.type === 'MemberExpression') return staticPropertyName(argument);
        if (argument.type === 'ObjectExpression' && argument.properties[0]?.type === 'Property') {
          return staticPropertyName(argument.properties[0]);
        }
        return assert.fail(`not a member or an object: ${expression}`);
      })[0];

    it('reads plain and string-literal names of members and properties', () => {
      assert.equal(nameOf('a.token'), 'token');
      assert.equal(nameOf('a["token"]'), 'token');
      assert.equal(nameOf('{ token: 1 }'), 'token');
      assert.equal(nameOf('{ "token": 1 }'), 'token');
      assert.equal(nameOf('{ ["token"]: 1 }'), 'token');
    });

    it('gives nothing for a computed name', () => {
      assert.equal(nameOf('a[token]'), undefined);
      assert.equal(nameOf('a[0]'), undefined);
      assert.equal(nameOf('{ [token]: 1 }'), undefined);
    });
  });

  describe('constantBinding', () => {
    it('finds a variable declared once with a value and never assigned again', () => {
      assert.equal(initOf('const a = "x"; probe(a);'), 'Identifier a = "x"');
      assert.equal(initOf('let a = 1; function f() { probe(a); }'), 'Identifier a = 1');
      assert.equal(initOf('const { a } = window; probe(a);'), 'ObjectPattern a = window');
    });

    it('rejects a variable written again, declared twice or without a value, and a parameter', () => {
      assert.equal(initOf('let a = "x"; a = "y"; probe(a);'), undefined);
      assert.equal(initOf('let a = 1; a++; probe(a);'), undefined);
      assert.equal(initOf('let a = 1; for (a of b) {} probe(a);'), undefined);
      assert.equal(initOf('var a = 1; var a = 2; probe(a);'), undefined);
      assert.equal(initOf('let a; a = 1; probe(a);'), undefined);
      assert.equal(initOf('function f(a = 1) { probe(a); }'), undefined);
      assert.equal(initOf('probe(a);'), undefined);
    });
  });

  describe('constantInitializer', () => {
    const valueOf = (code: string): string | undefined =>
      probe(code, (sourceCode, argument) => {
        const init = argument.type === 'Identifier' ? constantInitializer(sourceCode, argument) : undefined;
        return init && sourceCode.getText(init);
      })[0];

    it('gives the value of a plain constant', () => {
      assert.equal(valueOf('const a = { rounds: 12 }; a.rounds; probe(a);'), '{ rounds: 12 }');
    });

    it('rejects a constant whose properties are assigned, and a destructured name', () => {
      assert.equal(valueOf('const a = { rounds: 12 }; a.rounds = 4; probe(a);'), undefined);
      assert.equal(valueOf('const a = { o: {} }; a.o.rounds = 4; probe(a);'), undefined);
      assert.equal(valueOf('const { a } = b; probe(a);'), undefined);
    });
  });

  describe('unwrapValue', () => {
    const unwrapped = (expression: string): string =>
      probe(`async function f() { probe(${expression}); }`, (sourceCode, argument) => sourceCode.getText(unwrapValue(argument)))[0]!;

    it('looks through casts, `!`, optional chains and `await`, in any nesting', () => {
      assert.equal(unwrapped('token as string'), 'token');
      assert.equal(unwrapped('(<string>token)!'), 'token');
      assert.equal(unwrapped('(await (token satisfies string))!'), 'token');
      assert.equal(unwrapped('a?.b!'), 'a?.b');
    });

    it('keeps anything else', () => {
      assert.equal(unwrapped('String(token)'), 'String(token)');
      assert.equal(unwrapped('(token)'), 'token');
    });
  });

  describe('unwrapCasts', () => {
    const unwrapped = (expression: string): string =>
      probe(`async function f() { probe(${expression}); }`, (sourceCode, argument) => sourceCode.getText(unwrapCasts(argument)))[0]!;

    it('looks through casts and `!` only', () => {
      assert.equal(unwrapped('(<string>(token as unknown))!'), 'token');
      assert.equal(unwrapped('(token satisfies string)'), 'token');
      assert.equal(unwrapped('(await token) as string'), 'await token');
      assert.equal(unwrapped('a?.b as string'), 'a?.b');
    });
  });
});

describe('moduleBindings', () => {
  it('maps each top-level import and require/import() binding to its module and imported name', () => {
    const [bindings] = probe(
      [
        "import bcrypt from 'bcrypt';",
        "import * as crypto from 'node:crypto';",
        "import { hash as argonHash, 'default' as other } from 'argon2';",
        "const jwt = require('jsonwebtoken');",
        "const { createHash, default: md5 } = require('crypto');",
        "const jose = await import('jose');",
        "const plain = compute('x');",
        'probe(0);',
      ].join('\n'),
      (sourceCode) => moduleBindings(sourceCode.ast as TSESTree.Program),
    );
    assert.deepEqual(
      [...bindings!].map(([name, binding]) => [name, binding.module, binding.imported, binding.identifier.name]),
      [
        ['bcrypt', 'bcrypt', '*', 'bcrypt'],
        ['crypto', 'node:crypto', '*', 'crypto'],
        ['argonHash', 'argon2', 'hash', 'argonHash'],
        ['other', 'argon2', '*', 'other'],
        ['jwt', 'jsonwebtoken', '*', 'jwt'],
        ['createHash', 'crypto', 'createHash', 'createHash'],
        ['md5', 'crypto', '*', 'md5'],
        ['jose', 'jose', '*', 'jose'],
      ],
    );
  });
});
