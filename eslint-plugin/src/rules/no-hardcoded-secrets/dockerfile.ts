import type { TSESLint } from '@typescript-eslint/utils';
import type { CredentialFinding } from '../../detectors/secrets.js';
import { findCredentials, maskValue } from '../../detectors/secrets.js';
import type { DockerInstruction, DockerfileRoot } from '../../languages/dockerfile/dockerfile-node.js';
import { instructionProperties } from '../../languages/dockerfile/dockerfile-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { SecretsRuleContext } from '../no-hardcoded-secrets.js';

type Range = [number, number];

const VARIABLE = /\$(?:\{|[A-Za-z_])/;
const overlaps = (a: Range, b: Range): boolean => a[0] < b[1] && b[0] < a[1];

export function dockerfileVisitors({ context, matcher, credentialMessage, weakKey }: SecretsRuleContext): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<DockerfileRoot>(context);
  const locOf = ([start, end]: Range) => ({ start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) });

  return {
    Instruction(instruction: DockerInstruction) {
      const properties = instruction.keyword === 'ENV' || instruction.keyword === 'ARG' ? instructionProperties(instruction) : [];
      const ignored = properties.filter((property) => matcher.isIgnoredName(property.name)).map((property) => property.range);

      // Known formats and URL passwords anywhere in the instruction (RUN curl -H "...", ENV DATABASE_URL=...).
      const start = instruction.keywordRange[1];
      const findings: CredentialFinding[] = findCredentials(sourceCode.text.slice(start, instruction.range[1]))
        .map((finding) => ({ ...finding, range: [finding.range[0] + start, finding.range[1] + start] as Range }))
        .filter((finding) => !ignored.some((range) => overlaps(range, finding.range)));
      for (const finding of findings) {
        context.report({ loc: locOf(finding.range), ...credentialMessage(finding) });
      }

      // ENV/ARG whose name is secret-like with a literal value; `ARG X` (no default) and `ENV X=$X` are fine.
      for (const property of properties) {
        const { value, valueRange } = property;
        if (value === null || !valueRange || findings.some((finding) => overlaps(finding.range, valueRange))) continue;
        // Docker expands `$X`/`${X}` in ENV/ARG values: a value that uses a variable is not a literal.
        if (VARIABLE.test(value)) continue;
        const hardcoded = matcher.isSecretName(property.name) && matcher.isSecretValue(value);
        const report = hardcoded
          ? { messageId: 'hardcodedSecret' as const, data: { name: property.name, secret: maskValue(value) } }
          : weakKey(property.name, value);
        if (!report) continue;
        const nameEnd = property.nameRange[1];
        context.report({
          loc: locOf(valueRange),
          ...report,
          suggest:
            instruction.keyword === 'ARG'
              ? [{ messageId: 'removeArgDefault', data: { name: property.name }, fix: (fixer) => fixer.removeRange([nameEnd, valueRange[1]]) }]
              : [],
        });
      }
    },
  };
}
