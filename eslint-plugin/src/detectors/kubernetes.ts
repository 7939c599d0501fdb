import type { YamlContent, YamlMap, YamlNode, YamlPair } from '../languages/yaml/yaml-node.js';
import { booleanValue, deref, getIn, keyString, mapGet, pairOf, scalarText, scalarValue } from '../languages/yaml/yaml-query.js';

/**
 * Kubernetes workloads and the securityContext a container really runs with,
 * resolved the way the kubelet resolves it. Pure: YAML nodes in, facts out.
 */

interface Workload {
  /** API groups the kind belongs to (`''` is the core group of `apiVersion: v1`). */
  groups: readonly string[];
  /** Where the pod spec is, from the object's root. */
  path: readonly string[];
}

const TEMPLATE_SPEC = ['spec', 'template', 'spec'] as const;

/** Workload kinds and where each keeps its pod spec. Another group's kind of the same name is not one. */
const WORKLOADS: Record<string, Workload> = {
  Pod: { groups: [''], path: ['spec'] },
  PodTemplate: { groups: [''], path: ['template', 'spec'] },
  ReplicationController: { groups: [''], path: TEMPLATE_SPEC },
  Deployment: { groups: ['apps', 'extensions'], path: TEMPLATE_SPEC },
  ReplicaSet: { groups: ['apps', 'extensions'], path: TEMPLATE_SPEC },
  StatefulSet: { groups: ['apps'], path: TEMPLATE_SPEC },
  DaemonSet: { groups: ['apps', 'extensions'], path: TEMPLATE_SPEC },
  Job: { groups: ['batch'], path: TEMPLATE_SPEC },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
  DeploymentConfig: { groups: ['apps.openshift.io', ''], path: TEMPLATE_SPEC },
  Rollout: { groups: ['argoproj.io'], path: TEMPLATE_SPEC },
};

function asMap(node: YamlNode | null | undefined): YamlMap | undefined {
  const target = deref(node);
  return target?.type === 'YamlMap' ? target : undefined;
}

/** The pod spec of a workload object (a document's contents, or an item of a `kind: List`). */
export function podSpecOfObject(object: YamlNode | null | undefined): YamlMap | undefined {
  const apiVersion = scalarValue(mapGet(object, 'apiVersion'));
  const kind = scalarValue(mapGet(object, 'kind'));
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const workload = WORKLOADS[kind];
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (!workload?.groups.includes(group)) return undefined;
  return asMap(getIn(object, workload.path));
}

/** The objects of a document: itself, or the items of a `kind: List` (`kubectl get -o yaml`). */
export function objectsOf(contents: YamlNode | null | undefined): YamlMap[] {
  const root = asMap(contents);
  if (!root) return [];
  if (scalarValue(mapGet(root, 'kind')) !== 'List') return [root];
  const items = deref(mapGet(root, 'items'));
  if (items?.type !== 'YamlSeq') return [];
  return items.children.map(asMap).filter((item): item is YamlMap => item !== undefined);
}

export type ContainerField = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerEntry {
  map: YamlMap;
  field: ContainerField;
  index: number;
}

const CONTAINER_FIELDS: readonly ContainerField[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** Every container map of a pod spec, with the list it is in. */
export function containerEntries(podSpec: YamlMap): ContainerEntry[] {
  const entries: ContainerEntry[] = [];
  for (const field of CONTAINER_FIELDS) {
    const list = deref(mapGet(podSpec, field));
    if (list?.type !== 'YamlSeq') continue;
    list.children.forEach((item, index) => {
      const map = asMap(item);
      if (map) entries.push({ map, field, index });
    });
  }
  return entries;
}

const WINDOWS_NODE_SELECTORS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];

/** Pods scheduled on Windows: `runAsNonRoot` and the Linux-only fields mean something else there. */
export function isWindowsPod(podSpec: YamlMap): boolean {
  if (scalarValue(getIn(podSpec, ['os', 'name'])) === 'windows') return true;
  if (pairOf(mapGet(podSpec, 'securityContext'), 'windowsOptions')) return true;
  const nodeSelector = mapGet(podSpec, 'nodeSelector');
  return WINDOWS_NODE_SELECTORS.some((label) => scalarValue(mapGet(nodeSelector, label)) === 'windows');
}

export function isWindowsContainer(container: YamlMap): boolean {
  return pairOf(mapGet(container, 'securityContext'), 'windowsOptions') !== undefined;
}

/**
 * Fields that exist only in a container's securityContext: a PodSecurityContext
 * has none of them, so one written at pod level is rejected (strict field
 * validation) or dropped, and applies to no container.
 */
export const CONTAINER_ONLY_FIELDS = new Set([
  'allowPrivilegeEscalation',
  'capabilities',
  'privileged',
  'readOnlyRootFilesystem',
  'procMount',
]);

/** The pairs of a pod-level securityContext that only a container can have. */
export function misplacedPodFields(podSpec: YamlMap): YamlPair[] {
  const context = asMap(mapGet(podSpec, 'securityContext'));
  return context ? context.children.filter((pair) => CONTAINER_ONLY_FIELDS.has(keyString(pair.key))) : [];
}

/** Where an effective value comes from. */
export type Source = 'container' | 'pod';

export type Setting<T> =
  /** Not written at any level that applies (a null value is not set either). */
  | { state: 'unset' }
  /** An env/template placeholder (`${RO_ROOT}`): whatever it becomes is not ours to judge. */
  | { state: 'placeholder'; source: Source }
  | { state: 'set'; value: T; source: Source; pair: YamlPair };

const PLACEHOLDER = /\$\{|\$\(|\{\{/;

function isNull(node: YamlContent | null): boolean {
  const value = deref(node);
  return !value || (value.type === 'YamlScalar' && value.value === null);
}

function read<T>(context: YamlNode | undefined, key: string, source: Source, parse: (node: YamlContent) => T): Setting<T> {
  const pair = pairOf(context, key);
  if (!pair || isNull(pair.value)) return { state: 'unset' };
  const text = scalarText(pair.value);
  if (text !== undefined && typeof scalarValue(pair.value) === 'string' && PLACEHOLDER.test(text)) {
    return { state: 'placeholder', source };
  }
  return { state: 'set', value: parse(pair.value!), source, pair };
}

/** Fields a container inherits from the pod when it does not set them itself. */
function inherited<T>(
  container: YamlNode | undefined,
  pod: YamlNode | undefined,
  key: string,
  parse: (node: YamlContent) => T,
): Setting<T> {
  const own = read(container, key, 'container', parse);
  return own.state === 'unset' ? read(pod, key, 'pod', parse) : own;
}

/** A boolean as Kubernetes reads it, or null for anything else (which the API rejects). */
const bool = (node: YamlContent): boolean | null => booleanValue(node) ?? null;
const uid = (node: YamlContent): number | null => {
  const value = scalarValue(node);
  return typeof value === 'number' ? value : null;
};
const text = (node: YamlContent): string | null => scalarText(node) ?? null;

/** Capability names as the runtimes read them: case-insensitive, with or without `CAP_`. */
export function capabilityName(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

function capabilityList(node: YamlContent): string[] | null {
  const list = deref(node);
  if (list?.type !== 'YamlSeq') return null;
  const names: string[] = [];
  for (const item of list.children) {
    const name = scalarText(item);
    if (name !== undefined) names.push(name);
  }
  return names;
}

export interface EffectiveSecurityContext {
  /** The container's own securityContext pair, when it has one. */
  contextPair: YamlPair | undefined;
  runAsNonRoot: Setting<boolean | null>;
  runAsUser: Setting<number | null>;
  allowPrivilegeEscalation: Setting<boolean | null>;
  privileged: Setting<boolean | null>;
  readOnlyRootFilesystem: Setting<boolean | null>;
  procMount: Setting<string | null>;
  capabilities: Setting<YamlContent>;
  drop: Setting<string[] | null>;
  add: Setting<string[] | null>;
}

/**
 * The securityContext a container runs with: `runAsUser`, `runAsGroup`,
 * `runAsNonRoot`, `seLinuxOptions`, `seccompProfile` and `windowsOptions` come
 * from the container when it sets them and else from the pod; the other fields
 * exist only on the container.
 */
export function resolveSecurityContext(podSpec: YamlMap, container: YamlMap): EffectiveSecurityContext {
  const contextPair = pairOf(container, 'securityContext');
  const own = contextPair?.value ?? undefined;
  const pod = mapGet(podSpec, 'securityContext');
  const capabilities = read(own, 'capabilities', 'container', (node) => node);
  const capabilitiesNode = capabilities.state === 'set' ? capabilities.value : undefined;
  return {
    contextPair,
    runAsNonRoot: inherited(own, pod, 'runAsNonRoot', bool),
    runAsUser: inherited(own, pod, 'runAsUser', uid),
    allowPrivilegeEscalation: read(own, 'allowPrivilegeEscalation', 'container', bool),
    privileged: read(own, 'privileged', 'container', bool),
    readOnlyRootFilesystem: read(own, 'readOnlyRootFilesystem', 'container', bool),
    procMount: read(own, 'procMount', 'container', text),
    capabilities,
    drop: read(capabilitiesNode, 'drop', 'container', capabilityList),
    add: read(capabilitiesNode, 'add', 'container', capabilityList),
  };
}

/** Capabilities that hand a container control of the host or its network. */
export const DANGEROUS_CAPABILITIES = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'DAC_READ_SEARCH',
  'BPF',
]);

export type ProblemField =
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'allowPrivilegeEscalation'
  | 'privileged'
  | 'capabilities.drop'
  | 'capabilities.add'
  | 'readOnlyRootFilesystem'
  | 'procMount';

export interface Problem {
  field: ProblemField;
  /** A clause for the report: `runAsNonRoot is not set`. */
  text: string;
}

function fromPod(setting: Setting<unknown>): string {
  return setting.state !== 'unset' && setting.source === 'pod' ? " in the pod's securityContext" : '';
}

function mustBe(
  field: 'runAsNonRoot' | 'readOnlyRootFilesystem',
  setting: Setting<boolean | null>,
  unsetNote = '',
): Problem | null {
  if (setting.state === 'placeholder' || (setting.state === 'set' && setting.value === true)) return null;
  if (setting.state === 'unset') return { field, text: `${field} is not set${unsetNote}` };
  return { field, text: `${field} is ${setting.value === false ? 'false' : 'not a boolean'}${fromPod(setting)}` };
}

/**
 * What keeps a container from the guide's securityContext (AMAS › 7.2), in the
 * order of the guide's block. `podHasReadOnlyRoot` says a pod-level
 * `readOnlyRootFilesystem` was written, so the message can say it does not apply.
 */
export function containerProblems(context: EffectiveSecurityContext, podHasReadOnlyRoot: boolean): Problem[] {
  const problems: Problem[] = [];
  const push = (problem: Problem | null): void => {
    if (problem) problems.push(problem);
  };
  push(mustBe('runAsNonRoot', context.runAsNonRoot));
  const { runAsUser } = context;
  if (runAsUser.state === 'set' && runAsUser.value === 0) {
    push({ field: 'runAsUser', text: `runAsUser is 0 (root)${fromPod(runAsUser)}` });
  }
  const { privileged, allowPrivilegeEscalation: escalation } = context;
  if (privileged.state === 'set' && privileged.value === true) {
    push({ field: 'privileged', text: 'privileged is true, which also allows privilege escalation' });
  }
  if (escalation.state === 'unset') {
    push({ field: 'allowPrivilegeEscalation', text: 'allowPrivilegeEscalation is not set (it defaults to true)' });
  } else if (escalation.state === 'set' && escalation.value !== false) {
    const value = escalation.value === true ? 'true' : 'not a boolean';
    push({ field: 'allowPrivilegeEscalation', text: `allowPrivilegeEscalation is ${value}` });
  }
  const { drop, add } = context;
  const dropsAll = drop.state === 'set' && drop.value?.some((name) => capabilityName(name) === 'ALL');
  if (drop.state !== 'placeholder' && !dropsAll) {
    push({ field: 'capabilities.drop', text: 'capabilities.drop does not include ALL' });
  }
  if (add.state === 'set' && add.value) {
    const granted = [...new Set(add.value.map(capabilityName).filter((name) => DANGEROUS_CAPABILITIES.has(name)))];
    if (granted.length > 0) push({ field: 'capabilities.add', text: `capabilities.add grants ${granted.join(', ')}` });
  }
  push(
    mustBe(
      'readOnlyRootFilesystem',
      context.readOnlyRootFilesystem,
      podHasReadOnlyRoot ? " (the pod-level one applies to no container)" : '',
    ),
  );
  const { procMount } = context;
  if (procMount.state === 'set' && procMount.value === 'Unmasked') {
    push({ field: 'procMount', text: 'procMount is Unmasked' });
  }
  return problems;
}
