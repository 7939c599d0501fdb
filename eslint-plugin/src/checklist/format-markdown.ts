import { cell, code, inline } from './markdown.js';
import { countLine, filesChecked, groupByGuide, outsideLine, type SectionGroup } from './summary.js';
import type { ChecklistReport, ItemResult, ItemStatus } from './types.js';

/** The first line of the comment, so a workflow can find and update its own comment. */
export const MARKDOWN_MARKER = '<!-- hardening-checklist -->';

const BADGES: Record<ItemStatus, string> = {
  fail: '❌ fail',
  pass: '✅ pass',
  'not-applicable': '➖ not applicable',
  'not-checkable': '❔ not checkable',
};

export interface MarkdownOptions {
  /** Findings listed per failing item before "… and N more" (default 10). */
  maxEvidence?: number;
  /**
   * The longest comment, in characters (default 60000; GitHub refuses comments
   * over 65536). Fewer findings per item are listed until the comment fits.
   */
  maxLength?: number;
}

function details(item: ItemResult): string {
  const parts: string[] = [];
  if (item.status === 'fail') {
    const count = item.evidence.length;
    parts.push(`${count} ${count === 1 ? 'finding' : 'findings'}.`);
  }
  if (item.checked.length > 0) parts.push(`Checked ${item.checked.join(', ')}.`);
  if (item.reason) parts.push(item.reason);
  return cell(parts.join(' '));
}

function table(section: SectionGroup): string[] {
  return [
    '| Status | Item | Details |',
    '|---|---|---|',
    ...section.items.map((item) => `| ${BADGES[item.status]} | ${cell(item.item)} | ${details(item)} |`),
  ];
}

function evidence(section: SectionGroup, max: number): string[] {
  const failing = section.items.filter((item) => item.status === 'fail');
  if (failing.length === 0 || max === 0) return [];
  const total = failing.reduce((sum, item) => sum + item.evidence.length, 0);
  const findings = `${total} ${total === 1 ? 'finding' : 'findings'}`;
  const lines = ['', `<details><summary>Evidence: ${failing.length} failing, ${findings}</summary>`];
  for (const item of failing) {
    lines.push('', `**${inline(item.item)}** (${item.rules.map(code).join(', ')})`, '');
    for (const found of item.evidence.slice(0, max)) {
      lines.push(`- ${code(`${found.file}:${found.line}`)} ${code(found.ruleId)}: ${inline(found.message)}`);
    }
    if (item.evidence.length > max) {
      lines.push(`- … and ${item.evidence.length - max} more: run the checklist locally for all of them.`);
    }
  }
  lines.push('', '</details>');
  return lines;
}

/** The checklist as a PR comment: per guide, counts, one table per checklist, evidence folded. */
export function formatMarkdown(report: ChecklistReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? 60000;
  let text = render(report, options.maxEvidence ?? 10);
  for (const max of [5, 3, 1, 0]) {
    if (text.length <= maxLength) break;
    text = render(report, max);
  }
  return text;
}

function render(report: ChecklistReport, max: number): string {
  const lines = [
    MARKDOWN_MARKER,
    '## Hardening security checklist',
    '',
    `${report.items.length} items: ${countLine(report.items, ' · ')} (${filesChecked(report)})`,
  ];
  for (const guide of groupByGuide(report.items)) {
    lines.push('', `### ${guide.title}`, '', countLine(guide.items, ' · '));
    for (const section of guide.sections) {
      lines.push('', `#### ${inline(section.section)}`, '', ...table(section), ...evidence(section, max));
    }
  }
  if (report.unparsedFiles.length > 0) {
    lines.push('', `Could not parse (their findings are missing): ${report.unparsedFiles.map(code).join(', ')}`);
  }
  if (report.outside.length > 0) {
    lines.push('', `Findings outside the checklists: ${inline(outsideLine(report))}.`);
  }
  return `${lines.join('\n')}\n`;
}
