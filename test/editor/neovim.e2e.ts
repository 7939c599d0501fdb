import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXPECTED_EXAMPLES } from '../helpers/expected-examples.js';

/**
 * Neovim's built-in LSP client (a real third-party client, Debian's 0.7.2 in CI) drives the
 * bundled server (server/dist/server.js) over stdio: it opens every bad file of a copy of
 * examples/, each diagnostic set must be what the CLI reports for that file (test/helpers/expected-examples.ts),
 * and code actions applied through `vim.lsp.util.apply_workspace_edit` must edit the buffer as
 * expected and, after nvim's own didChange, drop exactly their finding.
 *
 * One headless nvim runs every step (test/editor/neovim/lsp-check.lua) and prints a JSON line per
 * event; the tests below read those lines. Run with `npm run test:nvim`; not part of `npm test`.
 */

const ROOT = join(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'server/dist/server.js');
const DRIVER = join(import.meta.dirname, 'neovim/lsp-check.lua');
/** nvim as a whole, under `timeout`, so a hang ends with nvim's output rather than a mocha timeout. */
const NVIM_TIMEOUT_S = 100;
/** One wait inside the driver: server start, one publish, one code action request. */
const WAIT_MS = 20_000;

/** One finding as the CLI test writes it: `api/Dockerfile:10:20 hardening/no-hardcoded-secrets`. */
interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
}

function parseFinding(entry: string): Finding {
  const match = /^(.+):(\d+):(\d+) (\S+)$/.exec(entry);
  assert.ok(match, `not a finding: ${entry}`);
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]), rule: match[4]! };
}

/** `line:column rule` (1-based, as the CLI prints), sorted: the set to compare. */
function positions(findings: readonly Pick<Finding, 'line' | 'column' | 'rule'>[]): string[] {
  return findings.map(({ line, column, rule }) => `${line}:${column} ${rule}`).sort();
}

function diagnosticPositions(diagnostics: readonly Diagnostic[]): string[] {
  return positions(
    diagnostics.map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, rule: String(d.code ?? 'fatal') })),
  );
}

/**
 * The filetype Neovim itself detects for each file, sent as the didOpen languageId. Several are
 * not VS Code's language ids (`sh` for .env, `conf` for redis.conf, `gitignore`): the server
 * must lint a `file:` document by its path alone.
 */
const FILETYPES: [pattern: RegExp, filetype: string][] = [
  [/\.tsx$/, 'typescriptreact'],
  [/\.ts$/, 'typescript'],
  [/\.py$/, 'python'],
  [/(^|\/)Dockerfile$/, 'dockerfile'],
  [/(^|\/)nginx\/[^/]+\.conf$/, 'nginx'],
  [/\.conf$/, 'conf'],
  [/\.ya?ml$/, 'yaml'],
  [/\.env$/, 'sh'],
  [/(^|\/)\.gitignore$/, 'gitignore'],
];

function filetypeOf(file: string): string {
  const filetype = FILETYPES.find(([pattern]) => pattern.test(file))?.[1];
  assert.ok(filetype, `no Neovim filetype for ${file}: add one to FILETYPES`);
  return filetype;
}

/** How an action changes the file: a text replaced on one line, a line inserted before a line, text appended. */
type Edit = { line: number; from: string; to: string } | { before: number; insert: string } | { append: string };

interface ActionCase {
  /** The finding to act on, an entry of EXPECTED_EXAMPLES. */
  finding: string;
  /** The preferred action (the fix), or "Disable <rule> for this line". */
  pick: 'preferred' | 'disable';
  edit: Edit;
  /** Other findings the same edit resolves. */
  alsoDrops?: string[];
}

const ACTION_CASES: ActionCase[] = [
  {
    finding: 'deploy/nginx/nginx.conf:11:23 hardening/nginx-require-strong-tls',
    pick: 'preferred',
    edit: { line: 11, from: 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2;', to: 'ssl_protocols TLSv1.2 TLSv1.3;' },
    // The fix rewrites the directive, so its TLSv1.1 finding goes with the TLSv1 one.
    alsoDrops: ['deploy/nginx/nginx.conf:11:29 hardening/nginx-require-strong-tls'],
  },
  {
    finding: 'api/app/users.py:14:67 hardening/no-weak-hashing',
    pick: 'preferred',
    edit: { line: 14, from: 'bcrypt.gensalt(rounds=10)', to: 'bcrypt.gensalt(rounds=12)' },
  },
  {
    finding: 'web/server/users.ts:23:32 hardening/no-weak-hashing',
    pick: 'preferred',
    edit: { line: 23, from: 'bcrypt.hash(password, 10)', to: 'bcrypt.hash(password, 12)' },
  },
  {
    finding: 'docker-compose.yml:11:9 hardening/no-exposed-datastore-ports',
    pick: 'preferred',
    edit: { line: 11, from: '- "5432:5432"', to: '- "127.0.0.1:5432:5432"' },
  },
  {
    finding: 'api/.gitignore:1:1 hardening/require-gitignore-secrets',
    pick: 'preferred',
    edit: { append: '\n# Secrets (Hardening: AutonomOS › Secret Management)\n*.key\n' },
  },
  {
    finding: 'api/Dockerfile:1:1 hardening/require-non-root-user',
    pick: 'disable',
    edit: { before: 1, insert: '# eslint-disable-next-line hardening/require-non-root-user' },
  },
  {
    finding: 'api/app/config.py:7:1 hardening/no-debug-in-production',
    pick: 'disable',
    edit: { before: 7, insert: '# eslint-disable-next-line hardening/no-debug-in-production' },
  },
  {
    finding: 'deploy/app.env:3:12 hardening/no-hardcoded-secrets',
    pick: 'disable',
    edit: { before: 3, insert: '# eslint-disable-next-line hardening/no-hardcoded-secrets' },
  },
  {
    finding: 'deploy/k8s/secrets.yaml:10:15 hardening/no-hardcoded-secrets',
    pick: 'disable',
    edit: { before: 10, insert: '  # eslint-disable-next-line hardening/no-hardcoded-secrets' },
  },
  {
    finding: 'deploy/redis/redis.conf:4:1 hardening/require-redis-tls',
    pick: 'disable',
    edit: { before: 4, insert: '# eslint-disable-next-line hardening/require-redis-tls' },
  },
  {
    finding: 'web/src/auth.ts:18:3 hardening/no-token-in-web-storage',
    pick: 'disable',
    edit: { before: 18, insert: '  // eslint-disable-next-line hardening/no-token-in-web-storage' },
  },
];

function applyEdit(text: string, edit: Edit): string {
  if ('append' in edit) return text + edit.append;
  const lines = text.split('\n');
  if ('before' in edit) {
    lines.splice(edit.before - 1, 0, edit.insert);
    return lines.join('\n');
  }
  const line = lines[edit.line - 1] ?? '';
  assert.equal(line.split(edit.from).length, 2, `line ${edit.line} should hold "${edit.from}" once: ${line}`);
  lines[edit.line - 1] = line.replace(edit.from, edit.to);
  return lines.join('\n');
}

/** The findings left after an edit: the dropped ones gone, the lines below an inserted line moved down. */
function remainingAfter(findings: readonly Finding[], dropped: readonly string[], edit: Edit): Finding[] {
  const drop = new Set(dropped);
  return findings
    .filter((f) => !drop.has(`${f.file}:${f.line}:${f.column} ${f.rule}`))
    .map((f) => ('before' in edit && f.line >= edit.before ? { ...f, line: f.line + 1 } : f));
}

/** Half-typed files: their text on disk (what didOpen sends), then the finished file (one didChange). */
interface DraftCase {
  name: string;
  file: string;
  /** The finished file: an example, whose findings the re-lint must report. */
  like: string;
  /** Where the draft stops, inside the finished text. */
  cutAfter: string;
  /** What the draft gets: one parse error (TypeScript), or the findings of the lines above the cut (tolerant parsers). */
  draftGets: 'a parse error' | 'the findings above the cut';
}

const DRAFTS: DraftCase[] = [
  { name: 'TypeScript', file: 'web/server/users-draft.ts', like: 'web/server/users.ts', cutAfter: 'await pool.query(', draftGets: 'a parse error' },
  // Python is parsed by tree-sitter, which recovers: there is no parse error to report.
  {
    name: 'Python',
    file: 'api/app/users-draft.py',
    like: 'api/app/users.py',
    cutAfter: 'def file_checksum(path: str',
    draftGets: 'the findings above the cut',
  },
];

interface Job {
  file: string;
  filetype: string;
  action?: { line: number; column: number; rule: string; pick: ActionCase['pick'] };
  replace?: string;
}

interface Records {
  INIT: { offset_encoding: string; codeActionKinds: string[]; textDocumentSync: unknown }[];
  DIAG: { file: string; uri: string; version: number; diagnostics: Diagnostic[]; shown: number }[];
  ACTIONS: { file: string; line: number; column: number; titles: string[]; preferred: string[] }[];
  EDITED: { file: string; title: string; version: number; text: string }[];
  RELINT: { file: string; cause: 'action' | 'replace'; version: number; diagnostics: Diagnostic[] }[];
  LOG: { type: number; message: string }[];
  ERROR: { file?: string; message: string }[];
  EXIT: { code?: number; signal?: number; timeout?: number }[];
  DONE: { ok: boolean }[];
}

interface NvimRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  records: Records;
}

const TAGS = ['INIT', 'DIAG', 'ACTIONS', 'EDITED', 'RELINT', 'LOG', 'ERROR', 'EXIT', 'DONE'] as const;

function parseRecords(stdout: string): Records {
  const records = Object.fromEntries(TAGS.map((tag) => [tag, []])) as unknown as Records;
  for (const line of stdout.split('\n')) {
    const match = /^([A-Z]+) (\{.*\})$/.exec(line);
    const tag = match?.[1] as (typeof TAGS)[number] | undefined;
    if (match && tag && TAGS.includes(tag)) (records[tag] as unknown[]).push(JSON.parse(match[2]!));
  }
  return records;
}

function runNvim(env: Record<string, string>): Promise<NvimRun> {
  const args = ['-k', '5', String(NVIM_TIMEOUT_S), 'nvim', '--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n'];
  args.push('-c', `luafile ${DRIVER}`);
  return new Promise((resolve, reject) => {
    const child = spawn('timeout', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, records: parseRecords(stdout) }));
  });
}

/** The driver's output for a failure report: one short line per event. */
function summarize(stdout: string): string {
  return stdout
    .split('\n')
    .map((line) => {
      const match = /^(DIAG|RELINT|EDITED) (\{.*\})$/.exec(line);
      if (!match) return line;
      const record = JSON.parse(match[2]!) as { file: string; version: number; ms: number; diagnostics?: Diagnostic[]; title?: string };
      const detail = record.diagnostics ? JSON.stringify(diagnosticPositions(record.diagnostics)) : `"${record.title}"`;
      return `${match[1]} ${record.file} version ${record.version} at ${record.ms} ms: ${detail}`;
    })
    .join('\n');
}

function nvimInstalled(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

describe('Neovim LSP client (headless nvim, the bundled server over stdio)', function () {
  this.timeout((NVIM_TIMEOUT_S + 20) * 1000);
  const expected = EXPECTED_EXAMPLES.map(parseFinding);
  const files = [...new Set(expected.map((f) => f.file))];
  const findingsOf = (file: string) => expected.filter((f) => f.file === file);
  let workspace = '';
  let run: NvimRun | undefined;
  let dumped = false;

  const one = <T extends { file?: string }>(items: T[], file: string, what: string): T => {
    const found = items.filter((item) => item.file === file);
    const errors = run?.records.ERROR.filter((e) => e.file === file || e.file === undefined).map((e) => e.message) ?? [];
    assert.equal(found.length, 1, `${what} for ${file}: got ${found.length}${errors.length ? `; driver error: ${errors.join('; ')}` : ''}`);
    return found[0]!;
  };

  before(async function () {
    if (!nvimInstalled()) {
      if (!process.env.CI) {
        console.warn('Skipping the Neovim tests: nvim is not on PATH (scripts/e2e/install.sh installs it; with CI set they fail instead).');
        this.skip();
      }
      assert.fail('nvim is not on PATH: CI must install it (scripts/e2e/install.sh)');
    }
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);

    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'hardening-nvim-')));
    // The repository's layout around examples/: require-gitignore-secrets reads the .gitignore
    // files up to the repository root (a folder holding .git), as it does for the CLI in this repo.
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
    copyFileSync(join(ROOT, '.gitignore'), join(workspace, '.gitignore'));
    mkdirSync(join(workspace, '.git'));
    for (const dir of ['config', 'data', 'state', 'cache']) mkdirSync(join(workspace, 'xdg', dir), { recursive: true });

    const jobs: Job[] = [];
    for (const draft of DRAFTS) {
      const finished = readFileSync(join(ROOT, 'examples', draft.like), 'utf8');
      const cut = finished.indexOf(draft.cutAfter);
      assert.ok(cut > 0, `${draft.like} no longer holds "${draft.cutAfter}"`);
      writeFileSync(join(workspace, 'examples', draft.file), `${finished.slice(0, cut + draft.cutAfter.length)}\n`);
      jobs.push({ file: `examples/${draft.file}`, filetype: filetypeOf(draft.file), replace: finished });
    }
    // After the drafts, so these also show the server kept working.
    for (const file of files) {
      const job: Job = { file: `examples/${file}`, filetype: filetypeOf(file) };
      const [action, ...more] = ACTION_CASES.filter((c) => parseFinding(c.finding).file === file);
      assert.equal(more.length, 0, `one action case per file (the driver opens each file once): ${file}`);
      if (action) {
        const { line, column, rule } = parseFinding(action.finding);
        job.action = { line, column, rule, pick: action.pick };
      }
      jobs.push(job);
    }

    const xdg = (dir: string) => join(workspace, 'xdg', dir);
    run = await runNvim({
      HARDENING_LSP_CMD: JSON.stringify([process.execPath, SERVER, '--stdio']),
      HARDENING_ROOT: workspace,
      HARDENING_JOBS: JSON.stringify(jobs),
      HARDENING_WAIT_MS: String(WAIT_MS),
      // nvim's state, and its LSP log (the server's stderr), inside the temporary folder.
      XDG_CONFIG_HOME: xdg('config'),
      XDG_DATA_HOME: xdg('data'),
      XDG_STATE_HOME: xdg('state'),
      XDG_CACHE_HOME: xdg('cache'),
    });
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'failed' || dumped || !run) return;
    dumped = true;
    const logPath = join(workspace, 'xdg/cache/nvim/lsp.log');
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-60).join('\n') : '(none)';
    console.error(
      [
        `--- nvim exited with status ${run.status}, signal ${run.signal}${run.status === 124 ? ` (killed by timeout after ${NVIM_TIMEOUT_S} s)` : ''}`,
        '--- nvim stdout (diagnostics as line:column rule, edited texts left out):',
        summarize(run.stdout),
        '--- nvim stderr:',
        run.stderr,
        '--- nvim lsp.log (last 60 lines):',
        log,
      ].join('\n'),
    );
  });

  after(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('runs every step, and the server exits with 0 after shutdown + exit', () => {
    assert.ok(run);
    assert.deepEqual(run.records.ERROR, [], 'the driver reported errors');
    assert.equal(run.status, 0, `nvim exited with ${run.status}`);
    assert.deepEqual(run.records.DONE.map((done) => done.ok), [true]);
    assert.deepEqual(run.records.EXIT.map(({ code, signal }) => ({ code, signal })), [{ code: 0, signal: 0 }]);
    const [init] = run.records.INIT;
    assert.equal(init?.offset_encoding, 'utf-16');
    assert.ok(init?.codeActionKinds.includes('quickfix'), `code action kinds: ${init?.codeActionKinds.join(', ')}`);
  });

  it('opens a file of every supported type, each with the filetype nvim gives it', () => {
    const filetypes = new Set(files.map(filetypeOf));
    assert.deepEqual([...filetypes].sort(), ['conf', 'dockerfile', 'gitignore', 'nginx', 'python', 'sh', 'typescript', 'typescriptreact', 'yaml']);
    for (const type of ['Dockerfile', 'nginx/nginx.conf', 'redis/redis.conf', 'k8s/api.yaml', 'docker-compose.yml', '.env', '.gitignore']) {
      assert.ok(files.some((file) => file.endsWith(type)), `examples/ has no ${type} with findings`);
    }
  });

  describe('diagnostics on open are what the CLI reports', () => {
    for (const file of files) {
      it(file, () => {
        assert.ok(run);
        const diag = one(run.records.DIAG, `examples/${file}`, 'DIAG');
        assert.deepEqual(diagnosticPositions(diag.diagnostics), positions(findingsOf(file)));
        assert.equal(diag.version, 0, 'the publish is for the version nvim opened (0)');
        assert.equal(diag.shown, diag.diagnostics.length, 'vim.diagnostic holds every published diagnostic');
        for (const d of diag.diagnostics) {
          assert.equal(d.source, 'hardening');
          assert.equal(d.severity, 1);
          assert.match(d.codeDescription?.href ?? '', new RegExp(`/docs/rules/${String(d.code).replace('hardening/', '')}\\.md$`));
        }
      });
    }
  });

  describe('code actions applied by vim.lsp.util.apply_workspace_edit, then nvim\'s didChange', () => {
    for (const action of ACTION_CASES) {
      const target = parseFinding(action.finding);
      const label = action.pick === 'preferred' ? 'the preferred fix' : `"Disable ${target.rule} for this line"`;
      const drops = action.alsoDrops ? `its ${action.alsoDrops.length + 1} findings` : 'its finding';
      it(`${target.file}:${target.line}:${target.column}: ${label} edits the buffer and the re-lint drops only ${drops}`, () => {
        assert.ok(run);
        const file = `examples/${target.file}`;
        const offered = one(run.records.ACTIONS, file, 'ACTIONS');
        assert.ok(offered.titles.includes(`Show documentation for ${target.rule}`), offered.titles.join('\n'));
        const edited = one(run.records.EDITED, file, 'EDITED');
        if (action.pick === 'preferred') {
          assert.equal(edited.title, `Fix this ${target.rule} problem`);
          assert.ok(offered.preferred.includes(edited.title));
        } else {
          assert.equal(edited.title, `Disable ${target.rule} for this line`);
        }
        const original = readFileSync(join(ROOT, 'examples', target.file), 'utf8');
        assert.equal(edited.text, applyEdit(original, action.edit));

        const relint = one(run.records.RELINT, file, 'RELINT');
        assert.equal(relint.version, edited.version, 'the re-lint is for the edited version');
        const dropped = [action.finding, ...(action.alsoDrops ?? [])];
        assert.deepEqual(diagnosticPositions(relint.diagnostics), positions(remainingAfter(findingsOf(target.file), dropped, action.edit)));
      });
    }
  });

  describe('half-typed files: the server keeps linting while the file is typed', () => {
    for (const draft of DRAFTS) {
      it(`${draft.name}: ${draft.file} gets ${draft.draftGets}; a didChange that completes it, ${draft.like}'s findings`, () => {
        assert.ok(run);
        const file = `examples/${draft.file}`;
        const opened = one(run.records.DIAG, file, 'DIAG');
        const complete = findingsOf(draft.like);
        if (draft.draftGets === 'a parse error') {
          assert.equal(opened.diagnostics.length, 1, JSON.stringify(opened.diagnostics));
          const [fatal] = opened.diagnostics;
          assert.equal(fatal?.code, undefined, 'a parse error has no rule id');
          assert.equal(fatal?.severity, 1);
          assert.match(fatal?.message ?? '', /^Parsing error: /);
        } else {
          const finished = readFileSync(join(ROOT, 'examples', draft.like), 'utf8');
          const cutLine = finished.slice(0, finished.indexOf(draft.cutAfter)).split('\n').length;
          assert.deepEqual(diagnosticPositions(opened.diagnostics), positions(complete.filter((f) => f.line < cutLine)));
        }
        const relint = one(run.records.RELINT, file, 'RELINT');
        assert.equal(relint.cause, 'replace');
        assert.deepEqual(diagnosticPositions(relint.diagnostics), positions(complete));
      });
    }
  });
});
