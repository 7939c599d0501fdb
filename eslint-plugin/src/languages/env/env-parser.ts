import type { Comment, Range } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type { EnvEntry, EnvFile } from './env-node.js';

/**
 * dotenv's own line grammar (dotenv 16+): optional `export`, a key of word
 * characters, dots and dashes, `=` (or `: `), then a quoted value that may span
 * lines, or an unquoted value that ends at `#` or the line's end. Lines that
 * match nothing are skipped, as dotenv skips them, so a half-typed file still
 * yields its other entries.
 */
const LINE =
  /^[ \t]*(export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*|:[ \t]+)('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`(?:\\`|[^`])*`|[^#\r\n]*)?[ \t]*(#[^\r\n]*)?[ \t]*$/gm;
const COMMENT_LINE = /^[ \t]*(#[^\r\n]*)$/gm;

export function parseEnv(text: string): ParsedTree<EnvFile> {
  const lines = new LineIndex(text);
  const root: EnvFile = { type: 'EnvFile', range: [0, text.length], loc: lines.loc([0, text.length]), children: [] };
  const comments: Comment[] = [];
  const covered: Range[] = [];

  const comment = (start: number, raw: string): void => {
    const range: Range = [start, start + raw.length];
    comments.push({ type: 'Comment', value: raw.slice(1), range, loc: lines.loc(range) });
  };

  for (const match of text.matchAll(LINE)) {
    const [whole, exported, key, rawValue = '', trailing] = match;
    const start = match.index;
    const keyStart = start + whole.indexOf(key!, exported ? whole.indexOf(exported) + exported.length : 0);
    const keyRange: Range = [keyStart, keyStart + key!.length];
    const valueText = rawValue.replace(/[ \t]+$/, '');
    const valueStart = valueText
      ? start + whole.indexOf(valueText, keyRange[1] - start)
      : keyRange[1] + (/^[ \t]*[=:][ \t]*/.exec(whole.slice(keyRange[1] - start))?.[0].length ?? 0);
    const valueRange: Range = [valueStart, valueStart + valueText.length];
    const quote = /^['"`]/.test(valueText) ? (valueText[0] as '"' | "'" | '`') : null;
    const range: Range = [start + whole.search(/\S/), valueRange[1]];
    const entry: EnvEntry = {
      type: 'EnvEntry',
      key: key!,
      keyRange,
      value: readValue(valueText, quote),
      valueRange,
      quote,
      exported: Boolean(exported),
      range,
      loc: lines.loc(range),
      children: [],
    };
    root.children.push(entry);
    covered.push([start, start + whole.length]);
    if (trailing) comment(start + whole.lastIndexOf(trailing), trailing);
  }

  // Comment lines, except inside a multi-line quoted value.
  for (const match of text.matchAll(COMMENT_LINE)) {
    const start = match.index + match[0].indexOf('#');
    if (covered.some(([from, to]) => start >= from && start < to)) continue;
    comment(start, match[1]!);
  }
  comments.sort((a, b) => a.range[0] - b.range[0]);

  linkParents(root);
  return { ast: root, comments };
}

function readValue(raw: string, quote: EnvEntry['quote']): string {
  if (!quote) return raw.trim();
  const inner = raw.slice(1, -1);
  return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : inner;
}
