import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { SOURCE, diagnosticKey, type Finding } from './diagnostics.js';

/**
 * Code actions replayed from what the lint recorded: the fix (preferred), each
 * suggestion, fix all of a rule, disable the rule for the line (optionally with a
 * reason the client asks for) or the file, show the rule's documentation.
 */

export const SHOW_DOCUMENTATION_COMMAND = 'hardening.showDocumentation';
/** A client-side command (the VS Code extension's): asks for a reason, then applies the edit. */
export const DISABLE_WITH_REASON_COMMAND = 'hardening.disableWithReason';
/** `source.fixAll.hardening`: what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hardening`;

export interface CodeActionRequest {
  uri: string;
  /** The version the findings were recorded for (and the document still has). */
  version: number;
  findings: readonly Finding[];
  context: CodeActionContext;
  /** The client takes `documentChanges` (versioned edits it refuses on a changed document). */
  documentChanges: boolean;
  /** The client runs {@link DISABLE_WITH_REASON_COMMAND}. */
  reasonPrompt: boolean;
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  if (!wants(request.context.only, CodeActionKind.QuickFix)) return [];
  const byKey = new Map<string, Finding>();
  const byLine = new Map<string, Finding>();
  for (const finding of request.findings) {
    byKey.set(diagnosticKey(finding.diagnostic), finding);
    const lineKey = lineKeyOf(finding.diagnostic);
    if (!byLine.has(lineKey)) byLine.set(lineKey, finding);
  }

  const fixes: CodeAction[] = [];
  const others: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string): boolean => !seen.has(key) && Boolean(seen.add(key));
  for (const diagnostic of request.context.diagnostics) {
    // Another linter's diagnostic (vscode-eslint running the same plugin) gets its own actions, not ours.
    if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
    // Some clients send columns back in another unit (Neovim 0.7 in bytes): then the line, rule and message identify it.
    const finding = byKey.get(diagnosticKey(diagnostic)) ?? byLine.get(lineKeyOf(diagnostic));
    if (!finding) continue;
    const recorded = finding.diagnostic;
    if (finding.fix) {
      fixes.push({ ...edit(request, finding.fix.title, [finding.fix.edit], recorded), isPreferred: true });
      const fixAll = finding.ruleId ? ruleFixes(request.findings, finding.ruleId) : [];
      if (fixAll.length > 1 && once(`fix-all|${finding.ruleId}`)) {
        fixes.push(edit(request, `Fix all ${finding.ruleId} problems in this file`, fixAll, recorded));
      }
    }
    for (const suggestion of finding.suggestions) {
      fixes.push(edit(request, suggestion.title, [suggestion.edit], recorded));
    }
    const line = recorded.range.start.line;
    if (finding.disable && once(`disable|${finding.ruleId}|${line}`)) {
      others.push(edit(request, finding.disable.title, [finding.disable.edit], recorded));
      if (request.reasonPrompt && finding.disableWithReason) {
        const { title, edit: template } = finding.disableWithReason;
        others.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [recorded],
          command: { title, command: DISABLE_WITH_REASON_COMMAND, arguments: [{ uri: request.uri, version: request.version, edit: template }] },
        });
      }
    }
    if (finding.disableFile && once(`disable-file|${finding.ruleId}`)) {
      others.push(edit(request, finding.disableFile.title, [finding.disableFile.edit], recorded));
    }
    const docsUrl = finding.docs?.url;
    if (finding.ruleId && docsUrl && once(`docs|${finding.ruleId}`)) {
      const title = `Show documentation for ${finding.ruleId}`;
      others.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [recorded],
        command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [docsUrl] },
      });
    }
  }
  return [...fixes, ...others];
}

function lineKeyOf(diagnostic: Diagnostic): string {
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return `${diagnostic.range.start.line}|${String(diagnostic.code ?? '')}|${message}`;
}

/** Whether a request's `only` asks for `kind` (kinds are hierarchical: `source` covers `source.fixAll.hardening`). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((asked) => asked === CodeActionKind.Empty || kind === asked || kind.startsWith(`${asked}.`));
}

/** The `source.fixAll.hardening` action: one edit from the text before to the text after every fix. */
export function fixAllAction(request: Pick<CodeActionRequest, 'uri' | 'version' | 'documentChanges'>, before: string, after: string, positionAt: (offset: number) => Position): CodeAction {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const textEdit: TextEdit = { range: { start: positionAt(start), end: positionAt(endBefore) }, newText: after.slice(start, endAfter) };
  return { title: 'Fix all Hardening problems', kind: FIX_ALL_KIND, edit: workspaceEdit(request, [textEdit]) };
}

/** The recorded fixes of one rule that do not overlap, as one ESLint fix pass would apply them. */
function ruleFixes(findings: readonly Finding[], ruleId: string): TextEdit[] {
  const edits = findings
    .filter((finding) => finding.ruleId === ruleId && finding.fix)
    .map((finding) => finding.fix!.edit)
    .sort((a, b) => compare(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const candidate of edits) {
    const previous = kept.at(-1);
    if (!previous || compare(previous.range.end, candidate.range.start) <= 0) kept.push(candidate);
  }
  return kept;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function edit(request: CodeActionRequest, title: string, textEdits: TextEdit[], diagnostic: Diagnostic): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(request, textEdits) };
}

function workspaceEdit(request: Pick<CodeActionRequest, 'uri' | 'version' | 'documentChanges'>, edits: TextEdit[]): WorkspaceEdit {
  return request.documentChanges
    ? { documentChanges: [{ textDocument: { uri: request.uri, version: request.version }, edits }] }
    : { changes: { [request.uri]: edits } };
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
