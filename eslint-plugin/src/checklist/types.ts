import type { rules } from '../rules/index.js';

/** The two guides, by the short name rule metadata uses (`meta.docs.guide`). */
export type GuideId = 'AMAS' | 'AutonomOS';

export type RuleId = keyof typeof rules;

/**
 * One rule's part in an item. A bare id takes every message of the rule and
 * counts every file the rule lints as checked.
 */
export type RuleMapping =
  | RuleId
  | {
      rule: RuleId;
      /** Only these messages are evidence for the item (the rule checks more than the item asks). */
      messageIds?: readonly string[];
      /** Count as checked only the files of this kind, not every file of the rule's languages. */
      files?: 'compose';
      /**
       * The item cannot pass without this rule: when the folder has no file for
       * it, the item is not applicable even if the other rules read files.
       */
      required?: boolean;
    };

/** A checklist line a rule can check, fully or in part. */
export interface CheckedItem {
  item: string;
  rules: readonly RuleMapping[];
  /** What the rules do not check, when they check only part of the item. */
  partly?: string;
}

/** A checklist line no rule can check from a repository's files, and why (see docs/coverage.md). */
export interface UncheckableItem {
  item: string;
  notCheckable: string;
}

export type ChecklistItem = CheckedItem | UncheckableItem;

/** One checklist block of a guide, with its items in the guide's order and wording. */
export interface ChecklistSection {
  guide: GuideId;
  /** The headings above the checklist, as in `meta.docs.guide` without the guide: `Authentication Best Practices › JWT Token Security`. */
  section: string;
  items: readonly ChecklistItem[];
}

/**
 * - `fail`: a mapped rule reported in the folder.
 * - `pass`: the mapped rules linted at least one relevant file and reported nothing.
 * - `not-applicable`: the item is checkable, but the folder has no file the mapped rules read.
 * - `not-checkable`: no rule can check the item from files (a process, infrastructure, app behaviour).
 */
export type ItemStatus = 'pass' | 'fail' | 'not-checkable' | 'not-applicable';

export interface Evidence {
  /** Relative to the folder, with `/` separators. */
  file: string;
  line: number;
  ruleId: string;
  /** ESLint's message, exactly as the rule reported it (rules mask secrets). */
  message: string;
}

export interface ItemResult {
  guide: GuideId;
  section: string;
  item: string;
  status: ItemStatus;
  evidence: Evidence[];
  /** The rules that check the item, as ESLint names them (`hardening/<id>`); empty when not checkable. */
  rules: string[];
  /** The files the rules read, by kind: `["2 nginx configs", "9 Python files"]`. */
  checked: string[];
  /**
   * Why the item is not checkable or not applicable; for a pass or a fail, what
   * the rules leave unchecked (the `partly` note and the file kinds missing from
   * the folder). Absent when there is nothing to add.
   */
  reason?: string;
}

/** The part of an ESLint `LintResult` the checklist reads. */
export interface LintResultLike {
  filePath: string;
  messages: readonly {
    ruleId: string | null;
    messageId?: string | undefined;
    line: number;
    message: string;
    fatal?: boolean | undefined;
  }[];
}

export interface ChecklistReport {
  items: ItemResult[];
  /** Files linted without a parse error. */
  filesChecked: number;
  /** Files ESLint could not parse (relative paths): their findings, if any, are missing. */
  unparsedFiles: string[];
  /** Findings of rules (or messages) that no checklist item maps, by rule id. */
  outside: { ruleId: string; count: number }[];
}
