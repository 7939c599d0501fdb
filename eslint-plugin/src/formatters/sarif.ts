import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter, Rule } from 'eslint';
import { rules } from '../rules/index.js';
import { DOCS_BASE_URL } from '../util/create-rule.js';
import { securitySeverity } from './security-severity.js';

/**
 * An ESLint formatter that prints SARIF 2.1.0 for GitHub code scanning:
 * `eslint . --format ./node_modules/eslint-plugin-hardening/dist/formatters/sarif.js`.
 *
 * It never prints source text: no region snippets, no file contents, no fixes or
 * suggestions (their replacement text is code). Messages are ESLint's, and Hardening's
 * rules mask the secrets they quote.
 */

type Level = 'error' | 'warning';
type EslintMessage = Linter.LintMessage | Linter.SuppressedLintMessage;

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region };
}

export interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  properties: { tags: string[]; 'security-severity'?: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: SarifLocation[];
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification?: string }[];
}

export interface SarifNotification {
  level: Level;
  message: { text: string };
  descriptor: { id: string };
  locations?: SarifLocation[];
}

export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: {
    tool: { driver: { name: string; semanticVersion: string; informationUri: string; rules: ReportingDescriptor[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
  }[];
}

/** What the formatter reads from ESLint's context: a subset, so tests can call it directly. */
export interface FormatterContext {
  cwd: string;
  rulesMeta?: RulesMeta;
}

type RulesMeta = Record<string, Rule.RuleMetaData | undefined>;

/** `meta.docs` as Hardening's rules fill it; other plugins' rules may have any part of it. */
interface RuleDocs {
  description?: string;
  url?: string;
  guide?: string[];
  cwe?: string[];
  howToFix?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** GitHub shows at most this much of `fullDescription`. */
const MAX_FULL_DESCRIPTION = 1000;
const REPOSITORY_URL = DOCS_BASE_URL.slice(0, DOCS_BASE_URL.indexOf('/blob/'));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const HARDENING_RULES = rules as unknown as Record<string, { meta: Rule.RuleMetaData } | undefined>;

function formatSarif(results: ESLint.LintResult[], context: FormatterContext): string {
  const rulesMeta = readRulesMeta(context);
  const descriptors = ruleDescriptors(results, rulesMeta);
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));

  const sarifResults: SarifResult[] = [];
  const notifications: SarifNotification[] = [];
  for (const result of results) {
    const artifactLocation = artifactLocationOf(result.filePath, context.cwd);
    const messages: EslintMessage[] = [...result.messages, ...(result.suppressedMessages ?? [])];
    messages.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const message of messages) {
      const region = regionOf(message);
      const location: SarifLocation = { physicalLocation: region ? { artifactLocation, region } : { artifactLocation } };
      if (!message.ruleId) {
        // A parse error or ESLint's own notice (an unused disable directive): the tool's
        // diagnostics, not a finding. Only the first line: a parser may append a code frame.
        notifications.push({
          level: levelOf(message),
          message: { text: firstLine(message.message) },
          descriptor: { id: message.fatal ? 'fatal-error' : 'eslint-notice' },
          locations: [location],
        });
        continue;
      }
      const sarifResult: SarifResult = {
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId) ?? -1,
        level: levelOf(message),
        message: { text: message.message },
        locations: [location],
      };
      if ('suppressions' in message && message.suppressions.length > 0) {
        sarifResult.suppressions = message.suppressions.map((suppression) => ({
          kind: suppression.kind === 'directive' ? 'inSource' : 'external',
          status: 'accepted',
          ...(suppression.justification.trim() ? { justification: suppression.justification.trim() } : {}),
        }));
      }
      sarifResults.push(sarifResult);
    }
  }

  const log: SarifLog = {
    version: '2.1.0',
    $schema: SCHEMA,
    runs: [
      {
        tool: {
          driver: { name: 'Hardening', semanticVersion: PACKAGE.version, informationUri: REPOSITORY_URL, rules: descriptors },
        },
        // A base URI must end with a slash.
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

export default formatSarif satisfies ESLint.FormatterFunction;

/** ESLint computes `rulesMeta` on first read and throws for results it cannot map to a config. */
function readRulesMeta(context: FormatterContext): RulesMeta {
  try {
    return context.rulesMeta ?? {};
  } catch {
    return {};
  }
}

/**
 * Every Hardening rule, reported or not, so GitHub knows the whole rule set; then any other
 * rule that reported. Hardening's rules are listed under the namespace the config gave them.
 */
function ruleDescriptors(results: ESLint.LintResult[], rulesMeta: RulesMeta): ReportingDescriptor[] {
  const namespace = hardeningNamespace(rulesMeta);
  const ours = new Map(Object.entries(HARDENING_RULES).map(([name, rule]) => [`${namespace}/${name}`, rule?.meta]));
  const others: RulesMeta = {};
  for (const [id, meta] of Object.entries(rulesMeta)) if (!ours.has(id)) others[id] = meta;
  for (const result of results) {
    for (const { ruleId } of [...result.messages, ...(result.suppressedMessages ?? [])]) {
      if (ruleId && !ours.has(ruleId) && !(ruleId in others)) others[ruleId] = undefined;
    }
  }
  // Ids are unique, so no two compare equal.
  const byId = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : 1);
  return [...[...ours].sort(byId), ...Object.entries(others).sort(byId)].map(([id, meta]) => describeRule(id, meta));
}

/** The prefix under which the config registered this plugin: `hardening`, unless a reported rule says otherwise. */
function hardeningNamespace(rulesMeta: RulesMeta): string {
  for (const [id, meta] of Object.entries(rulesMeta)) {
    const slash = id.lastIndexOf('/');
    const ours = slash > 0 ? HARDENING_RULES[id.slice(slash + 1)] : undefined;
    if (ours && meta?.docs?.url === ours.meta.docs?.url) return id.slice(0, slash);
  }
  return 'hardening';
}

function describeRule(id: string, meta: Rule.RuleMetaData | undefined): ReportingDescriptor {
  const docs = (meta?.docs ?? {}) as RuleDocs;
  const description = docs.description?.trim() || id;
  const sentence = /[.!?]$/.test(description) ? description : `${description}.`;
  const howToFix = docs.howToFix?.trim();
  const guide = docs.guide ?? [];
  const cwes = docs.cwe ?? [];
  const helpUri = typeof docs.url === 'string' && /^https?:\/\//.test(docs.url) ? docs.url : undefined;

  const text = [sentence];
  const markdown = [sentence];
  if (howToFix) {
    text.push(`How to fix: ${howToFix}`);
    markdown.push(`**How to fix:** ${howToFix}`);
  }
  if (guide.length > 0) {
    text.push(`Guide sections: ${guide.join('; ')}.`);
    markdown.push(['**Guide sections**', '', ...guide.map((section) => `- ${section}`)].join('\n'));
  }
  if (cwes.length > 0) {
    text.push(`Weaknesses: ${cwes.join(', ')}.`);
    markdown.push(`**Weaknesses:** ${cwes.map((cwe) => `[${cwe}](${cweUrl(cwe)})`).join(', ')}`);
  }
  if (helpUri) {
    text.push(`Documentation: ${helpUri}`);
    markdown.push(`[Rule documentation](${helpUri})`);
  }

  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: description },
    fullDescription: { text: truncate(howToFix ? `${sentence} ${howToFix}` : sentence, MAX_FULL_DESCRIPTION) },
    help: { text: text.join('\n\n'), markdown: markdown.join('\n\n') },
    ...(helpUri ? { helpUri } : {}),
    // GitHub treats a rule as a security rule when it is tagged `security` and has a score.
    properties:
      cwes.length > 0 ? { tags: ['security', ...cwes.map(cweTag)], 'security-severity': securitySeverity(cwes) } : { tags: [] },
  };
}

/** SARIF wants a `name` for people that differs from the opaque `id`: `hardening/no-weak-hashing` → `NoWeakHashing`. */
function friendlyName(id: string): string {
  const name = id
    .slice(id.lastIndexOf('/') + 1)
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return name && name !== id ? name : `${id}Rule`;
}

/** `CWE-89` → `external/cwe/cwe-089`, the spelling CodeQL uses and GitHub links. */
function cweTag(cwe: string): string {
  const number = /\d+/.exec(cwe)?.[0];
  return number ? `external/cwe/cwe-${number.padStart(3, '0')}` : `external/cwe/${cwe.toLowerCase()}`;
}

function cweUrl(cwe: string): string {
  const number = /\d+/.exec(cwe)?.[0] ?? '';
  return `https://cwe.mitre.org/data/definitions/${number}.html`;
}

/**
 * The file relative to ESLint's working directory, percent-encoded, against `%SRCROOT%`:
 * run ESLint from the repository root and GitHub maps every alert to its file. A file
 * outside that directory keeps its absolute `file:` URI.
 */
function artifactLocationOf(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const path = relative(cwd, filePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return { uri: pathToFileURL(filePath).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** ESLint's 1-based lines and columns are SARIF's; its end column is exclusive, as SARIF's. */
function regionOf(message: Linter.LintMessage): Region | undefined {
  if (!(message.line >= 1)) return undefined;
  const region: Region = { startLine: message.line, startColumn: Math.max(1, message.column || 1) };
  const { endLine, endColumn } = message;
  if (endLine !== undefined && endLine >= region.startLine) {
    region.endLine = endLine;
    if (endColumn !== undefined && endColumn >= 1 && (endLine > region.startLine || endColumn >= region.startColumn)) {
      region.endColumn = endColumn;
    }
  }
  return region;
}

function levelOf(message: Linter.LintMessage): Level {
  return message.fatal || message.severity === 2 ? 'error' : 'warning';
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]?.trim() || 'ESLint reported a problem without a message.';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
