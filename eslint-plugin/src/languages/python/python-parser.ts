import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { Comment, SourceLocation } from '../shared/tree.js';
import { LineIndex } from '../shared/tree.js';
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
 * A converted node. `loc` is computed on first use: rules read it only for the
 * few nodes they report, and a 2,000-line file has some 20,000 nodes.
 */
class ConvertedNode implements PythonNode {
  children: PythonNode[] = [];
  #loc: SourceLocation | undefined;

  constructor(
    readonly type: string,
    readonly range: [number, number],
    readonly field: string | null,
    private readonly lines: LineIndex,
    readonly parent: PythonNode | undefined,
  ) {}

  get loc(): SourceLocation {
    this.#loc ??= this.lines.loc(this.range);
    return this.#loc;
  }

  /** Without `parent` and the line table, so a tree prints without cycles. */
  toJSON(): object {
    return { type: this.type, range: this.range, field: this.field, children: this.children };
  }
}

/**
 * Converts tree-sitter's tree into plain nodes in one cursor walk. Named nodes
 * are kept; anonymous tokens only where a field names them (`operator` of a
 * binary operator), since rules need `+` versus `%` but not every comma.
 * Zero-width nodes (the parser's MISSING tokens) are dropped.
 * Every cursor getter crosses into WASM, so each node reads its type and field
 * ids once and resolves names and named-ness from tables built per grammar.
 */
export function parsePython(text: string): ParsedTree<PythonNode> {
  if (!parser?.language) throw new Error('the Python grammar is not loaded (initPythonParser was not awaited)');
  const { types, fields } = grammarTables(parser.language);
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const lines = new LineIndex(text);
  const comments: Comment[] = [];
  try {
    const cursor = tree.walk();
    const root = new ConvertedNode('module', [0, text.length], null, lines, undefined);
    // The stack holds the converted parent of the cursor's node.
    const stack: PythonNode[] = [root];
    let descend = cursor.gotoFirstChild();
    for (;;) {
      if (descend) {
        const typeId = cursor.nodeTypeId;
        const type = types.names[typeId] ?? 'ERROR';
        const field = fields[cursor.currentFieldId] ?? null;
        if (type === 'comment') {
          const range: [number, number] = [cursor.startIndex, cursor.endIndex];
          comments.push({ type: 'Comment', value: text.slice(range[0] + 1, range[1]), range, loc: lines.loc(range) });
        } else if ((types.named[typeId] ?? true) || field) {
          const start = cursor.startIndex;
          const end = cursor.endIndex;
          if (end > start) {
            const parent = stack[stack.length - 1]!;
            const node = new ConvertedNode(type, [start, end], field, lines, parent);
            parent.children.push(node);
            if (cursor.gotoFirstChild()) {
              stack.push(node);
              continue;
            }
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
    return { ast: root, comments };
  } finally {
    tree.delete();
  }
}

interface GrammarTables {
  types: { names: string[]; named: boolean[] };
  fields: (string | null)[];
}

const tablesByGrammar = new WeakMap<Language, GrammarTables>();

function grammarTables(language: Language): GrammarTables {
  let tables = tablesByGrammar.get(language);
  if (!tables) {
    const names: string[] = [];
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      names.push(language.nodeTypeForId(id) ?? 'ERROR');
      named.push(language.nodeTypeIsNamed(id));
    }
    tables = { types: { names, named }, fields: language.fields };
    tablesByGrammar.set(language, tables);
  }
  return tables;
}
