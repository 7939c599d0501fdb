import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import { parseYaml } from '../../src/languages/yaml/yaml-parser.js';
import { yamlLanguage } from '../../src/languages/yaml/yaml-language.js';
import { documentOf, yamlParent } from '../../src/languages/yaml/yaml-node.js';
import type { YamlContent, YamlNode, YamlPair, YamlScalar } from '../../src/languages/yaml/yaml-node.js';
import {
  booleanValue,
  containersOf,
  documentKind,
  getIn,
  isComposeFile,
  mapGet,
  pairOf,
  pathOf,
  podSpecOf,
  resolveAlias,
  scalarText,
  scalarValue,
  toPlain,
} from '../../src/languages/yaml/yaml-query.js';

/** A document's contents in one line, aliases kept as `*name`, to compare trees at a glance. */
function outline(node: YamlContent | null): string {
  if (!node) return '~';
  switch (node.type) {
    case 'YamlScalar':
      return JSON.stringify(node.value);
    case 'YamlAlias':
      return `*${node.name}`;
    case 'YamlSeq':
      return `[${node.children.map(outline).join(', ')}]`;
    case 'YamlMap':
      return `{${node.children.map((pair) => `${outline(pair.key)}: ${outline(pair.value)}`).join(', ')}}`;
  }
}

function outlines(text: string): string[] {
  return parseYaml(text).ast.children.map((doc) => outline(doc.contents));
}

/** Every node of a tree, in source order. */
function nodesOf(node: YamlNode): YamlNode[] {
  return [node, ...(node.children as YamlNode[]).flatMap(nodesOf)];
}

function scalarAt(text: string, needle: string): YamlScalar {
  const offset = text.indexOf(needle);
  const node = nodesOf(parseYaml(text).ast).find((n) => n.type === 'YamlScalar' && n.range[0] === offset);
  assert.ok(node, `no scalar at ${JSON.stringify(needle)}`);
  return node as YamlScalar;
}

const MANIFEST = [
  '# the app',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata: {name: shop}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      securityContext:',
  '        runAsNonRoot: true',
  '      initContainers:',
  '        - name: init',
  '      containers:',
  '        - name: app',
  '          image: "shop:1.2"',
  '          securityContext:',
  '            privileged: false',
  '---',
  'apiVersion: batch/v1',
  'kind: CronJob',
  'spec:',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          containers: [{name: job, image: busybox}]',
  '',
].join('\n');

describe('yaml parser', () => {
  it('reads a multi-document Kubernetes file into one YamlDocument per document', () => {
    const { ast } = parseYaml(MANIFEST);
    assert.equal(ast.type, 'YamlStream');
    assert.deepEqual(ast.range, [0, MANIFEST.length]);
    assert.deepEqual(
      ast.children.map((doc) => [doc.index, doc.errors.length, documentKind(doc)]),
      [
        [0, 0, { apiVersion: 'v1', kind: 'Namespace' }],
        [1, 0, { apiVersion: 'apps/v1', kind: 'Deployment' }],
        [2, 0, { apiVersion: 'batch/v1', kind: 'CronJob' }],
      ],
    );
    assert.equal(outline(ast.children[0]!.contents), '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}');
    // A document starts at its `---` and ends with its last value.
    const deployment = ast.children[1]!;
    assert.equal(MANIFEST.slice(...deployment.range).split('\n')[0], '---');
    assert.ok(MANIFEST.slice(...deployment.range).endsWith('privileged: false'));
    assert.deepEqual(ast.children[0]!.loc, { start: { line: 2, column: 0 }, end: { line: 4, column: 22 } });
  });

  it('links every node to its parent, non-enumerably, and puts a key before its value', () => {
    const { ast } = parseYaml(MANIFEST);
    for (const node of nodesOf(ast).slice(1)) {
      assert.ok(yamlParent(node)?.children.includes(node as never));
      assert.ok(!Object.keys(node).includes('parent'));
    }
    const pair = pairOf(ast.children[1]!.contents, 'kind')!;
    assert.deepEqual(pair.children, [pair.key, pair.value]);
    assert.equal(documentOf(pair.value!), ast.children[1]);
  });

  it('finds pod specs, containers and paths in workloads', () => {
    const { ast } = parseYaml(MANIFEST);
    const [namespace, deployment, cronJob] = ast.children;
    assert.equal(podSpecOf(namespace!), undefined);
    const podSpec = podSpecOf(deployment!)!;
    assert.equal(booleanValue(getIn(podSpec, ['securityContext', 'runAsNonRoot'])), true);
    assert.equal(getIn(deployment, ['spec', 'template', 'spec']), podSpec);
    assert.deepEqual(containersOf(podSpec).map((container) => scalarValue(mapGet(container, 'name'))), ['init', 'app']);
    const privileged = getIn(containersOf(podSpec)[1], ['securityContext', 'privileged'])!;
    assert.deepEqual(pathOf(privileged), ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']);
    assert.deepEqual(pathOf(pairOf(deployment!.contents, 'kind')!.key!), ['kind']);
    assert.deepEqual(pathOf(deployment!.contents!), []);
    const job = containersOf(podSpecOf(cronJob!))[0]!;
    assert.deepEqual(toPlain(job), { name: 'job', image: 'busybox' });
    assert.deepEqual(pathOf(job), ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0]);
  });

  it('recognises Compose files and reads merge keys', () => {
    const compose = [
      'x-defaults: &defaults',
      '  restart: always',
      '  privileged: yes',
      'services:',
      '  web:',
      '    <<: *defaults',
      '    image: nginx:1.27',
      '    ports: ["8080:80"]',
      '    restart: "no"',
      '  db:',
      '    build: ./db',
      '    environment:',
      '      POSTGRES_PASSWORD: example',
      '',
    ].join('\n');
    const { ast } = parseYaml(compose);
    assert.equal(isComposeFile(ast), true);
    assert.equal(isComposeFile(parseYaml(MANIFEST).ast), false);
    assert.equal(isComposeFile(parseYaml('services:\n  - postgres:16\n').ast), false);
    const web = getIn(ast.children[0]!.contents, ['services', 'web']);
    // Keys written in the service win over merged ones; merged ones are found in the anchored map.
    assert.equal(scalarValue(mapGet(web, 'restart')), 'no');
    const privileged = mapGet(web, 'privileged')!;
    assert.equal(booleanValue(privileged), true);
    assert.equal(scalarValue(privileged), 'yes');
    assert.deepEqual(pathOf(privileged), ['x-defaults', 'privileged']);
    assert.deepEqual(toPlain(web), { image: 'nginx:1.27', ports: ['8080:80'], restart: 'no', privileged: 'yes' });
    assert.equal(scalarValue(getIn(ast.children[0]!.contents, ['services', 'web', 'ports', 0])), '8080:80');
  });

  it('gives keys and scalars UTF-16 ranges and 0-based columns, after non-ASCII text too', () => {
    const text = 'metadata:\n  labels: {team: "ünïcode 😀"}\n  name: café-😀\n  env: prod\n';
    const name = scalarAt(text, 'café');
    assert.equal(text.slice(...name.range), 'café-😀');
    assert.deepEqual(name.loc, { start: { line: 3, column: 8 }, end: { line: 3, column: 15 } });
    const env = pairOf(mapGet(parseYaml(text).ast.children[0]!.contents, 'metadata'), 'env')!;
    assert.deepEqual(env.key!.range, [text.indexOf('env'), text.indexOf('env') + 3]);
    assert.deepEqual(env.key!.loc, { start: { line: 4, column: 2 }, end: { line: 4, column: 5 } });
    assert.deepEqual(env.loc, { start: { line: 4, column: 2 }, end: { line: 4, column: 11 } });
    const team = scalarAt(text, '"ünïcode');
    assert.equal(team.source, '"ünïcode 😀"');
    assert.equal(team.value, 'ünïcode 😀');
    assert.equal(team.style, 'quoted');
    // The emoji is two UTF-16 code units.
    assert.deepEqual(team.loc, { start: { line: 2, column: 17 }, end: { line: 2, column: 29 } });
  });

  it('ends ranges at the value, not at a trailing comment or line break', () => {
    const text = 'a:\n  - x # c\n  - y\n\n# tail\nb: |\n  line\n\n# after\nc: >-\n  folded\n  text\n\nd: plain\n';
    const { ast } = parseYaml(text);
    const map = ast.children[0]!.contents!;
    assert.deepEqual(
      map.children.map((pair) => text.slice(...pair.range)),
      ['a:\n  - x # c\n  - y', 'b: |\n  line', 'c: >-\n  folded\n  text', 'd: plain'],
    );
    assert.equal(text.slice(...mapGet(map, 'a')!.range), '- x # c\n  - y');
    const block = mapGet(map, 'b') as YamlScalar;
    assert.deepEqual([block.style, block.value, block.source], ['block', 'line\n', '|\n  line']);
    assert.equal(text.slice(...ast.children[0]!.range), text.trimEnd());
  });

  it('collects # comments but not a # inside quoted, plain or block scalars', () => {
    const text = [
      '# top',
      'a: "x # not" # one',
      "b: 'y # not' #two",
      'c: url#frag',
      'd: | # header',
      '  # not a comment',
      '  also # not',
      '# three',
      'e: [1, # four',
      '  2]',
      '--- # five',
      'f: 1',
    ].join('\n');
    const { ast, comments } = parseYaml(text);
    assert.deepEqual(
      comments.map((comment) => [comment.value, comment.loc.start.line, comment.loc.start.column]),
      [
        [' top', 1, 0],
        [' one', 2, 13],
        ['two', 3, 13],
        [' header', 5, 5],
        [' three', 8, 0],
        [' four', 9, 7],
        [' five', 11, 4],
      ],
    );
    for (const comment of comments) assert.equal(text.slice(...comment.range), `#${comment.value}`);
    assert.equal(outline(ast.children[0]!.contents), '{"a": "x # not", "b": "y # not", "c": "url#frag", "d": "# not a comment\\nalso # not\\n", "e": [1, 2]}');
  });

  it('keeps the documents around a broken one, with their nodes, and records its errors', () => {
    const text = [
      'kind: Pod',
      'spec: {hostNetwork: true}',
      '---',
      'kind: Broken',
      'spec:',
      '  a: 1',
      '   b: 2',
      ' c: [3',
      '---',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - securityContext: {privileged: true}',
      '',
    ].join('\n');
    const { ast } = parseYaml(text);
    assert.equal(ast.children.length, 3);
    const [first, broken, last] = ast.children;
    assert.deepEqual(first!.errors, []);
    assert.equal(booleanValue(getIn(first!.contents, ['spec', 'hostNetwork'])), true);
    assert.ok(broken!.errors.length > 0);
    for (const error of broken!.errors) {
      assert.ok(error.range[0] >= broken!.range[0] && error.range[1] <= text.indexOf('---', broken!.range[0] + 3));
      assert.equal(typeof error.message, 'string');
      assert.equal(typeof error.code, 'string');
    }
    assert.equal(scalarValue(mapGet(broken!.contents, 'kind')), 'Broken');
    assert.deepEqual(last!.errors, []);
    const privileged = getIn(last!.contents, ['spec', 'containers', 0, 'securityContext', 'privileged'])!;
    assert.equal(scalarValue(privileged), true);
    assert.deepEqual(privileged.loc.start, { line: 13, column: 36 });
  });

  it('does not let an unclosed quote swallow the documents or the keys after it', () => {
    const text = [
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - image: "nginx',
      '      securityContext:',
      '        privileged: true # typed later',
      '---',
      "password: 'hunter2",
      '---',
      'kind: Service',
      '',
    ].join('\n');
    const { ast, comments } = parseYaml(text);
    assert.deepEqual(ast.children.map((doc) => outline(doc.contents)), [
      '{"kind": "Pod", "spec": {"containers": [{"image": "nginx", "securityContext": {"privileged": true}}]}}',
      '{"password": "hunter2"}',
      '{"kind": "Service"}',
    ]);
    const image = scalarAt(text, '"nginx');
    assert.deepEqual([image.style, image.source, image.value], ['quoted', '"nginx', 'nginx']);
    assert.deepEqual(
      ast.children.map((doc) => doc.errors.map((error) => [error.code, error.loc.start])),
      [[['MISSING_CHAR', { line: 4, column: 19 }]], [['MISSING_CHAR', { line: 8, column: 18 }]], []],
    );
    assert.deepEqual(comments.map((comment) => comment.value), [' typed later']);
  });

  it('yields nodes for half-typed input', () => {
    const typing = 'spec:\n  containers:\n    - name: app\n      securityContext:\n        runAsNonRoot: tru';
    assert.deepEqual(outlines(typing), ['{"spec": {"containers": [{"name": "app", "securityContext": {"runAsNonRoot": "tru"}}]}}']);
    assert.deepEqual(outlines('spec:\n  containers:\n    - name: app\n      securityContext:\n        runAsNonRoot:'), [
      '{"spec": {"containers": [{"name": "app", "securityContext": {"runAsNonRoot": null}}]}}',
    ]);
    assert.deepEqual(outlines('ports: [80, 443\nprivileged: true\n'), ['{"ports": [80, 443], "privileged": true}']);
    assert.deepEqual(outlines('a:\n  - b\n  -'), ['{"a": ["b", null]}']);
    assert.deepEqual(outlines('key: value: other\n'), ['{"key": {"value": "other"}}']);
    const tabs = parseYaml('a:\n\tb: 1\n');
    assert.ok(tabs.ast.children[0]!.errors.length > 0);
  });

  it('gives an empty stream for empty, comment-only and binary input', () => {
    for (const text of ['', '\n\n', '# just a comment\n', 'a: 1\u0000\u0001\u00ff', '\u0000']) {
      const { ast } = parseYaml(text);
      assert.deepEqual(ast.children, [], JSON.stringify(text));
      assert.deepEqual(ast.range, [0, text.length]);
    }
    assert.deepEqual(parseYaml('# just a comment\n').comments.map((comment) => comment.value), [' just a comment']);
    // `---` alone is an empty document.
    const empty = parseYaml('---\n---\na: 1\n').ast.children;
    assert.deepEqual(empty.map((doc) => [doc.index, doc.contents === null, doc.range]), [
      [0, true, [0, 3]],
      [1, false, [4, 12]],
    ]);
  });

  it('keeps aliases and resolves them to the anchor before them in the same document', () => {
    const text = [
      'base: &env {LOG: debug}',
      'first: *env',
      'port: &env 8080',
      'second: *env',
      'unknown: *nope',
      'self: &loop [1, *loop]',
      '---',
      'other: *env',
      '',
    ].join('\n');
    const { ast } = parseYaml(text);
    const doc = ast.children[0]!.contents!;
    const first = mapGet(doc, 'first')!;
    assert.equal(first.type, 'YamlAlias');
    assert.equal(first.type === 'YamlAlias' && first.name, 'env');
    assert.equal(first.type === 'YamlAlias' && resolveAlias(first), mapGet(doc, 'base'));
    const base = mapGet(doc, 'base');
    assert.equal(base?.type === 'YamlMap' && base.anchor, 'env');
    assert.equal(scalarValue(mapGet(doc, 'second')), 8080);
    assert.equal(scalarValue(mapGet(mapGet(doc, 'first'), 'LOG')), 'debug');
    assert.deepEqual(toPlain(doc), {
      base: { LOG: 'debug' },
      first: { LOG: 'debug' },
      port: 8080,
      second: 8080,
      unknown: null,
      self: [1, null],
    });
    // Aliases inside their own anchor end as null instead of looping.
    assert.deepEqual(toPlain(parseYaml('k: &a {[*a]: 1}').ast), [{ k: { '[null]': 1 } }]);
    const loop = parseYaml('m: &m {<<: *m, x: 1}').ast.children[0]!;
    assert.deepEqual([mapGet(mapGet(loop, 'm'), 'y'), toPlain(loop)], [undefined, { m: { x: 1 } }]);
    const other = mapGet(ast.children[1]!.contents, 'other')!;
    assert.equal(other.type === 'YamlAlias' && resolveAlias(other), undefined);
  });

  it('stops expanding aliases of a billion-laughs file', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    // Fully expanded, a9 alone would hold 10^10 strings.
    const plain = toPlain(parseYaml(lines.join('\n')).ast);
    const strings = JSON.stringify(plain).match(/"lol"/g)?.length ?? 0;
    assert.ok(strings > 1000 && strings < 100_000, String(strings));
  });

  it('reads flow style, tags and typed scalars', () => {
    const text = 'x: {a: 1, b: [x, y], "c d": null, e: [k: v]}\ny: !!str 0777\nz: !Ref Bucket\nw: ~\nv: 0x1F\n';
    const { ast } = parseYaml(text);
    const doc = ast.children[0]!.contents!;
    assert.equal(outline(doc), '{"x": {"a": 1, "b": ["x", "y"], "c d": null, "e": [{"k": "v"}]}, "y": "0777", "z": "Bucket", "w": null, "v": 31}');
    const flow = mapGet(doc, 'x')!;
    assert.equal(flow.type === 'YamlMap' && flow.flow, true);
    assert.equal(text.slice(...flow.range), '{a: 1, b: [x, y], "c d": null, e: [k: v]}');
    assert.equal(text.slice(...mapGet(flow, 'b')!.range), '[x, y]');
    const y = mapGet(doc, 'y') as YamlScalar;
    assert.deepEqual([y.tag, y.value, text.slice(...y.range)], ['tag:yaml.org,2002:str', '0777', '0777']);
    assert.equal((mapGet(doc, 'z') as YamlScalar).tag, '!Ref');
    assert.deepEqual([scalarText(mapGet(doc, 'v')), scalarValue(mapGet(doc, 'v'))], ['0x1F', 31]);
    assert.equal(scalarValue(mapGet(doc, 'w')), null);
    assert.deepEqual([booleanValue(mapGet(doc, 'w')), booleanValue(scalarAt('q: "yes"', '"yes"'))], [undefined, undefined]);
  });

  it('handles CRLF line endings', () => {
    const text = 'a: 1 # one\r\nb: |\r\n  text\r\n\r\nc:\r\n  - x\r\n---\r\nd: "q"\r\n';
    const { ast, comments } = parseYaml(text);
    assert.deepEqual(ast.children.map((doc) => outline(doc.contents)), ['{"a": 1, "b": "text\\n", "c": ["x"]}', '{"d": "q"}']);
    assert.deepEqual(comments.map((comment) => [comment.value, comment.range[1]]), [[' one', 10]]);
    const b = scalarAt(text, '|');
    assert.equal(b.source, '|\r\n  text');
    assert.deepEqual(b.loc, { start: { line: 2, column: 3 }, end: { line: 3, column: 6 } });
    assert.deepEqual(scalarAt(text, '"q"').loc, { start: { line: 8, column: 3 }, end: { line: 8, column: 6 } });
    assert.deepEqual(ast.children[1]!.loc.start, { line: 7, column: 0 });
  });

  it('reads directives and document end markers', () => {
    const text = '# header\n%YAML 1.1\n---\nprivileged: yes\n...\n---\nprivileged: yes\n';
    const { ast } = parseYaml(text);
    // `%YAML 1.1` applies to its own document only.
    assert.deepEqual(ast.children.map((doc) => [outline(doc.contents), doc.errors.length]), [
      ['{"privileged": true}', 0],
      ['{"privileged": "yes"}', 0],
    ]);
    assert.equal(text.slice(...ast.children[0]!.range), '---\nprivileged: yes');
  });

  it('reuses unchanged documents of the previous parse of the same file, with shifted offsets', () => {
    const before = 'a: 1\n---\nb: [2]\n---\nc: {d: 3} # c\n';
    const after = 'a: 1000\n---\nb: [2]\n---\nc: {d: 3} # c\n';
    const first = parseYaml(before, '/project/edited.yaml');
    assert.equal(parseYaml(before, '/project/edited.yaml'), first);
    const edited = parseYaml(after, '/project/edited.yaml');
    const fresh = parseYaml(after);
    assert.deepEqual(
      nodesOf(edited.ast).map((node) => [node.type, node.range, node.loc]),
      nodesOf(fresh.ast).map((node) => [node.type, node.range, node.loc]),
    );
    assert.deepEqual(edited.comments, fresh.comments);
    const d = getIn(edited.ast.children[2]!.contents, ['c', 'd'])!;
    assert.deepEqual([after.slice(...d.range), d.loc.start], ['3', { line: 5, column: 7 }]);
  });

  it('runs rules and inline disable comments through ESLint', () => {
    const noPrivileged: Rule.RuleModule = {
      meta: { type: 'problem', schema: [], messages: { privileged: 'Privileged.' } },
      create: (context) => ({
        YamlPair(node: unknown) {
          const pair = node as YamlPair;
          if (scalarValue(pair.key) === 'privileged' && booleanValue(pair.value)) {
            context.report({ loc: pair.loc, messageId: 'privileged' });
          }
        },
      }),
    };
    const linter = new Linter({ configType: 'flat' });
    const config = {
      files: ['**/*.yaml'],
      plugins: { t: { languages: { yaml: yamlLanguage }, rules: { 'no-privileged': noPrivileged } } },
      language: 't/yaml',
      rules: { 't/no-privileged': 'error' },
    } as unknown as Linter.Config;
    const text = [
      'a:',
      '  privileged: true',
      '---',
      '# eslint-disable-next-line t/no-privileged -- needed for the CNI',
      'b: {privileged: yes}',
      '---',
      'c: {privileged: on}',
      '',
    ].join('\n');
    const messages = linter.verify(text, config, 'k8s.yaml');
    assert.deepEqual(
      messages.map((message) => [message.ruleId, message.line, message.column, message.endLine, message.endColumn]),
      [
        ['t/no-privileged', 2, 3, 2, 19],
        ['t/no-privileged', 7, 5, 7, 19],
      ],
    );
  });
});
