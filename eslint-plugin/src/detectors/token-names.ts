/**
 * Credentials in URL queries: which query parameter names carry a token, an API key
 * or a password, which value names are not credentials (pagination cursors, CSRF
 * tokens, one-time links), and where such parameters sit in a URL being built from
 * constant text and values. Pure: every language's rule calls it.
 */
import { findCredentials, isSecretName, looksLikeSecretValue, splitWords } from './secrets.js';

/** What a parameter carries: a bearer token (header or cookie), or a key or password (header or body). */
export type CredentialKind = 'token' | 'key';

export interface CredentialParam {
  /** How a message names it: `access token`, `API key`, `JWT`, `session ID`. */
  what: string;
  kind: CredentialKind;
  /** `key=` is an API key only when its value says so (`apiKey`, a key-like literal). */
  needsKeyValue: boolean;
}

/**
 * `<word>_token` that are not credentials: pagination and sync cursors, CSRF and
 * captcha tokens, push-notification tokens, and the one-time tokens of e-mailed
 * links (reset, verification, invitation), which must be in the link to work.
 */
const NOT_CREDENTIAL = new Set([
  'page', 'pagination', 'next', 'prev', 'previous', 'continuation', 'continue', 'sync', 'cursor', 'scroll', 'resume',
  'delta', 'change', 'changes', 'watch', 'start', 'end', 'max', 'csrf', 'xsrf', 'captcha', 'recaptcha', 'hcaptcha',
  'turnstile', 'push', 'fcm', 'apns', 'device', 'notification', 'cancel', 'cancellation', 'hub', 'type',
]);
const ONE_TIME = new Set([
  'reset', 'forgot', 'recover', 'recovery', 'verify', 'verification', 'confirm', 'confirmation', 'activate',
  'activation', 'invite', 'invitation', 'magic', 'unsubscribe', 'email', 'download', 'share', 'preview', 'otp',
]);
const KEY_QUALIFIERS = new Set(['api', 'secret', 'private', 'access', 'auth', 'client', 'subscription', 'license', 'app', 'master', 'developer']);
const SECRET_QUALIFIERS = new Set(['client', 'app', 'api', 'shared', 'consumer']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase']);
const SESSION_NAMES = new Set(['session', 'sessionid', 'session id', 'phpsessid', 'jsessionid']);
const DISPLAY: Record<string, string> = { jwt: 'JWT', api: 'API', id: 'ID' };

/** The credential a query parameter name carries, or undefined (`page_token`, `state`, `token_type`). */
export function credentialParam(name: string): CredentialParam | undefined {
  const words = splitWords(name);
  // Cloud signed URLs carry their signature and session token by design.
  if (words[0] === 'aws' || words.includes('amz') || words.includes('goog')) return undefined;
  const last = words.at(-1);
  const previous = words.at(-2);
  if (!last) return undefined;
  // `X-API-Key` reads as "API key".
  const shown = words[0] === 'x' && words.length > 1 ? words.slice(1) : words;
  const readable = shown.map((word) => DISPLAY[word] ?? word).join(' ');
  if (last === 'token' || last === 'jwt') {
    if (words.some((word) => NOT_CREDENTIAL.has(word) || ONE_TIME.has(word))) return undefined;
    return { what: readable, kind: 'token', needsKeyValue: false };
  }
  if (last === 'key') {
    if (words.length === 1) return { what: 'API key', kind: 'key', needsKeyValue: true };
    return previous && KEY_QUALIFIERS.has(previous) ? { what: readable, kind: 'key', needsKeyValue: false } : undefined;
  }
  if (last === 'secret' && (words.length === 1 || SECRET_QUALIFIERS.has(previous!))) return { what: readable, kind: 'key', needsKeyValue: false };
  if (PASSWORD_WORDS.has(last) && !words.some((word) => ONE_TIME.has(word))) {
    return { what: 'password', kind: 'key', needsKeyValue: false };
  }
  if (words.length === 1 && (last === 'auth' || last === 'authorization' || last === 'bearer')) return { what: 'token', kind: 'token', needsKeyValue: false };
  if (SESSION_NAMES.has(words.join(' '))) return { what: 'session ID', kind: 'token', needsKeyValue: false };
  return undefined;
}

/** A value whose own name says it is no credential: `pageToken`, `csrfToken`, `resetToken`, `inviteCode`. */
export function isNonCredentialName(name: string): boolean {
  return splitWords(name).some((word) => NOT_CREDENTIAL.has(word) || ONE_TIME.has(word));
}

/** Whether a value held under `name` can fill a bare `key=` as an API key: `apiKey`, `process.env.MAPS_API_KEY`. */
export function isApiKeyName(name: string): boolean {
  return isSecretName(name);
}

/** Whether a constant in a URL is a real credential rather than a placeholder or a flag (`?token=abc`, `?auth=1`). */
export function isCredentialLiteral(value: string): boolean {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Keep the raw text.
  }
  return findCredentials(decoded).length > 0 || looksLikeSecretValue(decoded, 16);
}

// ---------------------------------------------------------------------------
// Query parameters in a URL being built

/** A piece of a URL being built: constant text (as written in the source) or a computed value. */
export type UrlPart<N> = { text: string; start: number } | { node: N; start: number; end: number };

export interface QueryCredential<N> {
  name: string;
  param: CredentialParam;
  /** Source offsets from the parameter name to the end of its value. */
  range: [number, number];
  /** The computed value, or the constant text of the value. */
  value: { node: N } | { text: string };
  websocket: boolean;
}

const HOLE = '\u0000';
/** What a URL starts with: a scheme, a path, a computed base, or a relative path (`userinfo?access_token=`). */
const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/|\u0000|[\w.-]+(?:\/|$))/i;
const STOP = /[\s"'<>`()#]/;
/** Paths of one-time links, whose token is what the link is for. */
const ONE_TIME_PATH = /reset|forgot|recover|verif|confirm|activat|invit|magic|unsubscribe|password|download|share/i;
/** Services whose browser-side keys are public by design and must be in the URL (map tiles, embeds, scripts). */
export const PUBLIC_KEY_HOSTS: readonly string[] = ['maps.googleapis.com', 'maps.google.com', 'www.google.com/maps', 'api.mapbox.com', 'api.maptiler.com'];
/**
 * URLs whose API key is a browser key: map and tile hosts, and scripts a page loads
 * with `<script src>` (which cannot send headers), such as `…/maps/api/js?key=`.
 */
const BROWSER_KEY_URL = /^(?:maps|tiles?)\.|(?:\/js|\.js)$/i;

export interface QueryScanOptions {
  /** Parameter names (lower case) never reported. */
  ignoreParams?: ReadonlySet<string>;
  /** URL prefixes (host, optionally with a path) whose keys may be in the URL. */
  allowedHosts?: readonly string[];
}

function hostAndPath(prefix: string): string {
  return prefix.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').toLowerCase();
}

/**
 * The credential parameters in the query of a URL made of `parts`: `…?access_token=${t}`,
 * `base + "&api_key=" + key`. Text must look like a URL up to its `?` (a scheme, a
 * path, or a computed base); parameters after `#` (a fragment, never sent) are skipped.
 */
export function findQueryCredentials<N>(parts: readonly UrlPart<N>[], options: QueryScanOptions = {}): QueryCredential<N>[] {
  if (!parts.some((part) => 'text' in part && part.text.includes('=') && (part.text.includes('?') || part.text.includes('&')))) return [];
  let skeleton = '';
  // Where each part starts in the skeleton (a computed value is one character there).
  const starts: number[] = [];
  for (const part of parts) {
    starts.push(skeleton.length);
    skeleton += 'text' in part ? part.text : HOLE;
  }
  const partIndex = (at: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const offsetOf = (at: number): number => {
    const index = partIndex(at);
    const part = parts[index]!;
    return 'text' in part ? part.start + (at - starts[index]!) : part.start;
  };
  const endOf = (at: number): number => {
    const part = parts[partIndex(at)]!;
    return 'text' in part ? offsetOf(at) + 1 : part.end;
  };

  const found: QueryCredential<N>[] = [];
  for (let at = 0; at < skeleton.length; at++) {
    const ch = skeleton[at];
    // A query starts at `?`, or at `&` right after a computed URL (`${url}&token=`).
    if (ch !== '?' && !(ch === '&' && (at === 0 || skeleton[at - 1] === HOLE))) continue;
    let start = at;
    while (start > 0 && !STOP.test(skeleton[start - 1]!)) start--;
    const prefix = skeleton.slice(start, at);
    if (prefix !== '' && !URL_START.test(prefix)) continue;
    if (prefix.includes('?')) continue;
    const where = hostAndPath(prefix);
    if ([...PUBLIC_KEY_HOSTS, ...(options.allowedHosts ?? [])].some((host) => where.startsWith(host.toLowerCase()))) continue;
    const browserKeys = BROWSER_KEY_URL.test(where);
    if (ONE_TIME_PATH.test(prefix.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''))) continue;
    const websocket = /^wss?:\/\//i.test(prefix);
    let end = at + 1;
    while (end < skeleton.length && !STOP.test(skeleton[end]!)) end++;
    const query = skeleton.slice(at + 1, end);
    let cursor = at + 1;
    for (const pair of query.split('&')) {
      const equals = pair.indexOf('=');
      const name = equals > 0 ? pair.slice(0, equals) : '';
      const param = name && !name.includes(HOLE) && !options.ignoreParams?.has(name.toLowerCase()) ? credentialParam(name) : undefined;
      const rawValue = pair.slice(equals + 1);
      if (param && rawValue !== '' && !(browserKeys && param.kind === 'key')) {
        const hole = rawValue.indexOf(HOLE);
        const valueEnd = cursor + pair.length - 1;
        const holePart = hole >= 0 ? parts[partIndex(cursor + equals + 1 + hole)] : undefined;
        found.push({
          name,
          param,
          range: [offsetOf(cursor), endOf(valueEnd)],
          value: holePart && 'node' in holePart ? { node: holePart.node } : { text: rawValue },
          websocket,
        });
      }
      cursor += pair.length + 1;
    }
    at = end - 1;
  }
  return found;
}
