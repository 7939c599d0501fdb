import { GUIDE_TITLES } from './checklist.js';
import type { ChecklistReport, GuideId, ItemResult, ItemStatus } from './types.js';

export const STATUS_ORDER: readonly ItemStatus[] = ['fail', 'pass', 'not-applicable', 'not-checkable'];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  fail: 'fail',
  pass: 'pass',
  'not-applicable': 'not applicable',
  'not-checkable': 'not checkable',
};

/** "3 fail, 1 pass, 0 not applicable, 7 not checkable". */
export function countLine(items: readonly ItemResult[], separator = ', '): string {
  return STATUS_ORDER.map((status) => `${items.filter((item) => item.status === status).length} ${STATUS_LABELS[status]}`).join(
    separator,
  );
}

/** "1 file checked", "52 files checked". */
export function filesChecked(report: ChecklistReport): string {
  return `${report.filesChecked} ${report.filesChecked === 1 ? 'file' : 'files'} checked`;
}

export function hasFailures(report: ChecklistReport): boolean {
  return report.items.some((item) => item.status === 'fail');
}

export interface SectionGroup {
  section: string;
  items: ItemResult[];
}

export interface GuideGroup {
  guide: GuideId;
  title: string;
  items: ItemResult[];
  sections: SectionGroup[];
}

/** The report's items by guide, then by checklist, in the guides' order. */
export function groupByGuide(items: readonly ItemResult[]): GuideGroup[] {
  const guides: GuideGroup[] = [];
  for (const item of items) {
    let guide = guides.find((group) => group.guide === item.guide);
    if (!guide) {
      guide = { guide: item.guide, title: GUIDE_TITLES[item.guide], items: [], sections: [] };
      guides.push(guide);
    }
    guide.items.push(item);
    let section = guide.sections.find((group) => group.section === item.section);
    if (!section) {
      section = { section: item.section, items: [] };
      guide.sections.push(section);
    }
    section.items.push(item);
  }
  return guides;
}

/** "hardening/require-non-root-user (2), hardening/no-debug-in-production (1)". */
export function outsideLine(report: ChecklistReport): string {
  return report.outside.map(({ ruleId, count }) => `${ruleId} (${count})`).join(', ');
}
