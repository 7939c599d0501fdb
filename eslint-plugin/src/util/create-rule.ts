import { ESLintUtils } from '@typescript-eslint/utils';

/** Where rule docs live; the language server links every diagnostic here. */
export const DOCS_BASE_URL = 'https://github.com/hardening-dev/hardening/blob/main/eslint-plugin/docs/rules/';

export interface HardeningDocs {
  description: string;
  /** In `configs.recommended`; every rule is in `configs.strict`. */
  recommended: boolean;
  /** The guide sections the rule enforces, as `Guide › Section`. */
  guide: string[];
  /** CWE ids, as `CWE-798`. */
  cwe: string[];
  /** What to change, in one or two plain sentences: shown in editor hovers and SARIF help. */
  howToFix: string;
}

export const createRule = ESLintUtils.RuleCreator<HardeningDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
