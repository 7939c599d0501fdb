import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import plugin, { FILES_BY_LANGUAGE } from 'eslint-plugin-hardening';

/**
 * `npm pack` of eslint-plugin/, installed from the tarball into a fresh project outside the
 * repository with nothing but its declared dependencies: what a user gets from the registry.
 */

const ROOT = join(import.meta.dirname, '..');
const PLUGIN_DIR = join(ROOT, 'eslint-plugin');
const require = createRequire(import.meta.url);
/** The fresh project gets the ESLint the repository itself runs. */
const ESLINT_VERSION = (require('eslint/package.json') as { version: string }).version;

/** One file per language, kept at their examples/ paths; test/cli.test.ts lists what each gives. */
const EXAMPLES = [
  'api/app/users.py',
  'web/server/users.ts',
  'api/Dockerfile',
  'api/.gitignore',
  'deploy/nginx/nginx.conf',
  'deploy/k8s/api.yaml',
  'deploy/app.env',
  'deploy/redis/redis.conf',
];

/** Everything the tarball may hold. Source maps point at src/, which is not shipped. */
const ALLOWED_FILES = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/.+\.js$/,
  /^dist\/.+\.d\.ts$/,
  /^docs\/rules\/[a-z0-9-]+\.md$/,
];

/** About 1.5 times today's size; raise deliberately: a jump means something was packed by mistake (a .wasm, node_modules). */
const MAX_PACKED_BYTES = 640 * 1024;
const MAX_UNPACKED_BYTES = 2.5 * 1024 * 1024;

interface PackResult {
  filename: string;
  version: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

interface Manifest {
  version: string;
  main?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The environment minus what an enclosing `npm test` sets (its prefix, workspace, package and
 * lifecycle variables), so that each child npm acts on its own working directory only.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key === 'INIT_CWD' ||
      /^npm_(config_(local_prefix|prefix|global|workspaces?|include_workspace_root|dry_run)$|lifecycle_|package_)/i.test(key)
    ) {
      delete env[key];
    }
  }
  return env;
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: childEnv(),
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
}

function describeRun(what: string, result: SpawnSyncReturns<string>): string {
  return `${what} exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}\n--- stderr ---\n${result.stderr}`;
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = run('npm', args, cwd);
  assert.equal(result.status, 0, describeRun(`npm ${args.join(' ')}`, result));
  return result;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** `file:line:column rule` for every message, sorted: what must be identical between two runs. */
function findings(results: ESLint.LintResult[], cwd: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map(
        (message) => `${relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'}`,
      ),
    )
    .sort();
}

function lintedFiles(results: ESLint.LintResult[], cwd: string): string[] {
  return results.map((result) => relative(cwd, result.filePath)).sort();
}

/** The package.json targets a consumer's import resolves to. */
function entryPoints(manifest: Manifest): string[] {
  const targets = [manifest.main, manifest.types];
  for (const target of Object.values(manifest.exports ?? {})) {
    targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  }
  return targets.filter((target): target is string => target !== undefined).map((target) => target.replace(/^\.\//, ''));
}

describe('the eslint-plugin-hardening package (npm pack, installed in a fresh project)', function () {
  // One pack (with the package's prepack build) and one install (~10 s with a warm npm cache) for the whole suite.
  this.timeout(180000);

  let work: string;
  let project: string;
  let packed: PackResult;
  let paths: string[];

  before(() => {
    work = mkdtempSync(join(realpathSync(tmpdir()), 'hardening-package-'));
    project = join(work, 'project');
    const outside = relative(ROOT, project);
    assert.ok(outside.startsWith('..') || isAbsolute(outside), `${project} must be outside the repository`);

    // No --ignore-scripts: the package's own prepack (if any) runs, as on `npm publish`.
    const pack = npm(['pack', '--workspace', 'eslint-plugin', '--pack-destination', work, '--json'], ROOT);
    // Lifecycle scripts may print before npm's JSON.
    const start = pack.stdout.search(/^\[/m);
    assert.ok(start >= 0, `npm pack printed no JSON:\n${pack.stdout}\n--- stderr ---\n${pack.stderr}`);
    [packed] = JSON.parse(pack.stdout.slice(start)) as [PackResult];
    paths = packed.files.map((file) => file.path).sort();

    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2));
    writeFileSync(
      join(project, 'eslint.config.js'),
      "import hardening from 'eslint-plugin-hardening';\n\nexport default [...hardening.configs.recommended];\n",
    );
    writeFileSync(
      join(project, 'eslint.strict.config.js'),
      "import hardening from 'eslint-plugin-hardening';\n\nexport default [...hardening.configs.strict];\n",
    );
    for (const file of EXAMPLES) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      copyFileSync(join(ROOT, 'examples', file), join(project, file));
    }
    npm(
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename), `eslint@${ESLINT_VERSION}`],
      project,
    );
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('the tarball', () => {
    it('holds dist JS with its types, the rule docs, README, LICENSE and package.json, and nothing else', () => {
      const unexpected = paths.filter((path) => !ALLOWED_FILES.some((pattern) => pattern.test(path)));
      const maps = unexpected.filter((path) => path.endsWith('.map'));
      const listed = unexpected.filter((path) => !path.endsWith('.map'));
      if (maps.length > 0) listed.push(`${maps.length} source maps (${maps[0]}, ...)`);
      assert.ok(unexpected.length === 0, `files that should not be published:\n  ${listed.join('\n  ')}`);

      const manifest = readJson<Manifest>(join(PLUGIN_DIR, 'package.json'));
      const required = [
        'package.json',
        'README.md',
        'LICENSE',
        ...entryPoints(manifest),
        ...Object.keys(plugin.rules).map((id) => `docs/rules/${id}.md`),
      ];
      assert.deepEqual(
        required.filter((path) => !paths.includes(path)),
        [],
        'files missing from the tarball',
      );
      const untyped = paths.filter((path) => path.endsWith('.js') && !paths.includes(path.replace(/\.js$/, '.d.ts')));
      assert.deepEqual(untyped, [], 'JS without a .d.ts');
    });

    it('holds exactly one built .js per source file (no output of a renamed or deleted source)', () => {
      const sources = (readdirSync(join(PLUGIN_DIR, 'src'), { recursive: true }) as string[])
        .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
        .map((path) => `dist/${path.split('\\').join('/').replace(/\.ts$/, '.js')}`)
        .sort();
      const built = paths.filter((path) => path.startsWith('dist/') && path.endsWith('.js'));
      assert.deepEqual(
        built.filter((path) => !sources.includes(path)),
        [],
        'stale build output in dist/ (build from a clean dist/ before packing)',
      );
      assert.deepEqual(
        sources.filter((path) => !built.includes(path)),
        [],
        'sources with no built file (run `npx tsc -b eslint-plugin`)',
      );
    });

    it(`stays under ${MAX_PACKED_BYTES / 1024} KiB packed and ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB unpacked`, () => {
      assert.ok(packed.size < MAX_PACKED_BYTES, `packed size ${packed.size} bytes`);
      assert.ok(packed.unpackedSize < MAX_UNPACKED_BYTES, `unpacked size ${packed.unpackedSize} bytes`);
    });
  });

  describe('installed from the tarball', () => {
    it('declares every peer its dependencies require (pnpm, Yarn and --legacy-peer-deps do not add them)', () => {
      const installed = join(project, 'node_modules/eslint-plugin-hardening');
      const manifest = readJson<Manifest>(join(installed, 'package.json'));
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const missing: string[] = [];
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        const nested = join(installed, 'node_modules', dependency, 'package.json');
        const dependencyManifest = readJson<Manifest>(
          existsSync(nested) ? nested : join(project, 'node_modules', dependency, 'package.json'),
        );
        for (const [peer, range] of Object.entries(dependencyManifest.peerDependencies ?? {})) {
          if (dependencyManifest.peerDependenciesMeta?.[peer]?.optional) continue;
          if (!declared.has(peer)) missing.push(`${dependency} requires ${peer}@"${range}"`);
        }
      }
      assert.deepEqual(missing, [], 'peers to add to peerDependencies (or dependencies) of eslint-plugin/package.json');
    });

    it('loads from the project node_modules with its rules, languages and configs', () => {
      const script = [
        "import hardening, { FILES_BY_LANGUAGE, rules } from 'eslint-plugin-hardening';",
        "import { createRequire, isBuiltin } from 'node:module';",
        "const manifest = createRequire(import.meta.url)('eslint-plugin-hardening/package.json');",
        'console.log(JSON.stringify({',
        "  resolved: import.meta.resolve('eslint-plugin-hardening'),",
        '  version: manifest.version,',
        '  meta: hardening.meta,',
        '  rules: Object.keys(rules).sort(),',
        '  languages: Object.keys(hardening.languages).sort(),',
        '  configs: Object.keys(hardening.configs).sort(),',
        '  files: Object.keys(FILES_BY_LANGUAGE).sort(),',
        '}));',
      ].join('\n');
      const result = run(process.execPath, ['--input-type=module', '-e', script], project);
      assert.equal(result.status, 0, describeRun('importing eslint-plugin-hardening', result));
      const loaded = JSON.parse(result.stdout) as {
        resolved: string;
        version: string;
        meta: { name: string; version: string; namespace: string };
        rules: string[];
        languages: string[];
        configs: string[];
        files: string[];
      };
      const resolved = fileURLToPath(loaded.resolved);
      assert.ok(
        resolved.startsWith(join(project, 'node_modules', 'eslint-plugin-hardening')),
        `resolved ${resolved}, not the installed copy`,
      );
      assert.equal(loaded.version, packed.version);
      assert.equal(loaded.meta.version, loaded.version, 'plugin.meta.version in src/index.ts differs from package.json');
      assert.equal(loaded.meta.name, 'eslint-plugin-hardening');
      assert.deepEqual(loaded.rules, Object.keys(plugin.rules).sort());
      assert.deepEqual(loaded.languages, Object.keys(plugin.languages).sort());
      assert.deepEqual(loaded.configs, Object.keys(plugin.configs).sort());
      assert.deepEqual(loaded.files, Object.keys(FILES_BY_LANGUAGE).sort());
    });

    for (const [name, configFile] of [
      ['recommended', 'eslint.config.js'],
      ['strict', 'eslint.strict.config.js'],
    ] as const) {
      it(`npx eslint with configs.${name} finds what the repository's own plugin finds`, async () => {
        const args = ['--no', '--', 'eslint', '--config', configFile, '--format', 'json', '.'];
        const result = run('npx', args, project);
        // 1: ESLint ran and found errors; 2 would be a crash or a config error.
        assert.equal(result.status, 1, describeRun(`npx ${args.join(' ')}`, result));
        const fresh = JSON.parse(result.stdout) as ESLint.LintResult[];

        const reference = await new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: plugin.configs[name] }).lintFiles([
          '.',
        ]);

        assert.deepEqual(lintedFiles(fresh, project), lintedFiles(reference, project));
        const found = findings(fresh, project);
        assert.deepEqual(found, findings(reference, project));
        assert.ok(!found.some((line) => line.endsWith(' fatal')), found.join('\n'));
        for (const file of EXAMPLES) {
          assert.ok(
            found.some((line) => line.startsWith(`${file}:`)),
            `no finding in ${file}: its language did not run\n${found.join('\n')}`,
          );
        }
      });
    }

    it('imports only Node built-ins, its declared dependencies and peers, and files it ships', () => {
      const installed = join(project, 'node_modules/eslint-plugin-hardening');
      const manifest = readJson<Manifest>(join(installed, 'package.json'));
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const problems: string[] = [];
      for (const path of paths.filter((file) => /\.(js|d\.ts)$/.test(file))) {
        // TypeScript's scanner: static, dynamic and `import("...")` type imports, never text in strings or comments.
        const { importedFiles } = ts.preProcessFile(readFileSync(join(installed, path), 'utf8'), true, true);
        for (const { fileName: specifier } of importedFiles) {
          if (specifier.startsWith('.')) {
            const target = posix.join(posix.dirname(path), specifier);
            const candidates = path.endsWith('.d.ts') ? [target.replace(/\.js$/, '.d.ts'), target] : [target];
            if (!candidates.some((candidate) => paths.includes(candidate))) problems.push(`${path}: ${specifier} is not in the package`);
          } else if (!isBuiltin(specifier)) {
            const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
            if (!declared.has(name)) problems.push(`${path}: ${specifier} is neither a dependency nor a peer`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  });
});
