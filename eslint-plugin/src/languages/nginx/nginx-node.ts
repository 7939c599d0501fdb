import type { TreeNode } from '../shared/tree.js';

export interface NginxConfig extends TreeNode {
  type: 'Config';
  children: NginxDirective[];
}

export interface NginxDirective extends TreeNode {
  type: 'Directive';
  /** The directive name as written (`ssl_protocols`, `server`, `location`). */
  name: string;
  args: NginxArgument[];
  /** The directives inside `{ ... }`, or null for a simple directive ending in `;`. */
  block: NginxDirective[] | null;
  /** Arguments first, then the block's directives, in source order. */
  children: (NginxArgument | NginxDirective)[];
}

export interface NginxArgument extends TreeNode {
  type: 'Argument';
  /** The value with quotes removed and escapes resolved, as nginx reads it. */
  value: string;
  /** Whether it was written in quotes. */
  quoted: boolean;
  children: [];
}
