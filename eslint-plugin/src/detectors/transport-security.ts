/**
 * Transport security of database and Redis connections, shared by
 * `require-database-tls`, `require-redis-tls` and `no-disabled-tls-verification`:
 * which hosts are local, which connection-string settings turn TLS on or off,
 * and the edits that would require TLS. Pure: text in, findings out.
 */
import type { ConnectionUrl, Range } from './connection-url.js';
import { findConnectionUrls, isLoopbackHost } from './connection-url.js';

export type { Range };

// ---------------------------------------------------------------------------
// Hosts
// ---------------------------------------------------------------------------

/**
 * - `local`: a loopback address, a unix socket, or no host at all (the driver's default socket);
 * - `private`: a service name inside a compose or Kubernetes network (`db`, `redis.default.svc`);
 * - `unknown`: a placeholder (`${DB_HOST}`, `{host}`, `<host>`) or not a host name;
 * - `remote`: anything else.
 */
export type HostKind = 'local' | 'private' | 'unknown' | 'remote';

export interface HostOptions {
  /** Whether single-label hosts and `*.svc[.cluster.local]` count as private (default true). */
  allowPrivateHosts: boolean;
}

/** Template and shell placeholders: `${X}`, `$X`, `{x}`, `<host>`, `%(host)s`. */
const PLACEHOLDER = /[${}<>]|%\(/;
const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?\.?$/;
const IP_V6 = /^[0-9a-f:.]+(?:%\w+)?$/;
const CLUSTER_SUFFIX = /\.(?:svc|svc\.cluster\.local|cluster\.local)$/;

export function hostKind(host: string, { allowPrivateHosts }: HostOptions): HostKind {
  const name = host.trim().toLowerCase();
  if (name === '' || name.startsWith('/')) return 'local';
  if (PLACEHOLDER.test(name)) return 'unknown';
  if (isLoopbackHost(name)) return 'local';
  if (name.includes(':')) return IP_V6.test(name) ? 'remote' : 'unknown';
  if (!HOST_NAME.test(name)) return 'unknown';
  const isPrivate = !name.replace(/\.$/, '').includes('.') || CLUSTER_SUFFIX.test(name);
  if (isPrivate && !/^\d+$/.test(name)) return allowPrivateHosts ? 'private' : 'remote';
  return 'remote';
}

/** The most exposed kind among several hosts (remote over unknown over private over local), with the first host of that kind. */
export function worstHost(hosts: readonly string[], options: HostOptions): { kind: HostKind; host: string } {
  const order: HostKind[] = ['local', 'private', 'unknown', 'remote'];
  let worst: { kind: HostKind; host: string } = { kind: 'local', host: '' };
  for (const host of hosts) {
    const kind = hostKind(host, options);
    if (order.indexOf(kind) > order.indexOf(worst.kind)) worst = { kind, host };
  }
  return worst;
}

/** The hosts a URL connects to: its authority, or libpq's `?host=` override. */
function urlHosts(url: ConnectionUrl): string[] {
  const override = url.query.find((param) => param.name.toLowerCase() === 'host');
  if (override) return override.value.split(',');
  return url.hosts.map((host) => host.host);
}

/** Whether `text` holds a URL to a local or private host (`https://localhost:8443/x`): verification off there is a dev setup. */
export function isLocalUrl(text: string, options: HostOptions = { allowPrivateHosts: true }): boolean {
  const [url] = findConnectionUrls(text);
  if (!url) return false;
  const { kind } = worstHost(urlHosts(url), options);
  return kind === 'local' || kind === 'private';
}

// ---------------------------------------------------------------------------
// Database connection strings
// ---------------------------------------------------------------------------

export type DatabaseEngine = 'PostgreSQL' | 'MySQL';

const ENGINES: Readonly<Record<string, DatabaseEngine>> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  pgsql: 'PostgreSQL',
  postgis: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MySQL',
};

/** The engine of a URL scheme, with SQLAlchemy's `+driver` suffix: `postgresql+asyncpg`, `mysql+pymysql`. */
export function databaseEngine(scheme: string): DatabaseEngine | undefined {
  return ENGINES[scheme.toLowerCase().split('+')[0]!];
}

export interface DatabaseTlsOptions extends HostOptions {
  /** Host names, or suffixes starting with `.`, of managed databases that refuse plaintext connections. */
  tlsEnforcedHosts: readonly string[];
}

/** Managed databases that refuse plaintext connections (documented in the rule's docs). */
export const TLS_ENFORCED_HOSTS = ['.supabase.co', '.supabase.com', '.neon.tech', '.psdb.cloud'] as const;

function isTlsEnforced(host: string, extra: readonly string[]): boolean {
  return [...TLS_ENFORCED_HOSTS, ...extra].some((entry) => {
    const suffix = entry.toLowerCase();
    return suffix.startsWith('.') ? host.endsWith(suffix) || host === suffix.slice(1) : host === suffix;
  });
}

/** What a connection-string setting does to TLS; `replacement` is the value that would require it. */
export type TlsState = { state: 'on' } | { state: 'off'; replacement: string } | { state: 'unknown' };

const ON: TlsState = { state: 'on' };
const UNKNOWN: TlsState = { state: 'unknown' };
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'disable', 'disabled', 'n']);
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'y']);
const PG_ON = new Set(['require', 'verify-ca', 'verify-full', 'no-verify']);
const PG_OFF = new Set(['disable', 'allow', 'prefer']);
const MYSQL_ON = new Set(['required', 'verify_ca', 'verify_identity', 'verify-ca', 'verify-identity']);
const MYSQL_OFF = new Set(['disabled', 'preferred']);
/** MySQL driver parameters that name a CA or client certificate: any of them turns TLS on. */
const MYSQL_CERT_PARAMS = new Set(['ssl_ca', 'ssl-ca', 'sslca', 'ssl_cert', 'ssl-cert', 'ssl_capath', 'serversslcert', 'trustcertificatekeystoreurl']);

function off(replacement: string): TlsState {
  return { state: 'off', replacement };
}

/** Keeps the case style of the value being replaced (`disabled` → `required`, `DISABLED` → `REQUIRED`). */
function sameCase(original: string, replacement: string): string {
  return original === original.toLowerCase() ? replacement.toLowerCase() : replacement.toUpperCase();
}

function booleanState(value: string, on: ReadonlySet<string>): TlsState {
  const lower = value.toLowerCase();
  if (FALSE_WORDS.has(lower) || lower === 'preferred' || lower === 'prefer' || lower === 'allow') {
    return off(lower === '0' ? '1' : 'true');
  }
  return TRUE_WORDS.has(lower) || on.has(lower) ? ON : UNKNOWN;
}

/**
 * What a connection-string parameter does to TLS, or undefined when it is not
 * about TLS. Names compare case-insensitively (`sslMode`, `useSSL`).
 */
export function tlsParameter(engine: DatabaseEngine, name: string, value: string): TlsState | undefined {
  const key = name.toLowerCase();
  if (PLACEHOLDER.test(value)) {
    return /ssl|tls|socketfactory/.test(key) ? UNKNOWN : undefined;
  }
  const lower = value.toLowerCase();
  if (engine === 'PostgreSQL') {
    switch (key) {
      case 'sslmode':
        return PG_ON.has(lower) ? ON : PG_OFF.has(lower) ? off('require') : UNKNOWN;
      case 'ssl':
        // asyncpg takes sslmode values in `ssl=`; pgjdbc and node-postgres take booleans.
        return PG_OFF.has(lower) ? off('require') : booleanState(value, PG_ON);
      case 'requiressl':
        return booleanState(value, PG_ON);
      case 'socketfactory':
        // The Cloud SQL connector encrypts the connection itself.
        return ON;
      default:
        return undefined;
    }
  }
  switch (key) {
    case 'ssl-mode':
    case 'ssl_mode':
    case 'sslmode':
      return MYSQL_ON.has(lower) ? ON : MYSQL_OFF.has(lower) ? off(sameCase(value, 'REQUIRED')) : UNKNOWN;
    case 'ssl':
    case 'usessl':
    case 'requiressl':
    case 'use_ssl':
    case 'tls': {
      const state = booleanState(value, MYSQL_ON);
      // mysql2 takes a profile name or JSON (`ssl={"rejectUnauthorized":true}`), Go's driver `tls=skip-verify`.
      return state.state === 'unknown' && value !== '' ? ON : state;
    }
    case 'ssl_disabled':
    case 'ssl-disabled':
      return TRUE_WORDS.has(lower) ? off(lower === '1' ? '0' : 'false') : UNKNOWN;
    default:
      return MYSQL_CERT_PARAMS.has(key) && value !== '' ? ON : undefined;
  }
}

/** The parameter that requires TLS for a URL scheme, as each driver spells it. */
export function requireTlsParameter(engine: DatabaseEngine, scheme: string): string | undefined {
  if (engine === 'MySQL') return undefined;
  // asyncpg (also under SQLAlchemy) rejects `sslmode` and reads `ssl`.
  return scheme.toLowerCase().endsWith('+asyncpg') ? 'ssl=require' : 'sslmode=require';
}

export interface TextEdit {
  range: Range;
  text: string;
}

export interface DatabaseTlsFinding {
  /** `missing`: nothing requires TLS; `disabled`: a setting turns it off or lets it fall back to plaintext. */
  kind: 'missing' | 'disabled';
  engine: DatabaseEngine;
  /** The remote host, for the message (never the URL, which may hold a password). */
  host: string;
  /** Where to report: the connection string for `missing`, the `name=value` setting for `disabled`. */
  range: Range;
  /** `sslmode=disable` as written, for `disabled`. */
  setting: string;
  /** The setting that would require TLS: `sslmode=require`, `ssl-mode=REQUIRED`. */
  required: string;
  /** The edit that requires TLS, when one is sound. */
  edit: TextEdit | null;
}

export interface ScanContext {
  /**
   * The text may continue past its end (`"postgres://…/db" + params`): a URL
   * that runs to the end is not reported for what it lacks.
   */
  openEnd?: boolean;
  /** TLS is already required for PostgreSQL outside the string (`PGSSLMODE=require`, `ssl: {...}` next to it). */
  tlsConfigured?: boolean;
}

interface Setting {
  name: string;
  value: string;
  /** The `name=value` range. */
  range: Range;
  valueRange: Range;
}

/** The verdict over a connection's TLS settings, given its engine and remote host. */
function judge(
  engine: DatabaseEngine,
  host: string,
  settings: readonly Setting[],
  text: string,
  missing: { range: Range; edit: TextEdit | null; required: string; open: boolean },
  scan: ScanContext,
): DatabaseTlsFinding | null {
  let on = false;
  let unknown = false;
  for (const setting of settings) {
    const state = tlsParameter(engine, setting.name, setting.value);
    if (!state) continue;
    if (state.state === 'off') {
      return {
        kind: 'disabled',
        engine,
        host,
        range: setting.range,
        setting: text.slice(setting.range[0], setting.range[1]),
        required: `${text.slice(setting.range[0], setting.valueRange[0])}${state.replacement}`,
        edit: { range: setting.valueRange, text: state.replacement },
      };
    }
    if (state.state === 'on') on = true;
    else unknown = true;
  }
  if (on || unknown || missing.open || (scan.tlsConfigured && engine === 'PostgreSQL')) return null;
  return { kind: 'missing', engine, host, range: missing.range, setting: '', required: missing.required, edit: missing.edit };
}

const TRAILING_PLACEHOLDER = /(?:\$\{[^{}]*\}|\{[^{}]*\}|\$\w+)$/;

/** `…/db${options}` may carry a query; `…/${DB_NAME}` (a whole path segment) names the database. */
function endsWithPlaceholder(urlText: string): boolean {
  const match = TRAILING_PLACEHOLDER.exec(urlText);
  return match !== null && urlText[match.index - 1] !== '/';
}

/** MySQL drivers spell it differently (`ssl_mode`, `sslMode`, `ssl=true`): the message names the MySQL client's own. */
const MYSQL_REQUIRED = "ssl-mode=REQUIRED or the driver's equivalent";

/** The TLS finding for one database URL, or null (not a database URL, a local host, TLS required, unknown). */
export function checkDatabaseUrl(url: ConnectionUrl, text: string, options: DatabaseTlsOptions, scan: ScanContext = {}): DatabaseTlsFinding | null {
  const engine = databaseEngine(url.scheme);
  if (!engine) return null;
  const { kind, host } = worstHost(urlHosts(url), options);
  if (kind !== 'remote') return null;
  const settings: Setting[] = url.query.map((param) => ({
    name: param.name,
    value: param.value,
    valueRange: param.valueRange,
    range: [Math.max(text.lastIndexOf('&', param.valueRange[0] - 1), text.lastIndexOf('?', param.valueRange[0] - 1)) + 1, param.valueRange[1]],
  }));
  const tail = text.slice(url.hosts.at(-1)?.range[1] ?? url.range[0], url.range[1]);
  const queryText = tail.includes('?') ? tail.slice(tail.indexOf('?')) : '';
  const required = requireTlsParameter(engine, url.scheme);
  const end = url.range[1];
  const open = (scan.openEnd === true && end === text.length) || PLACEHOLDER.test(queryText) || endsWithPlaceholder(url.text) || url.text.includes('#');
  if (!url.text.includes('#') && isTlsEnforced(host, options.tlsEnforcedHosts)) {
    // The server refuses plaintext: only an explicit setting that turns TLS off is worth reporting.
    return judge(engine, host, settings, text, { range: url.range, edit: null, required: '', open: true }, scan);
  }
  const separator = queryText === '' ? '?' : /[?&]$/.test(queryText) ? '' : '&';
  const edit = required ? { range: [end, end] as Range, text: `${separator}${required}` } : null;
  return judge(engine, host, settings, text, { range: url.range, edit, required: required ?? MYSQL_REQUIRED, open }, scan);
}

/** libpq's connection keywords (https://www.postgresql.org/docs/current/libpq-connect.html). */
const LIBPQ_KEYWORDS = new Set(
  'host hostaddr port dbname user password passfile sslmode requiressl sslrootcert sslcert sslkey connect_timeout application_name options target_session_attrs gssencmode service client_encoding'.split(' '),
);
const LIBPQ_PAIR = /(?<![\w.&?-])([a-z_]+)[ \t]*=[ \t]*('(?:[^'\\]|\\.)*'|[^\s'"`]*)/g;
/** Keywords only libpq uses: `host=… port=…` alone may be any protocol's (a log line, an SSH target). */
const LIBPQ_SPECIFIC = ['dbname', 'sslmode'];

/** libpq key/value connection strings (`host=db.example.com dbname=app sslmode=disable`) in the text. */
function findLibpqDsns(text: string): Setting[][] {
  const groups: Setting[][] = [];
  let group: Setting[] = [];
  let lastEnd = -1;
  const close = (): void => {
    const keys = new Set(group.map((setting) => setting.name));
    if ((keys.has('host') || keys.has('hostaddr')) && LIBPQ_SPECIFIC.some((key) => keys.has(key))) groups.push(group);
    group = [];
  };
  for (const match of text.matchAll(LIBPQ_PAIR)) {
    const name = match[1]!;
    if (!LIBPQ_KEYWORDS.has(name)) continue;
    const start = match.index;
    if (group.length > 0 && !/^[ \t]+$/.test(text.slice(lastEnd, start))) close();
    const raw = match[2]!;
    const valueStart = start + match[0].length - raw.length;
    const quoted = raw.startsWith("'") && raw.length >= 2;
    group.push({
      name,
      value: quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw,
      range: [start, start + match[0].length],
      valueRange: quoted ? [valueStart + 1, valueStart + raw.length - 1] : [valueStart, valueStart + raw.length],
    });
    lastEnd = start + match[0].length;
  }
  if (group.length > 0) close();
  return groups;
}

function checkLibpqDsn(settings: Setting[], text: string, options: DatabaseTlsOptions, scan: ScanContext): DatabaseTlsFinding | null {
  const hosts = settings.filter((setting) => setting.name === 'host' || setting.name === 'hostaddr').flatMap((setting) => setting.value.split(','));
  const { kind, host } = worstHost(hosts, options);
  if (kind !== 'remote') return null;
  const range: Range = [settings[0]!.range[0], settings.at(-1)!.range[1]];
  const open = scan.openEnd === true && range[1] === text.length;
  if (isTlsEnforced(host, options.tlsEnforcedHosts)) {
    return judge('PostgreSQL', host, settings, text, { range, edit: null, required: '', open: true }, scan);
  }
  const edit = { range: [range[1], range[1]] as Range, text: ' sslmode=require' };
  return judge('PostgreSQL', host, settings, text, { range, edit, required: 'sslmode=require', open }, scan);
}

/** Every database connection string in the text (URLs, JDBC URLs, libpq key/value strings) whose TLS is off or not required. */
export function findDatabaseTlsIssues(text: string, options: DatabaseTlsOptions, scan: ScanContext = {}): DatabaseTlsFinding[] {
  const findings: DatabaseTlsFinding[] = [];
  if (text.includes('://')) {
    for (const url of findConnectionUrls(text)) {
      const finding = checkDatabaseUrl(url, text, options, scan);
      if (finding) findings.push(finding);
    }
  }
  if (text.includes('=')) {
    for (const dsn of findLibpqDsns(text)) {
      const finding = checkLibpqDsn(dsn, text, options, scan);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** What `PGSSLMODE` (libpq's environment variable, also read by node-postgres) does to TLS. */
export function pgSslModeState(value: string): TlsState {
  return tlsParameter('PostgreSQL', 'sslmode', value) ?? UNKNOWN;
}

// ---------------------------------------------------------------------------
// Redis URLs
// ---------------------------------------------------------------------------

export interface RedisUrlFinding {
  /** `redis://` rather than `rediss://`. */
  plaintext: boolean;
  /** Neither `:password@` nor `?password=`. */
  noPassword: boolean;
  host: string;
  scheme: string;
  range: Range;
  /** The scheme as written, to rewrite `redis` → `rediss`. */
  schemeRange: Range;
}

/** The TLS and authentication finding for one `redis://` / `rediss://` URL to a remote host, or null. */
export function checkRedisUrl(url: ConnectionUrl, text: string, options: HostOptions, scan: ScanContext = {}): RedisUrlFinding | null {
  if (url.scheme !== 'redis' && url.scheme !== 'rediss') return null;
  const { kind, host } = worstHost(urlHosts(url), options);
  if (kind !== 'remote') return null;
  const queryPassword = url.query.some((param) => param.name.toLowerCase() === 'password' && param.value !== '');
  // `redis://${CREDENTIALS}@host`: the placeholder may hold `user:password`.
  const placeholderCredentials = url.username !== null && PLACEHOLDER.test(url.username.raw);
  const open = (scan.openEnd === true && url.range[1] === text.length) || endsWithPlaceholder(url.text);
  const noPassword = !open && !queryPassword && !placeholderCredentials && (url.password === null || url.password.value === '');
  const plaintext = url.scheme === 'redis';
  if (!plaintext && !noPassword) return null;
  return {
    plaintext,
    noPassword,
    host,
    scheme: url.scheme,
    range: url.range,
    schemeRange: [url.range[0], url.range[0] + url.scheme.length],
  };
}

export function findRedisUrlIssues(text: string, options: HostOptions, scan: ScanContext = {}): RedisUrlFinding[] {
  if (!text.includes('://')) return [];
  const findings: RedisUrlFinding[] = [];
  for (const url of findConnectionUrls(text)) {
    const finding = checkRedisUrl(url, text, options, scan);
    if (finding) findings.push(finding);
  }
  return findings;
}

// ---------------------------------------------------------------------------
// Certificate verification through the environment
// ---------------------------------------------------------------------------

export const NODE_TLS_ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** Node.js turns verification off for exactly the value `'0'` (`lib/_tls_wrap.js`). */
export function disablesNodeTlsVerification(value: string | number | boolean | null): boolean {
  return String(value) === '0';
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0` inside a command line or a `KEY=value` list item. */
const NODE_TLS_ASSIGNMENT = /\bNODE_TLS_REJECT_UNAUTHORIZED=(["']?)0\1(?![\w.])/g;

export function findNodeTlsAssignments(text: string): Range[] {
  if (!text.includes(NODE_TLS_ENV)) return [];
  return [...text.matchAll(NODE_TLS_ASSIGNMENT)].map((match) => [match.index, match.index + match[0].length]);
}
