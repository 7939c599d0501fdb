import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Edit, Language, Parser, type Tree } from 'web-tree-sitter';
import type { Comment } from '../shared/tree.js';
import { LineIndex } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type { PythonNode } from './python-node.js';
import { convertTree, type ConvertedNode, type Reusable } from './python-tree-conversion.js';

let parser: Parser | undefined;

/**
 * The WASM files sit next to a bundled build (the language server copies them
 * there) and in node_modules for the published plugin.
 */
function locateWasm(fileName: string, packageSpecifier: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, fileName);
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(packageSpecifier);
}

/**
 * ESLint's `Language.parse` is synchronous and tree-sitter loads its grammar
 * asynchronously, so the plugin awaits this once when it is imported.
 */
export async function initPythonParser(): Promise<void> {
  if (parser) return;
  const runtimeWasm = locateWasm('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
  await Parser.init({ locateFile: () => runtimeWasm });
  const grammar = await Language.load(
    readFileSync(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm')),
  );
  parser = new Parser();
  parser.setLanguage(grammar);
}

interface PreviousParse {
  text: string;
  lines: LineIndex;
  tree: Tree;
  root: ConvertedNode;
  comments: Comment[];
  errorFree: Set<ConvertedNode>;
}

/**
 * The last parse of each recently linted file. An editor re-lints the same file
 * on every keystroke: tree-sitter re-parses only around the edit, and unchanged
 * top-level statements are copied rather than read again from WASM.
 */
const recentParses = new Map<string, PreviousParse>();
const MAX_RECENT_PARSES = 8;

function remember(path: string, parse: PreviousParse): void {
  const previous = recentParses.get(path);
  recentParses.delete(path);
  if (previous && previous.tree !== parse.tree) previous.tree.delete();
  recentParses.set(path, parse);
  if (recentParses.size > MAX_RECENT_PARSES) {
    const [oldestPath, oldest] = recentParses.entries().next().value!;
    recentParses.delete(oldestPath);
    oldest.tree.delete();
  }
}

/** The single changed span between two texts: common prefix and suffix. */
function changedSpan(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < limit - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

function point(lines: LineIndex, offset: number): { row: number; column: number } {
  const { line, column } = lines.position(offset);
  return { row: line - 1, column };
}

/** Parses `text`; with a `path`, reuses that file's previous parse where the text is unchanged. */
export function parsePython(text: string, path?: string): ParsedTree<PythonNode> {
  if (!parser) throw new Error('the Python grammar is not loaded (initPythonParser was not awaited)');
  const previous = path === undefined ? undefined : recentParses.get(path);
  if (previous && previous.text === text) return { ast: previous.root, comments: previous.comments };

  const lines = new LineIndex(text);
  let tree: Tree | null = null;
  let reuse: (start: number, end: number, type: string) => Reusable | undefined = () => undefined;
  if (previous) {
    const span = changedSpan(previous.text, text);
    previous.tree.edit(
      new Edit({
        startIndex: span.start,
        oldEndIndex: span.oldEnd,
        newEndIndex: span.newEnd,
        startPosition: point(previous.lines, span.start),
        oldEndPosition: point(previous.lines, span.oldEnd),
        newEndPosition: point(lines, span.newEnd),
      }),
    );
    tree = parser.parse(text, previous.tree);
    // Error recovery may differ between an incremental and a fresh parse: a tree
    // with errors is parsed afresh and converted whole, so the editor reports
    // exactly what the CLI does.
    if (tree?.rootNode.hasError) {
      tree.delete();
      tree = null;
    } else {
      reuse = reusableStatements(previous, span);
    }
  }
  tree ??= parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const { root, comments, reused, errorFree } = convertTree(tree, text, lines, reuse);
  if (previous) comments.push(...commentsInside(previous.comments, reused, lines));
  comments.sort((a, b) => a.range[0] - b.range[0]);
  if (path === undefined) tree.delete();
  else remember(path, { text, lines, tree, root, comments, errorFree });
  return { ast: root, comments };
}

/**
 * Finds, for a statement of the new tree, the same statement in the previous
 * parse. Python's indentation scanner looks at the line after a statement, so a
 * statement is reused only when its neighbour on the changed side is also
 * untouched, and only when it had no syntax errors.
 */
function reusableStatements(
  previous: PreviousParse,
  span: { start: number; oldEnd: number; newEnd: number },
): (start: number, end: number, type: string) => Reusable | undefined {
  const statements = previous.root.children;
  const indexByStart = new Map(statements.map((node, index) => [node.range[0], index]));
  const shift = span.newEnd - span.oldEnd;
  return (start, end, type) => {
    const before = end < span.start;
    const oldStart = before ? start : start > span.newEnd ? start - shift : undefined;
    if (oldStart === undefined) return undefined;
    const index = indexByStart.get(oldStart);
    if (index === undefined) return undefined;
    const node = statements[index]!;
    if (node.type !== type || node.range[1] - node.range[0] !== end - start || !previous.errorFree.has(node)) {
      return undefined;
    }
    const neighbour = before ? statements[index + 1] : statements[index - 1];
    const neighbourUntouched = before
      ? neighbour !== undefined && neighbour.range[1] < span.start
      : neighbour !== undefined && neighbour.range[0] > span.oldEnd;
    return neighbourUntouched ? { node, shift: start - oldStart } : undefined;
  };
}

/** The previous parse's comments that sit inside reused statements, moved with them. */
function commentsInside(previous: Comment[], reused: Reusable[], lines: LineIndex): Comment[] {
  const moved: Comment[] = [];
  const spans = reused.map(({ node, shift }) => ({ start: node.range[0], end: node.range[1], shift }));
  spans.sort((a, b) => a.start - b.start);
  let index = 0;
  for (const comment of previous) {
    while (index < spans.length && spans[index]!.end <= comment.range[0]) index++;
    const span = spans[index];
    if (!span || comment.range[0] < span.start || comment.range[1] > span.end) continue;
    const range: [number, number] = [comment.range[0] + span.shift, comment.range[1] + span.shift];
    moved.push({ type: 'Comment', value: comment.value, range, loc: lines.loc(range) });
  }
  return moved;
}
