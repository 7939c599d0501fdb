import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A real VS Code (code-server, VS Code 1.100 served to a browser, with the
 * desktop extension host) for the editor tests, installed by
 * scripts/e2e/install.sh into an ignored cache folder.
 */

export const ROOT = join(import.meta.dirname, '..', '..');
export const TOOLS = process.env.HARDENING_E2E_DIR ?? join(ROOT, '.cache', 'e2e');
const CODE_SERVER = join(TOOLS, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

/** What is missing to run the test, in words; undefined when all is there. */
export function missingTools(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed in ${TOOLS}: run bash scripts/e2e/install.sh`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run bash scripts/e2e/install.sh (apt-get install chromium)`;
  return undefined;
}

export interface CodeServer {
  url: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Where settings, logs and state go. */
  userDataDir: string;
  extensionsDir: string;
  /** User settings (`<user-data-dir>/User/settings.json`). */
  settings: Record<string, unknown>;
}

/** Installs a packaged extension (.vsix) with code-server's own installer, as a user would. */
export function installExtension(vsix: string, options: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir'>): void {
  const run = spawnSync(
    CODE_SERVER,
    ['--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0 || !/successfully installed/u.test(run.stdout)) {
    throw new Error(`code-server could not install ${vsix} (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  mkdirSync(join(options.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(options.userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    CODE_SERVER,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', options.userDataDir,
      '--extensions-dir', options.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: join(options.userDataDir, 'config') } },
  );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
