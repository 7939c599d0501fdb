import type { TSESLint } from '@typescript-eslint/utils';
import type { SqlHolePart, SqlTextPart, SqlValue, StringWrite } from '../../detectors/sql.js';
import { acceptsParameters, analyzeSql, firstUnsafeVersion, foldWrites, fragmentValue, holesOf, sqlText, UNSAFE, variableValue } from '../../detectors/sql.js';
import { callArguments, nodeText } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { enclosing } from '../../languages/python/python-scope.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, Settings, Suggestion } from '../no-sql-concatenation.js';
import { reportFinding } from '../no-sql-concatenation.js';

type Source = 'plain' | 'fstring' | 'percent' | 'format' | 'computed';

interface PyText extends SqlTextPart {
  /** The source text of this piece of the literal, between its quotes. */
  raw: string;
  source: Source;
  /** Prefix letters and opening quotes of the literal, as `rf"""`. */
  opening: string;
}
interface PyHole extends SqlHolePart {
  node: PythonNode;
  /** The hole is exactly `node`, so the node can become a query parameter. */
  renderable: boolean;
}
type PyPart = PyText | PyHole;

/** Functions and methods whose first argument is a SQL statement. */
const STATEMENT_SINKS = new Set([
  'execute',
  'executemany',
  'executescript',
  'exec_driver_sql',
  'raw',
  'read_sql',
  'read_sql_query',
  'query',
  'fetch',
  'fetchrow',
  'fetchval',
  'fetch_all',
  'fetch_one',
  'text',
]);
/** Django's `RawSQL` takes SQL fragments: any built string is a finding. */
const FRAGMENT_SINKS = new Set(['RawSQL']);
/** Django `QuerySet.extra()` keyword arguments that hold SQL fragments. */
const EXTRA_KEYWORDS = ['where', 'select', 'tables', 'order_by'];
const SQL_KEYWORDS = ['sql', 'query', 'statement', 'operation'];
const NUMERIC_CALLS = new Set([
  'int',
  'float',
  'len',
  'bool',
  'round',
  'abs',
  'ord',
  'hash',
  'id',
  'sum',
  'isoformat',
  'timestamp',
]);
const SAFE_PRESERVING = new Set(['str', 'upper', 'lower', 'strip', 'lstrip', 'rstrip']);
const ITERABLE_PRESERVING = new Set(['list', 'tuple', 'sorted', 'reversed', 'set']);
const UPPER_CASE = /^[A-Z][A-Z0-9_]*$/;
/** Parameters annotated with these types hold no SQL (FastAPI and pydantic convert and validate them). */
const SAFE_TYPE = /^(?:Optional\[)?(?:int|float|bool|Decimal|(?:uuid\.)?UUID|(?:datetime\.)?(?:datetime|date))\]?(?:\s*\|\s*None)?$/;
const TABLE_NAME_ATTRIBUTE = /^(?:table|table_name|tablename|schema|schema_name|db_table)$/;
const NUMERIC_PERCENT = /[diouxXeEfFgG]/;
const NUMERIC_SPEC = /[bdoxXneEfFgG%]$/;
const PERCENT_MARKER = /%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsab%])/g;
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}]*)\}/g;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
const MAX_DEPTH = 6;
const SQLITE_IMPORT = /^\s*(?:import|from)\s+(?:sqlite3|aiosqlite)\b/m;
const PYFORMAT_IMPORT = /^\s*(?:import|from)\s+(?:psycopg2?|pymysql|MySQLdb|mysql\.connector|pymssql|django)\b/m;
const SQLALCHEMY_TEXT_IMPORT =
  /^\s*from\s+sqlalchemy(?:\.sql(?:\.expression)?)?\s+import\s+(?:\([^)]*\btext\b[^)]*\)|[^\n]*\btext\b)/m;

interface Write {
  op: 'assign' | 'append' | 'unknown' | 'loop';
  value: PythonNode | undefined;
  /** The node whose end marks when the write has happened. */
  node: PythonNode;
  target: PythonNode;
}
interface ScopeInfo {
  writes: Map<string, Write[]>;
  /** `name.append(x)`, `name.extend(xs)`, `name.insert(i, x)` calls. */
  appends: Map<string, PythonNode[]>;
  /** Parameter names, with their type annotation's text. */
  params: Map<string, string | undefined>;
}

interface Style {
  placeholder: 'format' | 'qmark' | 'named';
  params: 'tuple' | 'list' | 'dict';
  /** The node after which the parameters go. */
  anchor: PythonNode;
  /** Wrap the SQL in `text(...)` (SQLAlchemy 2 executes no plain strings). */
  wrapInText: boolean;
}

function namedChildren(node: PythonNode): PythonNode[] {
  return node.children.filter((child) => child.field !== 'operator');
}

function unparen(node: PythonNode): PythonNode {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.children.length === 1) current = current.children[0]!;
  return current;
}

function operatorOf(node: PythonNode): string | undefined {
  return field(node, 'operator')?.type;
}

function contains(outer: PythonNode, inner: PythonNode): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function identifiersIn(node: PythonNode): PythonNode[] {
  if (node.type === 'identifier') return [node];
  return node.children.flatMap(identifiersIn);
}

export function pythonVisitors(context: Context, settings: Settings) {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  const root = sourceCode.ast;
  const scopes = new Map<PythonNode, ScopeInfo>();
  const visiting = new Set<string>();
  let imports: { sqlite: boolean; pyformat: boolean; sqlalchemyText: boolean } | undefined;

  const textOf = (node: PythonNode) => nodeText(node, text);

  function importsOf() {
    imports ??= {
      sqlite: SQLITE_IMPORT.test(text),
      pyformat: PYFORMAT_IMPORT.test(text),
      sqlalchemyText: SQLALCHEMY_TEXT_IMPORT.test(text),
    };
    return imports;
  }

  /** `execute` for `cur.execute(...)` and `execute(...)`. */
  function methodName(call: PythonNode): string | undefined {
    const fn = field(call, 'function');
    if (fn?.type === 'identifier') return textOf(fn);
    if (fn?.type === 'attribute') {
      const attribute = field(fn, 'attribute');
      return attribute && textOf(attribute);
    }
    return undefined;
  }

  function receiverOf(call: PythonNode): PythonNode | undefined {
    const fn = field(call, 'function');
    return fn?.type === 'attribute' ? field(fn, 'object') : undefined;
  }

  /** A call's first argument, also when it is a bare generator (`",".join(x for x in y)`). */
  function firstArgument(call: PythonNode): PythonNode | undefined {
    const list = field(call, 'arguments');
    if (list?.type === 'generator_expression') return list;
    return callArguments(call, text).positional[0];
  }

  function hasSplat(call: PythonNode): boolean {
    const list = field(call, 'arguments');
    return !!list?.children.some((child) => child.type === 'list_splat' || child.type === 'dictionary_splat');
  }

  // ---- scopes and variables -----------------------------------------------

  function scopeNodeOf(node: PythonNode): PythonNode {
    return enclosing(node, 'function_definition') ?? root;
  }

  function scopeInfo(scope: PythonNode): ScopeInfo {
    const cached = scopes.get(scope);
    if (cached) return cached;
    const info: ScopeInfo = { writes: new Map(), appends: new Map(), params: new Map() };
    const add = (target: PythonNode, write: Omit<Write, 'target'>) => {
      const name = textOf(target);
      const list = info.writes.get(name) ?? [];
      list.push({ ...write, target });
      info.writes.set(name, list);
    };
    const parameters = scope.type === 'function_definition' ? field(scope, 'parameters') : undefined;
    for (const parameter of parameters?.children ?? []) {
      const name =
        parameter.type === 'identifier'
          ? parameter
          : (field(parameter, 'name') ?? parameter.children.find((child) => child.type === 'identifier'));
      const type = field(parameter, 'type');
      if (name?.type === 'identifier') info.params.set(textOf(name), type && textOf(type));
    }
    const stack = scope.type === 'function_definition' ? [field(scope, 'body')].filter((n) => !!n) : [...scope.children];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'lambda') continue;
      stack.push(...node.children);
      const left = field(node, 'left') ?? field(node, 'name');
      switch (node.type) {
        case 'assignment': {
          let value = field(node, 'right');
          while (value?.type === 'assignment') value = field(value, 'right');
          if (left?.type === 'identifier') {
            if (value) add(left, { op: 'assign', value, node });
          } else if (left) {
            for (const target of identifiersIn(left)) add(target, { op: 'unknown', value: undefined, node });
          }
          break;
        }
        case 'augmented_assignment':
          if (left?.type === 'identifier') {
            add(left, { op: operatorOf(node) === '+=' ? 'append' : 'unknown', value: field(node, 'right'), node });
          }
          break;
        case 'named_expression':
          if (left?.type === 'identifier') add(left, { op: 'assign', value: field(node, 'value'), node });
          break;
        case 'for_statement':
          if (left?.type === 'identifier') add(left, { op: 'loop', value: field(node, 'right'), node: left });
          else if (left) {
            for (const target of identifiersIn(left)) add(target, { op: 'unknown', value: undefined, node: left });
          }
          break;
        case 'as_pattern_target':
          for (const target of identifiersIn(node)) add(target, { op: 'unknown', value: undefined, node });
          break;
        case 'call': {
          const method = methodName(node);
          const receiver = receiverOf(node);
          if (receiver?.type === 'identifier' && (method === 'append' || method === 'extend' || method === 'insert')) {
            const name = textOf(receiver);
            info.appends.set(name, [...(info.appends.get(name) ?? []), node]);
          }
          break;
        }
        default:
          break;
      }
    }
    for (const list of info.writes.values()) list.sort((a, b) => a.node.range[0] - b.node.range[0]);
    scopes.set(scope, info);
    return info;
  }

  /** Whether a write always runs before `use`: a statement directly in a block that contains it. */
  function dominates(write: Write, use: PythonNode): boolean {
    if (write.op === 'loop') return false;
    let statement = parent(write.node);
    while (statement && statement.type !== 'expression_statement') {
      if (statement.type === 'block' || statement.type === 'module') return false;
      statement = parent(statement);
    }
    const block = statement && parent(statement);
    return !!block && (block.type === 'block' || block.type === 'module') && contains(block, use);
  }

  interface Lookup {
    writes: Write[];
    /** Writes at module level, seen from a function: they all ran before it is called. */
    moduleLevel: boolean;
  }

  function lookup(name: string, use: PythonNode): Lookup | undefined {
    const scope = scopeNodeOf(use);
    const info = scopeInfo(scope);
    const writes = (info.writes.get(name) ?? []).filter((write) => write.node.range[1] <= use.range[0]);
    if (writes.length > 0) return { writes, moduleLevel: false };
    if (info.params.has(name) || scope === root) return undefined;
    const moduleWrites = scopeInfo(root).writes.get(name);
    return moduleWrites ? { writes: moduleWrites, moduleLevel: true } : undefined;
  }

  interface Self {
    name: string;
    parts: PyPart[];
  }

  function versionsOf(name: string, use: PythonNode, depth: number): (PyPart[] | undefined)[] | undefined {
    const found = lookup(name, use);
    const key = `${scopeNodeOf(use).range[0]}:${name}`;
    if (!found || visiting.has(key)) return undefined;
    visiting.add(key);
    try {
      const writes: StringWrite<PyPart>[] = found.writes.map((write) => {
        const dominating = found.moduleLevel || dominates(write, use);
        const value = write.value;
        if (write.op === 'unknown' || !value) return { op: 'unknown', dominating, readsSelf: false, parts: () => undefined };
        if (write.op === 'loop') {
          const safe = iterableSafe(value, depth + 1);
          const loopVariable: PyHole = { kind: 'hole', node: write.target, safe, renderable: false };
          return { op: 'assign', dominating, readsSelf: false, parts: () => [loopVariable] };
        }
        return {
          op: write.op,
          dominating,
          readsSelf: identifiersIn(value).some((identifier) => textOf(identifier) === name),
          parts: (self) => {
            const binding = self ? { name, parts: self } : undefined;
            return stringParts(value, depth, binding) ?? (isSelf(value, binding) ? self : [hole(value, depth)]);
          },
        };
      });
      return foldWrites(writes);
    } finally {
      visiting.delete(key);
    }
  }

  function isSelf(node: PythonNode, self: Self | undefined): boolean {
    return !!self && node.type === 'identifier' && textOf(node) === self.name;
  }

  // ---- string parts -------------------------------------------------------

  function hole(node: PythonNode, depth: number, numeric = false): PyHole {
    return { kind: 'hole', node, renderable: true, ...(numeric ? { safe: true } : evaluate(node, depth)) };
  }

  function unknownHole(node: PythonNode): PyHole {
    return { kind: 'hole', node, safe: false, renderable: false };
  }

  function cook(raw: string, opening: string, braces: boolean): string {
    const prefix = opening.replace(/['"]+$/, '').toLowerCase();
    let value = prefix.includes('r')
      ? raw
      : raw.replace(/\\(\r?\n|[\s\S])/g, (whole, ch: string) => (ch.endsWith('\n') ? '' : (ESCAPES[ch] ?? whole)));
    if (braces) value = value.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    return value;
  }

  interface Literal {
    opening: string;
    isF: boolean;
    start: number;
    end: number;
  }

  function literalOf(node: PythonNode): Literal | undefined {
    if (node.type !== 'string') return undefined;
    const start = node.children.find((child) => child.type === 'string_start');
    const end = node.children.find((child) => child.type === 'string_end');
    if (!start || !end) return undefined;
    const opening = textOf(start);
    const isF = /f/i.test(opening.replace(/['"]+$/, ''));
    return { opening, isF, start: start.range[1], end: end.range[0] };
  }

  /** A piece of a literal; without a literal, of a constant's value (which is already decoded). */
  function textPart(raw: string, literal: Literal | undefined, source: Source): PyText {
    const braces = source === 'fstring' || source === 'format';
    let value = literal ? cook(raw, literal.opening, braces) : braces ? cook(raw, 'r', true) : raw;
    if (source === 'percent') value = value.replace(/%%/g, '%');
    return { kind: 'text', value, raw, source: literal ? source : 'computed', opening: literal?.opening ?? '' };
  }

  /** The parts of a literal: one text, or an f-string's texts and interpolations. */
  function literalParts(node: PythonNode, depth: number, self?: Self): PyPart[] | undefined {
    const literal = literalOf(node);
    if (!literal) return undefined;
    if (!literal.isF) return [textPart(text.slice(literal.start, literal.end), literal, 'plain')];
    const parts: PyPart[] = [];
    let cursor = literal.start;
    for (const child of node.children) {
      if (child.type !== 'interpolation') continue;
      parts.push(textPart(text.slice(cursor, child.range[0]), literal, 'fstring'));
      const expression = field(child, 'expression');
      const spec = field(child, 'format_specifier');
      // `{x!r}`, `{x:>10}` change the value: it cannot become a parameter as it is.
      const plain = !spec && !field(child, 'type_conversion');
      if (!expression) parts.push(unknownHole(child));
      else if (isSelf(expression, self)) parts.push(...self!.parts);
      else parts.push({ ...hole(expression, depth, !!spec && NUMERIC_SPEC.test(textOf(spec))), renderable: plain });
      cursor = child.range[1];
    }
    parts.push(textPart(text.slice(cursor, literal.end), literal, 'fstring'));
    return parts;
  }

  /**
   * The pieces of a format string: its plain (not f-) literals, `"..."` or
   * `"..." "..."`, or the value of a constant (`QUERY % args`).
   */
  function formatStrings(node: PythonNode, depth: number): { raw: string; literal: Literal | undefined }[] | undefined {
    const inner = unparen(node);
    const nodes = inner.type === 'concatenated_string' ? inner.children : [inner];
    const literals = nodes.map(literalOf);
    if (literals.every((literal) => literal && !literal.isF)) {
      return (literals as Literal[]).map((literal) => ({ raw: text.slice(literal.start, literal.end), literal }));
    }
    if (inner.type !== 'identifier' && inner.type !== 'attribute') return undefined;
    const constant = evaluate(inner, depth + 1);
    return constant.safe && constant.value !== undefined ? [{ raw: constant.value, literal: undefined }] : undefined;
  }

  /** `"... %s ..." % args`. */
  function percentParts(node: PythonNode, depth: number): PyPart[] | undefined {
    const left = field(node, 'left');
    const right = field(node, 'right');
    const literals = left && formatStrings(left, depth);
    if (!literals || !right) return undefined;
    const args = unparen(right);
    const positional = args.type === 'tuple' ? namedChildren(args) : [args];
    const spread = positional.some((arg) => arg.type === 'list_splat');
    const named = new Map<string, PythonNode>();
    if (args.type === 'dictionary') {
      for (const pair of args.children) {
        const key = field(pair, 'key');
        const value = field(pair, 'value');
        const keyLiteral = key && literalOf(key);
        if (keyLiteral && value) {
          named.set(cook(text.slice(keyLiteral.start, keyLiteral.end), keyLiteral.opening, false), value);
        }
      }
    }
    const parts: PyPart[] = [];
    let next = 0;
    for (const { raw, literal } of literals) {
      let cursor = 0;
      PERCENT_MARKER.lastIndex = 0;
      for (let match = PERCENT_MARKER.exec(raw); match; match = PERCENT_MARKER.exec(raw)) {
        if (match[3] === '%') continue;
        parts.push(textPart(raw.slice(cursor, match.index), literal, 'percent'));
        cursor = match.index + match[0].length;
        const [, key, width, conversion] = match;
        let arg: PythonNode | undefined;
        if (key !== undefined) arg = named.get(key);
        else if (width === '*' || spread) arg = undefined;
        else if (args.type === 'tuple') arg = positional[next++];
        else if (next++ === 0) arg = args;
        if (NUMERIC_PERCENT.test(conversion!)) parts.push({ kind: 'hole', node: arg ?? right, safe: true, renderable: !!arg });
        else if (!arg) parts.push(unknownHole(right));
        // `%r`, `%-10s` change the value: it cannot become a parameter as it is.
        else parts.push({ ...hole(arg, depth), renderable: args.type !== 'dictionary' && /^%s$/.test(match[0]) });
      }
      parts.push(textPart(raw.slice(cursor), literal, 'percent'));
    }
    return parts;
  }

  /** `"... {} ...".format(args)`. */
  function formatParts(call: PythonNode, depth: number): PyPart[] | undefined {
    const fn = field(call, 'function');
    const object = fn?.type === 'attribute' ? field(fn, 'object') : undefined;
    if (!object || methodName(call) !== 'format') return undefined;
    const literals = formatStrings(object, depth);
    if (!literals) return undefined;
    const { positional, keywords } = callArguments(call, text);
    const splat = hasSplat(call);
    const parts: PyPart[] = [];
    let auto = 0;
    for (const { raw, literal } of literals) {
      let cursor = 0;
      FORMAT_FIELD.lastIndex = 0;
      for (let match = FORMAT_FIELD.exec(raw); match; match = FORMAT_FIELD.exec(raw)) {
        if (match[1] === undefined) continue;
        parts.push(textPart(raw.slice(cursor, match.index), literal, 'format'));
        cursor = match.index + match[0].length;
        const [, name = '', conversion, spec = ''] = /^([^!:]*)(![rsa])?(?::(.*))?$/s.exec(match[1]) ?? [];
        const base = /^[^.[]*/.exec(name)![0];
        const arg = base === '' ? positional[auto++] : /^\d+$/.test(base) ? positional[Number(base)] : keywords.get(base);
        if (NUMERIC_SPEC.test(spec)) parts.push({ kind: 'hole', node: arg ?? call, safe: true, renderable: !!arg });
        else if (!arg || (splat && base !== '' && !/^\d+$/.test(base))) parts.push(unknownHole(call));
        else parts.push({ ...hole(arg, depth), renderable: base === name && !splat && !conversion && spec === '' });
      }
      parts.push(textPart(raw.slice(cursor), literal, 'format'));
    }
    return parts;
  }

  /**
   * Results per (node, depth) for this file. Nested `.format()`/`join()`
   * reach the same nodes from many paths at every depth; without this the work
   * grows exponentially with nesting (a line of CPython's sqlite3/dump.py took
   * minutes).
   */
  const partsCache = new Map<PythonNode, (PyPart[] | undefined)[]>();
  const valueCache = new Map<PythonNode, SqlValue[]>();

  function memoized<T>(cache: Map<PythonNode, T[]>, node: PythonNode, depth: number, compute: () => T): T {
    let byDepth = cache.get(node);
    if (!byDepth) cache.set(node, (byDepth = []));
    if (!(depth in byDepth)) byDepth[depth] = compute();
    return byDepth[depth]!;
  }

  /** The parts of a string built by literals, f-strings, `+`, `%` or `.format()`; undefined for anything else. */
  function stringParts(input: PythonNode, depth: number, self?: Self): PyPart[] | undefined {
    // Parts relative to a `self` (a `+=` chain) depend on it, so only the plain case is cached.
    return self ? computeStringParts(input, depth, self) : memoized(partsCache, input, depth, () => computeStringParts(input, depth));
  }

  function computeStringParts(input: PythonNode, depth: number, self?: Self): PyPart[] | undefined {
    const node = unparen(input);
    switch (node.type) {
      case 'string':
        return literalParts(node, depth, self);
      case 'concatenated_string': {
        const parts = node.children.map((child) => literalParts(child, depth, self));
        return parts.every((list) => list !== undefined) ? parts.flat() as PyPart[] : undefined;
      }
      case 'binary_operator': {
        const operator = operatorOf(node);
        if (operator === '%') return percentParts(node, depth);
        if (operator !== '+') return undefined;
        const operand = (side: PythonNode | undefined): PyPart[] =>
          !side ? [] : isSelf(side, self) ? self!.parts : (stringParts(side, depth, self) ?? [hole(side, depth)]);
        const parts = [...operand(field(node, 'left')), ...operand(field(node, 'right'))];
        return parts.some((part) => part.kind === 'text') ? parts : undefined;
      }
      case 'call':
        return formatParts(node, depth);
      default:
        return undefined;
    }
  }

  // ---- values ---------------------------------------------------------------

  function evaluate(input: PythonNode, depth: number): SqlValue {
    return memoized(valueCache, input, depth, () => computeValue(input, depth));
  }

  function computeValue(input: PythonNode, depth: number): SqlValue {
    const node = unparen(input);
    if (depth > MAX_DEPTH) return UNSAFE;
    switch (node.type) {
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
        return { safe: true, value: textOf(node) };
      case 'string':
      case 'concatenated_string': {
        const parts = stringParts(node, depth + 1);
        return parts ? fragmentValue(parts) : UNSAFE;
      }
      case 'binary_operator': {
        const operator = operatorOf(node);
        const parts = stringParts(node, depth + 1);
        if (parts) return fragmentValue(parts);
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (operator === '+' || operator === '%') {
          // Not a string literal's `+` or `%`: safe when both sides are (numbers).
          return left && right && evaluate(left, depth + 1).safe && evaluate(right, depth + 1).safe ? { safe: true } : UNSAFE;
        }
        // A constant repeated: `"?" * n`, `["%s"] * len(ids)`; other operators give numbers (or raise).
        if (operator === '*') return repeatsConstant(left, right, depth) ? { safe: true } : UNSAFE;
        return { safe: true };
      }
      case 'unary_operator':
      case 'not_operator':
      case 'comparison_operator':
        return { safe: true };
      case 'boolean_operator': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        return left && right && evaluate(left, depth + 1).safe && evaluate(right, depth + 1).safe ? { safe: true } : UNSAFE;
      }
      case 'conditional_expression': {
        const [consequent, , alternate] = node.children;
        if (!consequent || !alternate) return UNSAFE;
        const first = evaluate(consequent, depth + 1);
        return first.safe && evaluate(alternate, depth + 1).safe ? first : UNSAFE;
      }
      case 'identifier':
        return evaluateIdentifier(node, depth);
      case 'attribute': {
        const attribute = field(node, 'attribute');
        const object = field(node, 'object');
        const name = attribute ? textOf(attribute) : '';
        if (UPPER_CASE.test(name)) return { safe: true };
        const ownAttribute = object?.type === 'identifier' && /^(?:self|cls)$/.test(textOf(object));
        const trusted = TABLE_NAME_ATTRIBUTE.test(name) || ownAttribute;
        return trusted ? { safe: false, trustedName: true } : UNSAFE;
      }
      case 'call':
        return evaluateCall(node, depth);
      default:
        return UNSAFE;
    }
  }

  function evaluateIdentifier(node: PythonNode, depth: number): SqlValue {
    const name = textOf(node);
    const versions = versionsOf(name, node, depth + 1);
    if (!versions && SAFE_TYPE.test(scopeInfo(scopeNodeOf(node)).params.get(name) ?? '')) return { safe: true };
    return variableValue(versions, UPPER_CASE.test(name));
  }

  function evaluateCall(node: PythonNode, depth: number): SqlValue {
    const name = methodName(node);
    const receiver = receiverOf(node);
    if (!name) return UNSAFE;
    if (NUMERIC_CALLS.has(name) || settings.sanitizers.has(name)) return { safe: true };
    if (name === 'format' && receiver) {
      const parts = formatParts(node, depth + 1);
      return parts ? fragmentValue(parts) : UNSAFE;
    }
    if (SAFE_PRESERVING.has(name)) {
      const inner = receiver ?? firstArgument(node);
      return inner && evaluate(inner, depth + 1).safe ? { safe: true } : UNSAFE;
    }
    if (name === 'join' && receiver) {
      const items = firstArgument(node);
      return evaluate(receiver, depth + 1).safe && items && iterableSafe(items, depth + 1) ? { safe: true } : UNSAFE;
    }
    return UNSAFE;
  }

  /** `CONSTANT * n`: repeating a constant string or list of constants yields nothing else. */
  function repeatsConstant(left: PythonNode | undefined, right: PythonNode | undefined, depth: number): boolean {
    return [left, right].some(
      (side) => side && ['string', 'list', 'tuple'].includes(unparen(side).type) && iterableSafe(side, depth + 1),
    );
  }

  /** Whether every item of an iterable is safe: `["%s"] * len(ids)`, `("?" for _ in ids)`, a list built by `append`. */
  function iterableSafe(input: PythonNode, depth: number): boolean {
    const node = unparen(input);
    if (depth > MAX_DEPTH) return false;
    switch (node.type) {
      case 'list':
      case 'tuple':
      case 'set':
        return node.children.every((child) => {
          if (child.type !== 'list_splat') return evaluate(child, depth + 1).safe;
          return !!child.children[0] && iterableSafe(child.children[0], depth + 1);
        });
      case 'string':
      case 'concatenated_string':
        return evaluate(node, depth + 1).safe;
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension': {
        const body = field(node, 'body');
        return !!body && evaluate(body, depth + 1).safe;
      }
      case 'binary_operator': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (operatorOf(node) === '*') return repeatsConstant(left, right, depth);
        if (operatorOf(node) !== '+' || !left || !right) return false;
        return iterableSafe(left, depth + 1) && iterableSafe(right, depth + 1);
      }
      case 'call': {
        const name = methodName(node);
        const argument = firstArgument(node);
        if (name === 'range') return true;
        if (!name || !ITERABLE_PRESERVING.has(name) || receiverOf(node) || !argument) return false;
        return iterableSafe(argument, depth + 1);
      }
      case 'identifier':
        return UPPER_CASE.test(textOf(node)) || listVariableSafe(node, depth);
      default:
        return false;
    }
  }

  function listVariableSafe(node: PythonNode, depth: number): boolean {
    const name = textOf(node);
    const found = lookup(name, node);
    const key = `list:${scopeNodeOf(node).range[0]}:${name}`;
    if (!found || visiting.has(key)) return false;
    visiting.add(key);
    try {
      const writesSafe = found.writes.every(
        (write) => (write.op === 'assign' || write.op === 'append') && !!write.value && iterableSafe(write.value, depth + 1),
      );
      const scope = found.moduleLevel ? root : scopeNodeOf(node);
      const appends = scopeInfo(scope).appends.get(name) ?? [];
      return (
        writesSafe &&
        appends.every((call) => {
          const { positional } = callArguments(call, text);
          const method = methodName(call);
          const item = method === 'insert' ? positional[1] : positional[0];
          if (!item || hasSplat(call)) return false;
          return method === 'extend' ? iterableSafe(item, depth + 1) : evaluate(item, depth + 1).safe;
        })
      );
    } finally {
      visiting.delete(key);
    }
  }

  // ---- suggestion -----------------------------------------------------------

  function styleOf(call: PythonNode, name: string, sql: PythonNode): Style | undefined {
    const { positional, keywords } = callArguments(call, text);
    if (positional.length !== 1 || positional[0] !== sql || keywords.size > 0 || hasSplat(call)) return undefined;
    const found = importsOf();
    if (name === 'text') {
      const list = parent(call);
      const outer = list && parent(list);
      if (list?.type !== 'argument_list' || outer?.type !== 'call' || methodName(outer) !== 'execute') return undefined;
      const outerArgs = callArguments(outer, text);
      if (outerArgs.positional.length !== 1 || outerArgs.keywords.size > 0 || hasSplat(outer)) return undefined;
      return { placeholder: 'named', params: 'dict', anchor: call, wrapInText: false };
    }
    if (name === 'raw') return { placeholder: 'format', params: 'list', anchor: sql, wrapInText: false };
    if (name !== 'execute') return undefined;
    const receiver = receiverOf(call);
    const receiverCall = receiver?.type === 'call' ? receiver : undefined;
    const receiverName = receiverCall
      ? methodName(receiverCall)
      : receiver?.type === 'attribute'
        ? textOf(field(receiver, 'attribute')!)
        : receiver && textOf(receiver);
    const placeholder = found.sqlite && !found.pyformat ? 'qmark' : 'format';
    const dbApi: Style = { placeholder, params: 'tuple', anchor: sql, wrapInText: false };
    if (receiverName && /cur(?:sor)?$/i.test(receiverName)) return dbApi;
    if ((receiverName && /session$/i.test(receiverName)) || found.sqlalchemyText) {
      return found.sqlalchemyText ? { placeholder: 'named', params: 'dict', anchor: sql, wrapInText: true } : undefined;
    }
    return found.sqlite || found.pyformat ? dbApi : undefined;
  }

  /** Strips the quotes around a quoted value from the texts before and after it. */
  function stripQuotes(texts: string[], index: number): boolean {
    const before = texts[index - 1];
    const after = texts[index + 1];
    if (before === undefined || after === undefined || before === '' || after === '') return false;
    const quote = after.startsWith('\\') ? after.slice(0, 2) : after[0]!;
    if (!before.endsWith(quote)) return false;
    texts[index - 1] = before.slice(0, -quote.length);
    texts[index + 1] = after.slice(quote.length);
    return true;
  }

  /** The expression to pass as a parameter for a hole: a name, attribute or item, unwrapped from `str()`. */
  function parameterValue(node: PythonNode): PythonNode | undefined {
    let value = node;
    const onlyArgument = value.type === 'call' ? callArguments(value, text).positional : [];
    if (value.type === 'call' && methodName(value) === 'str' && !receiverOf(value) && onlyArgument.length === 1) {
      value = onlyArgument[0]!;
    }
    return ['identifier', 'attribute', 'subscript'].includes(value.type) ? value : undefined;
  }

  function simpleOperand(node: PythonNode): string {
    const simple = ['identifier', 'attribute', 'call', 'subscript', 'string', 'integer'].includes(node.type);
    return simple ? textOf(node) : `(${textOf(node)})`;
  }

  function suggestion(call: PythonNode, name: string, sql: PythonNode, parts: PyPart[]): Suggestion | undefined {
    const style = styleOf(call, name, sql);
    if (!style) return undefined;
    const analysis = analyzeSql(parts, false);
    if (!analysis || !acceptsParameters(sqlText(parts))) return undefined;
    const node = unparen(sql);
    const form: Source =
      node.type === 'string' && literalOf(node)?.isF
        ? 'fstring'
        : node.type === 'binary_operator' && operatorOf(node) === '%'
          ? 'percent'
          : node.type === 'call'
            ? 'format'
            : 'plain';
    const texts = parts.map((part) => (part.kind === 'text' ? part.raw : ''));
    // A format string loses its `%` / `.format()`: every value becomes a parameter, numbers too.
    const allHoles = parts.flatMap((part, index) => (part.kind === 'hole' ? [index] : []));
    const toParameter = new Set(form === 'percent' || form === 'format' ? allHoles : analysis.unsafe);
    const openings = new Set(parts.filter((part): part is PyText => part.kind === 'text').map((part) => part.opening));
    if (openings.size !== 1 || parts.some((part) => part.kind === 'text' && part.source !== form)) return undefined;
    let kept = false;
    for (const { hole, index, position } of holesOf(parts, analysis.positions)) {
      if (!toParameter.has(index)) {
        kept = true;
        continue;
      }
      if (!hole.renderable || !parameterValue(hole.node)) return undefined;
      if (position === 'quoted') {
        if (!stripQuotes(texts, index)) return undefined;
      } else if (position !== 'value') {
        return undefined;
      }
    }
    if (kept && (form === 'percent' || form === 'format')) return undefined;

    const [opening] = openings;
    const quote = opening!.replace(/^[a-zA-Z]+/, '');
    const dropF = form === 'fstring' && !kept;
    const newOpening = dropF ? opening!.replace(/f/i, '') : opening!;
    const transform = (raw: string): string => {
      let result = raw;
      if (dropF || form === 'format') result = result.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      if (form === 'percent' && style.placeholder !== 'format') result = result.replace(/%%/g, '%');
      if (form !== 'percent' && style.placeholder === 'format') result = result.replace(/%/g, '%%');
      return result;
    };

    const values: string[] = [];
    const names = new Map<string, string>();
    const placeholderFor = (hole: PythonNode): string => {
      const value = parameterValue(hole)!;
      const source = textOf(value);
      if (style.placeholder !== 'named') {
        values.push(source);
        return style.placeholder === 'format' ? '%s' : '?';
      }
      let paramName = names.get(source);
      if (!paramName) {
        const base =
          value.type === 'identifier'
            ? source
            : value.type === 'attribute'
              ? textOf(field(value, 'attribute')!)
              : `p${names.size + 1}`;
        paramName = [...names.values()].includes(base) ? `${base}_${names.size + 1}` : base;
        names.set(source, paramName);
        values.push(source);
      }
      return `:${paramName}`;
    };

    const runs: { literal: string; kept?: PythonNode }[] = [{ literal: '' }];
    parts.forEach((part, index) => {
      const run = runs[runs.length - 1]!;
      if (part.kind === 'text') run.literal += transform(texts[index]!);
      else if (toParameter.has(index)) run.literal += placeholderFor(part.node);
      else if (form === 'fstring') run.literal += textOf(parent(part.node)!);
      else runs.push({ literal: '', kept: part.node }, { literal: '' });
    });
    const literal = runs
      .filter((run) => run.kept || run.literal !== '')
      .map((run) => (run.kept ? simpleOperand(run.kept) : `${newOpening}${run.literal}${quote}`))
      .join(' + ');
    if (literal === '') return undefined;
    const keyQuote = quote.startsWith("'") ? "'" : '"';
    const parameters =
      style.params === 'dict'
        ? `{${[...names].map(([source, paramName]) => `${keyQuote}${paramName}${keyQuote}: ${source}`).join(', ')}}`
        : style.params === 'list'
          ? `[${values.join(', ')}]`
          : `(${values.join(', ')}${values.length === 1 ? ',' : ''})`;
    const replacement = style.wrapInText ? `text(${literal})` : literal;
    const placeholder =
      style.placeholder === 'named'
        ? [...names.values()].map((paramName) => `:${paramName}`).join(', ')
        : style.placeholder === 'format'
          ? '%s'
          : '?';
    return {
      messageId: 'useParameters',
      data: { placeholder },
      fix: (fixer: TSESLint.RuleFixer) => [
        fixer.replaceTextRange(sql.range, replacement),
        fixer.insertTextAfterRange(style.anchor.range, `, ${parameters}`),
      ],
    };
  }

  // ---- visitor ----------------------------------------------------------------

  function resolveSql(argument: PythonNode): { versions: (PyPart[] | undefined)[]; inline: boolean } | undefined {
    const node = unparen(argument);
    if (node.type === 'identifier') {
      const versions = versionsOf(textOf(node), node, 0);
      return versions ? { versions, inline: false } : undefined;
    }
    const parts = stringParts(node, 0);
    return parts ? { versions: [parts], inline: true } : undefined;
  }

  function check(call: PythonNode, name: string, sql: PythonNode, statement: boolean, suggest: boolean): void {
    const resolved = resolveSql(sql);
    const found = resolved && firstUnsafeVersion(resolved.versions, statement);
    if (!resolved || !found) return;
    const { parts, analysis } = found;
    const fix = suggest && resolved.inline && !analysis.identifiersOnly ? suggestion(call, name, sql, parts) : undefined;
    reportFinding(context, sql.loc, name, analysis, fix);
  }

  function checkExtra(call: PythonNode): void {
    const { keywords } = callArguments(call, text);
    for (const keyword of EXTRA_KEYWORDS) {
      const value = keywords.get(keyword);
      if (!value) continue;
      const items =
        value.type === 'dictionary'
          ? value.children.map((pair) => field(pair, 'value')).filter((item) => !!item)
          : value.type === 'list' || value.type === 'tuple'
            ? value.children
            : [];
      for (const item of items) check(call, 'extra', item, false, false);
    }
  }

  return {
    call(call: PythonNode) {
      const name = methodName(call);
      if (!name) return;
      if (name === 'extra' && receiverOf(call)) {
        checkExtra(call);
        return;
      }
      const fragmentSink =
        FRAGMENT_SINKS.has(name) ||
        (name === 'text' &&
          (importsOf().sqlalchemyText ? !receiverOf(call) : /^(?:sa|sqlalchemy)$/.test(textOf(receiverOf(call) ?? call))));
      if (!fragmentSink && !STATEMENT_SINKS.has(name) && !settings.extraSinks.has(name)) return;
      if (name === 'text' && receiverOf(call) && !fragmentSink) return;
      const { positional, keywords } = callArguments(call, text);
      const sql = positional[0] ?? SQL_KEYWORDS.map((keyword) => keywords.get(keyword)).find((value) => !!value);
      if (!sql) return;
      check(call, name, sql, !fragmentSink, true);
    },
  };
}
