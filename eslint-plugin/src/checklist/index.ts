/**
 * The guides' security checklists as a report: `eslint-plugin-hardening/checklist`.
 * Used by `npm run checklist` and by the language server. No file system, no
 * console, no process: callers lint, then hand the results over.
 */
export { CHECKLIST, GUIDE_TITLES, OUTSIDE_CHECKLISTS } from './checklist.js';
export { evaluateChecklist } from './evaluate.js';
export { formatJson } from './format-json.js';
export { formatMarkdown, MARKDOWN_MARKER, type MarkdownOptions } from './format-markdown.js';
export { formatText } from './format-text.js';
export { countLine, hasFailures, STATUS_ORDER } from './summary.js';
export type {
  ChecklistItem,
  ChecklistReport,
  ChecklistSection,
  Evidence,
  GuideId,
  ItemResult,
  ItemStatus,
  LintResultLike,
  RuleMapping,
} from './types.js';
