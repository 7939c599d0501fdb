/**
 * What a password length policy looks like in code: the names of password fields,
 * of length settings and of the keys that hold a minimum, how a comparison with a
 * password's length reads as a minimum, and which code only checks a login (where
 * a minimum is a presence check, not a policy). Pure: names and numbers in, answers out.
 */
import { splitWords } from './secrets.js';

/** AMAS › 1.2 Password Policy: "Minimum 12 characters". */
export const DEFAULT_MIN_PASSWORD_LENGTH = 12;
/** A minimum of 0 or 1 only says "required" (`z.string().min(1)`): a presence check, not a policy. */
export const PRESENCE_CHECK_MAX = 1;
/** Django's `MinimumLengthValidator` and validator.js' `isStrongPassword` require 8 characters by default. */
export const LIBRARY_DEFAULT_MIN_LENGTH = 8;

/** Words that name the password itself. `pass` alone is too vague (and a Python keyword). */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pw']);
/**
 * Words that, before a password word, make the field something other than a password being chosen:
 * an existing password (`currentPassword`), its confirmation (`confirmPassword`), a service's
 * credential (`DB_PASSWORD`, `smtp_password`), a derived value (`hashedPassword`), a flag or action
 * (`showPassword`, `resetPassword`).
 */
const NOT_CHOSEN_QUALIFIERS = new Set([
  'old', 'current', 'existing', 'previous', 'prev', 'confirm', 'confirmation', 'confirmed', 'repeat', 'repeated',
  'retype', 'retyped', 'verify', 'verification', 'again', 'match', 'db', 'database', 'postgres', 'postgresql', 'pg',
  'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'sql', 'smtp', 'mail', 'email', 'imap', 'ldap', 'proxy', 'api',
  'service', 'wifi', 'vault', 'keystore', 'store', 'truststore', 'bind', 'ftp', 'sftp', 'ssh', 'sudo', 'system',
  'master', 'rabbitmq', 'amqp', 'broker', 'kafka', 'elastic', 'elasticsearch', 'basic', 'http', 'registry', 'docker',
  'aws', 's3', 'git', 'app', 'application', 'bot', 'client', 'hashed', 'hash', 'encrypted', 'crypted', 'salted',
  'masked', 'is', 'has', 'show', 'hide', 'toggle', 'use', 'with', 'no', 'needs', 'validate', 'check', 'get', 'set',
  'generate', 'generated', 'random', 'reset', 'forgot', 'forgotten', 'change', 'update', 'on', 'handle', 'num', 'max',
  'min', 'default', 'dummy', 'fake', 'test', 'sample', 'example', 'one', 'otp', 'expired', 'wrong', 'invalid', 'last',
]);
/** Words after a password word in the name of something holding its rules: `passwordSchema`, `password_policy`. */
const RULES_SUFFIXES = new Set([
  'schema', 'validator', 'validators', 'validation', 'rule', 'rules', 'field', 'str', 'string', 'constraint',
  'constraints', 'policy', 'policies', 'options', 'requirements', 'config', 'settings', 'spec',
]);
/** Words a length setting's name is made of: `PASSWORD_MIN_LENGTH`, `MinimumPasswordLength`. */
const SETTING_WORDS = new Set([
  'min', 'minimum', 'length', 'len', 'chars', 'characters', 'char', 'size', 'auth', 'user', 'account', 'default',
  'new', 'policy', 'required',
]);
const MIN_WORDS = new Set(['min', 'minimum']);
/** Keys that hold a minimum length in a rules object (JSON Schema, mongoose, Cognito, Cerberus). */
const MIN_LENGTH_KEYS = new Set(['minlength', 'minimumlength', 'minlen', 'min', 'minimum', 'minchars', 'minimumchars']);
/** Words that make a function something other than a check of a new password. */
const NOT_A_CHECK = new Set([
  'hash', 'hashed', 'verify', 'compare', 'match', 'matches', 'encrypt', 'decrypt', 'generate', 'random', 'confirm',
  'old', 'current', 'existing', 'previous', 'expired', 'expiry', 'reset',
]);

/** `password`, `newPassword`, `user_password`, `pwd`, `password1`; not `password_hash`, `confirmPassword`, `password2`. */
function fieldWords(name: string): readonly string[] | undefined {
  const words = splitWords(name);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  // Django's `password1` is the password, `password2` its confirmation. (splitWords' arrays are cached: copy, never edit.)
  const numbered = /^([a-z]+?)(\d)$/.exec(last);
  if (numbered && PASSWORD_WORDS.has(numbered[1]!)) {
    return numbered[2] === '1' ? [...words.slice(0, -1), numbered[1]!] : undefined;
  }
  return words;
}

function isFieldWords(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (!last || !PASSWORD_WORDS.has(last)) return false;
  return !words.slice(0, -1).some((word) => NOT_CHOSEN_QUALIFIERS.has(word) || PASSWORD_WORDS.has(word));
}

/** The name of a field or variable that holds a password being chosen. */
export function isPasswordFieldName(name: string): boolean {
  const words = fieldWords(name);
  return !!words && isFieldWords(words);
}

/** A password field, or something that holds a password's rules: `passwordSchema`, `PasswordField`, `password_policy`. */
export function isPasswordRulesName(name: string): boolean {
  const words = fieldWords(name);
  if (!words) return false;
  let end = words.length;
  while (end > 1 && RULES_SUFFIXES.has(words[end - 1]!)) end--;
  return isFieldWords(words.slice(0, end));
}

/** `PASSWORD_MIN_LENGTH`, `MIN_PASSWORD_LENGTH`, `minPasswordLength`, `MinimumPasswordLength`; not `PASSWORD_MIN_AGE`. */
export function isMinLengthSettingName(name: string): boolean {
  const words = splitWords(name);
  let password = false;
  let min = false;
  for (const word of words) {
    if (PASSWORD_WORDS.has(word) && word !== 'pw') password = true;
    else if (MIN_WORDS.has(word)) min = true;
    else if (!SETTING_WORDS.has(word)) return false;
  }
  return password && min;
}

/** `minLength`, `min_length`, `minlength`, `MinimumLength`, `min`: a key holding a minimum length. */
export function isMinLengthKey(name: string): boolean {
  return MIN_LENGTH_KEYS.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** A function that checks a password being chosen: `validate_password`, `isStrongPassword`, `checkPasswordStrength`. */
export function isPasswordCheckName(name: string): boolean {
  const words = splitWords(name);
  return words.some((word) => PASSWORD_WORDS.has(word)) && !words.some((word) => NOT_A_CHECK.has(word));
}

/** Words of code that guesses about passwords rather than enforcing a policy: secret scanners. */
const GUESSING_WORDS = new Set(['likely', 'looks', 'real', 'guess', 'guesses', 'crack', 'cracked', 'leaked']);
/** Words of strength meters, unless the name also says it validates (`validatePasswordStrength`). */
const SCORING_WORDS = new Set([
  'strength', 'score', 'scoring', 'meter', 'entropy', 'rating', 'rate', 'estimate', 'estimator', 'feedback',
  'indicator', 'suggestion', 'suggestions',
]);
const VALIDATING_WORDS = new Set(['validate', 'check', 'assert', 'ensure', 'enforce', 'verify', 'require', 'is', 'has']);

/** `getPasswordStrength`, `score_password`, `isLikelyRealPassword`: a length comparison there is a score, not a minimum. */
export function isAdvisoryName(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => GUESSING_WORDS.has(word))) return true;
  return words.some((word) => SCORING_WORDS.has(word)) && !VALIDATING_WORDS.has(words[0]!);
}

/** Parameter names that stand for "the value being validated" in a validator. */
const VALUE_PARAMETERS = new Set(['value', 'v', 'val', 's', 'str', 'string', 'text', 'candidate', 'input', 'p', 'field', 'raw', 'plain', 'data']);

/** The first parameter of a password check is the password when its name says it is or says nothing. */
export function isValueParameterName(name: string): boolean {
  return VALUE_PARAMETERS.has(name.toLowerCase()) || isPasswordFieldName(name);
}

/** What a class, function, schema or route name says about the code in it. */
export type Intent = 'login' | 'policy';

const POLICY_WORDS = new Set([
  'register', 'registration', 'signup', 'create', 'change', 'reset', 'update', 'set', 'new', 'invite', 'onboard',
  'onboarding', 'join', 'enroll', 'enrol',
]);
const LOGIN_WORDS = new Set(['login', 'signin', 'logon']);
/** `auth` says login only for the code's own name (`AuthForm`), not for a module or service around it. */
const NEAREST_LOGIN_WORDS = new Set(['auth', 'authenticate', 'authentication', 'credentials']);

/**
 * `login` for `LoginRequest`, `loginSchema`, `sign_in`, `/auth/login`; `policy` for
 * `RegisterForm`, `changePassword`, `/signup`; undefined when the name says neither.
 * `nearest` is whether this is the closest name around the code.
 */
export function nameIntent(name: string, nearest: boolean): Intent | undefined {
  const words = splitWords(name);
  let login = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (POLICY_WORDS.has(word) || (word === 'sign' && next === 'up')) return 'policy';
    if (LOGIN_WORDS.has(word) || ((word === 'sign' || word === 'log') && next === 'in')) login = true;
    if (nearest && NEAREST_LOGIN_WORDS.has(word)) login = true;
  }
  return login ? 'login' : undefined;
}

export type ComparisonOperator = '<' | '<=' | '>' | '>=';

/**
 * The minimum length a comparison of a password's length with `n` enforces:
 * `len < n` rejects shorter passwords (minimum n), `len <= n` rejects n too
 * (minimum n + 1), `len >= n` accepts n (minimum n), `len > n` accepts n + 1.
 * A maximum (`len > 128` rejected) reads as a large minimum and is never weak.
 */
export function minimumFromComparison(operator: string, lengthOnLeft: boolean, n: number): number | undefined {
  const flipped: Record<string, ComparisonOperator> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const op = lengthOnLeft ? operator : flipped[operator];
  if (op === '<' || op === '>=') return n;
  if (op === '<=' || op === '>') return n + 1;
  return undefined;
}

/** The number to write in a comparison for it to enforce `minimum` (`len < 12`, `len <= 11`). */
export function comparisonBound(operator: string, lengthOnLeft: boolean, minimum: number): number {
  return minimumFromComparison(operator, lengthOnLeft, minimum) === minimum ? minimum : minimum - 1;
}

/** A minimum that is a policy (not a presence check) and is below the required length. */
export function isWeakMinimum(minimum: number, required: number): boolean {
  return Number.isFinite(minimum) && minimum > PRESENCE_CHECK_MAX && minimum < required;
}

/** Django's validator, by import path or bare name. */
export function isDjangoMinimumLengthValidator(name: string): boolean {
  return /(?:^|\.)MinimumLengthValidator$/.test(name);
}
