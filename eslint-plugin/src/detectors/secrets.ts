/**
 * What counts as a secret: secret-like names, values that look like credentials
 * (and the placeholders that do not), known credential formats and passwords in
 * connection URLs. Pure: text in, findings out; every language's rule calls it.
 */
import { maskSecret } from '../util/mask.js';
import { findConnectionUrls, isLoopbackHost, parseConnectionUrl } from './connection-url.js';

export type Range = [number, number];

// ---------------------------------------------------------------------------
// Names

/** Single words that are two: `APIKEY` reads as `API_KEY`. */
const COMPOUNDS = new Map<string, string[]>([
  ['apikey', ['api', 'key']],
  ['apitoken', ['api', 'token']],
  ['apisecret', ['api', 'secret']],
  ['secretkey', ['secret', 'key']],
  ['privatekey', ['private', 'key']],
  ['accesskey', ['access', 'key']],
  ['accesstoken', ['access', 'token']],
  ['refreshtoken', ['refresh', 'token']],
  ['authtoken', ['auth', 'token']],
  ['authkey', ['auth', 'key']],
  ['clientsecret', ['client', 'secret']],
  ['dbpassword', ['db', 'password']],
]);

/** Names repeat across a file and across keystrokes: remember their words (bounded). */
const wordCache = new Map<string, string[]>();

/** `jwtSecret` → `jwt secret`, `X-API-Key` → `x api key`, `SECRET_KEY` → `secret key`. */
export function splitWords(name: string): string[] {
  const cached = wordCache.get(name);
  if (cached) return cached;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const result: string[] = [];
  for (const word of words) {
    if (word) result.push(...(COMPOUNDS.get(word) ?? [word]));
  }
  if (wordCache.size >= 10_000) wordCache.clear();
  wordCache.set(name, result);
  return result;
}

/** Words that make a name secret wherever they stand. */
const SECRET_WORDS = new Set([
  'secret', 'secrets', 'password', 'passwords', 'passwd', 'passphrase', 'pwd', 'token',
  'credential', 'credentials', 'creds', 'authorization',
]);
/** Short words that only mean "password" at the end of a name: `db_pass`, `smtp_pw`. */
const TRAILING_SECRET_WORDS = new Set(['pass', 'pw']);
/** `<qualifier>_key` is a secret (`api_key`, `signing_key`); any other `_key` is a lookup key (`token_key`). */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'sign', 'signature', 'encryption', 'encrypt', 'decryption',
  'crypt', 'crypto', 'cipher', 'master', 'hmac', 'jwt', 'auth', 'app', 'client', 'account', 'subscription',
  'license', 'licence', 'webhook', 'fernet', 'aes', 'service', 'admin', 'shared', 'deploy', 'ssh', 'gpg',
  'pgp', 'rsa', 'ecdsa', 'ed25519', 'security',
]);
/** `<word>_token` that are not credentials: tokenizer and pagination tokens. */
const NON_SECRET_TOKEN_QUALIFIERS = new Set([
  'bos', 'eos', 'pad', 'unk', 'sep', 'cls', 'mask', 'special', 'start', 'end', 'stop', 'eot', 'image', 'img',
  'audio', 'video', 'next', 'prev', 'previous', 'page', 'pagination', 'continuation', 'cancellation', 'cancel',
  'sync', 'cursor', 'max', 'min', 'num', 'total', 'design',
]);
/** Names ending so refer to a secret rather than hold one (`secret_name`, `token_url`, `password_field`). */
const REFERENCE_SUFFIXES = new Set([
  'name', 'names', 'id', 'ids', 'path', 'paths', 'file', 'files', 'filename', 'filepath', 'dir', 'directory',
  'url', 'urls', 'uri', 'uris', 'endpoint', 'header', 'headers', 'field', 'fields', 'env', 'var', 'variable',
  'label', 'placeholder', 'hint', 'length', 'len', 'size', 'min', 'max', 'count', 'limit', 'regex', 'regexp',
  'pattern', 'prefix', 'suffix', 'expiry', 'expires', 'expire', 'expiration', 'exp', 'ttl', 'timeout',
  'lifetime', 'age', 'algorithm', 'algorithms', 'alg', 'route', 'param', 'params', 'parameter', 'column',
  'input', 'selector', 'message', 'msg', 'error', 'errors', 'text', 'title', 'description', 'desc', 'help',
  'template', 'format', 'mode', 'policy', 'scope', 'scopes', 'location', 'arn', 'ref', 'version', 'enabled',
  'required', 'hidden', 'visible', 'strength', 'rule', 'rules', 'validator', 'validation', 'schema', 'type',
  'types', 'kind', 'class', 'style', 'icon', 'cookie', 'storage', 'store', 'provider', 'source', 'manager',
  'method', 'flag', 'status', 'state', 'hash', 'hashed', 'digest', 'salt', 'rounds', 'cost', 'encoding',
  'charset', 'callback', 'handler', 'in', 'at', 'ms', 'seconds', 'minutes', 'hours', 'days', 'attr',
  'attribute', 'property', 'prop', 'table', 'keyname', 'page', 'screen', 'view', 'modal', 'link',
  'button', 'btn', 'reset', 'question', 'questions', 'example', 'sample', 'usage', 'hasher', 'hashers',
  'hashing', 'scheme', 'schemes', 'backend', 'strategy', 'algo', 'color', 'colour', 'background', 'theme',
]);
/** First words of flags and actions: `is_password`, `show_password`, `get_token`. */
const NON_VALUE_PREFIXES = new Set([
  'is', 'has', 'use', 'uses', 'show', 'hide', 'enable', 'disable', 'allow', 'require', 'requires', 'should',
  'can', 'no', 'needs', 'toggle', 'with', 'without', 'validate', 'get', 'set', 'fetch', 'load', 'read',
  'generate', 'create', 'reset', 'forgot', 'change', 'update', 'on', 'handle', 'num', 'max', 'min', 'count',
]);

/** The built-in notion of a secret-like name, on its words. */
function isSecretWords(words: string[]): boolean {
  if (words.length === 0) return false;
  const last = words[words.length - 1]!;
  if (words.length > 1 && NON_VALUE_PREFIXES.has(words[0]!)) return false;
  if (REFERENCE_SUFFIXES.has(last)) return false;
  if (last === 'key' || last === 'keys') {
    return words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]!);
  }
  if (TRAILING_SECRET_WORDS.has(last) && words.length > 1) return true;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!SECRET_WORDS.has(word)) continue;
    if (word === 'token' && i > 0 && NON_SECRET_TOKEN_QUALIFIERS.has(words[i - 1]!)) continue;
    return true;
  }
  return false;
}

/** `JWT_SECRET`, `apiKey`, `client_secret`, `X-API-Key`; not `secret_name`, `token_url`, `TOKEN_KEY`. */
export function isSecretName(name: string): boolean {
  return isSecretWords(splitWords(name));
}

/** Names of objects that hold configuration: `config`, `settings`, `app.config`, `configService`, `os.environ`. */
export function isConfigSourceName(name: string): boolean {
  return splitWords(name).some((word) =>
    ['config', 'conf', 'cfg', 'configuration', 'settings', 'env', 'environ', 'environment', 'secrets', 'vault'].includes(word),
  );
}

/** The environment variable a name maps to: `jwtSecret` → `JWT_SECRET`. */
export function toEnvName(name: string): string {
  if (/^[A-Z][A-Z0-9_]*$/.test(name)) return name;
  return splitWords(name).join('_').toUpperCase() || 'SECRET';
}

// ---------------------------------------------------------------------------
// Values

/**
 * Words that, when a value is made only of them, make it a placeholder or a
 * label rather than a secret: `your-api-key-here`, `changeme`, `access_token`,
 * `my-super-secret-key`, `password123`, `test-secret`.
 */
export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set(
  (
    'your yours my our the a an here there this that it me is goes put insert enter add set replace change changeme ' +
    'changeit fill update todo tbd fixme xxx example examples sample samples dummy test tests testing tester fake ' +
    'mock mocked stub placeholder dev devel development local localhost default demo foo bar baz qux quux abc abcd ' +
    'xyz none null nil undefined empty blank redacted removed hidden masked secret secrets password passwords passwd ' +
    'passphrase pass pwd pw token tokens key keys api apikey access refresh private public client app application ' +
    'auth authorization bearer basic jwt session csrf xsrf id user username users admin root guest new old current ' +
    'confirm confirmation reset forgot login logout signin signup register form field input value values string str ' +
    'text data some any random generated generate super very strong long unique real valid invalid wrong bad good ' +
    'insecure unsafe notasecret not do dont use in for of to and or with production prod staging stage env ' +
    'environment config settings db database postgres postgresql mysql redis mongo mongodb rabbitmq amqp smtp email ' +
    'mail service server web site hello world lorem ipsum bit bits byte bytes char chars long short only sk pk ' +
    'signing encryption master hmac webhook cookie crypto encrypt decrypt cipher oauth sso otp pin code codes ' +
    'verify verification hash salt credentials credential creds account accounts qwerty letmein welcome hunter'
  ).split(' '),
);
/** Digit groups a placeholder may carry: `password123`, `secret1`, `test2024`, `your-256-bit-secret`. */
const PLACEHOLDER_DIGITS = /^(?:0+|1+|123?4?5?6?7?8?9?0?|(?:19|20)\d\d|32|64|128|256|512|1024|2048|4096)$/;
/** Template and reference syntax: `${VAR}`, `{{ secret }}`, `$(cmd)`, `%(name)s`, `<your-key>`, `[KEY]`, `{key}`. */
const TEMPLATE_MARKERS = /\$\{|\{\{|\$\(|%\(|%s\b|#\{|<%|^\$[A-Za-z_]\w*$|^<[^<>]*>$|<[A-Za-z][\w -]*>|^\[[^\]]*\]$|^\{[^{}]*\}$|^:[A-Za-z_]\w*$/;
/** Masking and elision (`xxxx`, `***`, `...`, `…`, `____`) and words that mark an example anywhere in a value. */
const ELISION = /x{4}|X{4}|\*{3}|\.{3}|…|_{4}|#{4}|-{4}|example|placeholder|changeme|change[-_]me|redacted|replace[-_]?me/i;
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789012', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Leetspeak between letters: `passw0rd`, `s3cr3t`, `p@ssword`. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Alphanumeric runs, split at camel case and at letter/digit boundaries. */
export function valueTokens(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function allPlaceholderTokens(tokens: string[]): boolean {
  return tokens.every((token) => (/^\d+$/.test(token) ? PLACEHOLDER_DIGITS.test(token) : PLACEHOLDER_WORDS.has(token)));
}

/** Template, reference or masking syntax anywhere in a value: `${VAR}`, `{{ x }}`, `<your-key>`, `xxxx`, `changeme`. */
export function isTemplateOrElision(value: string): boolean {
  return TEMPLATE_MARKERS.test(value) || ELISION.test(value);
}

/**
 * A value nobody would use as a real secret: empty, a template or reference
 * (`${VAR}`, `<your-key>`, `{{ x }}`), masked (`****`, `xxxx`), one repeated
 * character, a keyboard or alphabet run, or made only of placeholder words
 * (`changeme`, `your-api-key-here`, `test-secret`, `passw0rd123`).
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (TEMPLATE_MARKERS.test(trimmed) || ELISION.test(trimmed)) return true;
  if (/^(.)\1*$/.test(trimmed)) return true;
  const lower = trimmed.toLowerCase();
  if (lower.length >= 4 && SEQUENCES.some((sequence) => sequence.includes(lower))) return true;
  const tokens = valueTokens(trimmed);
  if (tokens.length === 0 || allPlaceholderTokens(tokens)) return true;
  const unleet = trimmed.replace(/(?<=[A-Za-z])[013457@$](?=[A-Za-z])/g, (ch) => LEET[ch]!);
  return unleet !== trimmed && allPlaceholderTokens(valueTokens(unleet));
}

/** `${NAME:-default}`, `${NAME-default}` (shell, Compose, dotenv-expand) and `${NAME:default}` (Spring). */
const REFERENCE_WITH_DEFAULT = /^\$\{[A-Za-z_][\w.]*(?::-|-|:(?![?+=-]))(.*)\}$/s;

/**
 * The value a configuration file really falls back on: the default of a whole
 * `${NAME:-default}` reference (with its offset in `value`), else the value itself.
 * `${NAME}`, `${NAME:?error}` and `${NAME:+alternative}` have no default.
 */
export function referenceDefault(value: string): { value: string; offset: number } | undefined {
  if (!value.startsWith('${')) return { value, offset: 0 };
  const match = REFERENCE_WITH_DEFAULT.exec(value);
  return match ? { value: match[1]!, offset: value.length - 1 - match[1]!.length } : undefined;
}

const AUTH_SCHEME = /^(?:bearer|basic|token|bot)\s+(\S+)$/i;
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const PATH_LIKE = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|ini|conf|cfg|toml|gpg|asc|pub|der|keystore)$/i;
const REFERENCE = /^(?:arn:|vault:|ref\+|secretsmanager:|ssm:|kms:|sops:|env:|file:|secret:|keyvault:|projects\/|ENC\[|!vault)/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
const NUMBER_LIKE = /^[\d.,:_+-]+$/;
const IDENTIFIER_LIKE = /^[A-Za-z]+(?:[-_.:/][A-Za-z]+)*$/;
const REGEX_LIKE = /^\^.*[\])*+?}$]|\(\?[=!:<]|\{\d+,\d*\}|\[[^\]]+\][*+?{]|\[\^?\\[dDwWsS]|\\[dDwWsS][*+?{]/;
/** Password hashes (bcrypt, argon2, crypt, scrypt, Django's pbkdf2, LDAP `{SSHA}`): what a system stores instead of the password. */
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|scrypt|pbkdf2[\w-]*)\$|^pbkdf2_sha\d+\$|^\{(?:SSHA|SHA|SSHA512|SSHA256|BCRYPT|CRYPT)\}/;
/** Keys published on purpose (Stripe, Clerk `pk_live_`/`pk_test_`, Mapbox `pk.eyJ…`, PostHog `phc_`): they ship in clients. */
const PUBLISHABLE = /^(?:pk_(?:live|test)_|pk\.eyJ|phc_)/;
/** Validation rule lists (`required|min:8`), colours (`#ff00aa80`), dates (`2024-01-01T00:00:00Z`). */
const NOT_A_SECRET = /^[a-z_]+(?::[^|\s]+)?(?:\|[a-z_]+(?::[^|\s]+)?)+$|^#[0-9a-f]{3,8}$|^\d{4}-\d\d-\d\d(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?$/i;

/** A value that points at a secret rather than being one: a URL, a path, an ARN or vault reference, an e-mail address. */
export function isReferenceValue(value: string): boolean {
  return URL_LIKE.test(value) || PATH_LIKE.test(value) || REFERENCE.test(value) || EMAIL.test(value);
}

/**
 * Names and words rather than generated text: letters only (`accessToken`, `same-origin`,
 * `Passwort`) unless the case flips look random, or words with some digits
 * (`token_sha256_to_refresh`, `FlowPasswordRequiredResultV2`): at least two words of
 * three letters or more, few one- or two-letter runs, and digits a small part.
 */
function isIdentifierLike(value: string): boolean {
  if (IDENTIFIER_LIKE.test(value)) {
    if (value.length < 12) return true;
    const segments = value.split(/(?<=[a-z])(?=[A-Z])|[-_.:/]/).filter(Boolean);
    return value.replace(/[^A-Za-z]/g, '').length / segments.length >= 3;
  }
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_.:/][A-Za-z0-9]+)*$/.test(value)) return false;
  const runs = value.split(/(?<=[a-z])(?=[A-Z])|[-_.:/\d]+/).filter(Boolean);
  const words = runs.filter((run) => run.length >= 3).length;
  const digits = value.replace(/\D/g, '').length;
  return words >= 2 && runs.length - words <= runs.length / 3 && digits <= value.length * 0.3;
}

/** How many of lower case, upper case, digits and symbols (other than `._-`) a value uses. */
export function characterClasses(value: string): number {
  return (
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/\d/.test(value)) +
    Number(/[^A-Za-z0-9\s._-]/.test(value))
  );
}

/**
 * Whether a literal assigned to a secret-like name looks like a real credential:
 * at least `minLength` long, a single token (`Bearer <token>` counts as one), not a
 * placeholder, sentence, URL, path, reference, e-mail, number, regular expression,
 * identifier-like label, publishable key or password hash, and made of at least two character classes.
 */
export function looksLikeSecretValue(value: string, minLength: number): boolean {
  const candidate = AUTH_SCHEME.exec(value.trim())?.[1] ?? value;
  if (candidate.length < minLength || /\s/.test(candidate)) return false;
  if (isPlaceholder(candidate) || isReferenceValue(candidate) || PUBLISHABLE.test(candidate) || PASSWORD_HASH.test(candidate)) {
    return false;
  }
  if (NUMBER_LIKE.test(candidate) || REGEX_LIKE.test(candidate) || NOT_A_SECRET.test(candidate)) return false;
  if (isIdentifierLike(candidate)) return false;
  // Non-ASCII letters read as natural language (`Contraseña`, `Пароль`), not as a generated secret.
  if (/[^\x00-\x7f]/.test(candidate)) return false;
  if (/^[a-z0-9]+(?:\/[a-z0-9._-]+){2,}$/.test(candidate)) return false;
  return characterClasses(candidate) >= 2 || candidate.length >= 24;
}

// ---------------------------------------------------------------------------
// Known credential formats

interface CredentialFormat {
  kind: string;
  source: string;
  /** Length of the fixed prefix; the rest is checked for placeholder bodies. */
  prefix: number;
  verify?: (token: string) => boolean;
}

const FORMATS: CredentialFormat[] = [
  { kind: 'AWS access key ID', source: '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}', prefix: 4 },
  { kind: 'GitHub token', source: 'gh[pousr]_[A-Za-z0-9]{36}', prefix: 4 },
  { kind: 'GitHub token', source: 'github_pat_[A-Za-z0-9_]{82}', prefix: 11 },
  { kind: 'GitLab token', source: 'glpat-[A-Za-z0-9_-]{20}', prefix: 6 },
  { kind: 'Slack token', source: 'xox[baprs]-\\d{8,13}-[A-Za-z0-9-]{8,}', prefix: 5 },
  { kind: 'Slack webhook URL', source: 'https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{20,}', prefix: 33 },
  { kind: 'Stripe secret key', source: '(?:sk|rk)_(?:live|prod)_[A-Za-z0-9]{20,}', prefix: 8 },
  { kind: 'Anthropic API key', source: 'sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,}', prefix: 13 },
  { kind: 'OpenAI API key', source: 'sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|sk-[A-Za-z0-9]{48}', prefix: 3 },
  { kind: 'Google API key', source: 'AIza[A-Za-z0-9_-]{35}', prefix: 4 },
  { kind: 'JSON Web Token', source: 'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}', prefix: 0, verify: isRealJwt },
  { kind: 'SendGrid API key', source: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', prefix: 3 },
  { kind: 'Twilio API key', source: 'SK[0-9a-fA-F]{32}', prefix: 2 },
  { kind: 'npm token', source: 'npm_[A-Za-z0-9]{36}', prefix: 4 },
];

/** One pass over the text for every format; the capture group says which matched. */
const COMBINED = new RegExp(`(?<![A-Za-z0-9_])(?:${FORMATS.map((format) => `(${format.source})`).join('|')})(?![A-Za-z0-9_])`, 'g');
/** The shortest format (an AWS key id) is 20 characters; shorter text cannot hold one. */
const MIN_FORMAT_LENGTH = 20;
const PEM_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/g;

function decodeBase64Url(segment: string): string | undefined {
  try {
    return atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

/**
 * A JWT that grants something: not Supabase's public `anon` key (meant to ship
 * in clients) and not jwt.io's "John Doe" example.
 */
function isRealJwt(token: string): boolean {
  const payload = decodeBase64Url(token.split('.')[1]!);
  if (!payload) return true;
  if (/"role"\s*:\s*"anon"/.test(payload)) return false;
  return !(/"sub"\s*:\s*"1234567890"/.test(payload) && /"name"\s*:\s*"John Doe"/.test(payload));
}

/** A token body that is a visible fake: `EXAMPLE`, `xxxx`, a repeated character, `abcdef`/`123456` runs. */
function isFakeBody(body: string): boolean {
  if (/example|sample|dummy|fake|placeholder|your|redacted|x{4}|\*{3}/i.test(body)) return true;
  if (/(.)\1{5,}/.test(body)) return true;
  if (new Set(body).size < Math.min(6, body.length / 3)) return true;
  const lower = body.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    run = lower.charCodeAt(i) === lower.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

export interface CredentialFinding {
  /** What was found: `GitHub token`, `private key`, `password` (in a connection URL). */
  kind: string;
  /** `format` for a known credential format, `connection-url` for a URL's password. */
  source: 'format' | 'connection-url';
  /** Offsets of the secret itself in the scanned text. */
  range: Range;
  /** The secret as written. */
  value: string;
  /** The secret as a message may show it. */
  masked: string;
  /** For `connection-url`: the URL's scheme (`postgresql`). */
  scheme?: string;
}

function findPrivateKeys(text: string, findings: CredentialFinding[]): void {
  if (!text.includes('PRIVATE KEY-----')) return;
  PEM_HEADER.lastIndex = 0;
  for (let match = PEM_HEADER.exec(text); match; match = PEM_HEADER.exec(text)) {
    const headerEnd = match.index + match[0].length;
    // The body: base64 lines, after real newlines or `\n` escapes in source.
    const body = /^(?:\s|\\[rn])*([A-Za-z0-9+/=]{40,})/.exec(text.slice(headerEnd, headerEnd + 200));
    if (!body || isFakeBody(body[1]!)) continue;
    const endMarker = text.indexOf('PRIVATE KEY', headerEnd);
    const footer = endMarker === -1 ? -1 : text.indexOf('-----', endMarker);
    const end = footer === -1 ? headerEnd + body[0].length : footer + 5;
    findings.push({
      kind: 'private key',
      source: 'format',
      range: [match.index, end],
      value: text.slice(match.index, end),
      masked: `-----BEGIN ${match[1]}PRIVATE KEY-----${'*'.repeat(8)}`,
    });
    PEM_HEADER.lastIndex = end;
  }
}

/** Hints of a secret in a whole file: a secret-like word, a URL, or a known format's shape. A cheap test before walking it. */
const SECRET_HINT = /secret|pass|pwd|token|key|cred|auth|pw/i;

/** Whether a file's text may hold anything `findCredentials` or a secret-like name would find; false means skip it. */
export function mayContainSecrets(text: string): boolean {
  if (SECRET_HINT.test(text) || text.includes('://')) return true;
  COMBINED.lastIndex = 0;
  return COMBINED.test(text);
}

function findFormats(text: string, findings: CredentialFinding[]): void {
  COMBINED.lastIndex = 0;
  for (let match = COMBINED.exec(text); match; match = COMBINED.exec(text)) {
    const index = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const format = FORMATS[index]!;
    const token = match[0];
    if (isFakeBody(token.slice(format.prefix)) || (format.verify && !format.verify(token))) continue;
    findings.push({
      kind: format.kind,
      source: 'format',
      range: [match.index, match.index + token.length],
      value: token,
      masked: maskSecret(token),
    });
  }
}

const PASSWORD_PARAMS = new Set(['password', 'passwd', 'pwd', 'pass']);
const PASSWORD_PARAM = /[?&](?:pass(?:word|wd)?|pwd)=/i;
/** Documentation hosts: `example.com`, `*.test`, `host`, `<host>`, `${DB_HOST}` stands for one too. */
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$|^(?:host|hostname|server|domain|your[-_].*|<.*>)$/;

/** Passwords of URLs to the developer's own machine or to documentation hosts are not findings. */
function isRealPassword(password: string, username: string | undefined, hosts: string[]): boolean {
  if (isPlaceholder(password) || password === username) return false;
  return !hosts.every((host) => host === '' || isLoopbackHost(host) || EXAMPLE_HOST.test(host));
}

/** Stands for a host that is not in the text: `redis://:pw@${host}` in a template literal piece. */
const UNKNOWN_HOST = '(unknown)';

function findUrlPasswords(text: string, findings: CredentialFinding[]): void {
  for (const url of findConnectionUrls(text)) {
    // No host at all is a local socket (`postgresql:///db`), unless the text ends right after the `@`.
    const hostCut = url.range[1] === text.length && text.endsWith('@');
    const hosts = url.hosts.length > 0 ? url.hosts.map((host) => host.host) : [hostCut ? UNKNOWN_HOST : ''];
    const secrets = url.password ? [{ value: url.password.value, range: url.password.range }] : [];
    for (const param of url.query) {
      if (PASSWORD_PARAMS.has(param.name.toLowerCase())) secrets.push({ value: param.value, range: param.valueRange });
    }
    for (const { value, range } of secrets) {
      if (!isRealPassword(value, url.username?.value, hosts)) continue;
      findings.push({
        kind: 'password',
        source: 'connection-url',
        range,
        value: text.slice(range[0], range[1]),
        masked: maskSecret(value),
        scheme: url.scheme,
      });
    }
  }
}

/**
 * Every credential in a piece of text (a string literal's source, a Dockerfile
 * argument): known formats anywhere in it and passwords of connection URLs.
 * Ranges are offsets in `text`, sorted; overlapping findings keep the format.
 */
export function findCredentials(text: string): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  if (text.length >= MIN_FORMAT_LENGTH) {
    findPrivateKeys(text, findings);
    findFormats(text, findings);
  }
  // URL passwords need `user:pass@` or a `?password=` parameter: skip the parse for every other URL.
  if (text.includes('://') && (text.includes('@') || PASSWORD_PARAM.test(text))) {
    const formats = findings.length;
    findUrlPasswords(text, findings);
    for (let i = findings.length - 1; i >= formats; i--) {
      const [start, end] = findings[i]!.range;
      if (findings.slice(0, formats).some(({ range }) => range[0] < end && start < range[1])) findings.splice(i, 1);
    }
  }
  return findings.sort((a, b) => a.range[0] - b.range[0]);
}

/** How a message names a finding: `a GitHub token`, `an AWS access key ID`, `a password in a postgresql URL`; `a hardcoded secret` for none. */
export function describeFinding(finding?: CredentialFinding): string {
  if (!finding) return 'a hardcoded secret';
  if (finding.source === 'connection-url') return `a password in a ${finding.scheme ?? 'connection'} URL`;
  return `${/^[AEIOU]|^npm/i.test(finding.kind) ? 'an' : 'a'} ${finding.kind}`;
}

// ---------------------------------------------------------------------------
// Options

export interface SecretsOptions {
  /** Regular expressions (case-insensitive) for names never treated as secrets. */
  ignoreNames?: string[];
  /** Regular expressions (case-insensitive) for more secret names. */
  extraNamePatterns?: string[];
  /** Shortest literal assigned to a secret-like name that is reported. */
  minLength?: number;
}

export const DEFAULT_MIN_LENGTH = 8;

export interface SecretMatcher {
  /** Whether a name (a variable, key, keyword or environment variable) holds a secret. */
  isSecretName(name: string): boolean;
  /** Whether findings in a literal assigned to this name are skipped. */
  isIgnoredName(name: string): boolean;
  /** Whether a literal assigned to a secret-like name is a credential. */
  isSecretValue(value: string): boolean;
}

const matchers = new Map<string, SecretMatcher>();

/** The name and value checks for one set of options, compiled once and reused across files. */
export function secretMatcher(options: SecretsOptions = {}): SecretMatcher {
  const key = JSON.stringify([options.ignoreNames ?? [], options.extraNamePatterns ?? [], options.minLength]);
  let matcher = matchers.get(key);
  if (matcher) return matcher;
  const ignore = (options.ignoreNames ?? []).map((pattern) => new RegExp(pattern, 'iu'));
  const extra = (options.extraNamePatterns ?? []).map((pattern) => new RegExp(pattern, 'iu'));
  const minLength = options.minLength ?? DEFAULT_MIN_LENGTH;
  const isIgnoredName = (name: string): boolean => ignore.some((pattern) => pattern.test(name));
  matcher = {
    isIgnoredName,
    isSecretName: (name) => !isIgnoredName(name) && (extra.some((pattern) => pattern.test(name)) || isSecretName(name)),
    isSecretValue: (value) => looksLikeSecretValue(value, minLength),
  };
  if (matchers.size > 32) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

/** How a message shows a literal: masked, never whole. */
export function maskValue(value: string): string {
  return maskSecret(AUTH_SCHEME.exec(value.trim())?.[1] ?? value);
}

const PUBLIC_MATERIAL = /-----BEGIN (?:[A-Z0-9]+ )*(?:PUBLIC KEY|CERTIFICATE)-----/;

/**
 * Whether the literal key of `jwt.sign`/`jwt.encode` is a hardcoded secret: any
 * non-empty value, placeholders included (they sign real tokens), but not a
 * template nor a public key or certificate (verification with RS256/ES256).
 */
export function isLiteralSigningKey(value: string): boolean {
  return value.trim() !== '' && !/\$\{|\{\{/.test(value) && !PUBLIC_MATERIAL.test(value);
}

/**
 * Whether replacing the whole literal by an environment variable keeps its meaning:
 * the literal is the secret itself or a whole connection URL, not `Bearer <token>`
 * or a command line that contains one.
 */
export function isWholeSecret(value: string, finding?: CredentialFinding): boolean {
  if (!finding) return !AUTH_SCHEME.test(value.trim());
  if (finding.source === 'connection-url') return parseConnectionUrl(value) !== null;
  return finding.value === value.trim();
}
