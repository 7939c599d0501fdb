import {
  CodeActionKind,
  TextDocumentSyncKind,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { FIX_ALL_KIND } from './code-actions.js';

/**
 * What the client said it can do at `initialize`, read once, and what the server
 * offers in return: the server adapts to each client instead of assuming VS Code.
 */

export interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolders: boolean;
  showDocument: boolean;
  documentChanges: boolean;
  workDoneProgress: boolean;
  /** Our VS Code extension: it runs `hardening.disableWithReason`. */
  reasonPrompt: boolean;
  /** The VS Code extension says so for a workspace in restricted mode; other clients have no such notion. */
  workspaceTrusted: boolean;
}

/** Before `initialize`: nothing is assumed. */
export const NO_FEATURES: Readonly<ClientFeatures> = Object.freeze({
  pullDiagnostics: false,
  diagnosticRefresh: false,
  configuration: false,
  configurationRegistration: false,
  watchedFilesRegistration: false,
  workspaceFolders: false,
  showDocument: false,
  documentChanges: false,
  workDoneProgress: false,
  reasonPrompt: false,
  workspaceTrusted: true,
});

interface InitializationOptions {
  workspaceTrusted?: unknown;
  reasonPrompt?: unknown;
}

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const { capabilities } = params;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  return {
    pullDiagnostics: Boolean(capabilities.textDocument?.diagnostic),
    diagnosticRefresh: Boolean(capabilities.workspace?.diagnostics?.refreshSupport),
    configuration: Boolean(capabilities.workspace?.configuration),
    configurationRegistration: Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration),
    watchedFilesRegistration: Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration),
    workspaceFolders: Boolean(capabilities.workspace?.workspaceFolders),
    showDocument: Boolean(capabilities.window?.showDocument?.support),
    documentChanges: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges),
    workDoneProgress: Boolean(capabilities.window?.workDoneProgress),
    reasonPrompt: options.reasonPrompt === true,
    workspaceTrusted: options.workspaceTrusted !== false,
  };
}

export function serverCapabilities(client: ClientFeatures, commands: string[]): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    hoverProvider: true,
    executeCommandProvider: { commands },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  // A client that pulls diagnostics gets only pulled ones for open files, never pushed ones too.
  if (client.pullDiagnostics) {
    capabilities.diagnosticProvider = { identifier: 'hardening', interFileDependencies: false, workspaceDiagnostics: false };
  }
  return capabilities;
}
