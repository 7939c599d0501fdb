import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Linter } from 'eslint';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { createLintHost, type Logger } from '../server/src/lint-host.js';
import { eslintMessages, expectedRange, ruleDocsUrl } from './helpers/eslint-reference.js';
import { LspClient, applyWorkspaceEdit, fileUri } from './helpers/lsp-client.js';

/**
 * The bundled server (server/dist/server.js, what ships) driven over the real
 * protocol by a client built on vscode-languageserver-protocol. Tests wait on the
 * server's messages with timeouts; none sleeps except to show that something does
 * not happen.
 */

const RULE = 'require-non-root-user';
const DOCKERFILE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const SHOW_DOCUMENTATION = 'hardening.showDocumentation';

interface LanguageCase {
  name: string;
  languageId: string;
  file: string;
  text: string;
  rule: string;
  /** Where the finding is, 0-based as LSP counts. */
  range: [line: number, start: number, endLine: number, end: number];
}

/** One file per language with a finding from a real rule. */
const LANGUAGE_CASES: LanguageCase[] = [
  { name: 'Dockerfile', languageId: 'dockerfile', file: 'api/Dockerfile', text: DOCKERFILE, rule: RULE, range: [0, 0, 0, 12] },
  {
    name: 'nginx',
    languageId: 'nginx',
    file: 'deploy/nginx.conf',
    text: 'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n  }\n}\n',
    rule: 'nginx-require-strong-tls',
    range: [4, 18, 4, 23], // TLSv1
  },
  {
    name: 'TypeScript',
    languageId: 'typescript',
    file: 'web/src/password.ts',
    text: "import { createHash } from 'node:crypto';\n\nexport function storePassword(password: string): string {\n  return createHash('md5').update(password).digest('hex');\n}\n",
    rule: 'no-weak-hashing',
    range: [3, 20, 3, 25], // 'md5'
  },
  {
    name: 'Python',
    languageId: 'python',
    file: 'api/app/passwords.py',
    text: 'import hashlib\n\n\ndef store_password(password: str) -> str:\n    return hashlib.md5(password.encode()).hexdigest()\n',
    rule: 'no-weak-hashing',
    range: [4, 11, 4, 22], // hashlib.md5
  },
];

function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === `hardening/${rule}`);
}

function titles(actions: CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

describe('language server over stdio, push diagnostics', () => {
  let workspace: string;
  let client: LspClient;
  let enabled = true;
  let serial = 0;
  /** A fresh URI per test, so no test sees another's publishes. */
  const uriFor = (file: string): string => fileUri(join(workspace, `t${++serial}`, file));

  /** Applies a code action's edit as a client would: a didChange to the next version. */
  async function apply(uri: string, text: string, action: CodeAction, version: number): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const next = applyWorkspaceEdit(text, uri, action.edit);
    await client.change(uri, version, next);
    return { text: next, diagnostics: await client.waitForDiagnostics(uri, { version }) };
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'hardening-protocol-'));
    client = await LspClient.start({
      folders: [workspace],
      settings: (_scope, section) => (section === 'hardening' ? { enable: enabled } : null),
    });
  });

  afterEach(() => {
    assert.ok(!client.exited, `the server exited: ${client.stderr}`);
  });

  after(async () => {
    const code = await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
    assert.equal(code, 0, 'the server exits with 0 after shutdown + exit');
  });

  it('advertises incremental sync with saves, quick fixes, fix-all, hovers and its commands, and no pull diagnostics', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.hardening'] });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: [SHOW_DOCUMENTATION, 'hardening.scanWorkspace', 'hardening.checklist'] });
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.diagnosticProvider, undefined);
    assert.equal(serverInfo?.name, 'hardening-language-server');
  });

  for (const { name, languageId, file, text, rule, range } of LANGUAGE_CASES) {
    it(`${name}: a finding becomes a diagnostic with rule id, docs link, source, severity and range`, async () => {
      const uri = uriFor(file);
      const diagnostics = byRule(await client.openAndLint(uri, languageId, text), rule);
      const [expected, ...more] = eslintMessages(text, new URL(uri).pathname, workspace).filter(
        (message) => message.ruleId === `hardening/${rule}`,
      );
      assert.ok(expected && more.length === 0, `ESLint should report hardening/${rule} once in the ${name} case`);
      const [line, character, endLine, endCharacter] = range;
      assert.deepEqual(diagnostics, [
        {
          range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
          severity: 1,
          source: 'hardening',
          message: expected.message,
          code: `hardening/${rule}`,
          codeDescription: { href: ruleDocsUrl(rule) },
        },
      ]);
      assert.deepEqual(diagnostics[0]!.range, expectedRange(expected), 'the range is ESLint\'s, converted');
    });
  }

  it('offers the suggestions, disable-line and documentation actions; a suggestion removes the finding', async () => {
    const uri = uriFor('Dockerfile');
    const [finding] = byRule(await client.openAndLint(uri, 'dockerfile', DOCKERFILE), RULE);
    assert.ok(finding);
    const actions = await client.codeActions(uri, finding.range, [finding]);
    assert.deepEqual(titles(actions), [
      `Create a system user "app" and switch to it. (hardening/${RULE})`,
      `Switch to the numeric non-root user 10001:10001. (hardening/${RULE})`,
      `Disable hardening/${RULE} for this line`,
      `Disable hardening/${RULE} for the entire file`,
      `Show documentation for hardening/${RULE}`,
    ]);
    for (const action of actions) {
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [finding]);
    }
    assert.ok(!actions.some((action) => action.isPreferred), 'suggestions are not preferred: only a fix is');

    const after = await apply(uri, DOCKERFILE, actions[1]!, 2);
    assert.equal(after.text, 'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER 10001:10001\nCMD ["node", "server.js"]\n');
    assert.deepEqual(after.diagnostics, []);
  });

  it('offers a fix as the preferred action; applying it removes the finding', async () => {
    // Every language reports an unused disable directive, with a fix that removes it.
    const text = '// eslint-disable-next-line hardening/no-weak-hashing\nexport const answer = 42;\n';
    const uri = uriFor('src/answer.ts');
    const [warning] = await client.openAndLint(uri, 'typescript', text);
    assert.ok(warning, 'an unused directive is reported');
    assert.equal(warning.severity, 2, 'ESLint reports unused directives as warnings');
    assert.equal(warning.code, undefined);
    assert.deepEqual(warning.tags, [1], 'tagged Unnecessary');
    const actions = await client.codeActions(uri, warning.range, [warning]);
    assert.deepEqual(titles(actions), ['Remove unused eslint directive']);
    assert.equal(actions[0]!.isPreferred, true);
    assert.deepEqual((await apply(uri, text, actions[0]!, 2)).diagnostics, []);
  });

  it('nginx: the autofix for weak protocols is the preferred action and removes the finding', async () => {
    const nginx = LANGUAGE_CASES.find((c) => c.languageId === 'nginx')!;
    const uri = uriFor('nginx.conf');
    const [finding] = byRule(await client.openAndLint(uri, 'nginx', nginx.text), nginx.rule);
    assert.ok(finding);
    const actions = await client.codeActions(uri, finding.range, [finding]);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.deepEqual(titles(preferred), [`Fix this hardening/${nginx.rule} problem`]);
    const after = await apply(uri, nginx.text, preferred[0]!, 2);
    assert.match(after.text, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
    assert.deepEqual(byRule(after.diagnostics, nginx.rule), []);
  });

  describe('disable for this line', () => {
    async function disableAndRelint(file: string, languageId: string, text: string, rule: string) {
      const uri = uriFor(file);
      const [finding] = byRule(await client.openAndLint(uri, languageId, text), rule);
      assert.ok(finding, `hardening/${rule} reports in ${file}`);
      const actions = await client.codeActions(uri, finding.range, [finding]);
      const disable = actions.find((action) => action.title === `Disable hardening/${rule} for this line`);
      assert.ok(disable, titles(actions).join('\n'));
      return apply(uri, text, disable, 2);
    }

    it('writes a # comment line in a Dockerfile', async () => {
      const after = await disableAndRelint('Dockerfile', 'dockerfile', DOCKERFILE, RULE);
      assert.equal(after.text, `# eslint-disable-next-line hardening/${RULE}\n${DOCKERFILE}`);
      assert.deepEqual(after.diagnostics, []);
    });

    it('adds the rule to an eslint-disable-next-line comment already above the line', async () => {
      const text = `# eslint-disable-next-line hardening/no-hardcoded-secrets -- fake credentials\n${DOCKERFILE}`;
      const after = await disableAndRelint('Dockerfile', 'dockerfile', text, RULE);
      assert.equal(
        after.text,
        `# eslint-disable-next-line hardening/no-hardcoded-secrets, hardening/${RULE} -- fake credentials\n${DOCKERFILE}`,
      );
      assert.deepEqual(byRule(after.diagnostics, RULE), []);
    });

    it('writes a # comment line with the indentation in Python', async () => {
      const python = LANGUAGE_CASES.find((c) => c.languageId === 'python')!;
      const after = await disableAndRelint('passwords.py', 'python', python.text, python.rule);
      assert.match(after.text, new RegExp(`\\n    # eslint-disable-next-line hardening/${python.rule}\\n    return hashlib`));
      assert.deepEqual(byRule(after.diagnostics, python.rule), []);
    });

    it('writes a // comment line with the indentation in TypeScript', async () => {
      const ts = LANGUAGE_CASES.find((c) => c.languageId === 'typescript')!;
      const after = await disableAndRelint('password.ts', 'typescript', ts.text, ts.rule);
      assert.match(after.text, new RegExp(`\\n  // eslint-disable-next-line hardening/${ts.rule}\\n  return createHash`));
      assert.deepEqual(byRule(after.diagnostics, ts.rule), []);
    });

    describe('in JSX', () => {
      const SECRETS = 'no-hardcoded-secrets';
      // Built at run time, so this test file holds no secret-shaped literal.
      const key = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

      it('writes {/* … */} where the line is a JSX child', async () => {
        const text = `export const Pay = () => (\n  <div>\n    <Checkout apiKey="${key}" />\n  </div>\n);\n`;
        const after = await disableAndRelint('pay.tsx', 'typescriptreact', text, `${SECRETS}`);
        assert.equal(
          after.text,
          `export const Pay = () => (\n  <div>\n    {/* eslint-disable-next-line hardening/${SECRETS} */}\n    <Checkout apiKey="${key}" />\n  </div>\n);\n`,
        );
        assert.deepEqual(after.diagnostics, []);
      });

      it('writes // between the attributes of a JSX tag', async () => {
        const text = `export const Pay = () => (\n  <div>\n    <Checkout\n      apiKey={"${key}"}\n    />\n  </div>\n);\n`;
        const after = await disableAndRelint('pay.tsx', 'typescriptreact', text, `${SECRETS}`);
        assert.match(after.text, new RegExp(`<Checkout\\n      // eslint-disable-next-line hardening/${SECRETS}\\n      apiKey=`));
        assert.deepEqual(after.diagnostics, []);
      });
    });
  });

  it('"Show documentation" makes the server send window/showDocument with external: true', async () => {
    const uri = uriFor('Dockerfile');
    const [finding] = byRule(await client.openAndLint(uri, 'dockerfile', DOCKERFILE), RULE);
    const actions = await client.codeActions(uri, finding!.range, [finding!]);
    const show = actions.find((action) => action.command?.command === SHOW_DOCUMENTATION);
    assert.ok(show?.command);
    const before = client.shownDocuments.length;
    await client.executeCommand(show.command.command, show.command.arguments ?? []);
    assert.deepEqual(client.shownDocuments.slice(before), [{ uri: ruleDocsUrl(RULE), external: true }]);
  });

  it('returns no code actions for a version the findings were not recorded for', async () => {
    const uri = uriFor('Dockerfile');
    const [finding] = byRule(await client.openAndLint(uri, 'dockerfile', DOCKERFILE), RULE);
    await client.change(uri, 2, `${DOCKERFILE}\n`);
    assert.deepEqual(await client.codeActions(uri, finding!.range, [finding!]), []);
    await client.waitForDiagnostics(uri, { version: 2 });
  });

  it('lints an untitled document by its language id', async () => {
    const uri = `untitled:Untitled-${++serial}`;
    assert.equal(byRule(await client.openAndLint(uri, 'dockerfile', DOCKERFILE), RULE).length, 1);
  });

  it('publishes an empty list for a file no config matches', async () => {
    assert.deepEqual(await client.openAndLint(uriFor('README.md'), 'markdown', '# FROM node:20\n'), []);
  });

  it('lints only the latest version of a burst of changes, once', async () => {
    const uri = uriFor('Dockerfile');
    await client.openAndLint(uri, 'dockerfile', DOCKERFILE);
    const mark = client.mark();
    await client.change(uri, 2, 'FROM node:20\nUSER node\n');
    await client.change(uri, 3, 'FROM node:20\nUSER root\n');
    await client.change(uri, 4, 'FROM node:20\nUSER node\nCMD ["node"]\n');
    assert.deepEqual(await client.waitForDiagnostics(uri, { version: 4 }), []);
    const published = client.publishes.filter((p) => p.uri === uri && p.sequence > mark).map((p) => p.version);
    assert.deepEqual(published, [4]);
  });

  it('applies incremental changes', async () => {
    const uri = uriFor('Dockerfile');
    await client.openAndLint(uri, 'dockerfile', DOCKERFILE);
    // Insert `USER node` before CMD (line 3).
    await client.changeRanges(uri, 2, [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'USER node\n' },
    ]);
    assert.deepEqual(await client.waitForDiagnostics(uri, { version: 2 }), []);
  });

  it('clears a document\'s diagnostics when it closes', async () => {
    const uri = uriFor('Dockerfile');
    assert.equal((await client.openAndLint(uri, 'dockerfile', DOCKERFILE)).length, 1);
    const mark = client.mark();
    await client.close(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri, { after: mark }), []);
  });

  describe('robustness: bad input never stops the server', () => {
    it('a syntax error becomes one diagnostic with the parser\'s message', async () => {
      const text = 'export function f( {\n  const x = ;\n';
      const uri = uriFor('broken.ts');
      const diagnostics = await client.openAndLint(uri, 'typescript', text);
      const [fatal] = eslintMessages(text, new URL(uri).pathname, workspace);
      assert.ok(fatal?.fatal);
      assert.deepEqual(diagnostics, [
        { range: expectedRange(fatal), severity: 1, source: 'hardening', message: fatal.message },
      ]);
      assert.match(fatal.message, /^Parsing error: /);
    });

    it('half-typed code is linted as it is typed', async () => {
      const uri = uriFor('half.py');
      await client.openAndLint(uri, 'python', 'def login(user, password:\n');
      await client.change(uri, 2, 'def login(user, password:\n    cursor.execute(f"SELECT * FROM users WHERE name = \'{user}\'")\n');
      await client.waitForDiagnostics(uri, { version: 2 });
      const ts = uriFor('half.tsx');
      await client.openAndLint(ts, 'typescriptreact', 'export const App = () => <div className=');
    });

    it('an empty file has no diagnostics', async () => {
      assert.deepEqual(await client.openAndLint(uriFor('empty.py'), 'python', ''), []);
      assert.deepEqual(await client.openAndLint(uriFor('Dockerfile'), 'dockerfile', ''), []);
    });

    it('binary content (NUL bytes) is skipped with a log line and its diagnostics cleared', async () => {
      const uri = uriFor('Dockerfile');
      assert.equal((await client.openAndLint(uri, 'dockerfile', DOCKERFILE)).length, 1);
      await client.change(uri, 2, `${DOCKERFILE}\u0000\u0001\u0002\u0000`);
      assert.deepEqual(await client.waitForDiagnostics(uri, { version: 2 }), []);
      await client.waitForLog(new RegExp(`${uri}: .*NUL bytes`));
    });

    it('a huge file gets one Information diagnostic saying why, and one log line', async () => {
      const uri = uriFor('huge.py');
      const text = 'value = 1\n'.repeat(250_000); // 2.5 MB
      const diagnostics = await client.openAndLint(uri, 'python', text);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]!.severity, 3);
      assert.equal(diagnostics[0]!.source, 'hardening');
      assert.match(diagnostics[0]!.message, /2\.4 MB, over the 2\.0 MB limit/);
      await client.change(uri, 2, `${text}value = 2\n`);
      assert.equal((await client.waitForDiagnostics(uri, { version: 2 })).length, 1);
      assert.equal(client.logs.filter((log) => log.message.startsWith(`${uri}: `)).length, 1, 'logged once, not per change');
    });

    it('other files keep being linted afterwards', async () => {
      assert.equal(byRule(await client.openAndLint(uriFor('Dockerfile'), 'dockerfile', DOCKERFILE), RULE).length, 1);
    });
  });

  describe('settings', () => {
    it('hardening.enable: false clears diagnostics; a configuration change is re-read', async () => {
      const uri = uriFor('Dockerfile');
      assert.equal((await client.openAndLint(uri, 'dockerfile', DOCKERFILE)).length, 1);
      try {
        enabled = false;
        let mark = client.mark();
        await client.changeConfiguration({});
        assert.deepEqual(await client.waitForDiagnostics(uri, { after: mark }), []);
        enabled = true;
        mark = client.mark();
        await client.changeConfiguration({});
        assert.equal((await client.waitForDiagnostics(uri, { after: mark })).length, 1);
      } finally {
        enabled = true;
      }
    });
  });
});

describe('language server, pull diagnostics (textDocument/diagnostic)', () => {
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'hardening-pull-'));
    client = await LspClient.start({
      folders: [workspace],
      pullDiagnostics: true,
      documentChanges: true,
      settings: () => ({ enable: true }),
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('advertises a diagnostic provider', () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'hardening',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
  });

  it('answers pulls: full report, unchanged for the same version, full again after a change', async () => {
    const uri = fileUri(join(workspace, 'Dockerfile'));
    await client.open(uri, 'dockerfile', DOCKERFILE);
    const first = await client.pullDiagnostics(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.kind === 'full' && first.resultId);
    assert.deepEqual(byRule(first.items, RULE).length, 1);
    assert.equal(byRule(first.items, RULE)[0]!.codeDescription?.href, ruleDocsUrl(RULE));

    const again = await client.pullDiagnostics(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    // Code actions work on pulled diagnostics; this client takes versioned edits.
    const actions = await client.codeActions(uri, first.items[0]!.range, [first.items[0]!]);
    const suggestion = actions.find((action) => action.title.startsWith('Switch to the numeric'));
    assert.deepEqual(
      suggestion?.edit?.documentChanges?.map((change) => 'textDocument' in change && change.textDocument),
      [{ uri, version: 1 }],
    );
    await client.change(uri, 2, applyWorkspaceEdit(DOCKERFILE, uri, suggestion?.edit));
    const second = await client.pullDiagnostics(uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual(second.kind === 'full' && second.items, []);
  });

  it('asks the client to refresh when the configuration changes', async () => {
    const before = client.refreshRequests;
    await client.changeConfiguration({});
    await client.waitFor(() => client.refreshRequests > before || undefined, 'workspace/diagnostic/refresh');
  });

  it('never pushes diagnostics to a client that pulls', async () => {
    const uri = fileUri(join(workspace, 'other', 'Dockerfile'));
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await client.change(uri, 2, `${DOCKERFILE}\n`);
    // Longer than the change debounce: a push would have come by now.
    assert.deepEqual(await client.publishesWithin(uri, 0, 600), []);
    assert.deepEqual(client.publishes, []);
  });
});

describe('language server over node IPC (--node-ipc, as vscode-languageclient starts it)', () => {
  it('initializes, lints, and takes settings from didChangeConfiguration when the client has no workspace/configuration', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'hardening-ipc-'));
    const client = await LspClient.start({ transport: 'node-ipc', folders: [workspace] });
    try {
      const uri = fileUri(join(workspace, 'Dockerfile'));
      await client.open(uri, 'dockerfile', DOCKERFILE);
      assert.equal(byRule(await client.waitForDiagnostics(uri, { version: 1 }), RULE).length, 1);
      let mark = client.mark();
      await client.changeConfiguration({ hardening: { enable: false } });
      assert.deepEqual(await client.waitForDiagnostics(uri, { after: mark }), []);
      mark = client.mark();
      await client.changeConfiguration({ hardening: { enable: true } });
      assert.equal((await client.waitForDiagnostics(uri, { after: mark })).length, 1);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('lint host (server/src/lint-host.ts: the server\'s and the benchmark\'s API)', () => {
  const logged: string[] = [];
  const logger: Logger = {
    info: (message) => logged.push(`info ${message}`),
    warn: (message) => logged.push(`warn ${message}`),
    error: (message) => logged.push(`error ${message}`),
  };
  const throwingPlugin = {
    rules: {
      boom: {
        meta: { type: 'problem' as const, schema: [] },
        create: () => ({
          Program() {
            throw new Error('kaboom');
          },
        }),
      },
      ok: {
        meta: { type: 'problem' as const, schema: [], messages: { found: 'Found.' } },
        create: (context: { report(descriptor: { loc: { line: number; column: number }; messageId: string }): void }) => ({
          Program() {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'found' });
          },
        }),
      },
    },
  };
  const config = [
    { files: ['**/*.js'], plugins: { test: throwingPlugin }, rules: { 'test/boom': 'error', 'test/ok': 'warn' } },
  ] as unknown as Linter.Config[];

  beforeEach(() => {
    logged.length = 0;
  });

  it('logs a rule that throws, with its name, and keeps the other rules\' findings', () => {
    const host = createLintHost({ cwd: '/work', logger, configProvider: { name: 'test', configFor: () => config } });
    const outcome = host.lint('const a = 1;\n', '/work/a.js');
    assert.deepEqual(outcome.failures.map((failure) => failure.ruleId), ['test/boom']);
    assert.deepEqual(outcome.messages.map((message) => message.ruleId), ['test/ok']);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /^error Rule test\/boom threw while linting \/work\/a\.js: kaboom/);
  });

  it('lints with the recommended config by default, from the workspace folder or the file system root', () => {
    const host = createLintHost({ cwd: '/work', logger });
    const inside = host.lint(DOCKERFILE, '/work/api/Dockerfile');
    assert.equal(inside.cwd, '/work');
    assert.deepEqual(inside.messages.map((message) => message.ruleId), [`hardening/${RULE}`]);
    assert.equal(inside.skipped, undefined);
    assert.equal(typeof inside.durationMs, 'number');
    // Outside the folder: the root as cwd, so path globs (`**/sites-enabled/**`) see the whole path.
    const outside = host.lint(DOCKERFILE, '/elsewhere/Dockerfile');
    assert.equal(outside.cwd, '/');
    assert.equal(outside.messages.length, 1);
  });

  it('skips binary, huge and unmatched files, saying why', () => {
    const host = createLintHost({ cwd: '/work', logger, maxFileBytes: 1000 });
    assert.equal(host.lint('FROM a\u0000', '/work/Dockerfile').skipKind, 'binary');
    const huge = host.lint('#'.repeat(1001), '/work/Dockerfile');
    assert.equal(huge.skipKind, 'too-large');
    assert.match(huge.skipped ?? '', /over the 1 KB limit/);
    const markdown = host.lint('# title', '/work/README.md');
    assert.equal(markdown.skipKind, 'no-config');
    assert.deepEqual(markdown.messages, []);
  });

  it('warns when a lint is over the time budget', () => {
    const host = createLintHost({ cwd: '/work', logger, timeBudgetMs: -1 });
    host.lint(DOCKERFILE, '/work/Dockerfile');
    assert.match(logged.join('\n'), /^warn Linting \/work\/Dockerfile took \d+ ms, over the -1 ms budget/m);
  });
});
