import type { TSESLint } from '@typescript-eslint/utils';
import type { ContainerEntry, ContainerField } from '../detectors/kubernetes.js';
import {
  containerEntries,
  containerProblems,
  isWindowsContainer,
  isWindowsPod,
  misplacedPodFields,
  objectsOf,
  podSpecOfObject,
  resolveSecurityContext,
} from '../detectors/kubernetes.js';
import type { YamlDocument, YamlMap, YamlStream } from '../languages/yaml/yaml-node.js';
import { yamlParent } from '../languages/yaml/yaml-node.js';
import { keyString, pairOf, scalarText } from '../languages/yaml/yaml-query.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';
import { guideEdits } from './require-k8s-security-context/suggestion.js';
import { combinedFix } from './yaml/edits.js';

export type Options = [];
export type MessageIds = 'insecureContainer' | 'misplacedPodField' | 'addSecurityContext' | 'completeSecurityContext';

const KIND_LABELS: Record<ContainerField, string> = {
  containers: 'Container',
  initContainers: 'Init container',
  ephemeralContainers: 'Ephemeral container',
};

/** A Helm (Go template) document: what it renders to is unknown until rendered. */
const TEMPLATE_MARKER = '{{';

export default createRule<Options, MessageIds>({
  name: 'require-k8s-security-context',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.yaml],
    docs: {
      description: 'Require every Kubernetes container to run with the guide\'s restrictive securityContext',
      recommended: true,
      guide: ['AMAS › 7.2 Kubernetes Security'],
      cwe: ['CWE-250', 'CWE-269'],
      howToFix:
        'Give every container a securityContext with `runAsNonRoot: true`, `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]` and `readOnlyRootFilesystem: true`, mounting an `emptyDir` where the app writes.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      insecureContainer:
        '{{kind}} "{{name}}" runs with more privilege than it needs: {{problems}}. Complete its securityContext as the guide does: runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities.drop: [ALL], readOnlyRootFilesystem: true.',
      misplacedPodField:
        "The pod-level securityContext sets {{field}}, which only a container's securityContext has: Kubernetes rejects or drops it here, so it protects no container. Move it into each container's securityContext.",
      addSecurityContext: 'Add the guide\'s securityContext to "{{name}}".',
      completeSecurityContext: 'Complete the securityContext of "{{name}}" with the guide\'s settings.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = treeSourceCode<YamlStream>(context);
    const text = sourceCode.text;
    // Cheap prefilter: no container list, no workload.
    if (!text.includes('ontainers:')) return {};

    /** Whether the document's text (from the file's start for the first, up to the next document) has a Go template. */
    function isTemplate(doc: YamlDocument): boolean {
      const stream = yamlParent(doc);
      const siblings = stream?.type === 'YamlStream' ? stream.children : [];
      const position = siblings.indexOf(doc);
      const start = position <= 0 ? 0 : doc.range[0];
      const end = siblings[position + 1]?.range[0] ?? text.length;
      const at = text.indexOf(TEMPLATE_MARKER, start);
      return at >= 0 && at < end;
    }

    /** The file's indentation step, read off the pod spec under its key. */
    function indentStep(podSpec: YamlMap): number {
      const parent = yamlParent(podSpec);
      const key = parent?.type === 'YamlPair' ? parent.key : null;
      const first = podSpec.children[0];
      const step = !podSpec.flow && key && first ? first.loc.start.column - key.loc.start.column : 0;
      return step > 0 ? step : 2;
    }

    function checkContainer(podSpec: YamlMap, entry: ContainerEntry, podHasReadOnlyRoot: boolean, step: number): void {
      const { map } = entry;
      // No image: a patch (Kustomize strategic merge) or a container still being typed.
      if (!pairOf(map, 'image') || isWindowsContainer(map)) return;
      const resolved = resolveSecurityContext(podSpec, map);
      const problems = containerProblems(resolved, podHasReadOnlyRoot);
      if (problems.length === 0) return;
      const namePair = map.children.find((pair) => keyString(pair.key) === 'name');
      const name = scalarText(namePair?.value) ?? `${entry.field}[${entry.index}]`;
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const guide = guideEdits(text, map, resolved, step);
      const fix = guide && combinedFix(text, guide.edits);
      if (guide && fix) {
        const messageId = guide.completes ? 'completeSecurityContext' : 'addSecurityContext';
        suggestions.push({ messageId, data: { name }, fix });
      }
      context.report({
        loc: (namePair ?? map).loc,
        messageId: 'insecureContainer',
        data: { kind: KIND_LABELS[entry.field], name, problems: problems.map((problem) => problem.text).join('; ') },
        suggest: suggestions,
      });
    }

    function checkPod(podSpec: YamlMap): void {
      const misplaced = misplacedPodFields(podSpec);
      for (const pair of misplaced) {
        const field = keyString(pair.key);
        context.report({ loc: (pair.key ?? pair).loc, messageId: 'misplacedPodField', data: { field } });
      }
      const podHasReadOnlyRoot = misplaced.some((pair) => keyString(pair.key) === 'readOnlyRootFilesystem');
      const step = indentStep(podSpec);
      for (const entry of containerEntries(podSpec)) checkContainer(podSpec, entry, podHasReadOnlyRoot, step);
    }

    return {
      YamlDocument(doc: YamlDocument) {
        // A broken document is being typed: its other documents are still checked.
        if (doc.errors.length > 0 || !doc.contents || isTemplate(doc)) return;
        for (const object of objectsOf(doc.contents)) {
          const podSpec = podSpecOfObject(object);
          if (podSpec && !isWindowsPod(podSpec)) checkPod(podSpec);
        }
      },
    };
  },
});
