import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/**
 * The extension is a thin shell: it starts the bundled language server, which
 * owns every rule, and shows its state. Settings are read by the server per
 * resource through `workspace/configuration`, under the `hardening` section,
 * and registers for configuration changes itself.
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

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Hardening', { log: true });
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 0);
  status.name = 'Hardening';
  status.command = 'hardening.showOutput';
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
  };

  // The client id is the settings prefix, so `hardening.trace.server` traces the protocol.
  client = new LanguageClient('hardening', 'Hardening', serverOptions, clientOptions);

  const showState = (state: State): void => {
    const running = state === State.Running;
    status.text = running ? '$(shield) Hardening' : state === State.Starting ? '$(sync~spin) Hardening' : '$(error) Hardening';
    status.tooltip = running ? 'Hardening is linting open files. Click to show its output.' : 'Hardening server is not running. Click to show its output.';
    status.show();
  };
  context.subscriptions.push(
    client.onDidChangeState((event) => showState(event.newState)),
    vscode.commands.registerCommand('hardening.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('hardening.restartServer', async () => {
      await client?.restart();
    }),
  );
  showState(State.Starting);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
