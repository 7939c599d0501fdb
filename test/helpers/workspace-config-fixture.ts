import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A workspace whose eslint.config.mjs uses eslint-plugin-hardening (linked to
 * this repository's) with no-weak-hashing turned off, and leaves a marker file
 * when it runs: the proof, or its absence, that workspace code was executed.
 */

export const MARKER_FILE = 'config-was-loaded';
export const PASSWORDS_PY = 'import hashlib\n\n\ndef store_password(password: str) -> str:\n    return hashlib.md5(password.encode()).hexdigest()\n';

export function writeConfiguredWorkspace(folder: string, root: string): void {
  mkdirSync(join(folder, 'node_modules'), { recursive: true });
  symlinkSync(join(root, 'eslint-plugin'), join(folder, 'node_modules', 'eslint-plugin-hardening'), 'dir');
  writeFileSync(
    join(folder, 'eslint.config.mjs'),
    [
      "import { writeFileSync } from 'node:fs';",
      "import hardening from 'eslint-plugin-hardening';",
      `writeFileSync(new URL('./${MARKER_FILE}', import.meta.url), 'yes');`,
      "export default [...hardening.configs.recommended, { rules: { 'hardening/no-weak-hashing': 'off' } }];",
      '',
    ].join('\n'),
  );
  writeFileSync(join(folder, 'passwords.py'), PASSWORDS_PY);
}
