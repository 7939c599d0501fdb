/**
 * Finds `scheme://user:password@host:port/path?query` URLs inside arbitrary text
 * (a string literal, a Dockerfile argument) and splits them into parts with their
 * offsets in that text. Pure: no ESLint, no Node APIs. Rules that check secrets,
 * database TLS (`sslmode`) or redis TLS (`rediss://`) share it.
 */

export type Range = [number, number];

export interface UrlPart {
  /** The part as written (still percent-encoded). */
  raw: string;
  /** The part percent-decoded (the raw text when it is not valid encoding). */
  value: string;
  /** Offsets in the scanned text. */
  range: Range;
}

export interface UrlHost {
  /** The host name or address, without brackets for IPv6; lower-cased. */
  host: string;
  port: number | null;
  range: Range;
}

export interface UrlQueryParam {
  name: string;
  /** Percent-decoded value; `''` for `?flag`. */
  value: string;
  /** Offsets of the value in the scanned text (empty at the end of `name=` or `?flag`). */
  valueRange: Range;
}

export interface ConnectionUrl {
  /** The URL as written. */
  text: string;
  range: Range;
  /** Lower-cased scheme: `postgresql`, `mongodb+srv`, `rediss`, `mysql+pymysql`, ... */
  scheme: string;
  /** null when the URL has no `user@` part. */
  username: UrlPart | null;
  /** null when the user info has no `:`; an empty part for `user:@host`. */
  password: UrlPart | null;
  /** Every `host[:port]` of the authority (MongoDB lists several, comma-separated). */
  hosts: UrlHost[];
  /** The first host, `''` when there is none (`postgresql:///db` over a socket). */
  host: string;
  /** The path after the authority, with its leading `/` (`/db`), or `''`. */
  path: string;
  query: UrlQueryParam[];
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
/** Characters that end a URL inside text: whitespace, quotes, angle brackets, a backslash (an escape in source). */
const URL_END = /[\s"'`<>\\]/;
/** After the authority, closing brackets and commas also end it (prose, markdown, lists). */
const TAIL_END = /[\s"'`<>\\),]/;

function decode(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function part(text: string, start: number, end: number): UrlPart {
  const raw = text.slice(start, end);
  return { raw, value: decode(raw), range: [start, end] };
}

function scanUntil(text: string, from: number, stop: RegExp, extra: string): number {
  let i = from;
  while (i < text.length && !stop.test(text[i]!) && !extra.includes(text[i]!)) i++;
  return i;
}

function parseHosts(text: string, start: number, end: number): UrlHost[] {
  const hosts: UrlHost[] = [];
  let from = start;
  while (from <= end) {
    const comma = text.indexOf(',', from);
    const to = comma === -1 || comma > end ? end : comma;
    const entry = text.slice(from, to);
    if (entry.length > 0) {
      let host = entry;
      let port: string | undefined;
      if (entry.startsWith('[')) {
        const close = entry.indexOf(']');
        host = close === -1 ? entry.slice(1) : entry.slice(1, close);
        if (close !== -1 && entry[close + 1] === ':') port = entry.slice(close + 2);
      } else {
        const colon = entry.lastIndexOf(':');
        if (colon !== -1) {
          host = entry.slice(0, colon);
          port = entry.slice(colon + 1);
        }
      }
      hosts.push({
        host: decode(host).toLowerCase(),
        port: port && /^\d{1,5}$/.test(port) ? Number(port) : null,
        range: [from, to],
      });
    }
    from = to + 1;
  }
  return hosts;
}

function parseQuery(text: string, start: number, end: number): UrlQueryParam[] {
  const params: UrlQueryParam[] = [];
  let from = start;
  while (from < end) {
    const amp = text.indexOf('&', from);
    const to = amp === -1 || amp > end ? end : amp;
    const eq = text.indexOf('=', from);
    if (to > from) {
      if (eq !== -1 && eq < to) {
        params.push({ name: decode(text.slice(from, eq)), value: decode(text.slice(eq + 1, to)), valueRange: [eq + 1, to] });
      } else {
        params.push({ name: decode(text.slice(from, to)), value: '', valueRange: [to, to] });
      }
    }
    from = to + 1;
  }
  return params;
}

/** Parses the URL whose `://` is at `separator` in `text`, or returns null when no scheme precedes it. */
function parseAt(text: string, separator: number): ConnectionUrl | null {
  let start = separator;
  while (start > 0 && SCHEME_CHAR.test(text[start - 1]!)) start--;
  // A scheme starts with a letter: skip leading digits and punctuation (`1+redis://` is not a scheme).
  while (start < separator && !/[A-Za-z]/.test(text[start]!)) start++;
  if (start === separator) return null;
  const scheme = text.slice(start, separator).toLowerCase();

  const authorityStart = separator + 3;
  // User info may hold unencoded `?` and `#` (people write passwords as they are), never `/`:
  // the last `@` before the first `/` ends it, and the authority ends after the host.
  const slash = scanUntil(text, authorityStart, URL_END, '/');
  const at = text.lastIndexOf('@', slash - 1);
  const hasUserInfo = at >= authorityStart;
  const authorityEnd = scanUntil(text, hasUserInfo ? at + 1 : authorityStart, URL_END, '/?#');
  let username: UrlPart | null = null;
  let password: UrlPart | null = null;
  let hostStart = authorityStart;
  if (hasUserInfo) {
    const colon = text.indexOf(':', authorityStart);
    if (colon !== -1 && colon < at) {
      username = part(text, authorityStart, colon);
      password = part(text, colon + 1, at);
    } else {
      username = part(text, authorityStart, at);
    }
    hostStart = at + 1;
  }
  const hosts = parseHosts(text, hostStart, authorityEnd);

  let cursor = authorityEnd;
  let path = '';
  if (text[cursor] === '/') {
    const pathEnd = scanUntil(text, cursor, TAIL_END, '?#');
    path = text.slice(cursor, pathEnd);
    cursor = pathEnd;
  }
  let query: UrlQueryParam[] = [];
  if (text[cursor] === '?') {
    const queryEnd = scanUntil(text, cursor + 1, TAIL_END, '#');
    query = parseQuery(text, cursor + 1, queryEnd);
    cursor = queryEnd;
  }
  if (text[cursor] === '#') cursor = scanUntil(text, cursor + 1, TAIL_END, '');

  return {
    text: text.slice(start, cursor),
    range: [start, cursor],
    scheme,
    username,
    password,
    hosts,
    host: hosts[0]?.host ?? '',
    path,
    query,
  };
}

/** Every `scheme://...` URL in the text, in order. */
export function findConnectionUrls(text: string): ConnectionUrl[] {
  const urls: ConnectionUrl[] = [];
  let from = 0;
  for (;;) {
    const separator = text.indexOf('://', from);
    if (separator === -1) return urls;
    const url = parseAt(text, separator);
    if (url) {
      urls.push(url);
      from = Math.max(url.range[1], separator + 3);
    } else {
      from = separator + 3;
    }
  }
}

/** The URL when the whole text (trimmed) is one, else null. */
export function parseConnectionUrl(text: string): ConnectionUrl | null {
  const trimmed = text.trim();
  const offset = text.indexOf(trimmed);
  const [url] = findConnectionUrls(trimmed);
  if (!url || url.range[0] !== 0 || url.range[1] !== trimmed.length) return null;
  if (offset === 0) return url;
  const shift = (range: Range): Range => [range[0] + offset, range[1] + offset];
  return {
    ...url,
    range: shift(url.range),
    username: url.username && { ...url.username, range: shift(url.username.range) },
    password: url.password && { ...url.password, range: shift(url.password.range) },
    hosts: url.hosts.map((host) => ({ ...host, range: shift(host.range) })),
    query: url.query.map((param) => ({ ...param, valueRange: shift(param.valueRange) })),
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', 'host.docker.internal']);

/** Hosts that only exist on the developer's machine (`localhost`, `127.x`, `::1`, `*.localhost`). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK.has(name) || name.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
