import type { TSESLint } from '@typescript-eslint/utils';
import type { LineCommentSourceCode } from '../languages/shared/line-comment-source-code.js';
import type { TreeNode } from '../languages/shared/tree.js';

/** The plugin's languages and the `meta.languages` / config `language` name of each. */
export const LANGUAGE_NAMES = {
  javascript: 'js/js',
  python: 'hardening/python',
  dockerfile: 'hardening/dockerfile',
  nginx: 'hardening/nginx',
  env: 'hardening/env',
  redis: 'hardening/redis',
  gitignore: 'hardening/gitignore',
  yaml: 'hardening/yaml',
} as const;

export type LanguageId = keyof typeof LANGUAGE_NAMES;

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function languageOf(context: AnyContext): LanguageId {
  const id = (context.sourceCode as unknown as { languageId?: string }).languageId;
  return id && id in LANGUAGE_NAMES ? (id as LanguageId) : 'javascript';
}

/** The SourceCode of one of the plugin's own (non-JS) languages. */
export function treeSourceCode<Root extends TreeNode>(context: AnyContext): LineCommentSourceCode<Root> {
  return context.sourceCode as unknown as LineCommentSourceCode<Root>;
}

type Visitors = TSESLint.RuleListener;

/**
 * A rule that spans languages gives one visitor factory per language; only the
 * one for the file's language runs, so a rule never sees another language's nodes.
 */
export function visitorsByLanguage(
  context: AnyContext,
  factories: Partial<Record<LanguageId, () => Record<string, ((node: never) => void) | undefined>>>,
): Visitors {
  const factory = factories[languageOf(context)];
  return factory ? (factory() as Visitors) : {};
}
