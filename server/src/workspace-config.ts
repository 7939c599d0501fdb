import type { Linter } from 'eslint';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recommendedConfigProvider } from './config-provider.js';
import type { Logger } from './lint-host.js';
import { isInside } from './paths.js';

/**
 * The workspace's own `eslint.config.*`, so that the editor lints with what CI
 * runs. An ESLint config is code: it is only ever imported when the workspace
 * is trusted and `hardening.useWorkspaceConfig` is on, and only used when it
 * brings eslint-plugin-hardening; otherwise the built-in recommended config runs.
 */

export interface ResolvedConfig {
  /** For the log and the status item: where the rules come from. */
  name: string;
  config: Linter.Config[];
  /** The folder the config's globs are relative to (the config file's); none for the built-in one. */
  cwd?: string;
  /** The config file, when the workspace's is used. */
  file?: string;
}

/** ESLint's own lookup order. TypeScript configs need a loader Node 20 lacks; they are tried and reported. */
const CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

export const BUILT_IN: ResolvedConfig = {
  name: recommendedConfigProvider.name,
  config: recommendedConfigProvider.configFor(''),
};

interface Loaded {
  mtimeMs: number;
  result: Promise<ResolvedConfig>;
}

export class WorkspaceConfigs {
  readonly #loaded = new Map<string, Loaded>();
  /** Which config file governs a folder; cleared when config files are created or deleted. */
  readonly #found = new Map<string, Promise<string | undefined>>();
  /** Bumped by each invalidation, so a config rewritten within the same mtime tick still loads anew. */
  #generation = 0;

  constructor(
    private readonly logger: Logger,
    /** Tells the user once per config file version that it could not be used. */
    private readonly warnUser: (message: string) => void,
  ) {}

  /**
   * The config to lint `filePath` with. `folder` is the workspace folder holding
   * it: the search for a config file climbs from the file's folder up to it, never
   * above, so files outside every workspace folder get the built-in config.
   */
  async resolve(filePath: string, folder: string | undefined, allowed: boolean): Promise<ResolvedConfig> {
    if (!allowed || !folder || !isInside(filePath, folder)) return BUILT_IN;
    const directory = dirname(filePath);
    let found = this.#found.get(directory);
    if (!found) {
      found = findConfigFile(directory, folder);
      this.#found.set(directory, found);
    }
    const file = await found;
    if (!file) return BUILT_IN;
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(file)).mtimeMs;
    } catch {
      return BUILT_IN;
    }
    let loaded = this.#loaded.get(file);
    if (!loaded || loaded.mtimeMs !== mtimeMs) {
      loaded = { mtimeMs, result: this.#load(file, mtimeMs) };
      this.#loaded.set(file, loaded);
    }
    return loaded.result;
  }

  /** Config files changed on disk (or trust/settings did): load them again on next use. */
  invalidate(): void {
    this.#loaded.clear();
    this.#found.clear();
    this.#generation++;
  }

  async #load(file: string, mtimeMs: number): Promise<ResolvedConfig> {
    try {
      // The query makes Node import the file again after it changed (its module cache is keyed by URL).
      const module = (await import(`${pathToFileURL(file).href}?mtime=${mtimeMs}&generation=${this.#generation}`)) as { default?: unknown };
      const exported = await module.default;
      const config = (Array.isArray(exported) ? exported : [exported]).flat(Infinity) as Linter.Config[];
      if (!config.every((block) => block !== null && typeof block === 'object')) {
        throw new Error('its default export is not a flat config (an object or an array of objects)');
      }
      if (!config.some(bringsPlugin)) {
        this.logger.info(`${file} does not use eslint-plugin-hardening: linting with the built-in recommended config.`);
        return BUILT_IN;
      }
      this.logger.info(`Linting files under ${dirname(file)} with ${file}.`);
      return { name: file, config, cwd: dirname(file), file };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Could not load ${file}: ${reason}`);
      this.warnUser(`Hardening could not load ${file} (${reason.split('\n')[0]}); it uses its built-in recommended rules until the file loads.`);
      return BUILT_IN;
    }
  }
}

function bringsPlugin(block: Linter.Config): boolean {
  const plugins = block.plugins;
  if (!plugins) return false;
  return Object.entries(plugins).some(
    ([namespace, plugin]) => namespace === 'hardening' || plugin?.meta?.name === 'eslint-plugin-hardening',
  );
}

async function findConfigFile(start: string, folder: string): Promise<string | undefined> {
  let directory = start;
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(directory, name);
      try {
        if ((await stat(candidate)).isFile()) return candidate;
      } catch {
        // not there
      }
    }
    if (directory === folder) return undefined;
    const parent = dirname(directory);
    if (parent === directory || (parent !== folder && !isInside(parent, folder))) return undefined;
    directory = parent;
  }
}
