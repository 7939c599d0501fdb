/**
 * Which names hold a secret *value* at run time (a password, a token, an API key,
 * a credential-bearing URL), as opposed to names that mention one (`token_count`,
 * `password_hash`, `is_password_valid`, `secret_name`). Stricter than
 * `isSecretName` in secrets.ts, which also accepts a secret word in the middle of a
 * name: a log line holding `password_reset_requested` leaks nothing. Pure.
 */
import { findConnectionUrls } from './connection-url.js';
import { isSecretName, splitWords } from './secrets.js';

/** The kinds of sensitive values, each with the wording a message uses. */
export type SensitiveKind =
  | { kind: 'secret'; label: string }
  | { kind: 'connection-url' };

/** Words that, last in a name, make it hold the secret itself. */
const HEAD_WORDS = new Set([
  'password', 'passwords', 'passwd', 'passphrase', 'pwd', 'pass', 'pw', 'secret', 'secrets', 'token', 'credential',
  'credentials', 'creds', 'authorization', 'key', 'keys', 'jwt', 'bearer',
]);
/** Words after the head that only say what form the secret has: `token_value`, `password_plain`, `api_key_b64`. */
const FORM_WORDS = new Set([
  'value', 'str', 'string', 'raw', 'plain', 'plaintext', 'cleartext', 'clear', 'bytes', 'b64', 'base64', 'hex',
  'encoded', 'decoded', 'confirm', 'confirmation', 'again', 'repeat', 'header', 'hdr',
]);
/** Words anywhere in a name that make it a derived, safe value: `masked_token`, `hashed_password`, `token_preview`. */
const SAFE_WORDS = new Set([
  'masked', 'mask', 'redacted', 'hashed', 'hash', 'digest', 'encrypted', 'obfuscated', 'sanitized', 'sanitised',
  'safe', 'censored', 'truncated', 'partial', 'anonymized', 'anonymised', 'fingerprint', 'preview', 'last4', 'hint',
  'fake', 'dummy', 'mock', 'example', 'sample', 'placeholder',
]);
/** First words of flags, counters and actions: `has_token`, `is_password_valid`, `num_tokens`, `get_token`. */
const NON_VALUE_PREFIXES = new Set([
  'is', 'has', 'have', 'use', 'uses', 'show', 'hide', 'enable', 'disable', 'allow', 'require', 'requires', 'should',
  'can', 'no', 'needs', 'toggle', 'with', 'without', 'validate', 'verify', 'check', 'get', 'set', 'fetch', 'load',
  'read', 'generate', 'create', 'reset', 'forgot', 'change', 'update', 'on', 'handle', 'num', 'n', 'max', 'min',
  'count', 'len', 'total', 'missing',
]);
/** `get_token()`, `createAccessToken()`, `generate_api_key()` return the secret their name ends with. */
const GETTER_VERBS = new Set([
  'get', 'fetch', 'read', 'load', 'generate', 'gen', 'create', 'issue', 'make', 'build', 'mint', 'new', 'retrieve',
  'obtain', 'decrypt', 'request', 'sign',
]);

/** `<word>_token` that are not credentials, besides secrets.ts' tokenizer and pagination tokens: `cache_token`, `current_token` of a parser. */
const NON_SECRET_TOKEN_QUALIFIERS = new Set([
  'cache', 'lexer', 'lex', 'parser', 'parse', 'syntax', 'word', 'text', 'input', 'output', 'last', 'first', 'current',
  'cur', 'eof', 'eol', 'newline', 'indent', 'dedent', 'comment', 'op', 'operator', 'number', 'literal', 'type',
  'string', 'char', 'sentence', 'sub', 'subword', 'ngram', 'cancel', 'progress', 'starting', 'resume', 'acquire',
  'release', 'semaphore', 'lock', 'continuation', 'sync',
]);
/** `<word>_key` that name public material: `ssh_keys` in project metadata, `host_key`, `public_key`. */
const PUBLIC_KEY_QUALIFIERS = new Set(['ssh', 'gpg', 'pgp', 'rsa', 'ecdsa', 'ed25519', 'public', 'host', 'pub']);
/** `<word>_credentials` objects whose printed form holds no secret: gRPC channel credentials. */
const NON_SECRET_CREDENTIAL_QUALIFIERS = new Set(['channel', 'call', 'ssl', 'tls', 'grpc', 'composite', 'insecure']);

const TOKEN_QUALIFIERS: Record<string, string> = {
  access: 'an access token', refresh: 'a refresh token', id: 'an ID token', api: 'an API token', auth: 'an auth token',
  bearer: 'a bearer token', session: 'a session token', reset: 'a reset token', csrf: 'a CSRF token',
  verification: 'a verification token', invite: 'an invitation token', personal: 'a personal access token',
};

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** How a message names the secret: `a password`, `an access token`, `an API key`, `credentials`. */
function labelFor(words: string[]): string {
  const head = words[words.length - 1]!;
  const qualifier = words[words.length - 2];
  switch (head) {
    case 'token':
      return (qualifier && TOKEN_QUALIFIERS[qualifier]) ?? 'a token';
    case 'jwt':
      return 'a JWT';
    case 'bearer':
      return 'a bearer token';
    case 'secret':
    case 'secrets':
      return qualifier === 'client' ? 'a client secret' : 'a secret';
    case 'key':
    case 'keys': {
      const display = qualifier === 'api' ? 'API' : (qualifier ?? 'secret');
      return `${article(display)} ${display} key`;
    }
    case 'credential':
    case 'credentials':
    case 'creds':
      return 'credentials';
    case 'authorization':
      return 'the Authorization header';
    default:
      return 'a password';
  }
}

/** `password1`, `token2`: a numbered head word is the word. */
function normalize(word: string): string {
  const numbered = /^([a-z]+?)\d+$/.exec(word);
  return numbered && HEAD_WORDS.has(numbered[1]!) ? numbered[1]! : word;
}

/** The words of a name that holds a secret, with form words dropped; undefined when it does not hold one. */
function secretWords(name: string): string[] | undefined {
  const words = splitWords(name).map(normalize);
  // `authHeader`, `auth_header`: the value of the Authorization header.
  if (words.length >= 2 && words[words.length - 2] === 'auth' && (words[words.length - 1] === 'header' || words[words.length - 1] === 'hdr')) {
    words.splice(-2, 2, 'authorization');
  }
  if (words.length === 0 || words.some((word) => SAFE_WORDS.has(word))) return undefined;
  if (words.length > 1 && NON_VALUE_PREFIXES.has(words[0]!)) return undefined;
  let end = words.length;
  while (end > 1 && FORM_WORDS.has(words[end - 1]!)) end--;
  const kept = words.slice(0, end);
  const head = kept[kept.length - 1]!;
  const qualifier = kept[kept.length - 2];
  if (!HEAD_WORDS.has(head)) return undefined;
  if (qualifier !== undefined && head === 'token' && NON_SECRET_TOKEN_QUALIFIERS.has(qualifier)) return undefined;
  if (qualifier !== undefined && head.startsWith('cred') && NON_SECRET_CREDENTIAL_QUALIFIERS.has(qualifier)) return undefined;
  if (qualifier !== undefined && (head === 'key' || head === 'keys') && PUBLIC_KEY_QUALIFIERS.has(qualifier)) return undefined;
  // `pwd` alone is the working directory (`$PWD`, `pwd = os.getcwd()`); `pw` alone is often playwright.
  if (kept.length === 1 && (head === 'pwd' || head === 'pw' || head === 'pass' || head === 'key' || head === 'keys')) return undefined;
  if (head === 'jwt' || head === 'bearer' || isSecretName(kept.join('_'))) return kept;
  return undefined;
}

/** What a name holds when it is a secret value: `password`, `accessToken`, `API_KEY`, `client_secret`. */
export function sensitiveName(name: string): SensitiveKind | undefined {
  const words = secretWords(name);
  if (words) return { kind: 'secret', label: labelFor(words) };
  return isConnectionUrlName(name) ? { kind: 'connection-url' } : undefined;
}

/** Names that say nothing about what they hold: the key they are logged under tells (`{ token: t }`, `token=value`). */
const GENERIC_VALUE_NAMES = new Set([
  'value', 'val', 'raw', 'plain', 'str', 'string', 'text', 'input', 'arg', 'result', 'res', 'response', 'encoded',
  'decoded', 'signed', 'issued', 'generated', 'fresh', 'stored', 'saved', 'header', 'hdr', 'bearer', 'data',
]);
/** Short names that still say what they hold (`id`, `ttl`, `exp`): not generic. */
const SHORT_MEANINGFUL_NAMES = new Set(['id', 'ids', 'ok', 'n', 'i', 'j', 'k', 'idx', 'len', 'num', 'cnt', 'url', 'uri', 'ttl', 'exp', 'iat', 'nbf', 'at', 'age', 'key', 'sub', 'iss', 'aud', 'typ', 'alg', 'kid']);

/** `t`, `tok`, `value`, `signed`: a name too generic to say whether it is a secret. */
export function isGenericValueName(name: string): boolean {
  const lower = name.replace(/^_+/, '').toLowerCase();
  return GENERIC_VALUE_NAMES.has(lower) || (lower.length > 0 && lower.length <= 3 && !SHORT_MEANINGFUL_NAMES.has(lower));
}

/** What a call returns when its name says it returns a secret: `get_token()`, `createAccessToken()`, `generate_api_key()`. */
export function sensitiveGetter(name: string): SensitiveKind | undefined {
  const words = splitWords(name);
  if (words.length < 2 || !GETTER_VERBS.has(words[0]!)) return undefined;
  return sensitiveName(words.slice(1).join('_'));
}

const STORE_WORDS = new Set([
  'database', 'db', 'redis', 'postgres', 'postgresql', 'pg', 'psql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'amqp',
  'rabbitmq', 'rabbit', 'broker', 'sqlalchemy', 'sql', 'celery', 'elasticsearch', 'elastic', 'kafka', 'nats',
  'memcached', 'smtp', 'ldap', 'ftp', 'sftp', 'connection', 'conn',
]);
/** DSNs that are public by design (Sentry's goes to the browser). */
const PUBLIC_DSN_WORDS = new Set(['sentry', 'public']);

/** `DATABASE_URL`, `redis_url`, `mongoUri`, `SQLALCHEMY_DATABASE_URI`, `dsn`, `connectionString`; not `SENTRY_DSN`. */
export function isConnectionUrlName(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => SAFE_WORDS.has(word) || PUBLIC_DSN_WORDS.has(word))) return false;
  if (words.length > 1 && NON_VALUE_PREFIXES.has(words[0]!)) return false;
  const last = words[words.length - 1];
  if (last === 'dsn') return true;
  if (last === 'url' || last === 'uri' || last === 'urls') return words.slice(0, -1).some((word) => STORE_WORDS.has(word));
  if (last === 'string' || last === 'str') {
    const previous = words[words.length - 2];
    return previous === 'connection' || previous === 'conn';
  }
  return false;
}

/** Request objects whose `headers` carry Authorization and Cookie: `req`, `request`, `ctx`, `event`. */
export function isRequestName(name: string): boolean {
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last === 'req' || last === 'request' || name === 'ctx' || name === 'context' || name === 'event';
}

/** Logger objects and functions: `logger`, `log`, `this.logger`, `securityLogger`, `winston`, `structlog`. */
const LOGGER_LIBRARIES = new Set(['winston', 'pino', 'bunyan', 'consola', 'signale', 'npmlog', 'log4js', 'structlog', 'loguru', 'logging', 'logbook']);

export function isLoggerName(name: string): boolean {
  if (LOGGER_LIBRARIES.has(name)) return true;
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last === 'logger' || last === 'log' || last === 'logging' || last === 'loggers';
}

/** Stands for an interpolated value: a character a URL may hold, that no source text holds. */
const HOLE = '\uE000';

/**
 * The interpolations of a template (`pieces` are the literal text around them:
 * one more piece than holes) that fill the password of a connection URL:
 * hole 1 in `postgresql://${user}:${pw}@${host}/app`.
 */
export function urlPasswordHoles(pieces: readonly string[]): number[] {
  if (!pieces.some((piece) => piece.includes('://'))) return [];
  const text = pieces.join(HOLE);
  const holes: number[] = [];
  for (const url of findConnectionUrls(text)) {
    if (!url.password) continue;
    const [start, end] = url.password.range;
    let index = -1;
    for (let offset = text.indexOf(HOLE); offset !== -1; offset = text.indexOf(HOLE, offset + 1)) {
      index++;
      if (offset >= start && offset < end) holes.push(index);
    }
  }
  return holes;
}

/**
 * Source where a bare `token` is not a credential: lexers and tokenizers (a lexeme),
 * and blockchain code (an ERC-20 / SPL token).
 */
const NON_CREDENTIAL_TOKEN_SOURCE =
  /\b(?:tokeni[sz]e[rd]?|[Ll]exer|TokenType|tok_name|nltk|spacy|tiktoken|Tokenizer|tokenizers|ethers|web3|viem|wagmi|@solana|erc20|ERC20|uniswap)\b/;

export function usesNonCredentialTokens(source: string): boolean {
  return NON_CREDENTIAL_TOKEN_SOURCE.test(source);
}

/** `token`, `_token`: the name a lexer or a wallet gives its tokens (credential tokens mostly carry a qualifier: `access_token`). */
export function isBareToken(name: string): boolean {
  const words = splitWords(name);
  return words.length === 1 && words[0] === 'token';
}
