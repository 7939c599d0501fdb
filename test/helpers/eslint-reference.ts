import { Linter } from 'eslint';
import plugin from 'eslint-plugin-hardening';
import type { Range } from 'vscode-languageserver-protocol';

/**
 * ESLint itself, in-process, with the same config the server uses: what the
 * server's diagnostics are checked against.
 */

export function eslintMessages(text: string, filePath: string, cwd: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat', cwd }).verify(text, plugin.configs.recommended, { filename: filePath });
}

/** A LintMessage's range as LSP puts it: 0-based lines and columns. */
export function expectedRange(message: Linter.LintMessage): Range {
  const start = { line: message.line - 1, character: message.column - 1 };
  const end =
    message.endLine === undefined ? start : { line: message.endLine - 1, character: (message.endColumn ?? message.column) - 1 };
  return { start, end };
}

export function ruleDocsUrl(rule: string): string {
  const docs = (plugin.rules as Record<string, { meta?: { docs?: { url?: string } } }>)[rule]?.meta?.docs;
  if (!docs?.url) throw new Error(`hardening/${rule} has no meta.docs.url`);
  return docs.url;
}
