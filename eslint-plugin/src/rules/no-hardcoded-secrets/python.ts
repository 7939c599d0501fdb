import type { TSESLint } from '@typescript-eslint/utils';
import type { CredentialFinding } from '../../detectors/secrets.js';
import { findCredentials, isConfigSourceName, isLiteralSigningKey, isWholeSecret, maskValue, toEnvName } from '../../detectors/secrets.js';
import { callArguments, calleeName, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { MessageIds, SecretsRuleContext } from '../no-hardcoded-secrets.js';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/** How a string is used, which decides what is reported about it. */
type Usage =
  /** Assigned to a name: a variable, attribute, subscript, keyword argument, dict key, default parameter. */
  | { kind: 'named'; name: string; replaceable: boolean }
  /** The default of an environment or config lookup, or of a pydantic `BaseSettings` field. */
  | { kind: 'fallback'; name: string; remove: Fix }
  /** The key argument of `jwt.encode` / `jwt.decode`. */
  | { kind: 'jwt'; name: string }
  | { kind: 'none' };

const NONE: Usage = { kind: 'none' };
/** Calls whose first argument names an environment variable or setting and whose next argument is its default. */
const LOOKUP_FUNCTIONS = new Set([
  'os.getenv',
  'getenv',
  'os.environ.get',
  'environ.get',
  'os.environ.setdefault',
  'environ.setdefault',
  'env',
  'env.str',
  'config',
  'decouple.config',
]);
/** The other half of an access-key pair (`access_key`, `accessKeyId`, `AWS_ACCESS_KEY_ID`). */
const ACCESS_KEY = /access[_-]?key/i;
const JWT_FUNCTIONS = /(?:^|\.)jwt\.(?:encode|decode)$/;

interface Lookup {
  name: string;
  /** The argument that holds the default: a positional argument or a `keyword_argument`. */
  defaultArgument: PythonNode | undefined;
}

export function pythonVisitors({ context, matcher, credentialMessage, weakKey }: SecretsRuleContext): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  let environ: { binding: string | null; insertAt: number } | undefined;

  /** How this module reaches `os.environ` (`os.environ`, `environ`), and where `import os` would go. */
  function environAccess(): { binding: string | null; insertAt: number } {
    if (environ) return environ;
    let binding: string | null = null;
    let insertAt: number | undefined;
    for (const statement of sourceCode.ast.children) {
      const isDocstring = statement.type === 'expression_statement' && statement.children[0]?.type === 'string';
      if (insertAt === undefined && !isDocstring && statement.type !== 'future_import_statement') insertAt = statement.range[0];
      const isFromOs = statement.type === 'import_from_statement' && nodeText(field(statement, 'module_name')!, text) === 'os';
      if (binding || (statement.type !== 'import_statement' && !isFromOs)) continue;
      for (const imported of statement.children) {
        if (imported.field !== 'name') continue;
        const aliased = imported.type === 'aliased_import';
        const name = nodeText((aliased ? field(imported, 'name') : imported) ?? imported, text);
        const alias = aliased ? nodeText(field(imported, 'alias') ?? imported, text) : undefined;
        if (isFromOs) {
          // `from os import environ [as env]`
          if (name === 'environ') binding = alias ?? 'environ';
        } else if (alias ? name === 'os' : /^os(?:\.|$)/.test(name)) {
          // `import os`, `import os.path` (binds `os`), `import os as o`
          binding = `${alias ?? 'os'}.environ`;
        }
      }
    }
    environ = { binding, insertAt: insertAt ?? 0 };
    return environ;
  }

  function targetName(left: PythonNode | undefined): string | undefined {
    if (!left) return undefined;
    if (left.type === 'identifier') return nodeText(left, text);
    if (left.type === 'attribute') {
      const attribute = field(left, 'attribute');
      return attribute && nodeText(attribute, text);
    }
    if (left.type === 'subscript') return stringValue(field(left, 'subscript'), text);
    return undefined;
  }

  function isEnvironSubscript(node: PythonNode | undefined): boolean {
    return node?.type === 'subscript' && /(?:^|\.)environ$/.test(dottedName(field(node, 'value'), text) ?? '');
  }

  function lookupOf(call: PythonNode): Lookup | undefined {
    const callee = calleeName(call, text);
    if (!callee) return undefined;
    const { positional, keywords } = callArguments(call, text);
    const keywordDefault = keywords.get('default') ?? keywords.get('fallback');
    const defaultKeyword = keywordDefault && parent(keywordDefault);
    if (callee === 'getattr') {
      const name = stringValue(positional[1], text);
      const source = dottedName(positional[0], text);
      if (name === undefined || !source || !isConfigSourceName(source)) return undefined;
      return { name, defaultArgument: positional[2] ?? defaultKeyword };
    }
    const isLookup = LOOKUP_FUNCTIONS.has(callee) || (callee.endsWith('.get') && isConfigSourceName(callee.slice(0, -4)));
    const name = isLookup ? stringValue(positional[0], text) : undefined;
    return name === undefined ? undefined : { name, defaultArgument: positional[1] ?? defaultKeyword };
  }

  /** The setting an expression reads: `os.getenv("X")`, `os.environ["X"]`, `settings.X`. */
  function lookedUpName(node: PythonNode | undefined): string | undefined {
    if (!node) return undefined;
    if (node.type === 'call') return lookupOf(node)?.name;
    if (isEnvironSubscript(node)) return stringValue(field(node, 'subscript'), text);
    if (node.type === 'attribute' && isConfigSourceName(dottedName(field(node, 'object'), text) ?? '')) {
      return targetName(node);
    }
    if (node.type === 'boolean_operator') return lookedUpName(field(node, 'left')) ?? lookedUpName(field(node, 'right'));
    return undefined;
  }

  function removeArgument(argument: PythonNode): Fix {
    const list = parent(argument)!;
    const previous = list.children[list.children.indexOf(argument) - 1];
    return (fixer) => fixer.removeRange([previous ? previous.range[1] : argument.range[0], argument.range[1]]);
  }

  /** Only a call's 2nd/3rd positional argument or its `default=`/`fallback=`/`key=` can be a default or a key. */
  function mayBeDefaultOrKey(argument: PythonNode): boolean {
    if (argument.type === 'keyword_argument') {
      const keyword = nodeText(field(argument, 'name')!, text);
      return keyword === 'default' || keyword === 'fallback' || keyword === 'key';
    }
    const position = parent(argument)!.children.indexOf(argument);
    return position === 1 || position === 2;
  }

  function callUsage(call: PythonNode, argument: PythonNode): Usage {
    if (!mayBeDefaultOrKey(argument)) return NONE;
    const callee = calleeName(call, text);
    if (callee && JWT_FUNCTIONS.test(callee)) {
      const { positional } = callArguments(call, text);
      const isKey = positional[1] === argument || (argument.type === 'keyword_argument' && nodeText(field(argument, 'name')!, text) === 'key');
      return isKey ? { kind: 'jwt', name: callee } : NONE;
    }
    const lookup = lookupOf(call);
    return lookup && lookup.defaultArgument === argument
      ? { kind: 'fallback', name: lookup.name, remove: removeArgument(argument) }
      : NONE;
  }

  function isSettingsClass(assignment: PythonNode): boolean {
    const classNode = parent(parent(parent(assignment) ?? assignment) ?? assignment);
    if (classNode?.type !== 'class_definition') return false;
    const superclasses = field(classNode, 'superclasses');
    return !!superclasses?.children.some((base) => /(?:^|\.)BaseSettings$/.test(nodeText(base, text)));
  }

  function usageOf(value: PythonNode): Usage {
    let child = value;
    let container = parent(value);
    while (container?.type === 'parenthesized_expression') {
      child = container;
      container = parent(container);
    }
    if (!container) return NONE;
    switch (container.type) {
      case 'assignment': {
        const left = field(container, 'left');
        const name = child.field === 'right' ? targetName(left) : undefined;
        if (name === undefined) return NONE;
        const type = field(container, 'type');
        if (type && isSettingsClass(container)) {
          return { kind: 'fallback', name, remove: (fixer) => fixer.removeRange([type.range[1], child.range[1]]) };
        }
        return { kind: 'named', name, replaceable: !isEnvironSubscript(left) };
      }
      case 'keyword_argument': {
        if (child.field !== 'value') return NONE;
        const call = parent(parent(container) ?? container);
        const usage = call?.type === 'call' ? callUsage(call, container) : NONE;
        return usage.kind === 'none' ? { kind: 'named', name: nodeText(field(container, 'name')!, text), replaceable: true } : usage;
      }
      case 'pair': {
        const name = child.field === 'value' ? stringValue(field(container, 'key'), text) : undefined;
        return name === undefined ? NONE : { kind: 'named', name, replaceable: true };
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = field(container, 'name');
        return child.field === 'value' && name ? { kind: 'named', name: nodeText(name, text), replaceable: false } : NONE;
      }
      case 'argument_list': {
        const call = parent(container);
        return call?.type === 'call' ? callUsage(call, child) : NONE;
      }
      case 'boolean_operator': {
        const left = field(container, 'left');
        const name = child.field === 'right' && field(container, 'operator')?.type === 'or' ? lookedUpName(left) : undefined;
        if (name === undefined || !left) return NONE;
        const operator = container;
        return { kind: 'fallback', name, remove: (fixer) => fixer.replaceTextRange(operator.range, nodeText(left, text)) };
      }
      default:
        return NONE;
    }
  }

  function replaceWithEnviron(value: PythonNode, envName: string): TSESLint.ReportSuggestionArray<MessageIds> {
    const { binding, insertAt } = environAccess();
    if (binding) {
      return [
        {
          messageId: 'useOsEnviron',
          data: { environ: binding, envName },
          fix: (fixer) => fixer.replaceTextRange(value.range, `${binding}[${JSON.stringify(envName)}]`),
        },
      ];
    }
    return [
      {
        messageId: 'importOsAndUseEnviron',
        data: { envName },
        fix: (fixer) => [
          fixer.insertTextBeforeRange([insertAt, insertAt], 'import os\n'),
          fixer.replaceTextRange(value.range, `os.environ[${JSON.stringify(envName)}]`),
        ],
      },
    ];
  }

  /** Replace the literal by `os.environ["<NAME>"]`, when the literal is the secret itself. */
  function suggestionsFor(value: PythonNode, usage: Usage, finding?: CredentialFinding): TSESLint.ReportSuggestionArray<MessageIds> {
    const literal = stringValue(value, text);
    if (literal === undefined || !isWholeSecret(literal, finding)) return [];
    if (usage.kind === 'jwt') return replaceWithEnviron(value, 'JWT_SECRET');
    if (usage.kind === 'named' && usage.replaceable) return replaceWithEnviron(value, toEnvName(usage.name));
    return [];
  }

  function check(node: PythonNode): void {
    const container = parent(node);
    const value = container?.type === 'concatenated_string' ? container : node;
    // A concatenation is one value: judge it by name once, on its first part.
    const usage = value === node || value.children[0] === node ? usageOf(value) : NONE;
    const name = usage.kind === 'none' ? undefined : usage.name;
    if (name !== undefined && matcher.isIgnoredName(name)) return;
    const literal = name === undefined ? undefined : stringValue(value, text);

    if (usage.kind === 'fallback' && literal !== undefined && literal.trim() !== '' && matcher.isSecretName(usage.name)) {
      context.report({
        loc: value.loc,
        messageId: 'secretFallback',
        data: { name: usage.name, secret: maskValue(literal) },
        suggest: [{ messageId: 'removeFallback', fix: usage.remove }],
      });
      return;
    }

    let found = false;
    for (const content of node.children) {
      if (content.type !== 'string_content') continue;
      const offset = content.range[0];
      for (const finding of findCredentials(nodeText(content, text))) {
        found = true;
        context.report({
          loc: { start: sourceCode.getLocFromIndex(offset + finding.range[0]), end: sourceCode.getLocFromIndex(offset + finding.range[1]) },
          ...credentialMessage(finding),
          suggest: suggestionsFor(value, usage, finding),
        });
      }
    }
    if (found || literal === undefined || name === undefined) return;

    const isSecret =
      usage.kind === 'jwt'
        ? isLiteralSigningKey(literal)
        : usage.kind === 'named' && matcher.isSecretName(usage.name) && matcher.isSecretValue(literal);
    if (isSecret) {
      context.report({
        loc: value.loc,
        messageId: 'hardcodedSecret',
        data: { name, secret: maskValue(literal) },
        suggest: suggestionsFor(value, usage),
      });
      return;
    }
    // Too short or guessable to be a credential by its looks, yet a signing key all the same.
    const weak = usage.kind === 'named' && !pairedWithAccessKey(value) ? weakKey(name, literal) : undefined;
    if (weak) context.report({ loc: value.loc, ...weak, suggest: suggestionsFor(value, usage) });
  }

  /** `Minio(..., access_key=..., secret_key=...)`, `{"access_key": ..., "secret_key": ...}`: a storage credential pair, not a signing key. */
  function pairedWithAccessKey(value: PythonNode): boolean {
    const holder = parent(value);
    const siblings = holder && parent(holder)?.children;
    if (holder?.type === 'keyword_argument') {
      return !!siblings?.some((sibling) => sibling.type === 'keyword_argument' && ACCESS_KEY.test(nodeText(field(sibling, 'name')!, text)));
    }
    if (holder?.type === 'pair') {
      return !!siblings?.some((sibling) => sibling.type === 'pair' && ACCESS_KEY.test(stringValue(field(sibling, 'key'), text) ?? ''));
    }
    return false;
  }

  return {
    string(node: PythonNode) {
      check(node);
    },
  };
}
