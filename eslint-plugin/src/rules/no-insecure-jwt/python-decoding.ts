import { REQUEST_NAMES, isAuthenticatingFunctionName, isIdentityProperty } from '../../detectors/jwt.js';
import { callArguments, nodeText, type CallArguments } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { descendants, enclosing } from '../../languages/python/python-scope.js';
import type { PythonValues } from '../../languages/python/python-values.js';

/** Module paths of the JWT libraries (PyJWT, python-jose, authlib) and objects named after them. */
export const JWT_OWNER = /jwt|jose|jws/i;
const VERIFY_CALL = /verify\w*\s*\(/;

/** Where decoded-but-unverified claims are trusted in Python, and whether the code verifies the token too. */
export function pyDecoding(values: PythonValues, module: PythonNode, text: string) {
  const textOf = (node: PythonNode | undefined): string => (node ? nodeText(node, text) : '');

  function isRequestIdentity(target: PythonNode | undefined): boolean {
    if (target?.type !== 'attribute' || !isIdentityProperty(textOf(field(target, 'attribute')))) return false;
    let root = field(target, 'object');
    while (root?.type === 'attribute') root = field(root, 'object');
    return root?.type === 'identifier' && REQUEST_NAMES.has(nodeText(root, text));
  }

  /** Whether decoded claims are trusted: stored as the request's user, or returned by an authenticating function. */
  function trustedUse(expression: PythonNode, depth = 0): boolean {
    let node = expression;
    for (let up = parent(node); up; up = parent(node)) {
      const wraps =
        up.type === 'parenthesized_expression' ||
        (up.type === 'subscript' && field(up, 'value') === node) ||
        (up.type === 'attribute' && field(up, 'object') === node) ||
        // A lookup by a claim: `User.query.get(claims["sub"])`.
        up.type === 'argument_list' ||
        (up.type === 'call' && (field(up, 'function') === node || field(up, 'arguments') === node));
      if (!wraps) break;
      node = up;
    }
    const holder = parent(node);
    if (holder?.type === 'return_statement') {
      const fn = enclosing(holder, 'function_definition');
      return fn !== undefined && isAuthenticatingFunctionName(textOf(field(fn, 'name')));
    }
    if (holder?.type !== 'assignment' || field(holder, 'right') !== node) return false;
    const left = field(holder, 'left');
    if (isRequestIdentity(left)) return true;
    if (left?.type !== 'identifier' || depth > 0) return false;
    const name = nodeText(left, text);
    let trusted = false;
    descendants(values.scopeOf(left), (use) => {
      if (!trusted && use !== left && use.type === 'identifier' && nodeText(use, text) === name) trusted = trustedUse(use, depth + 1);
    });
    return trusted;
  }

  /** Whether the function also verifies the token: a `verify…()` call or a decode with a key and algorithms. */
  function verifiesNearby(call: PythonNode): boolean {
    const fn = enclosing(call, 'function_definition');
    const scope = (fn && field(fn, 'body')) ?? module;
    if (VERIFY_CALL.test(nodeText(scope, text))) return true;
    let verified = false;
    descendants(scope, (node) => {
      if (verified || node === call || node.type !== 'call') return;
      const qualified = values.qualify(field(node, 'function')) ?? '';
      if (!qualified.endsWith('.decode') || !JWT_OWNER.test(qualified.slice(0, -7))) return;
      const args = callArguments(node, text);
      verified = args.positional.length >= 2 && args.keywords.has('algorithms') && !disabledVerification(args);
    });
    return verified;
  }

  /** The option that turns verification off: `options={"verify_signature": False}` or PyJWT 1's `verify=False`. */
  function disabledVerification(args: CallArguments): { node: PythonNode; option: string; value: PythonNode } | undefined {
    const verify = args.keywords.get('verify');
    if (verify?.type === 'false') return { node: parent(verify)!, option: 'verify=False', value: verify };
    const options = values.resolveDict(args.keywords.get('options'));
    const entry = options ? values.dictEntry(options, 'verify_signature') : undefined;
    if (!entry || entry === 'unknown' || entry.type !== 'false') return undefined;
    return { node: parent(entry)!, option: '"verify_signature": False', value: entry };
  }

  return { trustedUse, verifiesNearby, disabledVerification };
}
