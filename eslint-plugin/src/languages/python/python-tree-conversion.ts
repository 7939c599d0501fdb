import type { Language, Tree } from 'web-tree-sitter';
import type { Comment, LineIndex, SourceLocation } from '../shared/tree.js';
import type { PythonNode } from './python-node.js';

/**
 * A converted node. `loc` is computed on first use: rules read it only for the
 * few nodes they report, and a 2,000-line file has some 20,000 nodes.
 */
export class ConvertedNode implements PythonNode {
  children: ConvertedNode[] = [];
  #loc: SourceLocation | undefined;

  constructor(
    readonly type: string,
    readonly range: [number, number],
    readonly field: string | null,
    private readonly lines: LineIndex,
    readonly parent: ConvertedNode | undefined,
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

/** A top-level statement of the previous parse that is unchanged, moved by `shift`. */
export interface Reusable {
  node: ConvertedNode;
  shift: number;
}

interface GrammarTables {
  names: string[];
  named: boolean[];
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
    tables = { names, named, fields: language.fields };
    tablesByGrammar.set(language, tables);
  }
  return tables;
}

/** Copies an unchanged statement's subtree at its new offset, without touching WASM. */
function cloneShifted(source: ConvertedNode, shift: number, lines: LineIndex, parent: ConvertedNode): ConvertedNode {
  const copy = (node: ConvertedNode, into: ConvertedNode): ConvertedNode =>
    new ConvertedNode(node.type, [node.range[0] + shift, node.range[1] + shift], node.field, lines, into);
  const top = copy(source, parent);
  const stack: [ConvertedNode, ConvertedNode][] = [[source, top]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    for (const child of from.children) {
      const cloned = copy(child, to);
      to.children.push(cloned);
      if (child.children.length > 0) stack.push([child, cloned]);
    }
  }
  return top;
}

/**
 * Converts tree-sitter's tree into plain nodes in one cursor walk. Named nodes
 * are kept; anonymous tokens only where a field names them (`operator` of a
 * binary operator), since rules need `+` versus `%` but not every comma.
 * Zero-width nodes (the parser's MISSING tokens) are dropped. Every cursor
 * getter crosses into WASM, so each node reads its type and field ids once.
 * `reuse` gives, by new start offset, top-level statements of the previous
 * parse whose text is unchanged: they are copied instead of walked.
 */
export function convertTree(
  tree: Tree,
  text: string,
  lines: LineIndex,
  reuse: (start: number, end: number, type: string) => Reusable | undefined,
): { root: ConvertedNode; comments: Comment[]; reused: Reusable[]; errorFree: Set<ConvertedNode> } {
  const { names, named, fields } = grammarTables(tree.language);
  const root = new ConvertedNode('module', [0, text.length], null, lines, undefined);
  const comments: Comment[] = [];
  const reused: Reusable[] = [];
  // Top-level statements without syntax errors: the only ones safe to reuse later,
  // since error recovery is not guaranteed to repeat itself.
  const errorFree = new Set<ConvertedNode>();
  const cursor = tree.walk();
  try {
    // The stack holds the converted parent of the cursor's node.
    const stack: ConvertedNode[] = [root];
    let descend = cursor.gotoFirstChild();
    for (;;) {
      if (descend) {
        const typeId = cursor.nodeTypeId;
        const type = names[typeId] ?? 'ERROR';
        const field = fields[cursor.currentFieldId] ?? null;
        if (type === 'comment') {
          const range: [number, number] = [cursor.startIndex, cursor.endIndex];
          comments.push({ type: 'Comment', value: text.slice(range[0] + 1, range[1]), range, loc: lines.loc(range) });
        } else if ((named[typeId] ?? true) || field) {
          const start = cursor.startIndex;
          const end = cursor.endIndex;
          const parent = stack[stack.length - 1]!;
          const previous = parent === root && end > start ? reuse(start, end, type) : undefined;
          if (previous) {
            const clone = cloneShifted(previous.node, previous.shift, lines, root);
            parent.children.push(clone);
            errorFree.add(clone);
            reused.push(previous);
          } else if (end > start) {
            const node = new ConvertedNode(type, [start, end], field, lines, parent);
            parent.children.push(node);
            if (parent === root && !cursor.currentNode.hasError) errorFree.add(node);
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
  } finally {
    cursor.delete();
  }
  return { root, comments, reused, errorFree };
}
