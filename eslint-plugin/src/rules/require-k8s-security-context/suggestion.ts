import type { EffectiveSecurityContext, Setting } from '../../detectors/kubernetes.js';
import { capabilityName } from '../../detectors/kubernetes.js';
import type { YamlContent, YamlMap, YamlPair } from '../../languages/yaml/yaml-node.js';
import { keyString } from '../../languages/yaml/yaml-query.js';
import type { TextEdit } from '../yaml/edits.js';
import { appendToBlockMap, insertLines, insertUnderKey } from '../yaml/edits.js';

/** The UID the guide's securityContext runs as (AMAS › 7.2). */
export const GUIDE_UID = 1000;

export interface GuideEdits {
  /** The container had a securityContext that is completed, rather than one added. */
  completes: boolean;
  edits: TextEdit[];
}

function isEmptyScalar(node: YamlContent | null): boolean {
  return !node || (node.type === 'YamlScalar' && node.value === null && node.source === '');
}

/** The pair written in this map itself (the last duplicate), not one merged in with `<<`. */
function ownPair(map: YamlMap, key: string): YamlPair | undefined {
  for (let i = map.children.length - 1; i >= 0; i--) {
    if (keyString(map.children[i]!.key) === key) return map.children[i];
  }
  return undefined;
}

function replaceValue(pair: YamlPair, text: string): TextEdit | undefined {
  const value = pair.value;
  if (!value || value.type === 'YamlMap' || value.type === 'YamlSeq') return undefined;
  // An empty value sits right after the `:`.
  if (isEmptyScalar(value)) return { start: value.range[0], end: value.range[0], text: ` ${text}` };
  return { start: value.range[0], end: value.range[1], text };
}

/**
 * The edits that bring a container's securityContext to the guide's block,
 * touching only what is missing or wrong; undefined where no edit keeps the
 * file as written (flow maps, aliases, merged keys) or nothing can be added.
 */
export function guideEdits(
  text: string,
  container: YamlMap,
  context: EffectiveSecurityContext,
  step: number,
): GuideEdits | undefined {
  if (container.flow) return undefined;
  const pad = ' '.repeat(step);
  const { contextPair } = context;
  const scMap = contextPair?.value?.type === 'YamlMap' ? contextPair.value : undefined;
  /** The lines to add to the securityContext map, and replacements of values in it. */
  const lines: string[] = [];
  const edits: TextEdit[] = [];
  let blocked = false;

  /** Replaces the value written in this securityContext (even `null`), else adds the key (over a merged one). */
  const set = (field: string, literal: string): void => {
    const pair = scMap && ownPair(scMap, field);
    const edit = pair && replaceValue(pair, literal);
    if (edit) edits.push(edit);
    else if (!pair) lines.push(`${field}: ${literal}`);
    else blocked = true;
  };
  const isTrue = (setting: Setting<boolean | null>) =>
    setting.state === 'placeholder' || (setting.state === 'set' && setting.value === true);

  const { runAsUser } = context;
  if (!isTrue(context.runAsNonRoot)) set('runAsNonRoot', 'true');
  // runAsNonRoot alone stops an image whose USER is root from starting: the guide pairs it with a UID.
  const uidIsRoot = runAsUser.state === 'set' && runAsUser.value === 0;
  if (uidIsRoot || (!isTrue(context.runAsNonRoot) && runAsUser.state === 'unset')) set('runAsUser', String(GUIDE_UID));
  const escalation = context.allowPrivilegeEscalation;
  if (escalation.state !== 'placeholder' && !(escalation.state === 'set' && escalation.value === false)) {
    set('allowPrivilegeEscalation', 'false');
  }
  if (context.privileged.state === 'set' && context.privileged.value === true) set('privileged', 'false');
  const dropsAll = context.drop.state === 'set' && context.drop.value?.some((name) => capabilityName(name) === 'ALL');
  if (context.drop.state !== 'placeholder' && !dropsAll) {
    if (!(scMap && ownPair(scMap, 'capabilities'))) lines.push('capabilities:', `${pad}drop:`, `${pad}${pad}- ALL`);
    else blocked ||= !addDropAll(text, scMap, step, edits);
  }
  if (!isTrue(context.readOnlyRootFilesystem)) set('readOnlyRootFilesystem', 'true');
  if (context.procMount.state === 'set' && context.procMount.value === 'Unmasked') set('procMount', 'Default');
  if (blocked || (lines.length === 0 && edits.length === 0)) return undefined;

  if (!contextPair) {
    const edit = appendToBlockMap(text, container, ['securityContext:', ...lines.map((line) => pad + line)]);
    return edit && { completes: false, edits: [edit] };
  }
  // A securityContext brought in by `<<` or an alias is shared: editing it would change other containers.
  if (!container.children.includes(contextPair) || contextPair.value?.type === 'YamlAlias') return undefined;
  if (isEmptyScalar(contextPair.value)) {
    const edit = insertUnderKey(text, contextPair, step, lines);
    return edit && { completes: false, edits: [edit] };
  }
  if (!scMap || scMap.flow) return undefined;
  if (lines.length > 0) {
    // After the edits inside `capabilities`: at the same offset, deeper lines come first.
    const edit = appendToBlockMap(text, scMap, lines);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { completes: true, edits };
}

/** Adds ALL to an existing `capabilities.drop`; false when that cannot be done in place. */
function addDropAll(
  text: string,
  scMap: YamlMap | undefined,
  step: number,
  edits: TextEdit[],
): boolean {
  const capsPair = scMap && ownPair(scMap, 'capabilities');
  if (!capsPair) return false;
  const pad = ' '.repeat(step);
  const caps = capsPair.value;
  if (isEmptyScalar(caps)) {
    const edit = insertUnderKey(text, capsPair, step, ['drop:', `${pad}- ALL`]);
    if (edit) edits.push(edit);
    return edit !== undefined;
  }
  if (caps?.type !== 'YamlMap' || caps.flow) return false;
  const dropPair = ownPair(caps, 'drop');
  if (!dropPair) {
    const edit = appendToBlockMap(text, caps, ['drop:', `${pad}- ALL`]);
    if (edit) edits.push(edit);
    return edit !== undefined;
  }
  const drop = dropPair.value;
  if (isEmptyScalar(drop)) {
    const at = drop ? drop.range[0] : dropPair.range[1];
    edits.push({ start: at, end: at, text: ' [ALL]' });
    return true;
  }
  if (drop?.type !== 'YamlSeq') return false;
  if (drop.flow) {
    const close = drop.range[1] - 1;
    if (text[close] !== ']') return false;
    const before = text.slice(drop.range[0] + 1, close).trimEnd();
    const at = drop.range[0] + 1 + before.length;
    const separator = drop.children.length === 0 ? '' : before.endsWith(',') ? ' ' : ', ';
    edits.push({ start: at, end: at, text: `${separator}ALL` });
    return true;
  }
  edits.push(insertLines(text, drop.range[1], drop.loc.start.column, ['- ALL']));
  return true;
}
