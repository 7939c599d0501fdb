import type { TSESLint } from '@typescript-eslint/utils';
import type { RedisConfig, RedisDirective } from '../../languages/redis/redis-node.js';
import type { RedisTlsRule } from '../require-redis-tls.js';

const DEFAULT_PORT = 6379;
const LOOPBACK_BIND = /^-?(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i;

/** The last occurrence wins, as Redis applies directives in order. */
function lastDirective(config: RedisConfig, name: string): RedisDirective | undefined {
  return config.children.findLast((directive) => directive.name === name);
}

function portOf(directive: RedisDirective | undefined, fallback: number): number {
  const value = directive?.args[0]?.value;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;
}

/**
 * Whether the default user must authenticate: `requirepass` with a value, an
 * ACL file, or a `user default` rule with a password (`>secret`, `#sha256`) or `off`.
 */
function hasAuthentication(config: RedisConfig): boolean {
  const requirepass = lastDirective(config, 'requirepass');
  if (requirepass && (requirepass.args[0]?.value ?? '') !== '') return true;
  if (lastDirective(config, 'aclfile')) return true;
  return config.children.some((directive) => {
    if (directive.name !== 'user' || directive.args[0]?.value !== 'default') return false;
    const rules = directive.args.slice(1).map((arg) => arg.value);
    return !rules.includes('nopass') && (rules.includes('off') || rules.some((rule) => rule.startsWith('>') || rule.startsWith('#')));
  });
}

/**
 * redis.conf: `protected-mode no` without a password, a non-loopback `bind`
 * without a password, and non-local clients served without TLS or with the
 * plaintext port still open next to `tls-port`.
 */
export function redisConfigVisitors(rule: RedisTlsRule): TSESLint.RuleListener {
  const { context, requireTls } = rule;

  return {
    RedisConfig(config: RedisConfig) {
      const first = config.children[0];
      // An included file may set bind, requirepass or TLS: what is missing here is unknown.
      if (!first || lastDirective(config, 'include')) return;
      const bind = lastDirective(config, 'bind');
      const addresses = bind?.args.map((arg) => arg.value) ?? [];
      const exposedByBind = bind !== undefined && addresses.some((address) => !LOOPBACK_BIND.test(address));
      const protectedModeOff = lastDirective(config, 'protected-mode');
      const protectionOff = protectedModeOff?.args[0]?.value.toLowerCase() === 'no';
      const authenticated = hasAuthentication(config);
      const port = lastDirective(config, 'port');
      const tlsPort = lastDirective(config, 'tls-port');
      const plainPort = portOf(port, DEFAULT_PORT);
      const securePort = portOf(tlsPort, 0);
      if (plainPort === 0 && securePort === 0) return;
      const where = bind ? `bind ${addresses.join(' ')}` : 'every interface (no bind directive)';

      if (!authenticated && protectionOff && (bind === undefined || exposedByBind)) {
        context.report({
          loc: protectedModeOff!.loc,
          messageId: 'protectedModeOff',
          suggest: [{ messageId: 'enableProtectedMode', fix: (fixer) => fixer.replaceTextRange(protectedModeOff!.range, 'protected-mode yes') }],
        });
      } else if (!authenticated && exposedByBind) {
        context.report({
          loc: bind!.loc,
          messageId: 'noAuthExposed',
          data: { where },
          suggest: [{ messageId: 'bindLoopback', fix: (fixer) => fixer.replaceTextRange(bind!.range, 'bind 127.0.0.1 -::1') }],
        });
      }

      // Without a bind, protected mode keeps clients without a password out: only then are remote clients served.
      const servesRemoteClients = exposedByBind || (bind === undefined && (authenticated || protectionOff));
      if (!requireTls || !servesRemoteClients || plainPort === 0) return;
      if (securePort === 0) {
        context.report({ loc: (port ?? bind ?? first).loc, messageId: 'noTlsPort', data: { where } });
        return;
      }
      const reportAt = port ?? tlsPort!;
      context.report({
        loc: reportAt.loc,
        messageId: 'plaintextPort',
        data: { port: String(plainPort), where },
        suggest: [
          {
            messageId: 'closePlaintextPort',
            fix: (fixer) =>
              port ? fixer.replaceTextRange(port.range, 'port 0') : fixer.insertTextBeforeRange([tlsPort!.range[0], tlsPort!.range[0]], 'port 0\n'),
          },
        ],
      });
    },
  };
}
