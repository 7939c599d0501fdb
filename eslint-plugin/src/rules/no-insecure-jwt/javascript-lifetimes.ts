import { ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  SECOND,
  durationInUnit,
  durationString,
  parseDuration,
  tokenKindOfNames,
  type Limits,
  type TokenKind,
} from '../../detectors/jwt.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import { lifetimeFinding, type Lifetime, type Report } from '../no-insecure-jwt.js';
import { functionName, isFunction, referenceName, unwrap, type JsValues, type Node } from './javascript-values.js';

/** Claims that say which token a payload is: `{ type: 'refresh' }`. */
const CLAIM_TYPE_KEYS = new Set(['type', 'typ', 'tokenType', 'token_type', 'kind', 'use']);
const ROUNDING = new Set(['floor', 'round', 'trunc', 'ceil', 'parseInt', 'Number']);

/** Names around a node, by how much they say about the token: own names first, callees last. */
interface NameTiers {
  /** Keys, variables and claims that hold the value or the call's result. */
  holders: string[];
  /** Other arguments of the calls on the way (the secret, a cookie name). */
  arguments: string[];
  /** Enclosing functions and classes. */
  functions: string[];
  /** The callees on the way (`JwtModule.register`, `jwt.sign`). */
  callees: string[];
}

export type JsLifetime = Lifetime & { names: string[] };

/** Token lifetimes in JS/TS, and the names that say which token a lifetime is for. */
export function jsLifetimes(sourceCode: Readonly<TSESLint.SourceCode>, values: JsValues, limits: Limits, report: Report) {
  // ---- names ------------------------------------------------------------------

  function claimNames(object: TSESTree.ObjectExpression, out: string[]): void {
    for (const member of object.properties) {
      if (member.type !== 'Property' || !CLAIM_TYPE_KEYS.has(staticPropertyName(member) ?? '')) continue;
      const value = values.stringOf(member.value);
      if (value) out.push(value.value);
    }
  }

  function namesAround(start: Node): NameTiers {
    const tiers: NameTiers = { holders: [], arguments: [], functions: [], callees: [] };
    let child: Node = start;
    for (let node = start.parent; node; child = node, node = node.parent) {
      switch (node.type) {
        case 'Property':
        case 'PropertyDefinition': {
          const name = node.key.type === 'Identifier' || node.key.type === 'Literal' ? staticPropertyNameOf(node) : undefined;
          if (name) tiers.holders.push(name);
          break;
        }
        case 'ObjectExpression':
          claimNames(node, tiers.holders);
          break;
        case 'VariableDeclarator':
          if (node.id.type === 'Identifier') tiers.holders.push(node.id.name);
          break;
        case 'AssignmentExpression': {
          const name = node.right === child ? referenceName(node.left) : undefined;
          if (name) tiers.holders.push(name);
          break;
        }
        case 'CallExpression':
        case 'NewExpression':
          if (child === node.callee) break;
          for (const argument of node.arguments) {
            if (argument === child) continue;
            const current = unwrap(argument);
            if (current.type === 'Literal' && typeof current.value === 'string') tiers.arguments.push(current.value);
            else if (current.type === 'ObjectExpression') claimNames(current, tiers.holders);
            else {
              const name = referenceName(current);
              if (name) tiers.arguments.push(name);
            }
          }
          tiers.callees.push(sourceCode.getText(node.callee).slice(-80));
          break;
        case 'ClassDeclaration':
        case 'ClassExpression':
          if (node.id) tiers.functions.push(node.id.name);
          break;
        default:
          if (isFunction(node)) {
            const name = functionName(node);
            if (name) tiers.functions.push(name);
          }
      }
    }
    return tiers;
  }

  function staticPropertyNameOf(node: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
    if (node.computed) return node.key.type === 'Literal' && typeof node.key.value === 'string' ? node.key.value : undefined;
    if (node.key.type === 'Identifier') return node.key.name;
    return node.key.type === 'Literal' ? String(node.key.value) : undefined;
  }

  // ---- lifetimes ----------------------------------------------------------------

  function isParameterReference(node: Node): boolean {
    let root = unwrap(node);
    while (root.type === 'MemberExpression') root = unwrap(root.object);
    if (root.type !== 'Identifier') return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
    return Boolean(variable?.defs.some((definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter));
  }

  /** A lifetime written at `node`: a duration string, or a number in `unit` seconds. */
  function lifetimeOf(node: Node, unit: number | undefined, flavor: 'ms' | 'jose'): JsLifetime | undefined {
    const current = unwrap(node);
    // `expiresIn ?? '7d'` with a parameter on the left: the default is what callers get.
    if (current.type === 'LogicalExpression' && current.operator !== '&&' && isParameterReference(current.left)) {
      return lifetimeOf(current.right, unit, flavor);
    }
    const known = values.evaluate(current);
    if (!known) return undefined;
    if (typeof known.value === 'string') {
      const seconds = parseDuration(known.value, flavor);
      if (seconds === undefined) return undefined;
      const quote = sourceCode.getText(known.node)[0] ?? "'";
      return { seconds, range: known.node.range, replacement: (max) => `${quote}${durationString(max)}${quote}`, names: known.names };
    }
    if (unit === undefined) return undefined;
    return { seconds: known.value * unit, range: known.node.range, replacement: (max) => durationInUnit(max, unit), names: known.names };
  }

  /**
   * Reports a lifetime over the limit. `fallback` is the kind when no name says (a sign call);
   * without one, only a value whose names say it is a token's lifetime is checked (a setting).
   */
  function checkLifetime(lifetime: JsLifetime | undefined, at: Node, fallback: TokenKind | undefined, leading: string[] = []): void {
    if (!lifetime) return;
    const tiers = namesAround(at);
    const names = fallback
      ? [...lifetime.names, ...leading, ...tiers.holders, ...tiers.arguments, ...tiers.functions, ...tiers.callees]
      : [...lifetime.names, ...leading, ...tiers.holders, ...tiers.callees];
    const kind = tokenKindOfNames(names) ?? fallback;
    if (kind === undefined || kind === 'other') return;
    const finding = lifetimeFinding(lifetime, kind, limits);
    if (finding) report(lifetime.range, finding.messageId, finding.data, finding.suggest);
  }

  function isNowMilliseconds(node: Node): boolean {
    const current = unwrap(node);
    if (current.type === 'UnaryExpression' && current.operator === '+') return current.argument.type === 'NewExpression';
    if (current.type !== 'CallExpression' || current.callee.type !== 'MemberExpression') return false;
    const method = staticPropertyName(current.callee);
    const object = unwrap(current.callee.object);
    if (method === 'now') return object.type === 'Identifier' && object.name === 'Date';
    return method === 'getTime' && object.type === 'NewExpression' && object.arguments.length === 0;
  }

  /** `Math.floor(Date.now() / 1000)` and constants holding it. */
  function isNowSeconds(node: Node, depth = 0): boolean {
    if (depth > 4) return false;
    const current = unwrap(node);
    if (current.type === 'Identifier') {
      const init = values.constantInitializer(current);
      return init !== undefined && isNowSeconds(init, depth + 1);
    }
    if (current.type === 'CallExpression' && current.arguments[0] && current.arguments[0].type !== 'SpreadElement') {
      const name = referenceName(current.callee);
      return name !== undefined && ROUNDING.has(name) && isNowSeconds(current.arguments[0], depth + 1);
    }
    return current.type === 'BinaryExpression' && current.operator === '/' && values.evaluate(current.right)?.value === 1000 && isNowMilliseconds(current.left as Node);
  }

  /** `exp: Math.floor(Date.now() / 1000) + 60 * 60 * 24 * 30`. */
  function checkExpClaim(property: TSESTree.Property): void {
    const value = unwrap(property.value);
    if (value.type !== 'BinaryExpression' || value.operator !== '+') return;
    const offset = isNowSeconds(value.left) ? value.right : isNowSeconds(value.right) ? value.left : undefined;
    if (offset) checkLifetime(lifetimeOf(offset, SECOND, 'ms'), property, 'access');
  }

  function lifetimeKind(at: Node, leading: string[] = []): 'access' | 'refresh' {
    const tiers = namesAround(at);
    const kind = tokenKindOfNames([...leading, ...tiers.holders, ...tiers.arguments, ...tiers.functions]);
    return kind === 'refresh' ? 'refresh' : 'access';
  }

  return { claimNames, namesAround, lifetimeOf, checkLifetime, checkExpClaim, lifetimeKind };
}
