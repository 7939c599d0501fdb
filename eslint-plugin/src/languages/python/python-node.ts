import type { TreeNode } from '../shared/tree.js';
import { parentOf } from '../shared/tree.js';

/** A tree-sitter-python node: `type` is the grammar's node type (`call`, `string`, ...). */
export interface PythonNode extends TreeNode {
  /** The field this node fills in its parent (`function`, `arguments`, `left`, ...). */
  field: string | null;
  children: PythonNode[];
}

export function field(node: PythonNode, name: string): PythonNode | undefined {
  return node.children.find((child) => child.field === name);
}

export function parent(node: PythonNode): PythonNode | undefined {
  return parentOf<PythonNode>(node);
}
