import type { TSESLint } from '@typescript-eslint/utils';
import type { Range } from '../../detectors/transport-security.js';
import { findRedisUrlIssues } from '../../detectors/transport-security.js';
import type { DockerfileRoot, DockerInstruction } from '../../languages/dockerfile/dockerfile-node.js';
import { instructionProperties } from '../../languages/dockerfile/dockerfile-node.js';
import type { EnvEntry, EnvFile } from '../../languages/env/env-node.js';
import type { YamlNode, YamlScalar } from '../../languages/yaml/yaml-node.js';
import { yamlParent } from '../../languages/yaml/yaml-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { RedisTlsRule } from '../require-redis-tls.js';

const PREFILTER = /rediss?:\/\//i;
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Checks the Redis URLs in one range of the file. */
function checkRange(rule: RedisTlsRule, text: string, [start, end]: Range): void {
  for (const finding of findRedisUrlIssues(text.slice(start, end), rule.hosts)) {
    rule.reportUrl({
      ...finding,
      range: [finding.range[0] + start, finding.range[1] + start],
      schemeRange: [finding.schemeRange[0] + start, finding.schemeRange[1] + start],
    });
  }
}

export function envVisitors(rule: RedisTlsRule): TSESLint.RuleListener {
  const text = treeSourceCode<EnvFile>(rule.context).text;
  if (!PREFILTER.test(text)) return {};
  return {
    EnvEntry(entry: EnvEntry) {
      checkRange(rule, text, entry.valueRange);
    },
  };
}

export function dockerfileVisitors(rule: RedisTlsRule): TSESLint.RuleListener {
  const text = treeSourceCode<DockerfileRoot>(rule.context).text;
  if (!PREFILTER.test(text)) return {};
  return {
    Instruction(instruction: DockerInstruction) {
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        for (const property of instructionProperties(instruction)) {
          if (property.valueRange) checkRange(rule, text, property.valueRange);
        }
      } else if (COMMAND_KEYWORDS.has(instruction.keyword)) {
        checkRange(rule, text, [instruction.keywordRange[1], instruction.range[1]]);
      }
    },
  };
}

export function yamlVisitors(rule: RedisTlsRule): TSESLint.RuleListener {
  const text = treeSourceCode<YamlNode>(rule.context).text;
  if (!PREFILTER.test(text)) return {};
  return {
    YamlScalar(scalar: YamlScalar) {
      const container = yamlParent(scalar);
      if (typeof scalar.value !== 'string' || (container?.type === 'YamlPair' && container.key === scalar)) return;
      checkRange(rule, text, scalar.range);
    },
  };
}
