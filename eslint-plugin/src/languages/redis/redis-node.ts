import type { TreeNode } from '../shared/tree.js';

export interface RedisConfig extends TreeNode {
  type: 'RedisConfig';
  children: RedisDirective[];
}

/** One `directive arg ...` line of redis.conf. */
export interface RedisDirective extends TreeNode {
  type: 'RedisDirective';
  /** Lower-cased, as Redis matches directive names. */
  name: string;
  args: RedisArgument[];
  children: RedisArgument[];
}

export interface RedisArgument extends TreeNode {
  type: 'Argument';
  /** Quotes removed and escapes resolved, as Redis reads it. */
  value: string;
  quoted: boolean;
  children: [];
}
