import type { TreeNode } from '../shared/tree.js';

export interface GitignoreFile extends TreeNode {
  type: 'GitignoreFile';
  children: GitignorePattern[];
}

/** One pattern line of a .gitignore. */
export interface GitignorePattern extends TreeNode {
  type: 'Pattern';
  /** The pattern as git reads it: unescaped, trailing spaces and a leading `!` removed. */
  pattern: string;
  /** `!pattern`: re-includes what an earlier pattern ignored. */
  negated: boolean;
  children: [];
}
