import { evaluateChecklist, formatMarkdown } from 'eslint-plugin-hardening/checklist';
import { basename, isAbsolute, relative } from 'node:path';
import type { ScanSummary } from './workspace-scan.js';

/**
 * The guides' checklists for each workspace folder, from a workspace scan: the
 * same engine and Markdown as `npm run checklist -- <folder> --markdown`.
 */
export function checklistMarkdown(summary: ScanSummary, folders: readonly string[]): string {
  const reports = folders.map((folder) => {
    const results = summary.files.filter((file) => isInside(file.filePath, folder));
    const markdown = formatMarkdown(evaluateChecklist(results, folder));
    return folders.length > 1 ? `# ${basename(folder)}\n\n${markdown}` : markdown;
  });
  const notes = [
    summary.cancelled ? '> The scan was cancelled: this report covers the files linted before that.' : '',
    summary.truncated ? '> The workspace has more files than one scan lints: this report covers the first ones.' : '',
  ].filter(Boolean);
  return [...notes, ...reports].join('\n\n');
}

function isInside(filePath: string, folder: string): boolean {
  const rel = relative(folder, filePath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
