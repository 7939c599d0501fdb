import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findRedisUrlIssues, hostKind, isLocalUrl } from '../../detectors/transport-security.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import type { StringNode } from '../require-database-tls/javascript-strings.js';
import { calleeName, enclosingObjects, literalSettings, scanString } from '../require-database-tls/javascript-strings.js';
import type { RedisTlsRule } from '../require-redis-tls.js';

const PREFILTER = /redis/i;
/** ioredis (`new Redis()`, `new Cluster()`) and node-redis (`createClient()`, `createCluster()`). */
const CLIENT_CALLS = new Set(['Redis', 'IORedis', 'Cluster', 'createClient', 'createCluster']);

export function javascriptVisitors(rule: RedisTlsRule): TSESLint.RuleListener {
  const { context, hosts, reportUrl, reportOption } = rule;
  const sourceCode = context.sourceCode;
  if (!PREFILTER.test(sourceCode.text)) return {};

  function check(node: StringNode): void {
    const scanned = scanString(sourceCode, node);
    if (!scanned || !scanned.text.includes('://')) return;
    const { offset } = scanned;
    for (const finding of findRedisUrlIssues(scanned.text, hosts, { openEnd: scanned.openEnd })) {
      reportUrl({
        ...finding,
        range: [finding.range[0] + offset, finding.range[1] + offset],
        schemeRange: [finding.schemeRange[0] + offset, finding.schemeRange[1] + offset],
      });
    }
  }

  return {
    Literal(node: TSESTree.Literal) {
      if (typeof node.value === 'string') check(node as TSESTree.StringLiteral);
    },
    TemplateLiteral(node: TSESTree.TemplateLiteral) {
      check(node);
    },
    // `new Redis({ host: 'cache.example.com', tls: false })`, `createClient({ socket: { host, tls: false } })`.
    Property(node: TSESTree.Property) {
      if (staticPropertyName(node) !== 'tls' || node.value.type !== AST_NODE_TYPES.Literal || node.value.value !== false) return;
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const { objects, call } = enclosingObjects(node.parent);
      if (!call || !CLIENT_CALLS.has(calleeName(call) ?? '')) return;
      const settings = literalSettings(objects, call);
      const host = settings.find(({ key }) => key === 'host')?.value;
      const url = settings.find(({ key }) => key === 'url')?.value;
      const named = objects.some((object) =>
        object.properties.some((property) => property.type === AST_NODE_TYPES.Property && ['host', 'url'].includes(staticPropertyName(property) ?? '')),
      );
      // No host at all: the client connects to localhost.
      if (!named && call.arguments.every((argument) => argument.type === AST_NODE_TYPES.ObjectExpression)) return;
      if (host !== undefined && hostKind(host, hosts) !== 'remote' && hostKind(host, hosts) !== 'unknown') return;
      if (url !== undefined && isLocalUrl(url, hosts)) return;
      reportOption(node.range, 'tls: false', host ?? 'the configured host', { range: node.value.range, text: 'true', replacement: 'tls: true' });
    },
  };
}
