import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { hasEnvTemplateWord } from '../../detectors/environments.js';
import type { CredentialFinding } from '../../detectors/secrets.js';
import { describeFinding, findCredentials, maskValue, referenceDefault } from '../../detectors/secrets.js';
import type { EnvEntry, EnvFile } from '../../languages/env/env-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { SecretsRuleContext } from '../no-hardcoded-secrets.js';

type Range = [number, number];

/** Names exposed to the browser on purpose (Next.js, Vite, CRA, Expo, Nuxt, SvelteKit, Gatsby, Vue CLI). */
const PUBLIC_NAME = /^(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|NUXT_PUBLIC|PUBLIC|GATSBY|VUE_APP)_|FIREBASE/i;

/** `.env.example`, `example.env` and kin: committed on purpose, so they must hold placeholders only. */
export function isEnvTemplate(filename: string): boolean {
  return hasEnvTemplateWord(path.basename(filename));
}

/** Google API keys under a browser-exposed or Firebase name are public by design (Firebase web config, Maps JS). */
export function isPublicByDesign(name: string, finding: CredentialFinding): boolean {
  return finding.kind === 'Google API key' && PUBLIC_NAME.test(name);
}

/**
 * `.env` files. Every `.env*` file: known credential formats and URL passwords
 * in any value, credential-looking values of secret-like keys, and short or
 * guessable signing secrets. Templates (`.env.example`, ...) hold placeholders
 * only: any real-looking value there is reported with its own message, weak
 * signing secrets excepted (a template's value is a stand-in by definition).
 */
export function envVisitors({ context, matcher, weakKey }: SecretsRuleContext): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<EnvFile>(context);
  const text = sourceCode.text;
  const template = isEnvTemplate(context.physicalFilename || context.filename);
  const locOf = ([start, end]: Range) => ({ start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) });

  function report(entry: EnvEntry, range: Range, what: string, secret: string): void {
    context.report({
      loc: locOf(range),
      messageId: template ? 'exampleFileSecret' : 'envFileSecret',
      data: { name: entry.key, what, secret },
      suggest: [{ messageId: 'emptyValue', data: { name: entry.key }, fix: (fixer) => fixer.replaceTextRange(entry.valueRange, '') }],
    });
  }

  return {
    EnvEntry(entry: EnvEntry) {
      const { key, value, valueRange, quote } = entry;
      if (value === '' || matcher.isIgnoredName(key)) return;

      // Known formats and URL passwords, found in the value as written (a quoted value without its quotes).
      const closed = quote !== null && valueRange[1] - valueRange[0] >= 2 && text[valueRange[1] - 1] === quote;
      const start = valueRange[0] + (quote ? 1 : 0);
      const end = valueRange[1] - (closed ? 1 : 0);
      const findings = findCredentials(text.slice(start, end));
      for (const finding of findings) {
        if (isPublicByDesign(key, finding)) continue;
        report(entry, [start + finding.range[0], start + finding.range[1]], describeFinding(finding), finding.masked);
      }
      if (findings.length > 0) return;

      // `${OTHER}` is a reference; `${OTHER:-default}` falls back on its default, which is judged (and reported) instead.
      const fallback = referenceDefault(value);
      if (!fallback || fallback.value === '') return;
      const judged = fallback.value;
      const at = fallback.offset > 0 && text.slice(start, end) === value ? start + fallback.offset : undefined;
      const range: Range = at === undefined ? valueRange : [at, at + judged.length];
      const weak = template ? undefined : weakKey(key, judged);
      if (weak) {
        context.report({
          loc: locOf(range),
          ...weak,
          suggest: [{ messageId: 'emptyValue', data: { name: key }, fix: (fixer) => fixer.replaceTextRange(valueRange, '') }],
        });
        return;
      }
      if (matcher.isSecretName(key) && matcher.isSecretValue(judged)) report(entry, range, describeFinding(), maskValue(judged));
    },
  };
}
