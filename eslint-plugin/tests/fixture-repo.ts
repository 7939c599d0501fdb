import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'mocha';

/**
 * A temporary folder of files for rules that read the disk (nginx includes,
 * .gitignore coverage), removed after the test file. With `git` (the default)
 * it is a repository root, which those rules look for.
 */
export function fixtureRepo(prefix: string, { git = true }: { git?: boolean } = {}) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `hardening-${prefix}-`)));
  if (git) fs.mkdirSync(path.join(root, '.git'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  /** Writes `file` (relative to the root, folders created) and returns its absolute path. */
  const write = (file: string, text: string | Buffer = 'x\n'): string => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
  };
  return { root, write };
}
