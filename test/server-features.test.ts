import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CodeAction, Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, ROOT, applyWorkspaceEdit, fileUri } from './helpers/lsp-client.js';
import { MARKER_FILE, PASSWORDS_PY, writeConfiguredWorkspace } from './helpers/workspace-config-fixture.js';

/**
 * The editor features beyond diagnostics, over the real protocol against the
 * bundled server: settings (run mode, severity customizations, exclude), the
 * disable-for-file and fix-all actions, `source.fixAll.hardening`, hovers, the
 * workspace scan with progress, and the workspace's own eslint.config.* with
 * workspace trust.
 */

const NGINX =
  'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n  }\n  server {\n    listen 8443 ssl;\n    ssl_protocols TLSv1.1 TLSv1.2;\n  }\n}\n';
const DOCKERFILE = '# syntax=docker/dockerfile:1\nFROM node:20\nCMD ["node", "server.js"]\n';
const BCRYPT = "import bcrypt from 'bcrypt';\n\nexport const a = (p: string) => bcrypt.hash(p, 8);\nexport const b = (p: string) => bcrypt.hash(p, 6);\n";

type Settings = Record<string, unknown>;

function write(folder: string, file: string, text: string): string {
  const path = join(folder, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function rules(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

describe('language server: editor features', () => {
  let workspace: string;
  let client: LspClient;
  let settings: Settings = {};
  let serial = 0;
  const uriFor = (file: string): string => fileUri(join(workspace, `t${++serial}`, file));

  async function withSettings(next: Settings): Promise<void> {
    settings = next;
    await client.changeConfiguration({ hardening: next });
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'hardening-features-'));
    client = await LspClient.start({
      folders: [workspace],
      settings: (_scope, section) => (section === 'hardening' ? settings : null),
      workDoneProgress: true,
    });
  });

  afterEach(async () => {
    assert.ok(!client.exited, `the server exited: ${client.stderr}`);
    if (Object.keys(settings).length > 0) await withSettings({});
  });

  after(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  describe('code actions', () => {
    it('disables a rule for the whole file below a Dockerfile parser directive, and the finding goes', async () => {
      const uri = uriFor('Dockerfile');
      const [finding] = await client.openAndLint(uri, 'dockerfile', DOCKERFILE);
      assert.ok(finding);
      const actions = await client.codeActions(uri, finding.range, [finding]);
      const disable = actions.find((action) => action.title === 'Disable hardening/require-non-root-user for the entire file');
      assert.ok(disable, `no disable-file action in ${actions.map((action) => action.title).join(', ')}`);
      const next = applyWorkspaceEdit(DOCKERFILE, uri, disable.edit);
      assert.equal(next, '# syntax=docker/dockerfile:1\n# eslint-disable hardening/require-non-root-user\nFROM node:20\nCMD ["node", "server.js"]\n');
      await client.change(uri, 2, next);
      assert.deepEqual(await client.waitForDiagnostics(uri, { version: 2 }), []);
    });

    it('writes `/* eslint-disable … */` at the top of a TypeScript file, after a shebang', async () => {
      const uri = uriFor('src/hash.ts');
      const text = "#!/usr/bin/env node\nimport { createHash } from 'node:crypto';\nexport const hashPassword = (password: string) => createHash('md5').update(password).digest('hex');\n";
      const [finding] = await client.openAndLint(uri, 'typescript', text);
      assert.ok(finding);
      const actions = await client.codeActions(uri, finding.range, [finding]);
      const disable = actions.find((action) => action.title.endsWith('for the entire file'))!;
      assert.equal(
        applyWorkspaceEdit(text, uri, disable.edit).split('\n').slice(0, 2).join('\n'),
        '#!/usr/bin/env node\n/* eslint-disable hardening/no-weak-hashing */',
      );
    });

    it('offers "fix all" for a rule with several fixable findings, applying every fix in one edit', async () => {
      const uri = uriFor('deploy/nginx.conf');
      const diagnostics = await client.openAndLint(uri, 'nginx', NGINX);
      const tls = diagnostics.filter((diagnostic) => diagnostic.code === 'hardening/nginx-require-strong-tls');
      assert.ok(tls.length >= 2, `expected at least two TLS findings, got ${JSON.stringify(diagnostics)}`);
      const actions = await client.codeActions(uri, tls[0]!.range, [tls[0]!]);
      const fixAll = actions.find((action) => action.title === 'Fix all hardening/nginx-require-strong-tls problems in this file');
      assert.ok(fixAll, `no fix-all action in ${actions.map((action) => action.title).join(', ')}`);
      const next = applyWorkspaceEdit(NGINX, uri, fixAll.edit);
      assert.match(next, /ssl_protocols TLSv1\.2 TLSv1\.3;/u);
      await client.change(uri, 2, next);
      assert.deepEqual(
        (await client.waitForDiagnostics(uri, { version: 2 })).filter((diagnostic) => diagnostic.code === 'hardening/nginx-require-strong-tls'),
        [],
      );
    });

    it('finds the finding when the client sends its columns back in bytes (Neovim 0.7), by line, rule and message', async () => {
      const uri = uriFor('web/hash.ts');
      const text = "import bcrypt from 'bcrypt';\nexport const a = (motDePasseÉtéé: string) => bcrypt.hash(motDePasseÉtéé, 8);\n";
      const [finding] = await client.openAndLint(uri, 'typescript', text);
      assert.ok(finding);
      const inBytes = { ...finding, range: { start: { ...finding.range.start, character: finding.range.start.character + 6 }, end: { ...finding.range.end, character: finding.range.end.character + 6 } } };
      const actions = await client.codeActions(uri, inBytes.range, [inBytes]);
      assert.ok(actions.some((action) => action.isPreferred), `no fix offered: ${actions.map((action) => action.title).join(', ')}`);
    });

    it('offers "with a reason…" to a client that prompts, but not when the rule joins a disable comment above', async () => {
      const prompting = await LspClient.start({ folders: [workspace], initializationOptions: { reasonPrompt: true } });
      try {
        const fresh = uriFor('api/Dockerfile');
        const [finding] = await prompting.openAndLint(fresh, 'dockerfile', DOCKERFILE);
        const titles = (await prompting.codeActions(fresh, finding!.range, [finding!])).map((action) => action.title);
        assert.ok(titles.includes('Disable hardening/require-non-root-user for this line, with a reason…'), titles.join(', '));

        const joined = uriFor('web/hash.ts');
        const text = "import { createHash } from 'node:crypto';\n// eslint-disable-next-line hardening/no-hardcoded-secrets -- fixture\nexport const h = (password: string) => createHash('md5').update(password).digest('hex');\n";
        const weak = (await prompting.openAndLint(joined, 'typescript', text)).find((diagnostic) => diagnostic.code === 'hardening/no-weak-hashing');
        const joinedTitles = (await prompting.codeActions(joined, weak!.range, [weak!])).map((action) => action.title);
        assert.ok(joinedTitles.includes('Disable hardening/no-weak-hashing for this line'));
        assert.ok(!joinedTitles.some((title) => title.endsWith('with a reason…')), joinedTitles.join(', '));
      } finally {
        await prompting.stop();
      }
    });

    it("offers nothing for another tool's diagnostic, even with the same rule id and message", async () => {
      const uri = uriFor('web/hash.ts');
      const [finding] = await client.openAndLint(uri, 'typescript', BCRYPT);
      assert.ok(finding);
      assert.deepEqual(await client.codeActions(uri, finding.range, [{ ...finding, source: 'eslint' }]), []);
    });

    it('does not offer "fix all" for a single fixable finding', async () => {
      const uri = uriFor('web/hash.ts');
      const text = "import bcrypt from 'bcrypt';\nexport const a = (p: string) => bcrypt.hash(p, 8);\n";
      const [finding] = await client.openAndLint(uri, 'typescript', text);
      assert.ok(finding);
      const actions = await client.codeActions(uri, finding.range, [finding]);
      assert.ok(actions.some((action) => action.isPreferred));
      assert.ok(!actions.some((action) => action.title.startsWith('Fix all')));
    });

    it('answers `source.fixAll.hardening` with one edit that applies every fix, and nothing else', async () => {
      const uri = uriFor('web/passwords.ts');
      const diagnostics = await client.openAndLint(uri, 'typescript', BCRYPT);
      assert.equal(diagnostics.length, 2);
      const actions: CodeAction[] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.hardening']);
      assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.hardening']);
      const fixed = applyWorkspaceEdit(BCRYPT, uri, actions[0]!.edit);
      assert.equal(fixed, BCRYPT.replace('p, 8)', 'p, 12)').replace('p, 6)', 'p, 12)'));
      const quickFixesOnly = await client.codeActions(uri, diagnostics[0]!.range, diagnostics, ['quickfix']);
      assert.ok(!quickFixesOnly.some((action) => action.kind === 'source.fixAll.hardening'));
    });

    it('answers `source` (the Source Action menu) with fix-all, and a file without fixes with nothing', async () => {
      const uri = uriFor('api/passwords.py');
      await client.openAndLint(uri, 'python', PASSWORDS_PY);
      assert.deepEqual(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source']), []);
    });
  });

  describe('hover', () => {
    it('explains a finding: message, why (guide section, CWE), how to fix, and the rule page', async () => {
      const uri = uriFor('api/passwords.py');
      const [finding] = await client.openAndLint(uri, 'python', PASSWORDS_PY);
      assert.ok(finding);
      const hover = await client.hover(uri, finding.range.start);
      assert.ok(hover);
      const { kind, value } = hover.contents as MarkupContent;
      assert.equal(kind, 'markdown');
      assert.match(value, /`hardening\/no-weak-hashing`/u);
      assert.match(value, /\*\*Why:\*\* .*›.*CWE-/u);
      assert.match(value, /\*\*How to fix:\*\* .*bcrypt/u);
      assert.match(value, /\[Rule documentation\]\(https:\/\/.*no-weak-hashing\.md\)/u);
      assert.deepEqual(hover.range, finding.range);
    });

    it('says nothing away from findings', async () => {
      const uri = uriFor('api/passwords.py');
      await client.openAndLint(uri, 'python', PASSWORDS_PY);
      assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
    });
  });

  describe('settings', () => {
    it('hardening.rules.customizations changes severities and turns rules off, by glob, last match winning', async () => {
      await withSettings({
        rules: {
          customizations: [
            { rule: 'hardening/*', severity: 'downgrade' },
            { rule: '*strong-tls', severity: 'info' },
            { rule: '!hardening/nginx-*', severity: 'off' },
          ],
        },
      });
      const uri = uriFor('deploy/nginx.conf');
      const diagnostics = await client.openAndLint(uri, 'nginx', NGINX);
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) {
        const expected = diagnostic.code === 'hardening/nginx-require-strong-tls' ? 3 : 2;
        assert.equal(diagnostic.severity, expected, `${String(diagnostic.code)}`);
      }
      const python = uriFor('api/passwords.py');
      assert.deepEqual(await client.openAndLint(python, 'python', PASSWORDS_PY), [], 'every non-nginx rule is off');
    });

    it('hardening.exclude skips matching files, relative to the workspace folder', async () => {
      await withSettings({ exclude: ['**/generated/**', 'vendor'] });
      const excluded = fileUri(join(workspace, 'x1', 'generated', 'hash.py'));
      assert.deepEqual(await client.openAndLint(excluded, 'python', PASSWORDS_PY), []);
      const vendored = fileUri(join(workspace, 'vendor', 'lib', 'hash.py'));
      assert.deepEqual(await client.openAndLint(vendored, 'python', PASSWORDS_PY), []);
      const kept = fileUri(join(workspace, 'x1', 'app', 'hash.py'));
      assert.deepEqual(rules(await client.openAndLint(kept, 'python', PASSWORDS_PY)), ['hardening/no-weak-hashing']);
    });

    it('hardening.run = onSave lints on open and save, not while typing', async () => {
      await withSettings({ run: 'onSave' });
      const uri = uriFor('api/passwords.py');
      assert.equal((await client.openAndLint(uri, 'python', 'x = 1\n')).length, 0);
      const before = client.mark();
      await client.change(uri, 2, PASSWORDS_PY);
      assert.deepEqual(await client.publishesWithin(uri, before, 600), [], 'no lint while typing');
      await client.save(uri);
      assert.deepEqual(rules(await client.waitForDiagnostics(uri, { after: before })), ['hardening/no-weak-hashing']);
    });
  });

  describe('pull diagnostics', () => {
    it('in onSave mode, an edited document keeps its last saved result until it is saved again', async () => {
      const folder = join(workspace, 'pull');
      mkdirSync(folder, { recursive: true });
      const pull = await LspClient.start({ folders: [folder], pullDiagnostics: true, settings: () => ({ run: 'onSave' }) });
      try {
        const uri = fileUri(join(folder, 'passwords.py'));
        await pull.open(uri, 'python', 'x = 1\n');
        const first = await pull.pullDiagnostics(uri);
        assert.equal(first.kind, 'full');
        assert.deepEqual(first.kind === 'full' ? first.items : null, []);
        await pull.change(uri, 2, PASSWORDS_PY);
        const whileEditing = await pull.pullDiagnostics(uri, first.resultId);
        assert.equal(whileEditing.kind, 'unchanged', 'typing lints nothing in onSave mode');
        const refreshes = pull.refreshRequests;
        await pull.save(uri);
        await pull.waitFor(() => pull.refreshRequests > refreshes || undefined, 'a diagnostics refresh after the save');
        const saved = await pull.pullDiagnostics(uri, first.resultId);
        assert.equal(saved.kind, 'full');
        assert.deepEqual(rules(saved.kind === 'full' ? saved.items : []), ['hardening/no-weak-hashing']);
      } finally {
        await pull.stop();
      }
    });
    it('answers a hover that comes before the first pull, by linting then', async () => {
      const folder = join(workspace, 'pull-hover');
      mkdirSync(folder, { recursive: true });
      const pull = await LspClient.start({ folders: [folder], pullDiagnostics: true });
      try {
        const uri = fileUri(join(folder, 'passwords.py'));
        await pull.open(uri, 'python', PASSWORDS_PY);
        const hover = await pull.hover(uri, { line: 4, character: 15 });
        assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /hardening\/no-weak-hashing/u);
      } finally {
        await pull.stop();
      }
    });
  });

  describe('multi-root workspaces', () => {
    it('scans every folder and reports the checklist per folder, each with its own settings', async () => {
      const api = join(workspace, 'multi', 'api');
      const ops = join(workspace, 'multi', 'ops');
      write(api, 'passwords.py', PASSWORDS_PY);
      write(ops, 'Dockerfile', DOCKERFILE);
      write(ops, 'generated/passwords.py', PASSWORDS_PY);
      const multi = await LspClient.start({
        folders: [api, ops],
        workDoneProgress: true,
        // The exclude is the ops folder's own: a resource-scoped setting.
        settings: (scope) => (scope?.startsWith(fileUri(ops)) ? { exclude: ['generated'] } : {}),
      });
      try {
        const result = (await multi.executeCommand('hardening.scanWorkspace', [])) as { files: number; findings: number };
        assert.deepEqual([result.files, result.findings], [2, 2]);
        const { markdown } = (await multi.executeCommand('hardening.checklist', [])) as { markdown: string };
        assert.deepEqual(markdown.match(/^# .*$/gmu), ['# api', '# ops']);
      } finally {
        await multi.stop();
      }
    });
  });

  describe('workspace scan', () => {
    it('lints every supported file that git would keep, with progress, and publishes their diagnostics', async () => {
      const folder = join(workspace, 'scan');
      write(folder, '.gitignore', '.env\n.env.*\nbuild/\n');
      write(folder, 'api/passwords.py', PASSWORDS_PY);
      write(folder, 'Dockerfile', DOCKERFILE);
      write(folder, 'build/passwords.py', PASSWORDS_PY);
      write(folder, 'node_modules/dep/passwords.py', PASSWORDS_PY);
      write(folder, 'notes.txt', 'password = hunter2\n');
      const scanClient = await LspClient.start({ folders: [folder], workDoneProgress: true });
      try {
        const result = (await scanClient.executeCommand('hardening.scanWorkspace', [])) as { files: number; findings: number };
        assert.deepEqual(result, { files: 3, findings: 2, cancelled: false, truncated: false });
        const published = new Set(scanClient.publishes.map((publish) => publish.uri));
        assert.ok(published.has(fileUri(join(folder, 'api/passwords.py'))));
        assert.ok(published.has(fileUri(join(folder, 'Dockerfile'))));
        assert.ok(!published.has(fileUri(join(folder, 'build/passwords.py'))), '.gitignore is respected');
        assert.ok(!published.has(fileUri(join(folder, 'node_modules/dep/passwords.py'))));
        const kinds = scanClient.progress.map((event) => (event.value as { kind: string }).kind);
        assert.equal(kinds[0], 'begin');
        assert.equal(kinds.at(-1), 'end');
        assert.equal(scanClient.progressTokens.length, 1);

        const { markdown } = (await scanClient.executeCommand('hardening.checklist', [])) as { markdown: string };
        assert.match(markdown, /^<!-- hardening-checklist -->/u);
        assert.match(markdown, /\| ❌ fail \| Use Argon2 for password hashing \|/u);
      } finally {
        await scanClient.stop();
      }
    });
  });

  describe('a rule that never returns', () => {
    it('is stopped after the time limit with one notice on that file; the server and other files go on', async () => {
      const folder = join(workspace, 'hang');
      write(
        folder,
        'eslint.config.mjs',
        [
          "import hardening from 'eslint-plugin-hardening';",
          'const stuck = { create: (context) => ({ Program() { if (context.sourceCode.text.includes("HANG")) for (;;) {} } }) };',
          "export default [...hardening.configs.recommended, { plugins: { test: { rules: { stuck } } }, rules: { 'test/stuck': 'error' } }];",
          '',
        ].join('\n'),
      );
      mkdirSync(join(folder, 'node_modules'), { recursive: true });
      symlinkSync(join(ROOT, 'eslint-plugin'), join(folder, 'node_modules', 'eslint-plugin-hardening'), 'dir');
      const hung = await LspClient.start({ folders: [folder], env: { HARDENING_LINT_TIMEOUT_MS: '1500' } });
      try {
        const stuckUri = fileUri(join(folder, 'stuck.js'));
        const [notice, ...more] = await hung.openAndLint(stuckUri, 'javascript', '// HANG\nexport const a = 1;\n');
        assert.equal(more.length, 0);
        assert.match(notice!.message, /stopped linting this file after 2 s: a rule did not finish/u);
        await hung.waitForLog(/stuck\.js did not finish within 1500 ms/u);

        const other = fileUri(join(folder, 'passwords.py'));
        assert.deepEqual(rules(await hung.openAndLint(other, 'python', PASSWORDS_PY)), ['hardening/no-weak-hashing']);

        // Typing does not run it again; a save does, and the fixed text lints.
        const before = hung.mark();
        await hung.change(stuckUri, 2, 'export const a = 1;\n');
        assert.match((await hung.waitForDiagnostics(stuckUri, { after: before }))[0]?.message ?? '', /stopped linting/u);
        const beforeSave = hung.mark();
        await hung.save(stuckUri);
        assert.deepEqual(await hung.waitForDiagnostics(stuckUri, { after: beforeSave }), []);
      } finally {
        await hung.stop();
      }
    });
  });

  describe('workspace scan and git', () => {
    it("never lets the repository's git config run a command (core.fsmonitor), trusted or not", async function () {
      const folder = join(workspace, 'gitrepo');
      write(folder, 'api/passwords.py', PASSWORDS_PY);
      const marker = join(folder, 'fsmonitor-ran');
      const hook = write(folder, 'hook.sh', `#!/bin/sh\ntouch '${marker}'\n`);
      const git = (...args: string[]) => spawnSync('git', args, { cwd: folder, encoding: 'utf8' });
      if (git('init', '-q').status !== 0) this.skip();
      chmodSync(hook, 0o755);
      git('config', 'core.fsmonitor', hook);
      git('ls-files');
      assert.ok(existsSync(marker), 'the fixture hook runs when git is run plainly');
      rmSync(marker);
      for (const workspaceTrusted of [false, true]) {
        const scanner = await LspClient.start({ folders: [folder], initializationOptions: { workspaceTrusted } });
        try {
          const result = (await scanner.executeCommand('hardening.scanWorkspace', [])) as { findings: number };
          assert.equal(result.findings, 1);
          assert.equal(existsSync(marker), false, `git ran the repository's fsmonitor hook (trusted: ${workspaceTrusted})`);
        } finally {
          await scanner.stop();
        }
      }
    });
  });

  describe('workspace eslint.config.* and trust', () => {
    let folder: string;
    const marker = (): string => join(folder, MARKER_FILE);

    before(() => {
      folder = join(workspace, 'configured');
      writeConfiguredWorkspace(folder, ROOT);
    });

    it('in a restricted (untrusted) workspace, never loads the config and uses the built-in rules', async () => {
      const restricted = await LspClient.start({ folders: [folder], initializationOptions: { workspaceTrusted: false } });
      try {
        const uri = fileUri(join(folder, 'passwords.py'));
        assert.deepEqual(rules(await restricted.openAndLint(uri, 'python', PASSWORDS_PY)), ['hardening/no-weak-hashing']);
        assert.equal(existsSync(marker()), false, 'the workspace config ran in restricted mode');
        await restricted.waitForLog(/restricted mode/u);
      } finally {
        await restricted.stop();
      }
    });

    it('in a trusted workspace, lints with the workspace config, and with the built-in one when useWorkspaceConfig is off', async () => {
      let useWorkspaceConfig = true;
      const trusted = await LspClient.start({
        folders: [folder],
        settings: (_scope, section) => (section === 'hardening' ? { useWorkspaceConfig } : null),
        initializationOptions: { workspaceTrusted: true },
      });
      try {
        const uri = fileUri(join(folder, 'passwords.py'));
        assert.deepEqual(await trusted.openAndLint(uri, 'python', PASSWORDS_PY), [], 'the workspace config turns the rule off');
        assert.equal(existsSync(marker()), true);
        useWorkspaceConfig = false;
        const before = trusted.mark();
        await trusted.changeConfiguration({});
        assert.deepEqual(rules(await trusted.waitForDiagnostics(uri, { after: before })), ['hardening/no-weak-hashing']);
      } finally {
        await trusted.stop();
        rmSync(marker(), { force: true });
      }
    });

    it('lints with the config again when the client reports that the config file changed', async () => {
      const watched = join(workspace, 'watched');
      writeConfiguredWorkspace(watched, ROOT);
      const client2 = await LspClient.start({ folders: [watched] });
      try {
        const uri = fileUri(join(watched, 'passwords.py'));
        assert.deepEqual(await client2.openAndLint(uri, 'python', PASSWORDS_PY), []);
        const config = join(watched, 'eslint.config.mjs');
        writeFileSync(config, "import hardening from 'eslint-plugin-hardening';\nexport default [...hardening.configs.recommended];\n");
        const before = client2.mark();
        await client2.changeWatchedFiles([fileUri(config)]);
        assert.deepEqual(rules(await client2.waitForDiagnostics(uri, { after: before })), ['hardening/no-weak-hashing']);
      } finally {
        await client2.stop();
      }
    });

    it('a config that throws leaves the built-in rules running, and tells the user once', async () => {
      const broken = join(workspace, 'broken');
      write(broken, 'eslint.config.js', "throw new Error('config exploded');\n");
      const client2 = await LspClient.start({ folders: [broken] });
      try {
        const uri = fileUri(join(broken, 'passwords.py'));
        assert.deepEqual(rules(await client2.openAndLint(uri, 'python', PASSWORDS_PY)), ['hardening/no-weak-hashing']);
        assert.equal(client2.shownMessages.filter((message) => /config exploded/u.test(message.message)).length, 1);
      } finally {
        await client2.stop();
      }
    });
  });
});
