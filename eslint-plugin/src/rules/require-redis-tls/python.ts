import type { TSESLint } from '@typescript-eslint/utils';
import { findRedisUrlIssues, hostKind } from '../../detectors/transport-security.js';
import { callArguments, dottedName, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { importedName, importedNames } from '../../languages/python/python-scope.js';
import { treeSourceCode } from '../../util/languages.js';
import { scanString } from '../require-database-tls/python-strings.js';
import type { RedisTlsRule } from '../require-redis-tls.js';

const PREFILTER = /redis/i;
/** redis-py (also `redis.asyncio`, `aioredis`) clients and pools that take `host=` and `ssl=`. */
const CLIENT_CLASSES = new Set(['Redis', 'StrictRedis', 'ConnectionPool', 'RedisCluster']);

export function pythonVisitors(rule: RedisTlsRule): TSESLint.RuleListener {
  const { context, hosts, reportUrl, reportOption } = rule;
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  if (!PREFILTER.test(text)) return {};
  let imports: Map<string, string> | undefined;

  return {
    string(node: PythonNode) {
      const scanned = scanString(node, text);
      if (!scanned || !scanned.text.includes('://')) return;
      const { offset } = scanned;
      for (const finding of findRedisUrlIssues(scanned.text, hosts, { openEnd: scanned.openEnd })) {
        reportUrl({
          ...finding,
          range: [finding.range[0] + offset, finding.range[1] + offset],
          schemeRange: [finding.schemeRange[0] + offset, finding.schemeRange[1] + offset],
        });
      }
    },
    // `redis.Redis(host="cache.example.com", ssl=False)`
    call(node: PythonNode) {
      imports ??= importedNames(sourceCode.ast, text);
      const callee = field(node, 'function');
      const name = importedName(callee, text, imports) ?? dottedName(callee, text) ?? '';
      if (!/redis/i.test(name) || !CLIENT_CLASSES.has(name.split('.').pop()!)) return;
      const { keywords } = callArguments(node, text);
      const ssl = keywords.get('ssl');
      const hostNode = keywords.get('host');
      // No host: redis-py connects to localhost.
      if (ssl?.type !== 'false' || !hostNode) return;
      const host = stringValue(hostNode, text);
      const kind = host === undefined ? 'unknown' : hostKind(host, hosts);
      if (kind === 'local' || kind === 'private') return;
      const argument = parent(ssl)!;
      reportOption(argument.range, 'ssl=False', host ?? 'the configured host', { range: ssl.range, text: 'True', replacement: 'ssl=True' });
    },
  };
}
