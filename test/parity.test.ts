import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-hardening';
import { LspClient, ROOT, fileUri } from './helpers/lsp-client.js';

/**
 * Editor and CI agree: every file of examples/ that the ESLint CLI lints gets,
 * from the real server, the same findings — the same (rule, line) pairs — as
 * from ESLint's `ESLint` class with the same config.
 */

const EXAMPLES = join(ROOT, 'examples');

/** What an editor would call the file; the server decides by path anyway. */
function languageIdOf(file: string): string {
  const name = basename(file);
  if (/\.(?:ts|mts|cts)$/u.test(name)) return 'typescript';
  if (/\.tsx$/u.test(name)) return 'typescriptreact';
  if (/\.jsx$/u.test(name)) return 'javascriptreact';
  if (/\.(?:js|mjs|cjs)$/u.test(name)) return 'javascript';
  if (/\.pyi?$/u.test(name)) return 'python';
  if (/^(?:Dockerfile|Containerfile)|\.dockerfile$/iu.test(name)) return 'dockerfile';
  if (/\.conf$/u.test(name)) return 'nginx';
  return 'plaintext';
}

type Pair = string;

describe('parity: the language server and the ESLint CLI report the same findings in examples/', () => {
  let results: ESLint.LintResult[];
  let client: LspClient;

  before(async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: plugin.configs.recommended,
    });
    results = await eslint.lintFiles([EXAMPLES]).catch((error: unknown) => {
      throw new Error(`ESLint could not lint examples/ (is it there, with files the config matches?): ${String(error)}`);
    });
    assert.ok(results.length > 0, 'ESLint lints no file in examples/: the parity test has nothing to compare');
    // The repository's own eslint.config.mjs lints the project, not examples/ as `npm run scan` does.
    client = await LspClient.start({ folders: [ROOT], settings: () => ({ useWorkspaceConfig: false }) });
  });

  after(async () => {
    await client?.stop();
  });

  it('covers each language of the examples app', () => {
    const languages = new Set(results.map((result) => languageIdOf(result.filePath)));
    for (const expected of ['typescript', 'python', 'dockerfile', 'nginx']) {
      assert.ok(languages.has(expected), `examples/ has no ${expected} file the CLI lints (files: ${results.map((r) => relative(ROOT, r.filePath)).join(', ')})`);
    }
  });

  it('has the same (rule, line) pairs for every file', async () => {
    const mismatches: string[] = [];
    let total = 0;
    for (const result of results) {
      const uri = fileUri(result.filePath);
      const text = readFileSync(result.filePath, 'utf8');
      const diagnostics = await client.openAndLint(uri, languageIdOf(result.filePath), text);
      const fromCli: Pair[] = result.messages.map((message) => `${message.ruleId ?? 'null'}:${message.line}`).sort();
      const fromServer: Pair[] = diagnostics
        .map((diagnostic) => `${typeof diagnostic.code === 'string' ? diagnostic.code : 'null'}:${diagnostic.range.start.line + 1}`)
        .sort();
      total += fromCli.length;
      try {
        assert.deepEqual(fromServer, fromCli);
      } catch {
        mismatches.push(`${relative(ROOT, result.filePath)}\n  CLI:    ${fromCli.join(', ')}\n  server: ${fromServer.join(', ')}`);
      }
      await client.close(uri);
    }
    assert.deepEqual(mismatches, [], `findings differ:\n${mismatches.join('\n')}`);
    assert.ok(total > 0, 'the CLI finds nothing in examples/, so parity shows nothing');
  });
});
