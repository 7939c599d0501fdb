import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../util/js-static-values.js';

/** JS/TS string literals as text to scan for connection strings; shared with require-redis-tls. */

export type StringNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

export interface ScannedString {
  /** The source between the quotes; a template's `${…}` become `${___}` of the same length. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  /** The string goes on past its end (`"…/db" + options`, `"…".concat(x)`). */
  openEnd: boolean;
}

/** Parents whose string is a type or a module name, never a value. */
const NOT_VALUES = new Set<string>([
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TSExternalModuleReference,
  AST_NODE_TYPES.TaggedTemplateExpression,
]);

function continues(node: StringNode): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.BinaryExpression) return parent.operator === '+' && parent.left === node;
  return parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && staticPropertyName(parent) === 'concat';
}

/** The string's text when it is a value that may hold a URL (`://`) or a key/value connection string (`=`), else undefined. */
export function scanString(sourceCode: Readonly<TSESLint.SourceCode>, node: StringNode): ScannedString | undefined {
  const parent = node.parent;
  if (NOT_VALUES.has(parent.type) || (parent.type === AST_NODE_TYPES.Property && parent.key === node)) return undefined;
  const offset = node.range[0] + 1;
  let text = sourceCode.text.slice(offset, node.range[1] - 1);
  if (!text.includes('://') && !text.includes('=')) return undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    for (let i = 0; i < node.expressions.length; i++) {
      const start = node.quasis[i]!.range[1] - 2 - offset;
      const end = node.quasis[i + 1]!.range[0] + 1 - offset;
      text = `${text.slice(0, start)}\${${'_'.repeat(end - start - 3)}}${text.slice(end)}`;
    }
  }
  return { text, offset, openEnd: continues(node) };
}

export function stringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export function isCall(node: TSESTree.Node | undefined): node is CallNode {
  return node?.type === AST_NODE_TYPES.CallExpression || node?.type === AST_NODE_TYPES.NewExpression;
}

/** `Pool` for `new Pool()` and `new pg.Pool()`. */
export function calleeName(call: CallNode): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(callee);
  return undefined;
}

/** An object, then the objects it is the value of (`{ dialectOptions: { ssl } }`), up to the call it is passed to. */
export function enclosingObjects(object: TSESTree.ObjectExpression): { objects: TSESTree.ObjectExpression[]; call: CallNode | undefined } {
  const objects = [object];
  let current: TSESTree.Node = object;
  while (current.parent?.type === AST_NODE_TYPES.Property && current.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    current = current.parent.parent;
    objects.push(current as TSESTree.ObjectExpression);
  }
  const parent = current.parent;
  return { objects, call: isCall(parent) && parent.arguments.includes(current as TSESTree.Expression) ? parent : undefined };
}

/** The string values of the objects' properties (by key) and of the call's arguments (as `url`). */
export function literalSettings(objects: TSESTree.ObjectExpression[], call: CallNode | undefined): { key: string; value: string }[] {
  const values: { key: string; value: string }[] = [];
  for (const object of objects) {
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = stringValue(property.value);
      if (value !== undefined) values.push({ key: staticPropertyName(property) ?? '', value });
    }
  }
  for (const argument of call?.arguments ?? []) {
    const value = stringValue(argument);
    if (value !== undefined) values.push({ key: 'url', value });
  }
  return values;
}
