/**
 * The node shape shared by the plugin's non-JS languages: enough for ESLint's
 * traversal, `report({ loc })` and fixes by range, and nothing tied to one parser.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 0-based column, in UTF-16 code units (as ESLint's JS language). */
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

export type Range = [number, number];

export interface TreeNode {
  type: string;
  range: Range;
  loc: SourceLocation;
  children: TreeNode[];
}

export interface Comment {
  type: 'Comment';
  /** The comment's text after the comment marker. */
  value: string;
  range: Range;
  loc: SourceLocation;
}

/** Maps offsets to line/column without re-scanning the text for every node. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.#starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.#starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! };
  }

  loc(range: Range): SourceLocation {
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }

  /** Offset of the first character of a 1-based line (the text length past the end). */
  lineStart(line: number): number | undefined {
    return this.#starts[line - 1];
  }

  get lineCount(): number {
    return this.#starts.length;
  }
}

/**
 * Gives every node a non-enumerable `parent`, so rules can walk up the tree
 * while the tree stays printable and comparable (no cycles in enumeration).
 */
export function linkParents(node: TreeNode, parent?: TreeNode): void {
  if (parent) Object.defineProperty(node, 'parent', { value: parent, enumerable: false, writable: true });
  for (const child of node.children) linkParents(child, node);
}

export function parentOf<T extends TreeNode>(node: TreeNode): T | undefined {
  return (node as TreeNode & { parent?: T }).parent;
}
