import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { diagnosticKey, type Finding } from './diagnostics.js';

/**
 * Code actions replayed from what the lint recorded: the fix (preferred), each
 * suggestion, disable the rule for the line, show the rule's documentation.
 */

export const SHOW_DOCUMENTATION_COMMAND = 'hardening.showDocumentation';

export interface CodeActionRequest {
  uri: string;
  /** The version the findings were recorded for (and the document still has). */
  version: number;
  findings: readonly Finding[];
  context: CodeActionContext;
  /** The client takes `documentChanges` (versioned edits it refuses on a changed document). */
  documentChanges: boolean;
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  if (!wantsQuickFixes(request.context.only)) return [];
  const byKey = new Map<string, Finding>();
  for (const finding of request.findings) byKey.set(diagnosticKey(finding.diagnostic), finding);

  const fixes: CodeAction[] = [];
  const others: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string): boolean => !seen.has(key) && Boolean(seen.add(key));
  for (const diagnostic of request.context.diagnostics) {
    const finding = byKey.get(diagnosticKey(diagnostic));
    if (!finding) continue;
    const recorded = finding.diagnostic;
    if (finding.fix) {
      fixes.push({ ...edit(request, finding.fix.title, finding.fix.edit, recorded), isPreferred: true });
    }
    for (const suggestion of finding.suggestions) {
      fixes.push(edit(request, suggestion.title, suggestion.edit, recorded));
    }
    const line = recorded.range.start.line;
    if (finding.disable && once(`disable|${finding.ruleId}|${line}`)) {
      others.push(edit(request, finding.disable.title, finding.disable.edit, recorded));
    }
    if (finding.ruleId && finding.docsUrl && once(`docs|${finding.ruleId}`)) {
      const title = `Show documentation for ${finding.ruleId}`;
      others.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [recorded],
        command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [finding.docsUrl] },
      });
    }
  }
  return [...fixes, ...others];
}

/** `only` lists kinds and their sub-kinds: all ours are `quickfix`, so `source.*` and the like get none. */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix);
}

function edit(request: CodeActionRequest, title: string, textEdit: TextEdit, diagnostic: Diagnostic): CodeAction {
  const workspaceEdit: WorkspaceEdit = request.documentChanges
    ? { documentChanges: [{ textDocument: { uri: request.uri, version: request.version }, edits: [textEdit] }] }
    : { changes: { [request.uri]: [textEdit] } };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit };
}

/** Only web pages: a command argument is never opened as a file or another scheme. */
export function documentationUrl(argument: unknown): string | undefined {
  if (typeof argument !== 'string') return undefined;
  try {
    const url = new URL(argument);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
