import { environmentOfCondition } from '../../detectors/cors.js';
import { nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';

/**
 * Python values the CORS rule can know without running the code: module-level
 * constants assigned once, booleans, strings and lists of strings.
 * (Kept local until a shared Python scope helper exists.)
 */
export interface PythonValues {
  resolve(node: PythonNode | undefined): PythonNode | undefined;
  boolean(node: PythonNode | undefined): boolean | undefined;
  /** Strings of a string or a list/tuple/set of strings; `re.compile("...")` items count as patterns. */
  strings(node: PythonNode | undefined): { value: string; node: PythonNode; compiled: boolean }[];
  /** A dictionary literal's entry by string key. */
  entry(dictionary: PythonNode, key: string): { pair: PythonNode; value: PythonNode } | undefined;
}

const MAX_DEPTH = 4;
const SEQUENCES = new Set(['list', 'tuple', 'set']);

export function pythonValues(text: string, module: () => PythonNode | undefined): PythonValues {
  let constants: Map<string, PythonNode | null> | undefined;

  function moduleConstants(): Map<string, PythonNode | null> {
    if (constants) return constants;
    constants = new Map();
    for (const statement of module()?.children ?? []) {
      const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
      const left = assignment?.type === 'assignment' ? field(assignment, 'left') : undefined;
      const right = assignment && field(assignment, 'right');
      if (left?.type !== 'identifier' || !right) continue;
      const name = nodeText(left, text);
      // Assigned twice: the value depends on the path taken.
      constants.set(name, constants.has(name) ? null : right);
    }
    return constants;
  }

  function resolve(node: PythonNode | undefined, depth = 0): PythonNode | undefined {
    if (!node) return undefined;
    if (node.type === 'parenthesized_expression' && node.children.length === 1) return resolve(node.children[0], depth);
    if (node.type !== 'identifier' || depth > MAX_DEPTH) return node;
    const value = moduleConstants().get(nodeText(node, text));
    return value ? resolve(value, depth + 1) : node;
  }

  function strings(input: PythonNode | undefined): { value: string; node: PythonNode; compiled: boolean }[] {
    const node = resolve(input);
    if (!node) return [];
    const single = stringValue(node, text);
    if (single !== undefined) return [{ value: single, node, compiled: false }];
    if (node.type === 'call' && /(?:^|\.)compile$/.test(nodeText(field(node, 'function')!, text))) {
      const pattern = field(node, 'arguments')?.children[0];
      const value = stringValue(pattern, text);
      return pattern && value !== undefined ? [{ value, node: pattern, compiled: true }] : [];
    }
    if (!SEQUENCES.has(node.type)) return [];
    return node.children.flatMap((child) => (child.type === 'list_splat' ? [] : strings(child)));
  }

  return {
    resolve: (node) => resolve(node),
    boolean(node) {
      const value = resolve(node);
      return value?.type === 'true' ? true : value?.type === 'false' ? false : undefined;
    },
    strings,
    entry(dictionary, key) {
      for (const pair of dictionary.children) {
        if (pair.type !== 'pair' || stringValue(field(pair, 'key'), text) !== key) continue;
        const value = field(pair, 'value');
        if (value) return { pair, value };
      }
      return undefined;
    },
  };
}

/** Code that only runs in development: `if settings.DEBUG:`, the `else:` of `if IS_PRODUCTION:`. */
export function developmentOnly(node: PythonNode, text: string): boolean {
  for (let child = node, current = parent(node); current; child = current, current = parent(current)) {
    if (current.type !== 'if_statement' && current.type !== 'elif_clause' && current.type !== 'conditional_expression') continue;
    if (current.type === 'conditional_expression') {
      // `a if condition else b`: children are [a, condition, b].
      const [whenTrue, condition, whenFalse] = current.children;
      if (!condition || child === condition) continue;
      const environment = environmentOfCondition(nodeText(condition, text));
      if (environment === (child === whenTrue ? 'development' : child === whenFalse ? 'production' : undefined)) return true;
      continue;
    }
    const condition = field(current, 'condition');
    if (!condition || child === condition) continue;
    const environment = environmentOfCondition(nodeText(condition, text));
    const branch = child.field === 'consequence' ? 'development' : child.type === 'else_clause' ? 'production' : undefined;
    if (environment !== undefined && environment === branch) return true;
  }
  return false;
}

/** The nearest enclosing node of one of `types`. */
export function enclosing(node: PythonNode, types: ReadonlySet<string>): PythonNode | undefined {
  for (let current = parent(node); current; current = parent(current)) {
    if (types.has(current.type)) return current;
  }
  return undefined;
}
