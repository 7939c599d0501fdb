import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import plugin from '../src/index.js';

/** Lints text as a file at `filePath` with a whole config, as `eslint .` would. */
async function lint(config: 'recommended' | 'strict', filePath: string, code: string) {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: plugin.configs[config] as never,
  });
  const results = await eslint.lintText(code, { filePath, warnIgnored: false });
  return results.flatMap((result) => result.messages).map((message) => `${message.line}:${message.ruleId ?? 'unused-directive'}`);
}

// One known finding per language, so each suppression form can be checked against it.
const FINDINGS = {
  'app.ts': { code: 'const password = "Tr0ub4dor&3x";\n', line: 1, rule: 'hardening/no-hardcoded-secrets' },
  'app.py': { code: 'password = "Tr0ub4dor&3x"\n', line: 1, rule: 'hardening/no-hardcoded-secrets' },
  Dockerfile: { code: 'FROM python:3.11\nUSER root\n', line: 2, rule: 'hardening/require-non-root-user' },
  'nginx.conf': { code: 'server {\n  ssl_protocols TLSv1 TLSv1.2;\n}\n', line: 2, rule: 'hardening/nginx-require-strong-tls' },
} as const;

type FileName = keyof typeof FINDINGS;
const commentFor = (file: FileName, text: string): string => (file === 'app.ts' ? `// ${text}` : `# ${text}`);

function withLineBefore(file: FileName, comment: string): string {
  const { code, line } = FINDINGS[file];
  const lines = code.split('\n');
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}${commentFor(file, comment)}`);
  return lines.join('\n');
}

describe('configs', () => {
  for (const config of ['recommended', 'strict'] as const) {
    it(`${config}: every block loads and each language reports its finding`, async () => {
      for (const [file, { code, line, rule }] of Object.entries(FINDINGS)) {
        assert.deepEqual(await lint(config, file, code), [`${line}:${rule}`], file);
      }
    });
  }

  it('lints Dockerfiles and nginx files as real repositories name them', async () => {
    const dockerfile = FINDINGS.Dockerfile.code;
    for (const name of ['Dockerfile', 'api/Dockerfile', 'Dockerfile.prod', 'build/api.dockerfile', 'Containerfile']) {
      assert.deepEqual(await lint('recommended', name, dockerfile), ['2:hardening/require-non-root-user'], name);
    }
    const nginx = FINDINGS['nginx.conf'].code;
    for (const name of ['nginx.conf', 'deploy/nginx/default.conf', 'conf.d/shop.conf', 'sites-available/shop']) {
      assert.deepEqual(await lint('recommended', name, nginx), ['2:hardening/nginx-require-strong-tls'], name);
    }
  });

  it('leaves files it does not cover alone', async () => {
    assert.deepEqual(await lint('recommended', 'README.md', 'password = "Tr0ub4dor&3x"\n'), []);
  });

  for (const file of Object.keys(FINDINGS) as FileName[]) {
    describe(`inline suppression in ${file}`, () => {
      const { rule, code, line } = FINDINGS[file];

      it('eslint-disable-next-line with a reason', async () => {
        assert.deepEqual(await lint('recommended', file, withLineBefore(file, `eslint-disable-next-line ${rule} -- fixture`)), []);
      });

      it('eslint-disable-line at the end of the line', async () => {
        const lines = code.split('\n');
        lines[line - 1] += ` ${commentFor(file, `eslint-disable-line ${rule}`)}`;
        assert.deepEqual(await lint('recommended', file, lines.join('\n')), []);
      });

      it('eslint-disable / eslint-enable around a block', async () => {
        // JavaScript reads these two only from block comments; our languages have line comments only.
        const block = (text: string): string => (file === 'app.ts' ? `/* ${text} */` : `# ${text}`);
        const disabled = `${block(`eslint-disable ${rule}`)}\n${code}${block('eslint-enable')}\n`;
        assert.deepEqual(await lint('recommended', file, disabled), []);
      });

      it('a comment naming another rule suppresses nothing and is reported as unused', async () => {
        const other = Object.keys(plugin.rules)
          .map((id) => `hardening/${id}`)
          .find((id) => id !== rule);
        const messages = await lint('recommended', file, withLineBefore(file, `eslint-disable-next-line ${other}`));
        assert.deepEqual(messages, [`${line}:unused-directive`, `${line + 1}:${rule}`]);
      });
    });
  }
});
