import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-hardening';
import formatSarif, { type SarifLog } from '../eslint-plugin/src/formatters/sarif.js';
import { CWE_SECURITY_SEVERITY } from '../eslint-plugin/src/formatters/security-severity.js';
import { EXAMPLE_SECRETS } from './helpers/expected-examples.js';
import { ROOT, derivedSecrets, scan } from './helpers/scan.js';

/**
 * `npm run scan -- <folder> --format sarif` prints SARIF 2.1.0 that GitHub code scanning
 * accepts, for every language, and never a secret: checked on examples/, then the
 * formatter alone on results made by hand.
 */

const EXAMPLES = join(ROOT, 'examples');
const FORMATTER = join(ROOT, 'eslint-plugin/dist/formatters/sarif.js');
const PLUGIN_VERSION = (JSON.parse(readFileSync(join(ROOT, 'eslint-plugin/package.json'), 'utf8')) as { version: string }).version;

interface RuleDocs {
  description: string;
  url: string;
  guide: string[];
  cwe: string[];
  howToFix?: string;
}

function scanOutput(folder: string, ...args: string[]): string {
  const run = scan(folder, ...args);
  assert.ok(run.stdout, `scan printed nothing: ${run.stderr}`);
  return run.stdout;
}

/** Every string in a JSON value, unescaped, so a search cannot miss text behind a `\"`. */
function allStrings(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allStrings).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([key, entry]) => `${key}\n${allStrings(entry)}`).join('\n');
  }
  return '';
}

describe('SARIF output (npm run scan -- <folder> --format sarif)', () => {
  let stdout: string;
  let log: SarifLog;
  let eslintResults: ESLint.LintResult[];

  before(() => {
    stdout = scanOutput(EXAMPLES, '--format', 'sarif');
    log = JSON.parse(stdout) as SarifLog;
  });
  before(() => {
    eslintResults = JSON.parse(scanOutput(EXAMPLES, '--format', 'json')) as ESLint.LintResult[];
  });

  it('is one SARIF 2.1.0 run of the Hardening tool that lists every rule', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'Hardening');
    assert.equal(driver.semanticVersion, PLUGIN_VERSION);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((rule) => rule.id),
      Object.keys(plugin.rules)
        .map((name) => `hardening/${name}`)
        .sort(),
    );
  });

  it("describes each rule with its help, guide sections, how to fix, CWEs, docs URL and security severity", () => {
    for (const descriptor of log.runs[0]!.tool.driver.rules) {
      const name = descriptor.id.replace('hardening/', '') as keyof typeof plugin.rules;
      const docs = plugin.rules[name].meta.docs as RuleDocs;
      assert.notEqual(descriptor.name, descriptor.id, `${descriptor.id}: SARIF wants a name that differs from the id`);
      assert.equal(descriptor.shortDescription.text, docs.description);
      assert.ok(descriptor.fullDescription.text.startsWith(docs.description), descriptor.id);
      assert.ok(descriptor.fullDescription.text.length <= 1000, `${descriptor.id}: GitHub cuts fullDescription at 1000`);
      assert.equal(descriptor.helpUri, docs.url);
      for (const help of [descriptor.help.text, descriptor.help.markdown]) {
        assert.ok(help.startsWith(docs.description), descriptor.id);
        if (docs.howToFix) assert.ok(help.includes(docs.howToFix), `${descriptor.id}: help lacks how to fix`);
        for (const section of [...docs.guide, ...docs.cwe]) {
          assert.ok(help.includes(section), `${descriptor.id}: help lacks ${section}`);
        }
        assert.ok(help.includes(docs.url), `${descriptor.id}: help lacks the docs URL`);
      }
      const { tags, 'security-severity': severity } = descriptor.properties;
      if (docs.cwe.length === 0) {
        // A rule about process rather than a weakness (no CWE) is not a security alert.
        assert.deepEqual(descriptor.properties, { tags: [] });
        continue;
      }
      assert.equal(tags[0], 'security');
      for (const cwe of docs.cwe) {
        assert.ok(tags.includes(`external/cwe/cwe-${cwe.slice(4).padStart(3, '0')}`), `${descriptor.id}: no tag for ${cwe}`);
      }
      assert.match(severity ?? '', /^(?:10|\d)\.\d$/, `${descriptor.id}: security-severity`);
    }
  });

  it('reports exactly ESLint’s findings, each with its rule, level, message and relative location', () => {
    const run = log.runs[0]!;
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(EXAMPLES).href}/`);
    const fromSarif = run.results.map((result) => {
      assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
      assert.equal(result.level, 'error');
      assert.ok(result.message.text.length > 0);
      assert.equal(result.locations.length, 1);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(artifactLocation.uri, /^(?:[a-z]+:|\/|\.\.)/, 'a relative URI');
      assert.ok(region, `${artifactLocation.uri}: no region`);
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
      assert.ok(region.endLine! >= region.startLine && region.endColumn! >= 1, `${artifactLocation.uri}: no region end`);
      const range = `${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
      return `${decodeURIComponent(artifactLocation.uri)}:${range} ${result.ruleId}`;
    });
    const fromEslint = eslintResults.flatMap((result) =>
      result.messages.map((message) => {
        const range = `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
        return `${relative(EXAMPLES, result.filePath).split(sep).join('/')}:${range} ${message.ruleId}`;
      }),
    );
    assert.deepEqual(fromSarif, fromEslint);
    assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('has findings for every language in examples/', () => {
    const uris = log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    const languages: Record<string, RegExp> = {
      python: /\.py$/,
      typescript: /\.ts$/,
      tsx: /\.tsx$/,
      dockerfile: /(?:^|\/)Dockerfile$/,
      nginx: /\/nginx\/nginx\.conf$/,
      yaml: /\.ya?ml$/,
      env: /\.env$/,
      redis: /\/redis\/[^/]+\.conf$/,
      gitignore: /(?:^|\/)\.gitignore$/,
    };
    for (const [language, pattern] of Object.entries(languages)) {
      assert.ok(uris.some((uri) => pattern.test(uri)), `no ${language} finding`);
    }
  });

  it('never prints a secret from examples/, nor source text of any kind', () => {
    const text = allStrings(log);
    const secrets = [...EXAMPLE_SECRETS, ...derivedSecrets(eslintResults)];
    assert.ok(secrets.length > EXAMPLE_SECRETS.length, 'found no reported secret to check');
    for (const secret of secrets) {
      assert.ok(!text.includes(secret) && !stdout.includes(secret), `the SARIF output shows ${secret.slice(0, 4)}… in full`);
    }
    // No snippet or file contents: no line of a file with findings appears, short messages aside.
    for (const result of eslintResults.filter((entry) => entry.messages.length > 0)) {
      for (const line of readFileSync(result.filePath, 'utf8').split('\n')) {
        const code = line.trim();
        if (code.length < 20) continue;
        assert.ok(!text.includes(code), `${relative(EXAMPLES, result.filePath)}: the output quotes ${code.slice(0, 12)}…`);
      }
    }
    for (const key of ['"snippet"', '"contextRegion"', '"contents"', '"fixes"', '"source"']) {
      assert.ok(!stdout.includes(key), `the output has ${key}`);
    }
  });

  it('takes --format=sarif and -f sarif as well', function () {
    this.timeout(60_000);
    assert.equal(scanOutput(EXAMPLES, '--format=sarif'), stdout);
    assert.equal(scanOutput(EXAMPLES, '-f', 'sarif'), stdout);
  });

  describe('with the ESLint class, on a folder with a suppressed secret, a parse error and a non-ASCII path', () => {
    let folder: string;
    let sarif: SarifLog;
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'hardening-sarif-'));
      mkdirSync(join(folder, 'café'));
      writeFileSync(
        join(folder, 'café', 'naïve config.py'),
        [
          'import hashlib',
          '# eslint-disable-next-line hardening/no-hardcoded-secrets -- revoked key, kept to test the scanner',
          'STRIPE_API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dcFAKE0000"',
          'digest = hashlib.md5(password.encode()).hexdigest()',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(folder, 'app.env'),
        '# eslint-disable-next-line hardening/no-hardcoded-secrets\nSTRIPE_API_KEY=Zx7Qw2Lm9PvK3nB8Tr4Y\n',
      );
      writeFileSync(
        join(folder, 'broken.ts'),
        'export const password = "Tr0ub4dor&3-not-parsed";\nexport function f( {\n  const x = ;\n',
      );
      const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
      const results = await eslint.lintFiles(['.']);
      const formatter = await eslint.loadFormatter(FORMATTER);
      sarif = JSON.parse(await formatter.format(results)) as SarifLog;
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('reports eslint-disable comments as accepted in-source suppressions, with the reason as justification', () => {
      const suppressed = sarif.runs[0]!.results.filter((result) => result.suppressions);
      assert.deepEqual(
        suppressed.map((result) => [result.locations[0]!.physicalLocation.artifactLocation.uri, result.suppressions]),
        [
          ['app.env', [{ kind: 'inSource', status: 'accepted' }]],
          [
            'caf%C3%A9/na%C3%AFve%20config.py',
            [{ kind: 'inSource', status: 'accepted', justification: 'revoked key, kept to test the scanner' }],
          ],
        ],
      );
    });

    it('percent-encodes a non-ASCII path', () => {
      const weakHash = sarif.runs[0]!.results.find((result) => result.ruleId === 'hardening/no-weak-hashing');
      const { uri } = weakHash!.locations[0]!.physicalLocation.artifactLocation;
      assert.equal(uri, 'caf%C3%A9/na%C3%AFve%20config.py');
      assert.equal(decodeURIComponent(uri), 'café/naïve config.py');
    });

    it('reports a parse error as a tool notification, not a finding', () => {
      const run = sarif.runs[0]!;
      assert.ok(!run.results.some((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === 'broken.ts'));
      assert.deepEqual(run.invocations[0]!.toolExecutionNotifications, [
        {
          level: 'error',
          message: { text: "Parsing error: ':' expected." },
          descriptor: { id: 'fatal-error' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'broken.ts', uriBaseId: '%SRCROOT%' },
                region: { startLine: 3, startColumn: 8 },
              },
            },
          ],
        },
      ]);
      assert.equal(run.invocations[0]!.executionSuccessful, true);
    });

    it('prints none of the secrets', () => {
      const text = allStrings(sarif);
      for (const secret of ['sk_live_4eC39HqLyjWDarjtT1zdp7dcFAKE0000', 'Zx7Qw2Lm9PvK3nB8Tr4Y', 'Tr0ub4dor&3']) {
        assert.ok(!text.includes(secret), `shows ${secret.slice(0, 4)}…`);
      }
    });
  });
});

describe('the SARIF formatter on results made by hand', () => {
  const cwd = join(tmpdir(), 'hardening-sarif-unit');

  function message(overrides: Partial<ESLint.LintResult['messages'][number]>): ESLint.LintResult['messages'][number] {
    return {
      ruleId: 'hardening/no-weak-hashing',
      severity: 2,
      message: 'MD5 hashes a password.',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 16,
      ...overrides,
    };
  }

  function lintResult(filePath: string, overrides: Partial<ESLint.LintResult>): ESLint.LintResult {
    return {
      filePath,
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      ...overrides,
    };
  }

  function format(results: ESLint.LintResult[], rulesMeta = {}): SarifLog {
    return JSON.parse(formatSarif(results, { cwd, rulesMeta })) as SarifLog;
  }

  it('scores every CWE a rule names (a new CWE needs a score in security-severity.ts)', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      for (const cwe of (rule.meta.docs as RuleDocs).cwe) {
        assert.ok(cwe in CWE_SECURITY_SEVERITY, `${name}: ${cwe} has no security-severity`);
      }
    }
  });

  it('prints a valid run with every rule and no results when nothing is found', () => {
    const log = format([]);
    assert.deepEqual(log.runs[0]!.results, []);
    assert.equal(log.runs[0]!.tool.driver.rules.length, Object.keys(plugin.rules).length);
    assert.deepEqual(log.runs[0]!.invocations[0]!.toolExecutionNotifications, []);
  });

  it('maps ESLint suppressions: a directive to inSource, the suppressions file to external; a blank reason is left out', () => {
    const suppressed = (kind: string, justification: string) =>
      ({ ...message({}), suppressions: [{ kind, justification }] }) as ESLint.LintResult['suppressedMessages'][number];
    const log = format([
      lintResult(join(cwd, 'a.py'), {
        suppressedMessages: [suppressed('directive', '  reviewed: test data  '), suppressed('directive', ''), suppressed('file', '')],
      }),
    ]);
    assert.deepEqual(
      log.runs[0]!.results.map((result) => result.suppressions),
      [
        [{ kind: 'inSource', status: 'accepted', justification: 'reviewed: test data' }],
        [{ kind: 'inSource', status: 'accepted' }],
        [{ kind: 'external', status: 'accepted' }],
      ],
    );
  });

  it('keeps only the first line of a message without a rule, where a parser may put a code frame', () => {
    const log = format([
      lintResult(join(cwd, 'broken.py'), {
        messages: [
          message({
            ruleId: null,
            fatal: true,
            message: "Parsing error: Unexpected token\n\n> 1 | password = 'hunter2hunter2'",
            endLine: undefined,
            endColumn: undefined,
          }),
        ],
      }),
    ]);
    const [notification] = log.runs[0]!.invocations[0]!.toolExecutionNotifications;
    assert.equal(notification!.message.text, 'Parsing error: Unexpected token');
    assert.equal(notification!.level, 'error');
    assert.deepEqual(notification!.locations![0]!.physicalLocation.region, { startLine: 3, startColumn: 5 });
    assert.ok(!JSON.stringify(log).includes('hunter2'));
    assert.deepEqual(log.runs[0]!.results, []);
  });

  it('names files relative to the working directory, percent-encoded, and a file outside it by absolute URI', () => {
    const log = format([
      lintResult(join(cwd, 'src', 'größe 100%.ts'), { messages: [message({})] }),
      lintResult(join(cwd, '..hidden.py'), { messages: [message({})] }),
      lintResult(join(tmpdir(), 'elsewhere', 'x.py'), { messages: [message({})] }),
    ]);
    const locations = log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
    assert.deepEqual(locations, [
      { uri: 'src/gr%C3%B6%C3%9Fe%20100%25.ts', uriBaseId: '%SRCROOT%' },
      { uri: '..hidden.py', uriBaseId: '%SRCROOT%' },
      { uri: pathToFileURL(join(tmpdir(), 'elsewhere', 'x.py')).href },
    ]);
    assert.equal(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(cwd).href}/`);
  });

  it('maps levels and regions: a warning, a finding without an end, a file-level message without a line', () => {
    const log = format([
      lintResult(join(cwd, 'a.py'), {
        messages: [
          message({ severity: 1 }),
          message({ line: 7, column: 2, endLine: undefined, endColumn: undefined }),
          message({ line: 0, column: 0, endLine: undefined, endColumn: undefined }),
        ],
      }),
    ]);
    assert.deepEqual(
      log.runs[0]!.results.map((result) => [result.level, result.locations[0]!.physicalLocation.region]),
      [
        ['error', undefined],
        ['warning', { startLine: 3, startColumn: 5, endLine: 3, endColumn: 16 }],
        ['error', { startLine: 7, startColumn: 2 }],
      ],
    );
  });

  it('describes another plugin’s rule and an unknown rule without security tags, after Hardening’s', () => {
    const log = format(
      [
        lintResult(join(cwd, 'a.js'), {
          messages: [message({ ruleId: 'no-eval', severity: 1 }), message({ ruleId: 'local/mystery', severity: 1 })],
        }),
      ],
      { 'no-eval': { docs: { description: 'Disallow the use of `eval()`', url: 'https://eslint.org/docs/latest/rules/no-eval' } } },
    );
    const { rules } = log.runs[0]!.tool.driver;
    const [mystery, noEval] = rules.slice(-2);
    assert.deepEqual(noEval, {
      id: 'no-eval',
      name: 'NoEval',
      shortDescription: { text: 'Disallow the use of `eval()`' },
      fullDescription: { text: 'Disallow the use of `eval()`.' },
      help: {
        text: 'Disallow the use of `eval()`.\n\nDocumentation: https://eslint.org/docs/latest/rules/no-eval',
        markdown: 'Disallow the use of `eval()`.\n\n[Rule documentation](https://eslint.org/docs/latest/rules/no-eval)',
      },
      helpUri: 'https://eslint.org/docs/latest/rules/no-eval',
      properties: { tags: [] },
    });
    assert.equal(mystery!.id, 'local/mystery');
    assert.equal(mystery!.shortDescription.text, 'local/mystery');
    for (const result of log.runs[0]!.results) assert.equal(rules[result.ruleIndex]!.id, result.ruleId);
  });

  it('lists Hardening’s rules under the namespace the config gave the plugin', () => {
    const meta = plugin.rules['no-weak-hashing'].meta;
    const log = format([lintResult(join(cwd, 'a.py'), { messages: [message({ ruleId: 'sec/no-weak-hashing' })] })], {
      'sec/no-weak-hashing': meta,
    });
    const ids = log.runs[0]!.tool.driver.rules.map((rule) => rule.id);
    assert.equal(ids.length, Object.keys(plugin.rules).length);
    assert.ok(ids.every((id) => id.startsWith('sec/')), ids.join(', '));
    assert.equal(ids[log.runs[0]!.results[0]!.ruleIndex], 'sec/no-weak-hashing');
  });
});
