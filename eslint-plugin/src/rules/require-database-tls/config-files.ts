import type { TSESLint } from '@typescript-eslint/utils';
import type { DatabaseTlsFinding, Range } from '../../detectors/transport-security.js';
import { findDatabaseTlsIssues, pgSslModeState } from '../../detectors/transport-security.js';
import type { DockerfileRoot, DockerInstruction } from '../../languages/dockerfile/dockerfile-node.js';
import { instructionProperties } from '../../languages/dockerfile/dockerfile-node.js';
import type { EnvFile } from '../../languages/env/env-node.js';
import type { YamlNode, YamlScalar, YamlStream } from '../../languages/yaml/yaml-node.js';
import { mapGet, scalarText } from '../../languages/yaml/yaml-query.js';
import { treeSourceCode } from '../../util/languages.js';
import type { DatabaseTlsRule } from '../require-database-tls.js';

/** A piece of the file where a connection string may be written: a value, a command line. */
type Piece = Range;

/** A `PGSSLMODE` setting (libpq's environment variable, also read by node-postgres). */
interface SslModeSetting {
  value: string;
  /** The value without quotes. */
  valueRange: Range;
}

const PREFILTER = /postgres|pgsql|postgis|mysql|mariadb|host\s*=/i;
const PGSSLMODE = 'PGSSLMODE';
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

function unquoted(text: string, [start, end]: Range): Range {
  return /^(["']).*\1$/s.test(text.slice(start, end)) && end - start >= 2 ? [start + 1, end - 1] : [start, end];
}

/**
 * Checks the connection strings in the pieces; a `PGSSLMODE` in the same file
 * decides for PostgreSQL strings that say nothing about TLS: `require` is
 * enough, `disable` is reported once, on the setting itself.
 */
function checkFile(rule: DatabaseTlsRule, text: string, pieces: Piece[], sslModes: SslModeSetting[]): void {
  const states = sslModes.map((setting) => ({ setting, state: pgSslModeState(setting.value) }));
  const configured = states.some(({ state }) => state.state === 'on');
  const findings: DatabaseTlsFinding[] = [];
  for (const [start, end] of pieces) {
    for (const finding of findDatabaseTlsIssues(text.slice(start, end), rule.options, { tlsConfigured: configured })) {
      const shift = (range: Range): Range => [range[0] + start, range[1] + start];
      findings.push({ ...finding, range: shift(finding.range), edit: finding.edit && { ...finding.edit, range: shift(finding.edit.range) } });
    }
  }
  const disabling = states.find(({ state }) => state.state === 'off');
  const coveredBySetting = (finding: DatabaseTlsFinding): boolean => finding.kind === 'missing' && finding.engine === 'PostgreSQL';
  const covered = disabling ? findings.filter(coveredBySetting) : [];
  for (const finding of findings) {
    if (!covered.includes(finding)) rule.reportFinding(finding);
  }
  if (disabling && covered.length > 0 && disabling.state.state === 'off') {
    const { setting } = disabling;
    rule.reportFinding({
      kind: 'disabled',
      engine: 'PostgreSQL',
      host: covered[0]!.host,
      range: setting.valueRange,
      setting: `${PGSSLMODE}=${setting.value}`,
      required: `${PGSSLMODE}=require`,
      edit: { range: setting.valueRange, text: 'require' },
    });
  }
}

export function envVisitors(rule: DatabaseTlsRule): TSESLint.RuleListener {
  const text = treeSourceCode<EnvFile>(rule.context).text;
  if (!PREFILTER.test(text)) return {};
  return {
    EnvFile(file: EnvFile) {
      const sslModes = file.children
        .filter((entry) => entry.key === PGSSLMODE)
        .map((entry) => ({ value: entry.value, valueRange: unquoted(text, entry.valueRange) }));
      checkFile(rule, text, file.children.map((entry) => entry.valueRange), sslModes);
    },
  };
}

export function dockerfileVisitors(rule: DatabaseTlsRule): TSESLint.RuleListener {
  const text = treeSourceCode<DockerfileRoot>(rule.context).text;
  if (!PREFILTER.test(text)) return {};
  const pieces: Piece[] = [];
  const sslModes: SslModeSetting[] = [];
  return {
    Instruction(instruction: DockerInstruction) {
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        for (const property of instructionProperties(instruction)) {
          if (property.value === null || !property.valueRange) continue;
          pieces.push(property.valueRange);
          if (property.name === PGSSLMODE) sslModes.push({ value: property.value, valueRange: unquoted(text, property.valueRange) });
        }
      } else if (COMMAND_KEYWORDS.has(instruction.keyword)) {
        pieces.push([instruction.keywordRange[1], instruction.range[1]]);
      }
    },
    'Dockerfile:exit'() {
      checkFile(rule, text, pieces, sslModes);
    },
  };
}

/** `KEY=value` in a compose `environment:` list. */
const LIST_ASSIGNMENT = /^([A-Za-z_][\w.-]*)=(.*)$/s;

export function yamlVisitors(rule: DatabaseTlsRule): TSESLint.RuleListener {
  const text = treeSourceCode<YamlStream>(rule.context).text;
  if (!PREFILTER.test(text)) return {};

  function collect(node: YamlNode, pieces: Piece[], sslModes: SslModeSetting[], isKey: boolean): void {
    if (node.type === 'YamlScalar') {
      if (isKey || typeof node.value !== 'string') return;
      pieces.push(node.range);
      const assignment = LIST_ASSIGNMENT.exec(node.value);
      if (assignment?.[1] === PGSSLMODE && node.style !== 'block') {
        const valueStart = node.range[1] - assignment[2]!.length - (node.style === 'quoted' ? 1 : 0);
        sslModes.push({ value: assignment[2]!, valueRange: [valueStart, valueStart + assignment[2]!.length] });
      }
      return;
    }
    // `PGSSLMODE: require` (compose map, ConfigMap data) and `- name: PGSSLMODE / value: require` (Kubernetes env).
    if (node.type === 'YamlPair' && scalarText(node.key) === PGSSLMODE && node.value?.type === 'YamlScalar' && node.value.value !== null) {
      sslModes.push(sslModeOf(node.value));
    }
    if (node.type === 'YamlMap' && scalarText(mapGet(node, 'name')) === PGSSLMODE) {
      const value = mapGet(node, 'value');
      if (value?.type === 'YamlScalar' && value.value !== null) sslModes.push(sslModeOf(value));
    }
    for (const child of node.children) collect(child, pieces, sslModes, node.type === 'YamlPair' && child === node.key);
  }

  function sslModeOf(scalar: YamlScalar): SslModeSetting {
    return { value: String(scalar.value), valueRange: scalar.style === 'quoted' ? [scalar.range[0] + 1, scalar.range[1] - 1] : scalar.range };
  }

  return {
    YamlStream(stream: YamlStream) {
      const pieces: Piece[] = [];
      const sslModes: SslModeSetting[] = [];
      collect(stream, pieces, sslModes, false);
      checkFile(rule, text, pieces, sslModes);
    },
  };
}
