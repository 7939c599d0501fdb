import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  createConnection,
  CancellationToken,
  type CodeAction,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FIX_ALL_KIND,
  SHOW_DOCUMENTATION_COMMAND,
  codeActionsFor,
  documentationUrl,
  fixAllAction,
  wants,
} from './code-actions.js';
import { NO_FEATURES, readClientFeatures, serverCapabilities, type ClientFeatures } from './client-features.js';
import { DocumentLinter, type LintRecord } from './document-linter.js';
import { WorkspaceFolders } from './document-paths.js';
import { hoverFor } from './hover.js';
import type { Logger } from './lint-host.js';
import { LintWorkerClient } from './lint-worker-client.js';
import { LintScheduler } from './scheduler.js';
import { SettingsStore } from './settings.js';
import { NO_PROGRESS, scanWorkspace, type ScanSummary } from './workspace-scan.js';

/**
 * The Hardening language server: ESLint with eslint-plugin-hardening on every
 * open document, for any LSP client. `--stdio` or `--node-ipc` (or `--socket=`,
 * `--pipe=`). Logs go to the client (window/logMessage), never to stdout.
 */

const NAME = 'hardening-language-server';
const VERSION = readVersion();
/** Typing pauses this long before a changed document is linted. */
const CHANGE_DELAY_MS = 150;
const TRANSPORTS = /^--(?:stdio|node-ipc|socket=\d+|pipe=.+)$/u;
const SCAN_WORKSPACE_COMMAND = 'hardening.scanWorkspace';
/** Scans, then answers with both guides' checklists for each workspace folder, as Markdown. */
const CHECKLIST_COMMAND = 'hardening.checklist';
/** Config files whose change means re-linting with them. */
const CONFIG_FILE_GLOB = '**/eslint.config.{js,mjs,cjs,ts,mts,cts}';
/** A lint that runs longer is stopped (a rule stuck in a loop): far above any real lint, which takes milliseconds. */
const LINT_TIMEOUT_MS = Number(process.env.HARDENING_LINT_TIMEOUT_MS) > 0 ? Number(process.env.HARDENING_LINT_TIMEOUT_MS) : 15_000;

function readVersion(): string | undefined {
  try {
    // server/package.json, from server/dist/server.js (bundle) or server/out/server.js.
    const loadJson = createRequire(import.meta.url);
    return (loadJson('../package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION ?? 'unknown'}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((arg) => TRANSPORTS.test(arg))) {
  const usage = `Usage: ${NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<name> [--clientProcessId <pid>]\n`;
  const asked = args.includes('--help') || args.includes('-h');
  (asked ? process.stdout : process.stderr).write(usage);
  process.exit(asked ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const logger: Logger = {
  info: (message) => connection.console.info(message),
  warn: (message) => connection.console.warn(message),
  error: (message) => connection.console.error(message),
};

/** The client's end of the pipe is gone: there is nobody left to serve or to log to. */
const LOST_CLIENT = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

let reporting = false;
/** Logs what escaped every handler, and keeps serving: one bad document must not stop the server. */
function logUnexpected(what: string, error: unknown): void {
  if (LOST_CLIENT.has(String((error as { code?: unknown } | null)?.code))) process.exit(1);
  const text = `${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  if (reporting) return;
  reporting = true;
  try {
    logger.error(text);
  } catch {
    process.stderr.write(`${text}\n`);
  } finally {
    reporting = false;
  }
}
process.on('uncaughtException', (error) => logUnexpected('Uncaught exception', error));
process.on('unhandledRejection', (reason) => logUnexpected('Unhandled rejection', reason));

const folders = new WorkspaceFolders();

/** Set from the client's initializationOptions: in an untrusted workspace no workspace code runs. */
let trusted = true;
const warnedAbout = new Set<string>();
function warnUser(message: string): void {
  if (warnedAbout.has(message)) return;
  warnedAbout.add(message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

let client: ClientFeatures = { ...NO_FEATURES };
let settings = new SettingsStore(connection, false, logger.warn);
// The worker is beside this file: server/dist/lint-worker.js in the bundle.
const worker = new LintWorkerClient(new URL('./lint-worker.js', import.meta.url), LINT_TIMEOUT_MS, logger, warnUser);
const linter = new DocumentLinter(worker, folders, () => trusted, logger, logUnexpected);

connection.onInitialize((params): InitializeResult => {
  client = readClientFeatures(params);
  trusted = client.workspaceTrusted;
  settings = new SettingsStore(connection, client.configuration, logger.warn);
  if (params.workspaceFolders) folders.set(params.workspaceFolders.map((folder) => folder.uri));
  else if (params.rootUri) folders.set([params.rootUri]);
  else if (params.rootPath) folders.set([pathToFileURL(params.rootPath).href]);
  return {
    capabilities: serverCapabilities(client, [SHOW_DOCUMENTATION_COMMAND, SCAN_WORKSPACE_COMMAND, CHECKLIST_COMMAND]),
    serverInfo: { name: NAME, ...(VERSION ? { version: VERSION } : {}) },
  };
});

connection.onInitialized(() => {
  if (client.configurationRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'hardening' }).catch((error: unknown) => {
      logger.warn(`Could not register for configuration changes: ${String(error)}`);
    });
  }
  if (client.watchedFilesRegistration) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] })
      .catch((error: unknown) => logger.warn(`Could not watch ESLint config files: ${String(error)}`));
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders.remove(event.removed.map((folder) => folder.uri));
      folders.add(event.added.map((folder) => folder.uri));
      relintAll();
    });
  }
  logger.info(
    `${NAME} ${VERSION ?? ''} started: diagnostics: ${client.pullDiagnostics ? 'pull' : 'push'}, ` +
      (trusted
        ? 'workspace trusted: a workspace eslint.config.* that uses eslint-plugin-hardening is used when hardening.useWorkspaceConfig is on.'
        : 'restricted mode: built-in rules only, no workspace config is loaded.'),
  );
  // Started now, so the first lint does not wait for ESLint and the plugin to load.
  worker.ready().then(
    ({ eslintVersion }) => logger.info(`Lint worker ready: ESLint ${eslintVersion}.`),
    (error: unknown) => logUnexpected('Starting the lint worker failed', error),
  );
});

// ---- linting -----------------------------------------------------------------

/**
 * Lints the document as it is now with its settings and config; undefined when it
 * closed or changed meanwhile, unless `keepStale` (a lint that nothing else will
 * redo, as a save's in onSave mode, still counts when typing goes on).
 */
async function lintNow(uri: string, isCurrent: () => boolean = () => true, keepStale = false): Promise<LintRecord | undefined> {
  const opened = documents.get(uri);
  if (!opened) return undefined;
  // A lint of this document timed out: its notice stands until a save, a reopen or a settings change.
  if (linter.stuck(uri)) return linter.last(uri);
  const documentSettings = await settings.get(uri);
  const document = documents.get(uri);
  if (!document || (!keepStale && (!isCurrent() || document.version !== opened.version))) return undefined;
  const record = await linter.lint(document, linter.context(uri, document.languageId, documentSettings));
  if (!documents.get(uri)) return undefined;
  return keepStale || (isCurrent() && documents.get(uri)?.version === record.version) ? record : undefined;
}

type Trigger = 'open' | 'change' | 'save' | 'config';
/** Why each document's pending lint was scheduled: in `onSave` mode a change alone lints nothing. */
const triggers = new Map<string, Trigger>();
/** Documents edited since they were opened or saved: in `onSave` mode their last result stands. */
const dirty = new Set<string>();
/** Files the workspace scan published diagnostics for while they were closed. */
const scanned = new Set<string>();

const scheduler = new LintScheduler(
  async (uri, isCurrent) => {
    const trigger = triggers.get(uri) ?? 'change';
    triggers.delete(uri);
    if (!documents.get(uri)) return;
    const onSave = (await settings.get(uri)).run === 'onSave';
    if (trigger === 'change' && onSave) return;
    // In onSave mode the next keystroke schedules no lint: this one must publish even if typing went on.
    const record = await lintNow(uri, isCurrent, onSave);
    if (record) void connection.sendDiagnostics({ uri, version: record.version, diagnostics: record.diagnostics });
  },
  (uri, error) => logUnexpected(`Linting ${uri} failed`, error),
);

function schedule(uri: string, trigger: Trigger, delayMs: number): void {
  const pending = triggers.get(uri);
  if (trigger !== 'change' || !pending) triggers.set(uri, trigger);
  scheduler.schedule(uri, delayMs);
}

const justOpened = new Set<string>();

documents.onDidOpen(({ document }) => {
  justOpened.add(document.uri);
  dirty.delete(document.uri);
  // The open document's own (pulled) diagnostics replace the scan's pushed ones.
  if (client.pullDiagnostics && scanned.delete(document.uri)) {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }
});

documents.onDidChangeContent(({ document }) => {
  const opened = justOpened.delete(document.uri);
  if (!opened) dirty.add(document.uri);
  if (client.pullDiagnostics) return;
  schedule(document.uri, opened ? 'open' : 'change', opened ? 0 : CHANGE_DELAY_MS);
});

documents.onDidSave(({ document }) => {
  // A save is the user's way to try a document whose lint timed out again.
  if (linter.stuck(document.uri)) linter.forget(document.uri);
  const wasDirty = dirty.delete(document.uri);
  if (client.pullDiagnostics) {
    if (wasDirty || !linter.last(document.uri)) refreshPulled();
    return;
  }
  schedule(document.uri, 'save', 0);
});

documents.onDidClose(({ document }) => {
  const { uri } = document;
  justOpened.delete(uri);
  dirty.delete(uri);
  triggers.delete(uri);
  scheduler.cancel(uri);
  linter.forget(uri);
  settings.forget(uri);
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

function refreshPulled(): void {
  if (!client.diagnosticRefresh) return;
  connection.languages.diagnostics.refresh().catch((error: unknown) => {
    logger.warn(`Could not ask the client to refresh diagnostics: ${String(error)}`);
  });
}

/** Settings, folders, trust or config files changed: every open document's result may differ. */
function relintAll(): void {
  linter.invalidate();
  worker.invalidate();
  if (client.pullDiagnostics) {
    refreshPulled();
    return;
  }
  for (const document of documents.all()) schedule(document.uri, 'config', 0);
}

connection.onDidChangeConfiguration((params) => {
  settings.changed(params.settings);
  relintAll();
});

connection.onDidChangeWatchedFiles(() => relintAll());

// ---- pull diagnostics ------------------------------------------------------

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const documentSettings = await settings.get(uri);
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
  const last = linter.last(uri);
  let record = linter.current(document);
  // In onSave mode an edited document keeps the result of its last save.
  if (!record && documentSettings.run === 'onSave' && dirty.has(uri) && last) record = last;
  record ??= await lintNow(uri);
  if (!record) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
  if (params.previousResultId === record.resultId) {
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: record.resultId };
  }
  return { kind: DocumentDiagnosticReportKind.Full, resultId: record.resultId, items: record.diagnostics };
});

// ---- code actions, hovers and commands -------------------------------------

connection.onCodeAction(async (params) => {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  const record = linter.last(uri);
  // Edits recorded for another version would land in the wrong place.
  if (!document || !record || record.version !== document.version) return [];
  const request = {
    uri,
    version: record.version,
    findings: record.findings,
    context: params.context,
    documentChanges: client.documentChanges,
    reasonPrompt: client.reasonPrompt,
  };
  const actions: CodeAction[] = codeActionsFor(request);
  // Source actions are asked for by kind only (on save, or from the Source Action menu).
  if (params.context.only && wants(params.context.only, FIX_ALL_KIND) && record.filePath) {
    const text = document.getText();
    const fixed = await linter.fix(document, record);
    // The document may have changed while the worker fixed it: then the edit would land in the wrong place.
    if (fixed !== undefined && documents.get(uri)?.version === record.version) {
      actions.push(fixAllAction(request, text, fixed, (offset) => document.positionAt(offset)));
    }
  }
  return actions;
});

connection.onHover(async (params) => {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  if (!document) return null;
  // A hover can come before the document's first diagnostics (just opened, or typed in): lint it now,
  // unless the document is to be linted on save only.
  let record = linter.last(uri);
  if (!record || record.version !== document.version) {
    if (dirty.has(uri) && (await settings.get(uri)).run === 'onSave') return null;
    record = await lintNow(uri);
  }
  return record ? hoverFor(record.findings, params.position) : null;
});

let scanning: Promise<ScanSummary> | undefined;

async function runScan(reporter: WorkDoneProgressReporter | undefined): Promise<ScanSummary> {
  const progress = reporter ?? (client.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined);
  const token = (progress as { token?: CancellationToken } | undefined)?.token ?? CancellationToken.None;
  const { supportedFiles } = await worker.ready();
  return scanWorkspace({
    folders: folders.all(),
    supportedFiles,
    linter,
    settingsFor: (uri) => settings.get(uri),
    progress: progress ?? NO_PROGRESS,
    token,
    openText: (uri) => {
      const open = documents.get(uri);
      return open ? { text: open.getText(), languageId: open.languageId } : undefined;
    },
    publish: (file) => {
      if (documents.get(file.uri) && client.pullDiagnostics) return;
      if (documents.get(file.uri)) {
        schedule(file.uri, 'config', 0);
        return;
      }
      scanned.add(file.uri);
      void connection.sendDiagnostics({ uri: file.uri, diagnostics: file.diagnostics });
    },
    logger,
    trusted,
  });
}

connection.onExecuteCommand(async (params, _token, reporter) => {
  if (params.command === SCAN_WORKSPACE_COMMAND || params.command === CHECKLIST_COMMAND) {
    // Without a token from the client the reporter given here reports nothing: the server creates its own.
    scanning ??= runScan(params.workDoneToken === undefined ? undefined : reporter).finally(() => {
      scanning = undefined;
    });
    const summary = await scanning;
    if (params.command === CHECKLIST_COMMAND) {
      const { files, cancelled, truncated } = summary;
      return { markdown: await worker.checklist({ files, folders: folders.all(), cancelled, truncated }) };
    }
    return { files: summary.files.length, findings: summary.findings, cancelled: summary.cancelled, truncated: summary.truncated };
  }
  if (params.command !== SHOW_DOCUMENTATION_COMMAND) return null;
  const url = documentationUrl(params.arguments?.[0]);
  if (!url) {
    logger.warn(`${SHOW_DOCUMENTATION_COMMAND}: expected a web address, got ${JSON.stringify(params.arguments?.[0])}.`);
    return null;
  }
  if (client.showDocument) {
    const result = await connection.window.showDocument({ uri: url, external: true });
    if (!result.success) logger.warn(`The client could not open ${url}.`);
  } else {
    // A notification, not showMessageRequest: nothing for the client to answer.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Hardening documentation: ${url}` });
  }
  return null;
});

connection.onShutdown(async () => {
  scheduler.dispose();
  await worker.dispose();
});

documents.listen(connection);
connection.listen();
