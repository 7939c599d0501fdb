import type { YamlAlias, YamlContent, YamlDocument, YamlMap, YamlNode, YamlPair, YamlStream } from './yaml-node.js';
import { aliasTarget, yamlParent } from './yaml-node.js';

/**
 * Small queries over the YAML tree for rules. They take any node (or nothing)
 * and answer `undefined` when the shape does not match, so lookups chain
 * without checks: `mapGet(mapGet(doc.contents, 'spec'), 'template')`.
 * Aliases are followed wherever a value is read, a document stands for its
 * contents, and `<<` merge keys are honoured as Kubernetes (go-yaml) and
 * Compose read them.
 */

export type YamlKey = string | number | boolean | null;
export type YamlPathSegment = string | number;
export type YamlPlain = string | number | boolean | null | YamlPlain[] | { [key: string]: YamlPlain };

type Maybe<T> = T | null | undefined;

/** The anchored node an alias refers to, in the same document (the last `&name` before it). */
export function resolveAlias(alias: YamlAlias): YamlContent | undefined {
  return aliasTarget(alias);
}

/** The node itself, a document's contents, or for an alias the node it refers to. */
export function deref(node: Maybe<YamlNode>): YamlNode | undefined {
  const target = node?.type === 'YamlDocument' ? node.contents : node;
  if (!target) return undefined;
  return target.type === 'YamlAlias' ? aliasTarget(target) : target;
}

function asMap(node: Maybe<YamlNode>): YamlMap | undefined {
  const target = deref(node);
  return target?.type === 'YamlMap' ? target : undefined;
}

/** A key as a string, as Kubernetes and Compose see keys after reading YAML into JSON. */
export function keyString(key: Maybe<YamlNode>): string {
  const node = deref(key);
  if (!node) return '';
  if (node.type === 'YamlScalar') {
    if (typeof node.value === 'string') return node.value;
    return node.source === '' ? '' : String(node.value);
  }
  return JSON.stringify(toPlain(node));
}

function keyMatches(keyNode: Maybe<YamlContent>, key: YamlKey): boolean {
  const node = deref(keyNode);
  if (node?.type !== 'YamlScalar') return false;
  return node.value === key || (node.value !== null && key !== null && String(node.value) === String(key));
}

function isMergeKey(key: Maybe<YamlContent>): boolean {
  return key?.type === 'YamlScalar' && key.style === 'plain' && key.source === '<<';
}

/** The maps a `<<` value merges in, highest precedence first: `*base` or `[*a, *b]`. */
function mergeSources(value: Maybe<YamlContent>): YamlMap[] {
  const node = deref(value);
  if (node?.type === 'YamlMap') return [node];
  if (node?.type !== 'YamlSeq') return [];
  return node.children.map(asMap).filter((map): map is YamlMap => map !== undefined);
}

/** How many maps a lookup follows through `<<` merges (a cycle or a pathological chain ends there). */
const MAX_MERGED_MAPS = 100;

function findPair(map: YamlMap, key: YamlKey, seen: Set<YamlMap>): YamlPair | undefined {
  if (seen.has(map) || seen.size > MAX_MERGED_MAPS) return undefined;
  seen.add(map);
  // A duplicate key is an error in YAML; readers that accept it keep the last one.
  for (let i = map.children.length - 1; i >= 0; i--) {
    const pair = map.children[i]!;
    if (keyMatches(pair.key, key)) return pair;
  }
  for (const pair of map.children) {
    if (!isMergeKey(pair.key)) continue;
    for (const source of mergeSources(pair.value)) {
      const found = findPair(source, key, seen);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The pair for `key` in a map (or an alias to one). Keys compare as strings
 * (`80` finds `"80"`), the last duplicate wins, and keys brought in by a `<<`
 * merge are found too: then the pair is the one in the merged map.
 */
export function pairOf(node: Maybe<YamlNode>, key: YamlKey): YamlPair | undefined {
  const map = asMap(node);
  return map && findPair(map, key, new Set());
}

/** The value node for `key` (not dereferenced, so a report lands where the value is written). */
export function mapGet(node: Maybe<YamlNode>, key: YamlKey): YamlContent | undefined {
  return pairOf(node, key)?.value ?? undefined;
}

/** Follows a path of map keys and sequence indexes: `getIn(doc.contents, ['spec', 'containers', 0])`. */
export function getIn(node: Maybe<YamlNode>, path: readonly YamlPathSegment[]): YamlContent | undefined {
  let current: YamlNode | undefined = node ?? undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const seq = deref(current);
      current = seq?.type === 'YamlSeq' ? seq.children[segment] : undefined;
    } else {
      current = mapGet(current, segment);
    }
    if (!current) return undefined;
  }
  return current?.type === 'YamlStream' || current?.type === 'YamlDocument' || current?.type === 'YamlPair'
    ? undefined
    : current;
}

/** A scalar's typed value (through an alias); undefined for anything else. */
export function scalarValue(node: Maybe<YamlNode>): string | number | boolean | null | undefined {
  const target = deref(node);
  return target?.type === 'YamlScalar' ? target.value : undefined;
}

/** A scalar as text: a string's value, or how a number, boolean or null is written. */
export function scalarText(node: Maybe<YamlNode>): string | undefined {
  const target = deref(node);
  if (target?.type !== 'YamlScalar') return undefined;
  return typeof target.value === 'string' ? target.value : target.source;
}

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/**
 * A scalar read as a boolean the way Kubernetes reads it: YAML 1.2 `true` /
 * `false`, and also YAML 1.1's plain `yes`/`no`/`on`/`off`/`y`/`n` (go-yaml v2
 * turns `privileged: yes` into true). Undefined for anything else.
 */
export function booleanValue(node: Maybe<YamlNode>): boolean | undefined {
  const target = deref(node);
  if (target?.type !== 'YamlScalar') return undefined;
  if (typeof target.value === 'boolean') return target.value;
  if (target.style !== 'plain' || typeof target.value !== 'string') return undefined;
  return YAML11_TRUE.has(target.value) ? true : YAML11_FALSE.has(target.value) ? false : undefined;
}

/**
 * Beyond this many nodes, or this deep, `toPlain` reads null: a billion-laughs
 * file or aliases nested in aliases must not hang the linter or overflow the stack.
 */
const PLAIN_NODE_BUDGET = 100_000;
const PLAIN_MAX_DEPTH = 1_000;

function setKey(object: { [key: string]: YamlPlain }, key: string, value: YamlPlain): void {
  // `__proto__` is an ordinary key in YAML.
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A plain JS view of a node: maps become objects (keys as strings, `<<` merges
 * applied, last duplicate wins), sequences arrays, aliases their target. An
 * alias inside its own anchor, or past the size or depth budget, reads as null.
 */
export function toPlain(node: Maybe<YamlNode>): YamlPlain {
  let budget = PLAIN_NODE_BUDGET;
  const active = new Set<YamlNode>();
  // A collection as a key (rare) is converted within the same walk, so an alias in it cannot loop.
  const keyText = (key: Maybe<YamlNode>): string => {
    const node = deref(key);
    return !node || node.type === 'YamlScalar' ? keyString(node) : JSON.stringify(convert(key));
  };
  let depth = 0;
  const convert = (current: Maybe<YamlNode>): YamlPlain => {
    if (!current || budget-- <= 0 || depth > PLAIN_MAX_DEPTH) return null;
    depth++;
    try {
      return convertNode(current);
    } finally {
      depth--;
    }
  };
  const convertNode = (current: YamlNode): YamlPlain => {
    switch (current.type) {
      case 'YamlStream':
        return current.children.map(convert);
      case 'YamlDocument':
        return convert(current.contents);
      case 'YamlPair':
        return convert(current.value);
      case 'YamlScalar':
        return current.value;
      case 'YamlAlias': {
        const target = aliasTarget(current);
        if (!target || active.has(target)) return null;
        return convert(target);
      }
      case 'YamlSeq': {
        active.add(current);
        const items = current.children.map(convert);
        active.delete(current);
        return items;
      }
      case 'YamlMap': {
        active.add(current);
        const object: { [key: string]: YamlPlain } = {};
        const merged: YamlMap[] = [];
        for (const pair of current.children) {
          if (isMergeKey(pair.key)) merged.push(...mergeSources(pair.value));
          else setKey(object, keyText(pair.key), convert(pair.value));
        }
        for (const source of merged) {
          const values = active.has(source) ? null : convert(source);
          if (values === null || typeof values !== 'object' || Array.isArray(values)) continue;
          for (const [key, value] of Object.entries(values)) {
            // Keys written in the map win over merged ones, and earlier merged maps over later ones.
            if (!Object.prototype.hasOwnProperty.call(object, key)) setKey(object, key, value);
          }
        }
        active.delete(current);
        return object;
      }
    }
  };
  return convert(node);
}

/**
 * Where a node sits in its document: map keys as strings, sequence indexes as
 * numbers, e.g. `['spec', 'template', 'spec', 'containers', 0, 'securityContext']`.
 * A pair, its key and its value share the pair's path; a document's contents is `[]`.
 */
export function pathOf(node: YamlNode): YamlPathSegment[] {
  const path: YamlPathSegment[] = [];
  let current: YamlNode | undefined = node;
  while (current && current.type !== 'YamlDocument' && current.type !== 'YamlStream') {
    const parent = yamlParent(current);
    if (current.type === 'YamlPair') path.push(keyString(current.key));
    else if (parent?.type === 'YamlSeq') path.push(parent.children.indexOf(current as YamlContent));
    current = parent;
  }
  return path.reverse();
}

export interface KubernetesKind {
  apiVersion: string;
  kind: string;
}

/** `apiVersion` and `kind` of a document that is a Kubernetes object (both must be non-empty strings). */
export function documentKind(doc: YamlDocument): KubernetesKind | undefined {
  const apiVersion = scalarValue(mapGet(doc.contents, 'apiVersion'));
  const kind = scalarValue(mapGet(doc.contents, 'kind'));
  return typeof apiVersion === 'string' && apiVersion && typeof kind === 'string' && kind ? { apiVersion, kind } : undefined;
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The pod spec of a workload document (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ...). */
export function podSpecOf(doc: YamlDocument): YamlMap | undefined {
  const kind = documentKind(doc)?.kind;
  const path = kind === undefined ? undefined : POD_SPEC_PATHS[kind];
  return path && asMap(getIn(doc.contents, path));
}

export const CONTAINER_FIELDS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Every container map of a pod spec: init containers, containers, then ephemeral containers. */
export function containersOf(podSpec: Maybe<YamlNode>): YamlMap[] {
  const containers: YamlMap[] = [];
  for (const field of CONTAINER_FIELDS) {
    const list = deref(mapGet(podSpec, field));
    if (list?.type !== 'YamlSeq') continue;
    for (const item of list.children) {
      const container = asMap(item);
      if (container) containers.push(container);
    }
  }
  return containers;
}

/** Keys only a Compose service has, together. */
const COMPOSE_SERVICE_KEYS = ['image', 'build', 'ports', 'environment'] as const;

/**
 * Whether the file reads as a Compose file: a document (not a Kubernetes
 * object) with a top-level `services:` mapping in which some service is a
 * mapping with `image`, `build`, `ports` or `environment`.
 */
export function isComposeFile(stream: YamlStream): boolean {
  return stream.children.some((doc) => {
    if (documentKind(doc)) return false;
    const services = asMap(mapGet(doc.contents, 'services'));
    return (
      services?.children.some((service) => COMPOSE_SERVICE_KEYS.some((key) => pairOf(service.value, key) !== undefined)) ??
      false
    );
  });
}
