import { evaluateChecklist, formatMarkdown } from 'eslint-plugin-hardening/checklist';
import { basename } from 'node:path';
import { isInside } from './paths.js';
import type { ChecklistInput } from './lint-protocol.js';

/**
 * The guides' checklists for each workspace folder, from a workspace scan: the
 * same engine and Markdown as `npm run checklist -- <folder> --markdown`. Runs in
 * the lint worker, which has the plugin loaded.
 */
export function checklistMarkdown({ files, folders, cancelled, truncated }: ChecklistInput): string {
  const reports = folders.map((folder) => {
    const results = files.filter((file) => isInside(file.filePath, folder));
    const markdown = formatMarkdown(evaluateChecklist(results, folder));
    return folders.length > 1 ? `# ${basename(folder)}\n\n${markdown}` : markdown;
  });
  const notes = [
    cancelled ? '> The scan was cancelled: this report covers the files linted before that.' : '',
    truncated ? '> The workspace has more files than one scan lints: this report covers the first ones.' : '',
  ].filter(Boolean);
  return [...notes, ...reports].join('\n\n');
}
