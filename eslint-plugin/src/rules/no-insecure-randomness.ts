import type { TSESLint } from '@typescript-eslint/utils';
import type { NameOptions, SecretKind } from '../detectors/randomness.js';
import { classifyName, KIND_TEXT } from '../detectors/randomness.js';
import { splitWords } from '../detectors/secrets.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-insecure-randomness/javascript.js';
import { pythonVisitors } from './no-insecure-randomness/python.js';

export type Options = [{ secretNames?: string[]; allowNames?: string[] }];
export type MessageIds =
  | 'insecureRandom'
  | 'predictableUuid'
  | 'useRandomUUID'
  | 'useRandomInt'
  | 'useSecretsFunction'
  | 'useTokenUrlsafe'
  | 'useUuid4';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
export type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** A random value found to make a secret: what it makes and the name that says so. */
export interface Finding {
  kind: SecretKind;
  name: string;
}

/** The rule's name judgement, with the user's options applied. */
export type Classify = (name: string) => ReturnType<typeof classifyName>;

export function reportFinding(
  context: Context,
  loc: TSESLint.AST.SourceLocation,
  messageId: 'insecureRandom' | 'predictableUuid',
  data: { source: string; alternative: string },
  finding: Finding,
  suggest: Suggestion[],
): void {
  const { what, guess } = KIND_TEXT[finding.kind];
  context.report({ loc, messageId, data: { ...data, what, guess, name: finding.name }, suggest });
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-randomness',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow predictable random numbers for tokens, passwords, keys and other secrets',
      recommended: true,
      guide: ['AMAS › 1.1 JWT Token Security', 'AutonomOS › API Key Rotation', 'AutonomOS › Authentication Best Practices › JWT Token Security'],
      cwe: ['CWE-338'],
      howToFix:
        'Use a cryptographically secure source: `crypto.randomUUID()`, `crypto.getRandomValues()` or `randomInt()` from `node:crypto` in JavaScript, and the `secrets` module (`secrets.token_urlsafe(32)`, `secrets.choice()`) in Python.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          secretNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'More names that mark a value as a secret, matched as the last words of a variable, property, function or cookie name ("ticket" matches `authTicket` and `auth_ticket`).',
          },
          allowNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Regular expressions for names that never hold a secret, matched against the whole name (for example "^demoToken$").',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      insecureRandom: '{{source}} is used to make {{what}} ({{name}}): it is predictable, so an attacker can guess {{guess}}. Use {{alternative}}.',
      predictableUuid:
        "{{source}} is used to make {{what}} ({{name}}): a version 1 UUID is built from the clock and the machine's MAC address, so an attacker can guess {{guess}}. Use {{alternative}}.",
      useRandomUUID: 'Replace the value with crypto.randomUUID() (36 characters in UUID format).',
      useRandomInt: 'Replace with {{replacement}} from node:crypto.',
      useSecretsFunction: "Replace with {{replacement}}, which uses the operating system's secure random source{{importNote}}.",
      useTokenUrlsafe: 'Replace the value with secrets.token_urlsafe(32) (43 URL-safe characters){{importNote}}.',
      useUuid4: 'Replace with {{replacement}}, which is random.',
    },
  },
  defaultOptions: [{ secretNames: [], allowNames: [] }],
  create(context, [{ secretNames = [], allowNames = [] }]) {
    const options: NameOptions = {
      secretNames: secretNames.map((name) => splitWords(name)).filter((words) => words.length > 0),
      allowNames: allowNames.map((pattern) => new RegExp(pattern, 'u')),
    };
    const classify: Classify = (name) => classifyName(name, options);
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, classify),
      python: () => pythonVisitors(context, classify),
    });
  },
});
