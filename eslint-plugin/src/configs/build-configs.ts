import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import type { HardeningDocs } from '../util/create-rule.js';
import { LANGUAGE_NAMES, type LanguageId } from '../util/languages.js';
import { FILES_BY_LANGUAGE, IGNORES_BY_LANGUAGE } from './files.js';

export interface RuleLike {
  meta?: { languages?: string[] | undefined; docs?: Partial<HardeningDocs> | undefined } | undefined;
}

export type ConfigName = 'recommended' | 'strict';

/**
 * One flat-config block per language, holding only the rules that declare the
 * language (ESLint rejects a rule configured for a language it does not support).
 * The lists come from rule metadata, so a new rule needs no config edit.
 */
export function buildConfigs(
  plugin: NonNullable<Linter.Config['plugins']>[string],
  rules: Record<string, RuleLike>,
  name: ConfigName,
): Linter.Config[] {
  return (Object.keys(LANGUAGE_NAMES) as LanguageId[]).map((language) => {
    const languageName = LANGUAGE_NAMES[language];
    const enabled: Linter.RulesRecord = {};
    for (const [id, rule] of Object.entries(rules)) {
      if (!rule.meta?.languages?.includes(languageName)) continue;
      if (name === 'recommended' && rule.meta.docs?.recommended !== true) continue;
      enabled[`hardening/${id}`] = 'error';
    }
    const block: Linter.Config = {
      name: `hardening/${name}/${language}`,
      files: FILES_BY_LANGUAGE[language],
      plugins: { hardening: plugin },
      rules: enabled,
    };
    if (language === 'javascript') {
      block.languageOptions = { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } };
    } else {
      block.language = languageName;
    }
    const ignores = IGNORES_BY_LANGUAGE[language];
    if (ignores) block.ignores = ignores;
    return block;
  });
}
