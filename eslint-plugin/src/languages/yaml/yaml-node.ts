import type { Range, SourceLocation, TreeNode } from '../shared/tree.js';
import { parentOf } from '../shared/tree.js';

/**
 * The YAML tree, for Kubernetes manifests, compose files and other config:
 *
 * ```
 * YamlStream                      the whole file, range [0, text.length]
 * └─ YamlDocument*                one per document (`---`), parsed on its own
 *    └─ contents?                 YamlMap | YamlSeq | YamlScalar | YamlAlias
 *       YamlMap   → YamlPair*     children = pairs, in source order
 *       YamlPair  → key, value    children = [key, value] (either may be absent)
 *       YamlSeq   → items*        children = items (a flow `[a: 1]` item is a one-pair YamlMap)
 *       YamlScalar, YamlAlias     leaves
 * ```
 *
 * Every node has `type`, `range` (UTF-16 offsets into the whole file), `loc`
 * (1-based line, 0-based column), `children`, and a non-enumerable `parent`.
 * A range ends where the node's value ends: never at a trailing comment or
 * line break (a block scalar ends at its last non-blank content line, a block
 * collection at its last entry). A node's anchor and tag (`&a !!str x`) come
 * before its range, which starts at the value itself.
 */
export interface YamlStream extends TreeNode {
  type: 'YamlStream';
  /** Empty for an empty file, a file of comments only, or binary content. */
  children: YamlDocument[];
}

export interface YamlError {
  /** The `yaml` library's error code (`BAD_INDENT`, `MISSING_CHAR`, ...). */
  code: string;
  message: string;
  range: Range;
  loc: SourceLocation;
}

export interface YamlDocument extends TreeNode {
  type: 'YamlDocument';
  /** 0-based position among the file's documents (empty documents count). */
  index: number;
  /**
   * Syntax errors of this document only. A document with errors still holds
   * every node the parser recovered, and the other documents are unaffected.
   */
  errors: YamlError[];
  /** The root node, or null for an empty document (`---` alone, comments only). */
  contents: YamlContent | null;
  /** Starts at the `---` marker when there is one, else at the contents. */
  children: [] | [YamlContent];
}

/** Anchor and tag, as written before a node (`&base`, `!!str`, `!Ref`). */
interface YamlProperties {
  /** The anchor name without `&`, or null. */
  anchor: string | null;
  /** The resolved tag (`tag:yaml.org,2002:str` for `!!str`, `!Ref` as is), or null when untagged. */
  tag: string | null;
}

export interface YamlMap extends TreeNode, YamlProperties {
  type: 'YamlMap';
  /** Written as `{ ... }` rather than as indented lines. */
  flow: boolean;
  children: YamlPair[];
}

export interface YamlPair extends TreeNode {
  type: 'YamlPair';
  /**
   * The key node. An empty key (`: value`) or value (`key:`) is a YamlScalar
   * whose value is null and whose range is empty, right after the `:`.
   */
  key: YamlContent | null;
  /** Null only when there is no `:` at all (`? key` alone, `{ a }`). */
  value: YamlContent | null;
  /** The key, then the value: rules can report on either. */
  children: YamlContent[];
}

export interface YamlSeq extends TreeNode, YamlProperties {
  type: 'YamlSeq';
  /** Written as `[ ... ]` rather than as `- ` lines. */
  flow: boolean;
  children: YamlContent[];
}

export type YamlScalarStyle = 'plain' | 'quoted' | 'block';

export interface YamlScalar extends TreeNode, YamlProperties {
  type: 'YamlScalar';
  /**
   * The value as YAML 1.2 (core schema) reads it: `true`, `8080`, `null` and
   * `~` are typed, `"8080"` and `yes` are strings (see `booleanValue` for
   * YAML 1.1 booleans). A `%YAML 1.1` document is read with 1.1 rules.
   * Values of other types (`!!binary`, timestamps) are given as their text.
   */
  value: string | number | boolean | null;
  /** The text as written: quotes and escapes kept, a block scalar's `|` header included. */
  source: string;
  /** `plain`, `quoted` (`'...'` or `"..."`) or `block` (`|` or `>`). */
  style: YamlScalarStyle;
  children: [];
}

export interface YamlAlias extends TreeNode {
  type: 'YamlAlias';
  /** The anchor it refers to, without `*`. */
  name: string;
  children: [];
}

/** A node that can be a document's contents, a key, a value or an item. */
export type YamlContent = YamlMap | YamlSeq | YamlScalar | YamlAlias;

export type YamlNode = YamlStream | YamlDocument | YamlPair | YamlContent;

export function yamlParent(node: YamlNode): YamlNode | undefined {
  return parentOf<YamlNode>(node);
}

/** The document a node belongs to (the node itself for a document). */
export function documentOf(node: YamlNode): YamlDocument | undefined {
  let current: YamlNode | undefined = node;
  while (current && current.type !== 'YamlDocument') current = yamlParent(current);
  return current;
}

const aliasTargets = new WeakMap<YamlAlias, YamlContent>();

/** Set by the parser: the node an alias refers to (the last `&name` before it in its document). */
export function linkAlias(alias: YamlAlias, target: YamlContent): void {
  aliasTargets.set(alias, target);
}

/** The anchored node an alias refers to, within the same document; undefined for an unknown anchor. */
export function aliasTarget(alias: YamlAlias): YamlContent | undefined {
  return aliasTargets.get(alias);
}
