// `npm run scan -- <folder> [eslint options]`: the ESLint CLI with Hardening's
// recommended config over a folder. Every ESLint option works (`--format json`,
// `--max-warnings 0`, ...), and the exit code is ESLint's: 1 when errors are found.
// `--format sarif` is Hardening's SARIF formatter, for GitHub code scanning.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [target, ...eslintArgs] = process.argv.slice(2);

if (!target || target.startsWith('-')) {
  process.stderr.write('Usage: npm run scan -- <folder> [eslint options]\n');
  process.exit(2);
}
const folder = resolve(process.env.INIT_CWD ?? process.cwd(), target);
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  process.stderr.write(`hardening scan: ${folder} is not a folder\n`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const FORMATTERS = {
  sarif: join(dirname(require.resolve('eslint-plugin-hardening/package.json')), 'dist', 'formatters', 'sarif.js'),
  // ESLint's json with each file's `source` (its whole text, secrets included) left out.
  json: join(here, 'formatters', 'json.mjs'),
};

/** `sarif` and `json` as format names (`--format sarif`, `--format=sarif`, `-f sarif`) mean our formatter files. */
function withFormatterPaths(args) {
  return args.map((arg, index) => {
    const inline = /^--format=(sarif|json)$/u.exec(arg);
    if (inline) return `--format=${FORMATTERS[inline[1]]}`;
    const previous = args[index - 1];
    return Object.hasOwn(FORMATTERS, arg) && (previous === '--format' || previous === '-f') ? FORMATTERS[arg] : arg;
  });
}

// Run from inside the folder so its files are within ESLint's base path.
const result = spawnSync(
  process.execPath,
  [eslintBin, '--config', join(here, 'scan.config.mjs'), '--no-warn-ignored', ...withFormatterPaths(eslintArgs), '.'],
  { cwd: folder, stdio: 'inherit' },
);
process.exit(result.status ?? 2);
