import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { HolePosition, SqlHolePart, SqlTextPart, SqlValue, StringWrite } from '../../detectors/sql.js';
import { acceptsParameters, analyzeSql, firstUnsafeVersion, foldWrites, fragmentValue, holesOf, sqlText, UNSAFE, variableValue } from '../../detectors/sql.js';
import { staticPropertyName, unwrapCasts } from '../../util/js-static-values.js';
import type { Context, Settings, Suggestion } from '../no-sql-concatenation.js';
import { reportFinding } from '../no-sql-concatenation.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

interface JsText extends SqlTextPart {
  /** Source text between the delimiters (template quasis only). */
  raw: string | undefined;
  /** The literal's delimiter: `'`, `"` or a backtick. */
  delimiter: string;
}
interface JsHole extends SqlHolePart {
  node: Expression;
}
type JsPart = JsText | JsHole;

/** Methods whose first argument is a whole statement (the string must look like SQL). */
const STATEMENT_SINKS = new Set([
  'query',
  'execute',
  'raw',
  'unsafe',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  'exec',
  'run',
  'all',
  'get',
  'each',
  'prepare',
]);
/** knex methods that take a SQL fragment: any built string is a finding. */
const FRAGMENT_SINKS = new Set([
  'whereRaw',
  'orWhereRaw',
  'andWhereRaw',
  'havingRaw',
  'orHavingRaw',
  'joinRaw',
  'orderByRaw',
  'groupByRaw',
  'fromRaw',
]);
/** Plain functions (node-postgres' recommended `query(text, params)` wrapper). */
const FUNCTION_SINKS = new Set(['query', 'execute']);
const QMARK_SINKS = new Set(['execute', 'run', 'all', 'get', 'each', 'raw', ...FRAGMENT_SINKS]);
/** Calls that return a number: safe anywhere in SQL. */
const NUMERIC_CALLS = new Set([
  'Number',
  'parseInt',
  'parseFloat',
  'BigInt',
  'isNaN',
  'isFinite',
  'toFixed',
  'toPrecision',
  'getTime',
  'indexOf',
  'lastIndexOf',
  'findIndex',
  'toISOString',
]);
/** String methods that keep a safe string safe. */
const SAFE_PRESERVING = new Set(['String', 'toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase']);
const QMARK_DRIVER = /(?:from\s+|require\(\s*)['"](?:mysql2?(?:\/promise)?|sqlite3?|better-sqlite3)['"]/;
const UPPER_CASE = /^[A-Z][A-Z0-9_]*$/;
/** Parameters declared with these types hold no SQL. */
const NUMERIC_TYPES = new Set<string>([
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
]);
/** Properties that hold a table name from the program's models (`Model.tableName`, `_meta.db_table`). */
const TABLE_NAME_PROPERTY = /^(?:table|tableName|table_name|schema|schemaName|db_table)$/;
const MAX_DEPTH = 6;
/** Expressions that need no parentheses as an operand of `+`. */
const SIMPLE_OPERANDS = new Set<string>([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.Literal,
]);
const LITERAL_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

type Style =
  | { kind: 'dollar' | 'qmark'; replacements?: boolean }
  | { kind: 'tagged'; tag: string };

interface Resolved {
  versions: (JsPart[] | undefined)[];
  /** The SQL is written in the call itself, so a suggestion can rewrite it. */
  inline: boolean;
  node: Expression;
}

/** `foo` for `foo(...)` and `x.foo(...)`. */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

/** A `let`/`const`/`var` bound to one plain name (not destructured, not a parameter or import). */
function isPlainVariable(def: TSESLint.Scope.Definition | undefined): boolean {
  return def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier;
}

function isFunction(node: Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

export function javascriptVisitors(context: Context, settings: Settings) {
  const sourceCode = context.sourceCode;
  const visiting = new Set<TSESLint.Scope.Variable>();
  let qmarkDriver: boolean | undefined;

  function variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  }

  // ---- string parts -------------------------------------------------------

  function hole(node: Expression, depth: number): JsHole {
    return { kind: 'hole', node, ...evaluate(node, depth) };
  }

  interface Self {
    variable: TSESLint.Scope.Variable;
    parts: JsPart[];
  }

  function isSelf(node: Expression, self: Self | undefined): boolean {
    return !!self && node.type === AST_NODE_TYPES.Identifier && variableOf(node) === self.variable;
  }

  /** The parts of a string built by a literal, a template literal or a `+` chain; undefined for anything else. */
  function stringParts(input: Expression, depth: number, self?: Self): JsPart[] | undefined {
    const node = unwrapCasts(input);
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
      return [{ kind: 'text', value: node.value, raw: undefined, delimiter: node.raw[0]! }];
    }
    if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      const parts: JsPart[] = [];
      node.quasis.forEach((quasi, index) => {
        parts.push({ kind: 'text', value: quasi.value.cooked ?? quasi.value.raw, raw: quasi.value.raw, delimiter: '`' });
        const expression = node.expressions[index];
        if (expression) parts.push(...(isSelf(expression, self) ? self!.parts : [hole(expression, depth)]));
      });
      return parts;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
      const operand = (side: Expression) =>
        isSelf(side, self) ? self!.parts : (stringParts(side, depth, self) ?? [hole(side, depth)]);
      const left = operand(node.left);
      const right = operand(node.right);
      if (![...left, ...right].some((part) => part.kind === 'text')) return undefined;
      return [...left, ...right];
    }
    return undefined;
  }

  // ---- values: constant, numeric, escaped ---------------------------------

  function evaluate(input: Expression, depth: number): SqlValue {
    const node = unwrapCasts(input);
    if (depth > MAX_DEPTH) return UNSAFE;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return { safe: true, value: node.value === null || node.value instanceof RegExp ? undefined : String(node.value) };
      case AST_NODE_TYPES.TemplateLiteral:
        return fragmentValue(stringParts(node, depth + 1)!);
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.operator === '+') {
          const parts = stringParts(node, depth + 1);
          if (parts) return fragmentValue(parts);
          const left = evaluate(node.left, depth + 1);
          return left.safe && evaluate(node.right, depth + 1).safe ? { safe: true } : UNSAFE;
        }
        // Arithmetic, comparisons, `in`, `instanceof`: numbers and booleans.
        return { safe: true };
      }
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
        return { safe: true };
      case AST_NODE_TYPES.ConditionalExpression: {
        const consequent = evaluate(node.consequent, depth + 1);
        return consequent.safe && evaluate(node.alternate, depth + 1).safe ? consequent : UNSAFE;
      }
      case AST_NODE_TYPES.LogicalExpression:
        return evaluate(node.left, depth + 1).safe && evaluate(node.right, depth + 1).safe ? { safe: true } : UNSAFE;
      case AST_NODE_TYPES.SequenceExpression:
        return evaluate(node.expressions[node.expressions.length - 1]!, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return evaluateIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticPropertyName(node);
        if (name === 'length' || (name && UPPER_CASE.test(name))) return { safe: true };
        const trusted = node.object.type === AST_NODE_TYPES.ThisExpression || (!!name && TABLE_NAME_PROPERTY.test(name));
        return trusted ? { safe: false, trustedName: true } : UNSAFE;
      }
      case AST_NODE_TYPES.CallExpression:
        return evaluateCall(node, depth);
      default:
        return UNSAFE;
    }
  }

  function evaluateIdentifier(node: TSESTree.Identifier, depth: number): SqlValue {
    const variable = variableOf(node);
    const upper = UPPER_CASE.test(node.name);
    if (!variable || variable.defs.length === 0) {
      return upper || node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity' ? { safe: true } : UNSAFE;
    }
    const def = variable.defs[0]!;
    if (def.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier) {
      const annotation = def.name.typeAnnotation?.typeAnnotation.type;
      return annotation && NUMERIC_TYPES.has(annotation) ? { safe: true } : UNSAFE;
    }
    const loop = def.parent?.parent;
    if (
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === def.parent
    ) {
      return loop.type === AST_NODE_TYPES.ForOfStatement && arraySafe(loop.right, depth + 1) ? { safe: true } : UNSAFE;
    }
    return variableValue(versionsOf(variable, node, depth + 1), upper);
  }

  function evaluateCall(node: TSESTree.CallExpression, depth: number): SqlValue {
    const name = calleeName(node);
    const callee = node.callee;
    const object = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
    if (!name) return UNSAFE;
    const math = object?.type === AST_NODE_TYPES.Identifier && object.name === 'Math';
    if (NUMERIC_CALLS.has(name) || math || settings.sanitizers.has(name)) return { safe: true };
    if (SAFE_PRESERVING.has(name)) {
      const inner = object ?? node.arguments[0];
      return inner && inner.type !== AST_NODE_TYPES.SpreadElement && evaluate(inner as Expression, depth + 1).safe
        ? { safe: true }
        : UNSAFE;
    }
    if (name === 'join' && object) {
      const separator = node.arguments[0];
      const separatorSafe =
        !separator || (separator.type !== AST_NODE_TYPES.SpreadElement && evaluate(separator, depth + 1).safe);
      return separatorSafe && arraySafe(object as Expression, depth + 1) ? { safe: true } : UNSAFE;
    }
    return UNSAFE;
  }

  function returnsSafe(fn: Node | undefined, depth: number): boolean {
    if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn?.type !== AST_NODE_TYPES.FunctionExpression) return false;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return evaluate(fn.body, depth + 1).safe;
    const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
    return only?.type === AST_NODE_TYPES.ReturnStatement && !!only.argument && evaluate(only.argument, depth + 1).safe;
  }

  /** Whether every element of an array is safe: `ids.map(() => '?')`, `Array(n).fill('?')`, a list of constants. */
  function arraySafe(input: Expression, depth: number): boolean {
    const node = unwrapCasts(input);
    if (depth > MAX_DEPTH) return false;
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      return node.elements.every(
        (element) =>
          !element ||
          (element.type === AST_NODE_TYPES.SpreadElement
            ? arraySafe(element.argument, depth + 1)
            : evaluate(element, depth + 1).safe),
      );
    }
    if (node.type === AST_NODE_TYPES.Identifier) return UPPER_CASE.test(node.name) || arrayVariableSafe(node, depth);
    if (node.type === AST_NODE_TYPES.NewExpression) {
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Array' && node.arguments.length <= 1;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const name = calleeName(node);
    const object = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : undefined;
    const [first, second] = node.arguments;
    if (name === 'Array' && !object) return node.arguments.length <= 1;
    if (name === 'map') return returnsSafe(first, depth);
    if (name === 'fill') return !!first && first.type !== AST_NODE_TYPES.SpreadElement && evaluate(first, depth + 1).safe;
    if (name === 'from' && object?.type === AST_NODE_TYPES.Identifier && object.name === 'Array') {
      if (second) return returnsSafe(second, depth);
      return !!first && first.type !== AST_NODE_TYPES.SpreadElement && arraySafe(first, depth + 1);
    }
    if (object && ['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed'].includes(name ?? '')) {
      return arraySafe(object as Expression, depth + 1);
    }
    return false;
  }

  /** An array variable is safe when its initial value and everything pushed onto it is. */
  function arrayVariableSafe(node: TSESTree.Identifier, depth: number): boolean {
    const variable = variableOf(node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !isPlainVariable(def) || visiting.has(variable)) return false;
    visiting.add(variable);
    try {
      for (const reference of variable.references) {
        const parent = reference.identifier.parent;
        if (reference.isWrite()) {
          if (!reference.writeExpr || !arraySafe(reference.writeExpr as Expression, depth + 1)) return false;
          continue;
        }
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
          const method = staticPropertyName(parent);
          const call = parent.parent;
          const pushes = (method === 'push' || method === 'unshift') && call?.type === AST_NODE_TYPES.CallExpression;
          if (pushes && call.callee === parent) {
            const pushedSafe = call.arguments.every(
              (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && evaluate(argument, depth + 1).safe,
            );
            if (!pushedSafe) return false;
          } else if (parent.computed && call?.type === AST_NODE_TYPES.AssignmentExpression && call.left === parent) {
            // `list[i] = value`
            return false;
          }
        }
      }
      return true;
    } finally {
      visiting.delete(variable);
    }
  }

  // ---- variables ----------------------------------------------------------

  /** Whether a write always runs before `use`: a statement directly in a block that contains it. */
  function dominates(write: Node, use: Node): boolean {
    let statement: Node | undefined = write.parent;
    if (statement?.type === AST_NODE_TYPES.VariableDeclarator) statement = statement.parent;
    else if (statement?.type === AST_NODE_TYPES.AssignmentExpression) statement = statement.parent;
    const isStatement =
      statement?.type === AST_NODE_TYPES.ExpressionStatement || statement?.type === AST_NODE_TYPES.VariableDeclaration;
    if (!statement || !isStatement) return false;
    const block = statement.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program) return false;
    return block.range[0] <= use.range[0] && use.range[1] <= block.range[1];
  }

  /** The string values a variable may hold at `use`, from its writes before it. */
  function versionsOf(variable: TSESLint.Scope.Variable, use: Node, depth: number): (JsPart[] | undefined)[] | undefined {
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (!isPlainVariable(def) || visiting.has(variable)) return undefined;
    visiting.add(variable);
    try {
      const writes: StringWrite<JsPart>[] = [];
      for (const reference of variable.references) {
        if (!reference.isWrite() || reference.identifier.range[0] >= use.range[0]) continue;
        const identifier = reference.identifier;
        const parent = identifier.parent;
        const dominating = dominates(identifier, use);
        const value = reference.writeExpr as Expression | null;
        const isDeclaration = parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier;
        const isAssignment = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier;
        const operator = isDeclaration ? '=' : isAssignment ? parent.operator : undefined;
        const op = operator === '=' ? 'assign' : operator === '+=' ? 'append' : 'unknown';
        if (!value || op === 'unknown') {
          writes.push({ op: 'unknown', dominating, readsSelf: false, parts: () => undefined });
          continue;
        }
        const readsSelf = variable.references.some(
          (other) =>
            other.isRead() && other.identifier.range[0] >= value.range[0] && other.identifier.range[1] <= value.range[1],
        );
        writes.push({
          op,
          dominating,
          readsSelf,
          parts: (self) => {
            const selfBinding = self ? { variable, parts: self } : undefined;
            return stringParts(value, depth, selfBinding) ?? (isSelf(value, selfBinding) ? self : [hole(value, depth)]);
          },
        });
      }
      return foldWrites(writes);
    } finally {
      visiting.delete(variable);
    }
  }

  function resolveSql(argument: Expression): Resolved | undefined {
    const node = unwrapCasts(argument);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(node);
      const versions = variable && versionsOf(variable, node, 0);
      return versions ? { versions, inline: false, node } : undefined;
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      // node-postgres' and mysql's `query({ text, values })` / `query({ sql, values })`.
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        if (key === 'text' || key === 'sql') {
          const inner = resolveSql(property.value as Expression);
          return inner && { ...inner, inline: false };
        }
      }
      return undefined;
    }
    const parts = stringParts(node, 0);
    return parts ? { versions: [parts], inline: true, node } : undefined;
  }

  // ---- suggestion ---------------------------------------------------------

  function styleOf(call: TSESTree.CallExpression, name: string): Style | undefined {
    const callee = call.callee;
    const object = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
    if (name === '$queryRawUnsafe' || name === '$executeRawUnsafe') {
      if (!object || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
      const typeArguments = call.typeArguments ? sourceCode.getText(call.typeArguments) : '';
      return { kind: 'tagged', tag: `${sourceCode.getText(object)}.${name.replace('Unsafe', '')}${typeArguments}` };
    }
    if (name === 'unsafe' || name === 'raw') {
      // postgres.js `sql.unsafe`, Drizzle and Kysely `sql.raw`: their `sql` tag binds values.
      if (object?.type === AST_NODE_TYPES.Identifier && (name === 'unsafe' || object.name === 'sql')) {
        return { kind: 'tagged', tag: object.name };
      }
      if (name === 'unsafe') return undefined;
    }
    if (name === 'query') {
      if (object && /sequelize/i.test(sourceCode.getText(object))) return { kind: 'qmark', replacements: true };
      qmarkDriver ??= QMARK_DRIVER.test(sourceCode.text);
      return { kind: qmarkDriver ? 'qmark' : 'dollar' };
    }
    return QMARK_SINKS.has(name) ? { kind: 'qmark' } : undefined;
  }

  function escapeLiteral(value: string, delimiter: string): string {
    return value.replace(/[\\\n\r\t\u2028\u2029]|\$\{/g, (ch) => {
      if (ch === '${') return delimiter === '`' ? '\\${' : ch;
      return LITERAL_ESCAPES[ch]!;
    }).split(delimiter).join(`\\${delimiter}`);
  }

  /** The text parts with the quotes around quoted values removed; undefined when that cannot be done cleanly. */
  function unquotedTexts(
    parts: JsPart[],
    positions: HolePosition[],
    toParameter: Set<number>,
    raw: boolean,
  ): string[] | undefined {
    const texts = parts.map((part) => (part.kind !== 'text' ? '' : raw ? (part.raw ?? part.value) : part.value));
    for (const { index, position } of holesOf(parts, positions)) {
      if (!toParameter.has(index) || position !== 'quoted') continue;
      const before = texts[index - 1];
      const after = texts[index + 1];
      if (parts[index - 1]?.kind !== 'text' || parts[index + 1]?.kind !== 'text' || !before || !after) return undefined;
      const quote = after[0]!;
      if (before.endsWith(`\\${quote}`) || after.startsWith(`\\${quote}`)) return undefined;
      texts[index - 1] = before.slice(0, -1);
      texts[index + 1] = after.slice(1);
    }
    return texts;
  }

  /** The expression to pass as a parameter for a hole: a name or member, unwrapped from `String()`. */
  function parameterValue(input: Expression): Expression | undefined {
    let node = unwrapCasts(input);
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
      const [only] = node.arguments;
      if (node.callee.name === 'String' && node.arguments.length === 1 && only?.type !== AST_NODE_TYPES.SpreadElement) {
        node = unwrapCasts(only!);
      }
    }
    return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression ? node : undefined;
  }

  function wrapOperand(node: Expression): string {
    const text = sourceCode.getText(node);
    return SIMPLE_OPERANDS.has(node.type) ? text : `(${text})`;
  }

  function suggestion(
    call: TSESTree.CallExpression,
    name: string,
    resolved: Resolved,
    parts: JsPart[],
  ): Suggestion | undefined {
    const [, second, ...rest] = call.arguments;
    if (!resolved.inline || rest.length > 0 || (second && !isFunction(second))) return undefined;
    const style = styleOf(call, name);
    if (!style) return undefined;
    const analysis = analyzeSql(parts, false);
    if (!analysis || !acceptsParameters(sqlText(parts))) return undefined;
    const { positions } = analysis;
    const toParameter = new Set(analysis.unsafe);
    for (const { hole, index, position } of holesOf(parts, positions)) {
      if (toParameter.has(index)) {
        if (position !== 'value' && position !== 'quoted') return undefined;
        if (!parameterValue(hole.node)) return undefined;
      } else if (style.kind === 'tagged' && position !== 'value') {
        // A tag binds every value: a constant table name or a quoted constant would become a parameter.
        return undefined;
      }
    }
    const template = resolved.node.type === AST_NODE_TYPES.TemplateLiteral;
    const delimiter = (parts.find((part) => part.kind === 'text') as JsText).delimiter;
    if (!template && parts.some((part) => part.kind === 'text' && part.delimiter !== delimiter)) return undefined;
    const texts = unquotedTexts(parts, positions, toParameter, template);
    if (!texts) return undefined;
    const cooked = parts.some((part) => part.kind === 'text' && (style.kind === 'dollar' ? /\$\d/ : /\?/).test(part.value));
    if (cooked && style.kind !== 'tagged') return undefined;

    const values: string[] = [];
    const placeholderFor = (node: Expression): string => {
      const text = sourceCode.getText(parameterValue(node)!);
      if (style.kind === 'dollar') {
        const existing = values.indexOf(text);
        if (existing >= 0) return `$${existing + 1}`;
        values.push(text);
        return `$${values.length}`;
      }
      values.push(text);
      return '?';
    };
    const outputTemplate = template || style.kind === 'tagged';
    // Literal runs and kept expressions, in order.
    const runs: { literal: string; kept?: Expression }[] = [{ literal: '' }];
    parts.forEach((part, index) => {
      const run = runs[runs.length - 1]!;
      if (part.kind === 'text') {
        run.literal += template ? texts[index]! : escapeLiteral(texts[index]!, outputTemplate ? '`' : delimiter);
      } else if (toParameter.has(index) && style.kind !== 'tagged') {
        run.literal += placeholderFor(part.node);
      } else if (outputTemplate) {
        run.literal += `\${${sourceCode.getText(part.node)}}`;
      } else {
        runs.push({ literal: '', kept: part.node }, { literal: '' });
      }
    });
    let replacement: string;
    if (outputTemplate) {
      replacement = `\`${runs[0]!.literal}\``;
    } else {
      if (runs[0]!.literal === '' && runs.length > 1 && runs[2]?.literal === '') return undefined;
      replacement = runs
        .filter((run) => run.kept || run.literal !== '')
        .map((run) => (run.kept ? wrapOperand(run.kept) : `${delimiter}${run.literal}${delimiter}`))
        .join(' + ');
    }
    const argument = call.arguments[0]!;
    if (style.kind === 'tagged') {
      return {
        messageId: 'useTaggedTemplate',
        data: { tag: style.tag },
        fix: (fixer) => fixer.replaceText(call, `${style.tag}${replacement}`),
      };
    }
    const list = `[${values.join(', ')}]`;
    const parameters = style.replacements ? `{ replacements: ${list} }` : list;
    return {
      messageId: 'useParameters',
      data: { placeholder: style.kind === 'dollar' ? values.map((_, index) => `$${index + 1}`).join(', ') : '?' },
      fix: (fixer) => [fixer.replaceText(argument, replacement), fixer.insertTextAfter(argument, `, ${parameters}`)],
    };
  }

  // ---- visitor ------------------------------------------------------------

  function sinkOf(call: TSESTree.CallExpression): { name: string; statement: boolean } | undefined {
    const name = calleeName(call);
    if (!name) return undefined;
    const method = call.callee.type === AST_NODE_TYPES.MemberExpression;
    if (FRAGMENT_SINKS.has(name) && method) return { name, statement: false };
    const statement = (method ? STATEMENT_SINKS : FUNCTION_SINKS).has(name) || settings.extraSinks.has(name);
    return statement ? { name, statement } : undefined;
  }

  return {
    CallExpression(call: TSESTree.CallExpression) {
      const sink = sinkOf(call);
      const argument = call.arguments[0];
      if (!sink || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const resolved = resolveSql(argument);
      const found = resolved && firstUnsafeVersion(resolved.versions, sink.statement);
      if (!resolved || !found) return;
      const { parts, analysis } = found;
      reportFinding(
        context,
        resolved.node.loc,
        sink.name,
        analysis,
        analysis.identifiersOnly ? undefined : suggestion(call, sink.name, resolved, parts),
      );
    },
  };
}
