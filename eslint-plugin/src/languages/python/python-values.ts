import { numericOperation } from '../../detectors/password-hashing.js';
import { dottedName, nodeText, stringValue } from './python-ast.js';
import type { PythonNode } from './python-node.js';
import { field } from './python-node.js';
import { descendants, enclosing, importedName, importedNames, parameterNames } from './python-scope.js';

/**
 * Same-file values in Python, for the rules that read them (JWT options,
 * hashing costs): import qualification (through python-scope.ts) and constants
 * (a function's own, then the module's), evaluated where they are numbers or strings.
 */

/** A value the rule could compute, the node that gives it, and the constant names it was read through. */
export interface Known<T> {
  value: T;
  node: PythonNode;
  names: string[];
}

export function unparenthesized(node: PythonNode | undefined): PythonNode | undefined {
  let current = node;
  while (current?.type === 'parenthesized_expression' && current.children.length === 1) current = current.children[0];
  return current;
}

export function pythonValues(module: PythonNode, text: string) {
  let imports: ReadonlyMap<string, string> = new Map();
  const bindingCache = new Map<PythonNode, Map<string, PythonNode | 'ambiguous' | undefined>>();

  function collectImports(): void {
    imports = importedNames(module, text);
  }

  /** `jwt.encode` → `jose.jwt.encode` after `from jose import jwt`; names not imported stay as written. */
  function qualify(node: PythonNode | undefined): string | undefined {
    return importedName(node, text, imports) ?? dottedName(node, text);
  }

  /** Whether `node` is (an attribute of) a parameter of the function it is in. */
  function isParameterReference(node: PythonNode | undefined): boolean {
    let root = unparenthesized(node);
    while (root?.type === 'attribute') root = field(root, 'object');
    if (root?.type !== 'identifier') return false;
    const fn = enclosing(root, 'function_definition');
    return fn !== undefined && parameterNames(fn, text).includes(nodeText(root, text));
  }

  /** Every value assigned to `name` in a scope (not entering nested functions); `ambiguous` on other bindings. */
  function assignmentsIn(scope: PythonNode, name: string): PythonNode[] | 'ambiguous' {
    const values: PythonNode[] = [];
    let ambiguous = false;
    descendants(scope, (node) => {
      if (node.type === 'assignment') {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left?.type === 'identifier' && nodeText(left, text) === name) {
          if (right) values.push(right);
        } else if (left && left.type !== 'identifier' && left.type !== 'attribute' && left.type !== 'subscript') {
          descendants(left, (target) => {
            if (target.type === 'identifier' && nodeText(target, text) === name) ambiguous = true;
          });
        }
      } else if (node.type === 'augmented_assignment' || node.type === 'for_statement' || node.type === 'named_expression') {
        const target = field(node, node.type === 'named_expression' ? 'name' : 'left');
        if (target && nodeText(target, text).split(/\W+/).includes(name)) ambiguous = true;
      } else if (node.type === 'global_statement' && node.children.some((child) => nodeText(child, text) === name)) {
        ambiguous = true;
      }
    });
    return ambiguous ? 'ambiguous' : values;
  }

  function bindingIn(scope: PythonNode, name: string): PythonNode | 'ambiguous' | undefined {
    let cache = bindingCache.get(scope);
    if (!cache) bindingCache.set(scope, (cache = new Map()));
    if (!cache.has(name)) {
      const values = assignmentsIn(scope, name);
      cache.set(name, values === 'ambiguous' || values.length > 1 ? 'ambiguous' : values[0]);
    }
    return cache.get(name);
  }

  /** The scope a bare name is looked up in first: its function's body, else the module. */
  function scopeOf(identifier: PythonNode): PythonNode {
    const fn = enclosing(identifier, 'function_definition');
    return (fn && field(fn, 'body')) ?? module;
  }

  /** What a bare name holds: a function's own constant, else a module-level constant. */
  function constantValue(identifier: PythonNode): PythonNode | undefined {
    const name = nodeText(identifier, text);
    const fn = enclosing(identifier, 'function_definition');
    if (fn) {
      if (parameterNames(fn, text).includes(name)) return undefined;
      const body = field(fn, 'body');
      const local = body ? bindingIn(body, name) : undefined;
      if (local === 'ambiguous') return undefined;
      if (local) return local;
    }
    const global = bindingIn(module, name);
    return global === 'ambiguous' ? undefined : global;
  }

  /** Every value a bare name may hold in its own scope (for `if ...: x = a else: x = b`). */
  function possibleValues(identifier: PythonNode): PythonNode[] {
    const name = nodeText(identifier, text);
    const fn = enclosing(identifier, 'function_definition');
    if (fn && parameterNames(fn, text).includes(name)) return [];
    const local = assignmentsIn(scopeOf(identifier), name);
    if (local === 'ambiguous') return [];
    if (local.length > 0) return local;
    const value = constantValue(identifier);
    return value ? [value] : [];
  }

  function parseInteger(raw: string): number | undefined {
    const cleaned = raw.replace(/_/g, '').toLowerCase();
    if (/^0[xob]/.test(cleaned)) return Number(cleaned);
    return /^\d+$/.test(cleaned) ? Number(cleaned) : undefined;
  }

  function evaluate(node: PythonNode | undefined, depth = 0): Known<number | string> | undefined {
    if (!node || depth > 8) return undefined;
    switch (node.type) {
      case 'integer': {
        const value = parseInteger(nodeText(node, text));
        return value === undefined ? undefined : { value, node, names: [] };
      }
      case 'float': {
        const value = Number(nodeText(node, text).replace(/_/g, ''));
        return Number.isFinite(value) ? { value, node, names: [] } : undefined;
      }
      case 'string':
      case 'concatenated_string': {
        const value = stringValue(node, text);
        return value === undefined ? undefined : { value, node, names: [] };
      }
      case 'parenthesized_expression':
        return node.children.length === 1 ? evaluate(node.children[0], depth + 1) : undefined;
      case 'unary_operator': {
        const operand = evaluate(field(node, 'argument'), depth + 1);
        const operator = field(node, 'operator')?.type;
        if (typeof operand?.value !== 'number') return undefined;
        if (operator === '-') return { ...operand, value: -operand.value, node };
        return operator === '+' ? { ...operand, node } : undefined;
      }
      case 'binary_operator': {
        const left = evaluate(field(node, 'left'), depth + 1);
        const right = evaluate(field(node, 'right'), depth + 1);
        const operator = field(node, 'operator')?.type;
        if (typeof left?.value !== 'number' || typeof right?.value !== 'number' || !operator) return undefined;
        const value = numericOperation(operator, left.value, right.value);
        return value === undefined ? undefined : { value, node, names: [...left.names, ...right.names] };
      }
      case 'identifier': {
        const known = evaluate(constantValue(node), depth + 1);
        return known && { ...known, names: [nodeText(node, text), ...known.names] };
      }
      default:
        return undefined;
    }
  }

  function numberOf(node: PythonNode | undefined): Known<number> | undefined {
    const known = evaluate(node);
    return typeof known?.value === 'number' ? (known as Known<number>) : undefined;
  }

  function stringOf(node: PythonNode | undefined): Known<string> | undefined {
    const known = evaluate(node);
    return typeof known?.value === 'string' ? (known as Known<string>) : undefined;
  }

  /** A list or tuple (also through a constant). */
  function resolveList(node: PythonNode | undefined, depth = 0): PythonNode | undefined {
    const current = unparenthesized(node);
    if (!current || depth > 8) return undefined;
    if (current.type === 'identifier') return resolveList(constantValue(current), depth + 1);
    return current.type === 'list' || current.type === 'tuple' ? current : undefined;
  }

  /** A dict literal (also through a constant). */
  function resolveDict(node: PythonNode | undefined, depth = 0): PythonNode | undefined {
    const current = unparenthesized(node);
    if (!current || depth > 8) return undefined;
    if (current.type === 'identifier') return resolveDict(constantValue(current), depth + 1);
    return current.type === 'dictionary' ? current : undefined;
  }

  /** The value of a dict's string key; `unknown` when a `**` splat or a computed key may set it. */
  function dictEntry(dict: PythonNode, key: string): PythonNode | 'unknown' | undefined {
    let found: PythonNode | 'unknown' | undefined;
    for (const child of dict.children) {
      if (child.type === 'dictionary_splat') found = 'unknown';
      if (child.type !== 'pair') continue;
      const name = stringValue(field(child, 'key'), text);
      if (name === undefined) found = 'unknown';
      else if (name === key) found = field(child, 'value');
    }
    return found;
  }

  return {
    /** Filled by collectImports, when the rule enters the module. */
    get imports(): ReadonlyMap<string, string> {
      return imports;
    },
    collectImports,
    qualify,
    isParameterReference,
    constantValue,
    possibleValues,
    scopeOf,
    evaluate,
    numberOf,
    stringOf,
    resolveList,
    resolveDict,
    dictEntry,
  };
}

export type PythonValues = ReturnType<typeof pythonValues>;
