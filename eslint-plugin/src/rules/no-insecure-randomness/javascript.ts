import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../util/js-static-values.js';
import type { Classify, Context, Finding } from '../no-insecure-randomness.js';
import { reportFinding } from '../no-insecure-randomness.js';
import { javascriptSuggestions, stringValue, unwrap } from './javascript-suggestions.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Where the value ended up: the node that named it (a declarator, a property, a function, a call). */
interface Found extends Finding {
  boundary: Node;
}
interface Walk {
  hops: number;
  seen: Set<unknown>;
}

/** A cheap look at the text first. */
const SOURCE_HINT = /\brandom\b|\bsample(?:Size)?\b/;
const LODASH = new Set(['_', 'lodash']);
const LODASH_RANDOM = new Set(['random', 'sample', 'sampleSize']);
const COMPARISONS = new Set(['<', '>', '<=', '>=', '==', '===', '!=', '!==', 'in', 'instanceof']);
/** Functions and methods whose result still carries the random value. */
const VALUE_CALLS = new Set([
  'floor', 'ceil', 'round', 'trunc', 'abs', 'min', 'max', 'pow', 'String', 'Number', 'parseInt', 'parseFloat', 'BigInt', 'toString',
  'toFixed', 'toPrecision', 'charAt', 'at', 'fromCharCode', 'fromCodePoint', 'slice', 'substring', 'substr', 'padStart', 'padEnd',
  'repeat', 'concat', 'join', 'from', 'of', 'split', 'btoa', 'encodeURIComponent', 'encodeURI', 'encode', 'hash', 'createHash',
  'update', 'digest', 'sha1', 'sha256', 'sha512', 'md5', 'toUpperCase', 'toLowerCase', 'trim', 'replace', 'replaceAll', 'reverse',
  'toHex', 'toBase64', 'format', 'sprintf',
]);
/** Methods whose result no longer carries the value. */
const BOOLEAN_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'test', 'localeCompare', 'every', 'some', 'has', 'indexOf']);
/** Calls whose callback's return becomes their value: `Array.from({ length }, () => …)`, `.map()`, `useState(() => …)`. */
const CALLBACK_CARRIERS = new Set(['from', 'map', 'flatMap', 'reduce', 'replace', 'replaceAll', 'useMemo', 'useState', 'useRef', 'useCallback', 'computed']);
/** Methods that store a value under a name: `res.cookie('session', v)`, `localStorage.setItem('token', v)`. */
const KEY_SETTERS = new Set(['cookie', 'setCookie', 'set', 'setItem', 'setHeader', 'header', 'append', 'put']);
const ARRAY_ADDERS = new Set(['push', 'unshift']);
const COOKIE_NAME = /^\s*([\w.-]+)=/;
const MAX_HOPS = 3;

function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** `name` for `name`, `x.name`, `x['name']`. */
function referenceName(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(inner) : undefined;
}

/** The cookie a `document.cookie = 'name=' + value` assignment sets. */
function cookieName(value: Node): string | undefined {
  let first: Node = unwrap(value);
  while (first.type === AST_NODE_TYPES.BinaryExpression && first.operator === '+') first = first.left;
  const text = first.type === AST_NODE_TYPES.TemplateLiteral ? first.quasis[0]?.value.cooked : stringValue(first);
  return text ? COOKIE_NAME.exec(text)?.[1] : undefined;
}

function functionName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === fn ? staticPropertyName(parent as TSESTree.Property) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === fn ? referenceName(parent.left) : undefined;
    default:
      return fn.id?.name;
  }
}

export function javascriptVisitors(context: Context, classify: Classify): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!SOURCE_HINT.test(sourceCode.text)) return {};
  const reported = new Set<Node>();
  const suggestionsFor = javascriptSuggestions(sourceCode);

  function isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    return !variable || variable.defs.length === 0;
  }

  /** `Math.random()`, or lodash's `_.random()` / `_.sample()` / `_.sampleSize()` (named "Lodash's _.random()" in messages). */
  function randomSource(call: TSESTree.CallExpression): string | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const method = staticPropertyName(callee);
    const object = callee.object;
    if (object.name === 'Math' && method === 'random' && isGlobal(object)) return 'Math.random()';
    return LODASH.has(object.name) && method && LODASH_RANDOM.has(method) ? `Lodash's ${object.name}.${method}()` : undefined;
  }

  // ---- where the value goes ---------------------------------------------------

  function decide(name: string, pending: string[], boundary: Node): Found | 'benign' | undefined {
    const verdict = classify(pending.length > 0 ? [name, ...pending].join('_') : name);
    if (verdict === undefined || verdict === 'benign') return verdict;
    return { kind: verdict, name: [name, ...pending].join('.'), boundary };
  }

  /** A name that decides, or a variable to follow to where it is used. */
  function named(name: string, pending: string[], boundary: Node, walk: Walk, identifier?: TSESTree.Identifier): Found | undefined {
    const verdict = decide(name, pending, boundary);
    if (verdict === 'benign') return undefined;
    if (verdict || !identifier || walk.hops >= MAX_HOPS) return verdict;
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable || walk.seen.has(variable)) return undefined;
    walk.seen.add(variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const found = contextOf(reference.identifier, { hops: walk.hops + 1, seen: walk.seen }, pending);
      if (found) return found;
    }
    return undefined;
  }

  /** `x = v`, `obj.token = v`, `session.id = v`, `document.cookie = 'sid=' + v`. */
  function assigned(target: Node, value: Node, pending: string[], boundary: Node, walk: Walk): Found | undefined {
    const left = unwrap(target);
    if (left.type === AST_NODE_TYPES.Identifier) return named(left.name, pending, boundary, walk, left);
    if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = staticPropertyName(left);
    if (property === undefined) return undefined;
    const cookie = property === 'cookie' ? cookieName(value) : undefined;
    const verdict = decide(cookie ?? property, pending, boundary);
    if (verdict !== undefined) return verdict === 'benign' ? undefined : verdict;
    const object = referenceName(left.object);
    const combined = object === undefined ? undefined : decide(object, [property, ...pending], boundary);
    return combined === 'benign' ? undefined : combined;
  }

  function throughCall(call: TSESTree.CallExpression, argument: Node, pending: string[], walk: Walk): Found | Node | undefined {
    const callee = unwrap(call.callee);
    const name = referenceName(callee);
    if (name === undefined) return undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && ARRAY_ADDERS.has(name)) {
      const receiver = unwrap(callee.object);
      return receiver.type === AST_NODE_TYPES.Identifier ? named(receiver.name, pending, call, walk, receiver) : undefined;
    }
    const key = KEY_SETTERS.has(name) && call.arguments.indexOf(argument as TSESTree.CallExpressionArgument) >= 1 ? stringValue(call.arguments[0]) : undefined;
    if (key !== undefined) {
      const verdict = decide(key, pending, call);
      return verdict === 'benign' ? undefined : verdict;
    }
    if (VALUE_CALLS.has(name)) return call;
    const verdict = decide(name, pending, call);
    if (verdict !== undefined || pending.length === 0) return verdict === 'benign' ? undefined : verdict;
    // An object passed to a model: `db.invitation.create({ data: { code } })`, `PasswordReset.create({ code })`.
    for (let receiver = callee; receiver.type === AST_NODE_TYPES.MemberExpression; receiver = unwrap(receiver.object)) {
      const owner = referenceName(receiver.object);
      const combined = owner === undefined ? undefined : decide(owner, pending, call);
      if (combined !== undefined) return combined === 'benign' ? undefined : combined;
    }
    return undefined;
  }

  function functionContext(fn: FunctionNode, pending: string[], walk: Walk): Found | undefined {
    const name = functionName(fn);
    const verdict = name === undefined ? undefined : decide(name, pending, fn);
    if (verdict !== undefined) return verdict === 'benign' ? undefined : verdict;
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const carrier = referenceName(parent.callee);
      return carrier !== undefined && CALLBACK_CARRIERS.has(carrier) ? contextOf(parent, walk, pending) : undefined;
    }
    // A named function: follow its calls (`const token = makeId()`).
    const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent.type === AST_NODE_TYPES.VariableDeclarator ? parent : undefined;
    const variable = declaration ? sourceCode.getDeclaredVariables(declaration)[0] : undefined;
    if (!variable || walk.hops >= MAX_HOPS || walk.seen.has(variable)) return undefined;
    walk.seen.add(variable);
    for (const reference of variable.references) {
      const call = reference.identifier.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
      const found = contextOf(call, { hops: walk.hops + 1, seen: walk.seen }, pending);
      if (found) return found;
    }
    return undefined;
  }

  function enclosingFunction(node: Node): FunctionNode | undefined {
    for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
    return undefined;
  }

  /**
   * Follows a random value up the tree, through arithmetic, string building,
   * `Math.floor`, indexing (`chars[…]`), method chains and array callbacks, to
   * the first name that decides: a variable, property, function or cookie name.
   * `pending` holds the property names passed on the way (`{ id: … }`).
   */
  function contextOf(start: Node, walk: Walk, pending: string[] = []): Found | undefined {
    let current = start;
    for (let step = 0; step < 60; step++) {
      const parent = current.parent;
      if (!parent) return undefined;
      switch (parent.type) {
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TemplateLiteral:
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.SpreadElement:
        case AST_NODE_TYPES.LogicalExpression:
          break;
        case AST_NODE_TYPES.UnaryExpression:
          if (parent.operator !== '-' && parent.operator !== '+' && parent.operator !== '~') return undefined;
          break;
        case AST_NODE_TYPES.BinaryExpression:
          if (COMPARISONS.has(parent.operator)) return undefined;
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === current) return undefined;
          break;
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.property === current) break; // chars[index]
          const call = parent.parent;
          const method = staticPropertyName(parent);
          if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent || method === undefined || BOOLEAN_METHODS.has(method)) return undefined;
          current = call;
          continue;
        }
        case AST_NODE_TYPES.CallExpression: {
          if (parent.callee === current) return undefined;
          const next = throughCall(parent, current, pending, walk);
          if (next !== parent) return next as Found | undefined;
          break;
        }
        case AST_NODE_TYPES.VariableDeclarator: {
          const id = parent.id.type === AST_NODE_TYPES.ArrayPattern ? parent.id.elements[0] : parent.id;
          if (parent.init !== current || id?.type !== AST_NODE_TYPES.Identifier) return undefined;
          return named(id.name, pending, parent, walk, id);
        }
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.right === current ? assigned(parent.left, current, pending, parent, walk) : undefined;
        case AST_NODE_TYPES.AssignmentPattern:
          return parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier ? named(parent.left.name, pending, parent, walk) : undefined;
        case AST_NODE_TYPES.Property: {
          const key = staticPropertyName(parent);
          if (parent.value !== current || key === undefined || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
          const verdict = decide(key, pending, parent);
          if (verdict !== undefined) return verdict === 'benign' ? undefined : verdict;
          pending = [key, ...pending];
          current = parent.parent;
          continue;
        }
        case AST_NODE_TYPES.PropertyDefinition: {
          const key = staticPropertyName(parent as unknown as TSESTree.Property);
          const verdict = parent.value === current && key !== undefined ? decide(key, pending, parent) : undefined;
          return verdict === 'benign' ? undefined : verdict;
        }
        case AST_NODE_TYPES.ReturnStatement: {
          const fn = enclosingFunction(parent);
          return fn ? functionContext(fn, pending, walk) : undefined;
        }
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return parent.body === current ? functionContext(parent, pending, walk) : undefined;
        default:
          return undefined;
      }
      current = parent;
    }
    return undefined;
  }

  return {
    CallExpression(node) {
      const source = randomSource(node);
      if (!source) return;
      const found = contextOf(node, { hops: 0, seen: new Set() });
      if (!found || reported.has(found.boundary)) return;
      reported.add(found.boundary);
      const formatted = found.kind === 'password' || found.kind === 'code';
      const alternative = formatted ? 'crypto.getRandomValues() (or crypto.randomInt() in Node)' : 'crypto.randomUUID() or crypto.getRandomValues()';
      const suggest = source === 'Math.random()' ? suggestionsFor(node, found.kind) : [];
      reportFinding(context, node.loc, 'insecureRandom', { source, alternative }, found, suggest);
    },
  };
}
