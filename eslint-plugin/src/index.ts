import type { ESLint, Linter } from 'eslint';
import { buildConfigs } from './configs/build-configs.js';
import { FILES_BY_LANGUAGE } from './configs/files.js';
import { dockerfileLanguage } from './languages/dockerfile/dockerfile-language.js';
import { envLanguage } from './languages/env/env-language.js';
import { gitignoreLanguage } from './languages/gitignore/gitignore-language.js';
import { nginxLanguage } from './languages/nginx/nginx-language.js';
import { pythonLanguage } from './languages/python/python-language.js';
import { initPythonParser } from './languages/python/python-parser.js';
import { redisLanguage } from './languages/redis/redis-language.js';
import { yamlLanguage } from './languages/yaml/yaml-language.js';
import { standaloneProcessor } from './processors/standalone.js';
import { rules } from './rules/index.js';

// Language.parse is synchronous; the Python grammar must be loaded before any lint.
await initPythonParser();

const plugin = {
  meta: { name: 'eslint-plugin-hardening', version: '0.1.0', namespace: 'hardening' },
  languages: {
    python: pythonLanguage,
    dockerfile: dockerfileLanguage,
    nginx: nginxLanguage,
    env: envLanguage,
    redis: redisLanguage,
    gitignore: gitignoreLanguage,
    yaml: yamlLanguage,
  },
  rules,
  processors: { standalone: standaloneProcessor },
  configs: {} as { recommended: Linter.Config[]; strict: Linter.Config[]; standalone: Linter.Config[] },
};

const eslintPlugin = plugin as unknown as ESLint.Plugin;
plugin.configs.recommended = buildConfigs(eslintPlugin, rules, 'recommended');
plugin.configs.strict = buildConfigs(eslintPlugin, rules, 'strict');
// Added after `recommended` when Hardening runs without the project's own config: see the processor.
plugin.configs.standalone = [
  { name: 'hardening/standalone', files: Object.values(FILES_BY_LANGUAGE).flat(), processor: standaloneProcessor },
];

export default plugin;
export { rules };
export { FILES_BY_LANGUAGE } from './configs/files.js';
export { LANGUAGE_NAMES } from './util/languages.js';
export type { HardeningDocs } from './util/create-rule.js';
