import fs from 'node:fs';
import path from 'node:path';
import type { IncludeSource, ResolvedInclude } from '../../detectors/nginx-config.js';
import { globToRegExp, hasGlob, includeCandidates } from '../../detectors/nginx-config.js';
import type { NginxConfig } from '../../languages/nginx/nginx-node.js';
import { parseNginx } from '../../languages/nginx/nginx-parser.js';

/** Larger files are not nginx configuration anyone includes. */
const MAX_FILE_SIZE = 1024 * 1024;

interface Parsed {
  mtimeMs: number;
  size: number;
  ast: NginxConfig;
}

/** Parsed included files, across lints: reused while a file's mtime and size are unchanged. */
const parsedFiles = new Map<string, Parsed>();
/** Past this many files (a long-running editor session), the cache starts over. */
const MAX_CACHED_FILES = 1000;

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The folder include paths are searched up to: the nearest folder holding
 * `.git`, else ESLint's working directory when the file is inside it, else
 * the file system root.
 */
export function findRoot(dir: string, cwd: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (statOf(path.join(current, '.git')) || current === cwd || path.dirname(current) === current) return current;
  }
}

/**
 * Includes read from disk for one lint. The linted file itself is served from
 * the editor's text (`live`), never from disk. Reads never throw: a file that
 * cannot be read counts as not found.
 */
export class DiskIncludes implements IncludeSource {
  readonly #stats = new Map<string, fs.Stats | undefined>();
  readonly #listings = new Map<string, string[] | undefined>();

  constructor(
    private readonly root: string,
    private readonly live: ReadonlyMap<string, NginxConfig>,
  ) {}

  stat(file: string): fs.Stats | undefined {
    if (!this.#stats.has(file)) this.#stats.set(file, statOf(file));
    return this.#stats.get(file);
  }

  isFile(file: string): boolean {
    return this.live.has(file) || (this.stat(file)?.isFile() ?? false);
  }

  #list(dir: string): string[] | undefined {
    if (!this.#listings.has(dir)) {
      let names: string[] | undefined;
      try {
        names = this.stat(dir)?.isDirectory() ? fs.readdirSync(dir) : undefined;
      } catch {
        names = undefined;
      }
      this.#listings.set(dir, names);
    }
    return this.#listings.get(dir);
  }

  resolve(pattern: string, fromFile: string): ResolvedInclude {
    for (const { dir, name } of includeCandidates(pattern, path.dirname(fromFile), this.root)) {
      if (hasGlob(name)) {
        const names = this.#list(dir);
        if (!names) continue;
        const glob = globToRegExp(name);
        const files = names
          .filter((entry) => glob.test(entry))
          .sort()
          .map((entry) => path.join(dir, entry))
          .filter((file) => this.isFile(file))
          .map(realPath);
        return { files, found: true };
      }
      const file = path.join(dir, name);
      if (this.isFile(file)) return { files: [realPath(file)], found: true };
    }
    return { files: [], found: false };
  }

  load(file: string): NginxConfig | null {
    const live = this.live.get(file);
    if (live) return live;
    const stat = this.stat(file);
    if (!stat?.isFile() || stat.size > MAX_FILE_SIZE) return null;
    const cached = parsedFiles.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.ast;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    const { ast } = parseNginx(text);
    if (parsedFiles.size >= MAX_CACHED_FILES) parsedFiles.clear();
    parsedFiles.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ast });
    return ast;
  }
}
