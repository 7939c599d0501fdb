import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrapValue } from '../../util/js-static-values.js';

/** Small readings of JS nodes used by no-unsanitized-html: callee names and the expression under casts. */

type Node = TSESTree.Node;
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export interface CalleeNames {
  /** `sanitize` for `DOMPurify.sanitize(...)` and `sanitize(...)`. */
  last?: string;
  /** `DOMPurify.sanitize`: the whole callee when it is a chain of names. */
  dotted?: string;
  member: boolean;
}

export function calleeNames(callee: Node): CalleeNames {
  const node = unwrapValue(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return { last: node.name, dotted: node.name, member: false };
  if (node.type !== AST_NODE_TYPES.MemberExpression) return { member: false };
  const last = staticPropertyName(node);
  const object = calleeNames(node.object);
  const dotted = object.dotted && last ? `${object.dotted}.${last}` : undefined;
  return { last, dotted, member: true };
}

/** A name list matches a callee by its last name, or by its whole dotted name for entries with a dot. */
export function matchesName(names: CalleeNames, list: ReadonlySet<string>): boolean {
  return (names.last !== undefined && list.has(names.last)) || (names.dotted !== undefined && list.has(names.dotted));
}

export function isFunction(node: Node | undefined | null): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
