import type { TSESLint } from '@typescript-eslint/utils';
import { DEFAULT_MIN_PASSWORD_LENGTH } from '../detectors/password-policy.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './require-strong-password-policy/javascript.js';
import { pythonVisitors } from './require-strong-password-policy/python.js';

export type Options = [{ minLength?: number }];
export type MessageIds = 'weakMinimum' | 'weakDefaultMinimum' | 'raiseMinimum' | 'setMinimum';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/** One minimum below the required length, as every language reports it. */
export interface WeakMinimum {
  loc: TSESLint.AST.SourceLocation;
  /** The shortest password the code accepts. */
  actual: number;
  /** The rewrite that makes it accept `required` characters or more, when there is a single place to change. */
  fix: Fix | undefined;
  /** For a library's default minimum: the validator whose default it is. */
  defaultOf?: string;
}

/** Reports one weak minimum; shared by the languages so the wording stays one. */
export function reportWeakMinimum(context: Context, required: number, finding: WeakMinimum): void {
  const data = { actual: String(finding.actual), minimum: String(required), validator: finding.defaultOf ?? '' };
  const suggestion = finding.fix && { messageId: finding.defaultOf ? 'setMinimum' : 'raiseMinimum', data, fix: finding.fix } as const;
  context.report({
    loc: finding.loc,
    messageId: finding.defaultOf ? 'weakDefaultMinimum' : 'weakMinimum',
    data,
    suggest: suggestion ? [suggestion] : [],
  });
}

const WHY = 'short passwords fall quickly to guessing and credential stuffing';
/** Every finding involves a name with one of these (password fields, settings, validators): files without any are skipped. */
const MENTIONS_PASSWORD = /passw|passphrase|pw|MinimumLength/i;

export default createRule<Options, MessageIds>({
  name: 'require-strong-password-policy',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Require password length minimums of at least 12 characters',
      recommended: true,
      guide: ['AMAS › 1.2 Password Policy', 'AutonomOS › Authentication Best Practices › Password Security', 'AutonomOS › Input Validation › Pydantic Schemas'],
      cwe: ['CWE-521'],
      howToFix:
        'Require at least 12 characters where passwords are chosen, such as `z.string().min(12)` or `constr(min_length=12)`; check only presence at login, so users with older short passwords can still sign in.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minLength: {
            type: 'integer',
            minimum: 2,
            description: `The shortest minimum password length that is accepted (default ${DEFAULT_MIN_PASSWORD_LENGTH}, from AMAS › 1.2 Password Policy). Minimums of 0 and 1 are presence checks and never reported.`,
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      weakMinimum: `Passwords as short as {{actual}} characters are accepted here: ${WHY}. Require at least {{minimum}} characters.`,
      weakDefaultMinimum: `{{validator}} accepts passwords as short as {{actual}} characters by default: ${WHY}. Set its minimum length to at least {{minimum}}.`,
      raiseMinimum: 'Raise the minimum length to {{minimum}}.',
      setMinimum: 'Set the minimum length to {{minimum}}.',
    },
  },
  defaultOptions: [{ minLength: DEFAULT_MIN_PASSWORD_LENGTH }],
  create(context, [{ minLength = DEFAULT_MIN_PASSWORD_LENGTH }]) {
    if (!MENTIONS_PASSWORD.test(context.sourceCode.text)) return {};
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, minLength),
      python: () => pythonVisitors(context, minLength),
    });
  },
});
