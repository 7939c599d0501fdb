import type { TSESLint } from '@typescript-eslint/utils';
import type { SensitiveKind } from '../detectors/sensitive-names.js';
import { isBareToken, sensitiveName, usesNonCredentialTokens } from '../detectors/sensitive-names.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-secrets-in-logs/javascript.js';
import { pythonVisitors } from './no-secrets-in-logs/python.js';

export type Options = [{ extraSinks?: string[]; ignoreNames?: string[] }];
export type MessageIds = 'secretInLog' | 'headersInLog' | 'environmentInLog' | 'connectionUrlInLog';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What a logged expression leaks. */
export type Leak = SensitiveKind | { kind: 'headers' } | { kind: 'environment' };

export interface Settings {
  /** Callee names (as written, dotted) whose arguments are logged, besides the built-in sinks. */
  extraSinks: ReadonlySet<string>;
  /** The leak a name holds, unless an `ignoreNames` pattern matches it. */
  leakOfName(name: string): Leak | undefined;
  isIgnoredName(name: string): boolean;
}

const MAX_EXPRESSION = 40;
/** Every built-in sink's name has one of these (`console.log`, `logger`, `logging`, `print`, `debug`, `pprint`): files without any are skipped. */
const MENTIONS_SINK = /log|print|debug|pp\(/i;

/** Reports one logged secret; shared by the languages so the wording stays one. */
export function reportLeak(context: Context, loc: TSESLint.AST.SourceLocation, leak: Leak, source: string): void {
  const flat = source.replace(/\s+/g, ' ');
  const expression = flat.length > MAX_EXPRESSION ? `${flat.slice(0, MAX_EXPRESSION - 1)}…` : flat;
  switch (leak.kind) {
    case 'secret':
      context.report({ loc, messageId: 'secretInLog', data: { kind: leak.label, expression } });
      return;
    case 'connection-url':
      context.report({ loc, messageId: 'connectionUrlInLog', data: { expression } });
      return;
    case 'headers':
      context.report({ loc, messageId: 'headersInLog', data: { expression } });
      return;
    case 'environment':
      context.report({ loc, messageId: 'environmentInLog', data: { expression } });
  }
}

const KEPT = 'logs are kept for at least a year and read by many people and tools';

export default createRule<Options, MessageIds>({
  name: 'no-secrets-in-logs',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow passwords, tokens, API keys and credential-bearing values in log calls',
      recommended: true,
      guide: ['AutonomOS › Authentication Best Practices › JWT Token Security', 'AutonomOS › Secret Management', 'AutonomOS › Audit Logging', 'AMAS › 6.1 Security Logging'],
      cwe: ['CWE-532'],
      howToFix:
        'Log who and what happened (a user id, a token id or a short hash), not the credential itself; log request headers by name or redact `Authorization` and `Cookie`, and mask the password in connection URLs.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          extraSinks: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Functions or methods whose arguments are logged, written as called (for example "audit.record" or "logEvent"), in addition to console, loggers, logging and print.',
          },
          ignoreNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Regular expressions (case-insensitive) for names never reported, for example "^publicToken$" for a value that is not secret.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      secretInLog: `This logs {{kind}} (\`{{expression}}\`): ${KEPT}. Log the user id or a masked value instead.`,
      headersInLog: `This logs the request headers (\`{{expression}}\`), Authorization and Cookie included: ${KEPT}. Log the headers you need by name instead.`,
      environmentInLog: `This logs the whole environment (\`{{expression}}\`), every secret in it included: ${KEPT}. Log the variable names, or the values you need by name, instead.`,
      connectionUrlInLog: `This logs a connection URL (\`{{expression}}\`) with the password it may carry: ${KEPT}. Log the host and database name instead, or the URL with its password masked.`,
    },
  },
  defaultOptions: [{ extraSinks: [], ignoreNames: [] }],
  create(context, [{ extraSinks = [], ignoreNames = [] }]) {
    if (extraSinks.length === 0 && !MENTIONS_SINK.test(context.sourceCode.text)) return {};
    const ignore = ignoreNames.map((pattern) => new RegExp(pattern, 'iu'));
    const isIgnoredName = (name: string): boolean => ignore.some((pattern) => pattern.test(name));
    // Computed on the first bare `token`: most files have none.
    let otherTokens: boolean | undefined;
    const isOtherToken = (name: string): boolean => isBareToken(name) && (otherTokens ??= usesNonCredentialTokens(context.sourceCode.text));
    const settings: Settings = {
      extraSinks: new Set(extraSinks),
      isIgnoredName,
      leakOfName: (name) => (isIgnoredName(name) || isOtherToken(name) ? undefined : sensitiveName(name)),
    };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, settings),
      python: () => pythonVisitors(context, settings),
    });
  },
});
