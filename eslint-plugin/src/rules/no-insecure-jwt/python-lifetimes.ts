import {
  SECOND,
  TIMEDELTA_UNITS,
  durationInUnit,
  formatDuration,
  isExpirySwitchName,
  lifetimeUnitOfName,
  maxLifetime,
  timedeltaArguments,
  tokenKindOfNames,
  type Limits,
  type TokenKind,
} from '../../detectors/jwt.js';
import { callArguments, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { lifetimeFinding, type Lifetime, type Report } from '../no-insecure-jwt.js';
import { unparenthesized, type PythonValues } from '../../languages/python/python-values.js';

/** Claims that say which token a payload is: `{"type": "refresh"}`. */
const CLAIM_TYPE_KEYS = new Set(['type', 'typ', 'token_type', 'tokenType', 'kind', 'use']);
const NOW_METHODS = new Set(['utcnow', 'now', 'today']);
const ROUNDING = new Set(['int', 'round', 'math.floor', 'math.ceil', 'floor', 'ceil', 'calendar.timegm']);

type PythonLifetime = Lifetime & { names: string[] };

/** Names around a node, by how much they say about the token: own names first, callees last. */
interface NameTiers {
  /** Keys, keywords, variables, classes and claims that hold the value or the call's result. */
  holders: string[];
  /** Other arguments of the calls on the way (the secret, a cookie name). */
  arguments: string[];
  /** Enclosing functions. */
  functions: string[];
  /** The callees on the way (`create_access_token`, `jwt.encode`). */
  callees: string[];
}

type Tier = keyof NameTiers;
/** A setting is judged only when its own names or a callee say it is a token's lifetime. */
export const SETTING_TIERS: Tier[] = ['holders', 'callees'];
export const SITE_TIERS: Tier[] = ['holders', 'arguments', 'functions', 'callees'];

/** Token lifetimes in Python, and the names that say which token a lifetime is for. */
export function pyLifetimes(values: PythonValues, text: string, limits: Limits, report: Report) {
  const textOf = (node: PythonNode | undefined): string => (node ? nodeText(node, text) : '');

  // ---- names ------------------------------------------------------------------

  function claimNames(dict: PythonNode, out: string[]): void {
    for (const pair of dict.children) {
      if (pair.type !== 'pair' || !CLAIM_TYPE_KEYS.has(stringValue(field(pair, 'key'), text) ?? '')) continue;
      const value = stringValue(field(pair, 'value'), text);
      if (value !== undefined) out.push(value);
    }
  }

  function targetName(node: PythonNode | undefined): string | undefined {
    if (!node) return undefined;
    if (node.type === 'identifier') return nodeText(node, text);
    if (node.type === 'attribute') return textOf(field(node, 'attribute'));
    return node.type === 'subscript' ? stringValue(field(node, 'subscript'), text) : undefined;
  }

  function namesAround(start: PythonNode): NameTiers {
    const tiers: NameTiers = { holders: [], arguments: [], functions: [], callees: [] };
    let child = start;
    for (let node = parent(start); node; child = node, node = parent(node)) {
      switch (node.type) {
        case 'pair': {
          const key = stringValue(field(node, 'key'), text);
          if (key !== undefined) tiers.holders.push(key);
          break;
        }
        case 'dictionary':
          claimNames(node, tiers.holders);
          break;
        case 'keyword_argument':
        case 'default_parameter':
        case 'typed_default_parameter': {
          const name = field(node, 'name');
          if (name) tiers.holders.push(nodeText(name, text));
          break;
        }
        case 'assignment': {
          const name = child === field(node, 'right') ? targetName(field(node, 'left')) : undefined;
          if (name) tiers.holders.push(name);
          break;
        }
        case 'call': {
          const list = field(node, 'arguments');
          if (child !== list) break;
          for (const argument of list.children) {
            if (argument === child) continue;
            const value = argument.type === 'keyword_argument' ? field(argument, 'value') : argument;
            if (value?.type === 'dictionary') claimNames(value, tiers.holders);
            const name = value && (stringValue(value, text) ?? targetName(value));
            if (name) tiers.arguments.push(name);
          }
          const callee = dottedName(field(node, 'function'), text);
          if (callee) tiers.callees.push(callee);
          break;
        }
        case 'class_definition':
          tiers.holders.push(textOf(field(node, 'name')));
          break;
        case 'function_definition':
          tiers.functions.push(textOf(field(node, 'name')));
          break;
        default:
          break;
      }
    }
    return tiers;
  }

  // ---- lifetimes ----------------------------------------------------------------

  function isTimedelta(call: PythonNode): boolean {
    const qualified = values.qualify(field(call, 'function'));
    return qualified === 'timedelta' || qualified?.endsWith('.timedelta') === true;
  }

  function timedeltaLifetime(call: PythonNode): PythonLifetime | undefined {
    const args = callArguments(call, text);
    const parts: { unit: number; argument: PythonNode }[] = [];
    args.positional.forEach((argument, index) => {
      const unit = TIMEDELTA_UNITS[index]?.[1];
      if (unit !== undefined) parts.push({ unit, argument });
    });
    for (const [name, argument] of args.keywords) {
      const unit = TIMEDELTA_UNITS.find(([keyword]) => keyword === name)?.[1];
      if (unit === undefined) return undefined;
      parts.push({ unit, argument });
    }
    let seconds = 0;
    const names: string[] = [];
    const knowns = parts.map(({ unit, argument }) => {
      const known = values.numberOf(argument);
      if (known) {
        seconds += known.value * unit;
        names.push(...known.names);
      }
      return known;
    });
    if (parts.length === 0 || knowns.some((known) => !known)) return undefined;
    const only = parts.length === 1 ? knowns[0]! : undefined;
    if (only && only.node !== parts[0]!.argument) {
      const unit = parts[0]!.unit;
      return { seconds, names, range: only.node.range, replacement: (max) => durationInUnit(max, unit) };
    }
    const callee = textOf(field(call, 'function'));
    return { seconds, names, range: call.range, replacement: (max) => `${callee}(${timedeltaArguments(max)})` };
  }

  /** A lifetime written at `node`: a `timedelta`, or a number in `unit` seconds (also through constants). */
  function lifetimeOf(node: PythonNode | undefined, unit: number | undefined, depth = 0): PythonLifetime | undefined {
    const current = unparenthesized(node);
    if (!current || depth > 6) return undefined;
    // `expires_delta or timedelta(minutes=15)`: the default is what callers get.
    if (current.type === 'boolean_operator' && field(current, 'operator')?.type === 'or' && values.isParameterReference(field(current, 'left'))) {
      return lifetimeOf(field(current, 'right'), unit, depth + 1);
    }
    if (current.type === 'call') return isTimedelta(current) ? timedeltaLifetime(current) : undefined;
    if (current.type === 'identifier') {
      const lifetime = lifetimeOf(values.constantValue(current), unit, depth + 1);
      return lifetime && { ...lifetime, names: [nodeText(current, text), ...lifetime.names] };
    }
    if (unit === undefined) return undefined;
    const known = values.numberOf(current);
    if (!known) return undefined;
    return { seconds: known.value * unit, names: known.names, range: known.node.range, replacement: (max) => durationInUnit(max, unit) };
  }

  function tokenKind(at: PythonNode, tiers: Tier[], leading: string[] = []): TokenKind | undefined {
    const around = namesAround(at);
    return tokenKindOfNames([...leading, ...tiers.flatMap((tier) => around[tier])]);
  }

  function checkLifetime(lifetime: PythonLifetime | undefined, at: PythonNode, tiers: Tier[], fallback?: TokenKind): void {
    if (!lifetime) return;
    const kind = tokenKind(at, tiers, lifetime.names) ?? fallback;
    if (kind === undefined || kind === 'other') return;
    const finding = lifetimeFinding(lifetime, kind, limits);
    if (finding) report(lifetime.range, finding.messageId, finding.data, finding.suggest);
  }

  /** A setting named like a token lifetime: `ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24`, `"REFRESH_TOKEN_LIFETIME": timedelta(days=30)`. */
  function checkSetting(name: string, value: PythonNode, at: PythonNode): void {
    if (value.type === 'false' && isExpirySwitchName(name)) {
      const kind = name.includes('REFRESH') ? 'refresh' : 'access';
      report(at.range, 'expiryDisabled', { setting: name, max: formatDuration(maxLifetime(kind, limits)) });
      return;
    }
    checkLifetime(lifetimeOf(value, lifetimeUnitOfName(name)), value, SETTING_TIERS);
  }

  /** `datetime.utcnow()`, `datetime.now(timezone.utc)`, `time.time()`, `int(time.time())`, and constants holding them. */
  function nowKind(node: PythonNode | undefined, depth = 0): 'datetime' | 'timestamp' | undefined {
    const current = unparenthesized(node);
    if (!current || depth > 4) return undefined;
    if (current.type === 'identifier') return nowKind(values.constantValue(current), depth + 1);
    if (current.type !== 'call') return undefined;
    const fn = field(current, 'function');
    const qualified = values.qualify(fn) ?? '';
    const last = qualified.split('.').pop()!;
    const first = callArguments(current, text).positional[0];
    if (qualified === 'time.time') return 'timestamp';
    if (ROUNDING.has(qualified)) return nowKind(first, depth + 1) && 'timestamp';
    if (last === 'timestamp' && fn?.type === 'attribute') return nowKind(field(fn, 'object'), depth + 1) && 'timestamp';
    return NOW_METHODS.has(last) && qualified.includes('.') ? 'datetime' : undefined;
  }

  /** The lifetimes an `exp` claim may get: `datetime.utcnow() + timedelta(days=30)`, through variables. */
  function expLifetimes(node: PythonNode | undefined, out: PythonLifetime[], depth = 0): void {
    const current = unparenthesized(node);
    if (!current || depth > 4) return;
    if (current.type === 'identifier') {
      for (const value of values.possibleValues(current)) expLifetimes(value, out, depth + 1);
      return;
    }
    if (current.type === 'call') {
      const fn = field(current, 'function');
      const qualified = values.qualify(fn) ?? '';
      if (ROUNDING.has(qualified)) expLifetimes(callArguments(current, text).positional[0], out, depth + 1);
      else if (fn?.type === 'attribute' && /^(?:timestamp|timetuple)$/.test(textOf(field(fn, 'attribute')))) {
        expLifetimes(field(fn, 'object'), out, depth + 1);
      }
      return;
    }
    if (current.type !== 'binary_operator' || field(current, 'operator')?.type !== '+') return;
    const left = field(current, 'left');
    const right = field(current, 'right');
    const leftNow = nowKind(left);
    const now = leftNow ?? nowKind(right);
    if (!now) return;
    const lifetime = lifetimeOf(leftNow ? right : left, now === 'timestamp' ? SECOND : undefined);
    if (lifetime) out.push(lifetime);
  }

  function checkExpClaim(value: PythonNode | undefined, at: PythonNode): void {
    const lifetimes: PythonLifetime[] = [];
    expLifetimes(value, lifetimes);
    for (const lifetime of lifetimes) checkLifetime(lifetime, at, SITE_TIERS, 'access');
  }

  return { claimNames, targetName, tokenKind, lifetimeOf, checkLifetime, checkSetting, checkExpClaim };
}
