import type { TSESLint } from '@typescript-eslint/utils';
import { describeWeakness, isSigningSecretName, weakSigningKey } from '../detectors/secret-strength.js';
import type { CredentialFinding, SecretMatcher } from '../detectors/secrets.js';
import { DEFAULT_MIN_LENGTH, maskValue, secretMatcher } from '../detectors/secrets.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { dockerfileVisitors } from './no-hardcoded-secrets/dockerfile.js';
import { envVisitors } from './no-hardcoded-secrets/env.js';
import { javascriptVisitors } from './no-hardcoded-secrets/javascript.js';
import { pythonVisitors } from './no-hardcoded-secrets/python.js';
import { redisVisitors } from './no-hardcoded-secrets/redis.js';
import { yamlVisitors } from './no-hardcoded-secrets/yaml.js';

export type Options = [{ ignoreNames?: string[]; extraNamePatterns?: string[]; minLength?: number }];
export type MessageIds =
  | 'hardcodedSecret'
  | 'knownCredential'
  | 'connectionUrlPassword'
  | 'secretFallback'
  | 'weakSecretKey'
  | 'envFileSecret'
  | 'exampleFileSecret'
  | 'secretManifestValue'
  | 'configMapSecret'
  | 'containerEnvSecret'
  | 'composeEnvSecret'
  | 'redisPassword'
  | 'useProcessEnv'
  | 'useOsEnviron'
  | 'importOsAndUseEnviron'
  | 'removeFallback'
  | 'removeArgDefault'
  | 'emptyValue'
  | 'hashAclPassword';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What every language's visitors get: the context, the compiled name/value checks, shared messages. */
export interface SecretsRuleContext {
  context: Context;
  matcher: SecretMatcher;
  credentialMessage: typeof credentialMessage;
  /** The `weakSecretKey` report for a signing-secret name whose value is short or guessable, else undefined. */
  weakKey(name: string, value: string): WeakKeyReport | undefined;
}

export interface WeakKeyReport {
  messageId: 'weakSecretKey';
  data: Record<string, string>;
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

/** Short or guessable values of signing-secret names (`JWT_SECRET`, `SECRET_KEY`, `SESSION_SECRET`, ...). */
function weakKey(matcher: SecretMatcher, name: string, value: string): WeakKeyReport | undefined {
  if (matcher.isIgnoredName(name) || !isSigningSecretName(name)) return undefined;
  const weak = weakSigningKey(name, value);
  return weak && { messageId: 'weakSecretKey', data: { name, secret: maskValue(value), strength: describeWeakness(weak), encoding: '' } };
}

const STORED_IN_GIT = 'secrets in source end up in git history, where anyone who can read the repository can use them';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    languages: [
      LANGUAGE_NAMES.javascript,
      LANGUAGE_NAMES.python,
      LANGUAGE_NAMES.dockerfile,
      LANGUAGE_NAMES.env,
      LANGUAGE_NAMES.yaml,
      LANGUAGE_NAMES.redis,
    ],
    docs: {
      description:
        'Disallow hardcoded secrets, credentials, weak signing keys and secret fallbacks in source, Dockerfiles, .env files, YAML manifests and redis.conf',
      recommended: true,
      guide: [
        'AutonomOS › Secret Management',
        'AutonomOS › Authentication Best Practices › JWT Token Security',
        'AutonomOS › Redis Security › Authentication',
        'AMAS › 5.1 Environment Variables',
        'AMAS › 5.2 Kubernetes Secrets',
        'AMAS › 1.1 JWT Token Security',
      ],
      cwe: ['CWE-798'],
      howToFix:
        'Read the secret from the environment or a secret manager and fail at startup when it is missing; keep `.env` files and Secret values out of git, and revoke any committed secret, since it stays in the history.',
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
      weakSecretKey:
        'Weak signing secret in "{{name}}" ("{{secret}}"{{encoding}}): it is {{strength}}, and anyone who guesses it can forge tokens and sessions offline. The guide asks for at least 32 random bytes: generate one with secrets.token_urlsafe(32) or openssl rand -hex 32.',
      envFileSecret:
        'Secret in a .env file: "{{name}}" holds {{what}} ("{{secret}}"). Committing .env files is the guide\'s first Secret Management DON\'T, and a committed value stays in git history. Keep .env files out of git and deliver deployed secrets from a secret manager.',
      exampleFileSecret:
        'Real-looking secret in an example file: "{{name}}" holds {{what}} ("{{secret}}"). Example files get committed and copied into every checkout, so the value is public. Leave a placeholder (an empty value or your-value-here), and revoke the value if it is real.',
      secretManifestValue:
        'Secret "{{resource}}" stores {{what}}{{encoding}} under "{{name}}" ("{{secret}}"): a Secret manifest in git is readable by anyone with the repository, since base64 is an encoding, not encryption. Create the Secret at deploy time (kubectl create secret, External Secrets, Sealed Secrets or SOPS) instead of committing it.',
      configMapSecret:
        'ConfigMap "{{resource}}" stores {{what}} under "{{name}}" ("{{secret}}"): ConfigMaps are not secret (anyone who can read the namespace\'s configuration sees them, and they are not encrypted at rest). Move the value to a Secret and reference it with secretKeyRef.',
      containerEnvSecret:
        'Container "{{container}}" sets {{name}} to {{what}} ("{{secret}}") in plain text: anyone who can read the manifest or the pod spec sees it. Store it in a Secret and reference it with valueFrom.secretKeyRef.',
      composeEnvSecret:
        'Service "{{service}}" sets {{name}} to {{what}} ("{{secret}}") in the compose file, which is committed with the project. Pass it from the environment (${{{name}}}, set in a git-ignored .env file) or use a Compose secret.',
      redisPassword:
        'Plaintext password in "{{directive}}" ("{{secret}}"): redis.conf is copied into images, repositories and backups, and anyone with a copy can use it. Move the password to an ACL file with restricted permissions (aclfile, chmod 600) or inject it at deploy time.',
      useProcessEnv: 'Replace the literal with process.env.{{envName}}.',
      useOsEnviron: 'Replace the literal with {{environ}}["{{envName}}"].',
      importOsAndUseEnviron: 'Import os and replace the literal with os.environ["{{envName}}"].',
      removeFallback: 'Remove the fallback value.',
      removeArgDefault: 'Remove the default so {{name}} is passed at build time.',
      emptyValue: 'Replace the value with an empty placeholder ({{name}}=).',
      hashAclPassword: 'Replace the password with its SHA-256 hash (#{{hash}}…).',
    },
  },
  defaultOptions: [{ ignoreNames: [], extraNamePatterns: [], minLength: DEFAULT_MIN_LENGTH }],
  create(context, [options]) {
    const matcher = secretMatcher(options);
    const rule: SecretsRuleContext = {
      context,
      matcher,
      credentialMessage,
      weakKey: (name, value) => weakKey(matcher, name, value),
    };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(rule),
      python: () => pythonVisitors(rule),
      dockerfile: () => dockerfileVisitors(rule),
      env: () => envVisitors(rule),
      yaml: () => yamlVisitors(rule),
      redis: () => redisVisitors(rule),
    });
  },
});
