import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXPECTED_EXAMPLES } from '../helpers/expected-examples.js';
import { MARKER_FILE, writeConfiguredWorkspace } from '../helpers/workspace-config-fixture.js';
import { CHROMIUM, ROOT, installExtension, missingTools, startCodeServer, type CodeServer } from './code-server.js';

/**
 * The packaged extension (dist/hardening.vsix, from `npm run package`) in a real
 * VS Code: code-server 1.100 in Debian's Chromium, driven through the UI the way
 * a user drives it (command palette, Problems panel, quick fix menu, keyboard).
 * Screenshots land in test-results/vscode/.
 */

const VSIX = join(ROOT, 'dist', 'hardening.vsix');
const SHOTS = join(ROOT, 'test-results', 'vscode');
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'problems.defaultViewMode': 'tree',
};

describe('VS Code (code-server) with the packaged extension', function () {
  this.timeout(240_000);
  let temp: string;
  let extensionsDir: string;
  let browser: Browser;
  const servers: CodeServer[] = [];

  before(function () {
    const missing = missingTools() ?? (existsSync(VSIX) ? undefined : `${VSIX} is missing: run npm run package`);
    if (missing) {
      // In CI the tools are installed by .ci/run: missing ones are a failure, not a skip.
      if (process.env.CI) throw new Error(missing);
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
    temp = mkdtempSync(join(tmpdir(), 'hardening-vscode-'));
    extensionsDir = join(temp, 'extensions');
    mkdirSync(SHOTS, { recursive: true });
    installExtension(VSIX, { userDataDir: join(temp, 'install'), extensionsDir });
  });

  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  let current: Page | undefined;
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && current) {
      await current.screenshot({ path: join(SHOTS, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/gu, '-')}.png`) }).catch(() => {});
    }
  });

  /** Starts code-server on `folder` and opens it in a new page. */
  async function openWorkbench(folder: string, name: string, settings: Record<string, unknown>): Promise<Page> {
    const server = await startCodeServer({ userDataDir: join(temp, `data-${name}`), extensionsDir, settings: { ...QUIET_SETTINGS, ...settings } });
    servers.push(server);
    const page = await browser.newPage({ viewport: { width: 1400, height: 2600 } });
    current = page;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    return page;
  }

  /** Runs a command from the palette; extensions register theirs while the workbench loads, so it asks again until it is there. */
  async function runCommand(page: Page, title: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      try {
        await row.waitFor({ timeout: 3_000 });
        await page.keyboard.press('Enter');
        return;
      } catch (error) {
        await page.keyboard.press('Escape');
        if (Date.now() > deadline) throw error;
      }
    }
  }

  async function openFile(page: Page, relativePath: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relativePath);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: basename(relativePath) }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: basename(relativePath) }).waitFor();
  }

  /**
   * The Problems panel as `path:line:column rule` entries, read from its rows: file
   * rows name the file and its folder, marker rows the rule and position.
   */
  async function problems(page: Page): Promise<string[]> {
    const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
      elements.map((element) => ({ label: element.getAttribute('aria-label') ?? '', text: element.textContent ?? '' })),
    );
    const entries: string[] = [];
    let file = '';
    for (const { label, text } of rows) {
      const fileRow = /problems? in file (.+?) of folder (.*)$/u.exec(label);
      if (fileRow) {
        const [, name, folder] = fileRow;
        file = folder && folder !== '.' ? `${folder}/${name}` : name!;
        continue;
      }
      const marker = /(hardening\/[a-z0-9-]+)\)?\s*\[Ln (\d+), Col (\d+)\]/u.exec(text.replace(/\s+/gu, ' '));
      if (marker) entries.push(`${file}:${marker[2]}:${marker[3]} ${marker[1]}`);
    }
    return entries.sort();
  }

  async function showProblems(page: Page): Promise<void> {
    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel').waitFor();
  }

  /** Puts the cursor on `line:column` of the active editor. */
  async function goTo(page: Page, line: string | number, column: string | number): Promise<void> {
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
  }

  /** Opens the quick fix menu at the cursor and runs the action titled `title`, with the keyboard (the menu blocks the pointer). */
  async function quickFix(page: Page, title: string, screenshot?: string): Promise<void> {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title });
    // Right after a file opens its diagnostics may still be on the way, and the menu opens without ours: ask again.
    await waitUntil(async () => {
      await page.keyboard.press('Control+.');
      if (await row.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return true;
      await page.keyboard.press('Escape');
      return false;
    }, 45_000, `the quick fix "${title}"`);
    if (screenshot) await page.screenshot({ path: join(SHOTS, screenshot) });
    for (let step = 0; step < 12; step++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label');
      if (focused === title) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
  }

  /** `path:line:column rule` entries of `expected` for one file, without those on `line`. */
  const entriesOf = (entries: string[], file: string, withoutLine?: string): string[] =>
    entries.filter((entry) => entry.startsWith(`${file}:`) && (!withoutLine || !entry.startsWith(`${file}:${withoutLine}:`)));

  describe('a trusted workspace: a copy of examples/', () => {
    let workspace: string;
    let page: Page;
    const expected = [...EXPECTED_EXAMPLES].sort();
    const NGINX = 'deploy/nginx/nginx.conf';

    before(async () => {
      workspace = join(temp, 'examples');
      cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
      // As in the repository: the root .gitignore, and a .git folder that marks the root for require-gitignore-secrets.
      copyFileSync(join(ROOT, '.gitignore'), join(workspace, '.gitignore'));
      mkdirSync(join(workspace, '.git'));
      page = await openWorkbench(workspace, 'trusted', { 'security.workspace.trust.enabled': false });
    });

    it('Scan Workspace fills the Problems panel with exactly what the CLI finds, and the status item counts them', async () => {
      await runCommand(page, 'Hardening: Scan Workspace');
      await page.locator('.notification-list-item', { hasText: /Hardening scanned \d+ files/u }).waitFor({ timeout: 120_000 });
      await showProblems(page);
      await runCommand(page, 'View: Toggle Maximized Panel');
      await waitUntil(async () => (await problems(page)).length >= expected.length, 30_000, 'every finding in the Problems panel').catch(() => {});
      await page.screenshot({ path: join(SHOTS, 'problems-after-scan.png') });
      assert.deepEqual(await problems(page), expected);
      const status = await page.locator('.statusbar-item', { hasText: 'Hardening' }).first().innerText();
      assert.match(status, new RegExp(`Hardening ${expected.length}`, 'u'), 'the status item counts the findings');
      await runCommand(page, 'View: Toggle Maximized Panel');
    });

    it('hovering a finding explains it: why, how to fix, the rule page', async () => {
      const [, line, column] = /:(\d+):(\d+) /u.exec(entriesOf(expected, NGINX).find((entry) => entry.endsWith('nginx-require-strong-tls'))!)!;
      await openFile(page, NGINX);
      await goTo(page, line!, column!);
      const hover = page.locator('.monaco-hover', { hasText: 'How to fix:' }).first();
      // Show Hover (Ctrl+K Ctrl+I) again until the server's part is in: the file may still be loading.
      await waitUntil(async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        return hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
      }, 45_000, 'a hover with the rule\'s help');
      const text = await hover.innerText();
      assert.match(text, /hardening\/nginx-require-strong-tls/u);
      assert.match(text, /Why: .*›/u);
      assert.match(text, /Rule documentation/u);
      await page.screenshot({ path: join(SHOTS, 'hover.png') });
      await page.keyboard.press('Escape');
    });

    it('a quick fix from the editor rewrites the file and clears its finding, and only that one', async () => {
      const [, line, column] = /:(\d+):(\d+) /u.exec(entriesOf(expected, NGINX).find((entry) => entry.endsWith('nginx-require-strong-tls'))!)!;
      await openFile(page, NGINX);
      await goTo(page, line!, column!);
      await quickFix(page, 'Fix this hardening/nginx-require-strong-tls problem', 'quick-fix-menu.png');
      await page.keyboard.press('Control+S');
      await waitUntil(() => /^\s*ssl_protocols TLSv1\.2 TLSv1\.3;/mu.test(readFileSync(join(workspace, NGINX), 'utf8')), 30_000, 'the fixed nginx.conf on disk');
      await showProblems(page);
      await waitUntil(async () => !(await problems(page)).some((entry) => entry.startsWith(`${NGINX}:${line}:`)), 30_000, 'the fixed finding to leave the Problems panel');
      await page.screenshot({ path: join(SHOTS, 'after-quick-fix.png') });
      assert.deepEqual(entriesOf(await problems(page), NGINX), entriesOf(expected, NGINX, line));
    });

    it('"Disable … with a reason…" asks why and writes the comment with `-- reason`', async () => {
      const target = entriesOf(expected, NGINX).find((entry) => entry.endsWith('nginx-require-rate-limit'))!;
      const [, line, column] = /:(\d+):(\d+) /u.exec(target)!;
      await openFile(page, NGINX);
      await goTo(page, line!, column!);
      await quickFix(page, 'Disable hardening/nginx-require-rate-limit for this line, with a reason…');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      // `$'` and `$&` are text, not replacement patterns.
      await input.fill("internal endpoint, rate-limited upstream ($' $&)");
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+S');
      const lines = () => readFileSync(join(workspace, NGINX), 'utf8').split('\n');
      await waitUntil(() => lines()[Number(line) - 1]!.includes('eslint-disable-next-line'), 30_000, 'the disable comment on disk');
      assert.equal(
        lines()[Number(line) - 1]!.trim(),
        "# eslint-disable-next-line hardening/nginx-require-rate-limit -- internal endpoint, rate-limited upstream ($' $&)",
      );
      await showProblems(page);
      await waitUntil(async () => !(await problems(page)).some((entry) => entry.endsWith('nginx-require-rate-limit')), 30_000, 'the disabled finding to leave the Problems panel');
    });

    it('Show Security Checklist Report opens both guides\' checklists as Markdown', async () => {
      await runCommand(page, 'Hardening: Show Security Checklist Report');
      await page.locator('.tab', { hasText: 'Untitled' }).first().waitFor({ timeout: 120_000 });
      await page.locator('.monaco-editor .view-lines', { hasText: 'Hardening security checklist' }).first().waitFor();
      await page.screenshot({ path: join(SHOTS, 'checklist-report.png') });
    });
  });

  it('in restricted mode, uses the built-in rules and never runs the workspace eslint.config.*', async () => {
    const workspace = join(temp, 'restricted');
    writeConfiguredWorkspace(workspace, ROOT);
    const marker = join(workspace, MARKER_FILE);
    const page = await openWorkbench(workspace, 'restricted', {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.emptyWindow': false,
    });
    await page.locator('.statusbar-item', { hasText: /Restricted Mode/iu }).first().waitFor({ timeout: 30_000 });
    await openFile(page, 'passwords.py');
    await showProblems(page);
    await waitUntil(async () => (await problems(page)).length > 0, 60_000, 'a finding in the Problems panel');
    await page.screenshot({ path: join(SHOTS, 'restricted-mode.png') });
    assert.deepEqual(await problems(page), ['passwords.py:5:12 hardening/no-weak-hashing']);
    assert.equal(existsSync(marker), false, 'the workspace eslint.config.mjs ran in restricted mode');
    const status = await page.locator('.statusbar-item', { hasText: 'Hardening' }).first().innerText();
    assert.match(status, /Hardening \(restricted\)/u);
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
