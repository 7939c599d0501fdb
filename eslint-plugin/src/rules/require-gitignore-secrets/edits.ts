import type { SourceLocation } from '../../languages/shared/tree.js';

/** The comment above the entries the fix appends. */
export const HEADER = '# Secrets (Hardening: AutonomOS › Secret Management)';

/** The text that appends `entries` to a .gitignore: on a new line, after a blank line and the header (once). */
export function appendEntries(text: string, entries: readonly string[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let added = '';
  if (text !== '' && !text.endsWith('\n')) added += eol;
  if (!text.split(/\r?\n/).includes(HEADER)) {
    if (text.trim() !== '' && !/\n\s*\n$/.test(text + added)) added += eol;
    added += HEADER + eol;
  }
  return added + entries.map((entry) => entry + eol).join('');
}

/** The first line: where findings about the whole file are reported. */
export function fileLoc(text: string): SourceLocation {
  const end = text.search(/\r?\n|\r|$/);
  return { start: { line: 1, column: 0 }, end: { line: 1, column: end } };
}

/** `a, b, c and 2 more`. */
export function listFiles(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
