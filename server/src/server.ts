// First: CommonJS dependencies of the bundle need these globals while they load.
import { Linter } from 'eslint';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SHOW_DOCUMENTATION_COMMAND, codeActionsFor, documentationUrl } from './code-actions.js';
import { DocumentLinter } from './document-linter.js';
import { WorkspaceFolders } from './document-paths.js';
import { createLintHost, type Logger } from './lint-host.js';
import { LintScheduler } from './scheduler.js';
import { SettingsStore } from './settings.js';

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
const host = createLintHost({ cwd: (filePath) => folders.containing(filePath), logger });

const justOpened = new Set<string>();

interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
  showDocument: boolean;
  documentChanges: boolean;
}
let client: ClientFeatures = {
  pullDiagnostics: false,
  diagnosticRefresh: false,
  configuration: false,
  configurationRegistration: false,
  workspaceFolders: false,
  showDocument: false,
  documentChanges: false,
};
let settings = new SettingsStore(connection, false, logger.warn);
const linter = new DocumentLinter(host, folders, logger, logUnexpected);

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  client = {
    pullDiagnostics: Boolean(capabilities.textDocument?.diagnostic),
    diagnosticRefresh: Boolean(capabilities.workspace?.diagnostics?.refreshSupport),
    configuration: Boolean(capabilities.workspace?.configuration),
    configurationRegistration: Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration),
    workspaceFolders: Boolean(capabilities.workspace?.workspaceFolders),
    showDocument: Boolean(capabilities.window?.showDocument?.support),
    documentChanges: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges),
  };
  settings = new SettingsStore(connection, client.configuration, logger.warn);
  if (params.workspaceFolders) folders.set(params.workspaceFolders.map((folder) => folder.uri));
  else if (params.rootUri) folders.set([params.rootUri]);
  else if (params.rootPath) folders.set([pathToFileURL(params.rootPath).href]);

  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: NAME, ...(VERSION ? { version: VERSION } : {}) },
  };
  // A client that pulls diagnostics gets only pulled ones, never pushed ones too.
  if (client.pullDiagnostics) {
    result.capabilities.diagnosticProvider = {
      identifier: 'hardening',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    };
  }
  return result;
});

connection.onInitialized(() => {
  if (client.configurationRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'hardening' }).catch((error: unknown) => {
      logger.warn(`Could not register for configuration changes: ${String(error)}`);
    });
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders.remove(event.removed.map((folder) => folder.uri));
      folders.add(event.added.map((folder) => folder.uri));
      relintAll();
    });
  }
  logger.info(
    `${NAME} ${VERSION ?? ''} started: ESLint ${new Linter().version}, config: ${host.configProvider.name}, ` +
      `diagnostics: ${client.pullDiagnostics ? 'pull' : 'push'}.`,
  );
});

// ---- push diagnostics ------------------------------------------------------

const scheduler = new LintScheduler(
  async (uri, isCurrent) => {
    if (!documents.get(uri)) return;
    const { enable } = await settings.get(uri);
    const document = documents.get(uri);
    if (!isCurrent() || !document) return;
    if (!enable) {
      linter.forget(uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const record = linter.lint(document);
    void connection.sendDiagnostics({ uri, version: record.version, diagnostics: record.diagnostics });
  },
  (uri, error) => logUnexpected(`Linting ${uri} failed`, error),
);

documents.onDidOpen(({ document }) => {
  justOpened.add(document.uri);
});

documents.onDidChangeContent(({ document }) => {
  const opened = justOpened.delete(document.uri);
  if (client.pullDiagnostics) return;
  scheduler.schedule(document.uri, opened ? 0 : CHANGE_DELAY_MS);
});

documents.onDidClose(({ document }) => {
  const { uri } = document;
  justOpened.delete(uri);
  scheduler.cancel(uri);
  linter.forget(uri);
  settings.forget(uri);
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

/** Settings, folders or config changed: every open document's result may differ. */
function relintAll(): void {
  linter.invalidate();
  if (client.pullDiagnostics) {
    if (client.diagnosticRefresh) {
      connection.languages.diagnostics.refresh().catch((error: unknown) => {
        logger.warn(`Could not ask the client to refresh diagnostics: ${String(error)}`);
      });
    }
    return;
  }
  for (const document of documents.all()) scheduler.schedule(document.uri, 0);
}

connection.onDidChangeConfiguration((params) => {
  settings.changed(params.settings);
  relintAll();
});

// ---- pull diagnostics ------------------------------------------------------

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const { uri } = params.textDocument;
  if (!documents.get(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const { enable } = await settings.get(uri);
  const document = documents.get(uri);
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
  if (!document || !enable) {
    linter.forget(uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }
  const record = linter.current(document) ?? linter.lint(document);
  if (params.previousResultId === record.resultId) {
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: record.resultId };
  }
  return { kind: DocumentDiagnosticReportKind.Full, resultId: record.resultId, items: record.diagnostics };
});

// ---- code actions and commands ---------------------------------------------

connection.onCodeAction((params) => {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  const record = linter.last(uri);
  // Edits recorded for another version would land in the wrong place.
  if (!document || !record || record.version !== document.version) return [];
  return codeActionsFor({
    uri,
    version: record.version,
    findings: record.findings,
    context: params.context,
    documentChanges: client.documentChanges,
  });
});

connection.onExecuteCommand(async (params) => {
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

connection.onShutdown(() => {
  scheduler.dispose();
});

documents.listen(connection);
connection.listen();
