import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findCredentials, isConfigSourceName, isLiteralSigningKey, isWholeSecret, maskValue, toEnvName } from '../../detectors/secrets.js';
import type { CredentialFinding } from '../../detectors/secrets.js';
import type { MessageIds, SecretsRuleContext } from '../no-hardcoded-secrets.js';

type StringNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/** How a string literal is used, which decides what is reported about it. */
type Usage =
  /** Assigned to a name: a variable, property, class field, default parameter, JSX attribute. */
  | { kind: 'named'; name: string; replace: 'expression' | 'jsx' | null; firebase: boolean }
  /** The fallback of an environment or config lookup: `process.env.X ?? "dev"`. */
  | { kind: 'fallback'; name: string; remove: Fix }
  /** The key argument of `jwt.sign` / `jwt.verify`. */
  | { kind: 'jwt'; name: string }
  /** A type, a module specifier: nothing to report. */
  | { kind: 'skip' }
  | { kind: 'none' };

const NONE: Usage = { kind: 'none' };
const SKIP: Usage = { kind: 'skip' };
/** Expressions that wrap a literal without changing it: `"x" as string`, `"x" satisfies T`, `"x"!`. */
const WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);
/** Parents whose string is a type or a module name, never a value. */
const NOT_VALUES = new Set<string>([
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.ImportAttribute,
  AST_NODE_TYPES.TSExternalModuleReference,
  AST_NODE_TYPES.TSModuleDeclaration,
  AST_NODE_TYPES.TSImportType,
]);
/** The other half of an access-key pair (`accessKey`, `access_key_id`). */
const ACCESS_KEY = /access[_-]?key/i;
const ENV_OBJECTS = new Set(['process.env', 'import.meta.env', 'Bun.env', 'env']);
/** Keys of a Firebase web config, whose `apiKey` is public by design. */
const FIREBASE_KEYS = new Set(['authDomain', 'messagingSenderId', 'storageBucket', 'measurementId']);

export function javascriptVisitors({ context, matcher, credentialMessage, weakKey }: SecretsRuleContext): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;

  function keyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.AccessorProperty): string | undefined {
    const { key } = node;
    if (key.type === AST_NODE_TYPES.Identifier && !node.computed) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
    return undefined;
  }

  /** `x` for `x`, `password` for `this.password` / `obj["password"]`. */
  function targetName(node: TSESTree.Node): string | undefined {
    if (node.type === AST_NODE_TYPES.Identifier) return node.name;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const { property } = node;
    if (!node.computed && (property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier)) {
      return property.name;
    }
    if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
    return undefined;
  }

  function unwrap(node: TSESTree.Node): TSESTree.Node {
    let current = node;
    while (current.type === AST_NODE_TYPES.ChainExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    }
    return current;
  }

  /** `JWT_SECRET` for `process.env.JWT_SECRET`, `import.meta.env["X"]`, `Deno.env.get("X")`, `config.jwtSecret`. */
  function lookedUpName(node: TSESTree.Node): string | undefined {
    const expression = unwrap(node);
    if (expression.type === AST_NODE_TYPES.MemberExpression) {
      const object = sourceCode.getText(expression.object).replace(/\?$/, '');
      return ENV_OBJECTS.has(object) || isConfigSourceName(object) ? targetName(expression) : undefined;
    }
    if (expression.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(expression.callee) === 'Deno.env.get') {
      const [first] = expression.arguments;
      return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
    }
    return undefined;
  }

  function lookedUpNames(node: TSESTree.Node): string[] {
    if (node.type === AST_NODE_TYPES.LogicalExpression) return [...lookedUpNames(node.left), ...lookedUpNames(node.right)];
    const name = lookedUpName(node);
    return name === undefined ? [] : [name];
  }

  /** The name an expression is assigned to, if any: `const x = <expr>`, `{ x: <expr> }`, `this.x = <expr>`. */
  function assignedName(node: TSESTree.Node): string | undefined {
    const { parent } = node;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) return targetName(parent.left);
    if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === node) {
      return keyName(parent);
    }
    return undefined;
  }

  function isFirebaseConfig(property: TSESTree.Property): boolean {
    if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return property.parent.properties.some(
      (sibling) => sibling.type === AST_NODE_TYPES.Property && FIREBASE_KEYS.has(keyName(sibling) ?? ''),
    );
  }

  function named(name: string | undefined, replace: 'expression' | 'jsx' | null, firebase = false): Usage {
    return name === undefined ? NONE : { kind: 'named', name, replace, firebase };
  }

  function callUsage(call: TSESTree.CallExpression, argument: TSESTree.Node): Usage {
    const callee = unwrap(call.callee);
    if (call.arguments[1] !== argument || callee.type !== AST_NODE_TYPES.MemberExpression) return NONE;
    const method = targetName(callee);
    const object = sourceCode.getText(callee.object);
    if (method === 'sign' || method === 'verify') {
      return /jwt|jsonwebtoken/i.test(object) ? { kind: 'jwt', name: sourceCode.getText(callee) } : NONE;
    }
    const [key] = call.arguments;
    if (method !== 'get' || key?.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string') return NONE;
    if (!isConfigSourceName(object)) return NONE;
    const keyEnd = key.range[1];
    return {
      kind: 'fallback',
      name: key.value,
      remove: (fixer) => fixer.removeRange([keyEnd, argument.range[1]]),
    };
  }

  function usageOf(literal: StringNode): Usage {
    let child: TSESTree.Node = literal;
    let parent: TSESTree.Node | undefined = literal.parent;
    let wrapped = false;
    while (parent && WRAPPERS.has(parent.type)) {
      child = parent;
      parent = parent.parent;
      wrapped = true;
    }
    if (!parent) return NONE;
    if (NOT_VALUES.has(parent.type)) return SKIP;
    const replace = wrapped ? null : 'expression';
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? named(parent.id.name, replace) : NONE;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== child) return NONE;
        // `process.env.X = "..."` sets the variable: replacing it by itself helps nobody.
        return named(targetName(parent.left), lookedUpName(parent.left) === undefined ? replace : null);
      case AST_NODE_TYPES.Property:
        if (parent.value !== child || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return NONE;
        return named(keyName(parent), replace, isFirebaseConfig(parent));
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        return parent.value === child ? named(keyName(parent), replace) : NONE;
      case AST_NODE_TYPES.AssignmentPattern: {
        if (parent.right !== child || parent.left.type !== AST_NODE_TYPES.Identifier) return NONE;
        const pattern = parent;
        const property = pattern.parent;
        // `const { JWT_SECRET = "dev" } = process.env`
        if (
          property?.type === AST_NODE_TYPES.Property &&
          property.parent.type === AST_NODE_TYPES.ObjectPattern &&
          property.parent.parent.type === AST_NODE_TYPES.VariableDeclarator &&
          property.parent.parent.init &&
          ENV_OBJECTS.has(sourceCode.getText(property.parent.parent.init))
        ) {
          const left = sourceCode.getText(pattern.left);
          return { kind: 'fallback', name: keyName(property) ?? left, remove: (fixer) => fixer.replaceText(pattern, left) };
        }
        return named(parent.left.name, replace);
      }
      case AST_NODE_TYPES.JSXAttribute:
        return parent.value === child ? named(sourceCode.getText(parent.name), 'jsx') : NONE;
      case AST_NODE_TYPES.JSXExpressionContainer:
        return parent.parent.type === AST_NODE_TYPES.JSXAttribute ? named(sourceCode.getText(parent.parent.name), replace) : NONE;
      case AST_NODE_TYPES.LogicalExpression: {
        if (parent.right !== child || parent.operator === '&&') return NONE;
        const lookedUp = lookedUpNames(parent.left);
        if (lookedUp.length === 0) return NONE;
        const logical = parent;
        const name = lookedUp.find((candidate) => matcher.isSecretName(candidate)) ?? assignedName(logical) ?? lookedUp[0]!;
        const left = sourceCode.getText(logical.left);
        return { kind: 'fallback', name, remove: (fixer) => fixer.replaceText(logical, left) };
      }
      case AST_NODE_TYPES.CallExpression:
        return callUsage(parent, child);
      default:
        return NONE;
    }
  }

  function staticValue(literal: StringNode): string | undefined {
    if (literal.type === AST_NODE_TYPES.Literal) return literal.value;
    return literal.expressions.length === 0 ? (literal.quasis[0]?.value.cooked ?? undefined) : undefined;
  }

  /** Credentials in the literal's source text, with ranges in the file. */
  function scan(literal: StringNode): CredentialFinding[] {
    const pieces =
      literal.type === AST_NODE_TYPES.Literal
        ? [{ text: literal.raw.slice(1, -1), offset: literal.range[0] + 1 }]
        : literal.quasis.map((quasi) => ({ text: quasi.value.raw, offset: quasi.range[0] + 1 }));
    return pieces.flatMap(({ text, offset }) =>
      findCredentials(text).map((finding) => ({ ...finding, range: [finding.range[0] + offset, finding.range[1] + offset] as [number, number] })),
    );
  }

  /** Replace the literal by `process.env.<NAME>`, when the literal is the secret itself. */
  function replaceWithEnv(literal: StringNode, usage: Usage, finding?: CredentialFinding): TSESLint.ReportSuggestionArray<MessageIds> {
    const value = staticValue(literal);
    if (value === undefined || !isWholeSecret(value, finding)) return [];
    if (usage.kind === 'jwt') {
      return [{ messageId: 'useProcessEnv', data: { envName: 'JWT_SECRET' }, fix: (fixer) => fixer.replaceText(literal, 'process.env.JWT_SECRET') }];
    }
    if (usage.kind !== 'named' || !usage.replace) return [];
    const envName = toEnvName(usage.name.replace(/^#/, ''));
    const expression = /^[A-Za-z_$][\w$]*$/.test(envName) ? `process.env.${envName}` : `process.env[${JSON.stringify(envName)}]`;
    const text = usage.replace === 'jsx' ? `{${expression}}` : expression;
    return [{ messageId: 'useProcessEnv', data: { envName }, fix: (fixer) => fixer.replaceText(literal, text) }];
  }

  function check(literal: StringNode): void {
    const usage = usageOf(literal);
    if (usage.kind === 'skip') return;
    const name = usage.kind === 'none' ? undefined : usage.name;
    if (name !== undefined && matcher.isIgnoredName(name)) return;
    const value = staticValue(literal);

    if (usage.kind === 'fallback' && value !== undefined && value.trim() !== '' && matcher.isSecretName(usage.name)) {
      context.report({
        node: literal,
        messageId: 'secretFallback',
        data: { name: usage.name, secret: maskValue(value) },
        suggest: [{ messageId: 'removeFallback', fix: usage.remove }],
      });
      return;
    }

    const firebase = usage.kind === 'named' && usage.firebase;
    const findings = scan(literal).filter((finding) => !(firebase && finding.kind === 'Google API key'));
    for (const finding of findings) {
      context.report({
        loc: { start: sourceCode.getLocFromIndex(finding.range[0]), end: sourceCode.getLocFromIndex(finding.range[1]) },
        ...credentialMessage(finding),
        suggest: replaceWithEnv(literal, usage, finding),
      });
    }
    if (findings.length > 0 || value === undefined || firebase) return;

    const isSecret =
      usage.kind === 'jwt'
        ? isLiteralSigningKey(value)
        : usage.kind === 'named' && matcher.isSecretName(usage.name) && matcher.isSecretValue(value);
    if (name === undefined) return;
    if (isSecret) {
      context.report({
        node: literal,
        messageId: 'hardcodedSecret',
        data: { name, secret: maskValue(value) },
        suggest: replaceWithEnv(literal, usage),
      });
      return;
    }
    // Too short or guessable to be a credential by its looks, yet a signing key all the same.
    if (usage.kind !== 'named' || pairedWithAccessKey(literal)) return;
    const owner = ownerName(literal);
    const weak = weakKey(name, value) ?? (owner === undefined ? undefined : weakKey(`${owner}.${name}`, value));
    if (weak) context.report({ node: literal, ...weak, suggest: replaceWithEnv(literal, usage) });
  }

  /** `new Minio.Client({ accessKey, secretKey })`: a storage credential pair, not a signing key. */
  function pairedWithAccessKey(literal: StringNode): boolean {
    const property = literal.parent;
    if (property.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return property.parent.properties.some(
      (sibling) => sibling.type === AST_NODE_TYPES.Property && ACCESS_KEY.test(keyName(sibling) ?? ''),
    );
  }

  /**
   * What an object property belongs to, so a generic key reads in context:
   * `session({ secret })` → `session`, `JwtModule.register({ secret })` → `JwtModule.register`,
   * `const jwtConstants = { secret }` → `jwtConstants`.
   */
  function ownerName(literal: StringNode): string | undefined {
    const property = literal.parent;
    if (property.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const owner = property.parent.parent;
    if (owner.type === AST_NODE_TYPES.CallExpression || owner.type === AST_NODE_TYPES.NewExpression) return sourceCode.getText(owner.callee);
    return owner.type === AST_NODE_TYPES.VariableDeclarator && owner.id.type === AST_NODE_TYPES.Identifier ? owner.id.name : undefined;
  }

  return {
    Literal(node: TSESTree.Literal) {
      if (typeof node.value === 'string') check(node as TSESTree.StringLiteral);
    },
    TemplateLiteral(node: TSESTree.TemplateLiteral) {
      check(node);
    },
  };
}
