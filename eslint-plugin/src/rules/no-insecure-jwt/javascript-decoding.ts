import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { REQUEST_NAMES, isAuthenticatingFunctionName, isIdentityProperty } from '../../detectors/jwt.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import { enclosingFunction, functionName, type Node } from './javascript-values.js';

const VERIFY_CALL = /verify\w*\s*\(/i;

/** Where decoded-but-unverified claims are trusted in JS/TS, and whether the code verifies the token too. */
export function jsDecoding(sourceCode: Readonly<TSESLint.SourceCode>) {
  function isRequestIdentity(target: Node): boolean {
    if (target.type !== 'MemberExpression') return false;
    const name = staticPropertyName(target);
    if (!name || !isIdentityProperty(name)) return false;
    let root: Node = target.object;
    while (root.type === 'MemberExpression') root = root.object;
    return root.type === 'Identifier' && REQUEST_NAMES.has(root.name);
  }

  /** Whether decoded claims are trusted: stored as the request's user, or returned by an authenticating function. */
  function trustedUse(expression: Node, depth = 0): boolean {
    let node = expression;
    for (;;) {
      const parent: Node | undefined = node.parent;
      if (!parent) return false;
      const wraps =
        parent.type === 'AwaitExpression' ||
        parent.type === 'TSAsExpression' ||
        parent.type === 'TSNonNullExpression' ||
        parent.type === 'ChainExpression' ||
        (parent.type === 'MemberExpression' && parent.object === node) ||
        // A lookup by a claim: `User.findById(claims.sub)`.
        (parent.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.CallExpressionArgument));
      if (!wraps) break;
      node = parent;
    }
    const parent = node.parent!;
    if (parent.type === 'AssignmentExpression' && parent.right === node) return isRequestIdentity(parent.left);
    if (parent.type === 'Property' && parent.value === node) {
      const holder = parent.parent.parent;
      return holder?.type === 'AssignmentExpression' && holder.right === parent.parent && isRequestIdentity(holder.left);
    }
    if (parent.type === 'ReturnStatement' || (parent.type === 'ArrowFunctionExpression' && parent.body === node)) {
      const fn = parent.type === 'ReturnStatement' ? enclosingFunction(parent) : parent;
      const name = fn && functionName(fn);
      return name !== undefined && isAuthenticatingFunctionName(name);
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node && depth === 0) {
      return sourceCode
        .getDeclaredVariables(parent)
        .some((variable) => variable.references.some((reference) => !reference.init && trustedUse(reference.identifier, depth + 1)));
    }
    return false;
  }

  function verifiesNearby(call: Node): boolean {
    const fn = enclosingFunction(call);
    const text = fn ? sourceCode.getText(fn.body ?? fn) : sourceCode.text;
    return VERIFY_CALL.test(text);
  }

  return { trustedUse, verifiesNearby };
}
