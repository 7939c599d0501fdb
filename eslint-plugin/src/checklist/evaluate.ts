import { relative, sep } from 'node:path';
import type { RuleLike } from '../configs/build-configs.js';
import { rules } from '../rules/index.js';
import { CHECKLIST } from './checklist.js';
import { describeCount, describeKinds, type FileKind, isComposePath, KIND_ORDER, languageIdOf, languageOfPath } from './files.js';
import type {
  ChecklistItem,
  ChecklistReport,
  ChecklistSection,
  Evidence,
  ItemResult,
  LintResultLike,
  RuleId,
  RuleMapping,
} from './types.js';

type Message = LintResultLike['messages'][number];

interface LintedFile {
  file: string;
  result: LintResultLike;
  /** The file's language, or undefined for a file no Hardening language claims. */
  kind: FileKind | undefined;
}

interface Context {
  /** Files linted without a parse error: the ones a rule really read. */
  parsed: LintedFile[];
  all: LintedFile[];
  /** Messages some item took as evidence; the rest are "outside the checklists". */
  used: Set<Message>;
}

const PREFIX = 'hardening/';

function normalize(mapping: RuleMapping): Exclude<RuleMapping, RuleId> {
  return typeof mapping === 'string' ? { rule: mapping } : mapping;
}

/** The kinds of file a mapping reads, from the rule's `meta.languages`. */
function kindsOf(mapping: Exclude<RuleMapping, RuleId>): FileKind[] {
  if (mapping.files === 'compose') return ['compose'];
  const languages = (rules[mapping.rule] as RuleLike).meta?.languages ?? [];
  return languages.flatMap((name) => languageIdOf(name) ?? []);
}

function readsFile(mapping: Exclude<RuleMapping, RuleId>, kinds: readonly FileKind[], file: LintedFile): boolean {
  if (mapping.files === 'compose') return file.kind === 'yaml' && isComposePath(file.file);
  return file.kind !== undefined && kinds.includes(file.kind);
}

function evaluateItem(section: ChecklistSection, entry: ChecklistItem, context: Context): ItemResult {
  const base = { guide: section.guide, section: section.section, item: entry.item };
  if ('notCheckable' in entry) {
    return { ...base, status: 'not-checkable', evidence: [], rules: [], checked: [], reason: entry.notCheckable };
  }

  const evidence = new Map<Message, Evidence>();
  const checked = new Map<FileKind, Set<string>>();
  const readable = new Set<FileKind>();
  /** Rules that had no file to read, and whether the item needs them. */
  const unread: { rule: string; kinds: FileKind[]; required: boolean }[] = [];
  for (const mapping of entry.rules.map(normalize)) {
    const kinds = kindsOf(mapping);
    for (const kind of kinds) readable.add(kind);
    let read = 0;
    for (const file of context.parsed) {
      if (!readsFile(mapping, kinds, file)) continue;
      const kind = mapping.files === 'compose' ? 'compose' : file.kind!;
      checked.set(kind, (checked.get(kind) ?? new Set()).add(file.file));
      read++;
    }
    if (read === 0) unread.push({ rule: `${PREFIX}${mapping.rule}`, kinds, required: mapping.required === true });
    // Every finding counts, wherever it is: a fail never depends on file names.
    for (const { file, result } of context.all) {
      for (const message of result.messages) {
        if (message.ruleId !== `${PREFIX}${mapping.rule}`) continue;
        if (mapping.messageIds && !mapping.messageIds.includes(message.messageId ?? '')) continue;
        context.used.add(message);
        evidence.set(message, { file, line: message.line, ruleId: message.ruleId, message: message.message });
      }
    }
  }

  const ruleIds = [...new Set(entry.rules.map((mapping) => `${PREFIX}${normalize(mapping).rule}`))];
  const checkedList = KIND_ORDER.filter((kind) => checked.has(kind)).map((kind) => describeCount(kind, checked.get(kind)!.size));
  const sorted = [...evidence.values()].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || compare(a.ruleId, b.ruleId),
  );
  const applicable = checked.size > 0 && !unread.some((rule) => rule.required);
  const status = sorted.length > 0 ? 'fail' : applicable ? 'pass' : 'not-applicable';
  const notes =
    checked.size === 0 ? [`No ${describeKinds(KIND_ORDER.filter((kind) => readable.has(kind)))} in the folder.`] : unreadNotes(unread);
  if (entry.partly) notes.push(entry.partly);
  const result: ItemResult = { ...base, status, evidence: sorted, rules: ruleIds, checked: checkedList };
  if (notes.length > 0) result.reason = notes.join(' ');
  return result;
}

/** "No nginx config in the folder for hardening/nginx-require-strong-tls and hardening/nginx-require-https-redirect." */
function unreadNotes(unread: readonly { rule: string; kinds: FileKind[] }[]): string[] {
  const byKinds = new Map<string, string[]>();
  for (const { rule, kinds } of unread) {
    const key = describeKinds(KIND_ORDER.filter((kind) => kinds.includes(kind)));
    byKinds.set(key, [...(byKinds.get(key) ?? []), rule]);
  }
  return [...byKinds].map(([kinds, rules]) => `No ${kinds} in the folder for ${rules.join(' and ')}.`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function relativePath(folder: string, filePath: string): string {
  return relative(folder, filePath).split(sep).join('/');
}

/**
 * Both guides' checklists, item by item, from ESLint's results over a folder
 * (`filePath` absolute, as ESLint gives it). Pure: no file system, no output.
 */
export function evaluateChecklist(results: readonly LintResultLike[], folder: string): ChecklistReport {
  const all: LintedFile[] = results.map((result) => {
    const file = relativePath(folder, result.filePath);
    return { file, result, kind: languageOfPath(file) };
  });
  const isParsed = (file: LintedFile): boolean => !file.result.messages.some((message) => message.fatal === true);
  const context: Context = { parsed: all.filter(isParsed), all, used: new Set() };

  const items = CHECKLIST.flatMap((section) => section.items.map((entry) => evaluateItem(section, entry, context)));

  const outside = new Map<string, number>();
  for (const { result } of all) {
    for (const message of result.messages) {
      if (message.ruleId === null || context.used.has(message)) continue;
      outside.set(message.ruleId, (outside.get(message.ruleId) ?? 0) + 1);
    }
  }
  return {
    items,
    filesChecked: context.parsed.length,
    unparsedFiles: all.filter((file) => !isParsed(file)).map((file) => file.file),
    outside: [...outside].sort(([a], [b]) => compare(a, b)).map(([ruleId, count]) => ({ ruleId, count })),
  };
}
