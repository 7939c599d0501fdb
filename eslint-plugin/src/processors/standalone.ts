import type { Linter } from 'eslint';

/**
 * For Hardening running on its own over someone's code (`npm run scan`, the
 * editor without the project's ESLint config): that code's disable comments
 * name rules of other plugins, which ESLint then reports as missing rules or
 * unused directives — noise about rules Hardening does not run. This processor
 * passes the text through unchanged and drops those messages, keeping every
 * message about a Hardening rule. A project linting with its own config (which
 * defines those rules) does not need it.
 */

const MISSING_RULE = /^Definition for rule '([^']+)' was not found\.$/u;
const UNUSED_DIRECTIVE = /^Unused eslint-(?:disable|enable) directive \(no problems were reported(?: from '([^']+)')?\)\.$/u;

function isHardening(ruleId: string | undefined): boolean {
  return ruleId !== undefined && ruleId.startsWith('hardening/');
}

/** Whether a message is about a rule of another plugin (or about all rules, which a blanket comment covers for the others). */
export function isForeignRuleNoise(message: Linter.LintMessage): boolean {
  const missing = MISSING_RULE.exec(message.message);
  if (missing) return !isHardening(missing[1]);
  if (message.ruleId !== null) return false;
  const unused = UNUSED_DIRECTIVE.exec(message.message);
  return unused !== null && !isHardening(unused[1]);
}

export const standaloneProcessor: Linter.Processor = {
  meta: { name: 'hardening/standalone' },
  supportsAutofix: true,
  preprocess: (text: string) => [text],
  postprocess: (messages: Linter.LintMessage[][]) => messages.flat().filter((message) => !isForeignRuleNoise(message)),
};
