import { DiagnosticSeverity } from 'vscode-languageserver';
import type { RuleCustomization } from './settings.js';

/**
 * `hardening.rules.customizations`, as vscode-eslint's `eslint.rules.customizations`:
 * each entry's `rule` is a glob on the rule id, a leading `!` inverts it, and the
 * last matching entry decides. Editor-only: the CLI keeps the config's severities.
 */

const compiled = new Map<string, (ruleId: string) => boolean>();

function matcher(pattern: string): (ruleId: string) => boolean {
  let match = compiled.get(pattern);
  if (!match) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    const source = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
      .join('.*');
    const regex = new RegExp(`^${source}$`, 'u');
    match = negated ? (ruleId) => !regex.test(ruleId) : (ruleId) => regex.test(ruleId);
    compiled.set(pattern, match);
  }
  return match;
}

/** The severity to show for a finding of `ruleId`, or `undefined` to drop it (`off`). */
export function customizedSeverity(
  ruleId: string | null,
  severity: DiagnosticSeverity,
  customizations: readonly RuleCustomization[],
): DiagnosticSeverity | undefined {
  if (!ruleId || customizations.length === 0) return severity;
  let override: RuleCustomization['severity'] = 'default';
  for (const customization of customizations) {
    if (matcher(customization.rule)(ruleId)) override = customization.severity;
  }
  switch (override) {
    case 'off':
      return undefined;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'warn':
      return DiagnosticSeverity.Warning;
    case 'error':
      return DiagnosticSeverity.Error;
    case 'downgrade':
      return severity === DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
    case 'upgrade':
      return severity === DiagnosticSeverity.Information ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
    case 'default':
      return severity;
  }
}
