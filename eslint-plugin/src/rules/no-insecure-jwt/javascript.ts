import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  SECOND,
  durationString,
  formatDuration,
  isLifetimeName,
  isNoneAlgorithm,
  isTokenResponseField,
  lifetimeUnitOfName,
  maxLifetime,
  type Limits,
} from '../../detectors/jwt.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import { createReporter, elementRemovalRange, type Context, type Suggestion } from '../no-insecure-jwt.js';
import { jsDecoding } from './javascript-decoding.js';
import { jsLifetimes } from './javascript-lifetimes.js';
import { isFunction, jsValues, referenceName, unwrap, type Callee, type Node } from './javascript-values.js';

/** Files that never mention a token are skipped before any work. */
const PREFILTER = /jwt|jws|jose|token/i;
const JWT_MODULES = new Set(['jsonwebtoken', 'jose', '@nestjs/jwt', 'express-jwt', 'koa-jwt', '@fastify/jwt', 'passport-jwt', 'hono/jwt']);
/** Callee texts and names that put an `algorithm(s)` option in a JWT context. */
const JWT_CALLEE = /jwt|jws|jose|bearer|passport|\bsign\w*$|verify\w*$/i;
const JWT_NAME = /jwt|jws|jose|token/i;
/** The last names of the calls the rule looks at. */
const CALL_NAMES = new Set(['sign', 'signAsync', 'signSync', 'jwtSign', 'decode', 'decodeJwt']);

export function javascriptVisitors(context: Context, limits: Limits): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!PREFILTER.test(sourceCode.text)) return {};
  const values = jsValues(sourceCode);
  const report = createReporter(context);
  const { claimNames, lifetimeOf, checkLifetime, checkExpClaim, lifetimeKind } = jsLifetimes(sourceCode, values, limits, report);
  const { trustedUse, verifiesNearby } = jsDecoding(sourceCode);

  // ---- algorithms -------------------------------------------------------------------

  function isJwtContext(start: Node): boolean {
    let depth = 0;
    for (let node = start.parent; node && depth < 10; node = node.parent, depth++) {
      if (node.type === 'CallExpression' || node.type === 'NewExpression') {
        const callee = values.calleeOf(node.callee);
        if (callee?.module && JWT_MODULES.has(callee.module)) return true;
        if (JWT_CALLEE.test(sourceCode.getText(node.callee).slice(-120))) return true;
      }
      const name =
        node.type === 'Property' ? staticPropertyName(node)
        : node.type === 'VariableDeclarator' ? referenceName(node.id)
        : node.type === 'AssignmentExpression' ? referenceName(node.left)
        : undefined;
      if (name && JWT_NAME.test(name)) return true;
    }
    return false;
  }

  function checkAlgorithms(property: TSESTree.Property): void {
    const array = values.resolveArray(property.value);
    if (!array || !isJwtContext(property)) return;
    const elements = array.elements;
    elements.forEach((element, index) => {
      if (!element || element.type === 'SpreadElement' || !isNoneAlgorithm(values.stringOf(element)?.value ?? '')) return;
      const removable = elements.length > 1 && elements.every((item) => item !== null);
      const suggest: Suggestion[] = removable
        ? [{ messageId: 'removeNone', fix: (fixer) => fixer.removeRange(elementRemovalRange(elements as Node[], index)) }]
        : [];
      report(element.range, 'noneAccepted', {}, suggest);
    });
  }

  function checkAlgorithm(property: TSESTree.Property): void {
    const value = values.stringOf(property.value);
    if (value && isNoneAlgorithm(value.value) && isJwtContext(property)) report(property.value.range, 'noneAlgorithm');
  }

  // ---- signing --------------------------------------------------------------------

  function isJsonwebtoken(callee: Callee, method: string): boolean {
    if (callee.path.at(-1) !== method) return false;
    if (callee.module === 'jsonwebtoken') return callee.path.length <= 2;
    return callee.undeclared && callee.path.length === 2 && callee.path[0] === 'jwt';
  }

  function isSignCall(callee: Callee): boolean {
    const last = callee.path.at(-1);
    if (last === 'jwtSign') return true;
    if (last !== 'sign' && last !== 'signAsync' && last !== 'signSync') return false;
    if (callee.module && JWT_MODULES.has(callee.module)) return true;
    return callee.path.slice(0, -1).some((part) => /jwt|jws/i.test(part));
  }

  /** Options written in a sign call, which the call's own check covers with the names around the call. */
  function isSignOptions(object: TSESTree.ObjectExpression): boolean {
    const call = object.parent;
    if (call?.type !== 'CallExpression' || call.callee === object) return false;
    const callee = values.calleeOf(call.callee);
    return callee !== undefined && isSignCall(callee);
  }

  /** The payload object when the rule can see all of it: a literal, or a constant used only here. */
  function payloadObject(argument: Node | undefined, call: Node): TSESTree.ObjectExpression | undefined {
    if (!argument) return undefined;
    const current = unwrap(argument);
    if (current.type === 'ObjectExpression') return current;
    if (current.type !== 'Identifier') return undefined;
    const object = values.resolveObject(current);
    if (object?.parent?.type !== 'VariableDeclarator') return undefined;
    const [variable] = sourceCode.getDeclaredVariables(object.parent);
    const untouched = variable?.references.every((reference) => {
      if (reference.init) return true;
      const parent = reference.identifier.parent;
      if (parent?.type === 'MemberExpression' && parent.object === reference.identifier) {
        return !(parent.parent?.type === 'AssignmentExpression' && parent.parent.left === parent) && parent.parent?.type !== 'CallExpression';
      }
      return parent === call;
    });
    return untouched ? object : undefined;
  }

  /** Whether a payload may hold `exp`: it has one, or a spread or computed key may add it. */
  function mayHaveExp(payload: TSESTree.ObjectExpression): boolean {
    return values.property(payload, 'exp') !== undefined;
  }

  function checkSign(call: TSESTree.CallExpression, callee: Callee): void {
    const jsonwebtoken = isJsonwebtoken(callee, 'sign');
    const payloadArgument = call.arguments[0];
    // jsonwebtoken: sign(payload, key, options?, callback?); others: sign(payload, options?).
    const rest = call.arguments.slice(jsonwebtoken ? 2 : 1);
    const payload = payloadArgument?.type === 'SpreadElement' ? undefined : payloadObject(payloadArgument, call);
    const claims: string[] = [];
    if (payload) claimNames(payload, claims);
    let expiresIn: Node | 'unknown' | undefined;
    let optionsUnknown = false;
    const optionNames: string[] = [];
    for (const argument of rest) {
      if (argument.type === 'SpreadElement') {
        optionsUnknown = true;
        continue;
      }
      const object = values.resolveObject(argument);
      if (object) {
        expiresIn = values.property(object, 'expiresIn') ?? expiresIn;
        const name = object === unwrap(argument) ? undefined : referenceName(argument);
        if (name) optionNames.push(name);
      } else if (!isFunction(unwrap(argument))) {
        optionsUnknown = true;
      }
    }
    if (expiresIn && expiresIn !== 'unknown') {
      checkLifetime(lifetimeOf(expiresIn, SECOND, 'ms'), call, 'access', [...optionNames, ...claims]);
      return;
    }
    if (expiresIn || optionsUnknown || !jsonwebtoken || !payload || mayHaveExp(payload)) return;
    const kind = lifetimeKind(call, claims);
    const max = maxLifetime(kind, limits);
    const data = { option: ', no expiresIn option', max: formatDuration(max) };
    const option = `expiresIn: '${durationString(max)}'`;
    const suggest: Suggestion[] = [];
    const [, key, options] = call.arguments;
    if (key && !options) {
      suggest.push({ messageId: 'addExpiry', data, fix: (fixer) => fixer.insertTextAfter(key, `, { ${option} }`) });
    } else if (options && isFunction(options as Node)) {
      suggest.push({ messageId: 'addExpiry', data, fix: (fixer) => fixer.insertTextBefore(options, `{ ${option} }, `) });
    } else if (options?.type === 'ObjectExpression') {
      const last = options.properties.at(-1);
      suggest.push({
        messageId: 'addExpiry',
        data,
        fix: (fixer) => (last ? fixer.insertTextAfter(last, `, ${option}`) : fixer.replaceText(options, `{ ${option} }`)),
      });
    }
    report(call.callee.range, 'missingExpiry', data, suggest);
  }

  /** `new SignJWT(payload).setProtectedHeader(...).setExpirationTime('2h').sign(key)`. */
  function checkSignJwt(creation: TSESTree.NewExpression): void {
    const methods = new Map<string, TSESTree.CallExpression>();
    let current: Node = creation;
    let signMember: TSESTree.MemberExpression | undefined;
    while (current.parent?.type === 'MemberExpression' && current.parent.object === current && current.parent.parent?.type === 'CallExpression') {
      const member = current.parent;
      const name = staticPropertyName(member);
      if (!name) break;
      methods.set(name, member.parent as TSESTree.CallExpression);
      if (name === 'sign') signMember = member;
      current = member.parent as TSESTree.CallExpression;
    }
    const argument = creation.arguments[0];
    const payload = argument && argument.type !== 'SpreadElement' ? payloadObject(argument, creation) : undefined;
    const claims: string[] = [];
    if (payload) claimNames(payload, claims);
    const expiration = methods.get('setExpirationTime')?.arguments[0];
    if (expiration && expiration.type !== 'SpreadElement') {
      checkLifetime(lifetimeOf(expiration, undefined, 'jose'), current, 'access', claims);
      return;
    }
    if (!signMember || !payload || mayHaveExp(payload)) return;
    const max = maxLifetime(lifetimeKind(current, claims), limits);
    const data = { option: ' and no setExpirationTime()', max: formatDuration(max) };
    const object = signMember.object;
    report(creation.callee.range, 'missingExpiry', data, [
      { messageId: 'addExpiry', data, fix: (fixer) => fixer.insertTextAfter(object, `.setExpirationTime('${durationString(max)}')`) },
    ]);
  }

  function checkDecode(call: TSESTree.CallExpression, verify: string): void {
    if (!trustedUse(call) || verifiesNearby(call)) return;
    report(call.callee.range, 'unverifiedDecode', { call: sourceCode.getText(call.callee), verify });
  }

  /** `SignJWT` from jose: imported by name, through `import * as jose`, or undeclared (a snippet). */
  function isJoseClass(callee: Callee, name: string, methods = 0): boolean {
    const at = callee.path.length - 1 - methods;
    if (callee.path[at] !== name) return false;
    return callee.module === 'jose' ? at <= 1 : callee.undeclared && at === 0;
  }

  return {
    Program(program) {
      values.collectBindings(program);
    },
    CallExpression(node) {
      // Cheap name test first: resolving the callee walks scopes.
      const method = referenceName(node.callee);
      if (method === undefined || !CALL_NAMES.has(method)) return;
      const callee = values.calleeOf(node.callee);
      if (!callee) return;
      if (isSignCall(callee)) checkSign(node, callee);
      else if (isJsonwebtoken(callee, 'decode')) checkDecode(node, 'jwt.verify()');
      else if (callee.module === 'jose' && callee.path.length === 1 && callee.path[0] === 'decodeJwt') checkDecode(node, 'jwtVerify()');
      else if (callee.path.at(-1) === 'decode' && isJoseClass(callee, 'UnsecuredJWT', 1)) report(node.callee.range, 'noneAccepted');
    },
    NewExpression(node) {
      const name = referenceName(node.callee);
      if (name !== 'SignJWT' && name !== 'UnsecuredJWT') return;
      const callee = values.calleeOf(node.callee);
      if (!callee) return;
      if (isJoseClass(callee, 'SignJWT')) checkSignJwt(node);
      else if (isJoseClass(callee, 'UnsecuredJWT')) report(node.callee.range, 'noneAlgorithm');
    },
    Property(node) {
      if (node.parent.type !== 'ObjectExpression' || node.kind !== 'init') return;
      const name = staticPropertyName(node);
      if (name === undefined) return;
      if (name === 'algorithms') checkAlgorithms(node);
      else if (name === 'algorithm' || name === 'alg') checkAlgorithm(node);
      else if (name === 'exp') checkExpClaim(node);
      else if (isLifetimeName(name) && !isTokenResponseField(name) && !isSignOptions(node.parent)) {
        checkLifetime(lifetimeOf(node.value, lifetimeUnitOfName(name), 'ms'), node.value, undefined);
      }
    },
    VariableDeclarator(node) {
      if (node.id.type !== 'Identifier' || !node.init || !isLifetimeName(node.id.name)) return;
      checkLifetime(lifetimeOf(node.init, lifetimeUnitOfName(node.id.name), 'ms'), node.init, undefined);
    },
  };
}
