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
};

/** Names that look like a Dockerfile but are not one. */
export const DOCKERFILE_IGNORES = ['**/Dockerfile.md', '**/Dockerfile.*.md', '**/Dockerfile.dockerignore'];
