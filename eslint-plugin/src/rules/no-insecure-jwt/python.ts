import {
  formatDuration,
  isLifetimeName,
  isNoneAlgorithm,
  isTokenResponseField,
  lifetimeUnitOfName,
  maxLifetime,
  timedeltaArguments,
  type Limits,
} from '../../detectors/jwt.js';
import { callArguments, nodeText, stringValue, type CallArguments } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import { createReporter, elementRemovalRange, type Context, type Suggestion } from '../no-insecure-jwt.js';
import { JWT_OWNER, pyDecoding } from './python-decoding.js';
import { SITE_TIERS, pyLifetimes } from './python-lifetimes.js';
import { descendants } from '../../languages/python/python-scope.js';
import { pythonValues, unparenthesized } from '../../languages/python/python-values.js';

const PREFILTER = /jwt|jws|jose|token/i;
const JWT_CALLEE = /jwt|jws|jose|bearer|sign\w*$|verify\w*$/i;
const JWT_NAME = /jwt|jws|jose|token|header/i;
/** Flask-JWT-Extended's token factories, whose `expires_delta=False` means "never expires". */
const TOKEN_FACTORIES = new Set(['create_access_token', 'create_refresh_token']);

export function pythonVisitors(context: Context, limits: Limits): Record<string, (node: never) => void> {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  if (!PREFILTER.test(text)) return {};
  const textOf = (node: PythonNode | undefined): string => (node ? nodeText(node, text) : '');
  const values = pythonValues(sourceCode.ast, text);
  const report = createReporter(context);
  const { claimNames, targetName, tokenKind, lifetimeOf, checkLifetime, checkSetting, checkExpClaim } = pyLifetimes(values, text, limits, report);
  const { trustedUse, verifiesNearby, disabledVerification } = pyDecoding(values, sourceCode.ast, text);

  // ---- algorithms -----------------------------------------------------------------

  function isJwtContext(start: PythonNode): boolean {
    let depth = 0;
    for (let node = parent(start); node && depth < 10; node = parent(node), depth++) {
      if (node.type === 'call') {
        const qualified = values.qualify(field(node, 'function'));
        if (qualified && JWT_CALLEE.test(qualified)) return true;
      }
      const name =
        node.type === 'assignment' ? targetName(field(node, 'left'))
        : node.type === 'keyword_argument' ? textOf(field(node, 'name'))
        : node.type === 'pair' ? stringValue(field(node, 'key'), text)
        : undefined;
      if (name && JWT_NAME.test(name)) return true;
    }
    return false;
  }

  function checkAlgorithmList(node: PythonNode | undefined): void {
    const list = values.resolveList(node);
    if (!list) return;
    const elements = list.children;
    elements.forEach((element, index) => {
      if (!isNoneAlgorithm(values.stringOf(element)?.value ?? '')) return;
      const suggest: Suggestion[] =
        elements.length > 1 ? [{ messageId: 'removeNone', fix: (fixer) => fixer.removeRange(elementRemovalRange(elements, index)) }] : [];
      report(element.range, 'noneAccepted', {}, suggest);
    });
  }

  function checkAlgorithm(node: PythonNode | undefined): void {
    if (node && isNoneAlgorithm(values.stringOf(node)?.value ?? '')) report(node.range, 'noneAlgorithm');
  }

  // ---- encoding ---------------------------------------------------------------------

  /** The payload dict when the rule can see all of it: a literal, or a variable set once and used only here. */
  function payloadDict(argument: PythonNode | undefined, call: PythonNode): PythonNode | undefined {
    const current = unparenthesized(argument);
    if (current?.type === 'dictionary') return current;
    if (current?.type !== 'identifier') return undefined;
    const value = unparenthesized(values.constantValue(current));
    if (value?.type !== 'dictionary') return undefined;
    const name = nodeText(current, text);
    let uses = 0;
    descendants(values.scopeOf(current), (node) => {
      if (node.type === 'identifier' && nodeText(node, text) === name) uses++;
    }, true);
    // The assignment's target and this argument: nothing else may add an `exp`.
    return uses === 2 && parent(current) === field(call, 'arguments') ? value : undefined;
  }

  /** `datetime.now(timezone.utc) + timedelta(minutes=30)` in the names this file imports; undefined if it lacks them. */
  function expiryExpression(seconds: number): string | undefined {
    const { imports } = values;
    const delta = timedeltaArguments(seconds);
    if (imports.get('datetime') === 'datetime') {
      return `datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(${delta})`;
    }
    if (imports.get('datetime') === 'datetime.datetime' && imports.get('timedelta') === 'datetime.timedelta' && imports.get('timezone') === 'datetime.timezone') {
      return `datetime.now(timezone.utc) + timedelta(${delta})`;
    }
    return undefined;
  }

  function checkEncode(call: PythonNode, qualified: string, args: CallArguments): void {
    const authlib = qualified.startsWith('authlib.');
    const payloadArgument = authlib ? args.positional[1] : (args.positional[0] ?? args.keywords.get('payload') ?? args.keywords.get('claims'));
    if (!authlib) checkAlgorithm(args.keywords.get('algorithm') ?? args.positional[2]);
    const payload = payloadDict(payloadArgument, call);
    if (!payload || values.dictEntry(payload, 'exp') !== undefined) return;
    const claims: string[] = [];
    claimNames(payload, claims);
    const kind = tokenKind(call, SITE_TIERS, claims) === 'refresh' ? 'refresh' : 'access';
    const max = maxLifetime(kind, limits);
    const data = { option: '', max: formatDuration(max) };
    const expiry = expiryExpression(max);
    const suggest: Suggestion[] = [];
    if (expiry) {
      const pairs = payload.children.filter((child) => child.type === 'pair');
      const quote = pairs.map((pair) => textOf(field(pair, 'key'))[0]).find((q) => q === '"' || q === "'") ?? '"';
      const entry = `${quote}exp${quote}: ${expiry}`;
      const last = payload.children.at(-1);
      suggest.push({
        messageId: 'addExpiry',
        data,
        fix: (fixer) => (last ? fixer.insertTextAfterRange(last.range, `, ${entry}`) : fixer.replaceTextRange(payload.range, `{${entry}}`)),
      });
    }
    report((field(call, 'function') ?? call).range, 'missingExpiry', data, suggest);
  }

  function checkDecode(call: PythonNode, args: CallArguments): void {
    checkAlgorithmList(args.keywords.get('algorithms'));
    const disabled = disabledVerification(args);
    if (!disabled || verifiesNearby(call)) return;
    report(disabled.node.range, 'signatureNotVerified', { option: disabled.option }, [
      { messageId: 'verifySignature', fix: (fixer) => fixer.replaceTextRange(disabled.value.range, 'True') },
    ]);
  }

  function checkUnverifiedClaims(call: PythonNode): void {
    if (!trustedUse(call) || verifiesNearby(call)) return;
    const fn = field(call, 'function') ?? call;
    report(fn.range, 'unverifiedDecode', { call: nodeText(fn, text), verify: 'jwt.decode() with the key and algorithms=' });
  }

  // ---- visitors -----------------------------------------------------------------------

  function checkNamedValue(name: string, value: PythonNode, at: PythonNode, isSubscript: boolean): void {
    if (name === 'exp' && isSubscript) checkExpClaim(value, at);
    else if (isLifetimeName(name) && !isTokenResponseField(name)) checkSetting(name, value, at);
  }

  return {
    module() {
      values.collectImports();
    },
    call(call: PythonNode) {
      const fn = field(call, 'function');
      const qualified = values.qualify(fn);
      if (!qualified) return;
      const path = qualified.split('.');
      const last = path.pop()!;
      const isJwt = path.length > 0 && JWT_OWNER.test(path.join('.'));
      const args = callArguments(call, text);
      if (isJwt && last === 'encode') checkEncode(call, qualified, args);
      else if (isJwt && last === 'decode') checkDecode(call, args);
      else if (isJwt && last === 'get_unverified_claims') checkUnverifiedClaims(call);
      else if ((last === 'JsonWebToken' || last === 'JsonWebSignature') && (path.length === 0 || path[0] === 'authlib')) {
        checkAlgorithmList(args.positional[0] ?? args.keywords.get('algorithms'));
      }
      for (const [name, value] of args.keywords) {
        const keyword = parent(value)!;
        if (name === 'exp') checkExpClaim(value, keyword);
        else if (value.type === 'false' && TOKEN_FACTORIES.has(last) && name === 'expires_delta') {
          const kind = last === 'create_refresh_token' ? 'refresh' : 'access';
          report(keyword.range, 'expiryDisabled', { setting: name, max: formatDuration(maxLifetime(kind, limits)) });
        } else if (isLifetimeName(name)) checkSetting(name, value, keyword);
      }
    },
    assignment(node: PythonNode) {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const name = targetName(left);
      if (name !== undefined && right) checkNamedValue(name, right, node, left?.type === 'subscript');
    },
    pair(node: PythonNode) {
      const key = stringValue(field(node, 'key'), text);
      const value = field(node, 'value');
      if (key === undefined || !value) return;
      if (key === 'exp') checkExpClaim(value, node);
      else if ((key === 'alg' || key === 'algorithm') && isJwtContext(node)) checkAlgorithm(value);
      else if (key === 'algorithms' && isJwtContext(node)) checkAlgorithmList(value);
      else if (isLifetimeName(key) && !isTokenResponseField(key)) checkSetting(key, value, node);
    },
    'default_parameter, typed_default_parameter'(node: PythonNode) {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (name && value && isLifetimeName(nodeText(name, text))) {
        checkLifetime(lifetimeOf(value, lifetimeUnitOfName(nodeText(name, text))), value, ['holders', 'functions']);
      }
    },
  };
}
