import type { TSESLint } from '@typescript-eslint/utils';
import type { Range } from '../../detectors/transport-security.js';
import { disablesNodeTlsVerification, findNodeTlsAssignments, NODE_TLS_ENV } from '../../detectors/transport-security.js';
import type { DockerfileRoot, DockerInstruction } from '../../languages/dockerfile/dockerfile-node.js';
import { instructionProperties } from '../../languages/dockerfile/dockerfile-node.js';
import type { EnvEntry, EnvFile } from '../../languages/env/env-node.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar } from '../../languages/yaml/yaml-node.js';
import { yamlParent } from '../../languages/yaml/yaml-node.js';
import { mapGet, scalarText, scalarValue } from '../../languages/yaml/yaml-query.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, Edit, Report } from '../no-disabled-tls-verification.js';

const SETTING = `${NODE_TLS_ENV}=0`;
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * Removes the lines a node spans, when nothing else is on them: only
 * indentation before it (and `- ` for a sequence item), only a comment after.
 */
function removeLines(text: string, [start, end]: Range, itemMarker = false): Edit | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (!(itemMarker ? /^[ \t]*(?:-[ \t]+)?$/ : /^[ \t]*$/).test(before)) return undefined;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (!/^[ \t]*(?:#.*)?\r?\n?$/.test(text.slice(end, lineEnd))) return undefined;
  return { range: [lineStart, lineEnd], text: '' };
}

function environmentFinding(range: Range, remove: Edit | undefined): Parameters<Report>[0] {
  return { range, kind: 'environment', setting: SETTING, remove };
}

export function envVisitors(context: Context, report: Report): TSESLint.RuleListener {
  const text = treeSourceCode<EnvFile>(context).text;
  if (!text.includes(NODE_TLS_ENV)) return {};
  return {
    EnvEntry(entry: EnvEntry) {
      if (entry.key !== NODE_TLS_ENV || !disablesNodeTlsVerification(entry.value)) return;
      report(environmentFinding(entry.range, removeLines(text, entry.range)));
    },
  };
}

export function dockerfileVisitors(context: Context, report: Report): TSESLint.RuleListener {
  const text = treeSourceCode<DockerfileRoot>(context).text;
  if (!text.includes(NODE_TLS_ENV)) return {};
  return {
    Instruction(instruction: DockerInstruction) {
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        const properties = instructionProperties(instruction);
        for (const property of properties) {
          if (property.name !== NODE_TLS_ENV || property.value === null || !disablesNodeTlsVerification(property.value)) continue;
          // The only variable of the instruction: remove the instruction; else the variable and the space before it.
          const remove: Edit | undefined =
            properties.length === 1
              ? removeLines(text, instruction.range)
              : { range: [text.slice(0, property.range[0]).trimEnd().length, property.range[1]], text: '' };
          report(environmentFinding(property.range, remove));
        }
      } else if (COMMAND_KEYWORDS.has(instruction.keyword)) {
        // `RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm install`
        const start = instruction.keywordRange[1];
        for (const [from, to] of findNodeTlsAssignments(text.slice(start, instruction.range[1]))) {
          const spaces = /^[ \t]*/.exec(text.slice(start + to))![0].length;
          report(environmentFinding([start + from, start + to], { range: [start + from, start + to + spaces], text: '' }));
        }
      }
    },
  };
}

export function yamlVisitors(context: Context, report: Report): TSESLint.RuleListener {
  const text = treeSourceCode<YamlNode>(context).text;
  if (!text.includes(NODE_TLS_ENV)) return {};

  /** Removing an entry is offered only from a block map or sequence that keeps other entries. */
  function removable(node: YamlNode): Edit | undefined {
    const collection = yamlParent(node);
    if ((collection?.type !== 'YamlMap' && collection?.type !== 'YamlSeq') || collection.flow || collection.children.length < 2) return undefined;
    return removeLines(text, node.range, collection.type === 'YamlSeq');
  }

  return {
    // Compose `environment:` map, ConfigMap `data:`: `NODE_TLS_REJECT_UNAUTHORIZED: "0"`.
    YamlPair(pair: YamlPair) {
      if (scalarText(pair.key) !== NODE_TLS_ENV || pair.value?.type !== 'YamlScalar') return;
      if (!disablesNodeTlsVerification(scalarValue(pair.value) ?? null)) return;
      report(environmentFinding(pair.range, removable(pair)));
    },
    // Kubernetes `env:`: `- name: NODE_TLS_REJECT_UNAUTHORIZED` / `value: "0"`.
    YamlMap(map: YamlMap) {
      if (scalarText(mapGet(map, 'name')) !== NODE_TLS_ENV) return;
      const value = mapGet(map, 'value');
      if (value?.type !== 'YamlScalar' || !disablesNodeTlsVerification(value.value)) return;
      report(environmentFinding(map.range, yamlParent(map)?.type === 'YamlSeq' ? removable(map) : undefined));
    },
    // Compose `environment:` list (`- NODE_TLS_REJECT_UNAUTHORIZED=0`) and command lines.
    YamlScalar(scalar: YamlScalar) {
      const container = yamlParent(scalar);
      if (typeof scalar.value !== 'string' || (container?.type === 'YamlPair' && container.key === scalar)) return;
      const source = text.slice(scalar.range[0], scalar.range[1]);
      for (const [from, to] of findNodeTlsAssignments(source)) {
        const whole = scalar.value === SETTING && container?.type === 'YamlSeq';
        report(environmentFinding([scalar.range[0] + from, scalar.range[0] + to], whole ? removable(scalar) : undefined));
      }
    },
  };
}
