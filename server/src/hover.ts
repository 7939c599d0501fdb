import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { Finding } from './diagnostics.js';

/**
 * The hover on a finding: what is wrong (the message), why (the guide sections
 * the rule enforces, its CWE), how to fix it, and a link to the rule's page.
 * Several findings under the cursor are listed one after another.
 */
export function hoverFor(findings: readonly Finding[], position: Position): Hover | null {
  const under = findings.filter((finding) => finding.ruleId && contains(finding.diagnostic.range, position));
  if (under.length === 0) return null;
  const sections = under.map(describe);
  const range = under.length === 1 ? under[0]!.diagnostic.range : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

function describe(finding: Finding): string {
  const { docs } = finding;
  const { message } = finding.diagnostic;
  const lines = [`**${escape(typeof message === 'string' ? message : message.value)}** \`${finding.ruleId}\``];
  if (docs?.description) lines.push('', escape(docs.description));
  if (docs?.guide && docs.guide.length > 0) {
    const cwe = docs.cwe && docs.cwe.length > 0 ? ` (${docs.cwe.join(', ')})` : '';
    lines.push('', `**Why:** ${docs.guide.map(escape).join('; ')}${cwe}`);
  }
  if (docs?.howToFix) lines.push('', `**How to fix:** ${docs.howToFix}`);
  if (docs?.url) lines.push('', `[Rule documentation](${docs.url})`);
  return lines.join('\n');
}

/** Inclusive of both ends, so the cursor right after a finding still shows it; an empty range is the whole line's start. */
function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character && !(start.line === end.line && start.character === end.character)) return false;
  return true;
}

/** Messages are plain text: keep Markdown from reading `*`, `_` or `<` in them. */
function escape(text: string): string {
  return text.replace(/[\\*_{}[\]<>#|]/gu, '\\$&');
}
