import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  isAdvisoryName,
  isPasswordCheckName,
  isPasswordFieldName,
  isPasswordRulesName,
  isValueParameterName,
  nameIntent,
  type Intent,
} from '../../detectors/password-policy.js';
import { staticPropertyName } from '../../util/js-static-values.js';

/** What names say in JS/TS: which expressions hold the password being chosen, and which code is a login. */
type Node = TSESTree.Node;

/** express-validator's field selectors: `body('password')`. */
const FIELD_SELECTORS = new Set(['body', 'check', 'param', 'query', 'oneOf']);
/** Methods that pass a callback validating the value: `.refine(v => v.length >= 8)`. */
const CALLBACK_METHODS = new Set(['refine', 'superRefine', 'custom', 'test', 'validate', 'check', 'must', 'addValidator']);
/** Route registrations whose path names the endpoint: `router.post('/login', ...)`. */
const ROUTE_METHODS = new Set(['post', 'put', 'patch', 'get', 'all', 'route', 'use']);

/** The expression under TypeScript wrappers and optional chains. */
export function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ChainExpression'
  ) {
    current = current.expression;
  }
  return current;
}

export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
}

function isFunction(node: Node): node is TSESTree.FunctionLike {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') {
    return parent.key.type === 'Identifier' ? parent.key.name : undefined;
  }
  return undefined;
}

/** The name a node declares or is declared under, for reading intent from names. */
export function declaredName(node: Node): string | undefined {
  switch (node.type) {
    case 'VariableDeclarator':
      return node.id.type === 'Identifier' ? node.id.name : undefined;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
      return node.key.type === 'Identifier' || node.key.type === 'Literal' ? String(node.key.type === 'Identifier' ? node.key.name : node.key.value) : undefined;
    case 'ClassDeclaration':
    case 'ClassExpression':
    case 'FunctionDeclaration':
    case 'FunctionExpression':
      return node.id?.name;
    case 'AssignmentExpression':
      return node.left.type === 'MemberExpression' ? staticPropertyName(node.left) : node.left.type === 'Identifier' ? node.left.name : undefined;
    case 'CallExpression': {
      // `router.post('/auth/login', validate(schema), handler)`
      const [path] = node.arguments;
      const method = calleeName(node);
      return method && ROUTE_METHODS.has(method) && path?.type === 'Literal' && typeof path.value === 'string' && path.value.startsWith('/')
        ? path.value
        : undefined;
    }
    default:
      return undefined;
  }
}

/** `password` for `password.length`. */
export function lengthSubject(input: Node): Node | undefined {
  const node = unwrap(input);
  return node.type === 'MemberExpression' && staticPropertyName(node) === 'length' && !node.computed ? node.object : undefined;
}

export interface JavascriptNames {
  /** Code in a login schema, form, handler or route, or in a schema only login code uses. */
  isLoginCode(node: Node): boolean;
  /** A strength meter or a guesser (`getPasswordStrength`): comparisons there score, they do not enforce. */
  isAdvisoryCode(node: Node): boolean;
  /** `body('password')...`: an express-validator chain on a password field. */
  isPasswordFieldChain(node: Node): boolean;
  /** `password`, `body.newPassword`, a password check's value parameter. */
  isPassword(node: Node): boolean;
}

export function javascriptNames(sourceCode: Readonly<TSESLint.SourceCode>): JavascriptNames {
  /**
   * What the names around code say: `login` in a login schema, form, handler or route (a minimum
   * there is a presence check, not a policy), `policy` in registration or password-change code.
   * A schema with a neutral name (`const schema = ...`) takes the intent of the code using it.
   */
  function intentOf(node: Node, seen: Set<Node>): Intent | undefined {
    let nearest = true;
    for (let current: Node | undefined = node; current; current = current.parent) {
      const name = declaredName(current);
      if (name === undefined || isPasswordRulesName(name)) continue;
      const intent = nameIntent(name, nearest) ?? (current.type === 'VariableDeclarator' ? usageIntent(current, seen) : undefined);
      if (intent) return intent;
      nearest = false;
    }
    return undefined;
  }

  /** `login` when every use of a variable is in login code (`useForm({ resolver: zodResolver(schema) })` in `LoginForm`). */
  function usageIntent(declarator: TSESTree.VariableDeclarator, seen: Set<Node>): Intent | undefined {
    if (seen.has(declarator)) return undefined;
    seen.add(declarator);
    const reads = sourceCode.getDeclaredVariables(declarator).flatMap((variable) => variable.references.filter((reference) => reference.isRead()));
    if (reads.length === 0) return undefined;
    const intents = reads.map((reference) => intentOf(reference.identifier, seen));
    if (intents.includes('policy')) return 'policy';
    return intents.every((intent) => intent === 'login') ? 'login' : undefined;
  }

  function isLoginCode(node: Node): boolean {
    return intentOf(node, new Set()) === 'login';
  }

  function isPasswordFieldChain(input: Node): boolean {
    let node = unwrap(input);
    for (let depth = 0; depth < 30 && node.type === 'CallExpression'; depth++) {
      const callee = unwrap(node.callee);
      if (callee.type === 'Identifier') {
        const [field] = node.arguments;
        return FIELD_SELECTORS.has(callee.name) && field?.type === 'Literal' && typeof field.value === 'string' && isPasswordFieldName(field.value);
      }
      if (callee.type !== 'MemberExpression') return false;
      node = unwrap(callee.object);
    }
    return false;
  }

  /** A callback passed to a password schema's `.refine()` / `.custom()`, or a function named like a password check. */
  function isPasswordCheck(fn: TSESTree.FunctionLike): boolean {
    const name = functionName(fn);
    if (name !== undefined) return isPasswordCheckName(name);
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || !CALLBACK_METHODS.has(calleeName(call) ?? '')) return false;
    const callee = unwrap(call.callee);
    if (callee.type === 'MemberExpression' && isPasswordFieldChain(callee.object)) return true;
    for (let current: Node | undefined = call.parent; current && !isFunction(current); current = current.parent) {
      const declared = current.type === 'Property' || current.type === 'VariableDeclarator' || current.type === 'PropertyDefinition' ? declaredName(current) : undefined;
      if (declared !== undefined) return isPasswordRulesName(declared);
    }
    return false;
  }

  function isPassword(input: Node): boolean {
    const node = unwrap(input);
    if (node.type === 'MemberExpression') {
      const name = staticPropertyName(node);
      if (name === 'value') return isPassword(node.object);
      return name !== undefined && isPasswordFieldName(name);
    }
    if (node.type !== 'Identifier') return false;
    if (isPasswordFieldName(node.name)) return true;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Parameter' || !isValueParameterName(node.name)) return false;
    const fn = definition.node;
    if (!isFunction(fn)) return false;
    const [first] = fn.params;
    return first?.type === 'Identifier' && first.name === node.name && isPasswordCheck(fn);
  }

  function isAdvisoryCode(node: Node): boolean {
    for (let current: Node | undefined = node.parent; current; current = current.parent) {
      const name = isFunction(current) ? functionName(current) : undefined;
      if (name !== undefined && isAdvisoryName(name)) return true;
    }
    return false;
  }

  return { isLoginCode, isAdvisoryCode, isPasswordFieldChain, isPassword };
}
