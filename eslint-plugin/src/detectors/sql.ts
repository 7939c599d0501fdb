/**
 * Pure text logic for SQL built from strings: does a string look like a SQL
 * statement, and where do the non-constant values sit in it. Rules describe a
 * string as parts (constant text and holes for the values) and the same
 * analysis serves every language.
 */

/** Stands for a value whose text is unknown in the text handed to `looksLikeSql`. */
export const SQL_HOLE = '\uE000';

const IDENT = `(?:[\\w$${SQL_HOLE}]+|"[^"\\n]+"|\`[^\`\\n]+\`|\\[[^\\]\\n]+\\])`;
const NAME = `${IDENT}(?:\\s*\\.\\s*${IDENT})*`;
const OBJECT_KINDS =
  'TABLE|VIEW|INDEX|SCHEMA|DATABASE|SEQUENCE|FUNCTION|PROCEDURE|TRIGGER|ROLE|USER|POLICY|EXTENSION|TYPE|DOMAIN';
const PRIVILEGES = 'ALL|SELECT|INSERT|UPDATE|DELETE|USAGE|CONNECT|EXECUTE|CREATE|TRUNCATE|REFERENCES|TEMPORARY';

/**
 * One pattern per statement, anchored at the start: a keyword alone is not
 * enough ("Select an option", "update from server" are English), the
 * statement's second keyword and an object name must follow.
 */
const STATEMENT = new RegExp(
  '^(?:' +
    [
      `SELECT\\s+(?:DISTINCT\\s+)?(?:\\S[\\s\\S]*?\\s)?FROM\\s+(?:${NAME}|\\()`,
      `SELECT\\s+(?:\\*|[\\w.]+\\(|\\d+\\s*(?:$|;|,|\\)))`,
      `(?:INSERT(?:\\s+IGNORE)?|REPLACE|MERGE)\\s+INTO\\s+${NAME}`,
      `UPDATE\\s+(?:ONLY\\s+)?${NAME}(?:\\s+(?:AS\\s+)?${IDENT})?\\s+SET\\s+(?:${NAME}\\s*=|\\(|${SQL_HOLE})`,
      `DELETE\\s+FROM\\s+${NAME}`,
      `WITH\\s+(?:RECURSIVE\\s+)?${IDENT}\\s*(?:\\([^)]*\\)\\s*)?AS\\s*(?:(?:NOT\\s+)?MATERIALIZED\\s*)?\\(`,
      `(?:CREATE|ALTER|DROP)\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|UNIQUE|MATERIALIZED|UNLOGGED)\\s+)*(?:${OBJECT_KINDS})\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?${NAME}`,
      `TRUNCATE\\s+(?:TABLE\\s+)?${NAME}`,
      `(?:GRANT|REVOKE)\\s+(?:${PRIVILEGES})\\b`,
      `SET\\s+(?:(?:SESSION|LOCAL|GLOBAL)\\s+)?${NAME}\\s*(?:=|TO\\s)`,
      `SET\\s+(?:ROLE|NAMES|SEARCH_PATH)\\s`,
      `CALL\\s+${NAME}\\s*\\(`,
      `PRAGMA\\s+${NAME}`,
      `COPY\\s+${NAME}\\s*(?:\\([^)]*\\)\\s*)?(?:FROM|TO)\\s`,
    ].join('|') +
    ')',
  'i',
);

/** Comments, parentheses and EXPLAIN before the statement keyword. */
const LEADING = /^(?:\s+|\(|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|EXPLAIN(?:\s+(?:ANALYZE|VERBOSE)\b|\s*\([^)]*\))*\s+)*/i;
const FIRST_WORD = /^[A-Za-z]+/;

/**
 * Whether a string starts like a SQL statement. Holes (values whose text is
 * unknown) are written as `SQL_HOLE`. The leading keyword must be all capitals
 * or all lower case: `Select a file from your computer` is a sentence.
 */
export function looksLikeSql(text: string): boolean {
  const body = text.replace(LEADING, '');
  const keyword = FIRST_WORD.exec(body)?.[0];
  if (!keyword || (keyword !== keyword.toUpperCase() && keyword !== keyword.toLowerCase())) return false;
  return STATEMENT.test(body);
}

export interface SqlTextPart {
  kind: 'text';
  /** The constant text, as the program sees it (escapes decoded). */
  value: string;
}

/** What a rule can tell of a value put into SQL. */
export interface SqlValue {
  /** The value cannot carry SQL: a constant, a number, an escaped or placeholder-only string. */
  safe: boolean;
  /** The value's text when it is a known constant. */
  value?: string;
  /** A name taken from the program's own configuration (`this.table`): trusted where an identifier goes. */
  trustedName?: boolean;
}

/** A value that may carry SQL and whose text is unknown. */
export const UNSAFE: Readonly<SqlValue> = { safe: false };

export interface SqlHolePart extends SqlValue {
  kind: 'hole';
}

export type SqlPart = SqlTextPart | SqlHolePart;

/**
 * Where a hole sits in the SQL:
 * - `value`: where a bound parameter can go (`= ${x}`, `LIMIT ${n}`);
 * - `list`: a whole `IN (...)` list, which one parameter cannot replace;
 * - `quoted`: alone inside a string literal (`'${x}'`), a parameter once the quotes go;
 * - `partial`: part of a string literal (`'%${x}%'`);
 * - `identifier`: a table, column or keyword (`FROM ${t}`, `ORDER BY ${c}`), which no parameter can replace;
 * - `placeholder`: completes a placeholder (`$${i}`, `:p${i}`), so it is safe.
 */
export type HolePosition = 'value' | 'list' | 'quoted' | 'partial' | 'identifier' | 'placeholder';

const PLACEHOLDER_BEFORE = /(?:\$|(?<!:):\w*|@\w*)$/;
const VALUE_BEFORE_QUOTE = /(?:[=<>(,]|\b(?:LIKE|ILIKE|IN|VALUES|THEN|ELSE|IS))\s*$/i;
const IDENTIFIER_AFTER = /^\s*(?:\.|=|<|>|!=|\b(?:LIKE|ILIKE|IN|IS|BETWEEN|NOT|ASC|DESC|AS)\b)/i;
const CLAUSE_KEYWORD =
  /\b(SELECT|DISTINCT|RETURNING|FROM|JOIN|INTO|UPDATE|TABLE|BY|WHERE|AND|OR|ON|SET|VALUES|LIMIT|OFFSET|HAVING|WHEN|THEN|ELSE|IN|LIKE|ILIKE|IS|NOT|BETWEEN|CASE|USING)\b/gi;
const NAME_CLAUSES = new Set(['FROM', 'JOIN', 'INTO', 'UPDATE', 'TABLE', 'BY']);
const LIST_CLAUSES = new Set(['SELECT', 'DISTINCT', 'RETURNING']);

function lastClauseKeyword(text: string): string | undefined {
  let last: string | undefined;
  CLAUSE_KEYWORD.lastIndex = 0;
  for (let match = CLAUSE_KEYWORD.exec(text); match; match = CLAUSE_KEYWORD.exec(text)) last = match[1];
  return last?.toUpperCase();
}

function unquotedPosition(before: string, after: string): HolePosition {
  if (PLACEHOLDER_BEFORE.test(before)) return 'placeholder';
  const trimmed = before.trimEnd();
  if (/(?:\.|::)$/.test(trimmed) || trimmed.endsWith(SQL_HOLE) || IDENTIFIER_AFTER.test(after)) return 'identifier';
  if (/\bIN\s*\($/i.test(trimmed)) return 'list';
  const clause = lastClauseKeyword(trimmed);
  if (clause && NAME_CLAUSES.has(clause)) return 'identifier';
  if (clause && LIST_CLAUSES.has(clause) && (/,$/.test(trimmed) || trimmed.toUpperCase().endsWith(clause))) {
    return 'identifier';
  }
  return 'value';
}

type QuoteState = '' | "'" | '"' | '`' | '--' | '/*';

/** The position of every hole, in order, with the quoting state tracked across the parts. */
export function holePositions(parts: readonly SqlPart[]): HolePosition[] {
  const positions: HolePosition[] = [];
  let text = '';
  let state: QuoteState = '';
  let openedAt = -1;
  const scan = (chunk: string) => {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      const offset = text.length + i;
      if (state === '') {
        if (ch === "'" || ch === '"' || ch === '`') {
          state = ch;
          openedAt = offset;
        } else if (ch === '-' && chunk[i + 1] === '-') state = '--';
        else if (ch === '/' && chunk[i + 1] === '*') state = '/*';
      } else if (state === '--') {
        if (ch === '\n') state = '';
      } else if (state === '/*') {
        if (ch === '/' && chunk[i - 1] === '*') state = '';
      } else if (ch === state) {
        state = '';
      }
    }
    text += chunk;
  };
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.kind === 'text') {
      scan(part.value);
      continue;
    }
    let after = '';
    for (let next = index + 1; next < parts.length && parts[next]!.kind === 'text'; next++) after += parts[next]!.value;
    if (state === '') {
      positions.push(unquotedPosition(text, after));
    } else if (state === '--' || state === '/*') {
      positions.push('partial');
    } else {
      const exact = openedAt === text.length - 1 && after.startsWith(state);
      if (state === '`') positions.push('identifier');
      else if (state === "'") positions.push(exact ? 'quoted' : 'partial');
      else if (VALUE_BEFORE_QUOTE.test(text.slice(0, openedAt))) positions.push(exact ? 'quoted' : 'partial');
      else positions.push('identifier');
    }
    scan(part.value ?? SQL_HOLE);
  }
  return positions;
}

/** Each hole of a string with its index among the parts and its position (from `holePositions`). */
export function* holesOf<P extends SqlPart>(
  parts: readonly P[],
  positions: readonly HolePosition[],
): Generator<{ hole: Extract<P, SqlHolePart>; index: number; position: HolePosition }> {
  let hole = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.kind === 'hole') yield { hole: part as Extract<P, SqlHolePart>, index, position: positions[hole++]! };
  }
}

export interface SqlAnalysis {
  /** Per hole (in order of the holes), its position. */
  positions: HolePosition[];
  /** Indexes (into the parts) of the holes that may carry SQL. */
  unsafe: number[];
  /** Every unsafe hole is a table, column or keyword: parameters cannot fix it. */
  identifiersOnly: boolean;
}

/** The text handed to `looksLikeSql`: constants as they are, unknown values as `SQL_HOLE`. */
export function sqlText(parts: readonly SqlPart[]): string {
  let text = '';
  for (const part of parts) text += part.kind === 'text' ? part.value : (part.value ?? SQL_HOLE);
  return text;
}

function isUnsafe(part: SqlHolePart, position: HolePosition): boolean {
  if (part.safe || position === 'placeholder') return false;
  return !(part.trustedName && position === 'identifier');
}

/** The unsafe holes of a string; `requireStatement` also asks that it look like a SQL statement. */
export function analyzeSql(parts: readonly SqlPart[], requireStatement: boolean): SqlAnalysis | undefined {
  if (!parts.some((part) => part.kind === 'hole' && !part.safe)) return undefined;
  if (requireStatement && !looksLikeSql(sqlText(parts))) return undefined;
  const positions = holePositions(parts);
  const unsafe: number[] = [];
  let identifiersOnly = true;
  for (const { hole, index, position } of holesOf(parts, positions)) {
    if (!isUnsafe(hole, position)) continue;
    unsafe.push(index);
    if (position !== 'identifier') identifiersOnly = false;
  }
  return unsafe.length > 0 ? { positions, unsafe, identifiersOnly } : undefined;
}

/** Whether a string fragment carries only safe values (`$${i}`, escaped names, constants). */
export function isSafeFragment(parts: readonly SqlPart[]): boolean {
  return analyzeSql(parts, false) === undefined;
}

/** A string fragment as a value: safe when it carries only safe values, with its text when every part is known. */
export function fragmentValue(parts: readonly SqlPart[]): SqlValue {
  if (!isSafeFragment(parts)) return UNSAFE;
  const values = parts.map((part) => part.value);
  return values.every((value) => value !== undefined) ? { safe: true, value: values.join('') } : { safe: true };
}

/**
 * A variable as a value, from the values it may hold at a use (`foldWrites`):
 * its text when it has one known value, safe when every value is. A
 * `constantName` (UPPER_CASE) is one of the program's constants, a table name
 * from configuration for one, so it is safe whatever it holds.
 */
export function variableValue(versions: readonly (readonly SqlPart[] | undefined)[] | undefined, constantName: boolean): SqlValue {
  const known = versions?.length === 1 && versions[0] ? fragmentValue(versions[0]) : undefined;
  if (constantName) return { safe: true, value: known?.value };
  if (known) return known;
  const allSafe = !!versions && versions.length > 0 && versions.every((version) => version && isSafeFragment(version));
  return allSafe ? { safe: true } : UNSAFE;
}

/**
 * The first of a string's possible values that has text and an unsafe hole
 * (and, with `requireStatement`, looks like a SQL statement): the one to report.
 */
export function firstUnsafeVersion<P extends SqlPart>(
  versions: readonly (P[] | undefined)[],
  requireStatement: boolean,
): { parts: P[]; analysis: SqlAnalysis } | undefined {
  for (const parts of versions) {
    if (!parts || !parts.some((part) => part.kind === 'text' && part.value.trim() !== '')) continue;
    const analysis = analyzeSql(parts, requireStatement);
    if (analysis) return { parts, analysis };
  }
  return undefined;
}

/**
 * One write to a variable that holds a string: `=` (and the declaration)
 * replaces it, `+=` appends. `dominating` says it always runs before the use
 * (a statement of a block that contains the use), so earlier values are dead.
 */
export interface StringWrite<P> {
  op: 'assign' | 'append' | 'unknown';
  dominating: boolean;
  /** The written expression reads the variable itself (`q = q + x`). */
  readsSelf: boolean;
  /** The written parts; `self` is the variable's value before, when the written expression reads it. */
  parts(self: P[] | undefined): P[] | undefined;
}

const MAX_VERSIONS = 8;

/**
 * The values a variable may hold at a use, from its writes before the use in
 * source order; `undefined` in the list stands for a value that is not a
 * string built from parts (a parameter, a call result, destructuring).
 */
export function foldWrites<P>(writes: readonly StringWrite<P>[]): (P[] | undefined)[] {
  let versions: (P[] | undefined)[] = [];
  for (const write of writes) {
    if (write.op === 'append') {
      versions = versions.map((version) => {
        const appended = version && write.parts(version);
        return version && appended ? [...version, ...appended] : undefined;
      });
      continue;
    }
    const written =
      write.op === 'unknown'
        ? [undefined]
        : write.readsSelf
          ? versions.length > 0
            ? versions.map((version) => version && write.parts(version))
            : [write.parts(undefined)]
          : [write.parts(undefined)];
    versions = write.dominating ? written : [...versions, ...written];
    if (versions.length > MAX_VERSIONS) versions = versions.slice(-MAX_VERSIONS);
  }
  return versions;
}

/**
 * Whether a statement can take bound parameters. PostgreSQL binds none in
 * utility statements (`SET`, `CREATE`, `GRANT`...), so a rewrite to
 * placeholders would fail there; a fragment (no statement keyword) is part of
 * a query that can.
 */
export function acceptsParameters(text: string): boolean {
  const keyword = FIRST_WORD.exec(text.replace(LEADING, ''))?.[0]?.toUpperCase();
  if (!keyword || !looksLikeSql(text)) return true;
  return PARAMETRIZED_STATEMENTS.has(keyword);
}

const PARAMETRIZED_STATEMENTS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'REPLACE', 'MERGE', 'CALL']);
