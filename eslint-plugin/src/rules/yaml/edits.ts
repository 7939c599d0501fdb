import type { TSESLint } from '@typescript-eslint/utils';
import type { YamlMap, YamlPair } from '../../languages/yaml/yaml-node.js';

/**
 * Text edits that keep a YAML file as written: lines are inserted at the
 * indentation of their siblings and values replaced in place, nothing is
 * re-serialized. Shared by the YAML rules (Kubernetes and Compose).
 */

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The line break used where a line ends (or, at the end of the file, by the line before). */
export function lineBreakAt(text: string, end: number): string {
  const at = end < text.length ? end : text.lastIndexOf('\n', end - 1) - 1;
  return text[at] === '\r' ? '\r\n' : '\n';
}

/** Where the line holding `offset` ends (before its line break), after any trailing comment. */
export function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** `lines` (relative indentation as written) inserted below the last line of `anchorEnd`, at `column`. */
export function insertLines(text: string, anchorEnd: number, column: number, lines: readonly string[]): TextEdit {
  const indent = ' '.repeat(column);
  const at = lineEnd(text, anchorEnd);
  const eol = lineBreakAt(text, at);
  return { start: at, end: at, text: lines.map((line) => `${eol}${indent}${line}`).join('') };
}

/** Inserts entries at the end of a block map, at the column of its keys; undefined for a flow or empty map. */
export function appendToBlockMap(text: string, map: YamlMap, lines: readonly string[]): TextEdit | undefined {
  const first = map.children[0];
  if (map.flow || !first) return undefined;
  return insertLines(text, map.range[1], first.loc.start.column, lines);
}

/** Inserts entries under `key:` whose value is empty, one indentation step deeper than the key. */
export function insertUnderKey(text: string, pair: YamlPair, step: number, lines: readonly string[]): TextEdit | undefined {
  if (!pair.key) return undefined;
  return insertLines(text, pair.range[1], pair.key.loc.start.column + step, lines);
}

/** All edits as one fix (edits at the same offset keep their order), so a suggestion applies whole. */
export function combinedFix(text: string, edits: readonly TextEdit[]): TSESLint.ReportFixFunction | undefined {
  if (edits.length === 0) return undefined;
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.order - b.order)
    .map(({ edit }) => edit);
  const start = sorted[0]!.start;
  let end = start;
  let replacement = '';
  for (const edit of sorted) {
    if (edit.start < end) return undefined;
    replacement += text.slice(end, edit.start) + edit.text;
    end = edit.end;
  }
  const range: [number, number] = [start, end];
  return (fixer) => fixer.replaceTextRange(range, replacement);
}
