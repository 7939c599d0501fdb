import type { LanguageId } from '../util/languages.js';

/**
 * The file names each language claims, as real repositories name them.
 * nginx takes every `*.conf`: its rules only act on nginx directives, so
 * another tool's `.conf` yields nothing rather than a false finding.
 */
export const FILES_BY_LANGUAGE: Record<LanguageId, string[]> = {
  javascript: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
  python: ['**/*.py', '**/*.pyi'],
  dockerfile: [
    '**/Dockerfile',
    '**/Dockerfile.*',
    '**/*.Dockerfile',
    '**/*.dockerfile',
    '**/Containerfile',
    '**/Containerfile.*',
  ],
  // `/?*`, not `/*`: ESLint lints a file only when a non-universal pattern
  // matches it, and it treats any pattern ending in `/*` or `/**` as universal.
  nginx: ['**/*.conf', '**/sites-available/?*', '**/sites-enabled/?*', '**/*.nginx'],
  env: ['**/.env', '**/.env.*', '**/*.env'],
  redis: ['**/redis.conf', '**/redis-*.conf', '**/redis_*.conf', '**/redis/**/*.conf'],
  gitignore: ['**/.gitignore'],
  yaml: ['**/*.yaml', '**/*.yml'],
};

const SOURCE_FILES = [...FILES_BY_LANGUAGE.javascript, ...FILES_BY_LANGUAGE.python];

/**
 * Files another language's pattern also matches. ESLint merges the rules of
 * every block matching a file and rejects a rule for a language it does not
 * support, so each file must belong to exactly one language.
 */
export const IGNORES_BY_LANGUAGE: Partial<Record<LanguageId, string[]>> = {
  // Names that look like a Dockerfile but are not one.
  dockerfile: ['**/Dockerfile.md', '**/Dockerfile.*.md', '**/Dockerfile.dockerignore', ...SOURCE_FILES],
  nginx: FILES_BY_LANGUAGE.redis,
  // `.env.example.js`, `.env.d/config.yml` and the like are code or config, not dotenv.
  env: [...SOURCE_FILES, '**/*.json', '**/*.yml', '**/*.yaml', '**/*.md', '**/*.sh'],
};
