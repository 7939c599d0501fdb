import type { TSESLint } from '@typescript-eslint/utils';
import { describeFinding, findCredentials, maskValue, mayContainSecrets, referenceDefault } from '../../detectors/secrets.js';
import type { YamlContent, YamlDocument, YamlMap, YamlNode, YamlScalar, YamlStream } from '../../languages/yaml/yaml-node.js';
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
import { treeSourceCode } from '../../util/languages.js';
import type { MessageIds, SecretsRuleContext } from '../no-hardcoded-secrets.js';
import { isPublicByDesign } from './env.js';

type Range = [number, number];

/** Where a value sits, which decides the message: each place has its own way to keep the secret out. */
type Place =
  | { kind: 'secret'; resource: string; encoded: boolean }
  | { kind: 'configMap'; resource: string }
  | { kind: 'container'; container: string }
  | { kind: 'compose'; service: string }
  | { kind: 'other' };

const OTHER: Place = { kind: 'other' };
/** How many `<<` merges an environment map is followed through, and how deep the walk goes. */
const MAX_MERGES = 20;
const MAX_DEPTH = 200;
/** Encrypted on purpose: SealedSecret `encryptedData`, SOPS metadata. */
const ENCRYPTED_KEYS = new Set(['encryptedData', 'sops']);
/** Keys of a Firebase web config, whose `apiKey` is public by design. */
const FIREBASE_KEYS = new Set(['authDomain', 'messagingSenderId', 'storageBucket', 'measurementId']);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

/** A Secret's `data` value decoded, when it is base64 of text (a binary keystore is left alone). */
function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
    // `echo "secret" | base64` keeps the newline: it is not part of the secret.
    return CONTROL.test(text) ? undefined : text.replace(/\r?\n$/, '');
  } catch {
    return undefined;
  }
}

/** A scalar's text: strings as read, numbers as written; booleans and nulls hold no secret. */
function textOf(scalar: YamlScalar): string | undefined {
  if (typeof scalar.value === 'string') return scalar.value;
  return typeof scalar.value === 'number' ? scalar.source : undefined;
}

function resourceName(doc: YamlDocument): string {
  return scalarText(mapGet(mapGet(doc.contents, 'metadata'), 'name')) ?? '(unnamed)';
}

/**
 * YAML: Kubernetes Secrets (`stringData`, and `data` decoded from base64),
 * ConfigMap `data`, container `env` values, Compose `environment` (map and
 * list forms) and kustomize `secretGenerator`/`configMapGenerator` literals,
 * each with its own advice; then every other scalar of the file for known
 * formats and URL passwords, and every `key: value` pair for secret-like keys
 * and weak signing secrets (`jwt:` / `secret:` reads as `jwt.secret`).
 */
export function yamlVisitors({ context, matcher, credentialMessage, weakKey }: SecretsRuleContext): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<YamlStream>(context);
  if (!mayContainSecrets(sourceCode.text)) return {};
  const locOf = ([start, end]: Range) => ({ start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) });
  /** Collections a place already checked (the generic walk skips them), and scalars already judged (aliases). */
  const handled = new Set<YamlNode>();
  const judged = new Set<YamlScalar>();

  function placeMessage(place: Place, name: string, what: string, secret: string): { messageId: MessageIds; data: Record<string, string> } | undefined {
    switch (place.kind) {
      case 'secret':
        return {
          messageId: 'secretManifestValue',
          data: { resource: place.resource, name, what, secret, encoding: place.encoded ? ' (base64-encoded)' : '' },
        };
      case 'configMap':
        return { messageId: 'configMapSecret', data: { resource: place.resource, name, what, secret } };
      case 'container':
        return { messageId: 'containerEnvSecret', data: { container: place.container, name, what, secret } };
      case 'compose':
        return { messageId: 'composeEnvSecret', data: { service: place.service, name, what, secret } };
      case 'other':
        return undefined;
    }
  }

  /**
   * One value. `names` are what it is assigned to, most specific last (`secret`, then
   * `jwt.secret`); `value` is its text (decoded for a Secret's `data`); findings in
   * the scalar as written are reported where they are, in decoded text on the scalar.
   */
  function check(place: Place, names: string[], scalar: YamlScalar, value: string, firebase = false): void {
    if (judged.has(scalar)) return;
    judged.add(scalar);
    if (names.some((name) => matcher.isIgnoredName(name))) return;
    const encoded = place.kind === 'secret' && place.encoded;
    const shown = names[0] ?? '';
    const findings = findCredentials(encoded ? value : scalar.source);
    for (const finding of findings) {
      if (finding.kind === 'Google API key' && (firebase || isPublicByDesign(shown, finding))) continue;
      const loc = encoded ? scalar.loc : locOf([scalar.range[0] + finding.range[0], scalar.range[0] + finding.range[1]]);
      context.report({ loc, ...(placeMessage(place, shown, describeFinding(finding), finding.masked) ?? credentialMessage(finding)) });
    }
    if (findings.length > 0 || names.length === 0) return;

    const reference = referenceDefault(value);
    if (!reference || reference.value === '') return;
    const fallback = reference.value;
    // A default written as is (`KEY: ${KEY:-value}`) is reported where it is; anything else on the scalar.
    const at = reference.offset > 0 && scalar.style === 'plain' && scalar.source === value ? scalar.range[0] + reference.offset : undefined;
    const loc = at === undefined ? scalar.loc : locOf([at, at + fallback.length]);
    for (const name of names) {
      const weak = weakKey(name, fallback);
      if (!weak) continue;
      context.report({ loc, messageId: weak.messageId, data: { ...weak.data, encoding: encoded ? ', base64-encoded' : '' } });
      return;
    }
    const name = names.find((candidate) => matcher.isSecretName(candidate));
    if (name === undefined || !matcher.isSecretValue(fallback)) return;
    const secret = maskValue(fallback);
    context.report({
      loc,
      ...(placeMessage(place, name, describeFinding(), secret) ?? { messageId: 'hardcodedSecret', data: { name, secret } }),
    });
  }

  function checkScalar(place: Place, names: string[], node: YamlContent | null | undefined, firebase = false): void {
    const scalar = deref(node);
    const value = scalar?.type === 'YamlScalar' ? textOf(scalar) : undefined;
    if (scalar?.type !== 'YamlScalar' || value === undefined) return;
    if (place.kind === 'secret' && place.encoded) {
      const decoded = decodeBase64Text(value);
      if (decoded !== undefined) check(place, names, scalar, decoded);
      return;
    }
    check(place, names, scalar, value, firebase);
  }

  /** A map of `KEY: value` (with `<<` merges), or a list of `KEY=value`. */
  function checkEnvironment(place: Place, node: YamlContent | null | undefined, merges = 0): void {
    const target = deref(node);
    if (!target || handled.has(target)) return;
    handled.add(target);
    if (target.type === 'YamlMap') {
      for (const pair of target.children) {
        const key = keyString(pair.key);
        if (key !== '<<') {
          checkScalar(place, [key], pair.value);
        } else if (merges < MAX_MERGES) {
          const sources = deref(pair.value);
          for (const source of sources?.type === 'YamlSeq' ? sources.children : [pair.value]) checkEnvironment(place, source, merges + 1);
        }
      }
    } else if (target.type === 'YamlSeq') {
      for (const item of target.children) {
        const entry = item.type === 'YamlScalar' ? scalarText(item) : undefined;
        const equals = entry?.indexOf('=') ?? -1;
        if (item.type === 'YamlScalar' && equals > 0) check(place, [entry!.slice(0, equals)], item, entry!.slice(equals + 1));
      }
    }
  }

  function checkDocument(doc: YamlDocument, compose: boolean): void {
    const { contents } = doc;
    const kind = documentKind(doc)?.kind;
    if (kind === 'Secret') {
      const resource = resourceName(doc);
      checkEnvironment({ kind: 'secret', resource, encoded: false }, mapGet(contents, 'stringData'));
      checkEnvironment({ kind: 'secret', resource, encoded: true }, mapGet(contents, 'data'));
    } else if (kind === 'ConfigMap') {
      checkEnvironment({ kind: 'configMap', resource: resourceName(doc) }, mapGet(contents, 'data'));
    }
    for (const container of containersOf(podSpecOf(doc))) {
      const env = deref(mapGet(container, 'env'));
      if (env?.type !== 'YamlSeq') continue;
      handled.add(env);
      const place: Place = { kind: 'container', container: scalarText(mapGet(container, 'name')) ?? '(unnamed)' };
      for (const variable of env.children) {
        const name = scalarText(mapGet(variable, 'name'));
        if (name !== undefined) checkScalar(place, [name], mapGet(variable, 'value'));
      }
    }
    // kustomize: `secretGenerator: [{name, literals: [KEY=value]}]`, and the same for ConfigMaps.
    for (const [field, placeKind] of [['secretGenerator', 'secret'], ['configMapGenerator', 'configMap']] as const) {
      const generators = deref(mapGet(contents, field));
      for (const generator of generators?.type === 'YamlSeq' ? generators.children : []) {
        const resource = scalarText(mapGet(generator, 'name')) ?? '(unnamed)';
        const place: Place = placeKind === 'secret' ? { kind: 'secret', resource, encoded: false } : { kind: 'configMap', resource };
        checkEnvironment(place, mapGet(generator, 'literals'));
      }
    }
    if (compose) {
      const services = deref(mapGet(contents, 'services'));
      for (const service of services?.type === 'YamlMap' ? services.children : []) {
        checkEnvironment({ kind: 'compose', service: keyString(service.key) }, mapGet(service.value, 'environment'));
      }
    }
    walk(contents, undefined, 0);
  }

  /** Every other value: pairs by key (and `parent.key`), `{name, value}` items by name, the rest for formats and URLs. */
  function walk(node: YamlContent | null | undefined, parentKey: string | undefined, depth: number): void {
    if (!node || handled.has(node) || depth > MAX_DEPTH) return;
    if (node.type === 'YamlScalar') {
      checkScalar(OTHER, [], node);
    } else if (node.type === 'YamlSeq') {
      for (const item of node.children) walk(item, parentKey, depth + 1);
    } else if (node.type === 'YamlMap') {
      walkMap(node, parentKey, depth);
    }
  }

  function walkMap(map: YamlMap, parentKey: string | undefined, depth: number): void {
    const keys = new Map(map.children.map((pair) => [keyString(pair.key), pair] as const));
    const firebase = [...FIREBASE_KEYS].some((key) => keys.has(key));
    // `- name: DB_PASSWORD` / `value: ...`: the shape of env vars in every CRD, Helm `extraEnv`, Tekton params.
    const envName = scalarText(keys.get('name')?.value);
    if (envName !== undefined && keys.has('value')) checkScalar(OTHER, [envName], keys.get('value')!.value);
    for (const pair of map.children) {
      const key = keyString(pair.key);
      if (key === '<<' || ENCRYPTED_KEYS.has(key)) continue;
      const value = pair.value;
      if (value?.type === 'YamlScalar') {
        checkScalar(OTHER, parentKey === undefined ? [key] : [key, `${parentKey}.${key}`], value, firebase);
      } else {
        walk(value, key, depth + 1);
      }
    }
  }

  return {
    YamlStream(stream: YamlStream) {
      const compose = isComposeFile(stream);
      for (const doc of stream.children) checkDocument(doc, compose);
    },
  };
}
