/**
 * Which files and settings belong to tests or local development rather than
 * to what is deployed. Rules that judge production configuration (debug mode,
 * insecure cookies, permissive CORS) skip what these call development-only,
 * and rules that scan a repository skip test fixtures. Pure: paths are strings.
 *
 * Paths are judged by whole folder names and by the words of the file name,
 * never by substrings: `contest.py`, `latest/settings.py` and `devices.py` are
 * not tests or development files. Pass a path relative to the project
 * (`projectPath`), so the folders a checkout happens to live in do not count.
 */

/** Folders that hold only tests, fixtures and mocks. */
const TEST_FOLDERS = new Set([
  'test',
  'tests',
  '__tests__',
  '__test__',
  'spec',
  'specs',
  'fixtures',
  '__fixtures__',
  'testdata',
  'test-data',
  'test_data',
  'e2e',
  '__mocks__',
  'mocks',
]);

/** Words of a file name that mark a test or CI file: `.env.test`, `settings_test.py`, `docker-compose.ci.yml`. */
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'e2e', 'ci', 'conftest']);

/** Folders that hold local-development configuration: `settings/dev/`, `k8s/overlays/local/`, `.devcontainer/`. */
const DEVELOPMENT_FOLDERS = new Set(['dev', 'develop', 'development', 'local', '.devcontainer']);

/**
 * Words of a file name that mark development-only configuration or a template
 * that is copied and edited before use: `.env.local`, `settings_dev.py`,
 * `local_settings.py`, `compose.dev.yml`, `.env.example`.
 */
const DEVELOPMENT_WORDS = new Set([
  'dev',
  'develop',
  'development',
  'local',
  'debug',
  'example',
  'examples',
  'sample',
  'template',
  'tmpl',
  'dist',
  'defaults',
]);

const PRODUCTION_WORDS = new Set(['prod', 'production', 'staging']);

/** Compose files Docker Compose merges over the main one for local runs. */
const COMPOSE_OVERRIDE = /^(?:docker-)?compose\.override\.ya?ml$/i;

/** `x.test.ts`, `x.spec.jsx`, `x_spec.rb`, `test_x.py`, `x_test.go`. */
const TEST_FILE = /(?:\.(?:test|spec|e2e)\.[cm]?[jt]sx?|_spec\.rb|_test\.(?:py|go|rb))$|^test_.*\.py$/i;

/** The path relative to `cwd` when the file is inside it, `/`-separated; else the path as given. */
export function projectPath(filename: string, cwd: string): string {
  const file = filename.replaceAll('\\', '/');
  const root = cwd.replaceAll('\\', '/').replace(/\/+$/, '');
  return root && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

function split(path: string): { folders: string[]; name: string } {
  const parts = path.replaceAll('\\', '/').split('/').filter((part) => part !== '' && part !== '.');
  const name = parts.pop() ?? '';
  return { folders: parts.map((part) => part.toLowerCase()), name };
}

/** The words of a file name: split at `.`, `_`, `-` and camelCase humps, lower-cased. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** A test file, or any file in a test or fixture folder. */
export function isTestPath(path: string): boolean {
  const { folders, name } = split(path);
  if (folders.some((folder) => TEST_FOLDERS.has(folder))) return true;
  return TEST_FILE.test(name) || nameWords(name).some((word) => TEST_WORDS.has(word));
}

/** Configuration for local development, a development folder, or a template meant to be copied. */
export function isDevelopmentPath(path: string): boolean {
  const { folders, name } = split(path);
  if (folders.some((folder) => DEVELOPMENT_FOLDERS.has(folder))) return true;
  return COMPOSE_OVERRIDE.test(name) || nameWords(name).some((word) => DEVELOPMENT_WORDS.has(word));
}

/** A file that is plainly a test, a fixture or local-development configuration: never deployed as it is. */
export function isDevelopmentOnlyPath(path: string): boolean {
  return isTestPath(path) || isDevelopmentPath(path);
}

/** A file named for production or staging (`.env.production`, `settings/prod.py`, `k8s/production/app.yaml`), unless it is also development-only. */
export function isProductionPath(path: string): boolean {
  if (isDevelopmentOnlyPath(path)) return false;
  const { folders, name } = split(path);
  return folders.some((folder) => PRODUCTION_WORDS.has(folder)) || nameWords(name).some((word) => PRODUCTION_WORDS.has(word));
}

/** A class or object name for development or test configuration: `DevelopmentConfig`, `TestingSettings`, `LocalConfig`. */
export function isDevelopmentName(name: string): boolean {
  return nameWords(name).some((word) => TEST_WORDS.has(word) || (DEVELOPMENT_WORDS.has(word) && word !== 'dist'));
}

/** A class or object name for production configuration: `ProductionConfig`, `ProdSettings`, `StagingConfig`. */
export function isProductionName(name: string): boolean {
  return !isDevelopmentName(name) && nameWords(name).some((word) => PRODUCTION_WORDS.has(word));
}

/**
 * Environment variables that switch a framework's debug mode on: Django's and
 * Flask's `DEBUG`, `FLASK_DEBUG`, Laravel's `APP_DEBUG`, Dash's `DASH_DEBUG`,
 * and `FLASK_ENV=development`, which turned on Flask's debugger before Flask 2.3.
 */
const DEBUG_VARIABLES = new Set(['DEBUG', 'FLASK_DEBUG', 'DJANGO_DEBUG', 'APP_DEBUG', 'DASH_DEBUG', 'QUART_DEBUG']);

/** Variables naming the environment an app runs in; `development` there is a finding only in a production file. */
const ENVIRONMENT_VARIABLES = new Set(['NODE_ENV', 'RAILS_ENV', 'RACK_ENV', 'APP_ENV', 'FLASK_ENV', 'ENVIRONMENT']);

const TRUE_VALUES = /^(?:true|1|yes|on|y)$/i;
const DEVELOPMENT_VALUES = /^(?:development|develop|dev|local)$/i;

export type DebugSetting =
  /** The variable turns debug mode on. */
  | { kind: 'debug'; off: string }
  /** The variable names a development environment. */
  | { kind: 'environment'; production: string };

/**
 * What `NAME=value` does, when it is a debug switch set on (`DEBUG=true`,
 * `APP_DEBUG=1`) or an environment named development (`NODE_ENV=development`).
 * `DEBUG=app:*` (the npm debug package's namespaces) is logging, not debug
 * mode. `off` is the value that turns the switch off, written in the same style
 * (`1` → `0`, `True` → `False`, `yes` → `no`).
 */
export function debugSetting(name: string, value: string): DebugSetting | undefined {
  const key = name.toUpperCase();
  const trimmed = value.trim();
  if (DEBUG_VARIABLES.has(key) && TRUE_VALUES.test(trimmed)) return { kind: 'debug', off: offValue(trimmed) };
  if (key === 'FLASK_ENV' && DEVELOPMENT_VALUES.test(trimmed)) return { kind: 'debug', off: 'production' };
  if (ENVIRONMENT_VARIABLES.has(key) && DEVELOPMENT_VALUES.test(trimmed)) return { kind: 'environment', production: 'production' };
  return undefined;
}

/** The "off" spelling of a true-like value, in the same case. */
export function offValue(on: string): string {
  const lower = on.toLowerCase();
  const off = lower === '1' ? '0' : lower === 'yes' ? 'no' : lower === 'y' ? 'n' : lower === 'on' ? 'off' : 'false';
  if (on === on.toUpperCase() && on !== on.toLowerCase()) return off.toUpperCase();
  if (on[0] === on[0]?.toUpperCase() && on !== on.toLowerCase()) return off[0]!.toUpperCase() + off.slice(1);
  return off;
}

/**
 * Words of a `.env.<words>` (or `<words>.env`) name that make it a template meant
 * to be committed with placeholder values: `.env.example`, `.env.sample`,
 * `.env.template`, `.env.dist`, `.env.defaults`, `.env.production.example`,
 * dotenv-extended's `.env.schema`, `example.env`.
 */
const ENV_TEMPLATE_WORDS = new Set(['example', 'sample', 'template', 'tmpl', 'tpl', 'dist', 'defaults', 'default', 'schema']);

/** Whether a dot-separated word of `name` marks an env file as a committed template. */
export function hasEnvTemplateWord(name: string): boolean {
  return name
    .toLowerCase()
    .split('.')
    .some((word) => ENV_TEMPLATE_WORDS.has(word));
}
