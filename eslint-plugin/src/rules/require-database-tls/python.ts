import type { TSESLint } from '@typescript-eslint/utils';
import type { DatabaseEngine, DatabaseTlsFinding, Range } from '../../detectors/transport-security.js';
import { findDatabaseTlsIssues, hostKind, isLocalUrl, tlsParameter } from '../../detectors/transport-security.js';
import { callArguments, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { descendants, importedName, importedNames } from '../../languages/python/python-scope.js';
import { treeSourceCode } from '../../util/languages.js';
import type { DatabaseTlsRule } from '../require-database-tls.js';
import { scanString } from './python-strings.js';

const PREFILTER = /postgres|pgsql|postgis|mysql|mariadb|host\s*=|ssl/i;
/** Keyword arguments that set TLS next to a connection string (psycopg, asyncpg, dj-database-url, SQLAlchemy). */
const TLS_KEYWORDS = new Set(['sslmode', 'ssl', 'ssl_require', 'ssl_context', 'sslrootcert', 'ssl_mode', 'ssl_ca']);
/** Modules whose `connect`/`create_pool` open PostgreSQL or MySQL connections. */
const DRIVER_MODULE = /^(?:psycopg2?|psycopg_pool|asyncpg|aiopg|pg8000|pymysql|MySQLdb|mysql\.connector|aiomysql|asyncmy|mariadb|sqlalchemy)(?:\.|$)/;
const ENGINE_FACTORIES = new Set(['create_engine', 'create_async_engine']);

function engineOf(djangoEngine: string): DatabaseEngine | undefined {
  if (/postgres|postgis/.test(djangoEngine)) return 'PostgreSQL';
  return /mysql/.test(djangoEngine) ? 'MySQL' : undefined;
}

export function pythonVisitors({ context, options, reportFinding, reportOption }: DatabaseTlsRule): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  if (!PREFILTER.test(text)) return {};
  let imports: Map<string, string> | undefined;
  let namesWithTls: Set<string> | undefined;

  function qualifiedCallee(call: PythonNode): string {
    imports ??= importedNames(sourceCode.ast, text);
    const callee = field(call, 'function');
    return importedName(callee, text, imports) ?? dottedName(callee, text) ?? '';
  }

  /** A dict literal's entries by string key. */
  function dictEntries(node: PythonNode | undefined): Map<string, PythonNode> {
    const entries = new Map<string, PythonNode>();
    if (node?.type !== 'dictionary') return entries;
    for (const pair of node.children) {
      const key = pair.type === 'pair' ? stringValue(field(pair, 'key'), text) : undefined;
      const value = pair.type === 'pair' ? field(pair, 'value') : undefined;
      if (key !== undefined && value) entries.set(key, value);
    }
    return entries;
  }

  function callSetsTls(call: PythonNode): boolean {
    const { keywords } = callArguments(call, text);
    if ([...keywords.keys()].some((name) => TLS_KEYWORDS.has(name))) return true;
    const connectArgs = keywords.get('connect_args');
    return connectArgs !== undefined && (connectArgs.type !== 'dictionary' || [...dictEntries(connectArgs).keys()].some((key) => TLS_KEYWORDS.has(key)));
  }

  /** The call a node is an argument of (also inside a dict or list argument). */
  function enclosingCall(node: PythonNode): PythonNode | undefined {
    let current = parent(node);
    while (current && ['keyword_argument', 'argument_list', 'pair', 'dictionary', 'list', 'tuple', 'parenthesized_expression', 'binary_operator'].includes(current.type)) {
      if (current.type === 'argument_list') return parent(current);
      current = parent(current);
    }
    return undefined;
  }

  /** Whether TLS is set in the call the string is passed to, or in a call its module-level name is passed to. */
  function tlsSetNearby(node: PythonNode): boolean {
    const call = enclosingCall(node);
    if (call) return callSetsTls(call);
    const assignment = parent(node);
    const left = assignment?.type === 'assignment' && field(assignment, 'right') === node ? field(assignment, 'left') : undefined;
    if (left?.type !== 'identifier') return false;
    if (!namesWithTls) {
      const names = new Set<string>();
      descendants(sourceCode.ast, (candidate) => {
        if (candidate.type !== 'call' || !callSetsTls(candidate)) return;
        const { positional, keywords } = callArguments(candidate, text);
        for (const argument of [...positional, ...keywords.values()]) if (argument.type === 'identifier') names.add(nodeText(argument, text));
      }, true);
      namesWithTls = names;
    }
    return namesWithTls.has(nodeText(left, text));
  }

  function checkString(node: PythonNode): void {
    const scanned = scanString(node, text);
    if (!scanned) return;
    const { offset } = scanned;
    let findings: DatabaseTlsFinding[] = findDatabaseTlsIssues(scanned.text, options, { openEnd: scanned.openEnd });
    const container = parent(node);
    if (findings.some((finding) => finding.kind === 'missing') && tlsSetNearby(container?.type === 'concatenated_string' ? container : node)) {
      findings = findings.filter((finding) => finding.kind !== 'missing');
    }
    const shift = (range: Range): Range => [range[0] + offset, range[1] + offset];
    for (const finding of findings) {
      reportFinding({ ...finding, range: shift(finding.range), edit: finding.edit && { ...finding.edit, range: shift(finding.edit.range) } });
    }
  }

  /** Whether a host literal or URL literal among the call's arguments is local or private. */
  function targetsLocalHost(positional: PythonNode[], keywords: Map<string, PythonNode>): boolean {
    const host = stringValue(keywords.get('host'), text);
    if (host !== undefined) return ['local', 'private'].includes(hostKind(host, options));
    const url = stringValue(positional[0] ?? keywords.get('dsn') ?? keywords.get('url'), text);
    return url !== undefined && isLocalUrl(url, options);
  }

  /** The string's content range, to replace the value (`"disable"` → `"require"`). */
  function contentRange(node: PythonNode): Range {
    const start = node.children.find((child) => child.type === 'string_start');
    const end = node.children.find((child) => child.type === 'string_end');
    return start && end ? [start.range[1], end.range[0]] : node.range;
  }

  /** Reports a TLS setting passed as a keyword or a dict entry (`sslmode="disable"`, `"ssl": False`), if it turns TLS off. */
  function checkSetting(engine: DatabaseEngine, name: string, value: PythonNode, reportNode: PythonNode): void {
    const option = nodeText(reportNode, text);
    if (value.type === 'true' || value.type === 'false') {
      const state = tlsParameter(engine, name, value.type);
      if (state?.state !== 'off') return;
      const replacement = name === 'ssl' && engine === 'PostgreSQL' ? '"require"' : value.type === 'true' ? 'False' : 'True';
      const edit = name === 'ssl' && engine === 'MySQL' ? null : { range: value.range, text: replacement, replacement: `${name}=${replacement}` };
      reportOption(reportNode.range, option, edit);
      return;
    }
    const literal = stringValue(value, text);
    const state = literal === undefined ? undefined : tlsParameter(engine, name, literal);
    if (state?.state !== 'off') return;
    reportOption(reportNode.range, option, { range: contentRange(value), text: state.replacement, replacement: `${name}=${state.replacement}` });
  }

  function checkDriverCall(call: PythonNode): void {
    const callee = qualifiedCallee(call);
    const last = callee.split('.').pop()!;
    if (!DRIVER_MODULE.test(callee) && !ENGINE_FACTORIES.has(last)) return;
    const engine: DatabaseEngine = /mysql|maria|asyncmy/i.test(callee) ? 'MySQL' : 'PostgreSQL';
    const { positional, keywords } = callArguments(call, text);
    if (targetsLocalHost(positional, keywords)) return;
    const urlEngine = /mysql|maria/i.test(stringValue(positional[0], text) ?? '') ? 'MySQL' : engine;
    for (const [name, value] of keywords) {
      if (name === 'connect_args') {
        for (const [key, entry] of dictEntries(value)) checkSetting(urlEngine, key, entry, parent(entry)!);
      } else if (TLS_KEYWORDS.has(name) || name === 'ssl_disabled') {
        checkSetting(urlEngine, name, value, parent(value)!);
      }
    }
  }

  /** Django `DATABASES`: `{"ENGINE": "django.db.backends.postgresql", "HOST": "…", "OPTIONS": {"sslmode": …}}`. */
  function checkDjangoDatabase(dict: PythonNode): void {
    const entries = dictEntries(dict);
    const engine = engineOf(stringValue(entries.get('ENGINE'), text) ?? '');
    const hostNode = entries.get('HOST');
    if (!engine || !hostNode) return;
    const host = stringValue(hostNode, text);
    const kind = host === undefined ? 'unknown' : hostKind(host, options);
    if (kind === 'local' || kind === 'private') return;
    const optionsNode = entries.get('OPTIONS');
    const settings = dictEntries(optionsNode);
    for (const [name, value] of settings) {
      const literal = value.type === 'true' || value.type === 'false' ? value.type : stringValue(value, text);
      const state = tlsParameter(engine, name, literal ?? (value.type === 'dictionary' ? '{}' : '${}'));
      if (state?.state === 'off') {
        checkSetting(engine, name, value, parent(value)!);
        return;
      }
      if (state) return;
    }
    // OPTIONS from elsewhere (`OPTIONS: get_options()`) may set sslmode.
    if (kind !== 'remote' || (optionsNode && optionsNode.type !== 'dictionary') || host === undefined) return;
    reportFinding({
      kind: 'missing',
      engine,
      host: host.toLowerCase(),
      range: hostNode.range,
      setting: '',
      required: engine === 'PostgreSQL' ? '"OPTIONS": {"sslmode": "require"}' : '"OPTIONS": {"ssl_mode": "REQUIRED"}',
      edit: null,
    });
  }

  return {
    string(node: PythonNode) {
      checkString(node);
    },
    call(node: PythonNode) {
      checkDriverCall(node);
    },
    dictionary(node: PythonNode) {
      if (node.children.some((pair) => pair.type === 'pair' && stringValue(field(pair, 'key'), text) === 'ENGINE')) checkDjangoDatabase(node);
    },
  };
}
