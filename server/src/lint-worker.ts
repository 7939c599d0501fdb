import { Linter, type SourceCode } from 'eslint';
import { parentPort } from 'node:worker_threads';
import { FILES_BY_LANGUAGE } from 'eslint-plugin-hardening';
import { checklistMarkdown } from './checklist.js';
import { commentSyntaxAt, type CommentSyntax } from './comment-syntax.js';
import { ruleDocs, type RuleDocs } from './config-provider.js';
import { createLintHost, stripBom, type ConfigOverride, type LintOutcome, type Logger } from './lint-host.js';
import type { ConfigChoice, LintReport, LintRequest, WorkerReply, WorkerRequest } from './lint-protocol.js';
import { WorkspaceConfigs, type ResolvedConfig } from './workspace-config.js';

/**
 * The lint worker: ESLint's Linter and every rule run here, off the server's
 * thread, so that the server can end a lint that never returns. It answers one
 * request at a time, in order.
 */

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread of the Hardening language server.');

const post = (reply: WorkerReply): void => port.postMessage(reply);
const logger: Logger = {
  info: (message) => post({ kind: 'log', level: 'info', message }),
  warn: (message) => post({ kind: 'log', level: 'warn', message }),
  error: (message) => post({ kind: 'log', level: 'error', message }),
};
const host = createLintHost({ logger });
const configs = new WorkspaceConfigs(logger, (message) => post({ kind: 'warn-user', message }));

async function configFor(filePath: string, choice: ConfigChoice): Promise<{ resolved: ResolvedConfig; override?: ConfigOverride }> {
  const resolved = await configs.resolve(filePath, choice.folder, choice.useWorkspaceConfig);
  // The Linter's cwd: the config file's folder for a workspace config, the workspace folder otherwise.
  const override = resolved.file ? { config: resolved.config, cwd: resolved.cwd } : choice.folder ? { config: resolved.config, cwd: choice.folder } : undefined;
  return override ? { resolved, override } : { resolved };
}

async function lint(request: LintRequest): Promise<LintReport> {
  const { resolved, override } = await configFor(request.filePath, request);
  const outcome = host.lint(request.text, request.filePath, override);
  const docs: Record<string, RuleDocs> = {};
  for (const message of outcome.messages) {
    const found = message.ruleId ? ruleDocs(resolved.config, message.ruleId) : undefined;
    if (found && message.ruleId) docs[message.ruleId] = found;
  }
  return {
    filePath: outcome.filePath,
    cwd: outcome.cwd,
    messages: outcome.messages,
    ...(outcome.skipped ? { skipped: outcome.skipped } : {}),
    ...(outcome.skipKind ? { skipKind: outcome.skipKind } : {}),
    failures: outcome.failures,
    durationMs: outcome.durationMs,
    configName: resolved.name,
    docs,
    commentSyntax: commentSyntaxByLine(request, outcome),
  };
}

/** The syntax of a comment line inserted before each reported line (JSX children need `{/* *\/}`). */
function commentSyntaxByLine(request: LintRequest, outcome: LintOutcome): Record<number, CommentSyntax | null> {
  const text = stripBom(request.text);
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const byLine: Record<number, CommentSyntax | null> = {};
  for (const { line } of outcome.messages) {
    if (line < 1 || line in byLine) continue;
    const start = lineStarts[Math.min(line, lineStarts.length) - 1] ?? 0;
    const indent = /^[ \t]*/u.exec(text.slice(start, start + 200))![0].length;
    byLine[line] = commentSyntaxAt(outcome.sourceCode as SourceCode | undefined, request.languageId, start + indent) ?? null;
  }
  return byLine;
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.kind === 'invalidate') {
    configs.invalidate();
    return;
  }
  post({ kind: 'started', id: request.id });
  try {
    if (request.kind === 'lint') {
      post({ kind: 'lint-result', id: request.id, report: await lint(request) });
    } else if (request.kind === 'checklist') {
      post({ kind: 'checklist-result', id: request.id, markdown: checklistMarkdown(request) });
    } else {
      const { override } = await configFor(request.filePath, request);
      post({ kind: 'fix-result', id: request.id, output: host.fix(request.text, request.filePath, { override, ruleId: request.ruleId }) });
    }
  } catch (error) {
    post({ kind: 'error', id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

// One at a time: requests wait for the one before (a config import is asynchronous).
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});
post({ kind: 'ready', eslintVersion: new Linter().version, supportedFiles: Object.values(FILES_BY_LANGUAGE).flat() });
