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
  nginx: ['**/*.conf', '**/sites-available/**', '**/sites-enabled/**', '**/*.nginx'],
};

/** Names that look like a Dockerfile but are not one. */
export const DOCKERFILE_IGNORES = ['**/Dockerfile.md', '**/Dockerfile.*.md', '**/Dockerfile.dockerignore'];
