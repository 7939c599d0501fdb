import type { Linter } from 'eslint';
import { minimatch } from 'minimatch';
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { skippedDiagnostic, toFindings, type Finding } from './diagnostics.js';
import { documentPaths, type WorkspaceFolders } from './document-paths.js';
import { isInside } from './paths.js';
import type { Logger } from './lint-host.js';
import type { ConfigChoice, LintReport } from './lint-protocol.js';
import { LintTimeout, type LintWorkerClient } from './lint-worker-client.js';
import { DEFAULT_SETTINGS, type HardeningSettings } from './settings.js';

/** What the last lint of a document found, for its version: diagnostics and code actions come from here. */
export interface LintRecord {
  version: number;
  /** The configuration epoch it was linted under (settings, folders). */
  epoch: number;
  /** For pull diagnostics: a report is `unchanged` while the resultId is the same. */
  resultId: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** The path ESLint linted the text as, and the config choice it used (fix-all runs the same). */
  filePath?: string;
  choice: ConfigChoice;
  /** The lint ran past its time limit: nothing is linted again until the document is saved, reopened or the settings change. */
  timedOut?: boolean;
}

/** One lint's result, before it is recorded. */
export interface Checked {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** ESLint's own messages (the checklist report reads rule ids from them). */
  messages: Linter.LintMessage[];
  filePath?: string;
  timedOut?: boolean;
}

/** Everything a lint needs that has to be awaited: the document's settings and which config to use. */
export interface LintContext {
  settings: HardeningSettings;
  choice: ConfigChoice;
  /** Why the document is not linted at all (`hardening.enable` off, an `exclude` glob). */
  off?: string;
}

/**
 * Lints documents through the lint worker and keeps the latest record per open
 * document. Never throws: on an unexpected error the record is empty, so no
 * stale result survives.
 */
export class DocumentLinter {
  readonly #records = new Map<string, LintRecord>();
  /** The skip logged last per document, so a huge file logs once, not once per keystroke. */
  readonly #loggedSkips = new Map<string, string>();
  /** Bumped when a document is forgotten (closed): a lint started before must not record its result. */
  readonly #generations = new Map<string, number>();
  #epoch = 0;
  #resultCounter = 0;

  constructor(
    private readonly worker: LintWorkerClient,
    private readonly folders: WorkspaceFolders,
    /** Whether workspace code (an eslint.config.*) may run. */
    private readonly trusted: () => boolean,
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

  /** A lint of this document timed out, under the current settings: linting it again would only time out again. */
  stuck(uri: string): boolean {
    const record = this.#records.get(uri);
    return Boolean(record?.timedOut && record.epoch === this.#epoch);
  }

  forget(uri: string): void {
    this.#records.delete(uri);
    this.#loggedSkips.delete(uri);
    this.#generations.set(uri, (this.#generations.get(uri) ?? 0) + 1);
  }

  /** Settings, exclusion and the config choice for a document (or a file on disk, for the workspace scan). */
  context(uri: string, languageId: string, settings: HardeningSettings = DEFAULT_SETTINGS): LintContext {
    const path = documentPaths(uri, languageId, this.folders)[0]?.path;
    const folder = path ? this.folders.containing(path) : undefined;
    const choice = { folder, useWorkspaceConfig: settings.useWorkspaceConfig && this.trusted() };
    if (!settings.enable) return { settings, choice, off: 'hardening.enable is false' };
    if (path && settings.exclude.length > 0) {
      const glob = excludedBy(path, folder, settings.exclude);
      if (glob) return { settings, choice, off: `excluded by hardening.exclude "${glob}"` };
    }
    return { settings, choice };
  }

  /** Lints the document as it is now and records the result for its version. */
  async lint(document: TextDocument, context: LintContext): Promise<LintRecord> {
    // What the lint started under: a settings change or a close while it runs makes its result stale.
    const epoch = this.#epoch;
    const generation = this.#generations.get(document.uri);
    const checked = await this.check(document, context);
    const record: LintRecord = {
      version: document.version,
      epoch,
      resultId: String(++this.#resultCounter),
      findings: checked.findings,
      diagnostics: checked.diagnostics,
      choice: context.choice,
      ...(checked.filePath ? { filePath: checked.filePath } : {}),
      ...(checked.timedOut ? { timedOut: true } : {}),
    };
    if (this.#generations.get(document.uri) === generation) this.#records.set(document.uri, record);
    return record;
  }

  /** Lints without recording anything (the workspace scan's files that are not open). */
  async check(document: TextDocument, context: LintContext): Promise<Checked> {
    const empty: Checked = { findings: [], diagnostics: [], messages: [] };
    if (context.off) {
      this.#noteSkip(document.uri, 'off', `Not linted: ${context.off}.`);
      return empty;
    }
    try {
      const report = await this.#run(document, context.choice);
      if (report?.skipKind === 'too-large') {
        const reason = report.skipped ?? 'Hardening did not lint this file: it is too large.';
        return { ...empty, diagnostics: [skippedDiagnostic(reason)], filePath: report.filePath };
      }
      if (!report || report.skipKind) return empty;
      const findings = toFindings(document, document.languageId, report, context.settings.rulesCustomizations);
      return { findings, diagnostics: findings.map((finding) => finding.diagnostic), messages: report.messages, filePath: report.filePath };
    } catch (error) {
      if (error instanceof LintTimeout) {
        const seconds = Math.round(error.timeoutMs / 1000);
        const reason =
          `Hardening stopped linting this file after ${seconds} s: a rule did not finish (the output names the file). ` +
          'Other files are still linted; save the file or change a setting to try again.';
        return { ...empty, diagnostics: [skippedDiagnostic(reason)], filePath: error.filePath, timedOut: true };
      }
      this.onUnexpected(`Linting ${document.uri} failed`, error);
      return empty;
    }
  }

  /** Asks the worker for a fixed text (all fixes, or one rule's), with the same config choice as the lint. */
  async fix(document: TextDocument, record: LintRecord, ruleId?: string): Promise<string | undefined> {
    if (!record.filePath) return undefined;
    try {
      return await this.worker.fix(document.getText(), record.filePath, record.choice, ruleId);
    } catch (error) {
      this.logger.warn(`Fixing ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  async #run(document: TextDocument, choice: ConfigChoice): Promise<LintReport | undefined> {
    const { uri } = document;
    const text = document.getText();
    let report: LintReport | undefined;
    // The first path a config matches; `file:` documents have exactly one.
    for (const candidate of documentPaths(uri, document.languageId, this.folders)) {
      report = await this.worker.lint(text, candidate.path, document.languageId, choice);
      if (report.skipKind !== 'no-config') break;
    }
    if (!report) this.#noteSkip(uri, 'no-path', 'Not linted: no file path and no language id Hardening knows.');
    else if (report.skipKind) this.#noteSkip(uri, report.skipKind, report.skipped ?? report.skipKind);
    else this.#loggedSkips.delete(uri);
    return report;
  }

  #noteSkip(uri: string, kind: string, reason: string): void {
    if (this.#loggedSkips.get(uri) === kind) return;
    this.#loggedSkips.set(uri, kind);
    this.logger.info(`${uri}: ${reason}`);
  }
}

/** The `hardening.exclude` glob that matches the file: relative globs against the workspace folder, absolute ones as they are. */
export function excludedBy(filePath: string, folder: string | undefined, globs: readonly string[]): string | undefined {
  const slashed = filePath.split('\\').join('/');
  const rel = folder && isInside(filePath, folder) ? relative(folder, filePath).split('\\').join('/') : undefined;
  return globs.find((glob) => {
    if (isAbsolute(glob)) return minimatch(slashed, glob.split('\\').join('/'), { dot: true });
    if (rel === undefined) return false;
    // `node_modules` or `vendor/**` exclude the folder's files too, as in .gitignore.
    const options = { dot: true, matchBase: !glob.includes('/') };
    return minimatch(rel, glob, options) || minimatch(rel, `${glob.replace(/\/+$/u, '')}/**`, options);
  });
}
