import type { Linter } from 'eslint';
import type { CommentSyntax } from './comment-syntax.js';
import type { RuleDocs } from './config-provider.js';
import type { LintFailure, SkipKind } from './lint-host.js';

/**
 * What the language server and its lint worker say to each other. ESLint runs
 * in the worker, so a rule that never returns can be stopped (by ending the
 * worker) without stopping the server; everything that crosses is plain data.
 */

/** Which config to lint with: the worker resolves (and, if allowed, imports) the workspace's own. */
export interface ConfigChoice {
  /** The workspace folder holding the file, if any. */
  folder?: string | undefined;
  /** Trusted workspace and `hardening.useWorkspaceConfig`. */
  useWorkspaceConfig: boolean;
}

export interface LintRequest extends ConfigChoice {
  kind: 'lint';
  id: number;
  text: string;
  filePath: string;
  /** The editor's language id, for the comment syntax when the parsed language does not say. */
  languageId: string;
}

export interface FixRequest extends ConfigChoice {
  kind: 'fix';
  id: number;
  text: string;
  filePath: string;
  /** Only this rule's fixes. */
  ruleId?: string | undefined;
}

/** What the checklist report needs from a workspace scan. */
export interface ChecklistInput {
  files: Array<{ filePath: string; messages: Linter.LintMessage[] }>;
  folders: readonly string[];
  cancelled: boolean;
  truncated: boolean;
}

export interface ChecklistRequest extends ChecklistInput {
  kind: 'checklist';
  id: number;
}

/** Config files changed, or trust did: load them again. */
export interface InvalidateRequest {
  kind: 'invalidate';
}

export type WorkerRequest = LintRequest | FixRequest | ChecklistRequest | InvalidateRequest;

/** One lint's outcome, as plain data. */
export interface LintReport {
  filePath: string;
  cwd: string;
  messages: Linter.LintMessage[];
  skipped?: string;
  skipKind?: SkipKind;
  failures: LintFailure[];
  durationMs: number;
  /** Where the rules came from (the workspace config file, or the built-in config). */
  configName: string;
  /** The docs of each rule that reported. */
  docs: Record<string, RuleDocs>;
  /** The comment syntax at the start of each reported line (1-based, as ESLint counts), for disable comments. */
  commentSyntax: Record<number, CommentSyntax | null>;
}

export type WorkerReply =
  /** The plugin's file globs come along: the server's thread never loads ESLint or the plugin itself. */
  | { kind: 'ready'; eslintVersion: string; supportedFiles: string[] }
  /** The worker took up this request: its time limit runs from now, not from when it was queued. */
  | { kind: 'started'; id: number }
  | { kind: 'lint-result'; id: number; report: LintReport }
  | { kind: 'fix-result'; id: number; output: string | undefined }
  | { kind: 'checklist-result'; id: number; markdown: string }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { kind: 'warn-user'; message: string };
