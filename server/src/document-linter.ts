import type { Linter } from 'eslint';
import { minimatch } from 'minimatch';
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { skippedDiagnostic, toFindings, type Finding } from './diagnostics.js';
import { documentPaths, type WorkspaceFolders } from './document-paths.js';
import type { LintHost, LintOutcome, Logger } from './lint-host.js';
import { DEFAULT_SETTINGS, type HardeningSettings } from './settings.js';
import { BUILT_IN, type ResolvedConfig, type WorkspaceConfigs } from './workspace-config.js';

/** What the last lint of a document found, for its version: diagnostics and code actions come from here. */
export interface LintRecord {
  version: number;
  /** The configuration epoch it was linted under (settings, folders). */
  epoch: number;
  /** For pull diagnostics: a report is `unchanged` while the resultId is the same. */
  resultId: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** The path ESLint linted the text as, and the config it used (fix-all runs the same). */
  filePath?: string;
  config: ResolvedConfig;
}

/** One lint's result, before it is recorded. */
export interface Checked {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** ESLint's own messages (the checklist report reads rule ids from them). */
  messages: Linter.LintMessage[];
  filePath?: string;
}

/** Everything a lint needs that has to be awaited: the document's settings and the config to use. */
export interface LintContext {
  settings: HardeningSettings;
  config: ResolvedConfig;
  /** Why the document is not linted at all (`hardening.enable` off, an `exclude` glob). */
  off?: string;
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
    private readonly configs: WorkspaceConfigs,
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

  forget(uri: string): void {
    this.#records.delete(uri);
    this.#loggedSkips.delete(uri);
  }

  /** Settings, exclusion and the config for a document (or a file on disk, for the workspace scan). */
  async context(uri: string, languageId: string, settings: HardeningSettings = DEFAULT_SETTINGS): Promise<LintContext> {
    if (!settings.enable) return { settings, config: BUILT_IN, off: 'hardening.enable is false' };
    const path = documentPaths(uri, languageId, this.folders)[0]?.path;
    const folder = path ? this.folders.containing(path) : undefined;
    if (path && settings.exclude.length > 0) {
      const glob = excludedBy(path, folder, settings.exclude);
      if (glob) return { settings, config: BUILT_IN, off: `excluded by hardening.exclude "${glob}"` };
    }
    const allowed = settings.useWorkspaceConfig && this.trusted();
    const config = path ? await this.configs.resolve(path, folder, allowed) : BUILT_IN;
    return { settings, config };
  }

  /** Lints the document as it is now, synchronously, and records the result. */
  lint(document: TextDocument, context: LintContext): LintRecord {
    const { findings, diagnostics, filePath } = this.check(document, context);
    const record: LintRecord = {
      version: document.version,
      epoch: this.#epoch,
      resultId: String(++this.#resultCounter),
      findings,
      diagnostics,
      config: context.config,
      ...(filePath ? { filePath } : {}),
    };
    this.#records.set(document.uri, record);
    return record;
  }

  /** Lints without recording anything (the workspace scan's files that are not open). */
  check(document: TextDocument, context: LintContext): Checked {
    let checked: Checked = { findings: [], diagnostics: [], messages: [] };
    try {
      if (context.off) {
        this.#noteSkip(document.uri, 'off', `Not linted: ${context.off}.`);
        return checked;
      }
      const outcome = this.#run(document, context);
      if (outcome?.skipKind === 'too-large') {
        const reason = outcome.skipped ?? 'Hardening did not lint this file: it is too large.';
        checked = { findings: [], diagnostics: [skippedDiagnostic(reason)], messages: [], filePath: outcome.filePath };
      } else if (outcome && !outcome.skipKind) {
        const findings = toFindings(document, document.languageId, outcome, context.settings.rulesCustomizations);
        const diagnostics = findings.map((finding) => finding.diagnostic);
        checked = { findings, diagnostics, messages: outcome.messages, filePath: outcome.filePath };
      }
    } catch (error) {
      this.onUnexpected(`Linting ${document.uri} failed`, error);
      checked = { findings: [], diagnostics: [], messages: [] };
    }
    return checked;
  }

  #run(document: TextDocument, context: LintContext): LintOutcome | undefined {
    const { uri } = document;
    const text = document.getText();
    const override = context.config.file ? { config: context.config.config, cwd: context.config.cwd } : undefined;
    let outcome: LintOutcome | undefined;
    // The first path a config matches; `file:` documents have exactly one.
    for (const candidate of documentPaths(uri, document.languageId, this.folders)) {
      outcome = this.host.lint(text, candidate.path, override);
      if (outcome.skipKind !== 'no-config') break;
    }
    if (!outcome) this.#noteSkip(uri, 'no-path', 'Not linted: no file path and no language id Hardening knows.');
    else if (outcome.skipKind) this.#noteSkip(uri, outcome.skipKind, outcome.skipped ?? outcome.skipKind);
    else this.#loggedSkips.delete(uri);
    return outcome;
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
  const rel = folder ? relative(folder, filePath).split('\\').join('/') : undefined;
  return globs.find((glob) => {
    if (isAbsolute(glob)) return minimatch(slashed, glob.split('\\').join('/'), { dot: true });
    if (rel === undefined || rel.startsWith('..')) return false;
    // `node_modules` or `vendor/**` exclude the folder's files too, as in .gitignore.
    return minimatch(rel, glob, { dot: true, matchBase: !glob.includes('/') }) || minimatch(rel, `${glob.replace(/\/+$/u, '')}/**`, { dot: true, matchBase: !glob.includes('/') });
  });
}
