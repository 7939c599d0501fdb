import type { TSESLint } from '@typescript-eslint/utils';
import type { Engine } from '../detectors/compose.js';
import {
  LOOPBACK,
  bindScope,
  bindShortPortToLoopback,
  engineOfImage,
  engineOfPorts,
  interpolate,
  isUnknown,
  parsePortRange,
  parseShortPort,
} from '../detectors/compose.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlStream } from '../languages/yaml/yaml-node.js';
import { deref, documentKind, isComposeFile, keyString, mapGet, pairOf, scalarText } from '../languages/yaml/yaml-query.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';
import { appendToBlockMap, combinedFix } from './yaml/edits.js';

export type Options = [];
export type MessageIds = 'exposedPort' | 'hostNetwork';

interface Service {
  name: string;
  pair: YamlPair;
  map: YamlMap;
  /** The datastore its image runs, if the image says. */
  engine: Engine | undefined;
}

/** One `ports:` entry: where to report it, and whether it may be edited (not shared through an alias). */
interface PortEntry {
  node: YamlScalar | YamlMap;
  reportAt: YamlNode;
  editable: boolean;
}

function quoted(value: string, quote: string): string {
  return quote === "'" ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export default createRule<Options, MessageIds>({
  name: 'no-exposed-datastore-ports',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.yaml],
    docs: {
      description: 'Disallow Compose services that publish PostgreSQL, MySQL, Redis or MongoDB ports on all host interfaces',
      recommended: true,
      guide: ['AutonomOS › Network Security › Firewall Configuration'],
      cwe: ['CWE-668'],
      howToFix:
        'Drop the port mapping and connect over the Compose network (`db:5432`), or publish the port on loopback only (`"127.0.0.1:5432:5432"`); do not run the datastore with `network_mode: host`.',
    },
    fixable: 'code',
    schema: [],
    messages: {
      exposedPort:
        'Service "{{service}}" ({{engine}}) publishes port {{port}} on all host interfaces, so the datastore is reachable from outside the private network. Bind it to 127.0.0.1, or drop the mapping and connect over the Compose network.',
      hostNetwork:
        'Service "{{service}}" ({{engine}}) uses network_mode: host, so the datastore listens on every host interface. Put it on a Compose network and publish its port on 127.0.0.1 only, if at all.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = treeSourceCode<YamlStream>(context);
    const text = sourceCode.text;
    // Cheap prefilter: nothing published, nothing exposed.
    if (!text.includes('services') || !(text.includes('ports') || text.includes('network_mode'))) return {};

    function ownPair(map: YamlMap, key: string): YamlPair | undefined {
      const pair = pairOf(map, key);
      return pair && map.children.includes(pair) ? pair : undefined;
    }

    function* portEntries(service: Service): Generator<PortEntry> {
      const pair = pairOf(service.map, 'ports');
      const list = deref(pair?.value);
      if (!pair?.value || list?.type !== 'YamlSeq') return;
      const own = service.map.children.includes(pair);
      // A list shared through an alias or a `<<` merge is reported where this service refers to it.
      const shared = !own || pair.value.type === 'YamlAlias';
      const sharedAt = own ? pair.value : (service.pair.key ?? service.pair);
      for (const item of list.children) {
        const node = deref(item);
        if (node?.type !== 'YamlScalar' && node?.type !== 'YamlMap') continue;
        const editable = !shared && item.type !== 'YamlAlias';
        yield { node, reportAt: shared ? sharedAt : item, editable };
      }
    }

    function report(
      service: Service,
      entry: PortEntry,
      engine: Engine,
      port: string,
      fix: TSESLint.ReportFixFunction | undefined,
    ): void {
      context.report({
        loc: entry.reportAt.loc,
        messageId: 'exposedPort',
        data: { service: service.name, engine, port },
        fix: entry.editable ? fix : undefined,
      });
    }

    function checkShort(service: Service, entry: PortEntry, scalar: YamlScalar): void {
      if (typeof scalar.value !== 'string' && typeof scalar.value !== 'number') return;
      const value = String(scalar.value);
      const parsed = parseShortPort(value);
      if (isUnknown(parsed.target) || parsed.protocol !== 'tcp' || bindScope(parsed.ip) !== 'all') return;
      const engine = service.engine ?? engineOfPorts(parsePortRange(parsed.target));
      if (!engine) return;
      const bound = bindShortPortToLoopback(value, parsed);
      const quote = scalar.style === 'quoted' ? text[scalar.range[0]]! : '"';
      const fix = bound === undefined ? undefined : replaceNode(scalar, quoted(bound, quote));
      report(service, entry, engine, parsed.target.trim(), fix);
    }

    function replaceNode(node: YamlNode, replacement: string): TSESLint.ReportFixFunction | undefined {
      return combinedFix(text, [{ start: node.range[0], end: node.range[1], text: replacement }]);
    }

    function longFix(map: YamlMap, hostIp: YamlPair | undefined): TSESLint.ReportFixFunction | undefined {
      if (hostIp) {
        const value = hostIp.value;
        if (!map.children.includes(hostIp) || value?.type !== 'YamlScalar' || value.source.includes('$')) return undefined;
        if (value.source === '') return replaceNode(value, ` ${LOOPBACK}`);
        return replaceNode(value, value.style === 'quoted' ? quoted(LOOPBACK, text[value.range[0]]!) : LOOPBACK);
      }
      if (!map.flow) {
        const edit = appendToBlockMap(text, map, [`host_ip: ${LOOPBACK}`]);
        return edit && combinedFix(text, [edit]);
      }
      const close = map.range[1] - 1;
      if (text[close] !== '}') return undefined;
      const before = text.slice(map.range[0] + 1, close).trimEnd();
      const at = map.range[0] + 1 + before.length;
      const separator = map.children.length === 0 ? ' ' : before.endsWith(',') ? ' ' : ', ';
      return combinedFix(text, [{ start: at, end: at, text: `${separator}host_ip: ${LOOPBACK}` }]);
    }

    function checkLong(service: Service, entry: PortEntry, map: YamlMap): void {
      const target = scalarText(mapGet(map, 'target'));
      const protocol = scalarText(mapGet(map, 'protocol'))?.toLowerCase() ?? 'tcp';
      const hostIp = pairOf(map, 'host_ip');
      const ipText = scalarText(hostIp?.value);
      const ip = ipText === undefined || ipText === '' ? null : interpolate(ipText);
      if (target === undefined || protocol !== 'tcp' || bindScope(ip) !== 'all') return;
      const resolved = interpolate(target).trim();
      if (isUnknown(resolved)) return;
      const engine = service.engine ?? engineOfPorts(parsePortRange(resolved));
      if (!engine) return;
      const at = entry.editable ? (hostIp?.value ?? pairOf(map, 'published') ?? pairOf(map, 'target')) : undefined;
      report(service, at ? { ...entry, reportAt: at } : entry, engine, resolved, longFix(map, hostIp));
    }

    /** The datastore a port entry's container port belongs to. */
    function targetEngine({ node }: PortEntry): Engine | undefined {
      const target = node.type === 'YamlScalar' ? parseShortPort(String(node.value)).target : scalarText(mapGet(node, 'target'));
      return engineOfPorts(parsePortRange(target && interpolate(target)));
    }

    function checkService(service: Service): void {
      const networkMode = pairOf(service.map, 'network_mode');
      if (scalarText(networkMode?.value) === 'host') {
        // Compose ignores `ports` under host networking: the datastore is simply on every interface.
        const engine = service.engine ?? [...portEntries(service)].map(targetEngine).find((found) => found !== undefined);
        if (!engine) return;
        const at = ownPair(service.map, 'network_mode')?.value ?? service.pair.key ?? service.pair;
        context.report({ loc: at.loc, messageId: 'hostNetwork', data: { service: service.name, engine } });
        return;
      }
      for (const entry of portEntries(service)) {
        if (entry.node.type === 'YamlScalar') checkShort(service, entry, entry.node);
        else checkLong(service, entry, entry.node);
      }
    }

    return {
      YamlStream(stream: YamlStream) {
        if (!isComposeFile(stream)) return;
        for (const doc of stream.children) {
          // A broken document is being typed; a Kubernetes object is not a Compose file.
          if (doc.errors.length > 0 || documentKind(doc)) continue;
          const services = deref(mapGet(doc.contents, 'services'));
          if (services?.type !== 'YamlMap') continue;
          for (const pair of services.children) {
            const map = deref(pair.value);
            if (map?.type !== 'YamlMap') continue;
            const engine = engineOfImage(scalarText(mapGet(map, 'image')));
            checkService({ name: keyString(pair.key), pair, map, engine });
          }
        }
      },
    };
  },
});
