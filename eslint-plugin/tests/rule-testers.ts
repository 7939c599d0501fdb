import { RuleTester as TypeScriptRuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester, type Linter } from 'eslint';
import plugin from '../src/index.js';
import type { LanguageId } from '../src/util/languages.js';

/** What a test adds to the tester's config: more plugins, linter options. */
export type TesterExtras = Pick<Linter.Config, 'plugins' | 'linterOptions'>;

/** JS/TS/JSX rules: typescript-eslint's tester, which parses with its parser. */
export function javascriptTester(extras: TesterExtras = {}): TypeScriptRuleTester {
  return new TypeScriptRuleTester({
    ...(extras as object),
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  });
}

/**
 * The plugin's own languages: ESLint's tester, since typescript-eslint's
 * injects a JS parser. Cases set `filename` where a rule depends on it.
 */
export function languageTester(language: Exclude<LanguageId, 'javascript'>, extras: TesterExtras = {}): RuleTester {
  return new RuleTester({
    ...extras,
    plugins: { hardening: plugin as never, ...extras.plugins },
    language: `hardening/${language}`,
  });
}
