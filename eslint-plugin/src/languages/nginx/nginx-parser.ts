import type { Comment, Range } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type { NginxArgument, NginxConfig, NginxDirective } from './nginx-node.js';

type Token =
  | { kind: 'word'; value: string; quoted: boolean; range: Range }
  | { kind: ';' | '{' | '}'; range: Range };

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

/**
 * nginx's own tokenizer rules: `#` starts a comment only where a token could
 * start, quotes group words and allow `\` escapes, and `;`, `{`, `}` end a word.
 * An unterminated quote runs to the end of the file instead of failing.
 */
function tokenize(text: string, lines: LineIndex, comments: Comment[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      i++;
    } else if (ch === '#') {
      let end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
      if (text[end - 1] === '\r') end--;
      const range: Range = [i, end];
      comments.push({ type: 'Comment', value: text.slice(i + 1, end), range, loc: lines.loc(range) });
      i = end;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ kind: ch, range: [i, i + 1] });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = i;
      let value = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          value += next === ch || next === '\\' ? next : `\\${next}`;
          i += 2;
        } else {
          value += text[i]!;
          i++;
        }
      }
      i = Math.min(i + 1, text.length);
      tokens.push({ kind: 'word', value, quoted: true, range: [start, i] });
    } else {
      const start = i;
      let value = '';
      while (i < text.length) {
        const c = text[i]!;
        if (isSpace(c) || c === ';' || c === '{' || c === '}') {
          // `${var}` keeps its braces inside a word.
          if (c === '{' && text[i - 1] === '$') {
            const close = text.indexOf('}', i);
            if (close !== -1) {
              value += text.slice(i, close + 1);
              i = close + 1;
              continue;
            }
          }
          break;
        }
        if (c === '\\' && i + 1 < text.length) {
          value += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      tokens.push({ kind: 'word', value, quoted: false, range: [start, i] });
    }
  }
  return tokens;
}

/**
 * Builds the directive tree. It never fails: a missing `;` ends the directive
 * at the next `{`, `}` or end of file, a stray `}` is skipped, and an unclosed
 * block closes at the end of the file, so half-typed configs still get linted.
 */
export function parseNginx(text: string): ParsedTree<NginxConfig> {
  const lines = new LineIndex(text);
  const comments: Comment[] = [];
  const tokens = tokenize(text, lines, comments);
  const root: NginxConfig = { type: 'Config', range: [0, text.length], loc: lines.loc([0, text.length]), children: [] };
  const blocks: NginxDirective[][] = [root.children];
  const open: NginxDirective[] = [];
  let current: NginxDirective | undefined;

  const finish = (directive: NginxDirective, end: number): void => {
    directive.range[1] = end;
    directive.loc = lines.loc(directive.range);
  };

  for (const token of tokens) {
    if (token.kind === 'word') {
      if (!current) {
        current = {
          type: 'Directive',
          name: token.value,
          args: [],
          block: null,
          range: [token.range[0], token.range[1]],
          loc: lines.loc(token.range),
          children: [],
        };
        blocks[blocks.length - 1]!.push(current);
      } else {
        const argument: NginxArgument = {
          type: 'Argument',
          value: token.value,
          quoted: token.quoted,
          range: token.range,
          loc: lines.loc(token.range),
          children: [],
        };
        current.args.push(argument);
        current.children.push(argument);
        finish(current, token.range[1]);
      }
    } else if (token.kind === ';') {
      if (current) finish(current, token.range[1]);
      current = undefined;
    } else if (token.kind === '{') {
      if (current) {
        current.block = [];
        open.push(current);
        blocks.push(current.block);
        finish(current, token.range[1]);
      }
      current = undefined;
    } else {
      current = undefined;
      const closed = open.pop();
      if (closed) {
        blocks.pop();
        closed.children.push(...(closed.block ?? []));
        finish(closed, token.range[1]);
      }
    }
  }
  while (open.length > 0) {
    const closed = open.pop()!;
    blocks.pop();
    closed.children.push(...(closed.block ?? []));
    finish(closed, text.length);
  }

  linkParents(root);
  return { ast: root, comments };
}
