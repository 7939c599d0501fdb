import type { TSESLint } from '@typescript-eslint/utils';
import type { DatabaseTlsFinding, DatabaseTlsOptions, Range } from '../detectors/transport-security.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { dockerfileVisitors, envVisitors, yamlVisitors } from './require-database-tls/config-files.js';
import { javascriptVisitors } from './require-database-tls/javascript.js';
import { pythonVisitors } from './require-database-tls/python.js';

export type Options = [{ allowPrivateHosts?: boolean; tlsEnforcedHosts?: string[] }];
export type MessageIds = 'missingTls' | 'tlsDisabled' | 'tlsOptionDisabled' | 'requireTls' | 'enableTlsOption';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What every language's visitors get. */
export interface DatabaseTlsRule {
  context: Context;
  options: DatabaseTlsOptions;
  /** Reports a connection-string finding whose ranges are offsets in the file. */
  reportFinding(finding: DatabaseTlsFinding): void;
  /** Reports a driver option that turns TLS off (`ssl: false`), with the edit that turns it on. */
  reportOption(range: Range, option: string, edit: { range: Range; text: string; replacement: string } | null): void;
}

function locOf(context: Context, [start, end]: Range): TSESLint.AST.SourceLocation {
  const sourceCode = context.sourceCode as unknown as { getLocFromIndex(index: number): TSESLint.AST.SourceLocation["start"] };
  return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) };
}

function databaseTlsRule(context: Context, options: DatabaseTlsOptions): DatabaseTlsRule {
  return {
    context,
    options,
    reportFinding(finding) {
      const { edit } = finding;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = edit
        ? [{ messageId: 'requireTls', data: { required: finding.required }, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }]
        : [];
      const data = { engine: finding.engine, host: finding.host, required: finding.required, setting: finding.setting };
      context.report({ loc: locOf(context, finding.range), messageId: finding.kind === 'missing' ? 'missingTls' : 'tlsDisabled', data, suggest });
    },
    reportOption(range, option, edit) {
      context.report({
        loc: locOf(context, range),
        messageId: 'tlsOptionDisabled',
        data: { option },
        suggest: edit
          ? [{ messageId: 'enableTlsOption', data: { replacement: edit.replacement }, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }]
          : [],
      });
    },
  };
}

const PLAINTEXT = 'so credentials and query results can be read or changed by anyone on the network path';

export default createRule<Options, MessageIds>({
  name: 'require-database-tls',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python, LANGUAGE_NAMES.dockerfile, LANGUAGE_NAMES.env, LANGUAGE_NAMES.yaml],
    docs: {
      description: 'Require TLS (sslmode=require or stronger) on PostgreSQL and MySQL connections to non-local hosts',
      recommended: true,
      guide: ['AMAS › 3.1 Connection Security', 'AutonomOS › Database Security › Connection Encryption'],
      cwe: ['CWE-319'],
      howToFix:
        'Require TLS in the connection string (`?sslmode=require`, or `verify-full` with `sslrootcert`; `ssl-mode=REQUIRED` for MySQL) or in the driver options, and never set it to `disable` or `false`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowPrivateHosts: {
            type: 'boolean',
            description:
              'Treat single-label hosts (`db`, `postgres`) and Kubernetes service names (`*.svc`, `*.svc.cluster.local`) as private service names inside a compose or cluster network, which are not reported (default true).',
          },
          tlsEnforcedHosts: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Host names, or suffixes starting with a dot, of managed databases that refuse plaintext connections, in addition to the built-in Supabase, Neon and PlanetScale hosts: a connection to them without sslmode is not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingTls: `The {{engine}} connection to {{host}} does not require TLS: the driver may connect in plaintext (or fall back to it), ${PLAINTEXT}. Require TLS ({{required}}) and verify the server certificate in production.`,
      tlsDisabled: `"{{setting}}" lets the {{engine}} connection to {{host}} run without TLS (it turns TLS off or falls back to plaintext), ${PLAINTEXT}. Use "{{required}}".`,
      tlsOptionDisabled: `{{option}} lets this database connection run without TLS, ${PLAINTEXT}. Enable TLS and verify the server certificate with its CA.`,
      requireTls: 'Require TLS with {{required}} (the server must accept TLS).',
      enableTlsOption: 'Set {{replacement}} (the server must accept TLS).',
    },
  },
  defaultOptions: [{ allowPrivateHosts: true, tlsEnforcedHosts: [] }],
  create(context, [{ allowPrivateHosts = true, tlsEnforcedHosts = [] }]) {
    const rule = databaseTlsRule(context, { allowPrivateHosts, tlsEnforcedHosts });
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(rule),
      python: () => pythonVisitors(rule),
      dockerfile: () => dockerfileVisitors(rule),
      env: () => envVisitors(rule),
      yaml: () => yamlVisitors(rule),
    });
  },
});
