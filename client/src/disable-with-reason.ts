import * as vscode from 'vscode';

/**
 * `hardening.disableWithReason`, run from the server's "Disable … for this line,
 * with a reason…" action: asks why, then inserts the disable comment with
 * `-- <reason>`, which the strict config requires and reviewers read.
 */

/** The server's marker for where the reason goes (see server/src/comment-syntax.ts). */
const REASON_PLACEHOLDER = '${reason}';

interface DisableArguments {
  uri: string;
  version: number;
  edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}

export function registerDisableWithReason(): vscode.Disposable {
  return vscode.commands.registerCommand('hardening.disableWithReason', async (args: DisableArguments) => {
    const reason = await vscode.window.showInputBox({
      title: 'Why is this finding safe to ignore?',
      prompt: 'Written after `--` in the disable comment, for reviewers and audits.',
      placeHolder: 'e.g. test fixture; the key is revoked',
      validateInput: (value) => (value.trim() === '' ? 'A reason is required.' : undefined),
    });
    if (reason === undefined) return;
    const uri = vscode.Uri.parse(args.uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.version !== args.version) {
      void vscode.window.showWarningMessage('The file changed since the action was offered; try the quick fix again.');
      return;
    }
    const { start, end } = args.edit.range;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(start.line, start.character, end.line, end.character),
      // A function, so `$&` or `$'` in the reason are text, not replacement patterns.
      args.edit.newText.replace(REASON_PLACEHOLDER, () => ` -- ${reason.trim().replace(/\s+/gu, ' ').replaceAll('*/', '* /')}`),
    );
    await vscode.workspace.applyEdit(edit);
  });
}
