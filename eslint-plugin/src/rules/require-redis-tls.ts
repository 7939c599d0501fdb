import type { TSESLint } from '@typescript-eslint/utils';
import type { HostOptions, Range, RedisUrlFinding } from '../detectors/transport-security.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { dockerfileVisitors, envVisitors, yamlVisitors } from './require-redis-tls/config-files.js';
import { javascriptVisitors } from './require-redis-tls/javascript.js';
import { pythonVisitors } from './require-redis-tls/python.js';
import { redisConfigVisitors } from './require-redis-tls/redis-conf.js';

export type Options = [{ allowPrivateHosts?: boolean; requireTls?: boolean }];
export type MessageIds =
  | 'plaintextUrl'
  | 'noPasswordUrl'
  | 'plaintextNoPasswordUrl'
  | 'tlsOptionDisabled'
  | 'protectedModeOff'
  | 'noAuthExposed'
  | 'noTlsPort'
  | 'plaintextPort'
  | 'useRediss'
  | 'enableTlsOption'
  | 'enableProtectedMode'
  | 'bindLoopback'
  | 'closePlaintextPort';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export interface RedisTlsRule {
  context: Context;
  hosts: HostOptions;
  /** Whether plaintext connections are reported (the `requireTls` option); missing passwords always are. */
  requireTls: boolean;
  locOf(range: Range): TSESLint.AST.SourceLocation;
  /** Reports a `redis://` / `rediss://` URL finding whose ranges are offsets in the file. */
  reportUrl(finding: RedisUrlFinding): void;
  /** Reports a client option that turns TLS off (`ssl=False`, `tls: false`), with the edit that turns it on. */
  reportOption(range: Range, option: string, host: string, edit: { range: Range; text: string; replacement: string } | null): void;
}

function redisTlsRule(context: Context, hosts: HostOptions, requireTls: boolean): RedisTlsRule {
  const sourceCode = context.sourceCode as unknown as { getLocFromIndex(index: number): TSESLint.AST.SourceLocation['start'] };
  const locOf = ([start, end]: Range): TSESLint.AST.SourceLocation => ({ start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) });
  return {
    context,
    hosts,
    requireTls,
    locOf,
    reportUrl(finding) {
      const plaintext = finding.plaintext && requireTls;
      if (!plaintext && !finding.noPassword) return;
      const messageId = plaintext ? (finding.noPassword ? 'plaintextNoPasswordUrl' : 'plaintextUrl') : 'noPasswordUrl';
      context.report({
        loc: locOf(finding.range),
        messageId,
        data: { host: finding.host, scheme: finding.scheme },
        suggest: plaintext ? [{ messageId: 'useRediss', fix: (fixer) => fixer.replaceTextRange(finding.schemeRange, 'rediss') }] : [],
      });
    },
    reportOption(range, option, host, edit) {
      if (!requireTls) return;
      context.report({
        loc: locOf(range),
        messageId: 'tlsOptionDisabled',
        data: { option, host },
        suggest: edit
          ? [{ messageId: 'enableTlsOption', data: { replacement: edit.replacement }, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }]
          : [],
      });
    },
  };
}

const READABLE = 'readable and changeable by anyone on the network path';
const OPEN = 'anyone who can reach the server can read and change every key (and rewrite its configuration)';

export default createRule<Options, MessageIds>({
  name: 'require-redis-tls',
  meta: {
    type: 'problem',
    languages: [
      LANGUAGE_NAMES.javascript,
      LANGUAGE_NAMES.python,
      LANGUAGE_NAMES.dockerfile,
      LANGUAGE_NAMES.env,
      LANGUAGE_NAMES.yaml,
      LANGUAGE_NAMES.redis,
    ],
    docs: {
      description: 'Require TLS (rediss://) and a password on Redis connections to non-local hosts, and in redis.conf',
      recommended: true,
      guide: ['AutonomOS › Redis Security › Authentication', 'AutonomOS › Redis Security › TLS/SSL for Redis'],
      cwe: ['CWE-319', 'CWE-306'],
      howToFix:
        'Connect with `rediss://` and a password from the environment; on the server, require a password (`requirepass` or ACL users), serve `tls-port` with `port 0`, and keep `protected-mode yes`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowPrivateHosts: {
            type: 'boolean',
            description:
              'Treat single-label hosts (`redis`, `cache`) and Kubernetes service names (`*.svc`, `*.svc.cluster.local`) as private service names inside a compose or cluster network, which are not reported (default true).',
          },
          requireTls: {
            type: 'boolean',
            description:
              'Report `redis://` URLs, client options that turn TLS off, and a redis.conf that serves non-local clients without `tls-port` (default true). Set to false to check passwords and protected mode only.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      plaintextUrl: `This redis:// URL to {{host}} sends the password, commands and data in plaintext, ${READABLE}. Use rediss:// (TLS).`,
      noPasswordUrl: `This {{scheme}}:// URL to {{host}} has no password, so ${OPEN}. Enable requirepass or ACL users on the server and put the password in the URL from the environment (rediss://:PASSWORD@host).`,
      plaintextNoPasswordUrl: `This redis:// URL to {{host}} has neither TLS nor a password: the traffic is ${READABLE}, and ${OPEN}. Use rediss:// with a password (rediss://:PASSWORD@host).`,
      tlsOptionDisabled: `{{option}} turns TLS off for the Redis connection to {{host}}, so the password, commands and data are ${READABLE}. Enable TLS.`,
      protectedModeOff: `protected-mode no with no password (requirepass or ACL users) lets any client run any command: ${OPEN}. Keep protected mode on, or require a password.`,
      noAuthExposed: `{{where}} exposes Redis beyond this host with no password (requirepass or ACL users), so ${OPEN}. Require a password, or bind to 127.0.0.1 -::1.`,
      noTlsPort: `Redis accepts clients on {{where}} without TLS, so passwords, commands and data are ${READABLE}. Serve TLS: tls-port 6379 with port 0, tls-cert-file, tls-key-file and tls-ca-cert-file.`,
      plaintextPort: `port {{port}} still accepts plaintext clients next to tls-port on {{where}}, so a client (or an attacker downgrading one) can skip TLS. Set port 0.`,
      useRediss: 'Switch to rediss:// (the server must accept TLS).',
      enableTlsOption: 'Set {{replacement}} (the server must accept TLS).',
      enableProtectedMode: 'Set protected-mode yes.',
      bindLoopback: 'Bind to the loopback interface only (bind 127.0.0.1 -::1).',
      closePlaintextPort: 'Set port 0 so only the TLS port accepts clients.',
    },
  },
  defaultOptions: [{ allowPrivateHosts: true, requireTls: true }],
  create(context, [{ allowPrivateHosts = true, requireTls = true }]) {
    const rule = redisTlsRule(context, { allowPrivateHosts }, requireTls);
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(rule),
      python: () => pythonVisitors(rule),
      dockerfile: () => dockerfileVisitors(rule),
      env: () => envVisitors(rule),
      yaml: () => yamlVisitors(rule),
      redis: () => redisConfigVisitors(rule),
    });
  },
});
