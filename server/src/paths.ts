import { isAbsolute, relative } from 'node:path';

/** Whether `path` is strictly inside `folder` (both absolute): not the folder itself, not a sibling, not on another drive. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
