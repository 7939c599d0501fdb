import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  capabilityName,
  containerEntries,
  containerProblems,
  isWindowsPod,
  misplacedPodFields,
  objectsOf,
  podSpecOfObject,
  resolveSecurityContext,
} from '../../src/detectors/kubernetes.js';
import type { YamlMap } from '../../src/languages/yaml/yaml-node.js';
import { parseYaml } from '../../src/languages/yaml/yaml-parser.js';
import { keyString } from '../../src/languages/yaml/yaml-query.js';

function podSpec(text: string): YamlMap {
  const spec = podSpecOfObject(parseYaml(text).ast.children[0]!.contents);
  assert.ok(spec, 'no pod spec');
  return spec;
}

/** The problems of each container of a pod spec, by field. */
function problems(text: string): string[][] {
  const spec = podSpec(text);
  const misplaced = misplacedPodFields(spec).some((pair) => keyString(pair.key) === 'readOnlyRootFilesystem');
  return containerEntries(spec).map(({ map }) => containerProblems(resolveSecurityContext(spec, map), misplaced).map((p) => p.field));
}

describe('detectors/kubernetes', () => {
  it('finds the pod spec of each workload kind, in its own API group only', () => {
    assert.ok(podSpec('apiVersion: v1\nkind: Pod\nspec: {containers: []}\n'));
    assert.ok(podSpec('apiVersion: v1\nkind: PodTemplate\ntemplate: {spec: {containers: []}}\n'));
    assert.ok(podSpec('apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {containers: []}}}\n'));
    assert.ok(podSpec('apiVersion: extensions/v1beta1\nkind: DaemonSet\nspec: {template: {spec: {containers: []}}}\n'));
    assert.ok(podSpec('apiVersion: batch/v1\nkind: CronJob\nspec: {jobTemplate: {spec: {template: {spec: {containers: []}}}}}\n'));
    assert.ok(podSpec('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: {template: {spec: {containers: []}}}\n'));
    const other = (text: string) => podSpecOfObject(parseYaml(text).ast.children[0]!.contents);
    assert.equal(other('apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nspec: {template: {spec: {containers: []}}}\n'), undefined);
    assert.equal(other('apiVersion: v1\nkind: Service\nspec: {}\n'), undefined);
    assert.equal(other('kind: Pod\nspec: {containers: []}\n'), undefined);
  });

  it('reads the items of a List', () => {
    const doc = parseYaml('apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Pod}\n  - {apiVersion: v1, kind: Service}\n').ast.children[0]!;
    assert.equal(objectsOf(doc.contents).length, 2);
  });

  it('lists init, regular and ephemeral containers', () => {
    const spec = podSpec(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a}]\n  initContainers: [{name: b}]\n  ephemeralContainers: [{name: c}]\n',
    );
    assert.deepEqual(
      containerEntries(spec).map(({ field, index }) => `${field}[${index}]`),
      ['initContainers[0]', 'containers[0]', 'ephemeralContainers[0]'],
    );
  });

  it('recognizes Windows pods', () => {
    assert.equal(isWindowsPod(podSpec('apiVersion: v1\nkind: Pod\nspec: {os: {name: windows}}\n')), true);
    assert.equal(isWindowsPod(podSpec('apiVersion: v1\nkind: Pod\nspec: {securityContext: {windowsOptions: {}}}\n')), true);
    assert.equal(isWindowsPod(podSpec("apiVersion: v1\nkind: Pod\nspec: {nodeSelector: {'kubernetes.io/os': windows}}\n")), true);
    assert.equal(isWindowsPod(podSpec('apiVersion: v1\nkind: Pod\nspec: {os: {name: linux}}\n')), false);
  });

  it('resolves inherited fields from the pod, container-only fields from the container alone', () => {
    const hardened = 'allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}';
    // Pod-level runAsNonRoot is inherited.
    assert.deepEqual(problems(`apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers: [{name: a, securityContext: {${hardened}}}]\n`), [[]]);
    // The container's value wins over the pod's, both ways.
    assert.deepEqual(
      problems(`apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n  containers: [{name: a, securityContext: {runAsNonRoot: false, runAsUser: 0, ${hardened}}}]\n`),
      [['runAsNonRoot', 'runAsUser']],
    );
    // A null container value inherits the pod's.
    assert.deepEqual(
      problems(`apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers: [{name: a, securityContext: {runAsNonRoot: null, ${hardened}}}]\n`),
      [[]],
    );
    // Container-only fields at pod level apply to nothing.
    assert.deepEqual(
      problems('apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}\n  containers: [{name: a}]\n'),
      [['allowPrivilegeEscalation', 'capabilities.drop', 'readOnlyRootFilesystem']],
    );
    assert.deepEqual(
      misplacedPodFields(podSpec('apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsUser: 1, privileged: true, procMount: Default}\n')).map((pair) => keyString(pair.key)),
      ['privileged', 'procMount'],
    );
  });

  it('reads privileged, dangerous capabilities and procMount', () => {
    assert.deepEqual(
      problems(
        'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext: {runAsNonRoot: true, privileged: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL], add: [sys_admin]}, procMount: Unmasked}\n',
      ),
      [['privileged', 'capabilities.add', 'procMount']],
    );
    assert.equal(capabilityName('cap_net_admin'), 'NET_ADMIN');
    assert.equal(capabilityName(' all '), 'ALL');
  });
});
