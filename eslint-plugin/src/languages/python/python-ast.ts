import type { PythonNode } from './python-node.js';
import { field } from './python-node.js';

/** Helpers over tree-sitter-python nodes; each takes the file text, since nodes hold ranges only. */

export function nodeText(node: PythonNode, text: string): string {
  return text.slice(node.range[0], node.range[1]);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The prefix letters of a string literal (`f`, `rb`, ...), lower-cased. */
export function stringPrefix(node: PythonNode, text: string): string {
  const start = node.children.find((child) => child.type === 'string_start');
  return start ? nodeText(start, text).replace(/['"]+$/, '').toLowerCase() : '';
}

export function isFString(node: PythonNode, text: string): boolean {
  return node.type === 'string' && stringPrefix(node, text).includes('f');
}

/**
 * The value of a string literal with no interpolation (also implicit
 * concatenation `"a" "b"`), or undefined when any part is computed.
 */
export function stringValue(node: PythonNode | undefined, text: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return node.children.length === 1 ? stringValue(node.children[0], text) : undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.children.map((child) => stringValue(child, text));
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  if (node.children.some((child) => child.type === 'interpolation')) return undefined;
  const raw = stringPrefix(node, text).includes('r');
  let value = '';
  for (const child of node.children) {
    if (child.type !== 'string_content') continue;
    // Escapes sit inside the content as escape_sequence nodes; the text between them is literal.
    let offset = child.range[0];
    for (const escape of child.children) {
      if (escape.type !== 'escape_sequence') continue;
      value += text.slice(offset, escape.range[0]);
      const sequence = nodeText(escape, text);
      value += raw ? sequence : (ESCAPES[sequence.slice(1)] ?? sequence);
      offset = escape.range[1];
    }
    value += text.slice(offset, child.range[1]);
  }
  return value;
}

/** `os.getenv` for `os.getenv(...)`'s function, `name` for an identifier; undefined otherwise. */
export function dottedName(node: PythonNode | undefined, text: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return nodeText(node, text);
  if (node.type === 'attribute') {
    const object = dottedName(field(node, 'object'), text);
    const attribute = field(node, 'attribute');
    return object && attribute ? `${object}.${nodeText(attribute, text)}` : undefined;
  }
  return undefined;
}

/** The dotted name of a call's function, or undefined when it is computed. */
export function calleeName(call: PythonNode, text: string): string | undefined {
  return dottedName(field(call, 'function'), text);
}

export interface CallArguments {
  positional: PythonNode[];
  keywords: Map<string, PythonNode>;
}

/** A call's positional and keyword arguments (splats are skipped: their values are unknown). */
export function callArguments(call: PythonNode, text: string): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map() };
  const list = field(call, 'arguments');
  if (!list || list.type !== 'argument_list') return result;
  for (const argument of list.children) {
    if (argument.type === 'keyword_argument') {
      const name = field(argument, 'name');
      const value = field(argument, 'value');
      if (name && value) result.keywords.set(nodeText(name, text), value);
    } else if (argument.type !== 'list_splat' && argument.type !== 'dictionary_splat') {
      result.positional.push(argument);
    }
  }
  return result;
}
