// Builds the VS Code extension package (dist/hardening.vsix): minified bundles,
// then vsce with the allow-list in .vscodeignore. The bundles hold every
// dependency, so the package ships no node_modules.
import { createVSIX } from '@vscode/vsce';
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'hardening.vsix');

execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), '--production'], { stdio: 'inherit' });
mkdirSync(dirname(out), { recursive: true });
await createVSIX({ cwd: root, packagePath: out, dependencies: false });
console.log(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(1)} MB`);
