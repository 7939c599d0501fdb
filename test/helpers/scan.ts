import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run scan` (scripts/scan.mjs) as the tests run it, and what they read from its JSON output. */

export const ROOT = join(import.meta.dirname, '..', '..');

export interface EslintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
}

export function scan(folder: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/scan.mjs'), folder, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The scan with `--format json`: its exit code, output and parsed results. */
export function scanJson(folder: string, ...args: string[]) {
  const run = scan(folder, '--format', 'json', ...args);
  assert.ok(run.stdout, `scan printed nothing (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, results: JSON.parse(run.stdout) as EslintResult[] };
}

/** The source text of every one-line range no-hardcoded-secrets reports: the secret values themselves. */
export function derivedSecrets(results: ReadonlyArray<Pick<EslintResult, 'filePath' | 'messages'>>): string[] {
  const secrets: string[] = [];
  for (const result of results) {
    const lines = readFileSync(result.filePath, 'utf8').split('\n');
    for (const message of result.messages) {
      if (message.ruleId !== 'hardening/no-hardcoded-secrets' || message.endLine !== message.line) continue;
      const text = lines[message.line - 1]!.slice(message.column - 1, (message.endColumn ?? message.column) - 1);
      // Strip the quotes of a string literal and the `>` of a redis.conf ACL password.
      const value = text.replace(/^[>'"`]+|['"`]+$/g, '');
      if (value.length >= 8) secrets.push(value);
    }
  }
  return secrets;
}
