import ignoreModule, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * The files of a workspace folder that Hardening lints, as git sees them: what
 * `git ls-files` lists (tracked, and untracked but not ignored), or, outside a git
 * repository, a walk that reads every .gitignore on the way. Folders no project
 * lints (`.git`, `node_modules`) are never entered.
 */

// A CommonJS module whose typings declare an ES default export: the module itself is the factory.
const ignore = ignoreModule as unknown as () => Ignore;
const NEVER_ENTERED = new Set(['.git', 'node_modules', '.hg', '.svn']);
/** A workspace larger than this is scanned in part, and says so. */
export const MAX_SCANNED_FILES = 20_000;


/**
 * Relative, `/`-separated paths of supported files; `excluded` drops more (the
 * exclude setting). git runs only in a trusted workspace: a repository's own
 * config can make git run commands (`core.fsmonitor`), which is workspace code.
 */
export async function workspaceFiles(
  folder: string,
  excluded: (relativePath: string) => boolean,
  trusted: boolean,
  supported: readonly string[],
): Promise<string[]> {
  const listed = (trusted ? await gitFiles(folder) : undefined) ?? (await walk(folder));
  return listed.filter(
    (path) =>
      !path.split('/').some((part) => NEVER_ENTERED.has(part)) &&
      supported.some((glob) => minimatch(path, glob, { dot: true })) && !excluded(path),
  );
}

function gitFiles(folder: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'],
      { cwd: folder, maxBuffer: 256 * 1024 * 1024, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : stdout.split('\0').filter((path) => path !== '')),
    );
  });
}

async function walk(folder: string): Promise<string[]> {
  const files: string[] = [];
  const visit = async (directory: string, rules: Array<{ base: string; matcher: Ignore }>): Promise<void> => {
    if (files.length >= MAX_SCANNED_FILES * 4) return;
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      return;
    }
    const here = [...rules];
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        here.push({ base: directory, matcher: ignore().add(await readFile(join(directory, '.gitignore'), 'utf8')) });
      } catch {
        // unreadable: nothing ignored by it
      }
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const isDirectory = entry.isDirectory();
      if (isDirectory && NEVER_ENTERED.has(entry.name)) continue;
      const ignored = here.some(({ base, matcher }) => {
        const rel = relative(base, path).split('\\').join('/');
        return matcher.ignores(isDirectory ? `${rel}/` : rel);
      });
      if (ignored) continue;
      if (isDirectory) await visit(path, here);
      else if (entry.isFile()) files.push(relative(folder, path).split('\\').join('/'));
    }
  };
  await visit(folder, []);
  return files;
}
