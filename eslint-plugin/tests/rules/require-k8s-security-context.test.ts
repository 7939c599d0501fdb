import rule from '../../src/rules/require-k8s-security-context.js';
import { languageTester } from '../rule-testers.js';

/** What a bare container lacks, as the report lists it. */
const BARE =
  'runAsNonRoot is not set; allowPrivilegeEscalation is not set (it defaults to true); capabilities.drop does not include ALL; readOnlyRootFilesystem is not set';

/** The guide's block (AMAS › 7.2) as the suggestion inserts it, for a container whose keys are at `indent`. */
function guideBlock(indent: string): string {
  return [
    `${indent}securityContext:`,
    `${indent}  runAsNonRoot: true`,
    `${indent}  runAsUser: 1000`,
    `${indent}  allowPrivilegeEscalation: false`,
    `${indent}  capabilities:`,
    `${indent}    drop:`,
    `${indent}      - ALL`,
    `${indent}  readOnlyRootFilesystem: true`,
  ].join('\n');
}

languageTester('yaml').run('require-k8s-security-context', rule as never, {
  valid: [
    // The guide's securityContext on every container.
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.4.2
          securityContext:
            runAsNonRoot: true
            runAsUser: 1000
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
            readOnlyRootFilesystem: true
`,
    // runAsNonRoot and runAsUser inherited from the pod; the container-only fields on the container.
    `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    fsGroup: 10001
    seccompProfile:
      type: RuntimeDefault
  initContainers:
    - name: migrate
      image: api:1
      securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
  containers:
    - name: api
      image: api:1
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: ["ALL"]
`,
    // A container's own runAsUser overrides the pod's root UID; its runAsNonRoot overrides the pod's false.
    `apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  template:
    spec:
      securityContext:
        runAsUser: 0
        runAsNonRoot: false
      containers:
        - name: report
          image: report:2
          securityContext:
            runAsUser: 1000
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE]
`,
    // containerd and CRI-O read capability names case-insensitively; YAML 1.1 booleans as Kubernetes reads them.
    `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            runAsNonRoot: yes
            allowPrivilegeEscalation: no
            readOnlyRootFilesystem: true
            capabilities:
              drop: [all]
`,
    // A CronJob's pod template, with the securityContext shared through an anchor and a merge.
    `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: backup:1
              securityContext: &hardened
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [ALL]
            - name: upload
              image: upload:1
              securityContext: *hardened
            - name: verify
              image: verify:1
              securityContext:
                <<: *hardened
                runAsUser: 2000
`,
    // envsubst placeholders: what they become is decided elsewhere.
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: \${READ_ONLY_ROOT}
            capabilities:
              drop: [ALL]
`,
    // Not workloads, or a same-named kind of another API group.
    `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports:
    - port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: notes
data:
  containers: "- name: api"
---
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: training
spec:
  template:
    spec:
      containers:
        - name: trainer
          image: trainer:1
`,
    // Not Kubernetes: no kind, or no apiVersion.
    `containers:
  - name: api
    image: api:1
`,
    `kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1
`,
    // A Kustomize strategic-merge patch: containers without an image are partial.
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            limits:
              memory: 512Mi
`,
    // A Helm template: what it renders to is unknown until rendered.
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`,
    // A Helm template that happens to parse as YAML is skipped all the same.
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: "{{ .Release.Name }}"
spec:
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
    // Windows pods: runAsNonRoot and the Linux fields mean something else there.
    `apiVersion: v1
kind: Pod
metadata:
  name: iis
spec:
  os:
    name: windows
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: win
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
      containers:
        - name: app
          image: app:win
---
apiVersion: v1
kind: Pod
metadata:
  name: host-process
spec:
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  hostNetwork: true
  containers:
    - name: agent
      image: agent:win
`,
    // A document still being typed is skipped.
    `apiVersion: v1
kind: Pod
metadata:
  name: half
spec:
  containers:
    - name: api
      image: "api:1
`,
    // kubectl get -o yaml output.
    `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: api:1
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
`,
    '',
    '# only a comment\n',
    '---\n---\n',
  ],
  invalid: [
    {
      // A Deployment with no securityContext at all: the suggestion inserts the guide's block.
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1 # pinned
          ports:
            - containerPort: 8080
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: { kind: 'Container', name: 'api', problems: BARE },
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addSecurityContext',
              data: { name: 'api' },
              output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1 # pinned
          ports:
            - containerPort: 8080
${guideBlock('          ')}
`,
            },
          ],
        },
      ],
    },
    {
      // The pod runs as UID 0 and the container does not override it; a pod-level
      // readOnlyRootFilesystem is not a PodSecurityContext field and applies to no container.
      code: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 0
    readOnlyRootFilesystem: true
  containers:
    - name: api
      image: api:1
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
`,
      errors: [
        {
          messageId: 'misplacedPodField',
          data: { field: 'readOnlyRootFilesystem' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 27,
        },
        {
          messageId: 'insecureContainer',
          data: {
            kind: 'Container',
            name: 'api',
            problems:
              "runAsUser is 0 (root) in the pod's securityContext; readOnlyRootFilesystem is not set (the pod-level one applies to no container)",
          },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'completeSecurityContext',
              data: { name: 'api' },
              output: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 0
    readOnlyRootFilesystem: true
  containers:
    - name: api
      image: api:1
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        runAsUser: 1000
        readOnlyRootFilesystem: true
`,
            },
          ],
        },
      ],
    },
    {
      // Wrong values are replaced in place, the missing ones added, ALL appended to drop.
      code: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  containers:
    - name: legacy
      image: legacy:1
      securityContext:
        runAsNonRoot: false
        runAsUser: 0
        privileged: true
        capabilities:
          drop:
            - NET_RAW
        readOnlyRootFilesystem: false
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: {
            kind: 'Container',
            name: 'legacy',
            problems:
              'runAsNonRoot is false; runAsUser is 0 (root); privileged is true, which also allows privilege escalation; allowPrivilegeEscalation is not set (it defaults to true); capabilities.drop does not include ALL; readOnlyRootFilesystem is false',
          },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'completeSecurityContext',
              data: { name: 'legacy' },
              output: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  containers:
    - name: legacy
      image: legacy:1
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        privileged: false
        capabilities:
          drop:
            - NET_RAW
            - ALL
        readOnlyRootFilesystem: true
        allowPrivilegeEscalation: false
`,
            },
          ],
        },
      ],
    },
    {
      // Dangerous added capabilities are reported; removing them is left to the author.
      code: `apiVersion: v1
kind: Pod
metadata:
  name: vpn
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: vpn
      image: vpn:1
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
          add: [NET_ADMIN, CAP_SYS_ADMIN]
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: { kind: 'Container', name: 'vpn', problems: 'capabilities.add grants NET_ADMIN, SYS_ADMIN' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 16,
          suggestions: [],
        },
      ],
    },
    {
      // Init and ephemeral containers; flow maps get no suggestion; drop in flow style gets ALL.
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - {name: init, image: busybox}
  containers:
    - name: web
      image: nginx
      securityContext: {runAsNonRoot: true}
  ephemeralContainers:
    - name: debug
      image: busybox
      securityContext:
        runAsNonRoot: true
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [NET_RAW]
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: { kind: 'Init container', name: 'init', problems: BARE },
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 18,
          suggestions: [],
        },
        {
          messageId: 'insecureContainer',
          data: {
            kind: 'Container',
            name: 'web',
            problems:
              'allowPrivilegeEscalation is not set (it defaults to true); capabilities.drop does not include ALL; readOnlyRootFilesystem is not set',
          },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 16,
          suggestions: [],
        },
        {
          messageId: 'insecureContainer',
          data: { kind: 'Ephemeral container', name: 'debug', problems: 'capabilities.drop does not include ALL' },
          line: 13,
          column: 7,
          endLine: 13,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'completeSecurityContext',
              data: { name: 'debug' },
              output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - {name: init, image: busybox}
  containers:
    - name: web
      image: nginx
      securityContext: {runAsNonRoot: true}
  ephemeralContainers:
    - name: debug
      image: busybox
      securityContext:
        runAsNonRoot: true
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [NET_RAW, ALL]
`,
            },
          ],
        },
      ],
    },
    {
      // An empty securityContext (with a comment) is filled under its key; a CronJob's template.
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: backup
            image: backup:1
            securityContext: # TODO
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: { kind: 'Container', name: 'backup', problems: BARE },
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'addSecurityContext',
              data: { name: 'backup' },
              output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: backup
            image: backup:1
            securityContext: # TODO
              runAsNonRoot: true
              runAsUser: 1000
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                  - ALL
              readOnlyRootFilesystem: true
`,
            },
          ],
        },
      ],
    },
    {
      // Multi-document: the Service and the Helm-templated document are skipped, the broken one too;
      // the Deployment is checked. Four-space indentation is kept; a container without a name is
      // reported on its map.
      code: `apiVersion: v1
kind: Service
metadata:
    name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
spec:
    template:
        spec:
            containers:
                -   image: api:1
                    args: ["--port", "8080"]
---
apiVersion: v1
kind: Pod
metadata:
    name: {{ .Release.Name }}
spec:
    containers:
        - name: api
          image: api:1
---
apiVersion: v1
kind: Pod
spec:
    containers:
        - name: api
          image: [api:1
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: { kind: 'Container', name: 'containers[0]', problems: BARE },
          line: 14,
          column: 21,
          endLine: 15,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addSecurityContext',
              data: { name: 'containers[0]' },
              output: `apiVersion: v1
kind: Service
metadata:
    name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
spec:
    template:
        spec:
            containers:
                -   image: api:1
                    args: ["--port", "8080"]
                    securityContext:
                        runAsNonRoot: true
                        runAsUser: 1000
                        allowPrivilegeEscalation: false
                        capabilities:
                            drop:
                                - ALL
                        readOnlyRootFilesystem: true
---
apiVersion: v1
kind: Pod
metadata:
    name: {{ .Release.Name }}
spec:
    containers:
        - name: api
          image: api:1
---
apiVersion: v1
kind: Pod
spec:
    containers:
        - name: api
          image: [api:1
`,
            },
          ],
        },
      ],
    },
    {
      // Windows line endings are kept; procMount Unmasked is reset; null values are filled in place.
      code:
        'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: a:1\r\n    securityContext:\r\n      runAsNonRoot:\r\n      allowPrivilegeEscalation: null\r\n      readOnlyRootFilesystem: true\r\n      procMount: Unmasked\r\n      capabilities: {drop: [ALL]}\r\n',
      errors: [
        {
          messageId: 'insecureContainer',
          data: {
            kind: 'Container',
            name: 'a',
            problems: 'runAsNonRoot is not set; allowPrivilegeEscalation is not set (it defaults to true); procMount is Unmasked',
          },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'completeSecurityContext',
              data: { name: 'a' },
              output:
                'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: a:1\r\n    securityContext:\r\n      runAsNonRoot: true\r\n      allowPrivilegeEscalation: false\r\n      readOnlyRootFilesystem: true\r\n      procMount: Default\r\n      capabilities: {drop: [ALL]}\r\n      runAsUser: 1000\r\n',
            },
          ],
        },
      ],
    },
    {
      // A securityContext shared through an alias is not edited; a merged-in value is overridden.
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: shared
    spec:
      containers:
        - name: first
          image: app:1
          securityContext: &base
            runAsNonRoot: true
            capabilities:
              drop: [ALL]
        - name: second
          image: app:1
          securityContext: *base
        - name: third
          image: app:1
          securityContext:
            <<: *base
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: false
`,
      errors: [
        {
          messageId: 'insecureContainer',
          data: {
            kind: 'Container',
            name: 'first',
            problems: 'allowPrivilegeEscalation is not set (it defaults to true); readOnlyRootFilesystem is not set',
          },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'completeSecurityContext',
              data: { name: 'first' },
              output: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: shared
    spec:
      containers:
        - name: first
          image: app:1
          securityContext: &base
            runAsNonRoot: true
            capabilities:
              drop: [ALL]
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
        - name: second
          image: app:1
          securityContext: *base
        - name: third
          image: app:1
          securityContext:
            <<: *base
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: false
`,
            },
          ],
        },
        {
          messageId: 'insecureContainer',
          data: {
            kind: 'Container',
            name: 'second',
            problems: 'allowPrivilegeEscalation is not set (it defaults to true); readOnlyRootFilesystem is not set',
          },
          line: 16,
          column: 11,
          endLine: 16,
          endColumn: 23,
          suggestions: [],
        },
        {
          messageId: 'insecureContainer',
          data: { kind: 'Container', name: 'third', problems: 'runAsNonRoot is false' },
          line: 19,
          column: 11,
          endLine: 19,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'completeSecurityContext',
              data: { name: 'third' },
              output: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: shared
    spec:
      containers:
        - name: first
          image: app:1
          securityContext: &base
            runAsNonRoot: true
            capabilities:
              drop: [ALL]
        - name: second
          image: app:1
          securityContext: *base
        - name: third
          image: app:1
          securityContext:
            <<: *base
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            runAsUser: 1000
`,
            },
          ],
        },
      ],
    },
  ],
});
