import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { Comment } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type { PythonNode } from './python-node.js';

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

/**
 * Converts tree-sitter's tree into plain nodes in one cursor walk. Named nodes
 * are kept; anonymous tokens only where a field names them (`operator` of a
 * binary operator), since rules need `+` versus `%` but not every comma.
 */
export function parsePython(text: string): ParsedTree<PythonNode> {
  if (!parser) throw new Error('the Python grammar is not loaded (initPythonParser was not awaited)');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const lines = new LineIndex(text);
  const comments: Comment[] = [];
  try {
    const cursor = tree.walk();
    const root: PythonNode = {
      type: 'module',
      range: [0, text.length],
      loc: lines.loc([0, text.length]),
      children: [],
      field: null,
    };
    const stack: PythonNode[] = [root];
    // The stack holds the converted parent of the cursor's node.
    let descend = cursor.gotoFirstChild();
    for (;;) {
      if (descend) {
        const parent = stack[stack.length - 1]!;
        const type = cursor.nodeType;
        const range: [number, number] = [cursor.startIndex, cursor.endIndex];
        const field = cursor.currentFieldName;
        if (type === 'comment') {
          comments.push({ type: 'Comment', value: text.slice(range[0] + 1, range[1]), range, loc: lines.loc(range) });
        } else if ((cursor.nodeIsNamed || field) && !cursor.nodeIsMissing) {
          const node: PythonNode = { type, range, loc: lines.loc(range), children: [], field };
          parent.children.push(node);
          if (cursor.gotoFirstChild()) {
            stack.push(node);
            continue;
          }
        }
      }
      if (cursor.gotoNextSibling()) {
        descend = true;
      } else if (cursor.gotoParent()) {
        stack.pop();
        descend = false;
      } else {
        break;
      }
    }
    cursor.delete();
    linkParents(root);
    return { ast: root, comments };
  } finally {
    tree.delete();
  }
}
