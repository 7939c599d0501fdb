/**
 * Pure knowledge about password hashing, shared by `no-weak-hashing` across
 * languages: the guides' thresholds, hash algorithm names, passlib schemes, and
 * the name heuristics that tell a password or a secret from a file or an e-mail.
 */

/** AMAS › 1.2 Password Policy, AutonomOS › Password Security, and a PBKDF2 floor (see the rule doc). */
export const GUIDE_MINIMUMS = {
  bcryptCost: 12,
  argon2MemoryKiB: 65536,
  argon2Iterations: 3,
  pbkdf2Iterations: 100_000,
} as const;

/** `genSalt()` without a cost in bcrypt and bcryptjs. */
export const BCRYPT_JS_DEFAULT_COST = 10;
/** node-argon2 and argon2-cffi (and passlib, which takes argon2-cffi's) default memory. */
export const ARGON2_DEFAULT_MEMORY_KIB = 65536;
/** pycryptodome's and the `pbkdf2` package's `PBKDF2(..., count=1000)`. */
export const PYTHON_PBKDF2_DEFAULT_ITERATIONS = 1000;

// ---------------------------------------------------------------------------
// Algorithms

/** Broken digests: never for passwords or secrets. */
const WEAK_ALGORITHMS = new Set(['md2', 'md4', 'md5', 'sha', 'sha0', 'sha1', 'md5sha1']);

/** Sound but fast digests: fine for tokens and files, not for a password on its own. */
const FAST_ALGORITHMS = new Set([
  'sha224', 'sha256', 'sha384', 'sha512', 'sha512224', 'sha512256',
  'sha3224', 'sha3256', 'sha3384', 'sha3512', 'shake128', 'shake256',
  'blake2b', 'blake2b512', 'blake2s', 'blake2s256', 'blake3',
  'ripemd160', 'rmd160', 'whirlpool', 'sm3',
]);

const DISPLAY: Record<string, string> = {
  md2: 'MD2', md4: 'MD4', md5: 'MD5', sha: 'SHA-0', sha0: 'SHA-0', sha1: 'SHA-1', md5sha1: 'MD5-SHA1',
  sha224: 'SHA-224', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512',
  sha512224: 'SHA-512/224', sha512256: 'SHA-512/256',
  sha3224: 'SHA3-224', sha3256: 'SHA3-256', sha3384: 'SHA3-384', sha3512: 'SHA3-512',
  shake128: 'SHAKE128', shake256: 'SHAKE256', blake2b: 'BLAKE2b', blake2b512: 'BLAKE2b', blake2s: 'BLAKE2s',
  blake2s256: 'BLAKE2s', blake3: 'BLAKE3', ripemd160: 'RIPEMD-160', rmd160: 'RIPEMD-160', whirlpool: 'Whirlpool', sm3: 'SM3',
};

/** `RSA-SHA1`, `sha-1`, `SHA1`, `sha3_256` → `sha1`, `sha3256`; a canonical key for the tables above. */
export function normalizeAlgorithm(name: string): string {
  return name.toLowerCase().replace(/^rsa-/, '').replace(/[-_/\s]/g, '');
}

export type AlgorithmStrength = 'weak' | 'fast';

/** `weak` for MD5/SHA-1 and kin, `fast` for SHA-2/SHA-3/BLAKE2, undefined for anything else. */
export function algorithmStrength(name: string): AlgorithmStrength | undefined {
  const key = normalizeAlgorithm(name);
  if (WEAK_ALGORITHMS.has(key)) return 'weak';
  if (FAST_ALGORITHMS.has(key)) return 'fast';
  return undefined;
}

export function displayAlgorithm(name: string): string {
  return DISPLAY[normalizeAlgorithm(name)] ?? name;
}

// ---------------------------------------------------------------------------
// passlib schemes

/** passlib schemes that must not hash new passwords, with the reason shown to the user. */
const WEAK_PASSLIB_SCHEMES: Record<string, string> = {
  plaintext: 'plain text, not a hash at all',
  ldap_plaintext: 'plain text, not a hash at all',
  roundup_plaintext: 'plain text, not a hash at all',
  md5_crypt: 'MD5-based with a fixed 1000 rounds',
  apr_md5_crypt: 'MD5-based with a fixed 1000 rounds',
  sun_md5_crypt: 'MD5-based',
  ldap_md5_crypt: 'MD5-based with a fixed 1000 rounds',
  sha1_crypt: 'SHA-1-based',
  ldap_sha1_crypt: 'SHA-1-based',
  des_crypt: 'DES-based, with 8-character passwords and a 12-bit salt',
  ldap_des_crypt: 'DES-based, with 8-character passwords and a 12-bit salt',
  django_des_crypt: 'DES-based, with 8-character passwords and a 12-bit salt',
  bsdi_crypt: 'DES-based',
  ldap_bsdi_crypt: 'DES-based',
  bigcrypt: 'DES-based',
  crypt16: 'DES-based',
  hex_md4: 'an unsalted MD4',
  hex_md5: 'an unsalted MD5',
  hex_sha1: 'an unsalted SHA-1',
  hex_sha256: 'an unsalted SHA-256',
  hex_sha512: 'an unsalted SHA-512',
  ldap_md5: 'an unsalted MD5',
  ldap_hex_md5: 'an unsalted MD5',
  ldap_salted_md5: 'a single salted MD5',
  ldap_sha1: 'an unsalted SHA-1',
  ldap_hex_sha1: 'an unsalted SHA-1',
  ldap_salted_sha1: 'a single salted SHA-1',
  ldap_salted_sha256: 'a single salted SHA-256',
  ldap_salted_sha512: 'a single salted SHA-512',
  django_salted_md5: 'a single salted MD5',
  django_salted_sha1: 'a single salted SHA-1',
  mysql323: 'a broken legacy MySQL hash',
  mysql41: 'an unsalted double SHA-1',
  postgres_md5: 'an MD5 salted only with the user name',
  oracle10: 'DES-based',
  oracle11: 'a single salted SHA-1',
  lmhash: 'the LAN Manager hash',
  nthash: 'an unsalted MD4',
  bsd_nthash: 'an unsalted MD4',
  msdcc: 'an MD4 salted only with the user name',
  msdcc2: 'a low-iteration PBKDF2 over MD4',
  cisco_pix: 'an MD5 salted only with the user name',
  cisco_asa: 'an MD5 salted only with the user name',
  cisco_type7: 'a reversible encoding',
  htdigest: 'an MD5 salted only with the realm',
};

/** Why a passlib scheme is weak, or undefined when it is fine (argon2, bcrypt, scrypt, pbkdf2_*, sha512_crypt...). */
export function weakPasslibScheme(scheme: string): string | undefined {
  return Object.hasOwn(WEAK_PASSLIB_SCHEMES, scheme) ? WEAK_PASSLIB_SCHEMES[scheme] : undefined;
}

/** passlib handlers whose `rounds` is a bcrypt cost. */
export function isPasslibBcryptScheme(scheme: string): boolean {
  return scheme === 'bcrypt' || scheme === 'bcrypt_sha256';
}

export function isPasslibPbkdf2Scheme(scheme: string): boolean {
  return /(?:^|_)pbkdf2_sha(?:1|256|512)$/.test(scheme);
}

/** The cost inside a bcrypt salt or hash string (`$2b$10$...`). */
export function bcryptCostFromSalt(salt: string): number | undefined {
  const match = /^\$2[abxy]?\$(\d{1,2})\$/.exec(salt);
  return match ? Number(match[1]) : undefined;
}

// ---------------------------------------------------------------------------
// Argon2

/** A parameter as the rule saw it: a number, the library default (omitted), or unknown (computed). */
export type ParameterValue = number | 'default' | 'unknown';

export interface Argon2Parameters {
  memoryKiB: ParameterValue;
  iterations: ParameterValue;
}

export interface Argon2Minimums {
  memoryKiB: number;
  iterations: number;
}

export interface Argon2Shortfall {
  memory: boolean;
  iterations: boolean;
}

/**
 * Which Argon2 parameters fall short. Memory below the minimum always does;
 * fewer iterations do unless more memory makes up for them (memory × passes at
 * least the guide's 64 MiB × 3), the trade-off RFC 9106 and OWASP describe.
 * Unknown values never produce a finding.
 */
export function argon2Shortfall(
  parameters: Argon2Parameters,
  minimums: Argon2Minimums,
  defaultMemoryKiB = ARGON2_DEFAULT_MEMORY_KIB,
): Argon2Shortfall {
  const memory = parameters.memoryKiB === 'default' ? defaultMemoryKiB : parameters.memoryKiB;
  const memoryShort = typeof parameters.memoryKiB === 'number' && parameters.memoryKiB < minimums.memoryKiB;
  let iterationsShort = false;
  if (typeof parameters.iterations === 'number' && parameters.iterations < minimums.iterations) {
    iterationsShort = memory === 'unknown' ? false : memory * parameters.iterations < minimums.memoryKiB * minimums.iterations;
  }
  return { memory: memoryShort, iterations: iterationsShort };
}

/** An Argon2 parameter below the minimum, with its message and suggestion. */
export interface Argon2Finding {
  parameter: 'memory' | 'iterations';
  messageId: 'argon2Memory' | 'argon2Iterations';
  suggestionId: 'raiseArgon2Memory' | 'raiseArgon2Iterations';
  /** The data of both; `min` is also the value the suggestion writes. */
  data: { value: string; min: string } & Record<string, string>;
}

/** What `argon2Shortfall` finds, worded the same in every language (memory first). */
export function argon2Findings(parameters: Argon2Parameters, minimums: Argon2Minimums, defaultMemoryKiB: number): Argon2Finding[] {
  const shortfall = argon2Shortfall(parameters, minimums, defaultMemoryKiB);
  const { memoryKiB, iterations } = parameters;
  const findings: Argon2Finding[] = [];
  if (shortfall.memory && typeof memoryKiB === 'number') {
    const min = String(minimums.memoryKiB);
    const data = { value: String(memoryKiB), readable: formatKiB(memoryKiB), min, minReadable: formatKiB(minimums.memoryKiB) };
    findings.push({ parameter: 'memory', messageId: 'argon2Memory', suggestionId: 'raiseArgon2Memory', data });
  }
  if (shortfall.iterations && typeof iterations === 'number') {
    const data = { value: String(iterations), min: String(minimums.iterations) };
    findings.push({ parameter: 'iterations', messageId: 'argon2Iterations', suggestionId: 'raiseArgon2Iterations', data });
  }
  return findings;
}

/** `65536` → `64 MiB`, `19456` → `19 MiB`, `4096` → `4 MiB`, `512` → `512 KiB`. */
export function formatKiB(kib: number): string {
  return kib >= 1024 ? `${Math.round((kib / 1024) * 10) / 10} MiB` : `${kib} KiB`;
}

/** Arithmetic as written in a cost parameter (`64 * 1024`, `1 << 16`, `2 ** 16`, `600000 // 2`). */
export function numericOperation(operator: string, left: number, right: number): number | undefined {
  switch (operator) {
    case '+': return left + right;
    case '-': return left - right;
    case '*': return left * right;
    case '/': return left / right;
    case '//': return Math.floor(left / right);
    case '%': return left % right;
    case '**': return left ** right;
    case '<<': return left << right;
    case '>>': return left >> right;
    default: return undefined;
  }
}

// ---------------------------------------------------------------------------
// Names

/**
 * What a name says about the value it holds:
 * - `password`: chosen by a person, so low-entropy: needs a slow, salted hash;
 * - `secret`: a token, API key or secret generated by a machine: a fast hash is
 *   fine, a broken one (MD5, SHA-1) is not;
 * - `public`: something named as not secret (an e-mail, a file, an id, a cache key);
 * - `undefined`: the name says nothing.
 */
export type NameClass = 'password' | 'secret' | 'public';

/**
 * `data` names the value being hashed: a word such as `hash` then means it is
 * already a digest. `target` names where the result goes (`passwordHash`) or the
 * function doing it (`hashPassword`): `hash` is then neutral.
 */
export type NameRole = 'data' | 'target';

const PASSWORD_WORDS = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'pw', 'pword', 'pass', 'passphrase', 'passcode', 'pin', 'pincode',
  'credential', 'credentials', 'creds', 'cred', 'userpassword', 'newpassword', 'oldpassword', 'plainpassword',
]);
const SECRET_WORDS = new Set(['token', 'tokens', 'secret', 'secrets', 'apikey', 'apikeys', 'accesskey', 'secretkey', 'privatekey', 'clientsecret']);
/** A `key` is a secret only after one of these (`apiKey`, `signing_key`); `cacheKey` is not. */
const SECRET_KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'signing', 'encryption', 'master', 'client', 'hmac', 'jwt', 'auth']);
const PUBLIC_WORDS = new Set([
  'id', 'ids', 'uuid', 'guid', 'name', 'names', 'username', 'login', 'email', 'emails', 'mail', 'address', 'phone',
  'hint', 'length', 'len', 'size', 'count', 'type', 'field', 'label', 'policy', 'rule', 'rules', 'regex', 'pattern',
  'url', 'uri', 'path', 'file', 'files', 'filename', 'dir', 'directory', 'folder', 'content', 'contents', 'body',
  'expiry', 'expires', 'expiration', 'date', 'time', 'timestamp', 'version', 'strength', 'score', 'min', 'max',
  'enabled', 'required', 'changed', 'updated', 'created', 'attempts', 'etag', 'checksum', 'fingerprint',
  'gravatar', 'avatar', 'cache', 'salt', 'pepper', 'iv', 'nonce', 'prefix', 'suffix', 'column', 'placeholder',
  'message', 'error', 'html', 'image', 'blob', 'chunk', 'stream', 'filepath',
  // Random or time-based input has no secret to protect.
  'random', 'urandom', 'getrandbits', 'now',
  // Working directories and paths (`pwd = os.getcwd()`).
  'cwd', 'getcwd', 'abspath', 'realpath', 'dirname', 'basename', 'resolve',
]);
/** Words that mean "already hashed" when they name the hashed data. */
const DIGEST_WORDS = new Set(['hash', 'hashed', 'hashes', 'digest', 'encrypted', 'crypted', 'hmac', 'sig', 'signature']);
const SALT_WORDS = new Set(['salt', 'salted', 'pepper', 'peppered']);

/** `passwordResetToken` → `password reset token`; `API_KEY` → `api key`; `userPWD2` → `user pwd 2`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isPasswordWord(word: string): boolean {
  return PASSWORD_WORDS.has(word) || /passw(?:or)?d/.test(word) || /^(?:new|old|user|current|confirm|plain)(?:pwd|pin|pass)$/.test(word);
}

/** Classifies one name by its last meaningful word (English compounds put the head noun last). */
export function classifyName(name: string, role: NameRole): NameClass | undefined {
  const words = nameWords(name);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    const previous = i > 0 ? words[i - 1]! : '';
    if (word === 'key' || word === 'keys') return SECRET_KEY_QUALIFIERS.has(previous) ? 'secret' : 'public';
    // A security question's answer is chosen by a person, like a password.
    if (word === 'answer' && (previous === 'secret' || previous === 'security')) return 'password';
    if (SECRET_WORDS.has(word)) return 'secret';
    if (isPasswordWord(word)) return 'password';
    if (PUBLIC_WORDS.has(word)) return 'public';
    if (role === 'data' && DIGEST_WORDS.has(word)) return 'public';
  }
  return undefined;
}

export interface DataClassification {
  kind: NameClass | undefined;
  /** The name that decided `kind`, for the message. */
  name: string | undefined;
  /** Some part of the data is named as a salt or pepper. */
  salted: boolean;
}

/**
 * Classifies hashed data from the names found in it (`salt + password` gives
 * `salt` and `password`): a password anywhere makes it a password, then a
 * secret, then a public value.
 */
export function classifyData(names: readonly string[]): DataClassification {
  let best: { kind: NameClass; name: string } | undefined;
  const rank: Record<NameClass, number> = { password: 3, secret: 2, public: 1 };
  let salted = false;
  for (const name of names) {
    if (nameWords(name).some((word) => SALT_WORDS.has(word))) salted = true;
    const kind = classifyName(name, 'data');
    if (kind && (!best || rank[kind] > rank[best.kind])) best = { kind, name };
  }
  return { kind: best?.kind, name: best?.name, salted };
}

/** Member names that only read or convert the value they are called on (`password.encode()`). */
export const PASS_THROUGH_METHODS = new Set([
  'encode', 'decode', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'casefold', 'format', 'join',
  'toString', 'trim', 'trimStart', 'trimEnd', 'normalize', 'toLowerCase', 'toUpperCase', 'valueOf', 'concat',
  'toLocaleLowerCase', 'toLocaleUpperCase', 'from', 'stringify',
]);

/** Property names that hold "the value" of their object (`passwordInput.value`, `form.password.data`). */
export const GENERIC_PROPERTIES = new Set(['value', 'data', 'text', 'raw', 'current', 'val', 'buffer', 'bytes']);

/**
 * The names to use for a variable given what it holds: its value's names win when
 * they say it is public (`pwd = os.getcwd()`) or when its own name says nothing
 * (`x = request.form["password"]`).
 */
export function namesForVariable(name: string, valueNames: readonly string[] | undefined): readonly string[] {
  if (!valueNames || valueNames.length === 0) return [name];
  const own = classifyName(name, 'data');
  const value = classifyData(valueNames).kind;
  if (value === 'public' || (own === undefined && value !== undefined)) return valueNames;
  return [name];
}

export type HashFinding = 'weakPasswordHash' | 'weakSecretHash' | 'unsaltedPasswordHash';

/**
 * The verdict for a digest of data: MD5/SHA-1 of a password or secret, or a
 * fast unsalted digest of a password. Public or unnamed data is never a finding.
 */
export function hashFinding(strength: AlgorithmStrength, kind: NameClass | undefined, salted: boolean): HashFinding | undefined {
  if (kind === 'password') {
    if (strength === 'weak') return 'weakPasswordHash';
    return salted ? undefined : 'unsaltedPasswordHash';
  }
  if (kind === 'secret' && strength === 'weak') return 'weakSecretHash';
  return undefined;
}

/** The names to go by when the hashed data's own names say nothing. */
export interface DigestFallback {
  /** Where the digest is stored: `passwordHash` in `const passwordHash = md5(x)`. */
  target: string | undefined;
  /** The enclosing function, when the data is its own parameter: `hashPassword` in `hashPassword(input)`. */
  functionName: string | undefined;
}

/**
 * The finding for a digest of data with these names, and the name the message
 * shows. When the data's names say nothing, the target and then the function
 * name decide; `fallback` is only asked then.
 */
export function digestFinding(
  strength: AlgorithmStrength,
  dataNames: readonly string[],
  fallback: () => DigestFallback,
): { messageId: HashFinding; name: string } | undefined {
  const classification = classifyData(dataNames);
  let { kind, name } = classification;
  if (kind === undefined) {
    const { target, functionName } = fallback();
    const fallbacks: [string | undefined, string][] = [[target, target ?? ''], [functionName, `in ${functionName}()`]];
    for (const [candidate, label] of fallbacks) {
      const candidateKind = candidate === undefined ? undefined : classifyName(candidate, 'target');
      if (candidateKind !== undefined) {
        kind = candidateKind;
        name = label;
        break;
      }
    }
  }
  const messageId = hashFinding(strength, kind, classification.salted);
  // A finding needs a kind, and every kind comes with the name that decided it.
  return messageId ? { messageId, name: name ?? '' } : undefined;
}
