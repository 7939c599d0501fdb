import type { TSESLint } from '@typescript-eslint/utils';
import type { NginxArgument, NginxDirective } from '../../languages/nginx/nginx-node.js';
import type { SourceLocation } from '../../languages/shared/tree.js';

/** The directive's name, where findings about a whole block are reported. */
export function nameLoc(directive: NginxDirective): SourceLocation {
  const { start } = directive.loc;
  return { start, end: { line: start.line, column: start.column + directive.name.length } };
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The indentation of the line holding `offset` when only whitespace precedes it there, else null. */
export function indentAt(text: string, offset: number): string | null {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** The indentation of the directives inside a block: its first child's, or one level (tab or four spaces) in. */
export function innerIndent(text: string, block: NginxDirective): string {
  for (const child of block.block ?? []) {
    const indent = indentAt(text, child.range[0]);
    if (indent !== null) return indent;
  }
  const outer = indentAt(text, block.range[0]) ?? '';
  return outer + (outer.includes('\t') ? '\t' : '    ');
}

/** The offset just after a block's `{`. */
export function afterOpenBrace(text: string, block: NginxDirective): number {
  const last: NginxArgument | undefined = block.args[block.args.length - 1];
  const from = last ? last.range[1] : block.range[0] + block.name.length;
  const brace = text.indexOf('{', from);
  return brace === -1 ? from : brace + 1;
}

/** The end of the line at `offset` when only spaces or a comment follow (new lines go after the comment), else null. */
function endOfLine(text: string, offset: number): number | null {
  const match = /^[ \t]*(?:#[^\r\n]*)?(?=\r?\n|$)/.exec(text.slice(offset));
  return match ? offset + match[0].length : null;
}

export interface Insertion {
  offset: number;
  text: string;
}

/**
 * New directives after `offset` (a directive's end or a block's `{`): each on
 * its own line at `indent`, or on the same line when more code follows there
 * (one-line blocks stay one line).
 */
export function linesAfter(text: string, offset: number, indent: string, lines: readonly string[]): Insertion {
  const end = endOfLine(text, offset);
  if (end === null) return { offset, text: ` ${lines.join(' ')}` };
  const eol = eolOf(text);
  return { offset: end, text: lines.map((line) => `${eol}${indent}${line}`).join('') };
}

export function insert(fixer: TSESLint.RuleFixer, insertion: Insertion): TSESLint.RuleFix {
  return fixer.insertTextAfterRange([insertion.offset, insertion.offset], insertion.text);
}

/** New directives first in a block. */
export function linesAtStart(text: string, block: NginxDirective, lines: readonly string[]): Insertion {
  return linesAfter(text, afterOpenBrace(text, block), innerIndent(text, block), lines);
}

/** New directives after a directive of `block`, at its indentation. */
export function linesAfterDirective(
  text: string,
  block: NginxDirective,
  directive: NginxDirective,
  lines: readonly string[],
): Insertion {
  return linesAfter(text, directive.range[1], indentAt(text, directive.range[0]) ?? innerIndent(text, block), lines);
}

/** New directive lines before a directive, at its indentation (or on its line when it shares one). */
export function linesBefore(text: string, directive: NginxDirective, lines: readonly string[]): Insertion {
  const offset = directive.range[0];
  const indent = indentAt(text, offset);
  const joined = indent === null ? `${lines.join(' ')} ` : lines.map((line) => `${line}${eolOf(text)}${indent}`).join('');
  return { offset, text: joined };
}

/** Re-quotes a value nginx would read back unchanged. */
export function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A directive as text: from the linted file as written, from another file rebuilt from its arguments. */
export function directiveText(directive: NginxDirective, text: string | null): string {
  if (text !== null) return text.slice(directive.range[0], directive.range[1]);
  const args = directive.args.map(({ quoted, value }) =>
    quoted || value === '' || /[\s;{}#"']/.test(value) ? quoteValue(value) : value,
  );
  return `${[directive.name, ...args].join(' ')};`;
}
