import type { TSESLint } from '@typescript-eslint/utils';
import type { CredentialFinding, SecretMatcher } from '../detectors/secrets.js';
import { DEFAULT_MIN_LENGTH, secretMatcher } from '../detectors/secrets.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { dockerfileVisitors } from './no-hardcoded-secrets/dockerfile.js';
import { javascriptVisitors } from './no-hardcoded-secrets/javascript.js';
import { pythonVisitors } from './no-hardcoded-secrets/python.js';

export type Options = [{ ignoreNames?: string[]; extraNamePatterns?: string[]; minLength?: number }];
export type MessageIds =
  | 'hardcodedSecret'
  | 'knownCredential'
  | 'connectionUrlPassword'
  | 'secretFallback'
  | 'useProcessEnv'
  | 'useOsEnviron'
  | 'importOsAndUseEnviron'
  | 'removeFallback'
  | 'removeArgDefault';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What every language's visitors get: the context, the compiled name/value checks, shared messages. */
export interface SecretsRuleContext {
  context: Context;
  matcher: SecretMatcher;
  credentialMessage: typeof credentialMessage;
}

/** The message for a credential found by format or in a connection URL. */
function credentialMessage(finding: CredentialFinding): {
  messageId: 'knownCredential' | 'connectionUrlPassword';
  data: Record<string, string>;
} {
  return finding.source === 'connection-url'
    ? { messageId: 'connectionUrlPassword', data: { scheme: finding.scheme ?? 'connection', secret: finding.masked } }
    : { messageId: 'knownCredential', data: { kind: finding.kind, secret: finding.masked } };
}

const STORED_IN_GIT = 'secrets in source end up in git history, where anyone who can read the repository can use them';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python, LANGUAGE_NAMES.dockerfile],
    docs: {
      description: 'Disallow hardcoded secrets, credentials and secret fallbacks in source and Dockerfiles',
      recommended: true,
      guide: [
        'AutonomOS › Secret Management',
        'AutonomOS › JWT Token Security',
        'AMAS › 5.1 Environment Variables',
        'AMAS › 1.1 JWT Token Security',
      ],
      cwe: ['CWE-798'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          ignoreNames: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions (case-insensitive) for names whose literals are never reported, e.g. "^TEST_" or "^publicKey$".',
          },
          extraNamePatterns: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions (case-insensitive) for more secret-like names, in addition to the built-in ones (secret, password, token, api key, ...).',
          },
          minLength: {
            type: 'integer',
            minimum: 1,
            description: `The shortest literal assigned to a secret-like name that is reported (default ${DEFAULT_MIN_LENGTH}). Known credential formats, URL passwords and fallbacks are reported at any length.`,
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      hardcodedSecret: `Hardcoded secret in "{{name}}" ("{{secret}}"): ${STORED_IN_GIT}. Read it from the environment or a secret manager.`,
      knownCredential: `Hardcoded {{kind}} ("{{secret}}"): ${STORED_IN_GIT}. Revoke it, then read it from the environment or a secret manager.`,
      connectionUrlPassword: `Hardcoded password in a {{scheme}} URL ("{{secret}}"): ${STORED_IN_GIT}. Read the password or the whole URL from the environment.`,
      secretFallback:
        'Hardcoded fallback for "{{name}}" ("{{secret}}"): when the variable is unset, the app silently runs with a secret anyone can read in the source. Remove the fallback so a missing secret fails at startup.',
      useProcessEnv: 'Replace the literal with process.env.{{envName}}.',
      useOsEnviron: 'Replace the literal with {{environ}}["{{envName}}"].',
      importOsAndUseEnviron: 'Import os and replace the literal with os.environ["{{envName}}"].',
      removeFallback: 'Remove the fallback value.',
      removeArgDefault: 'Remove the default so {{name}} is passed at build time.',
    },
  },
  defaultOptions: [{ ignoreNames: [], extraNamePatterns: [], minLength: DEFAULT_MIN_LENGTH }],
  create(context, [options]) {
    const rule: SecretsRuleContext = { context, matcher: secretMatcher(options), credentialMessage };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(rule),
      python: () => pythonVisitors(rule),
      dockerfile: () => dockerfileVisitors(rule),
    });
  },
});
