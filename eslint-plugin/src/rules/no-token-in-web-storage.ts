import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, AST_NODE_TYPES } from '@typescript-eslint/utils';
import { wordsOf } from '../detectors/cookies.js';
import { createRule } from '../util/create-rule.js';
import { constantBinding, staticPropertyName, unwrapValue } from '../util/js-static-values.js';
import { LANGUAGE_NAMES } from '../util/languages.js';

export type Options = [{ allowKeys?: string[]; extraTokenNames?: string[] }];
export type MessageIds = 'tokenInStorage';

type Storage = 'localStorage' | 'sessionStorage';

const STORAGES: ReadonlySet<string> = new Set<Storage>(['localStorage', 'sessionStorage']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

/** Last words that make a name a bearer token: `accessToken`, `AUTH_TOKEN`, `app.jwt`. */
const TOKEN_HEADS = new Set(['token', 'tokens', 'jwt', 'jwts', 'bearer']);
/** Last words that make a name another auth secret: `auth`, `clientSecret`, `password`. */
const SECRET_HEADS = new Set([
  'auth', 'authorization', 'secret', 'secrets', 'password', 'passwd', 'passphrase', 'credential', 'credentials', 'creds',
  'apikey', 'privatekey', 'secretkey',
]);
/** `<word>Key` is a secret for these words: `apiKey`, `secret_key`, `privateKey`. */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'access', 'auth', 'session', 'signing', 'encryption', 'master',
]);
/** `session`, `sessionId` and `sid` are auth sessions alone or after these words: not `chatSession`, `checkoutSessionId`. */
const SESSION_QUALIFIERS = new Set(['user', 'auth', 'login', 'current', 'app', 'my', 'active']);
/**
 * Tokens that are not credentials: CSRF tokens (readable by any script on the
 * page anyway, from the DOM or a cookie), pagination cursors, design tokens,
 * push-notification and captcha tokens, lexer tokens.
 */
const NOT_AUTH = new Set([
  'csrf', 'xsrf', 'page', 'pagination', 'next', 'prev', 'previous', 'cursor', 'continuation', 'sync', 'design', 'color',
  'colour', 'theme', 'style', 'font', 'spacing', 'push', 'fcm', 'apns', 'notification', 'notifications', 'captcha',
  'recaptcha', 'hcaptcha', 'turnstile', 'lexer', 'parser', 'syntax', 'cancel', 'analytics', 'tracking',
]);
/** First words of flags and UI preferences: `isAuth`, `hasSession`, `showPassword`, `useAuth`. */
const FLAG_PREFIXES = new Set([
  'is', 'has', 'was', 'should', 'did', 'can', 'show', 'hide', 'remember', 'toggle', 'enable', 'disable', 'use', 'needs', 'allow',
]);
/** Trailing words that do not change what a name holds: `tokenValue`, `authData`, `token_v2`. */
const FILLERS = new Set([
  'value', 'val', 'data', 'str', 'string', 'raw', 'encoded', 'b64', 'base64', 'json', 'local', 'cache', 'cached', 'saved',
  'stored', 'persisted', 'storage', 'store', 'item',
]);
/** `tokens.access`, `token.value`: the property says which token, the object says it is one. */
const TOKEN_PARTS = new Set(['access', 'refresh', 'id']);
/** Values that are obviously not a credential. */
const TRIVIAL_STRINGS = new Set(['', 'true', 'false', 'null', 'undefined', '0', '1']);
const JWT = /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/;
/** Calls that pass their first argument (or object) through. */
const PASS_THROUGH_CALLS = new Set(['stringify', 'String', 'encodeURIComponent', 'btoa', 'toString', 'trim']);

export default createRule<Options, MessageIds>({
  name: 'no-token-in-web-storage',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript],
    docs: {
      description: 'Disallow writing auth tokens to localStorage or sessionStorage',
      recommended: true,
      guide: ['AutonomOS › Authentication Best Practices › JWT Token Security'],
      cwe: ['CWE-922'],
      howToFix:
        'Have the server set the token in an `httpOnly`, `secure`, `SameSite` cookie and stop storing or reading it in JavaScript; protect state-changing requests against CSRF.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowKeys: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions for storage keys that never hold an auth token, matched against the key as ' +
              'resolved (the dynamic parts of a template read as `*`).',
          },
          extraTokenNames: {
            type: 'array',
            items: { type: 'string' },
            description:
              'More names that mark a key or value as an auth token, matched as the last words of a name ' +
              '("ticket" matches `authTicket`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      tokenInStorage:
        'An auth token is written to {{storage}}, where any script on the page (an XSS) can read it. Keep tokens in httpOnly cookies.',
    },
  },
  defaultOptions: [{ allowKeys: [], extraTokenNames: [] }],
  create(context, [{ allowKeys = [], extraTokenNames = [] }]) {
    const sourceCode = context.sourceCode;
    const allowed = allowKeys.map((pattern) => new RegExp(pattern, 'u'));
    const extraNames = extraTokenNames.map(wordsOf).filter((words) => words.length > 0);

    /**
     * What a name says it holds: 'token' for a bearer credential (`accessToken`,
     * `AUTH_TOKEN`, `app.jwt`), 'secret' for other auth secrets (`session`,
     * `clientSecret`, `password`), or null. `asKeyName`: the name is that of a
     * constant holding a key, so `TOKEN_KEY` is the key of a token.
     */
    function secretKind(name: string, asKeyName = false): 'token' | 'secret' | null {
      const words = wordsOf(name);
      while (words.length > 0 && (FILLERS.has(words.at(-1)!) || /^v?\d+$/.test(words.at(-1)!))) words.pop();
      if (asKeyName) while (words.length > 0 && /^(?:key|keys|name)$/.test(words.at(-1)!)) words.pop();
      if (words.length === 0 || FLAG_PREFIXES.has(words[0]!)) return null;
      const endsWith = (extra: string[]): boolean =>
        extra.length <= words.length && extra.every((word, i) => word === words[words.length - extra.length + i]);
      if (extraNames.some(endsWith)) return 'secret';
      const head = words.at(-1)!;
      const previous = words.at(-2);
      if (previous !== undefined && NOT_AUTH.has(previous)) return null;
      const sessionAlone = (at: number): boolean => at === 0 || SESSION_QUALIFIERS.has(words[at - 1]!);
      if (TOKEN_HEADS.has(head) || (/^[a-z]+tokens?$/.test(head) && !NOT_AUTH.has(head.replace(/tokens?$/, '')))) {
        return 'token';
      }
      if (head === 'session' || head === 'sid' || head === 'sessionid') {
        return sessionAlone(words.length - 1) ? 'secret' : null;
      }
      if (head === 'id' && previous === 'session') return sessionAlone(words.length - 2) ? 'secret' : null;
      if (head === 'key') return previous !== undefined && KEY_QUALIFIERS.has(previous) ? 'secret' : null;
      return SECRET_HEADS.has(head) ? 'secret' : null;
    }

    function isSecretName(name: string, asKeyName = false): boolean {
      return secretKind(name, asKeyName) !== null;
    }

    function variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
      return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    }

    function isGlobal(identifier: TSESTree.Identifier): boolean {
      const variable = variableOf(identifier);
      return !variable || variable.defs.length === 0;
    }

    /** Which Web Storage an expression is: `localStorage`, `window.sessionStorage`, or a constant alias of one. */
    function storageOf(expression: TSESTree.Node, depth = 0): string | null {
      const node = unwrapValue(expression);
      if (depth > 5) return null;
      if (node.type === AST_NODE_TYPES.Identifier) {
        if (STORAGES.has(node.name) && isGlobal(node)) return node.name;
        const bound = constantBinding(sourceCode, node);
        if (!bound) return null;
        if (bound.id.type === AST_NODE_TYPES.Identifier) return storageOf(bound.init, depth + 1);
        // const { localStorage: storage } = window;
        if (bound.id.type === AST_NODE_TYPES.ObjectPattern) {
          const property = bound.id.properties.find(
            (candidate): candidate is TSESTree.Property =>
              candidate.type === AST_NODE_TYPES.Property &&
              (candidate.value === bound.name ||
                (candidate.value.type === AST_NODE_TYPES.AssignmentPattern && candidate.value.left === bound.name)),
          );
          const source = unwrapValue(bound.init);
          const name = property ? staticPropertyName(property) : undefined;
          const fromGlobal = source.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(source.name) && isGlobal(source);
          if (name && STORAGES.has(name) && fromGlobal) return name;
        }
        return null;
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const object = unwrapValue(node.object);
        const name = staticPropertyName(node);
        if (!name || !STORAGES.has(name) || object.type !== AST_NODE_TYPES.Identifier) return null;
        return GLOBAL_OBJECTS.has(object.name) && isGlobal(object) ? name : null;
      }
      if (node.type === AST_NODE_TYPES.ConditionalExpression) {
        const branches = [node.consequent, node.alternate].map((branch) => storageOf(branch, depth + 1));
        if (branches.some((branch) => branch === null)) return null;
        return branches[0] === branches[1] ? branches[0]! : 'localStorage or sessionStorage';
      }
      return null;
    }

    /**
     * What a key expression says about its key: the string it resolves to
     * (dynamic parts read as `*`), or, when its value is unknown, the name of
     * the constant that holds it (`STORAGE_KEYS.ACCESS_TOKEN`).
     */
    function keyOf(expression: TSESTree.Node, depth = 0): { text: string; isName: boolean } | null {
      const node = unwrapValue(expression);
      if (depth > 5) return null;
      if (node.type === AST_NODE_TYPES.Literal) {
        const literal = typeof node.value === 'string' || typeof node.value === 'number';
        return literal ? { text: String(node.value), isName: false } : null;
      }
      if (node.type === AST_NODE_TYPES.TemplateLiteral) {
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? '').join('*');
        return /[A-Za-z0-9]/.test(text) ? { text, isName: false } : null;
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
        const parts = [node.left, node.right].map((part) => keyOf(part, depth + 1));
        if (parts.every((part) => part === null || part.isName)) return null;
        return { text: parts.map((part) => (part && !part.isName ? part.text : '*')).join(''), isName: false };
      }
      if (node.type === AST_NODE_TYPES.Identifier) {
        const bound = constantBinding(sourceCode, node);
        const resolved = bound?.id.type === AST_NODE_TYPES.Identifier ? keyOf(bound.init, depth + 1) : null;
        return resolved ?? { text: node.name, isName: true };
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticPropertyName(node);
        if (!name) return null;
        const resolved = memberValue(node, name);
        return (resolved && keyOf(resolved, depth + 1)) ?? { text: name, isName: true };
      }
      return null;
    }

    /** `KEYS.TOKEN` where `const KEYS = { TOKEN: 'token' }` or `enum KEYS { TOKEN = 'token' }`. */
    function memberValue(node: TSESTree.MemberExpression, name: string): TSESTree.Node | null {
      const object = unwrapValue(node.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return null;
      const bound = constantBinding(sourceCode, object);
      const init = bound && unwrapValue(bound.init);
      if (init?.type === AST_NODE_TYPES.ObjectExpression) {
        const property = init.properties.find(
          (candidate): candidate is TSESTree.Property =>
            candidate.type === AST_NODE_TYPES.Property && staticPropertyName(candidate) === name,
        );
        return property?.value ?? null;
      }
      const def = variableOf(object)?.defs[0];
      if (def?.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
        const member = def.node.body.members.find(
          (candidate) =>
            (candidate.id.type === AST_NODE_TYPES.Identifier ? candidate.id.name : candidate.id.value) === name,
        );
        return member?.initializer ?? null;
      }
      return null;
    }

    /** Values that cannot be a credential: flags, numbers, timestamps, empty strings. */
    function isTrivialValue(expression: TSESTree.Node): boolean {
      const node = unwrapValue(expression);
      switch (node.type) {
        case AST_NODE_TYPES.Literal:
          return typeof node.value !== 'string' || TRIVIAL_STRINGS.has(node.value);
        case AST_NODE_TYPES.Identifier:
          return node.name === 'undefined';
        case AST_NODE_TYPES.UnaryExpression:
          return true;
        case AST_NODE_TYPES.BinaryExpression:
          return node.operator !== '+';
        case AST_NODE_TYPES.NewExpression:
          return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Date';
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapValue(node.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
          const name = staticPropertyName(callee);
          const object = unwrapValue(callee.object);
          if (name === 'now' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Date') return true;
          if (name === 'getTime' || name === 'toISOString' || name === 'toUTCString') return true;
          return name === 'stringify' && node.arguments[0] !== undefined && isTrivialValue(node.arguments[0]);
        }
        case AST_NODE_TYPES.ObjectExpression:
          return node.properties.every(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              !isSecretName(staticPropertyName(property) ?? '') &&
              !isSecretValue(property.value),
          );
        default:
          return false;
      }
    }

    /** `name` for `name` and `x.name`. */
    function referenceName(node: TSESTree.Node): string | undefined {
      if (node.type === AST_NODE_TYPES.Identifier) return node.name;
      return node.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(node) : undefined;
    }

    /** A value whose own name says it is not a credential: `{ token: csrfToken }`. */
    function isNotAuth(expression: TSESTree.Node): boolean {
      const name = referenceName(unwrapValue(expression));
      return name !== undefined && wordsOf(name).some((word) => NOT_AUTH.has(word));
    }

    /** Whether a written value is or carries an auth token: `token`, `res.data.access_token`, `getIdToken()`, a JWT. */
    function isSecretValue(expression: TSESTree.Node, tokensOnly = false, depth = 0): boolean {
      const node = unwrapValue(expression);
      if (depth > 5) return false;
      // With a known, innocent key only a plain token counts: not `session`, not `editor.tokens`.
      const named = (name: string): boolean => {
        const kind = secretKind(name);
        return tokensOnly ? kind === 'token' && !/tokens$/i.test(name) : kind !== null;
      };
      switch (node.type) {
        case AST_NODE_TYPES.Literal:
          return typeof node.value === 'string' && JWT.test(node.value);
        case AST_NODE_TYPES.Identifier:
          return named(node.name);
        case AST_NODE_TYPES.MemberExpression: {
          const name = staticPropertyName(node);
          if (name === undefined) return false;
          if (named(name)) return true;
          const parent = unwrapValue(node.object);
          if (TOKEN_PARTS.has(name.toLowerCase())) return isSecretValue(parent, false, depth + 1);
          return wordsOf(name).every((word) => FILLERS.has(word)) && isSecretValue(parent, tokensOnly, depth + 1);
        }
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapValue(node.callee);
          const name = referenceName(callee);
          if (name === undefined) return false;
          if (PASS_THROUGH_CALLS.has(name)) {
            const passed = node.arguments[0] ?? (callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null);
            if (!passed || passed.type === AST_NODE_TYPES.SpreadElement) return false;
            return isSecretValue(passed, tokensOnly, depth + 1);
          }
          return named(name);
        }
        case AST_NODE_TYPES.LogicalExpression:
          return [node.left, node.right].some((side) => isSecretValue(side, tokensOnly, depth + 1));
        case AST_NODE_TYPES.ConditionalExpression:
          return [node.consequent, node.alternate].some((branch) => isSecretValue(branch, tokensOnly, depth + 1));
        case AST_NODE_TYPES.TemplateLiteral:
          return node.expressions.some((part) => isSecretValue(part, tokensOnly, depth + 1));
        case AST_NODE_TYPES.BinaryExpression:
          return node.operator === '+' && [node.left, node.right].some((side) => isSecretValue(side, tokensOnly, depth + 1));
        case AST_NODE_TYPES.ObjectExpression:
          return node.properties.some(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              ((named(staticPropertyName(property) ?? '') && !isTrivialValue(property.value) && !isNotAuth(property.value)) ||
                isSecretValue(property.value, tokensOnly, depth + 1)),
          );
        default:
          return false;
      }
    }

    /**
     * A write of `value` under `key`. The key decides when it names a secret;
     * a known key that does not leaves it to the value only if the value is
     * plainly a token (`setItem('user', accessToken)`); an unknown key leaves it
     * to the value.
     */
    function check(
      reportOn: TSESTree.Node,
      storage: string,
      key: { text: string; isName: boolean } | null,
      value: TSESTree.Node,
    ): void {
      if (isTrivialValue(value) || (key && allowed.some((pattern) => pattern.test(key.text)))) return;
      let secret = key !== null && isSecretName(key.text, key.isName);
      // A key that says what else it holds (`csrf`, `designTokens`) is not second-guessed from the value.
      if (!secret && !(key && wordsOf(key.text).some((word) => NOT_AUTH.has(word)))) {
        secret = isSecretValue(value, key !== null && !key.isName);
      }
      if (secret) context.report({ node: reportOn, messageId: 'tokenInStorage', data: { storage } });
    }

    return {
      CallExpression(node) {
        const callee = unwrapValue(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = staticPropertyName(callee);
        // localStorage.setItem(key, value)
        if (method === 'setItem') {
          const storage = storageOf(callee.object);
          const [key, value] = node.arguments;
          if (!storage || !key || !value) return;
          if (key.type === AST_NODE_TYPES.SpreadElement || value.type === AST_NODE_TYPES.SpreadElement) return;
          check(node, storage, keyOf(key), value);
          return;
        }
        // Object.assign(localStorage, { token })
        const object = unwrapValue(callee.object);
        if (method !== 'assign' || object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object') return;
        const [target, ...sources] = node.arguments;
        const storage = target && target.type !== AST_NODE_TYPES.SpreadElement ? storageOf(target) : null;
        if (!storage) return;
        for (const source of sources) {
          const literal = unwrapValue(source);
          if (literal.type !== AST_NODE_TYPES.ObjectExpression) continue;
          for (const property of literal.properties) {
            if (property.type !== AST_NODE_TYPES.Property) continue;
            const name = staticPropertyName(property);
            const key = name !== undefined ? { text: name, isName: false } : property.computed ? keyOf(property.key) : null;
            check(property, storage, key, property.value);
          }
        }
      },
      // localStorage.token = value; window.localStorage['accessToken'] = value
      AssignmentExpression(node) {
        const target = unwrapValue(node.left);
        if (target.type !== AST_NODE_TYPES.MemberExpression) return;
        const storage = storageOf(target.object);
        if (!storage) return;
        const name = staticPropertyName(target);
        const key = name !== undefined ? { text: name, isName: false } : target.computed ? keyOf(target.property) : null;
        check(node, storage, key, node.right);
      },
    };
  },
});
