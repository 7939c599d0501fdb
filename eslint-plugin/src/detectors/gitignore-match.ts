/**
 * Whether git ignores a path, with git's own semantics (gitignore(5), dir.c,
 * wildmatch.c). Pure: paths are `/`-separated and relative to the folder of
 * the first layer; nothing here reads the disk.
 *
 * - the last pattern of a file that matches decides; `!` re-includes;
 * - a pattern with no slash but a trailing one matches a name at any depth,
 *   otherwise it matches the path from the .gitignore's folder (a leading `/`
 *   only anchors);
 * - a trailing `/` matches folders only;
 * - `**` as a whole segment crosses folders (`**\/x`, `a/**`, `a/**\/b`);
 *   elsewhere it is a `*`, which never crosses a `/`;
 * - a file inside an ignored folder is ignored whatever later patterns say;
 * - a deeper .gitignore's patterns win over a shallower one's.
 *
 * Matching is case-sensitive, as git's default `core.ignoreCase=false`.
 */

/** One pattern line, after git's line rules (comments, trailing spaces, the leading `!`). */
export interface GitignoreLine {
  /** The pattern as written, backslash escapes kept: wildmatch reads them. */
  source: string;
  negated: boolean;
}

export interface CompiledPattern {
  negated: boolean;
  /** Written with a trailing `/`: matches folders only. */
  directoryOnly: boolean;
  /** Holds a `/` before its end: matched against the whole path rather than the last name. */
  anchored: boolean;
  /** Null for a pattern git never matches (a trailing lone backslash, an unclosed `[`). */
  regex: RegExp | null;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

const escapeChar = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);

/** A bracket expression starting at `glob[start] === '['`: its regex and where it ends, or undefined when unclosed. */
function bracket(glob: string, start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < glob.length) {
    const ch = glob[i]!;
    if (ch === ']' && !first) return { regex: `[${negate ? '^' : ''}${body}${negate ? '/' : ''}]`, end: i + 1 };
    first = false;
    if (ch === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      const name = close > 0 ? glob.slice(i + 2, close) : '';
      if (name in POSIX_CLASSES) {
        body += POSIX_CLASSES[name];
        i = close + 2;
        continue;
      }
    }
    let literal = ch;
    if (ch === '\\') {
      i++;
      if (i >= glob.length) return undefined;
      literal = glob[i]!;
    }
    if (glob[i + 1] === '-' && glob[i + 2] !== undefined && glob[i + 2] !== ']') {
      let to = glob[i + 2]!;
      let next = i + 3;
      if (to === '\\' && glob[i + 3] !== undefined) {
        to = glob[i + 3]!;
        next = i + 4;
      }
      body += `${escapeChar(literal)}-${escapeChar(to)}`;
      i = next;
      continue;
    }
    body += escapeChar(literal);
    i++;
  }
  return undefined;
}

/** A wildmatch pattern (with `WM_PATHNAME`) as the body of a regular expression, or null when invalid. */
export function wildmatchSource(glob: string): string | null {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      let end = i;
      while (glob[end + 1] === '*') end++;
      const segmentStart = i === 0 || glob[i - 1] === '/';
      const segmentEnd = end + 1 === glob.length || glob[end + 1] === '/';
      if (end > i && segmentStart && segmentEnd) {
        if (end + 1 === glob.length) {
          // `a/**`: everything inside; `**` alone: everything.
          out += i === 0 ? '.*' : '.+';
        } else {
          // `**/`: zero or more folders.
          out += '(?:.*/)?';
          end++;
        }
      } else {
        out += '[^/]*';
      }
      i = end;
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      // wildmatch gives up on an unclosed bracket: the pattern never matches.
      const parsed = bracket(glob, i);
      if (!parsed) return null;
      out += parsed.regex;
      i = parsed.end - 1;
    } else if (ch === '\\') {
      if (i + 1 >= glob.length) return null;
      out += escapeChar(glob[++i]!);
    } else {
      out += escapeChar(ch);
    }
  }
  return out;
}

export function compilePattern({ source, negated }: GitignoreLine): CompiledPattern {
  let glob = source;
  const directoryOnly = glob.endsWith('/') && !glob.endsWith('\\/');
  if (directoryOnly) glob = glob.replace(/\/+$/, '');
  const anchored = glob.includes('/');
  if (glob.startsWith('/')) glob = glob.slice(1);
  const body = glob === '' ? null : wildmatchSource(glob);
  let regex: RegExp | null = null;
  if (body !== null) {
    try {
      regex = new RegExp(`^${body}$`, 's');
    } catch {
      regex = null;
    }
  }
  return { negated, directoryOnly, anchored, regex };
}

/** Whether one pattern matches a path relative to its .gitignore's folder. */
export function patternMatches(pattern: CompiledPattern, path: string, isDirectory: boolean): boolean {
  if (!pattern.regex || (pattern.directoryOnly && !isDirectory)) return false;
  return pattern.regex.test(pattern.anchored ? path : path.slice(path.lastIndexOf('/') + 1));
}

/** The patterns of one .gitignore. */
export class GitignoreRules {
  readonly patterns: readonly CompiledPattern[];

  constructor(lines: readonly GitignoreLine[]) {
    this.patterns = lines.map(compilePattern);
  }

  /** The index of the last pattern matching `path` (relative to the .gitignore's folder), or -1. */
  lastMatch(path: string, isDirectory: boolean): number {
    for (let i = this.patterns.length - 1; i >= 0; i--) {
      if (patternMatches(this.patterns[i]!, path, isDirectory)) return i;
    }
    return -1;
  }
}

/** One .gitignore in effect: its folder relative to the first layer's (`''` for that one) and its patterns. */
export interface IgnoreLayer {
  base: string;
  rules: GitignoreRules;
}

export interface IgnoreDecision {
  ignored: boolean;
  /** The layer (index in the list) and pattern that decided; absent when no pattern matched. */
  layer?: number;
  pattern?: number;
  /** The path whose match decided: the path itself, or the ignored folder it is in. */
  decidedAt?: string;
}

/** The decision for one path on its own, ignoring its folders: the deepest layer with a match wins. */
export function decideEntry(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): IgnoreDecision {
  for (let layer = layers.length - 1; layer >= 0; layer--) {
    const { base, rules } = layers[layer]!;
    if (base !== '' && !path.startsWith(`${base}/`)) continue;
    const relative = base === '' ? path : path.slice(base.length + 1);
    const pattern = rules.lastMatch(relative, isDirectory);
    if (pattern >= 0) return { ignored: !rules.patterns[pattern]!.negated, layer, pattern, decidedAt: path };
  }
  return { ignored: false };
}

/**
 * Whether git ignores `path`: its folders are checked from the top, and the
 * first ignored one ignores everything inside it (no later `!` can re-include
 * a file there); otherwise the path's own decision stands.
 */
export function ignoreDecision(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): IgnoreDecision {
  for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
    const folder = decideEntry(layers, path.slice(0, slash), true);
    if (folder.ignored) return folder;
  }
  return decideEntry(layers, path, isDirectory);
}
