/**
 * Pure CORS logic shared by no-permissive-cors's languages: which origin
 * patterns accept every origin, which are missing an anchor, and which
 * response headers carry the CORS decision.
 */

/**
 * How a library matches an origin against a pattern: JS `RegExp#test`
 * (`search`: anywhere), Python `re.match` (`match`: from the start; Flask-CORS,
 * django-cors-headers) or `re.fullmatch` (`fullmatch`: Starlette/FastAPI).
 */
export type RegexMatch = 'search' | 'match' | 'fullmatch';

export type OriginPatternVerdict =
  /** The pattern accepts every origin (`.*`, `https?://.*`). */
  | { kind: 'any' }
  /** The pattern accepts look-alike origins because an anchor is missing. */
  | { kind: 'unanchored'; missing: 'start' | 'end'; example: string };

/** `https?://`, `http(s)?://`, `(https?:\/\/)?` and the like, at the start of a pattern. */
const SCHEME = /^(?:\((?:\?:)?)?(?:https?\??|http\(s\)\?|http\[s\]\?|wss?\??)(?::|\\:)(?:\\?\/){2}(?:\)\??)?/;
/** A trailing optional port: `(:\d+)?`, `(?::[0-9]+)?`. */
const OPTIONAL_PORT = /\((?:\?:)?(?::|\\:)(?:\\d|\[0-9\])(?:[+*]|\{\d*,?\d*\})\)\?$/;
/** A trailing mandatory port (`:\d+`, `:8080`): an origin can only go on with more digits. */
const MANDATORY_PORT = /(?::|\\:)(?:\\d|\[0-9\]|\d)(?:[+*]|\{\d*,?\d*\})?$/;
/** One class that covers a whole host, repeated: `.*`, `.+?`, `[^/]+`, `\S*`, `[\w.-]+`. */
const ANY_HOST =
  /^(?:\((?:\?:)?)?(?:\.|\\S|\[\\s\\S\]|\[\\w\\W\]|\[\^[^\]]*\]|\[[^\]]*(?:\\\.|\.)[^\]]*\])[*+]\??(?:\)\??)?$/;
/** A registrable domain with nothing before it: `example\.com`. */
const BARE_DOMAIN = /^[A-Za-z0-9-]+\\\.[A-Za-z]{2,24}$/;
/** Leading optional groups: `(www\.)?`, `(.*\.)?`. */
const LEADING_OPTIONAL_GROUPS = /^(?:\((?:\?:)?[^()]*\)\?)+/;
const END_ANCHORED = /(?:^|[^\\])\$$|\\[Zz]$/;

function withoutAnchors(pattern: string): { body: string; start: boolean; end: boolean } {
  let body = pattern.trim();
  const start = body.startsWith('^') || body.startsWith('\\A');
  if (start) body = body.replace(/^(?:\^|\\A)/, '');
  const end = END_ANCHORED.test(body);
  if (end) body = body.replace(/(?:\$|\\[Zz])$/, '');
  return { body, start, end };
}

/**
 * A readable origin the pattern accepts, for messages: `app\.example\.com`
 * reads `https://app.example.com`. Undefined when the pattern is too regex-like.
 */
function sampleOrigin(body: string): string | undefined {
  const sample = body
    .replace(/\((?:\?:)?[^()|]*\)\?/g, '')
    .replace(/\((?:\?:)?([^()|]*)\|[^()]*\)/g, '$1')
    .replace(/https\?|http\(s\)\?|http\[s\]\?/g, 'https')
    .replace(/\.[*+]\??|\[[^\]]*\][*+]\??|\\[wS][*+]\??/g, 'app')
    .replace(/\\([./:-])/g, '$1');
  if (/[\\()[\]{}|*+?^$]/.test(sample)) return undefined;
  return /^[a-z]+:\/\//.test(sample) ? sample : `https://${sample}`;
}

/**
 * What an origin pattern accepts, given how the library matches it.
 * Undefined for a pattern that is fine (anchored, or anchored by the library).
 */
export function classifyOriginPattern(pattern: string, match: RegexMatch): OriginPatternVerdict | undefined {
  const { body, start, end } = withoutAnchors(pattern);
  const rest = body.replace(SCHEME, '').replace(OPTIONAL_PORT, '');
  const scheme = rest.length !== body.length;
  const endFree = !end && match !== 'fullmatch';
  const startFree = !start && match === 'search';
  // `^https://` alone, or nothing at all, accepts everything when the end is free.
  if (rest === '' && (endFree || (!scheme && startFree))) return { kind: 'any' };
  if (ANY_HOST.test(rest)) return { kind: 'any' };
  if (rest === '') return undefined;
  if (endFree && !MANDATORY_PORT.test(body)) {
    const sample = sampleOrigin(body);
    return { kind: 'unanchored', missing: 'end', example: sample ? `${sample}.attacker.example` : 'https://<allowed-origin>.attacker.example' };
  }
  if (startFree && !scheme && BARE_DOMAIN.test(body.replace(LEADING_OPTIONAL_GROUPS, ''))) {
    const sample = sampleOrigin(body.replace(LEADING_OPTIONAL_GROUPS, ''));
    return { kind: 'unanchored', missing: 'start', example: sample ? sample.replace('://', '://attacker') : 'https://attacker<allowed-domain>' };
  }
  return undefined;
}

/** Flask-CORS treats an origin string as a regular expression when it holds one of these. */
export function isFlaskCorsRegex(origin: string): boolean {
  return /[*\\\][?$^()]/.test(origin);
}

export type CorsHeader = 'origin' | 'credentials';

const CORS_HEADERS: ReadonlyMap<string, CorsHeader> = new Map([
  ['access-control-allow-origin', 'origin'],
  ['access-control-allow-credentials', 'credentials'],
]);

/** Which CORS response header a header name is (case-insensitive). */
export function corsHeader(name: string): CorsHeader | undefined {
  return CORS_HEADERS.get(name.trim().toLowerCase());
}

/** A header value that turns credentials on: `true`. */
export function isTrueHeaderValue(value: string | boolean): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** Request headers that carry the caller's origin: `Origin`, WSGI's `HTTP_ORIGIN`. */
export function isOriginRequestHeader(name: string): boolean {
  return /^(?:origin|http_origin)$/i.test(name.trim());
}

/** Files that can configure CORS: a cheap check before any tree walk. */
export const MAY_CONFIGURE_CORS = /cors|cross_origin|access-control-allow/i;

const DEVELOPMENT_NAME = `['"](?:development|develop|dev|local|test|testing)['"]`;
const PRODUCTION_NAME = `['"](?:production|prod)['"]`;
const equals = (name: string): string => `(?<![!=])===?\\s*${name}|${name}\\s*===?`;
const differs = (name: string): string => `!==?\\s*${name}|${name}\\s*!==?`;
const DEVELOPMENT_TEST = new RegExp(
  `${equals(DEVELOPMENT_NAME)}|${differs(PRODUCTION_NAME)}|\\bDEBUG\\b|\\.debug\\b|\\bis_?dev(?:elopment)?\\b|\\bdev_?mode\\b`,
  'i',
);
const PRODUCTION_TEST = new RegExp(`${equals(PRODUCTION_NAME)}|${differs(DEVELOPMENT_NAME)}|\\bis_?prod(?:uction)?\\b`, 'i');

/**
 * Which environment a condition selects (`if DEBUG:`, `if (process.env.NODE_ENV !== 'production')`),
 * so that code run only in development is left alone; a leading `not` / `!` reverses it.
 */
export function environmentOfCondition(condition: string): 'development' | 'production' | undefined {
  let body = condition.trim();
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1).trim();
  const negated = /^(?:not\s|!(?!=))/.test(body);
  if (negated) body = body.replace(/^(?:not\s+|!)/, '');
  const selects = DEVELOPMENT_TEST.test(body) ? 'development' : PRODUCTION_TEST.test(body) ? 'production' : undefined;
  if (!selects || !negated) return selects;
  return selects === 'development' ? 'production' : 'development';
}

/** A pattern for messages: at most 60 characters. */
export function displayPattern(pattern: string): string {
  return pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern;
}
