/**
 * Signing secrets (JWT, session and cookie secrets, Django/Flask `SECRET_KEY`)
 * that are too short or too guessable to resist an offline brute force: both
 * guides ask for at least 32 random bytes. Pure: names and values in, verdicts out.
 */
import {
  PLACEHOLDER_WORDS,
  characterClasses,
  isReferenceValue,
  isTemplateOrElision,
  splitWords,
  valueTokens,
} from './secrets.js';

/** AutonomOS › JWT Token Security and AMAS › 1.1: "Use strong secret key (32+ bytes)". */
export const MIN_SIGNING_KEY_BYTES = 32;

/** `<word>_secret` that signs: `JWT_SECRET`, `SESSION_SECRET`, `NEXTAUTH_SECRET`, `ACCESS_TOKEN_SECRET`, `STRIPE_WEBHOOK_SECRET`. */
const SECRET_QUALIFIERS = new Set([
  'jwt', 'jws', 'session', 'sessions', 'signing', 'sign', 'signature', 'hmac', 'auth', 'nextauth', 'cookie', 'cookies',
  'csrf', 'xsrf', 'token', 'tokens', 'refresh', 'webhook', 'app', 'application',
]);
/** `<word>_key` that signs: `SIGNING_KEY`, `HMAC_KEY`, `JWT_KEY`. */
const KEY_QUALIFIERS = new Set(['jwt', 'jws', 'signing', 'sign', 'signature', 'hmac']);
/** Words that may precede `SECRET_KEY` in a framework's own signing key: `DJANGO_SECRET_KEY`, `WTF_CSRF_SECRET_KEY`. */
const SECRET_KEY_PREFIXES = new Set([
  ...SECRET_QUALIFIERS, 'django', 'flask', 'rails', 'symfony', 'fastapi', 'quart', 'starlette', 'superset', 'airflow',
  'webserver', 'web', 'site', 'server', 'backend', 'wtf',
]);
/** jsonwebtoken's and passport-jwt's parameter names: `secretOrKey`, `secretOrPrivateKey`. */
const SECRET_OR_KEY = /^secret ?or ?(?:private ?)?key$/;

/**
 * Names whose value signs or encrypts tokens, sessions or cookies, so its length
 * and randomness are what keeps forgeries out: `JWT_SECRET`, `jwt_secret_key`,
 * Django's `SECRET_KEY`, `SECRET_KEY_BASE`, `SESSION_SECRET`, `NEXTAUTH_SECRET`,
 * `jwt.secret` (a YAML key under `jwt:`), `secretOrKey`. Not provider-issued
 * secrets (`CLIENT_SECRET`, `API_SECRET`, `STRIPE_SECRET_KEY`) whose length is
 * not the author's choice, and not names that refer to a secret (`JWT_SECRET_FILE`).
 */
export function isSigningSecretName(name: string): boolean {
  const words = splitWords(name);
  const n = words.length;
  if (n === 0) return false;
  if (SECRET_OR_KEY.test(words.join(' '))) return true;
  const last = words[n - 1]!;
  const previous = words[n - 2];
  if ((last === 'secret' || last === 'secrets') && previous !== undefined) {
    return SECRET_QUALIFIERS.has(previous) || (words.includes('jwt') && !words.includes('client'));
  }
  if (last === 'key' && previous !== undefined && KEY_QUALIFIERS.has(previous)) return true;
  // `SECRET_KEY`, `DJANGO_SECRET_KEY`, `JWT_SECRET_KEY`, `SECRET_KEY_BASE` (Rails).
  const end = last === 'base' ? n - 1 : n;
  if (end < 2 || words[end - 1] !== 'key' || words[end - 2] !== 'secret') return false;
  return words.slice(0, end - 2).every((word) => SECRET_KEY_PREFIXES.has(word));
}

/**
 * Words that mark a value as a stand-in to replace, not a key anyone uses:
 * `changeme`, `your-secret-here`, `dev`, `test-secret`, `insert-key`. Narrower
 * than the placeholder words of `isPlaceholder`: `secret`, `supersecret`,
 * `my-secret-key` and `keyboard cat` are real keys for a signing secret, only weak ones.
 */
const STAND_IN_WORDS = new Set(
  (
    'your yours here there change changeme changeit replace insert enter fill set override required todo tbd fixme ' +
    'example examples sample samples placeholder dummy fake mock mocked stub test tests testing dev devel development ' +
    'local localhost demo redacted removed generate generated none null nil undefined empty blank xxx notasecret'
  ).split(' '),
);

/** Stand-in words that also mark a value when glued to other words: `testsecret`, `devkey`, `secretfortesting`. */
const GLUED_STAND_IN = new RegExp(`^(?:dev|${[...STAND_IN_WORDS].filter((word) => word.length >= 4).join('|')})|(?:${[...STAND_IN_WORDS].filter((word) => word.length >= 4).join('|')})$`);

/** A value written to be replaced, not used: empty, `changeme`, `${JWT_SECRET}`, `<secret>`, `xxxx`, `dev`, `test-secret`, `your-key-here`. */
export function isStandIn(value: string): boolean {
  if (value === '' || isTemplateOrElision(value) || /^(.)\1*$/.test(value)) return true;
  return valueTokens(value).some((token) => STAND_IN_WORDS.has(token) || (/^[a-z]+$/.test(token) && GLUED_STAND_IN.test(token)));
}

/** Words a guessable key is made of, on top of the placeholder words: `thisisaverylongsecretthatnobodycanguess`. */
const COMMON_WORDS = new Set(
  (
    'and but nobody anyone everyone can will would never ever know knows guess guessed enough should must keep safe ' +
    'secure security strong stronger strongest awesome great best cool nice hard crack unbreakable mega ultra hyper ' +
    'keyboard cat cats dog dogs love life god sun moon star company project backend frontend please share sharing ' +
    'used sign signed signs tokens more than least minimum characters letters numbers thirty two make sure be we you ' +
    'on at from what who why how all my mine is are was were has have had do does did go going get got let lets ' +
    'our own one two three four five six seven eight nine ten top private public open sesame magic word words phrase ' +
    'long longer longest big bigger very really so much many time times day night king queen dragon monkey shadow ' +
    'master admin login welcome football baseball princess sunshine iloveyou trustno'
  ).split(' '),
);
const MAX_WORD = 12;

function isWord(word: string): boolean {
  return PLACEHOLDER_WORDS.has(word) || COMMON_WORDS.has(word);
}

/** How many letters of a lower-case run are not covered by known words of two letters or more (fewest possible). */
function uncoveredLetters(run: string): number {
  const best = new Array<number>(run.length + 1).fill(0);
  for (let end = 1; end <= run.length; end++) {
    let fewest = best[end - 1]! + 1;
    for (let start = Math.max(0, end - MAX_WORD); start <= end - 2; start++) {
      if (best[start]! < fewest && isWord(run.slice(start, end))) fewest = best[start]!;
    }
    best[end] = fewest;
  }
  return best[run.length]!;
}

/**
 * Guessable despite its length: one character class only (`-`, `_`, `.` aside) and
 * made of dictionary words (`this-is-my-very-long-jwt-secret-key`,
 * `thisisaverylongsecretkeyforjwttokens`), or few distinct characters (`abababab…`).
 */
function isGuessable(value: string): boolean {
  if (new Set(value).size < 10) return true;
  if (characterClasses(value) > 1 || !/^[A-Za-z._ -]+$/.test(value)) return false;
  const runs = value.toLowerCase().split(/[._ -]+/).filter(Boolean);
  if (runs.length >= 3 && runs.every((run) => run.length >= 2 && run.length <= MAX_WORD)) return true;
  const letters = runs.reduce((sum, run) => sum + run.length, 0);
  const uncovered = runs.reduce((sum, run) => sum + uncoveredLetters(run.slice(0, 256)), 0);
  return uncovered <= letters * 0.3;
}

const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Labels: words in sentence case (`Secret key`, `Clave secreta`) or in a non-ASCII script (`Clé secrète`). */
const LABEL = /^[A-Z][a-z]+(?: [A-Za-z]+)+$|^(?=.*\s)(?=.*[^\x00-\x7f])/;
const CONFIG_PATH = /^[a-z][\w-]*(?:\.[a-z][\w-]*)+$/i;
const PEM = /-----BEGIN /;

export interface WeakSigningKey {
  /** UTF-8 length of the value. */
  bytes: number;
  /** Why it is weak: shorter than 32 bytes, or long enough but guessable. */
  reason: 'short' | 'guessable';
}

/**
 * Whether the value of a signing-secret name is too weak: shorter than 32 bytes,
 * or guessable (see `isGuessable`). Not weak: stand-ins (`changeme`, `${JWT_SECRET}`,
 * `<secret>`, `dev`, `test-secret`), references (URLs, paths, `vault:`), PEM keys,
 * labels that name the setting rather than hold it (`"JWT_SECRET"`, `"jwt_secret"`
 * for a `jwtSecret` constant, `"auth.jwt.secret"`) and labels for people (`"Secret key"`).
 */
export function weakSigningKey(name: string, value: string): WeakSigningKey | undefined {
  const key = value.trim();
  if (isStandIn(key) || isReferenceValue(key) || PEM.test(key)) return undefined;
  if (ENV_NAME.test(key) || CONFIG_PATH.test(key) || LABEL.test(key) || splitWords(key).join(' ') === splitWords(name).join(' ')) return undefined;
  const bytes = new TextEncoder().encode(key).length;
  if (bytes < MIN_SIGNING_KEY_BYTES) return { bytes, reason: 'short' };
  return isGuessable(key) ? { bytes, reason: 'guessable' } : undefined;
}

/** How a message words the weakness: `only 6 bytes long`, `36 bytes of dictionary words`. */
export function describeWeakness(weak: WeakSigningKey): string {
  const bytes = `${weak.bytes} byte${weak.bytes === 1 ? '' : 's'}`;
  return weak.reason === 'short' ? `only ${bytes} long` : `${bytes} of guessable text (dictionary words or repeated characters)`;
}
