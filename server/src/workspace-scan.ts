import type { Linter } from 'eslint';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLinter } from './document-linter.js';
import { excludedBy } from './document-linter.js';
import type { Logger } from './lint-host.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import type { HardeningSettings } from './settings.js';
import { MAX_SCANNED_FILES, workspaceFiles } from './workspace-files.js';

/**
 * Lints every supported file of the workspace folders, as the CLI would, and
 * reports them as it goes (work-done progress, diagnostics per file), giving the
 * event loop back between files so the server keeps answering the editor.
 */

/** For clients without work-done progress: the scan reports only in the log. */
export const NO_PROGRESS: WorkDoneProgressReporter = {
  begin: () => {},
  report: () => {},
  done: () => {},
};

export interface ScannedFile {
  /** Absolute path. */
  filePath: string;
  uri: string;
  messages: Linter.LintMessage[];
  diagnostics: Diagnostic[];
}

export interface ScanSummary {
  files: ScannedFile[];
  findings: number;
  cancelled: boolean;
  /** More files than {@link MAX_SCANNED_FILES}: only the first were linted. */
  truncated: boolean;
  durationMs: number;
}

export interface ScanOptions {
  folders: readonly string[];
  linter: DocumentLinter;
  settingsFor(uri: string): Promise<HardeningSettings>;
  progress: WorkDoneProgressReporter;
  token: CancellationToken;
  /** Files open in the editor: their buffer, not the disk, is what they hold. */
  openText(uri: string): { text: string; languageId: string } | undefined;
  /** Each linted file's diagnostics, as soon as it is done. */
  publish(file: ScannedFile): void;
  /** Whether workspace code may run (git reads the repository's config). */
  trusted: boolean;
  /** The plugin's file globs (from the lint worker): which files are Hardening's. */
  supportedFiles: readonly string[];
  logger: Logger;
}

export async function scanWorkspace(options: ScanOptions): Promise<ScanSummary> {
  const started = performance.now();
  const { progress, token, logger } = options;
  progress.begin('Hardening: scanning the workspace', 0, 'Listing files…', true);
  const queue: Array<{ folder: string; path: string; settings: HardeningSettings }> = [];
  for (const folder of options.folders) {
    const settings = await options.settingsFor(pathToFileURL(folder).href);
    if (!settings.enable) continue;
    const files = await workspaceFiles(folder, (rel) => excludedBy(join(folder, rel), folder, settings.exclude) !== undefined, options.trusted, options.supportedFiles);
    for (const rel of files) queue.push({ folder, path: join(folder, rel), settings });
  }
  const truncated = queue.length > MAX_SCANNED_FILES;
  if (truncated) {
    logger.warn(`The workspace has ${queue.length} supported files; the scan lints the first ${MAX_SCANNED_FILES}.`);
    queue.length = MAX_SCANNED_FILES;
  }

  const summary: ScanSummary = { files: [], findings: 0, cancelled: false, truncated, durationMs: 0 };
  for (const [index, item] of queue.entries()) {
    if (token.isCancellationRequested) {
      summary.cancelled = true;
      break;
    }
    if (index % 10 === 0) {
      progress.report(Math.floor((index / queue.length) * 100), `${index}/${queue.length} files`);
      // Let pending requests (hovers, diagnostics of the file being typed in) through.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const file = await scanOne(options, item.path, item.settings);
    if (!file) continue;
    summary.files.push(file);
    summary.findings += file.diagnostics.length;
    options.publish(file);
  }
  summary.durationMs = performance.now() - started;
  progress.done();
  logger.info(
    `Workspace scan ${summary.cancelled ? 'cancelled' : 'done'}: ${summary.files.length} files, ` +
      `${summary.findings} findings, ${Math.round(summary.durationMs)} ms.`,
  );
  return summary;
}

async function scanOne(options: ScanOptions, filePath: string, settings: HardeningSettings): Promise<ScannedFile | undefined> {
  const uri = pathToFileURL(filePath).href;
  let text: string;
  let languageId = '';
  const open = options.openText(uri);
  if (open) {
    ({ text, languageId } = open);
  } else {
    try {
      if ((await stat(filePath)).size > DEFAULT_MAX_FILE_BYTES * 4) return undefined;
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      options.logger.warn(`Workspace scan: could not read ${filePath}: ${String(error)}`);
      return undefined;
    }
  }
  const document = TextDocument.create(uri, languageId, 0, text);
  const checked = await options.linter.check(document, options.linter.context(uri, languageId, settings));
  return { filePath, uri, messages: checked.messages, diagnostics: checked.diagnostics };
}
