/**
 * Whether a name says a random value is a secret: shared by the JS/TS and
 * Python sides of no-insecure-randomness. Names are split into words with
 * secrets.ts' splitter (`resetToken`, `RESET_TOKEN` → reset, token) and judged
 * by their last word, so `tokenLength` and `sessionTimeout` are not secrets. Pure.
 */
import { splitWords } from './secrets.js';

/** What the random value makes. */
export type SecretKind = 'token' | 'session' | 'password' | 'secret' | 'key' | 'nonce' | 'salt' | 'code' | 'csrf' | 'link';

/** A secret kind; `benign` when the name says the value is not one (jitter, delay, color); undefined when it says nothing. */
export type NameVerdict = SecretKind | 'benign' | undefined;

export const KIND_TEXT: Record<SecretKind, { what: string; guess: string }> = {
  token: { what: 'a token', guess: "other users' tokens" },
  session: { what: 'a session id', guess: "other users' session ids and take over their sessions" },
  password: { what: 'a password', guess: 'the passwords it makes' },
  secret: { what: 'a secret', guess: 'the secret' },
  key: { what: 'a key', guess: 'the keys it makes' },
  nonce: { what: 'a nonce', guess: 'the nonces it makes' },
  salt: { what: 'a salt', guess: 'the salts it makes' },
  code: { what: 'a one-time code', guess: "other users' codes" },
  csrf: { what: 'a CSRF token', guess: "other users' CSRF tokens" },
  link: { what: 'an id that grants access', guess: "other users' ids" },
};

/** Kinds a random opaque string (a UUID, `secrets.token_urlsafe`) can replace; passwords and codes have formats. */
export const OPAQUE_KINDS: ReadonlySet<SecretKind> = new Set(['token', 'session', 'secret', 'key', 'nonce', 'salt', 'csrf', 'link']);

/** Words that make any name not a secret: timing, UI, sampling, test data. */
const BENIGN = new Set([
  'jitter', 'backoff', 'delay', 'sleep', 'retry', 'retries', 'timeout', 'interval', 'wait', 'throttle', 'debounce', 'latency',
  'color', 'colour', 'hue', 'rgb', 'animation', 'anim', 'duration', 'position', 'offset', 'opacity', 'width', 'height', 'angle',
  'rotation', 'speed', 'velocity', 'particle', 'particles', 'shuffle', 'shuffled', 'sample', 'sampling', 'probability', 'chance',
  'percent', 'percentage', 'ratio', 'weight', 'noise', 'mock', 'fake', 'dummy', 'test', 'example', 'demo', 'placeholder', 'seed',
  'analytics', 'telemetry', 'tracking', 'trace', 'tracing', 'correlation', 'span', 'metric', 'metrics', 'variant', 'experiment',
  'bucket', 'cohort', 'rollout', 'skeleton', 'avatar', 'emoji', 'greeting', 'tip', 'quote', 'theme',
]);
/** Last words that name a property of a secret, not the secret: `tokenLength`, `passwordMinLength`, `sessionTtl`. */
const ATTRIBUTES = new Set([
  'count', 'counts', 'length', 'len', 'size', 'limit', 'max', 'min', 'index', 'idx', 'expiry', 'expires', 'expiration', 'exp',
  'ttl', 'age', 'lifetime', 'type', 'kind', 'name', 'names', 'label', 'field', 'prefix', 'format', 'pattern', 'regex', 'chars',
  'charset', 'alphabet', 'characters', 'strength', 'score', 'policy', 'rule', 'rules', 'version', 'attempts', 'cost', 'rounds',
  'bits', 'entropy', 'header', 'param', 'input', 'hint', 'error', 'message', 'visible', 'visibility', 'style', 'class', 'at', 'in',
]);
/** First words of flags: `isToken`, `hasPassword`, `showPassword`. */
const FLAG_PREFIXES = new Set([
  'is', 'has', 'was', 'should', 'did', 'can', 'show', 'hide', 'toggle', 'enable', 'enabled', 'disable', 'needs', 'allow', 'validate',
  'check', 'count', 'num',
]);
/** Trailing words that do not change what a name holds: `tokenValue`, `password_str`, `key_v2`. */
const FILLERS = new Set(['value', 'val', 'str', 'string', 'hex', 'raw', 'b64', 'base64', 'encoded', 'text', 'plain', 'temp', 'tmp', 'part', 'parts', 'buf', 'buffer', 'bytes', 'new', 'generated', 'random']);
const TOKEN_HEADS = new Set(['token', 'tokens', 'jwt', 'bearer', 'verifier', 'challenge']);
/** Tokens that are not credentials: pagination, design, lexer, push-notification, LLM tokens. */
const NOT_AUTH = new Set([
  'page', 'pagination', 'next', 'prev', 'previous', 'cursor', 'continuation', 'sync', 'design', 'cancel', 'cancellation', 'lexer',
  'parser', 'syntax', 'push', 'fcm', 'apns', 'notification', 'captcha', 'recaptcha', 'prompt', 'completion', 'output', 'total',
  'used', 'remaining', 'max',
]);
const PASSWORD_HEADS = new Set(['password', 'passwords', 'passwd', 'pwd', 'passphrase', 'passcode']);
const SECRET_HEADS = new Set(['secret', 'secrets', 'credential', 'credentials', 'creds']);
/** `<word>Key` is a secret for these words: `apiKey`, `SECRET_KEY`, `signingKey`. */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'session', 'signing', 'sign', 'signature', 'encryption', 'encrypt', 'crypto', 'cipher', 'access', 'auth',
  'master', 'hmac', 'jwt', 'license', 'licence', 'activation', 'aes', 'recovery', 'backup', 'app',
]);
/** Heads that need a qualifier: `resetCode`, `inviteId`, `magicLink`; `code`, `id` and `link` alone are not secrets. */
const QUALIFIED_HEADS = new Set(['code', 'codes', 'id', 'ids', 'link', 'url', 'uri', 'number', 'num', 'hash', 'pin', 'cookie', 'state']);
const CODE_HEADS = new Set(['code', 'codes', 'number', 'num', 'pin']);
const LINK_QUALIFIERS = new Set([
  'verification', 'verify', 'otp', 'confirmation', 'confirm', 'reset', 'recovery', 'invite', 'invitation', 'activation', 'activate',
  'magic', 'login', 'signin', 'auth', 'authorization', 'mfa', '2fa', 'twofactor', 'security', 'backup', 'access', 'unlock', 'pairing',
  'onetime', 'sms',
]);

export interface NameOptions {
  /** More names (as words) that mark a secret, matched as a name's last words. */
  secretNames: string[][];
  /** Names never treated as secrets. */
  allowNames: RegExp[];
}

export function classifyName(name: string, options: NameOptions = { secretNames: [], allowNames: [] }): NameVerdict {
  if (options.allowNames.some((pattern) => pattern.test(name))) return 'benign';
  const words = [...splitWords(name)];
  // one-time code, one_time_password
  const joined = words.join('');
  if (words.some((word) => BENIGN.has(word))) return 'benign';
  while (words.length > 1 && (FILLERS.has(words.at(-1)!) || /^v?\d+$/.test(words.at(-1)!))) words.pop();
  if (words.length === 0) return undefined;
  if (FLAG_PREFIXES.has(words[0]!) && words.length > 1) return 'benign';
  const endsWith = (extra: string[]): boolean => extra.length <= words.length && extra.every((word, i) => word === words[words.length - extra.length + i]);
  if (options.secretNames.some(endsWith)) return 'secret';
  const head = words.at(-1)!;
  const previous = words.at(-2);
  // `tokenLength` is not a token; a bare `index` or `count` says nothing (the value may pick a password's characters).
  if (ATTRIBUTES.has(head)) return words.length > 1 ? 'benign' : undefined;
  const qualifiers = words.slice(0, -1);
  const isCsrf = words.some((word) => word === 'csrf' || word === 'xsrf');
  if (head === 'csrf' || head === 'xsrf') return 'csrf';
  if (TOKEN_HEADS.has(head)) {
    if (previous !== undefined && NOT_AUTH.has(previous)) return 'benign';
    return isCsrf ? 'csrf' : 'token';
  }
  if (head === 'session' || head === 'sid' || head === 'sessionid') return 'session';
  if (PASSWORD_HEADS.has(head)) return 'password';
  if (SECRET_HEADS.has(head)) return isCsrf ? 'csrf' : 'secret';
  if (head === 'key') return previous !== undefined && KEY_QUALIFIERS.has(previous) ? 'key' : undefined;
  if (head === 'nonce') return 'nonce';
  if (head === 'salt') return 'salt';
  if (head === 'otp' || head === 'totp' || head === 'hotp') return 'code';
  if (!QUALIFIED_HEADS.has(head)) return undefined;
  if (isCsrf) return 'csrf';
  if (qualifiers.includes('session')) return 'session';
  if (head === 'state') return previous === 'oauth' || previous === 'auth' ? 'csrf' : undefined;
  if (head === 'cookie') return qualifiers.includes('auth') ? 'session' : undefined;
  if (head === 'id' && qualifiers.includes('api')) return 'key';
  // A PIN alone (`pin`, `newPin`) is one; `mapPin` with a qualifier we do not know is not.
  if (head === 'pin' && (words.length === 1 || (words.length === 2 && (previous === 'new' || previous === 'user')))) return 'code';
  if (qualifiers.some((word) => LINK_QUALIFIERS.has(word)) || joined.includes('onetime')) return CODE_HEADS.has(head) ? 'code' : 'link';
  return undefined;
}
