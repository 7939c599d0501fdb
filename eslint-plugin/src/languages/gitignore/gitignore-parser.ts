import type { Comment, Range } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type { GitignoreFile, GitignorePattern } from './gitignore-node.js';

/**
 * gitignore's line rules: `#` at the start of a line is a comment (`\#` is a
 * pattern starting with `#`), trailing spaces are dropped unless escaped, `!`
 * negates (`\!` is literal).
 */
export function parseGitignore(text: string): ParsedTree<GitignoreFile> {
  const lines = new LineIndex(text);
  const root: GitignoreFile = { type: 'GitignoreFile', range: [0, text.length], loc: lines.loc([0, text.length]), children: [] };
  const comments: Comment[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const line = match[0];
    const start = match.index;
    if (line.startsWith('#')) {
      const range: Range = [start, start + line.length];
      comments.push({ type: 'Comment', value: line.slice(1), range, loc: lines.loc(range) });
      continue;
    }
    const written = line.replace(/(?<!\\)[ \t]+$/, '');
    if (written === '') continue;
    const negated = written.startsWith('!');
    const pattern = (negated ? written.slice(1) : written).replace(/\\([ #!\\])/g, '$1');
    const range: Range = [start, start + written.length];
    const node: GitignorePattern = { type: 'Pattern', pattern, negated, range, loc: lines.loc(range), children: [] };
    root.children.push(node);
  }
  linkParents(root);
  return { ast: root, comments };
}
