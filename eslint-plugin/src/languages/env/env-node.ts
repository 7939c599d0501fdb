import type { Range, TreeNode } from '../shared/tree.js';

export interface EnvFile extends TreeNode {
  type: 'EnvFile';
  children: EnvEntry[];
}

/** One `KEY=value` (or `export KEY=value`, `KEY: value`) assignment. */
export interface EnvEntry extends TreeNode {
  type: 'EnvEntry';
  key: string;
  keyRange: Range;
  /** The value as dotenv reads it: quotes removed, `\n` expanded in double quotes, unquoted values trimmed. */
  value: string;
  /** The value as written, quotes included; an empty range right after `=` for `KEY=`. */
  valueRange: Range;
  quote: '"' | "'" | '`' | null;
  exported: boolean;
  children: [];
}
