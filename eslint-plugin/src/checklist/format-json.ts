import type { ChecklistReport } from './types.js';

/** The items as a JSON array of `{guide, section, item, status, evidence, rules, checked, reason?}`. */
export function formatJson(report: ChecklistReport): string {
  return `${JSON.stringify(report.items, null, 2)}\n`;
}
