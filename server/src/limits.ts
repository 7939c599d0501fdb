/** Larger texts are not linted as you type (the CLI lints them). Kept apart from lint-host.ts so the server's thread can read it without loading ESLint. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
