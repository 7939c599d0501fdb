import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';

/**
 * `configs.standalone`: Hardening over code whose disable comments name other
 * plugins' rules says nothing about those rules, and keeps everything about its own.
 */

const STANDALONE = [...plugin.configs.recommended, ...plugin.configs.standalone];

async function lint(filePath: string, code: string, config = STANDALONE, fix = false) {
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config as never, fix });
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: false });
  return {
    messages: result!.messages.map((message) => `${message.line}:${message.ruleId ?? 'null'}:${message.message.slice(0, 40)}`),
    output: result!.output,
  };
}

describe('configs.standalone', () => {
  it('drops unused-directive and missing-rule messages about other plugins\' rules in JS', async () => {
    const code = [
      '// eslint-disable-next-line no-console -- CLI output',
      "console.log('hi');",
      '// eslint-disable-next-line n/no-unsupported-features/node-builtins -- experimental',
      'export const ts = process.features;',
      '/* eslint-disable */',
      '',
    ].join('\n');
    const without = await lint('app.js', code, plugin.configs.recommended);
    assert.ok(without.messages.length >= 2, `ESLint alone reports the foreign comments: ${without.messages.join(' | ')}`);
    assert.deepEqual((await lint('app.js', code)).messages, []);
  });

  it('keeps an unused directive for a Hardening rule, and Hardening findings', async () => {
    const code = [
      '// eslint-disable-next-line hardening/no-hardcoded-secrets -- was a fixture',
      'export const name = "ok";',
      'export const password = "Tr0ub4dor&3x";',
      '',
    ].join('\n');
    const { messages } = await lint('app.ts', code);
    assert.deepEqual(
      messages.map((message) => message.split(':').slice(0, 2).join(':')),
      ['1:null', '3:hardening/no-hardcoded-secrets'],
    );
  });

  it('does the same in Python, Dockerfile and YAML comments', async () => {
    assert.deepEqual((await lint('app.py', '# eslint-disable-next-line flake8/E501 -- long URL\nx = 1\n')).messages, []);
    assert.deepEqual((await lint('Dockerfile', 'FROM node:20\n# eslint-disable-next-line hadolint/DL3008\nRUN apt-get install -y curl\nUSER node\n')).messages, []);
    assert.deepEqual((await lint('k8s/app.yaml', '# eslint-disable-next-line yml/no-empty-document\nkind: ConfigMap\n')).messages, []);
  });

  it('keeps autofixes working', async () => {
    const { output } = await lint('nginx.conf', 'server {\n  ssl_protocols TLSv1 TLSv1.2;\n}\n', STANDALONE, true);
    assert.equal(output, 'server {\n  ssl_protocols TLSv1.2 TLSv1.3;\n}\n');
  });
});
