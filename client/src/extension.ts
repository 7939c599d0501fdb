import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerDisableWithReason } from './disable-with-reason.js';
import { StatusItem } from './status-item.js';

/**
 * The extension is a thin shell: it starts the bundled language server, which
 * owns every rule, and shows its state. Settings are read by the server per
 * resource through `workspace/configuration`, under the `hardening` section.
 * Commands the server declares (scan the workspace, show a rule's docs) become
 * VS Code commands through the language client.
 */

const DOCUMENT_SELECTOR = [
  { language: 'javascript' },
  { language: 'javascriptreact' },
  { language: 'typescript' },
  { language: 'typescriptreact' },
  { language: 'python' },
  { language: 'dockerfile' },
  { language: 'nginx' },
  { language: 'yaml' },
  { language: 'dockercompose' },
  { language: 'dotenv' },
  { language: 'ignore' },
  { pattern: '**/*.conf' },
  { pattern: '**/{.env,.env.*,*.env}' },
  { pattern: '**/.gitignore' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile}' },
  { pattern: '**/{sites-available,sites-enabled}/**' },
];

const SCAN_WORKSPACE_COMMAND = 'hardening.scanWorkspace';
const CHECKLIST_COMMAND = 'hardening.checklist';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Hardening', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    diagnosticCollectionName: 'hardening',
    // Read again at every start: a restart after trust is granted tells the server.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, reasonPrompt: true }),
    middleware: {
      executeCommand: async (command, args, next) => {
        const result: unknown = await next(command, args);
        if (command === SCAN_WORKSPACE_COMMAND) reportScan(result);
        if (command === CHECKLIST_COMMAND) await showChecklist(result);
        return result;
      },
    },
  };

  // The client id is the settings prefix, so `hardening.trace.server` traces the protocol.
  client = new LanguageClient('hardening', 'Hardening', serverOptions, clientOptions);
  const languageClient = client;

  context.subscriptions.push(
    languageClient.onDidChangeState((event) => status.setState(stateName(event.newState), vscode.workspace.isTrusted)),
    vscode.languages.onDidChangeDiagnostics(() => status.countFindings()),
    vscode.commands.registerCommand('hardening.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('hardening.restartServer', async () => {
      await languageClient.restart();
    }),
    registerDisableWithReason(),
    // Trusting the workspace lets the server load its eslint.config.*: start it again with that news.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await languageClient.restart();
    }),
  );
  status.setState('starting', vscode.workspace.isTrusted);
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function stateName(state: State): 'running' | 'starting' | 'stopped' {
  if (state === State.Running) return 'running';
  return state === State.Starting ? 'starting' : 'stopped';
}

function reportScan(result: unknown): void {
  const summary = result as { files?: number; findings?: number; cancelled?: boolean; truncated?: boolean } | null;
  if (!summary || typeof summary.files !== 'number') return;
  const counts = `${summary.files} file${summary.files === 1 ? '' : 's'}, ${summary.findings ?? 0} finding${summary.findings === 1 ? '' : 's'}`;
  const note = summary.cancelled ? ' (cancelled)' : summary.truncated ? ' (the first files only: see the output)' : '';
  void vscode.window.showInformationMessage(`Hardening scanned ${counts}${note}.`, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}

/** The checklist report in an untitled Markdown editor (to copy into a PR), with its preview beside it. */
async function showChecklist(result: unknown): Promise<void> {
  const markdown = (result as { markdown?: unknown } | null)?.markdown;
  if (typeof markdown !== 'string') return;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide');
}
