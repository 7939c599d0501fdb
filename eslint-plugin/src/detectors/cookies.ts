/**
 * Pure cookie logic shared by require-secure-cookies's languages: which cookie
 * names hold a credential, and what a `name=value; Attr` string sets.
 */

export type CookieFlag = 'httpOnly' | 'secure';

/** Files that can set a cookie: a cheap check before any tree walk. */
export const MAY_SET_COOKIES = /cookie|session/i;

/** Words that make a cookie name an auth cookie: `access_token`, `connect.sid`, `remember_me`. */
const AUTH_WORDS = new Set([
  'token', 'tokens', 'jwt', 'session', 'sessionid', 'sessid', 'sess', 'sid', 'auth', 'authorization', 'authentication',
  'access', 'refresh', 'remember', 'rememberme', 'credential', 'credentials', 'bearer', 'apikey', 'sso',
]);
/** Single words that end like an auth cookie: `PHPSESSID`, `JSESSIONID`, `authtoken`, `accesstoken`. */
const AUTH_SUFFIX = /(?:sess(?:ion)?id|token|jwt)$/;
/** `<word>_key` is a credential for these words: `api_key`, `session_key`. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'auth', 'session', 'secret']);
/**
 * Words that say a cookie is not a credential even with an auth word in it:
 * CSRF cookies must be readable by the page's script by design; consent,
 * analytics and preferences are not secrets.
 */
const NOT_AUTH = new Set([
  'csrf', 'xsrf', 'csrftoken', 'xsrftoken', 'consent', 'analytics', 'tracking', 'ga', 'gid', 'theme', 'locale', 'lang',
  'language', 'preference', 'preferences', 'pref', 'prefs', 'cart', 'captcha', 'recaptcha', 'push', 'fcm', 'cursor',
  'page', 'pagination', 'flash',
]);
/** Last words of cookies about a credential rather than holding one: `session_expires`, `token_type`. */
const NOT_SECRET_TAILS = new Set([
  'expires', 'expiry', 'exp', 'expiration', 'expire', 'expired', 'at', 'time', 'timestamp', 'ts', 'count', 'type', 'hint',
  'present', 'exists', 'flag', 'status', 'ttl', 'age', 'length', 'version', 'start', 'started', 'last', 'seen', 'timeout',
  'duration', 'redirect', 'url', 'return', 'level', 'attempts', 'used', 'remaining', 'limit', 'interval', 'email', 'username',
]);
/** First words of flags and timestamps: `is_logged_in`, `has_session`, `logged_in`, `last_access`, `auto_refresh`. */
const FLAG_PREFIXES = new Set(['is', 'has', 'was', 'logged', 'show', 'hide', 'use', 'should', 'can', 'last', 'auto']);

/** `accessToken` → [access, token]; `XSRF-TOKEN` → [xsrf, token]; `__Host-sid` → [host, sid]. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Whether a cookie name (or a constant's name, with `Cookie`/`Name` words dropped) holds a credential. */
export function isAuthCookieName(name: string): boolean {
  const words = wordsOf(name.replace(/^__(?:Host|Secure)-/, ''));
  if (words.length === 0 || words.some((word) => NOT_AUTH.has(word) || /^(?:csrf|xsrf)/.test(word))) return false;
  if (FLAG_PREFIXES.has(words[0]!) || NOT_SECRET_TAILS.has(words[words.length - 1]!)) return false;
  return words.some(
    (word, index) =>
      AUTH_WORDS.has(word) || AUTH_SUFFIX.test(word) || (word === 'key' && index > 0 && KEY_QUALIFIERS.has(words[index - 1]!)),
  );
}

/**
 * A constant's name as a cookie name: `TOKEN_COOKIE_NAME` → `TOKEN`,
 * `cookieName` → `` (says nothing).
 */
export function cookieNameFromIdentifier(identifier: string): string {
  const words = wordsOf(identifier);
  while (words.length > 0 && /^(?:cookie|cookies|name|key|id)$/.test(words[words.length - 1]!)) {
    // `session_id` names the session itself: keep `id` after `session`.
    if (words[words.length - 1] === 'id' && words[words.length - 2] === 'session') break;
    words.pop();
  }
  return words.join('_');
}

/** A marker for the parts of a cookie string the rule cannot see. */
export const HOLE = '\u0000';

export interface CookieString {
  /** The cookie's name, with unknown parts as `*`; undefined when the name is unknown. */
  name: string | undefined;
  /** Attributes set (lower case): `httponly`, `secure`, `path`, ... */
  attributes: Set<string>;
  /** An attribute is computed, so any flag may be set. */
  unknownAttributes: boolean;
  /** The string deletes the cookie (empty value, `Max-Age=0`, an expiry in the past). */
  deletes: boolean;
}

/** Reads `name=value; Path=/; HttpOnly` (`HOLE` marks computed parts). */
export function parseCookieString(text: string): CookieString {
  const [pair = '', ...attributeParts] = text.split(';');
  const equals = pair.indexOf('=');
  const rawName = equals === -1 ? '' : pair.slice(0, equals).trim();
  const value = equals === -1 ? pair : pair.slice(equals + 1);
  const name = rawName === '' || rawName.replaceAll(HOLE, '') === '' ? undefined : rawName.replaceAll(HOLE, '*');
  const attributes = new Set<string>();
  let unknownAttributes = false;
  let deletes = value.trim() === '';
  for (const part of attributeParts) {
    const attribute = part.trim();
    if (attribute === '') continue;
    if (attribute.startsWith(HOLE)) {
      unknownAttributes = true;
      continue;
    }
    const [key = '', attributeValue = ''] = attribute.split('=');
    const lower = key.trim().toLowerCase();
    attributes.add(lower);
    if (lower === 'max-age' && /^\s*(?:0|-\d+)\s*$/.test(attributeValue)) deletes = true;
    if (lower === 'expires' && /\b19[789]\d\b/.test(attributeValue)) deletes = true;
  }
  if (equals === -1 && pair.includes(HOLE)) unknownAttributes = true;
  return { name, attributes, unknownAttributes, deletes };
}

/** Flags a cookie string leaves off. */
export function missingFlags(cookie: CookieString): CookieFlag[] {
  if (cookie.unknownAttributes) return [];
  const missing: CookieFlag[] = [];
  if (!cookie.attributes.has('httponly')) missing.push('httpOnly');
  if (!cookie.attributes.has('secure')) missing.push('secure');
  return missing;
}

export interface CookieSetting {
  flag: CookieFlag;
  /** Which cookie the setting is about, for messages. */
  cookie: string;
}

/** Framework settings that turn a flag off when set to False (Django, Flask, Flask-Login, Flask-JWT-Extended). */
export const COOKIE_SETTINGS: ReadonlyMap<string, CookieSetting> = new Map([
  ['SESSION_COOKIE_SECURE', { flag: 'secure', cookie: 'session' }],
  ['SESSION_COOKIE_HTTPONLY', { flag: 'httpOnly', cookie: 'session' }],
  ['CSRF_COOKIE_SECURE', { flag: 'secure', cookie: 'CSRF' }],
  ['REMEMBER_COOKIE_SECURE', { flag: 'secure', cookie: 'remember-me' }],
  ['REMEMBER_COOKIE_HTTPONLY', { flag: 'httpOnly', cookie: 'remember-me' }],
  ['JWT_COOKIE_SECURE', { flag: 'secure', cookie: 'JWT' }],
]);

/**
 * Settings files and config classes meant for development or tests, where
 * turning Secure off for plain-HTTP localhost is expected.
 */
export function isDevelopmentSettings(filename: string, className: string | undefined): boolean {
  const file = filename.replaceAll('\\', '/').split('/').slice(-2).join('/');
  if (/(?:^|[/_.-])(?:dev|develop|development|local|test|tests|testing)(?:[/_.-]|$)/i.test(file.replace(/\.py$/, ''))) return true;
  return className !== undefined && /^(?:Dev|Develop|Development|Local|Test|Testing)/.test(className);
}

/** `httpOnly and secure`, joined for messages in a language's spelling. */
export function joinFlags(flags: string[]): string {
  return flags.join(' and ');
}
