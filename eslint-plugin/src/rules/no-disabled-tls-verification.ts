import type { TSESLint } from '@typescript-eslint/utils';
import type { Range } from '../detectors/transport-security.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { dockerfileVisitors, envVisitors, yamlVisitors } from './no-disabled-tls-verification/config-files.js';
import { javascriptVisitors } from './no-disabled-tls-verification/javascript.js';
import { pythonVisitors } from './no-disabled-tls-verification/python.js';

export type Options = [];
export type MessageIds =
  | 'verificationDisabled'
  | 'hostnameCheckDisabled'
  | 'envVerificationDisabled'
  | 'enableVerification'
  | 'removeSetting';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export interface Edit {
  range: Range;
  text: string;
}

/** What a finding says and how it can be undone. */
export interface VerificationFinding {
  range: Range;
  kind: 'certificate' | 'hostname' | 'environment';
  /** The setting as it reads in the code (`rejectUnauthorized: false`, `verify=False`). */
  setting: string;
  /** How to trust a private CA instead, in the file's language. */
  instead?: string;
  /** Turns verification back on (`true`, `True`, `CERT_REQUIRED`), with the setting it yields. */
  enable?: Edit & { replacement: string };
  /** Removes the setting (`checkServerIdentity`, `NODE_TLS_REJECT_UNAUTHORIZED=0`). */
  remove?: Edit;
}

export type Report = (finding: VerificationFinding) => void;

function reporter(context: Context): Report {
  const sourceCode = context.sourceCode as unknown as { getLocFromIndex(index: number): TSESLint.AST.SourceLocation['start'] };
  return (finding) => {
    const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
    const { enable, remove } = finding;
    if (enable) {
      suggest.push({ messageId: 'enableVerification', data: { replacement: enable.replacement }, fix: (fixer) => fixer.replaceTextRange(enable.range, enable.text) });
    }
    if (remove) {
      suggest.push({ messageId: 'removeSetting', data: { setting: finding.setting }, fix: (fixer) => fixer.replaceTextRange(remove.range, remove.text) });
    }
    context.report({
      loc: { start: sourceCode.getLocFromIndex(finding.range[0]), end: sourceCode.getLocFromIndex(finding.range[1]) },
      messageId: finding.kind === 'certificate' ? 'verificationDisabled' : finding.kind === 'hostname' ? 'hostnameCheckDisabled' : 'envVerificationDisabled',
      data: { setting: finding.setting, instead: finding.instead ?? '' },
      suggest,
    });
  };
}

const IMPERSONATION = 'anyone on the network path can impersonate the server and read or change the traffic';

export default createRule<Options, MessageIds>({
  name: 'no-disabled-tls-verification',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python, LANGUAGE_NAMES.dockerfile, LANGUAGE_NAMES.env, LANGUAGE_NAMES.yaml],
    docs: {
      description: 'Disallow turning off TLS certificate and host name verification',
      recommended: true,
      guide: ['AMAS › 4.1 HTTPS/TLS', 'AutonomOS › Network Security › TLS/SSL Configuration', 'AutonomOS › Compliance › SOC 2 (Service Organization Control)'],
      cwe: ['CWE-295'],
      howToFix:
        'Keep certificate and host name verification on and trust the server\'s CA instead: pass it as `ca` or `verify="/path/to/ca.pem"`, or give it to the process with `NODE_EXTRA_CA_CERTS` or `REQUESTS_CA_BUNDLE`.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      verificationDisabled: `{{setting}} turns off TLS certificate verification, so ${IMPERSONATION}. Trust the server's CA instead ({{instead}}).`,
      hostnameCheckDisabled: `{{setting}} turns off the TLS host name check, so a valid certificate for any other name is accepted and ${IMPERSONATION}. Keep the default host name check.`,
      envVerificationDisabled: `{{setting}} turns off TLS certificate verification for every connection the Node.js process makes, so ${IMPERSONATION}. Remove it and give Node.js the private CA with NODE_EXTRA_CA_CERTS.`,
      enableVerification: 'Use {{replacement}} (if the server uses a private CA, configure it first).',
      removeSetting: 'Remove {{setting}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    const report = reporter(context);
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, report),
      python: () => pythonVisitors(context, report),
      dockerfile: () => dockerfileVisitors(context, report),
      env: () => envVisitors(context, report),
      yaml: () => yamlVisitors(context, report),
    });
  },
});
