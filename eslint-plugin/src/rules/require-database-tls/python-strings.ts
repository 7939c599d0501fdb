import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';

/** Python string literals as text to scan for connection strings; shared with require-redis-tls. */

export interface ScannedString {
  /** The source between the quotes; an f-string's `{…}` become `{___}` of the same length. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  /** The string goes on past its end (`"…/db" + options`, `"…%s" % x`, `"…".format()`, implicit concatenation). */
  openEnd: boolean;
}

function continues(node: PythonNode): boolean {
  const container = parent(node);
  if (container?.type === 'concatenated_string') return container.children.at(-1) !== node;
  if (container?.type === 'binary_operator') return field(container, 'left') === node;
  return container?.type === 'attribute' && field(container, 'object') === node;
}

/** The string's text when it is a value that may hold a URL (`://`) or a key/value connection string (`=`); not docstrings. */
export function scanString(node: PythonNode, source: string): ScannedString | undefined {
  const start = node.children.find((child) => child.type === 'string_start');
  const end = node.children.find((child) => child.type === 'string_end');
  if (!start || !end) return undefined;
  const container = parent(node);
  if (container?.type === 'expression_statement' && container.children.length === 1) return undefined;
  const offset = start.range[1];
  let text = source.slice(offset, end.range[0]);
  if (!text.includes('://') && !text.includes('=')) return undefined;
  for (const interpolation of node.children) {
    if (interpolation.type !== 'interpolation') continue;
    const [from, to] = [interpolation.range[0] - offset, interpolation.range[1] - offset];
    text = `${text.slice(0, from)}{${'_'.repeat(to - from - 2)}}${text.slice(to)}`;
  }
  return { text, offset, openEnd: continues(node) };
}
