import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SecretKind } from '../../detectors/randomness.js';
import { OPAQUE_KINDS } from '../../detectors/randomness.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import type { Suggestion } from '../no-insecure-randomness.js';

type Node = TSESTree.Node;

/** How a file brings in node:crypto: `import crypto from 'node:crypto'`, `const { randomInt } = require('crypto')`. */
interface CryptoImport {
  namespace?: string;
  randomUUID?: string;
  randomInt?: string;
}

const NODE_CRYPTO = new Set(['crypto', 'node:crypto']);
/** Methods that keep a `Math.random().toString(36)` an opaque id string. */
const ID_METHODS = new Set(['toString', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'toUpperCase', 'replace', 'getTime']);
const SEPARATORS = /^[-_.:]*$/;

/** The expression under TypeScript casts, `!` and optional chains. */
export function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** The text of a string literal or a template literal without expressions. */
export function stringValue(node: Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function nodeCrypto(sourceCode: Readonly<TSESLint.SourceCode>): CryptoImport {
  const cryptoImport: CryptoImport = {};
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && NODE_CRYPTO.has(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) cryptoImport.namespace = specifier.local.name;
        else if (specifier.imported.type === AST_NODE_TYPES.Identifier && (specifier.imported.name === 'randomUUID' || specifier.imported.name === 'randomInt')) {
          cryptoImport[specifier.imported.name] = specifier.local.name;
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      // const crypto = require('node:crypto');
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        const required = init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
        if (!required || !NODE_CRYPTO.has(stringValue(init.arguments[0]) ?? '')) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) cryptoImport.namespace = declarator.id.name;
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          // const { randomInt } = require('crypto');
          for (const property of declarator.id.properties) {
            const key = property.type === AST_NODE_TYPES.Property ? staticPropertyName(property) : undefined;
            const local = property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? property.value.name : undefined;
            if (local && (key === 'randomUUID' || key === 'randomInt')) cryptoImport[key] = local;
          }
        }
      }
    }
  }
  return cryptoImport;
}

/** Parts of an id built only from random numbers, the clock and literals: `Math.random().toString(36).slice(2)`. */
function isIdPart(input: Node): boolean {
  const node = unwrap(input);
  switch (node.type) {
    // Separators only: a prefix such as `sk_` or `sid=` is part of the format, not of the random part.
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'number' || (typeof node.value === 'string' && SEPARATORS.test(node.value));
    case AST_NODE_TYPES.TemplateLiteral:
      return node.quasis.every((quasi) => SEPARATORS.test(quasi.value.cooked ?? '')) && node.expressions.every(isIdPart);
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' && isIdPart(node.left) && isIdPart(node.right);
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Date' && node.arguments.length === 0;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = staticPropertyName(callee);
      if (method === 'random' || method === 'now') return callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === (method === 'random' ? 'Math' : 'Date');
      return method !== undefined && ID_METHODS.has(method) && node.arguments.every(isIdPart) && isIdPart(callee.object);
    }
    default:
      return false;
  }
}

/** The largest id-building expression around a `Math.random()`, when it is a string. */
function idExpression(sourceCode: Readonly<TSESLint.SourceCode>, random: TSESTree.CallExpression): Node | undefined {
  let region: Node = random;
  for (;;) {
    const parent: Node | undefined = region.parent;
    const candidate: Node | undefined = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === region ? parent.parent : parent;
    if (!candidate || !isIdPart(candidate)) break;
    region = candidate;
  }
  return sourceCode.getText(region).includes('.toString(') ? region : undefined;
}

/** Rewrites of a `Math.random()` that makes a secret of `kind`, for a file: `crypto.randomUUID()`, `crypto.randomInt(n)`. */
export function javascriptSuggestions(sourceCode: Readonly<TSESLint.SourceCode>): (random: TSESTree.CallExpression, kind: SecretKind) => Suggestion[] {
  let cryptoImport: CryptoImport | undefined;
  return (random, kind) => suggestions(sourceCode, (cryptoImport ??= nodeCrypto(sourceCode)), random, kind);
}

function suggestions(sourceCode: Readonly<TSESLint.SourceCode>, crypto: CryptoImport, random: TSESTree.CallExpression, kind: SecretKind): Suggestion[] {
  const suggest: Suggestion[] = [];
  const id = OPAQUE_KINDS.has(kind) ? idExpression(sourceCode, random) : undefined;
  if (id) {
    const uuid = crypto.randomUUID ? `${crypto.randomUUID}()` : `${crypto.namespace ?? 'crypto'}.randomUUID()`;
    suggest.push({ messageId: 'useRandomUUID', fix: (fixer) => fixer.replaceText(id, uuid) });
  }
  // Math.floor(Math.random() * n) → crypto.randomInt(n), where node:crypto is imported.
  const product = random.parent;
  const floor = product.parent;
  const randomInt = crypto.randomInt ?? (crypto.namespace ? `${crypto.namespace}.randomInt` : undefined);
  if (randomInt && product.type === AST_NODE_TYPES.BinaryExpression && product.operator === '*' && floor?.type === AST_NODE_TYPES.CallExpression) {
    const isFloor = sourceCode.getText(floor.callee) === 'Math.floor' && floor.arguments.length === 1;
    const bound = product.left === random ? product.right : product.left;
    if (isFloor) {
      const replacement = `${randomInt}(${sourceCode.getText(bound)})`;
      suggest.push({ messageId: 'useRandomInt', data: { replacement }, fix: (fixer) => fixer.replaceText(floor, replacement) });
    }
  }
  return suggest;
}
