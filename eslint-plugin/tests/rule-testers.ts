import { RuleTester as TypeScriptRuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester } from 'eslint';
import plugin from '../src/index.js';
import type { LanguageId } from '../src/util/languages.js';

/** JS/TS/JSX rules: typescript-eslint's tester, which parses with its parser. */
export function javascriptTester(): TypeScriptRuleTester {
  return new TypeScriptRuleTester({
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  });
}

/**
 * The plugin's own languages: ESLint's tester, since typescript-eslint's
 * injects a JS parser. Cases set `filename` where a rule depends on it.
 */
export function languageTester(language: Exclude<LanguageId, 'javascript'>): RuleTester {
  return new RuleTester({
    plugins: { hardening: plugin as never },
    language: `hardening/${language}`,
  });
}
