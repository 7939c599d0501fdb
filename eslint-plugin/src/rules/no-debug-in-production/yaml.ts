import type { TSESLint } from '@typescript-eslint/utils';
import type { DebugSetting } from '../../detectors/environments.js';
import { debugSetting, isProductionPath } from '../../detectors/environments.js';
import type { YamlContent, YamlNode, YamlScalar, YamlStream } from '../../languages/yaml/yaml-node.js';
import {
  containersOf,
  deref,
  documentKind,
  isComposeFile,
  keyString,
  mapGet,
  podSpecOf,
  scalarText,
} from '../../languages/yaml/yaml-query.js';
import type { Range } from '../../languages/shared/tree.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context } from '../no-debug-in-production.js';
import { lintedPath } from '../no-debug-in-production.js';

/** How many `<<` merges an environment map is followed through. */
const MAX_MERGES = 20;

/**
 * The environment a deployment gives its containers: Compose services'
 * `environment:` (a map, or a list of `KEY=value`), Kubernetes containers'
 * `env:` (`- name: DEBUG` / `value: "true"`), and ConfigMap `data:`.
 */
export function yamlVisitors(context: Context): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<YamlStream>(context);
  const text = sourceCode.text;
  if (!/DEBUG|_?ENV/i.test(text)) return {};
  const production = isProductionPath(lintedPath(context));
  const reported = new Set<YamlNode>();

  /** The written range of a scalar's value without its quotes, when it is written as read (no escapes, not a block). */
  function valueRange(scalar: YamlScalar, skip = 0): Range | undefined {
    if (scalar.style === 'block') return undefined;
    const quoted = scalar.style === 'quoted';
    const inner = quoted ? scalar.source.slice(1, -1) : scalar.source;
    if (inner !== String(scalarText(scalar))) return undefined;
    const start = scalar.range[0] + (quoted ? 1 : 0) + skip;
    return [start, start + inner.length - skip];
  }

  function check(at: YamlNode, key: string, value: string, range: Range | undefined): void {
    if (reported.has(at)) return;
    const setting: DebugSetting | undefined = debugSetting(key, value);
    if (!setting || (setting.kind === 'environment' && !production)) return;
    reported.add(at);
    const replacement = setting.kind === 'debug' ? setting.off : setting.production;
    const fix = range ? (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(range, replacement) : undefined;
    context.report({
      loc: at.loc,
      messageId: setting.kind === 'debug' ? 'debugVariable' : 'developmentEnvironment',
      data: { setting: `${key}=${value}`, off: replacement },
      suggest: fix ? [setting.kind === 'debug' ? { messageId: 'setOff', data: { value: replacement }, fix } : { messageId: 'setProduction', fix }] : [],
    });
  }

  /** `KEY: value` pairs (with `<<` merges) or `- KEY=value` items. */
  function checkEnvironment(node: YamlContent | undefined, merges = 0): void {
    const target = deref(node);
    if (target?.type === 'YamlMap') {
      for (const pair of target.children) {
        const key = keyString(pair.key);
        if (key === '<<' && merges < MAX_MERGES) {
          const sources = deref(pair.value);
          for (const source of sources?.type === 'YamlSeq' ? sources.children : [pair.value ?? undefined]) checkEnvironment(source ?? undefined, merges + 1);
          continue;
        }
        const value = deref(pair.value);
        if (value?.type !== 'YamlScalar' || value.value === null) continue;
        check(pair, key, String(scalarText(value)), valueRange(value));
      }
    } else if (target?.type === 'YamlSeq') {
      for (const item of target.children) {
        const entry = item.type === 'YamlScalar' ? scalarText(item) : undefined;
        const equals = entry?.indexOf('=') ?? -1;
        if (item.type !== 'YamlScalar' || equals <= 0) continue;
        check(item, entry!.slice(0, equals), entry!.slice(equals + 1), valueRange(item, equals + 1));
      }
    }
  }

  return {
    YamlStream(stream: YamlStream) {
      const compose = isComposeFile(stream);
      for (const doc of stream.children) {
        if (compose) {
          const services = deref(mapGet(doc.contents, 'services'));
          if (services?.type !== 'YamlMap') continue;
          for (const service of services.children) checkEnvironment(mapGet(service.value, 'environment'));
          continue;
        }
        if (documentKind(doc)?.kind === 'ConfigMap') checkEnvironment(mapGet(doc.contents, 'data'));
        for (const container of containersOf(podSpecOf(doc))) {
          const env = deref(mapGet(container, 'env'));
          if (env?.type !== 'YamlSeq') continue;
          for (const variable of env.children) {
            const name = scalarText(mapGet(variable, 'name'));
            const value = deref(mapGet(variable, 'value'));
            if (name === undefined || value?.type !== 'YamlScalar' || value.value === null) continue;
            check(value, name, String(scalarText(value)), valueRange(value));
          }
        }
      }
    },
  };
}
