import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  HoverRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  DiagnosticRefreshRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Hover,
  type Position,
  type ShowMessageParams,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowDocumentParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';

/**
 * A minimal LSP client for tests: spawns the bundled server (what ships), speaks
 * the real protocol over stdio or node IPC, answers the server's requests, and
 * records what the server pushes so tests wait on events instead of sleeping.
 */

export const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER = join(ROOT, 'server', 'dist', 'server.js');
const DEFAULT_TIMEOUT_MS = 10_000;

export interface StartOptions {
  transport?: 'stdio' | 'node-ipc';
  /** Workspace folders, as paths. */
  folders?: string[];
  /** Advertise `textDocument.diagnostic` (pull diagnostics). */
  pullDiagnostics?: boolean;
  /** Answer `workspace/configuration`; without it, the client does not advertise it. */
  settings?: (scopeUri: string | undefined, section: string | undefined) => unknown;
  /** Advertise `workspace.workspaceEdit.documentChanges`. */
  documentChanges?: boolean;
  /** Sent as `initializationOptions` (the VS Code extension sends `workspaceTrusted`). */
  initializationOptions?: unknown;
  /** Advertise `window.workDoneProgress` (server-initiated progress). */
  workDoneProgress?: boolean;
  /** More environment variables for the server process. */
  env?: Record<string, string>;
}

export interface Publish extends PublishDiagnosticsParams {
  /** Arrival order over the whole session. */
  sequence: number;
}

export class LspClient {
  readonly publishes: Publish[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** `$/progress` values, in arrival order, and the tokens the server created. */
  readonly progress: Array<{ token: string | number; value: unknown }> = [];
  readonly progressTokens: Array<string | number> = [];
  readonly shownMessages: ShowMessageParams[] = [];
  refreshRequests = 0;
  initializeResult!: InitializeResult;
  #stderr = '';
  #exit: { code: number | null; signal: string | null } | undefined;
  #waiters = new Set<() => void>();
  #sequence = 0;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER)) {
      throw new Error(`${SERVER} is missing: build first with \`npx tsc -b eslint-plugin && node scripts/bundle.mjs\`.`);
    }
    const transport = options.transport ?? 'stdio';
    const child = spawn(process.execPath, [SERVER, `--${transport}`], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: transport === 'stdio' ? ['pipe', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const connection =
      transport === 'stdio'
        ? createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
        : createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new LspClient(child, connection);
    client.#wire(options);
    connection.listen();
    await client.#initialize(options);
    return client;
  }

  #wire(options: StartOptions): void {
    const { connection } = this;
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
    this.process.on('exit', (code, signal) => {
      this.#exit = { code, signal };
      this.#notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.publishes.push({ ...params, sequence: ++this.#sequence });
      this.#notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.#notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => options.settings?.(item.scopeUri, item.section) ?? null),
    );
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      this.#notify();
      return { success: true };
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      this.#notify();
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: unknown }) => {
      this.progress.push(params);
      this.#notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params);
      this.#notify();
    });
  }

  async #initialize(options: StartOptions): Promise<void> {
    const folders = options.folders ?? [];
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: Boolean(options.settings),
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: options.documentChanges ?? false },
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation: false },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
        },
        ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: { showDocument: { support: true }, workDoneProgress: options.workDoneProgress ?? false },
    };
    this.initializeResult = await this.#race(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
        workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder })),
        capabilities,
        ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
      }),
      'initialize',
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  // ---- documents ----------------------------------------------------------

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Opens a document and returns the diagnostics of its first lint (push mode). */
  async openAndLint(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    await this.open(uri, languageId, text);
    return this.waitForDiagnostics(uri, { version: 1 });
  }

  /** Replaces the whole text (allowed with incremental sync). */
  async change(uri: string, version: number, text: string): Promise<void> {
    await this.changeRanges(uri, version, [{ text }]);
  }

  async changeRanges(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeWatchedFiles(uris: string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: uris.map((uri) => ({ uri, type: 2 })),
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  // ---- waiting on the server --------------------------------------------

  /** The sequence number of the last publish so far: pass it as `after` to wait for a newer one. */
  mark(): number {
    return this.#sequence;
  }

  /**
   * The first publish for `uri` (after `after`, of `version` when given) — one
   * already received, or the next to arrive.
   */
  async waitForDiagnostics(
    uri: string,
    match: { version?: number | undefined; after?: number } = {},
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<Diagnostic[]> {
    const publish = await this.waitFor(
      () =>
        this.publishes.find(
          (p) =>
            p.uri === uri &&
            p.sequence > (match.after ?? 0) &&
            (!('version' in match) || p.version === match.version),
        ),
      `publishDiagnostics for ${uri}${'version' in match ? ` version ${match.version}` : ''}`,
      timeoutMs,
    );
    return publish.diagnostics;
  }

  async waitForLog(pattern: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<LogMessageParams> {
    return this.waitFor(() => this.logs.find((log) => pattern.test(log.message)), `a log message matching ${pattern}`, timeoutMs);
  }

  /** Resolves with `probe()`'s first truthy value, re-checked on every message from the server. */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const found = probe();
        if (found) {
          done();
          resolve(found);
        } else if (this.#exit) {
          done();
          reject(new Error(`The server exited (${JSON.stringify(this.#exit)}) while waiting for ${what}.${this.#diagnosis()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${this.#diagnosis()}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Publishes for `uri` received after `after`, once `timeoutMs` has passed: for asserting that none came. */
  async publishesWithin(uri: string, after: number, timeoutMs: number): Promise<Publish[]> {
    await new Promise((resolve) => setTimeout(resolve, timeoutMs));
    return this.publishes.filter((p) => p.uri === uri && p.sequence > after);
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  /** `promise`, or a rejection if the server exits first. */
  async #race<T>(promise: Promise<T>, what: string): Promise<T> {
    let stop = (): void => {};
    const exited = new Promise<never>((_resolve, reject) => {
      const check = (): void => {
        if (this.#exit) reject(new Error(`The server exited (${JSON.stringify(this.#exit)}) during ${what}.${this.#diagnosis()}`));
      };
      this.#waiters.add(check);
      stop = () => this.#waiters.delete(check);
      check();
    });
    try {
      return await Promise.race([promise, exited]);
    } finally {
      stop();
    }
  }

  #diagnosis(): string {
    const logs = this.logs.slice(-10).map((log) => `  log: ${log.message}`);
    const stderr = this.#stderr.trim() ? [`  stderr: ${this.#stderr.trim().slice(-2000)}`] : [];
    return logs.length + stderr.length ? `\n${[...logs, ...stderr].join('\n')}` : '';
  }

  get exited(): boolean {
    return this.#exit !== undefined;
  }

  get stderr(): string {
    return this.#stderr;
  }

  // ---- requests ---------------------------------------------------------

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
      ...(previousResultId ? { previousResultId } : {}),
    });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []).filter((item): item is CodeAction => !isCommand(item));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** shutdown + exit, then waits for the process to end (killing it after a timeout). */
  async stop(): Promise<number | null> {
    if (!this.#exit) {
      try {
        await this.#race(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // The exit below reports what went wrong.
      }
      try {
        await this.waitFor(() => this.#exit, 'the server to exit', 5_000);
      } catch {
        this.process.kill();
      }
    }
    this.connection.dispose();
    return this.#exit?.code ?? null;
  }
}

function isCommand(item: Command | CodeAction): item is Command {
  return typeof (item as Command).command === 'string';
}

/** Applies text edits (LSP ranges) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), edits);
}

/** Applies the part of a workspace edit that targets `uri`, from `changes` or `documentChanges`. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = [...(edit?.changes?.[uri] ?? [])];
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e));
    }
  }
  if (edits.length === 0) throw new Error(`The workspace edit has no edits for ${uri}: ${JSON.stringify(edit)}`);
  return applyEdits(text, edits);
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
