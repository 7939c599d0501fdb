import type { Comment, Range } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type { RedisArgument, RedisConfig, RedisDirective } from './redis-node.js';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07', '"': '"', "'": "'", '\\': '\\' };

/**
 * redis.conf as Redis reads it (sdssplitargs): one directive per line, words
 * split on spaces, "double" quotes with escapes and 'single' quotes; a line
 * whose first non-blank character is `#` is a comment. An unterminated quote
 * ends at the line's end instead of failing.
 */
export function parseRedisConfig(text: string): ParsedTree<RedisConfig> {
  const lines = new LineIndex(text);
  const root: RedisConfig = { type: 'RedisConfig', range: [0, text.length], loc: lines.loc([0, text.length]), children: [] };
  const comments: Comment[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const line = match[0];
    const start = match.index;
    const first = line.search(/\S/);
    if (first === -1) continue;
    if (line[first] === '#') {
      const range: Range = [start + first, start + line.length];
      comments.push({ type: 'Comment', value: line.slice(first + 1), range, loc: lines.loc(range) });
      continue;
    }
    const words = splitArgs(line).map(({ value, quoted, from, to }): RedisArgument => {
      const range: Range = [start + from, start + to];
      return { type: 'Argument', value, quoted, range, loc: lines.loc(range), children: [] };
    });
    const [name, ...args] = words;
    if (!name) continue;
    const range: Range = [name.range[0], (args.at(-1) ?? name).range[1]];
    const directive: RedisDirective = {
      type: 'RedisDirective',
      name: name.value.toLowerCase(),
      args,
      range,
      loc: lines.loc(range),
      children: args,
    };
    root.children.push(directive);
  }
  linkParents(root);
  return { ast: root, comments };
}

function splitArgs(line: string): { value: string; quoted: boolean; from: number; to: number }[] {
  const words: { value: string; quoted: boolean; from: number; to: number }[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const from = i;
    const quote = line[i] === '"' || line[i] === "'" ? line[i] : undefined;
    let value = '';
    if (quote) {
      i++;
      while (i < line.length && line[i] !== quote) {
        if (line[i] === '\\' && i + 1 < line.length) {
          const next = line[i + 1]!;
          value += quote === '"' ? (ESCAPES[next] ?? next) : next === "'" ? "'" : `\\${next}`;
          i += 2;
        } else {
          value += line[i++];
        }
      }
      i = Math.min(i + 1, line.length);
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) value += line[i++];
    }
    words.push({ value, quoted: Boolean(quote), from, to: i });
  }
  return words;
}
