import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { skippedDiagnostic, toFindings, type Finding } from './diagnostics.js';
import { documentPaths, type WorkspaceFolders } from './document-paths.js';
import type { LintHost, LintOutcome, Logger } from './lint-host.js';

/** What the last lint of a document found, for its version: diagnostics and code actions come from here. */
export interface LintRecord {
  version: number;
  /** The configuration epoch it was linted under (settings, folders). */
  epoch: number;
  /** For pull diagnostics: a report is `unchanged` while the resultId is the same. */
  resultId: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * Lints open documents through the lint host and keeps the latest record per
 * document. Never throws: on an unexpected error the record is empty, so no stale
 * result survives.
 */
export class DocumentLinter {
  readonly #records = new Map<string, LintRecord>();
  /** The skip logged last per document, so a huge file logs once, not once per keystroke. */
  readonly #loggedSkips = new Map<string, string>();
  #epoch = 0;
  #resultCounter = 0;

  constructor(
    private readonly host: LintHost,
    private readonly folders: WorkspaceFolders,
    private readonly logger: Logger,
    private readonly onUnexpected: (what: string, error: unknown) => void,
  ) {}

  /** Settings or folders changed: every record is outdated. */
  invalidate(): void {
    this.#epoch++;
  }

  /** The record for the document's current version, if one is up to date. */
  current(document: TextDocument): LintRecord | undefined {
    const record = this.#records.get(document.uri);
    return record && record.version === document.version && record.epoch === this.#epoch ? record : undefined;
  }

  /** The last record, whatever its version. */
  last(uri: string): LintRecord | undefined {
    return this.#records.get(uri);
  }

  forget(uri: string): void {
    this.#records.delete(uri);
    this.#loggedSkips.delete(uri);
  }

  /** Lints the document as it is now, synchronously, and records the result. */
  lint(document: TextDocument): LintRecord {
    const { uri, version } = document;
    let findings: Finding[] = [];
    let diagnostics: Diagnostic[] = [];
    try {
      const text = document.getText();
      let outcome: LintOutcome | undefined;
      // The first path a config matches; `file:` documents have exactly one.
      for (const candidate of documentPaths(uri, document.languageId, this.folders)) {
        outcome = this.host.lint(text, candidate.path);
        if (outcome.skipKind !== 'no-config') break;
      }
      if (!outcome) this.#noteSkip(uri, 'no-path', 'Not linted: no file path and no language id Hardening knows.');
      else if (outcome.skipKind) this.#noteSkip(uri, outcome.skipKind, outcome.skipped ?? outcome.skipKind);
      else this.#loggedSkips.delete(uri);

      if (outcome?.skipKind === 'too-large') {
        diagnostics = [skippedDiagnostic(outcome.skipped ?? 'Hardening did not lint this file: it is too large.')];
      } else if (outcome && !outcome.skipKind) {
        findings = toFindings(document, document.languageId, outcome);
        diagnostics = findings.map((finding) => finding.diagnostic);
      }
    } catch (error) {
      this.onUnexpected(`Linting ${uri} failed`, error);
      findings = [];
      diagnostics = [];
    }
    const record: LintRecord = { version, epoch: this.#epoch, resultId: String(++this.#resultCounter), findings, diagnostics };
    this.#records.set(uri, record);
    return record;
  }

  #noteSkip(uri: string, kind: string, reason: string): void {
    if (this.#loggedSkips.get(uri) === kind) return;
    this.#loggedSkips.set(uri, kind);
    this.logger.info(`${uri}: ${reason}`);
  }
}
