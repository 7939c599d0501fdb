// `npm run checklist -- <folder> [--json | --markdown]`: both guides' security
// checklists for a folder, item by item (pass, fail, not applicable, not
// checkable) with the findings behind each fail. Lints like `npm run scan`
// (the recommended config, run from inside the folder), then hands ESLint's
// results to the checklist engine. Exit code: 1 when an item fails, 0 when
// none does, 2 on a usage error or when ESLint cannot run.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const USAGE = 'Usage: npm run checklist -- <folder> [--json | --markdown]\n';

function usageError(message) {
  process.stderr.write(`hardening checklist: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const formats = args.filter((arg) => arg === '--json' || arg === '--markdown');
const unknown = args.filter((arg) => arg.startsWith('-') && !formats.includes(arg));
const targets = args.filter((arg) => !arg.startsWith('-'));
if (unknown.length > 0) usageError(`unknown option ${unknown[0]}`);
if (new Set(formats).size > 1) usageError('choose one of --json and --markdown');
if (targets.length !== 1) usageError(targets.length === 0 ? 'no folder given' : 'give one folder');

const folder = resolve(process.env.INIT_CWD ?? process.cwd(), targets[0]);
if (!existsSync(folder) || !statSync(folder).isDirectory()) usageError(`${folder} is not a folder`);

// Loaded once the arguments are known to be right: a usage error needs neither ESLint nor a build.
let engine;
let results;
try {
  engine = await import('eslint-plugin-hardening/checklist');
  const { ESLint } = await import('eslint');
  // Run from inside the folder so its files are within ESLint's base path, as `npm run scan` does.
  const eslint = new ESLint({
    cwd: folder,
    overrideConfigFile: join(here, 'scan.config.mjs'),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  results = await eslint.lintFiles(['.']);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  const hint = engine ? '' : ' (run `npm run build` first)';
  process.stderr.write(`hardening checklist: cannot lint ${folder}${hint}: ${reason}\n`);
  process.exit(2);
}

const report = engine.evaluateChecklist(results, folder);
const format =
  formats[0] === '--json' ? engine.formatJson : formats[0] === '--markdown' ? engine.formatMarkdown : engine.formatText;
process.stdout.write(format(report));
process.exitCode = engine.hasFailures(report) ? 1 : 0;
