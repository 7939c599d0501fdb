import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from './paths.js';

/**
 * Which file a document is, for ESLint: its path decides the config block, and so
 * the language and the rules. Documents with no file behind them get a virtual
 * name from their language id, inside the first workspace folder.
 */

/** File names for documents that have no path of their own (untitled, virtual schemes). */
const VIRTUAL_NAMES: Record<string, string> = {
  javascript: 'untitled.js',
  javascriptreact: 'untitled.jsx',
  typescript: 'untitled.ts',
  typescriptreact: 'untitled.tsx',
  python: 'untitled.py',
  dockerfile: 'Dockerfile',
  nginx: 'nginx.conf',
  yaml: 'untitled.yaml',
  dockercompose: 'compose.yaml',
  dotenv: '.env',
  ignore: '.gitignore',
};

export interface DocumentPath {
  /** Absolute path given to ESLint. */
  path: string;
  /** True when no file on disk has this path (untitled documents). */
  virtual: boolean;
}

/**
 * The paths to lint a document as, best first. A `file:` URI is its path, and
 * only that: as for the CLI, the path alone decides. A document of another scheme
 * (`vscode-vfs:`, `git:`) keeps its URI path, with a name from its language id
 * (`untitled.py`, `Dockerfile`, `nginx.conf`, `untitled.ts`) as a second choice
 * in the same folder; an untitled document gets only that name, in the first
 * workspace folder. Empty: nothing to lint.
 */
export function documentPaths(uri: string, languageId: string, workspaceFolders: WorkspaceFolders): DocumentPath[] {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return [];
  }
  if (parsed.protocol === 'file:') {
    try {
      return [{ path: fileURLToPath(parsed), virtual: false }];
    } catch {
      return [];
    }
  }
  const candidates: DocumentPath[] = [];
  let folder = workspaceFolders.first() ?? process.cwd();
  if (parsed.protocol !== 'untitled:') {
    const uriPath = safeDecode(parsed.pathname);
    if (uriPath.startsWith('/') && uriPath.length > 1 && !uriPath.endsWith('/')) {
      const path = resolve(uriPath);
      candidates.push({ path, virtual: true });
      folder = dirname(path);
    }
  }
  const name = VIRTUAL_NAMES[languageId];
  if (name) candidates.push({ path: join(folder, name), virtual: true });
  return candidates;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The workspace folders as paths, in the client's order. */
export class WorkspaceFolders {
  #paths: string[] = [];

  set(uris: readonly string[]): void {
    this.#paths = [];
    this.add(uris);
  }

  add(uris: readonly string[]): void {
    for (const path of toPaths(uris)) if (!this.#paths.includes(path)) this.#paths.push(path);
  }

  remove(uris: readonly string[]): void {
    const removed = new Set(toPaths(uris));
    this.#paths = this.#paths.filter((path) => !removed.has(path));
  }

  /** The innermost workspace folder holding `filePath`, so a nested folder wins. */
  containing(filePath: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.#paths) {
      if (isInside(filePath, folder) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  all(): readonly string[] {
    return this.#paths;
  }

  first(): string | undefined {
    return this.#paths[0];
  }
}

/** Folders that are on disk; a virtual workspace (a non-`file:` URI) has none to lint from. */
function toPaths(uris: readonly string[]): string[] {
  const paths: string[] = [];
  for (const uri of uris) {
    try {
      paths.push(resolve(fileURLToPath(uri)));
    } catch {
      // not a file: URI
    }
  }
  return paths;
}
