import fs from 'node:fs';
import path from 'node:path';
import type { GitignoreLine, IgnoreLayer } from '../../detectors/gitignore-match.js';
import { decideEntry, GitignoreRules } from '../../detectors/gitignore-match.js';
import type { GitignoreFile } from '../../languages/gitignore/gitignore-node.js';
import { parseGitignore } from '../../languages/gitignore/gitignore-parser.js';
import type { SecretKind } from './secret-files.js';
import { secretKindOfName } from './secret-files.js';

/** Folders never searched: dependencies, build output, virtual environments, other repositories' data. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  'vendor',
  'dist',
  'build',
  'venv',
  '.venv',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.next',
  '.nuxt',
  'bower_components',
]);

/** The search stops after this many folder entries, or this deep: a lint must stay fast on any repository. */
export const MAX_ENTRIES = 20_000;
export const MAX_DEPTH = 12;
/** How long a search is reused while the .gitignore and its folder are unchanged (an editor lints per keystroke). */
const CACHE_MS = 10_000;
const MAX_CACHED = 100;

/** The pattern lines of a parsed .gitignore, backslash escapes kept (as git hands them to wildmatch). */
export function patternLines(file: GitignoreFile, text: string): GitignoreLine[] {
  return file.children.map((node) => ({
    source: text.slice(node.range[0] + (node.negated ? 1 : 0), node.range[1]),
    negated: node.negated,
  }));
}

function gitignoreLines(text: string): GitignoreLine[] {
  return patternLines(parseGitignore(text).ast, text);
}

export interface Candidate {
  /** Path from the repository root, `/`-separated. */
  path: string;
  /** Path from the linted .gitignore's folder, for messages. */
  shown: string;
  name: string;
  kind: SecretKind;
  absolute: string;
}

export interface NestedGitignore {
  /** Folder from the repository root. */
  base: string;
  rules: GitignoreRules;
}

export interface Repository {
  /** The linted .gitignore's folder from the repository root (`''` at the root). */
  prefix: string;
  /** The linted file is the repository's top-level .gitignore (only it must always ignore `.env`). */
  isRoot: boolean;
  /** .gitignore files of the folders above the linted one, up to the repository root, shallowest first. */
  above: IgnoreLayer[];
  /** .gitignore files found below the linted one, shallowest first. */
  below: NestedGitignore[];
  candidates: Candidate[];
  /** The search stopped at MAX_ENTRIES before seeing every file. */
  truncated: boolean;
  /** `holdsSecret` answers, per absolute path, kept with the search. */
  contents: Map<string, boolean>;
}

interface CacheEntry {
  at: number;
  folderMtime: number;
  fileMtime: number;
  repository: Repository;
}

const cache = new Map<string, CacheEntry>();

function stat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function readLines(file: string): GitignoreLine[] {
  try {
    return gitignoreLines(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in worktrees and submodules). */
function findGitRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (stat(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

const toPosix = (relative: string): string => relative.split(path.sep).join('/');

/**
 * The repository around the .gitignore at `file`, searched from its folder
 * down; undefined when the file is not on disk (unsaved text, stdin).
 */
export function readRepository(file: string): Repository | undefined {
  const fileStat = stat(file);
  if (!fileStat?.isFile()) return undefined;
  const dir = path.dirname(file);
  const folderStat = stat(dir);
  const now = Date.now();
  const cached = cache.get(dir);
  if (cached && now - cached.at < CACHE_MS && cached.fileMtime === fileStat.mtimeMs && cached.folderMtime === folderStat?.mtimeMs) {
    return cached.repository;
  }
  const repository = search(dir, file);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(dir, { at: now, folderMtime: folderStat?.mtimeMs ?? 0, fileMtime: fileStat.mtimeMs, repository });
  return repository;
}

function search(dir: string, file: string): Repository {
  const gitRoot = findGitRoot(dir);
  const root = gitRoot ?? dir;
  const prefix = toPosix(path.relative(root, dir));
  const above: IgnoreLayer[] = [];
  let isRoot = gitRoot === dir;
  if (gitRoot && gitRoot !== dir) {
    const parts = prefix.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth).join('/');
      const lines = readLines(path.join(root, base, '.gitignore'));
      if (lines.length > 0) above.push({ base, rules: new GitignoreRules(lines) });
    }
  } else if (!gitRoot) {
    // Outside a repository: the top-most .gitignore counts as the root one.
    isRoot = true;
    for (let current = path.dirname(dir); ; current = path.dirname(current)) {
      if (stat(path.join(current, '.gitignore'))?.isFile()) isRoot = false;
      if (!isRoot || path.dirname(current) === current) break;
    }
  }

  // The saved .gitignore prunes the search; the editor's text decides what is reported.
  const layers: IgnoreLayer[] = [...above, { base: prefix, rules: new GitignoreRules(readLines(file)) }];
  const below: NestedGitignore[] = [];
  const candidates: Candidate[] = [];
  let entries = 0;
  let truncated = false;
  const queue: { absolute: string; relative: string; depth: number; inSecrets: boolean }[] = [
    { absolute: dir, relative: prefix, depth: 0, inSecrets: false },
  ];
  const join = (folder: string, name: string): string => (folder ? `${folder}/${name}` : name);
  for (let next = 0; next < queue.length && !truncated; next++) {
    const { absolute, relative, depth, inSecrets } = queue[next]!;
    let dirents: fs.Dirent[];
    try {
      // Sorted, so findings list files in the same order on every file system.
      dirents = fs.readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      continue;
    }
    // A nested repository (a submodule, a vendored checkout) has its own .gitignore.
    if (depth > 0 && dirents.some((entry) => entry.name === '.git')) continue;
    if (depth > 0 && dirents.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const rules = new GitignoreRules(readLines(path.join(absolute, '.gitignore')));
      below.push({ base: relative, rules });
      layers.push({ base: relative, rules });
    }
    for (const entry of dirents) {
      if (++entries > MAX_ENTRIES) {
        truncated = true;
        break;
      }
      const childRelative = join(relative, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || depth + 1 > MAX_DEPTH) continue;
        if (decideEntry(layers, childRelative, true).ignored) continue;
        queue.push({
          absolute: path.join(absolute, entry.name),
          relative: childRelative,
          depth: depth + 1,
          inSecrets: inSecrets || entry.name.toLowerCase() === 'secrets',
        });
      } else if (entry.isFile()) {
        const kind = secretKindOfName(entry.name, inSecrets);
        if (!kind) continue;
        candidates.push({
          path: childRelative,
          shown: prefix ? childRelative.slice(prefix.length + 1) : childRelative,
          name: entry.name,
          kind,
          absolute: path.join(absolute, entry.name),
        });
      }
    }
  }
  return { prefix, isRoot, above, below, candidates, truncated, contents: new Map() };
}
