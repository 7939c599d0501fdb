import type { SourceCode } from 'eslint';
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * How to write an `eslint-disable-next-line` comment in each language, and the
 * edit that disables one rule on one line.
 */

export interface CommentSyntax {
  start: string;
  /** For block comments (`{/* … *\/}` in JSX text). */
  end?: string;
}

const LINE_SLASHES: CommentSyntax = { start: '//' };
const HASH: CommentSyntax = { start: '#' };
const JSX_BLOCK: CommentSyntax = { start: '{/*', end: '*/}' };

/**
 * Keyed by the language that parsed the file: the `languageId` of the plugin's
 * SourceCode, or `javascript` for ESLint's own (JS/TS/JSX/TSX) SourceCode.
 */
const BY_PARSED_LANGUAGE: Record<string, CommentSyntax> = {
  javascript: LINE_SLASHES,
  python: HASH,
  dockerfile: HASH,
  nginx: HASH,
  yaml: HASH,
  env: HASH,
  redis: HASH,
  gitignore: HASH,
};

/** By VS Code language id, for when the parsed language is not known. */
const BY_LANGUAGE_ID: Record<string, CommentSyntax> = {
  javascript: LINE_SLASHES,
  javascriptreact: LINE_SLASHES,
  typescript: LINE_SLASHES,
  typescriptreact: LINE_SLASHES,
  python: HASH,
  dockerfile: HASH,
  nginx: HASH,
  yaml: HASH,
  dockercompose: HASH,
  dotenv: HASH,
  ignore: HASH,
};

/** Marks where a `-- reason` goes in a disable comment; the client replaces it with what the user types. */
export const REASON_PLACEHOLDER = '${reason}';

interface AstNode {
  type: string;
  range?: [number, number];
  parent?: AstNode | null;
}

/** The language that parsed the file, as a key of the table above. */
function parsedLanguage(sourceCode: SourceCode | undefined): string | undefined {
  if (!sourceCode) return undefined;
  const own = (sourceCode as unknown as { languageId?: unknown }).languageId;
  if (typeof own === 'string') return own;
  return (sourceCode.ast as { type?: string } | undefined)?.type === 'Program' ? 'javascript' : undefined;
}

/**
 * True when a comment line inserted before `offset` (the first non-blank
 * character of a line) would sit among JSX children, where `//` is text:
 * `<div>⏎  <a/>`, before a closing tag, or inside JSX text. The node that
 * encloses the insertion point decides, so a line inside a tag's attributes or
 * in a JS expression within JSX (`{items.map((i) => (⏎ <li/>))}`) keeps `//`.
 */
function inJsxChildren(sourceCode: SourceCode, offset: number): boolean {
  const getNode = (sourceCode as unknown as { getNodeByRangeIndex?: (index: number) => AstNode | null }).getNodeByRangeIndex;
  if (typeof getNode !== 'function') return false;
  let node = getNode.call(sourceCode, offset);
  // Nodes that start at the offset come after the insertion point: climb to the one around it.
  while (node && (node.range?.[0] ?? 0) >= offset) node = node.parent ?? null;
  if (!node) return false;
  if (node.type === 'JSXText') return true;
  if (node.type !== 'JSXElement' && node.type !== 'JSXFragment') return false;
  const element = node as AstNode & Partial<Record<'openingElement' | 'closingElement' | 'openingFragment' | 'closingFragment', AstNode | null>>;
  const opening = element.openingElement ?? element.openingFragment;
  const closing = element.closingElement ?? element.closingFragment;
  return Boolean(opening?.range) && offset >= opening!.range![1] && (!closing?.range || offset <= closing.range[0]);
}

export function commentSyntaxAt(
  sourceCode: SourceCode | undefined,
  languageId: string,
  lineStartOffset: number,
): CommentSyntax | undefined {
  const parsed = parsedLanguage(sourceCode);
  const syntax = (parsed && BY_PARSED_LANGUAGE[parsed]) || BY_LANGUAGE_ID[languageId];
  if (syntax === LINE_SLASHES && sourceCode && inJsxChildren(sourceCode, lineStartOffset)) return JSX_BLOCK;
  return syntax;
}

/** ESLint separates a directive's rule list from its description with ` -- `. */
const DESCRIPTION = /\s-{2,}\s/u;

/**
 * The edit that disables `ruleId` on `line` (0-based): a new comment line above it
 * with the line's indentation, or the rule added to an `eslint-disable-next-line`
 * comment already there (two such comments in a row would disable the second
 * comment's line, not the finding's).
 */
export function disableLineEdit(
  document: TextDocument,
  line: number,
  ruleId: string,
  syntax: CommentSyntax,
  eol: string,
  withReason = false,
): TextEdit {
  const lineText = lineAt(document, line);
  if (line > 0 && !withReason) {
    const previous = lineAt(document, line - 1);
    const extended = extendDirective(previous, ruleId, syntax);
    if (extended !== undefined) {
      const at = { line: line - 1, character: extended };
      return { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(lineText)![0];
  const end = syntax.end ? ` ${syntax.end}` : '';
  const reason = withReason ? REASON_PLACEHOLDER : '';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}${syntax.start} eslint-disable-next-line ${ruleId}${reason}${end}${eol}`,
  };
}

/**
 * Lines that must stay first: a shebang, Python's encoding declaration (line 1
 * or 2 only) and a Dockerfile's parser directives (`# syntax=`, `# escape=`,
 * `# check=`), which BuildKit reads only before any other comment.
 */
const PREAMBLE = /^(?:#!|#.*coding[:=]|#\s*(?:syntax|escape|check)\s*=)/u;

/**
 * The edit that disables `ruleId` for the whole file: `/* eslint-disable rule *\/`
 * in JS and TS, `# eslint-disable rule` elsewhere, at the top after the lines that
 * must stay first, or the rule added to such a comment already there; undefined
 * when that comment lists the rule already.
 */
export function disableFileEdit(
  document: TextDocument,
  ruleId: string,
  syntax: CommentSyntax,
  eol: string,
): TextEdit | undefined {
  const block = syntax.start !== HASH.start;
  let line = 0;
  while (line < document.lineCount - 1 && line < 8 && PREAMBLE.test(lineAt(document, line))) line++;
  const existing = lineAt(document, line);
  const directive = block
    ? /^\/\*\s*eslint-disable(?=\s)([^*]*?)(\s-{2,}\s[^*]*)?\s*\*\/\s*$/u.exec(existing)
    : /^#\s*eslint-disable(?=\s)(.*?)(\s-{2,}\s.*)?$/u.exec(existing);
  const rules = directive?.[1]?.trim() ?? '';
  if (directive && rules !== '') {
    if (rules.split(/\s*,\s*/u).includes(ruleId)) return undefined;
    const at = { line, character: existing.indexOf(rules) + rules.length };
    return { range: { start: at, end: at }, newText: `, ${ruleId}` };
  }
  const comment = block ? `/* eslint-disable ${ruleId} */` : `# eslint-disable ${ruleId}`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${comment}${eol}` };
}

/** Where to append `, <rule>` in a `<start> eslint-disable-next-line a, b [-- why] [end]` line, if it is one. */
function extendDirective(text: string, ruleId: string, syntax: CommentSyntax): number | undefined {
  const indent = /^\s*/.exec(text)![0].length;
  if (!text.startsWith(syntax.start, indent)) return undefined;
  let bodyEnd = text.trimEnd().length;
  if (syntax.end) {
    if (!text.trimEnd().endsWith(syntax.end)) return undefined;
    bodyEnd -= syntax.end.length;
  }
  const bodyStart = indent + syntax.start.length;
  const body = text.slice(bodyStart, bodyEnd);
  const directive = /^\s*eslint-disable-next-line(?=\s|$)/u.exec(body);
  if (!directive) return undefined;
  const description = DESCRIPTION.exec(body);
  const rulesEnd = description ? description.index : body.trimEnd().length;
  const rules = body.slice(directive[0].length, rulesEnd).trim();
  // No rules: it disables every rule already. Listed already: nothing to add.
  if (rules === '' || rules.split(/\s*,\s*/u).includes(ruleId)) return undefined;
  return bodyStart + body.slice(0, rulesEnd).trimEnd().length;
}

/** The document's line ending, from its first line break. */
export function lineEnding(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

function lineAt(document: TextDocument, line: number): string {
  return document
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$|\r$/u, '');
}
