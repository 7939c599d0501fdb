import type { TSESLint } from '@typescript-eslint/utils';
import { debugSetting, isProductionPath } from '../../detectors/environments.js';
import type { EnvEntry, EnvFile } from '../../languages/env/env-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context } from '../no-debug-in-production.js';
import { lintedPath } from '../no-debug-in-production.js';

/**
 * `.env` files: `DEBUG=true`, `FLASK_DEBUG=1`, `APP_DEBUG=true` anywhere but in
 * development files; `NODE_ENV=development` only in a production file
 * (`.env.production`, `.env.prod`), since a plain `.env` is as often a
 * developer's own file as the deployed one.
 */
export function envVisitors(context: Context): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<EnvFile>(context);
  const text = sourceCode.text;
  if (!/DEBUG|_?ENV/i.test(text)) return {};
  const production = isProductionPath(lintedPath(context));

  return {
    EnvEntry(entry: EnvEntry) {
      const setting = debugSetting(entry.key, entry.value);
      if (!setting) return;
      const quote = entry.quote ?? '';
      const replace = (value: string) => (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(entry.valueRange, `${quote}${value}${quote}`);
      const shown = `${entry.key}=${entry.value}`;
      if (setting.kind === 'debug') {
        context.report({
          loc: entry.loc,
          messageId: 'debugVariable',
          data: { setting: shown, off: setting.off },
          suggest: [{ messageId: 'setOff', data: { value: setting.off }, fix: replace(setting.off) }],
        });
      } else if (production) {
        context.report({
          loc: entry.loc,
          messageId: 'developmentEnvironment',
          data: { setting: shown },
          suggest: [{ messageId: 'setProduction', fix: replace(setting.production) }],
        });
      }
    },
  };
}
