import type { Linter, Rule } from 'eslint';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commentSyntaxAt, disableFileEdit, disableLineEdit, lineEnding } from './comment-syntax.js';
import type { RuleDocs } from './config-provider.js';
import type { LintReport } from './lint-protocol.js';
import { customizedSeverity } from './rule-customizations.js';
import type { RuleCustomization } from './settings.js';

/**
 * ESLint messages → LSP diagnostics, with everything a code action needs later
 * (the fix, the suggestions, the disable comment) converted to LSP edits now,
 * against the very text that was linted.
 */

export const SOURCE = 'hardening';

export interface RecordedEdit {
  title: string;
  edit: TextEdit;
}

export interface Finding {
  diagnostic: Diagnostic;
  ruleId: string | null;
  /** The rule's metadata, for hovers and the documentation action. */
  docs?: RuleDocs;
  fix?: RecordedEdit;
  suggestions: RecordedEdit[];
  disable?: RecordedEdit;
  /** The same comment with a `-- reason` the user types: `newText` holds {@link REASON_PLACEHOLDER}. */
  disableWithReason?: RecordedEdit;
  disableFile?: RecordedEdit;
}

export function toFindings(
  document: TextDocument,
  languageId: string,
  outcome: LintReport,
  customizations: readonly RuleCustomization[] = [],
): Finding[] {
  const text = document.getText();
  // ESLint works on the text without a BOM: its offsets and first-line columns are one short.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const eol = lineEnding(text);
  const findings: Finding[] = [];
  for (const message of outcome.messages) {
    const ruleId = message.ruleId ?? null;
    const configured = message.fatal || message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    const severity = customizedSeverity(ruleId, configured, customizations);
    if (severity === undefined) continue;
    const range = messageRange(document, message, bom);
    const docs = ruleId ? outcome.docs[ruleId] : undefined;
    const diagnostic: Diagnostic = { range, severity, source: SOURCE, message: message.message };
    if (ruleId) diagnostic.code = ruleId;
    if (docs?.url) diagnostic.codeDescription = { href: docs.url };
    if (!ruleId && /^Unused eslint-(?:disable|enable) directive/u.test(message.message)) {
      diagnostic.tags = [DiagnosticTag.Unnecessary];
    }

    const finding: Finding = { diagnostic, ruleId, suggestions: [] };
    if (docs) finding.docs = docs;
    if (message.fix) {
      finding.fix = { title: fixTitle(message), edit: toEdit(document, message.fix, bom) };
    }
    for (const suggestion of message.suggestions ?? []) {
      finding.suggestions.push({
        title: ruleId ? `${suggestion.desc} (${ruleId})` : suggestion.desc,
        edit: toEdit(document, suggestion.fix, bom),
      });
    }
    if (ruleId && !message.fatal) {
      const line = range.start.line;
      const syntax = outcome.commentSyntax[message.line] ?? commentSyntaxAt(undefined, languageId, 0);
      if (syntax) {
        finding.disable = {
          title: `Disable ${ruleId} for this line`,
          edit: disableLineEdit(document, line, ruleId, syntax, eol),
        };
        // Not when the rule is added to a disable comment on the line above: a second comment line would cancel that one.
        if (!finding.disable.edit.newText.startsWith(', ')) {
          finding.disableWithReason = {
            title: `Disable ${ruleId} for this line, with a reason…`,
            edit: disableLineEdit(document, line, ruleId, syntax, eol, true),
          };
        }
        // File-level comments are never inside JSX: `{/* */}` is for lines among JSX children only.
        const fileSyntax = syntax.end ? commentSyntaxAt(undefined, 'javascript', 0) : syntax;
        const fileEdit = fileSyntax && disableFileEdit(document, ruleId, fileSyntax, eol);
        if (fileEdit) finding.disableFile = { title: `Disable ${ruleId} for the entire file`, edit: fileEdit };
      }
    }
    findings.push(finding);
  }
  return findings;
}

/** The single diagnostic for a file that was not linted on purpose (too large). */
export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: reason,
  };
}

/** Identifies a diagnostic the client sends back in a code action request. */
export function diagnosticKey(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}|${String(diagnostic.code ?? '')}|${diagnostic.message}`;
}

function fixTitle(message: Linter.LintMessage): string {
  if (message.ruleId) return `Fix this ${message.ruleId} problem`;
  if (/^Unused eslint-(?:disable|enable) directive/u.test(message.message)) return 'Remove unused eslint directive';
  return 'Fix this problem';
}

/**
 * LintMessage lines and columns are 1-based (columns in UTF-16 units, as LSP's
 * default encoding); `line: 0` marks a file-level message. Anything out of range,
 * missing or reversed is clamped into the document.
 */
function messageRange(document: TextDocument, message: Linter.LintMessage, bom: number): Range {
  const start = toPosition(document, message.line, message.column, bom);
  if (message.endLine === undefined || message.endLine === null) return { start, end: start };
  const end = toPosition(document, message.endLine, message.endColumn ?? message.column, bom);
  const ordered = end.line > start.line || (end.line === start.line && end.character >= start.character);
  return { start, end: ordered ? end : start };
}

function toPosition(document: TextDocument, line: number, column: number, bom: number): Position {
  const zeroLine = Math.min(Math.max(toInt(line) - 1, 0), Math.max(document.lineCount - 1, 0));
  const character = Math.max(toInt(column) - 1, 0) + (zeroLine === 0 ? bom : 0);
  // offsetAt clamps the character to the line (before its line break); positionAt normalises back.
  return document.positionAt(document.offsetAt({ line: zeroLine, character }));
}

function toInt(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 1;
}

function toEdit(document: TextDocument, fix: Rule.Fix, bom: number): TextEdit {
  const length = document.getText().length;
  const [from, to] = fix.range;
  const start = Math.min(Math.max(toInt(from) + bom, 0), length);
  const end = Math.min(Math.max(toInt(to) + bom, start), length);
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText: fix.text };
}
