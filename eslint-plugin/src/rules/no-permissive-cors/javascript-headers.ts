import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { corsHeader, environmentOfCondition, isOriginRequestHeader, isTrueHeaderValue } from '../../detectors/cors.js';
import { constantBinding, staticPropertyName, unwrapCasts } from '../../util/js-static-values.js';
import type { Context } from '../no-permissive-cors.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** An Access-Control-Allow-Origin write: a literal "*" or the request's own Origin. */
interface OriginWrite {
  node: Node;
  kind: 'wildcard' | 'reflect';
  /** Variables holding the request's Origin that the write sends back. */
  variables: Variable[];
}

interface HeaderScope {
  origins: OriginWrite[];
  credentials: boolean;
}

/** Methods that read a request header: `req.get('origin')`, `req.header('Origin')`, `request.headers.get('origin')`. */
const HEADER_READERS = new Set(['get', 'header', 'getHeader']);
/** Methods on the origin that do not check it. */
const NEUTRAL_METHODS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'toString']);
const LOGGING = /^(?:log|debug|info|warn|error|trace)$/;
const EQUALITY = new Set(['===', '!==', '==', '!=']);
const MAX_DEPTH = 4;

/** Code that only runs in development: `if (process.env.NODE_ENV !== 'production') { ... }`. */
export function developmentOnly(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): boolean {
  for (let child: Node = node, current = node.parent; current; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement && current.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (child === current.test) continue;
    const environment = environmentOfCondition(sourceCode.getText(current.test));
    if (environment === (child === current.consequent ? 'development' : 'production')) return true;
  }
  return false;
}

function isFunction(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/**
 * Raw CORS headers, set by hand: `res.setHeader('Access-Control-Allow-Origin', req.headers.origin)`
 * with `Access-Control-Allow-Credentials: true` in the same function (or file, outside functions).
 */
export function reflectionTracker(context: Context) {
  const sourceCode = context.sourceCode;
  const scopes = new Map<Node, HeaderScope>();
  // Header names are written out somewhere in the file, even when passed through constants.
  const enabled = /access-control-allow-(?:origin|credentials)/i.test(sourceCode.text);

  function scopeOf(node: Node): Node {
    let current: Node = node;
    while (current.parent && !isFunction(current)) current = current.parent;
    return current;
  }

  function staticValue(input: Node, depth = 0): string | boolean | undefined {
    const node = unwrapCasts(input);
    if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' || typeof node.value === 'boolean' ? node.value : undefined;
    if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
    if (node.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return undefined;
    const bound = constantBinding(sourceCode, node);
    return bound?.id.type === AST_NODE_TYPES.Identifier ? staticValue(bound.init, depth + 1) : undefined;
  }

  function isHeadersObject(node: Node): boolean {
    return node.type === AST_NODE_TYPES.MemberExpression && /^headers?$/.test(staticPropertyName(node) ?? '');
  }

  /** The variables a value reflecting the request's Origin goes through ([] for a direct read); undefined otherwise. */
  function reflection(input: Node, depth = 0): Variable[] | undefined {
    const node = unwrapCasts(input);
    if (depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case AST_NODE_TYPES.LogicalExpression:
        return reflection(node.left, depth + 1) ?? reflection(node.right, depth + 1);
      case AST_NODE_TYPES.MemberExpression: {
        // req.headers.origin, req.headers['origin'], ctx.request.header.origin
        const name = staticPropertyName(node);
        return name !== undefined && isOriginRequestHeader(name) && isHeadersObject(unwrapCasts(node.object)) ? [] : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapCasts(node.callee);
        const [argument] = node.arguments;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
        const header = staticValue(argument);
        return HEADER_READERS.has(staticPropertyName(callee) ?? '') && typeof header === 'string' && isOriginRequestHeader(header) ? [] : undefined;
      }
      case AST_NODE_TYPES.Identifier: {
        const binding = constantBinding(sourceCode, node);
        if (!binding) return undefined;
        const { variable, init, id: pattern, name } = binding;
        if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
          // const { origin } = req.headers
          const property = pattern.properties.find(
            (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === name,
          );
          const key = property ? staticPropertyName(property) : undefined;
          return key !== undefined && isOriginRequestHeader(key) && isHeadersObject(unwrapCasts(init)) ? [variable] : undefined;
        }
        const inner = pattern.type === AST_NODE_TYPES.Identifier ? reflection(init, depth + 1) : undefined;
        return inner && [...inner, variable];
      }
      default:
        return undefined;
    }
  }

  function headerWrite(name: string | boolean | undefined, value: Node, at: Node): void {
    const header = typeof name === 'string' ? corsHeader(name) : undefined;
    if (!header) return;
    const scope = scopeOf(at);
    let record = scopes.get(scope);
    if (!record) {
      record = { origins: [], credentials: false };
      scopes.set(scope, record);
    }
    const known = staticValue(value);
    if (header === 'credentials') {
      if (known !== undefined && isTrueHeaderValue(known)) record.credentials = true;
      return;
    }
    if (known === '*') {
      record.origins.push({ node: at, kind: 'wildcard', variables: [] });
      return;
    }
    const variables = reflection(value);
    if (variables) record.origins.push({ node: at, kind: 'reflect', variables });
  }

  /** Whether `node`, which holds the request's Origin, is compared or passed to a check. */
  function isCheck(node: Node): boolean {
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const [first] = parent.arguments;
      const firstValue = first ? staticValue(first) : undefined;
      if (typeof firstValue === 'string' && (corsHeader(firstValue) || /^vary$/i.test(firstValue))) return false;
      const callee = unwrapCasts(parent.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
      const object = unwrapCasts(callee.object);
      return !(object.type === AST_NODE_TYPES.Identifier && object.name === 'console') && !LOGGING.test(staticPropertyName(callee) ?? '');
    }
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const call = parent.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && !NEUTRAL_METHODS.has(staticPropertyName(parent) ?? '');
    }
    if (parent.type === AST_NODE_TYPES.BinaryExpression) {
      if (parent.operator === 'in') return true;
      if (!EQUALITY.has(parent.operator)) return false;
      const other = unwrapCasts(parent.left === node ? parent.right : parent.left);
      const trivial =
        (other.type === AST_NODE_TYPES.Literal && (other.value === null || other.value === '')) ||
        (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined') ||
        other.type === AST_NODE_TYPES.UnaryExpression;
      return !trivial;
    }
    return parent.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === node;
  }

  /** Whether the scope checks the origin anywhere (an allow-list lookup, a comparison, a validator call). */
  function originChecked(scope: Node, write: OriginWrite): boolean {
    const names = new Set(write.variables.map((variable) => variable.name));
    let checked = false;
    const visit = (node: Node): void => {
      if (checked) return;
      const holdsOrigin =
        node.type === AST_NODE_TYPES.Identifier
          ? names.has(node.name) && write.variables.includes(ASTUtils.findVariable(sourceCode.getScope(node), node)!)
          : (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression) && reflection(node)?.length === 0;
      if (holdsOrigin && isCheck(node)) {
        checked = true;
        return;
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof (item as Node).type === 'string') visit(item as Node);
        }
      }
    };
    visit(scope);
    return checked;
  }

  return {
    /** `res.setHeader(name, value)`, `res.header(name, value)`, `headers.set(name, value)`. */
    call(node: TSESTree.CallExpression): void {
      if (!enabled) return;
      const [name, value] = node.arguments;
      if (!name || !value || name.type === AST_NODE_TYPES.SpreadElement || value.type === AST_NODE_TYPES.SpreadElement) return;
      headerWrite(staticValue(name), value, node);
    },
    /** `{ 'Access-Control-Allow-Origin': value }` and Next.js's `{ key: 'Access-Control-Allow-Origin', value }`. */
    property(node: TSESTree.Property): void {
      if (!enabled || node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const name = staticPropertyName(node);
      if (name === 'key') {
        const value = node.parent.properties.find(
          (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticPropertyName(candidate) === 'value',
        );
        if (value) headerWrite(staticValue(node.value), value.value, node.parent);
      } else {
        headerWrite(name ?? (node.computed ? staticValue(node.key) : undefined), node.value, node);
      }
    },
    /** `headers['Access-Control-Allow-Origin'] = value` */
    assignment(node: TSESTree.AssignmentExpression): void {
      const target = unwrapCasts(node.left);
      if (!enabled || node.operator !== '=' || target.type !== AST_NODE_TYPES.MemberExpression || !target.computed) return;
      headerWrite(staticValue(target.property), node.right, node);
    },
    finish(): void {
      for (const [scope, record] of scopes) {
        if (!record.credentials) continue;
        for (const write of record.origins) {
          if (developmentOnly(sourceCode, write.node)) continue;
          if (write.kind === 'wildcard') context.report({ node: write.node, messageId: 'wildcardWithCredentials' });
          else if (!originChecked(scope, write)) context.report({ node: write.node, messageId: 'reflectedOrigin' });
        }
      }
    },
  };
}
