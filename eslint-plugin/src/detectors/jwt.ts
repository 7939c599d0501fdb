/**
 * JWT lifetimes and the names around them: which token a name is about (access,
 * refresh, or a one-time token), how long a duration is, and how to write the
 * guide's maximum in the unit a site already uses. Pure: every language's rule calls it.
 */
import { splitWords } from './secrets.js';

/** An access token (the guide's 30 minutes), a refresh token (7 days), or a one-time token this rule leaves alone. */
export type TokenKind = 'access' | 'refresh' | 'other';

export const SECOND = 1;
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;
export const WEEK = 604_800;
export const MILLISECOND = 0.001;

/** The guide's limits (AutonomOS: 30 minutes; AMAS: refresh tokens 7 days). */
export const DEFAULT_MAX_ACCESS_TOKEN_MINUTES = 30;
export const DEFAULT_MAX_REFRESH_TOKEN_DAYS = 7;

// ---------------------------------------------------------------------------
// Names

const REFRESH_WORDS = new Set(['refresh', 'remember', 'rememberme', 'persistent', 'offline']);
/**
 * Tokens with their own, often longer, lifetimes: e-mailed links (reset, verification,
 * invitations, magic links), API keys and service tokens; and durations about tokens
 * that are not their lifetime (a cache or deny-list TTL, a rate limit).
 */
const ONE_TIME_WORDS = new Set([
  'reset', 'forgot', 'recover', 'recovery', 'verify', 'verification', 'confirm', 'confirmation', 'email', 'mail',
  'invite', 'invitation', 'magic', 'activation', 'activate', 'signup', 'registration', 'password',
  'otp', 'download', 'upload', 'share', 'sharing', 'unsubscribe', 'csrf', 'xsrf', 'api', 'service', 'onboarding',
  'link', 'preview', 'oauth', 'state', 'nonce', 'device', 'installation', 'cache', 'cached', 'blacklist', 'blocklist',
  'denylist', 'revoked', 'revocation', 'lock', 'rate', 'limit',
]);
const TOKEN_WORDS = new Set(['token', 'tokens', 'jwt', 'jwts', 'auth', 'bearer', 'login', 'signin']);
/** Words that make a name a lifetime: `ACCESS_TOKEN_EXPIRE_MINUTES`, `jwtExpiresIn`, `REFRESH_TOKEN_LIFETIME`. */
const LIFETIME_WORDS = new Set(['expire', 'expires', 'expiration', 'expiry', 'ttl', 'lifetime', 'duration', 'validity', 'exp']);
/** A cheap test before splitting a name into words. */
const LIFETIME_HINT = /exp|ttl|lifetime|duration|validity/i;
const UNIT_WORDS: Record<string, number> = {
  ms: MILLISECOND, millis: MILLISECOND, milliseconds: MILLISECOND,
  s: SECOND, sec: SECOND, secs: SECOND, second: SECOND, seconds: SECOND,
  min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE,
  h: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR,
  d: DAY, day: DAY, days: DAY,
  w: WEEK, week: WEEK, weeks: WEEK,
};

/** What a name says for sure: `access`, a refresh word, or a one-time purpose. */
function specificKind(words: readonly string[]): TokenKind | undefined {
  if (words.includes('access')) return 'access';
  if (words.some((word) => REFRESH_WORDS.has(word))) return 'refresh';
  return words.some((word) => ONE_TIME_WORDS.has(word)) ? 'other' : undefined;
}

function isGenericTokenName(words: readonly string[]): boolean {
  return words.some((word) => TOKEN_WORDS.has(word));
}

/**
 * Which token a name is about: `access` beats `refresh` (`refreshAccessToken`
 * makes an access token), then refresh words, then one-time purposes; a name
 * that only says "token"/"jwt" is about an access token. Undefined: the name says nothing.
 */
export function tokenKindOfName(name: string): TokenKind | undefined {
  const words = splitWords(name);
  return specificKind(words) ?? (isGenericTokenName(words) ? 'access' : undefined);
}

/**
 * The first name, in order of precedence, that says for sure which token it is;
 * else `access` when some name says "token" or "jwt" (`const token = jwt.sign(...)`
 * inside `createPasswordResetToken` is a reset token); undefined when none does.
 */
export function tokenKindOfNames(names: Iterable<string | undefined>): TokenKind | undefined {
  let generic = false;
  for (const name of names) {
    if (name === undefined) continue;
    const words = splitWords(name);
    const kind = specificKind(words);
    if (kind) return kind;
    generic ||= isGenericTokenName(words);
  }
  return generic ? 'access' : undefined;
}

/** Settings whose unit a library fixes (Flask-JWT-Extended takes seconds). */
const KNOWN_SETTING_UNITS: Record<string, number> = {
  JWT_ACCESS_TOKEN_EXPIRES: SECOND,
  JWT_REFRESH_TOKEN_EXPIRES: SECOND,
};

/**
 * Whether a name is that of a lifetime: `ACCESS_TOKEN_EXPIRE_MINUTES`, `JWT_EXPIRATION`,
 * `expiresIn`, `REFRESH_TOKEN_LIFETIME`. A bare `exp` is a claim (a timestamp), not a lifetime.
 */
export function isLifetimeName(name: string): boolean {
  if (!LIFETIME_HINT.test(name)) return false;
  const words = splitWords(name);
  if (words.length === 1 && words[0] === 'exp') return false;
  return words.some((word) => LIFETIME_WORDS.has(word));
}

/**
 * Seconds per unit of a bare number held by a lifetime named so: `_MINUTES` → 60,
 * `expiresIn` (jsonwebtoken's option) → 1; undefined when the name does not say.
 */
export function lifetimeUnitOfName(name: string): number | undefined {
  const known = KNOWN_SETTING_UNITS[name];
  if (known !== undefined) return known;
  const words = splitWords(name);
  for (let i = words.length - 1; i >= 0; i--) {
    const unit = UNIT_WORDS[words[i]!];
    if (unit !== undefined) return unit;
  }
  return words.at(-1) === 'in' && words.at(-2) === 'expires' ? SECOND : undefined;
}

/**
 * OAuth's token-response field (RFC 6749 §5.1): it describes a token in a response
 * body or a mock of one, not the setting that issues it.
 */
export function isTokenResponseField(name: string): boolean {
  return name === 'expires_in';
}

/** Flask-JWT-Extended's settings that turn expiry off when set to `False`. */
export function isExpirySwitchName(name: string): boolean {
  return name === 'JWT_ACCESS_TOKEN_EXPIRES' || name === 'JWT_REFRESH_TOKEN_EXPIRES';
}

// ---------------------------------------------------------------------------
// Durations

const MS_DURATION =
  /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i;
const JOSE_DURATION =
  /^(\+)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: from now)?$/i;

function unitSeconds(unit: string | undefined): number {
  const u = (unit ?? 'ms').toLowerCase();
  if (/^(?:milliseconds?|msecs?|ms)$/.test(u)) return MILLISECOND;
  if (/^(?:seconds?|secs?|s)$/.test(u)) return SECOND;
  if (/^(?:minutes?|mins?|m)$/.test(u)) return MINUTE;
  if (/^(?:hours?|hrs?|h)$/.test(u)) return HOUR;
  if (/^(?:days?|d)$/.test(u)) return DAY;
  if (/^(?:weeks?|w)$/.test(u)) return WEEK;
  return 365.25 * DAY;
}

/**
 * Seconds in a duration string: jsonwebtoken's `expiresIn` (the `ms` package: `'2h'`,
 * `'7 days'`, a bare number is milliseconds) or jose's `setExpirationTime` (`'2h'`,
 * `'+30m'`, `'1 day from now'`; a unit is required). Undefined for anything else.
 */
export function parseDuration(value: string, flavor: 'ms' | 'jose'): number | undefined {
  if (value.length > 40) return undefined;
  const trimmed = value.trim();
  if (flavor === 'ms') {
    const match = MS_DURATION.exec(trimmed);
    return match ? Number(match[1]) * unitSeconds(match[2]) : undefined;
  }
  const match = JOSE_DURATION.exec(trimmed);
  return match ? Number(match[2]) * unitSeconds(match[3]) : undefined;
}

/** `30 days`, `1 hour`, `90 minutes`, `45 seconds`. */
export function formatDuration(seconds: number): string {
  const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;
  // Whole days, and years (365.25 days in `ms` and jose) as days.
  if (seconds >= DAY && (seconds % DAY === 0 || seconds >= 2 * DAY)) return plural(Math.round((seconds / DAY) * 100) / 100, 'day');
  if (seconds >= HOUR && seconds % HOUR === 0) return plural(seconds / HOUR, 'hour');
  if (seconds >= MINUTE && seconds % MINUTE === 0) return plural(seconds / MINUTE, 'minute');
  return plural(Math.round(seconds * 1000) / 1000, 'second');
}

export interface Limits {
  maxAccessTokenMinutes: number;
  maxRefreshTokenDays: number;
}

/** The longest lifetime accepted for a kind of token, in seconds. */
export function maxLifetime(kind: 'access' | 'refresh', limits: Limits): number {
  return kind === 'refresh' ? limits.maxRefreshTokenDays * DAY : limits.maxAccessTokenMinutes * MINUTE;
}

/** A whole number of the largest unit that divides `seconds`: 1800 → 30 minutes, 604800 → 7 days. */
function wholeUnit(seconds: number): { count: number; unit: number } {
  for (const unit of [DAY, HOUR, MINUTE]) {
    if (seconds % unit === 0) return { count: seconds / unit, unit };
  }
  return { count: seconds, unit: SECOND };
}

const FACTORS: [number, string][] = [
  [DAY, '24'],
  [HOUR, '60'],
  [MINUTE, '60'],
  [SECOND, '1000'],
];

/**
 * `seconds` written as a number in `unit`, the way people write it: `30` minutes,
 * `30 * 60` seconds, `7 * 24 * 60 * 60` seconds. Undefined when it is not whole.
 */
export function durationInUnit(seconds: number, unit: number): string | undefined {
  const { count, unit: base } = wholeUnit(seconds);
  if (unit >= base) {
    const value = seconds / unit;
    return Number.isInteger(value) ? String(value) : undefined;
  }
  const parts = [String(count)];
  for (const [from, factor] of FACTORS) {
    if (from > base || from <= unit) continue;
    parts.push(factor);
  }
  return parts.join(' * ');
}

/** `'30m'`, `'7d'`: the `ms`/jose string for a lifetime. */
export function durationString(seconds: number): string {
  const { count, unit } = wholeUnit(seconds);
  const suffix = unit === DAY ? 'd' : unit === HOUR ? 'h' : unit === MINUTE ? 'm' : 's';
  return `${count}${suffix}`;
}

/** `minutes=30`, `days=7`: the `timedelta` keyword for a lifetime. */
export function timedeltaArguments(seconds: number): string {
  const { count, unit } = wholeUnit(seconds);
  const keyword = unit === DAY ? 'days' : unit === HOUR ? 'hours' : unit === MINUTE ? 'minutes' : 'seconds';
  return `${keyword}=${count}`;
}

/** Seconds per unit of Python's `timedelta` arguments, in positional order. */
export const TIMEDELTA_UNITS: readonly [string, number][] = [
  ['days', DAY],
  ['seconds', SECOND],
  ['microseconds', 0.000_001],
  ['milliseconds', MILLISECOND],
  ['minutes', MINUTE],
  ['hours', HOUR],
  ['weeks', WEEK],
];

// ---------------------------------------------------------------------------
// Algorithms and verification

/** The algorithm that means "no signature". */
export function isNoneAlgorithm(value: string): boolean {
  return value.trim().toLowerCase() === 'none';
}

/**
 * Names of functions whose job is to authenticate, so that what they return is
 * trusted: `authenticate`, `getCurrentUser`, `verify_token`, `requireAuth`.
 */
export function isAuthenticatingFunctionName(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => /^(?:authenticate|authenticated|authorize|authorized)$/.test(word))) return true;
  if (words.includes('current') && words.includes('user')) return true;
  if (words.includes('require') && words.includes('auth')) return true;
  const verb = words[0];
  const about = words.slice(1);
  return (
    (verb === 'verify' || verb === 'validate' || verb === 'check') &&
    about.some((word) => word === 'token' || word === 'jwt' || word === 'auth' || word === 'user')
  );
}

/** Properties of a request that hold who is calling: `req.user`, `request.state.user`, `res.locals.auth`. */
export function isIdentityProperty(name: string): boolean {
  const words = splitWords(name);
  return words.some((word) =>
    ['user', 'auth', 'claims', 'principal', 'identity', 'role', 'roles', 'permissions', 'account', 'payload'].includes(word),
  );
}

/** Names a request (or a framework's per-request context) goes by. */
export const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'context', 'res', 'response', 'socket', 'g', 'event']);
