import { isLoggerName, isRequestName, isGenericValueName, sensitiveGetter, urlPasswordHoles } from '../../detectors/sensitive-names.js';
import { callArguments, calleeName, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, Leak, Settings } from '../no-secrets-in-logs.js';
import { reportLeak } from '../no-secrets-in-logs.js';

/** logging, loguru, structlog, logbook. */
const LOGGER_METHODS = new Set([
  'debug', 'info', 'warning', 'warn', 'error', 'critical', 'exception', 'log', 'fatal', 'trace', 'success', 'msg', 'bind',
]);
/** Calls that make or derive a logger: `logging.getLogger(__name__)`, `structlog.get_logger()`, `logger.bind(...)`. */
const LOGGER_FACTORIES = new Set(['getLogger', 'get_logger', 'getlogger']);
const LOGGER_DERIVERS = new Set(['bind', 'opt', 'getChild', 'new', 'patch', 'contextualize']);
const PRINT_FUNCTIONS = new Set(['print', 'pprint', 'pp']);
/** Keyword arguments of sinks that are not logged values. */
const NOT_LOGGED_KEYWORDS = new Set(['exc_info', 'stack_info', 'stacklevel', 'sep', 'end', 'file', 'flush', 'level']);
/** Calls that log their argument as it is: `str(token)`, `json.dumps(request.headers)` (`list(os.environ)` gives names only). */
const TRANSPARENT_FUNCTIONS = new Set(['str', 'repr', 'dict', 'vars', 'bytes', 'json.dumps', 'dumps', 'pformat', 'pprint.pformat']);
/** Methods that return their object's value in another form: `token.strip()`, `os.environ.items()`. */
const TRANSPARENT_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'encode', 'decode', 'upper', 'lower', 'copy', 'items', 'values', 'split']);
/** Reads of an entry by name: `request.headers.get("Authorization")`, `os.getenv("API_KEY")`, `config("SECRET_KEY")`. */
const GETTERS = new Set(['get', 'getenv', 'config', 'env', 'getheader', 'get_header']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
const COOKIES: Leak = { kind: 'secret', label: 'the cookies' };
const COOKIE_HEADER: Leak = { kind: 'secret', label: 'the Cookie header' };
const ENVIRONMENT: Leak = { kind: 'environment' };

function lastSegment(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('.') + 1);
}

export function pythonVisitors(context: Context, settings: Settings): Record<string, (node: never) => void> {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  let moduleStrings: Set<string> | undefined;

  function isLogger(node: PythonNode | undefined): boolean {
    if (!node) return false;
    if (node.type === 'call') {
      const callee = field(node, 'function');
      const name = lastSegment(calleeName(node, text));
      if (name && LOGGER_FACTORIES.has(name)) return true;
      return !!name && LOGGER_DERIVERS.has(name) && callee?.type === 'attribute' && isLogger(field(callee, 'object'));
    }
    const name = lastSegment(dottedName(node, text));
    return name !== undefined && isLoggerName(name);
  }

  function isSink(call: PythonNode): boolean {
    const callee = field(call, 'function');
    if (settings.extraSinks.size > 0 && settings.extraSinks.has(calleeName(call, text) ?? '')) return true;
    if (callee?.type === 'identifier') return PRINT_FUNCTIONS.has(nodeText(callee, text));
    if (callee?.type !== 'attribute') return false;
    const method = nodeText(field(callee, 'attribute')!, text);
    if (method === 'pprint') return calleeName(call, text) === 'pprint.pprint';
    return LOGGER_METHODS.has(method) && isLogger(field(callee, 'object'));
  }

  // ---- what a value is --------------------------------------------------------

  /** Module-level names assigned once, to a string literal: `TOKEN_HEADER = "Authorization"`. */
  function isStringConstant(name: string): boolean {
    if (!moduleStrings) {
      const counts = new Map<string, number>();
      const strings = new Set<string>();
      for (const statement of sourceCode.ast.children) {
        const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
        const left = assignment && field(assignment, 'left');
        if (left?.type !== 'identifier') continue;
        const target = nodeText(left, text);
        counts.set(target, (counts.get(target) ?? 0) + 1);
        if (assignment?.type === 'assignment' && stringValue(field(assignment, 'right'), text) !== undefined) strings.add(target);
      }
      moduleStrings = new Set([...strings].filter((target) => counts.get(target) === 1));
    }
    return moduleStrings.has(name);
  }

  /** The target of a loop around the log call: `for token in tokens: print(token)` walks lexer tokens. */
  function isLoopItem(identifier: PythonNode, name: string): boolean {
    for (let current = parent(identifier); current; current = parent(current)) {
      if (current.type === 'function_definition' || current.type === 'class_definition') return false;
      if (current.type === 'for_statement' || current.type === 'for_in_clause') {
        const left = field(current, 'left');
        if (left && (left.type === 'identifier' ? nodeText(left, text) === name : left.children.some((child) => nodeText(child, text) === name))) return true;
      }
    }
    return false;
  }

  function identifierLeak(node: PythonNode, key: string | undefined): Leak | undefined {
    const name = nodeText(node, text);
    if (settings.isIgnoredName(name)) return undefined;
    if (name === 'environ') return ENVIRONMENT;
    let leak = settings.leakOfName(name);
    // `extra={"token": t}`, `log.info("issued", token=t)`: the key names what a generically named variable holds.
    if (!leak && key !== undefined && isGenericValueName(name)) leak = settings.leakOfName(key);
    if (!leak || isStringConstant(name) || isLoopItem(node, name)) return undefined;
    return leak;
  }

  function attributeLeak(node: PythonNode, key: string | undefined): Leak | undefined {
    if (dottedName(node, text) === 'os.environ') return ENVIRONMENT;
    const object = field(node, 'object');
    const attribute = nodeText(field(node, 'attribute')!, text);
    if (attribute === 'value' || attribute === 'data') return valueLeak(object, key);
    const objectName = lastSegment(dottedName(object, text));
    if (objectName !== undefined && isRequestName(objectName)) {
      if (attribute === 'headers' || attribute === 'META') return { kind: 'headers' };
      if (attribute === 'cookies' || attribute === 'COOKIES') return COOKIES;
    }
    return settings.isIgnoredName(attribute) ? undefined : settings.leakOfName(attribute);
  }

  function subscriptLeak(node: PythonNode): Leak | undefined {
    const entry = stringValue(field(node, 'subscript'), text);
    if (entry === undefined || settings.isIgnoredName(entry)) return undefined;
    const objectName = lastSegment(dottedName(field(node, 'value'), text));
    if (objectName === 'headers' && COOKIE_HEADERS.has(entry.toLowerCase())) return COOKIE_HEADER;
    return settings.leakOfName(entry);
  }

  function callLeak(call: PythonNode): Leak | undefined {
    const name = calleeName(call, text);
    const method = lastSegment(name);
    if (!name || !method) return undefined;
    const { positional } = callArguments(call, text);
    if (GETTERS.has(method) || name === 'getattr') {
      const entry = stringValue(positional[name === 'getattr' ? 1 : 0], text);
      if (entry === undefined || settings.isIgnoredName(entry)) return undefined;
      const callee = field(call, 'function');
      const objectName = callee?.type === 'attribute' ? lastSegment(dottedName(field(callee, 'object'), text)) : undefined;
      return objectName === 'headers' && COOKIE_HEADERS.has(entry.toLowerCase()) ? COOKIE_HEADER : settings.leakOfName(entry);
    }
    return settings.isIgnoredName(method) ? undefined : sensitiveGetter(method);
  }

  function valueLeak(node: PythonNode | undefined, key: string | undefined): Leak | undefined {
    switch (node?.type) {
      case 'identifier':
        return identifierLeak(node, key);
      case 'attribute':
        return attributeLeak(node, key);
      case 'subscript':
        return subscriptLeak(node);
      case 'call':
        return callLeak(node);
      default:
        return undefined;
    }
  }

  // ---- where a value goes ---------------------------------------------------------

  /** The expression a transparent call logs as it is: `str(token)` → `token`, `token.strip()` → `token`. */
  function transparentTarget(call: PythonNode): PythonNode | undefined {
    const name = calleeName(call, text);
    if (name === undefined) return undefined;
    if (TRANSPARENT_FUNCTIONS.has(name)) return callArguments(call, text).positional[0];
    const callee = field(call, 'function');
    return callee?.type === 'attribute' && TRANSPARENT_METHODS.has(lastSegment(name)!) ? field(callee, 'object') : undefined;
  }

  function report(node: PythonNode, leak: Leak, source = node): void {
    reportLeak(context, node.loc, leak, nodeText(source, text));
  }

  function inspectString(node: PythonNode, depth: number): void {
    const interpolations = node.children.filter((child) => child.type === 'interpolation');
    if (interpolations.length === 0) return;
    // The literal text around each interpolation, to find those filling a URL's password.
    const pieces: string[] = [];
    let offset = node.children.find((child) => child.type === 'string_start')?.range[1] ?? node.range[0];
    for (const interpolation of interpolations) {
      pieces.push(text.slice(offset, interpolation.range[0]));
      offset = interpolation.range[1];
    }
    pieces.push(text.slice(offset, node.children.find((child) => child.type === 'string_end')?.range[0] ?? node.range[1]));
    const holes = new Set(urlPasswordHoles(pieces));
    interpolations.forEach((interpolation, index) => {
      const expression = field(interpolation, 'expression');
      if (!expression) return;
      if (holes.has(index) && !valueLeak(expression, undefined)) report(expression, { kind: 'connection-url' }, node);
      else inspect(expression, undefined, depth + 1);
    });
  }

  function inspectArguments(call: PythonNode, depth: number, skipKeywords: ReadonlySet<string>): void {
    for (const argument of field(call, 'arguments')?.children ?? []) {
      if (argument.type === 'keyword_argument') {
        const name = nodeText(field(argument, 'name')!, text);
        if (skipKeywords.has(name)) continue;
        inspect(field(argument, 'value'), name === 'extra' ? undefined : name, depth + 1);
      } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
        inspect(argument.children[0], undefined, depth + 1);
      } else {
        inspect(argument, undefined, depth + 1);
      }
    }
  }

  function inspect(node: PythonNode | undefined, key: string | undefined, depth = 0): void {
    if (!node || depth > 8) return;
    switch (node.type) {
      case 'string':
        inspectString(node, depth);
        return;
      case 'concatenated_string':
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list':
      case 'parenthesized_expression':
        for (const child of node.children) inspect(child, undefined, depth + 1);
        return;
      case 'await':
        inspect(node.children[0], key, depth + 1);
        return;
      case 'binary_operator': {
        const operator = field(node, 'operator')?.type;
        if (operator === '+') inspect(field(node, 'left'), undefined, depth + 1);
        // `"token=%s" % token`; `'*' * len(token)` logs nothing.
        if (operator === '+' || operator === '%') inspect(field(node, 'right'), undefined, depth + 1);
        return;
      }
      case 'boolean_operator':
        // `token and mask(token)` logs the left side only when it is empty.
        if (field(node, 'operator')?.type !== 'and') inspect(field(node, 'left'), key, depth + 1);
        inspect(field(node, 'right'), key, depth + 1);
        return;
      case 'conditional_expression':
        // `token if debug else "***"`: the condition is not logged.
        inspect(node.children[0], key, depth + 1);
        inspect(node.children[2], key, depth + 1);
        return;
      case 'dictionary':
        for (const pair of node.children) {
          if (pair.type === 'pair') inspect(field(pair, 'value'), stringValue(field(pair, 'key'), text), depth + 1);
          else if (pair.type === 'dictionary_splat') inspect(pair.children[0], undefined, depth + 1);
        }
        return;
      case 'call': {
        const callee = field(node, 'function');
        if (callee?.type === 'attribute' && nodeText(field(callee, 'attribute')!, text) === 'format') {
          inspectArguments(node, depth, NOT_LOGGED_KEYWORDS);
          return;
        }
        const target = transparentTarget(node);
        if (target) {
          inspect(target, key, depth + 1);
          return;
        }
        break;
      }
      case 'subscript': {
        // `header.split()[1]` is the token of `Bearer <token>`; `token[:4]` is a masked prefix.
        const value = field(node, 'value');
        if (value?.type === 'call' && lastSegment(calleeName(value, text)) === 'split') {
          inspect(value, key, depth + 1);
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
    call(node: PythonNode) {
      if (!isSink(node)) return;
      inspectArguments(node, 0, NOT_LOGGED_KEYWORDS);
    },
  };
}
