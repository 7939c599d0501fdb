import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-hardening';

/**
 * Where the lint host gets its flat config. The one place that decides which
 * rules run on a file by default: the plugin's `recommended`. The workspace's own
 * `eslint.config.*` replaces it per file in a trusted workspace (workspace-config.ts).
 */
export interface ConfigProvider {
  /** For the log: where the config comes from. */
  readonly name: string;
  /**
   * The flat config to lint `filePath` (absolute) with. ESLint matches the file
   * against each block's `files` and `ignores`; a file no block matches is not linted.
   */
  configFor(filePath: string): Linter.Config[];
}

/**
 * Without the project's config, the code's comments for other plugins' rules would
 * show as missing rules and unused directives: `standalone` drops those messages.
 */
const BUILT_IN_CONFIG: Linter.Config[] = [...plugin.configs.recommended, ...plugin.configs.standalone];

export const recommendedConfigProvider: ConfigProvider = {
  name: 'eslint-plugin-hardening recommended config',
  configFor: () => BUILT_IN_CONFIG,
};

export interface RuleDocs {
  url?: string;
  description?: string;
  /** Hardening's own: the guide sections the rule enforces, CWE ids, what to change. */
  guide?: string[];
  cwe?: string[];
  howToFix?: string;
}

interface RuleWithDocs {
  meta?: { docs?: Record<string, unknown> };
}

const docsCache = new WeakMap<Linter.Config[], Map<string, RuleDocs | undefined>>();

/**
 * The docs of a rule as the config that ran it defines it: `<namespace>/<rule>`
 * is looked up in the plugins the config's blocks register, so rules of any plugin
 * a future workspace config brings get their links too.
 */
export function ruleDocs(config: Linter.Config[], ruleId: string): RuleDocs | undefined {
  let byRule = docsCache.get(config);
  if (!byRule) {
    byRule = new Map();
    docsCache.set(config, byRule);
  }
  if (byRule.has(ruleId)) return byRule.get(ruleId);
  let found: RuleDocs | undefined;
  const slash = ruleId.lastIndexOf('/');
  if (slash > 0) {
    const namespace = ruleId.slice(0, slash);
    const name = ruleId.slice(slash + 1);
    for (const block of config) {
      const rule = block.plugins?.[namespace]?.rules?.[name] as RuleWithDocs | undefined;
      const docs = rule?.meta?.docs;
      if (!docs) continue;
      found = {
        ...(typeof docs.url === 'string' ? { url: docs.url } : {}),
        ...(typeof docs.description === 'string' ? { description: docs.description } : {}),
        ...(isStrings(docs.guide) ? { guide: docs.guide } : {}),
        ...(isStrings(docs.cwe) ? { cwe: docs.cwe } : {}),
        ...(typeof docs.howToFix === 'string' ? { howToFix: docs.howToFix } : {}),
      };
      break;
    }
  }
  byRule.set(ruleId, found);
  return found;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
