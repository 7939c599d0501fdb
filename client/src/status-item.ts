import * as vscode from 'vscode';

/**
 * The status bar item: the server's state, how many Hardening findings are in the
 * Problems panel, and whether the workspace is in restricted mode (built-in rules
 * only). A click shows the output channel.
 */
export class StatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('hardening.status', vscode.StatusBarAlignment.Right, 0);
  #state: 'running' | 'starting' | 'stopped' = 'starting';
  #trusted = true;
  #findings = 0;

  constructor() {
    this.#item.name = 'Hardening';
    this.#item.command = 'hardening.showOutput';
    this.#render();
    this.#item.show();
  }

  setState(state: 'running' | 'starting' | 'stopped', trusted: boolean): void {
    this.#state = state;
    this.#trusted = trusted;
    this.#render();
  }

  countFindings(): void {
    let count = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const diagnostic of diagnostics) if (diagnostic.source === 'hardening' && diagnostic.code !== undefined) count++;
    }
    if (count === this.#findings) return;
    this.#findings = count;
    this.#render();
  }

  #render(): void {
    const restricted = this.#trusted ? '' : ' (restricted)';
    if (this.#state !== 'running') {
      this.#item.text = this.#state === 'starting' ? '$(sync~spin) Hardening' : '$(error) Hardening';
      this.#item.tooltip = this.#state === 'starting' ? 'Hardening is starting.' : 'The Hardening server is not running. Click to show its output.';
      this.#item.backgroundColor = this.#state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
      return;
    }
    this.#item.backgroundColor = undefined;
    this.#item.text = `$(shield) Hardening${restricted}${this.#findings > 0 ? ` ${this.#findings}` : ''}`;
    const findings = `${this.#findings} finding${this.#findings === 1 ? '' : 's'} in the Problems panel.`;
    const trust = this.#trusted
      ? ''
      : ' Restricted mode: built-in rules only; the workspace eslint.config.* is not loaded until you trust the workspace.';
    this.#item.tooltip = `Hardening: ${findings}${trust} Click to show the output.`;
  }

  dispose(): void {
    this.#item.dispose();
  }
}
