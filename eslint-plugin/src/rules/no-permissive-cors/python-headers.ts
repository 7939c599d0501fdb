import { corsHeader, isOriginRequestHeader, isTrueHeaderValue } from '../../detectors/cors.js';
import { callArguments, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import type { MessageIds } from '../no-permissive-cors.js';
import type { PythonValues } from './python-values.js';

interface OriginWrite {
  at: PythonNode;
  kind: 'wildcard' | 'reflect';
  /** Names in the scope that hold the request's Origin. */
  names: Set<string>;
}

interface HeaderScope {
  origins: OriginWrite[];
  credentials: boolean;
}

const SCOPES = new Set(['function_definition', 'lambda']);
/** Where a request's headers live: `request.headers`, Django's `request.META`, WSGI's `environ`. */
const HEADER_MAPS = /(?:^|\.)(?:headers|META|environ)$/;
/** Reading a header, not writing one: `request.headers.get("Access-Control-Allow-Origin", "*")`. */
const READERS = new Set(['get', 'pop', 'getlist', 'get_all']);
const LOGGING = /^(?:print|log|logger|logging|LOGGER|LOG)(?:\.|$)/;
const NEUTRAL_METHODS = new Set(['lower', 'upper', 'strip', 'rstrip', 'lstrip', 'casefold']);
const MAX_DEPTH = 4;

/**
 * Raw CORS headers: `response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")`
 * with `Access-Control-Allow-Credentials: true` in the same function (or module).
 */
export function pythonHeaderTracker(
  text: string,
  values: PythonValues,
  report: (node: PythonNode, messageId: MessageIds) => void,
) {
  const scopes = new Map<PythonNode, HeaderScope>();
  // Header names are written out somewhere in the file, even when passed through constants.
  const enabled = /access-control-allow-(?:origin|credentials)/i.test(text);
  const assignmentsByScope = new Map<PythonNode, Map<string, PythonNode[]>>();

  function scopeOf(node: PythonNode): PythonNode {
    let current = node;
    for (let next = parent(current); next; next = parent(current)) {
      current = next;
      if (SCOPES.has(current.type)) return current;
    }
    return current;
  }

  /** Each walk of a scope's own nodes, not nested functions'. */
  function walk(node: PythonNode, visit: (node: PythonNode) => boolean | void): boolean {
    for (const child of node.children) {
      if (visit(child) === true) return true;
      if (!SCOPES.has(child.type) && walk(child, visit)) return true;
    }
    return false;
  }

  /** Values assigned to each plain name in a scope. */
  function assignments(scope: PythonNode): Map<string, PythonNode[]> {
    let byName = assignmentsByScope.get(scope);
    if (byName) return byName;
    const found = new Map<string, PythonNode[]>();
    walk(scope, (node) => {
      if (node.type !== 'assignment' && node.type !== 'augmented_assignment') return;
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left?.type !== 'identifier' || !right) return;
      const name = nodeText(left, text);
      found.set(name, [...(found.get(name) ?? []), node.type === 'assignment' ? right : node]);
    });
    byName = found;
    assignmentsByScope.set(scope, byName);
    return byName;
  }

  function isOriginKey(node: PythonNode | undefined): boolean {
    const key = stringValue(node, text);
    return key !== undefined && isOriginRequestHeader(key);
  }

  /** The names a value reflecting the request's Origin goes through ([] for a direct read); undefined otherwise. */
  function reflection(node: PythonNode | undefined, scope: PythonNode, depth = 0): string[] | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'parenthesized_expression':
        return reflection(node.children[0], scope, depth + 1);
      case 'boolean_operator':
        return reflection(field(node, 'left'), scope, depth + 1) ?? reflection(field(node, 'right'), scope, depth + 1);
      case 'call': {
        // request.headers.get("Origin"), request.META.get("HTTP_ORIGIN")
        const fn = field(node, 'function');
        const object = fn?.type === 'attribute' ? dottedName(field(fn, 'object'), text) : undefined;
        const method = fn?.type === 'attribute' ? nodeText(field(fn, 'attribute')!, text) : undefined;
        const first = field(node, 'arguments')?.children[0];
        return method === 'get' && object && HEADER_MAPS.test(object) && isOriginKey(first) ? [] : undefined;
      }
      case 'subscript': {
        // request.headers["Origin"]
        const object = dottedName(field(node, 'value'), text);
        return object && HEADER_MAPS.test(object) && isOriginKey(field(node, 'subscript')) ? [] : undefined;
      }
      case 'identifier': {
        const name = nodeText(node, text);
        const assigned = assignments(scope).get(name);
        if (assigned?.length !== 1) return undefined;
        const inner = reflection(assigned[0], scope, depth + 1);
        return inner && [...inner, name];
      }
      default:
        return undefined;
    }
  }

  function headerWrite(nameNode: PythonNode | undefined, value: PythonNode | undefined, at: PythonNode): void {
    const name = stringValue(values.resolve(nameNode), text);
    const header = name === undefined ? undefined : corsHeader(name);
    if (!header || !value) return;
    const scope = scopeOf(at);
    let record = scopes.get(scope);
    if (!record) {
      record = { origins: [], credentials: false };
      scopes.set(scope, record);
    }
    const known = stringValue(values.resolve(value), text) ?? values.boolean(value);
    if (header === 'credentials') {
      if (known !== undefined && isTrueHeaderValue(known)) record.credentials = true;
      return;
    }
    if (known === '*') {
      record.origins.push({ at, kind: 'wildcard', names: new Set() });
      return;
    }
    const names = reflection(value, scope);
    if (names) record.origins.push({ at, kind: 'reflect', names: new Set(names) });
  }

  /** Whether `node`, which holds the request's Origin, is compared or passed to a check. */
  function isCheck(node: PythonNode): boolean {
    let holder = parent(node);
    if (holder?.type === 'keyword_argument') holder = parent(holder);
    if (!holder) return false;
    if (holder.type === 'comparison_operator') {
      const operators = holder.children.filter((child) => child.field === 'operators').map((child) => nodeText(child, text));
      return !operators.some((operator) => operator.startsWith('is')) && !holder.children.some((child) => child.type === 'none');
    }
    if (holder.type === 'argument_list') {
      const call = parent(holder)!;
      const first = holder.children[0];
      const firstName = stringValue(values.resolve(first), text);
      if (firstName !== undefined && (corsHeader(firstName) || /^vary$/i.test(firstName))) return false;
      return !LOGGING.test(dottedName(field(call, 'function'), text) ?? '');
    }
    if (holder.type === 'attribute' && field(holder, 'object') === node) {
      const call = parent(holder);
      const method = nodeText(field(holder, 'attribute')!, text);
      return call?.type === 'call' && field(call, 'function') === holder && !NEUTRAL_METHODS.has(method);
    }
    return false;
  }

  function originChecked(scope: PythonNode, write: OriginWrite): boolean {
    return walk(scope, (node) => {
      const holdsOrigin =
        node.type === 'identifier'
          ? write.names.has(nodeText(node, text)) && field(parent(node)!, 'left') !== node
          : (node.type === 'call' || node.type === 'subscript') && reflection(node, scope)?.length === 0;
      return holdsOrigin && isCheck(node);
    });
  }

  return {
    /** `response.headers.add("Access-Control-Allow-Origin", value)`, `.set(...)`, `.setdefault(...)`. */
    call(call: PythonNode): void {
      if (!enabled) return;
      const fn = field(call, 'function');
      if (fn?.type === 'attribute' && READERS.has(nodeText(field(fn, 'attribute')!, text))) return;
      const args = callArguments(call, text);
      if (args.positional.length >= 2) headerWrite(args.positional[0], args.positional[1], call);
    },
    /** `response.headers["Access-Control-Allow-Origin"] = value`, Django's `response["..."] = value`. */
    assignment(node: PythonNode, left: PythonNode, right: PythonNode): void {
      if (enabled) headerWrite(field(left, 'subscript'), right, node);
    },
    /** `{"Access-Control-Allow-Origin": value}` and `("Access-Control-Allow-Origin", value)`. */
    entry(node: PythonNode, key: PythonNode | undefined, value: PythonNode | undefined): void {
      if (enabled) headerWrite(key, value, node);
    },
    finish(): void {
      for (const [scope, record] of scopes) {
        if (!record.credentials) continue;
        for (const write of record.origins) {
          if (write.kind === 'wildcard') report(write.at, 'wildcardWithCredentials');
          else if (!originChecked(scope, write)) report(write.at, 'reflectedOrigin');
        }
      }
    },
  };
}
