import { countLine, filesChecked, groupByGuide, outsideLine } from './summary.js';
import type { ChecklistReport, ItemResult, ItemStatus } from './types.js';

const MARKS: Record<ItemStatus, string> = {
  fail: '✗ fail',
  pass: '✓ pass',
  'not-applicable': '– not applicable',
  'not-checkable': '? not checkable',
};
const WIDTH = Math.max(...Object.values(MARKS).map((mark) => mark.length)) + 2;
const INDENT = ' '.repeat(4 + WIDTH);

function itemLines(item: ItemResult): string[] {
  const lines = [`    ${MARKS[item.status].padEnd(WIDTH)}${item.item}`];
  if (item.checked.length > 0) lines.push(`${INDENT}checked: ${item.checked.join(', ')}`);
  if (item.reason) lines.push(`${INDENT}${item.status === 'pass' || item.status === 'fail' ? 'note: ' : ''}${item.reason}`);
  for (const { file, line, ruleId, message } of item.evidence) {
    lines.push(`${INDENT}${file}:${line}  ${ruleId}  ${message}`);
  }
  return lines;
}

/** The checklist as terminal text: one line per item, its evidence indented under it. */
export function formatText(report: ChecklistReport): string {
  const lines = [
    `Hardening security checklist: ${report.items.length} items, ${countLine(report.items)} (${filesChecked(report)})`,
  ];
  for (const guide of groupByGuide(report.items)) {
    lines.push('', `${guide.title}: ${countLine(guide.items)}`);
    for (const section of guide.sections) {
      lines.push(`  ${section.section}`, ...section.items.flatMap(itemLines));
    }
  }
  if (report.unparsedFiles.length > 0) {
    lines.push('', `Could not parse (their findings are missing): ${report.unparsedFiles.join(', ')}`);
  }
  if (report.outside.length > 0) {
    lines.push('', `Findings outside the checklists: ${outsideLine(report)}. \`npm run scan\` lists them.`);
  }
  return `${lines.join('\n')}\n`;
}
