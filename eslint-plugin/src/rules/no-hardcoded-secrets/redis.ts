import { createHash } from 'node:crypto';
import type { TSESLint } from '@typescript-eslint/utils';
import { isStandIn } from '../../detectors/secret-strength.js';
import { maskValue } from '../../detectors/secrets.js';
import type { RedisArgument, RedisDirective } from '../../languages/redis/redis-node.js';
import type { SecretsRuleContext } from '../no-hardcoded-secrets.js';

/** Directives whose first argument is a password in plain text. */
const PASSWORD_DIRECTIVES = new Set(['requirepass', 'masterauth', 'tls-key-file-pass', 'tls-client-key-file-pass']);
/** The password redis.conf's own comments use as an example (`requirepass foobared`). */
const DOCUMENTED_EXAMPLE = 'foobared';

/** A password in use: not empty, not Redis's documented example, not a stand-in (`changeme`, `${REDIS_PASSWORD}`). */
function isRealPassword(value: string): boolean {
  return value !== DOCUMENTED_EXAMPLE && !isStandIn(value.trim());
}

/**
 * redis.conf: `requirepass`, `masterauth` and the TLS key passphrases in plain
 * text, and inline ACL passwords (`user app on >password ~* +@all`). Whatever
 * argument follows these directives is a password, so any value but a stand-in
 * is one: there is no label or reference to tell apart.
 */
export function redisVisitors({ context, matcher }: SecretsRuleContext): TSESLint.RuleListener {
  function report(directive: string, argument: RedisArgument, password: string, suggest: TSESLint.ReportSuggestionArray<'hashAclPassword'>): void {
    context.report({ loc: argument.loc, messageId: 'redisPassword', data: { directive, secret: maskValue(password) }, suggest });
  }

  return {
    RedisDirective(directive: RedisDirective) {
      if (matcher.isIgnoredName(directive.name)) return;
      if (PASSWORD_DIRECTIVES.has(directive.name)) {
        const [argument] = directive.args;
        if (argument && isRealPassword(argument.value)) report(directive.name, argument, argument.value, []);
        return;
      }
      if (directive.name !== 'user') return;
      const [user, ...rules] = directive.args;
      for (const rule of rules) {
        // `>password` adds a plaintext password; `#<sha256>` adds a hashed one, which is what to write instead.
        if (!rule.value.startsWith('>')) continue;
        const password = rule.value.slice(1);
        if (!isRealPassword(password)) continue;
        // eslint-disable-next-line hardening/no-weak-hashing -- Redis ACL `#<hash>` rules are SHA-256 by definition (redis.io ACL docs)
        const hash = createHash('sha256').update(password).digest('hex');
        report(`user ${user?.value ?? ''}`.trim(), rule, password, [
          { messageId: 'hashAclPassword', data: { hash: hash.slice(0, 8) }, fix: (fixer) => fixer.replaceTextRange(rule.range, `#${hash}`) },
        ]);
      }
    },
  };
}
