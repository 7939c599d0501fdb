import { ConfigCommentParser } from '@eslint/plugin-kit';
import type { TSESLint } from '@typescript-eslint/utils';
import type { SourceLocation } from '../languages/shared/tree.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, type LanguageId, languageOf } from '../util/languages.js';

export type Options = [];
export type MessageIds = 'missingReason' | 'missingReasonAllRules' | 'missingReasonConfig';

/**
 * One entry of `SourceCode#getDisableDirectives()`: ESLint's JS SourceCode and
 * our LineCommentSourceCode return the same shape, and ESLint applies exactly
 * these directives, so the rule sees what ESLint honours (a `// eslint-disable`
 * line comment in JavaScript is not a directive, and is not reported).
 */
interface DisableDirective {
  type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** The rule list, `''` for every rule. */
  value: string;
  /** The text after ` -- `, `''` when there is none. */
  justification: string;
  node: { loc: SourceLocation };
}

/** A comment ESLint reads as inline configuration (`eslint-disable…`, `eslint rule: off`). */
interface ConfigComment {
  type: string;
  value: string;
  loc: SourceLocation;
}

/** Both SourceCodes implement these two (ESLint's inline-config API). */
interface DirectiveSource {
  getDisableDirectives(): { directives: DisableDirective[] };
  getInlineConfigNodes(): ConfigComment[];
}

/** The root node of each language's tree, visited once per file. */
const ROOT_NODE_TYPE: Record<LanguageId, string> = {
  javascript: 'Program',
  python: 'module',
  dockerfile: 'Dockerfile',
  nginx: 'Config',
  env: 'EnvFile',
  redis: 'RedisConfig',
  gitignore: 'GitignoreFile',
  yaml: 'YamlStream',
};

const PLUGIN_NAMESPACE = 'hardening/';
const commentParser = new ConfigCommentParser();
const WEAKER_THAN_ERROR = new Set<unknown>(['off', 'warn', 0, 1]);

/** True for `"off"`, `0`, `"warn"`, `1` and the same as the first item of an array. */
function weakensRule(setting: unknown): boolean {
  return WEAKER_THAN_ERROR.has(Array.isArray(setting) ? setting[0] : setting);
}

export default createRule<Options, MessageIds>({
  name: 'require-suppression-reason',
  meta: {
    type: 'suggestion',
    languages: Object.values(LANGUAGE_NAMES),
    docs: {
      description: 'Require a reason on every comment that turns off a Hardening rule',
      recommended: false,
      guide: ['AMAS › Security Checklist'],
      cwe: [],
      howToFix:
        'Add ` -- <why this is safe>` after the rule list of the eslint-disable comment, and name the rules it turns off instead of turning off every rule.',
    },
    schema: [],
    messages: {
      missingReason:
        'This {{directive}} comment turns off {{rules}} without a reason, so no reviewer or audit can tell why this exception is safe. Add " -- <why this is safe>" after the rule list.',
      missingReasonConfig:
        'This eslint configuration comment turns {{rules}} off or down to a warning without a reason, so no reviewer or audit can tell why this exception is safe. Add " -- <why this is safe>" after the settings.',
      missingReasonAllRules:
        "This {{directive}} comment turns off every rule, Hardening's security rules included, without a reason, so no reviewer or audit can tell why this exception is safe. Name the rules it is for and add \" -- <why this is safe>\".",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode as unknown as DirectiveSource;
    // The plugin's rule ids, also when a config registers the plugin under another name.
    const ownNamespace = context.id.slice(0, context.id.lastIndexOf('/') + 1) || PLUGIN_NAMESPACE;
    const isHardeningRule = (id: string): boolean => id.startsWith(PLUGIN_NAMESPACE) || id.startsWith(ownNamespace);

    function check(directive: DisableDirective): void {
      if (directive.type === 'enable' || directive.justification.trim() !== '') return;
      const ruleIds = Object.keys(commentParser.parseListConfig(directive.value));
      const hardening = ruleIds.filter(isHardeningRule);
      if (ruleIds.length > 0 && hardening.length === 0) return;
      const { loc } = directive.node;
      // A directive that turns this rule off on its own line (`eslint-disable-line`
      // for every rule, `eslint-disable` from its own position) would silence the
      // report at its own location; column -1 puts the report before it, as
      // eslint-plugin-eslint-comments does.
      const silencesItself =
        directive.type !== 'disable-next-line' && (ruleIds.length === 0 || ruleIds.includes(context.id));
      context.report({
        loc: silencesItself ? { start: { line: loc.start.line, column: -1 }, end: loc.end } : loc,
        messageId: ruleIds.length === 0 ? 'missingReasonAllRules' : 'missingReason',
        data: { directive: `eslint-${directive.type}`, rules: hardening.join(', ') },
      });
    }

    /**
     * `eslint hardening/<id>: off` turns a rule off for the whole file. One that turns
     * this rule off stops it from running at all, so the rule never sees that one.
     */
    function checkConfig(comment: ConfigComment): void {
      const directive = commentParser.parseDirective(comment.value);
      if (directive?.label !== 'eslint' || directive.justification.trim() !== '') return;
      const result = commentParser.parseJSONLikeConfig(directive.value);
      if (!result.ok) return;
      const weakened = Object.entries(result.config)
        .filter(([id, setting]) => isHardeningRule(id) && weakensRule(setting))
        .map(([id]) => id);
      if (weakened.length === 0) return;
      context.report({ loc: comment.loc, messageId: 'missingReasonConfig', data: { rules: weakened.join(', ') } });
    }

    const visitors: TSESLint.RuleListener = {
      [ROOT_NODE_TYPE[languageOf(context)]]() {
        for (const directive of sourceCode.getDisableDirectives().directives) check(directive);
        for (const comment of sourceCode.getInlineConfigNodes()) checkConfig(comment);
      },
    };
    return visitors;
  },
});
