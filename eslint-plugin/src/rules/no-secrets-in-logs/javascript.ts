import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isLoggerName, isRequestName, isGenericValueName, sensitiveGetter, urlPasswordHoles } from '../../detectors/sensitive-names.js';
import { constantBinding, staticPropertyName, unwrapValue as unwrap } from '../../util/js-static-values.js';
import type { Context, Leak, Settings } from '../no-secrets-in-logs.js';
import { reportLeak } from '../no-secrets-in-logs.js';

type Node = TSESTree.Node;

const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed']);
/** winston, pino, bunyan, NestJS Logger, consola, signale, log4js, npmlog. */
const LOGGER_METHODS = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice',
  'critical', 'crit', 'alert', 'emerg', 'success', 'child',
]);
/** Calls that make a logger: `pino()`, `winston.createLogger()`, `logger.child({...})`. */
const LOGGER_FACTORIES = new Set(['pino', 'createLogger', 'getLogger', 'bunyan']);
const LOGGER_DERIVERS = new Set(['child', 'withTag', 'scope', 'bind']);
/** Bare functions that log: the `debug` package, a `log` helper. */
const LOG_FUNCTIONS = new Set(['debug', 'log']);
/** Calls that log their argument as it is: `String(token)`, `JSON.stringify(req.headers)`. */
const TRANSPARENT_FUNCTIONS = new Set(['String', 'stringify', 'inspect', 'entries', 'values', 'structuredClone', 'from', 'btoa', 'encodeURIComponent', 'encodeURI']);
/** Methods that return their object's value in another form: `token.trim()`, `header.split(' ')`. */
const TRANSPARENT_METHODS = new Set(['toString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'toJSON', 'valueOf', 'split', 'normalize']);
/** Methods that read an entry by name: `req.get('Authorization')`, `headers.get('cookie')`, `localStorage.getItem('token')`. */
const GETTERS = new Set(['get', 'getItem', 'header', 'getHeader', 'getAll']);
const ENVIRONMENTS = new Set(['process.env', 'import.meta.env', 'Bun.env']);
/** Callbacks of these methods receive the items of a list: `tokens.forEach((token) => ...)` iterates lexer tokens. */
const ITERATING_METHODS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'reduce', 'flatMap', 'find', 'findIndex']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
const COOKIES: Leak = { kind: 'secret', label: 'the cookies' };
const COOKIE_HEADER: Leak = { kind: 'secret', label: 'the Cookie header' };

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
}

/** The last name of an object expression: `logger` for `this.logger`, `req` for `req`. */
function lastName(node: Node): string | undefined {
  const object = unwrap(node);
  if (object.type === 'Identifier') return object.name;
  if (object.type === 'ThisExpression') return 'this';
  return object.type === 'MemberExpression' ? staticPropertyName(object) : undefined;
}

function stringArgument(call: TSESTree.CallExpression): string | undefined {
  const [first] = call.arguments;
  if (first?.type === 'Literal' && typeof first.value === 'string') return first.value;
  return first?.type === 'TemplateLiteral' && first.expressions.length === 0 ? first.quasis[0]?.value.cooked ?? undefined : undefined;
}

export function javascriptVisitors(context: Context, settings: Settings): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;

  function isLogger(input: Node): boolean {
    const node = unwrap(input);
    if (node.type === 'CallExpression') {
      const name = calleeName(node);
      const callee = unwrap(node.callee);
      if (name && LOGGER_FACTORIES.has(name)) return true;
      return !!name && LOGGER_DERIVERS.has(name) && callee.type === 'MemberExpression' && isLogger(callee.object);
    }
    const name = lastName(node);
    return name !== undefined && isLoggerName(name);
  }

  function isSink(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (settings.extraSinks.size > 0 && settings.extraSinks.has(sourceCode.getText(callee))) return true;
    if (callee.type === 'Identifier') return LOG_FUNCTIONS.has(callee.name);
    if (callee.type !== 'MemberExpression') return false;
    const method = staticPropertyName(callee);
    if (method === undefined) return false;
    const object = unwrap(callee.object);
    if (object.type === 'Identifier' && object.name === 'console') return CONSOLE_METHODS.has(method);
    if (object.type === 'ThisExpression') return method === 'log';
    return LOGGER_METHODS.has(method) && isLogger(object);
  }

  // ---- what a value is --------------------------------------------------------

  /** Bound once to a literal in this file (`const TOKEN_HEADER = "Authorization"`): not a run-time secret. */
  function isLiteralConstant(identifier: TSESTree.Identifier): boolean {
    const binding = constantBinding(sourceCode, identifier);
    const init = binding && unwrap(binding.init);
    return !!init && (init.type === 'Literal' || (init.type === 'TemplateLiteral' && init.expressions.length === 0));
  }

  /** An item of a loop or of an iterating callback: `for (const token of tokens)` walks lexer tokens, not credentials. */
  function isLoopItem(identifier: TSESTree.Identifier): boolean {
    const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
    if (definition?.type === 'Variable') {
      const loop = definition.parent?.parent;
      return loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement';
    }
    if (definition?.type !== 'Parameter') return false;
    const call = definition.node.parent;
    return call?.type === 'CallExpression' && ITERATING_METHODS.has(calleeName(call) ?? '');
  }

  /** A variable built as a connection URL with an interpolated password: `` const url = `redis://:${pw}@${host}` ``. */
  function isBuiltUrl(identifier: TSESTree.Identifier): boolean {
    const binding = constantBinding(sourceCode, identifier);
    const init = binding && unwrap(binding.init);
    return init?.type === 'TemplateLiteral' && urlPasswordHoles(init.quasis.map((quasi) => quasi.value.raw)).length > 0;
  }

  function identifierLeak(node: TSESTree.Identifier, key: string | undefined): Leak | undefined {
    if (settings.isIgnoredName(node.name)) return undefined;
    let leak = settings.leakOfName(node.name);
    // `{ token: t }`: the key names what a generically named variable holds.
    if (!leak && key !== undefined && isGenericValueName(node.name)) leak = settings.leakOfName(key);
    if (!leak && isBuiltUrl(node)) leak = { kind: 'connection-url' };
    if (!leak || node.name === 'undefined' || isLiteralConstant(node) || isLoopItem(node)) return undefined;
    return leak;
  }

  function memberLeak(node: TSESTree.MemberExpression, key: string | undefined): Leak | undefined {
    const text = sourceCode.getText(node);
    if (ENVIRONMENTS.has(text)) return { kind: 'environment' };
    const property = staticPropertyName(node);
    if (property === undefined) return undefined;
    const objectName = lastName(node.object);
    if (property === 'value') return valueLeak(node.object, key);
    if (objectName !== undefined && isRequestName(objectName)) {
      if (property === 'headers') return { kind: 'headers' };
      if (property === 'cookies' || property === 'signedCookies') return COOKIES;
    }
    if (objectName === 'document' && property === 'cookie') return COOKIES;
    if (objectName === 'headers' && COOKIE_HEADERS.has(property.toLowerCase())) return COOKIE_HEADER;
    return settings.leakOfName(property);
  }

  function callLeak(call: TSESTree.CallExpression): Leak | undefined {
    const name = calleeName(call);
    if (name === undefined) return undefined;
    const callee = unwrap(call.callee);
    if (name === 'toObject' && sourceCode.getText(callee) === 'Deno.env.toObject') return { kind: 'environment' };
    if (GETTERS.has(name)) {
      const entry = stringArgument(call);
      if (entry === undefined) return undefined;
      const objectName = callee.type === 'MemberExpression' ? lastName(callee.object) : undefined;
      const fromRequest = objectName !== undefined && (isRequestName(objectName) || objectName === 'headers');
      return fromRequest && COOKIE_HEADERS.has(entry.toLowerCase()) ? COOKIE_HEADER : settings.leakOfName(entry);
    }
    return settings.isIgnoredName(name) ? undefined : sensitiveGetter(name);
  }

  function valueLeak(input: Node, key: string | undefined): Leak | undefined {
    const node = unwrap(input);
    if (node.type === 'Identifier') return identifierLeak(node, key);
    if (node.type === 'MemberExpression') return memberLeak(node, key);
    return node.type === 'CallExpression' ? callLeak(node) : undefined;
  }

  // ---- where a value goes ---------------------------------------------------------

  /** The expression a transparent call logs as it is: `String(token)` → `token`, `token.trim()` → `token`. */
  function transparentTarget(call: TSESTree.CallExpression): Node | undefined {
    const name = calleeName(call);
    const callee = unwrap(call.callee);
    if (name === undefined) return undefined;
    if (TRANSPARENT_FUNCTIONS.has(name)) return call.arguments[0];
    return TRANSPARENT_METHODS.has(name) && callee.type === 'MemberExpression' ? callee.object : undefined;
  }

  function report(node: Node, leak: Leak, source: Node = node): void {
    reportLeak(context, node.loc, leak, sourceCode.getText(source));
  }

  function inspect(input: Node, key: string | undefined, depth = 0): void {
    const node = unwrap(input);
    if (depth > 8) return;
    switch (node.type) {
      case 'TemplateLiteral': {
        const holes = new Set(urlPasswordHoles(node.quasis.map((quasi) => quasi.value.raw)));
        node.expressions.forEach((expression, index) => {
          if (holes.has(index) && !valueLeak(expression, undefined)) report(expression, { kind: 'connection-url' }, node);
          else inspect(expression, undefined, depth + 1);
        });
        return;
      }
      case 'BinaryExpression':
        if (node.operator === '+') {
          inspect(node.left, undefined, depth + 1);
          inspect(node.right, undefined, depth + 1);
        }
        return;
      case 'LogicalExpression':
        // `token && mask(token)` logs the left side only when it is empty.
        if (node.operator !== '&&') inspect(node.left, key, depth + 1);
        inspect(node.right, key, depth + 1);
        return;
      case 'ConditionalExpression':
        inspect(node.consequent, key, depth + 1);
        inspect(node.alternate, key, depth + 1);
        return;
      case 'ObjectExpression':
        for (const property of node.properties) {
          if (property.type === 'SpreadElement') inspect(property.argument, undefined, depth + 1);
          else inspect(property.value, staticPropertyName(property), depth + 1);
        }
        return;
      case 'ArrayExpression':
        for (const element of node.elements) if (element) inspect(element, undefined, depth + 1);
        return;
      case 'SpreadElement':
        inspect(node.argument, undefined, depth + 1);
        return;
      case 'SequenceExpression':
        inspect(node.expressions[node.expressions.length - 1]!, key, depth + 1);
        return;
      case 'CallExpression': {
        const target = transparentTarget(node);
        if (target) {
          inspect(target, key, depth + 1);
          return;
        }
        break;
      }
      case 'MemberExpression': {
        // `header.split(' ')[1]` is the token of `Bearer <token>`.
        const object = unwrap(node.object);
        if (node.computed && object.type === 'CallExpression' && calleeName(object) === 'split') {
          inspect(object, key, depth + 1);
          return;
        }
        break;
      }
      default:
        break;
    }
    const leak = valueLeak(node, key);
    if (leak) report(node, leak);
  }

  return {
    CallExpression(node: TSESTree.CallExpression) {
      if (node.arguments.length === 0 || !isSink(node)) return;
      for (const argument of node.arguments) inspect(argument, undefined);
    },
  };
}
