import type { TSESLint } from '@typescript-eslint/utils';
import {
  ARGON2_DEFAULT_MEMORY_KIB,
  GENERIC_PROPERTIES,
  PASS_THROUGH_METHODS,
  PYTHON_PBKDF2_DEFAULT_ITERATIONS,
  algorithmStrength,
  argon2Findings,
  digestFinding,
  displayAlgorithm,
  namesForVariable,
  isPasslibBcryptScheme,
  isPasslibPbkdf2Scheme,
  weakPasslibScheme,
  type ParameterValue,
} from '../../detectors/password-hashing.js';
import { callArguments, dottedName, nodeText, stringValue, type CallArguments } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { descendants, enclosing, importedName, importedNames, parameterNames } from '../../languages/python/python-scope.js';
import { pythonValues } from '../../languages/python/python-values.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, MessageIds, Minimums } from '../no-weak-hashing.js';

type Fixer = TSESLint.RuleFixer;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** A value the rule could compute, and the expression to rewrite to change it. */
interface Known<T> {
  value: T;
  node: PythonNode;
}

/** A hashing parameter: its value, and the argument that gave it (if any). */
interface Parameter {
  value: ParameterValue;
  argument?: PythonNode;
  known?: Known<number>;
}

const CHAIN_METHODS = new Set(['hexdigest', 'digest', 'hex', 'upper', 'lower', 'decode']);
const CONVERTING_FUNCTIONS = new Set(['str', 'bytes', 'bytearray', 'repr']);
const PASSLIB_ROUNDS_SETTING = /^(\w+?)__(rounds|default_rounds|memory_cost|time_cost)$/;

export function pythonVisitors(context: Context, minimums: Minimums): Record<string, (node: never) => void> {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  const imports = importedNames(sourceCode.ast, text);
  const reported = new Set<string>();

  function report(node: PythonNode, messageId: MessageIds, data: Record<string, string>, extra: {
    fix?: (fixer: Fixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
    suggest?: Suggestion[];
  } = {}): void {
    const key = `${messageId}@${node.range.join(':')}`;
    if (reported.has(key)) return;
    reported.add(key);
    context.report({ loc: node.loc, messageId, data, ...extra });
  }

  // ---- names ----------------------------------------------------------------

  /** `md5` → `hashlib.md5` after `from hashlib import md5`; names not imported stay as written. */
  function qualify(node: PythonNode | undefined): string | undefined {
    return importedName(node, text, imports) ?? dottedName(node, text);
  }

  // ---- values ---------------------------------------------------------------

  const { constantValue, numberOf, stringOf } = pythonValues(sourceCode.ast, text);

  /** A list or tuple of strings (also through a constant), or undefined when any element is computed. */
  function stringList(node: PythonNode | undefined, depth = 0): { list: PythonNode; items: Known<string>[] } | undefined {
    if (!node || depth > 8) return undefined;
    if (node.type === 'identifier') return stringList(constantValue(node), depth + 1);
    if (node.type === 'parenthesized_expression' && node.children.length === 1) return stringList(node.children[0], depth + 1);
    if (node.type !== 'list' && node.type !== 'tuple') return undefined;
    const items: Known<string>[] = [];
    for (const element of node.children) {
      const value = stringValue(element, text);
      if (value === undefined) return undefined;
      items.push({ value, node: element });
    }
    return { list: node, items };
  }

  function parameter(args: CallArguments, keyword: string, position?: number): Parameter {
    const argument = args.keywords.get(keyword) ?? (position === undefined ? undefined : args.positional[position]);
    if (!argument) return { value: 'default' };
    const known = numberOf(argument);
    return known ? { value: known.value, argument, known } : { value: 'unknown', argument };
  }

  // ---- digests --------------------------------------------------------------

  /**
   * The names in hashed data (`salt + request.form["password"]` → `salt`, `password`);
   * `roots` collects the variables the data comes from.
   */
  function dataNames(node: PythonNode | undefined, out: string[], roots: PythonNode[], depth = 0): void {
    if (!node || depth > 12) return;
    switch (node.type) {
      case 'identifier': {
        roots.push(node);
        const value = constantValue(node);
        const valueNames: string[] = [];
        if (value) dataNames(value, valueNames, [], depth + 1);
        out.push(...namesForVariable(nodeText(node, text), valueNames));
        return;
      }
      case 'attribute': {
        const attribute = field(node, 'attribute');
        const name = attribute ? nodeText(attribute, text) : '';
        if (GENERIC_PROPERTIES.has(name)) dataNames(field(node, 'object'), out, roots, depth + 1);
        else out.push(name);
        return;
      }
      case 'subscript': {
        const key = stringValue(field(node, 'subscript'), text);
        if (key !== undefined) out.push(key);
        else dataNames(field(node, 'value'), out, roots, depth + 1);
        return;
      }
      case 'call': {
        const fn = field(node, 'function');
        const args = callArguments(node, text);
        if (fn?.type === 'attribute') {
          const method = nodeText(field(fn, 'attribute')!, text);
          const key = method === 'get' ? stringValue(args.positional[0], text) : undefined;
          if (key !== undefined) out.push(key);
          else if (PASS_THROUGH_METHODS.has(method)) {
            dataNames(field(fn, 'object'), out, roots, depth + 1);
            for (const argument of args.positional) dataNames(argument, out, roots, depth + 1);
          } else out.push(method);
        } else if (fn?.type === 'identifier') {
          const name = nodeText(fn, text);
          if (CONVERTING_FUNCTIONS.has(name)) dataNames(args.positional[0], out, roots, depth + 1);
          else out.push(name);
        }
        return;
      }
      case 'string':
        for (const child of node.children) if (child.type === 'interpolation') dataNames(field(child, 'expression'), out, roots, depth + 1);
        return;
      case 'binary_operator':
      case 'parenthesized_expression':
      case 'concatenated_string':
      case 'tuple':
      case 'list':
      case 'conditional_expression':
      case 'boolean_operator':
        for (const child of node.children) if (child.field !== 'operator') dataNames(child, out, roots, depth + 1);
        return;
      default:
        return;
    }
  }

  /** `h = hashlib.md5()` … `h.update(password.encode())`: the data given to `h` in the same scope. */
  function variableUpdates(constructor: PythonNode, out: PythonNode[]): void {
    const assignment = parent(constructor);
    const left = assignment?.type === 'assignment' && field(assignment, 'right') === constructor ? field(assignment, 'left') : undefined;
    if (left?.type !== 'identifier') return;
    const name = nodeText(left, text);
    const scope = enclosing(constructor, 'function_definition') ?? sourceCode.ast;
    descendants(scope, (node) => {
      if (node.type !== 'call') return;
      const fn = field(node, 'function');
      if (fn?.type !== 'attribute' || nodeText(field(fn, 'attribute')!, text) !== 'update') return;
      const object = field(fn, 'object');
      if (object?.type !== 'identifier' || nodeText(object, text) !== name) return;
      const argument = callArguments(node, text).positional[0];
      if (argument) out.push(argument);
    });
  }

  function targetName(call: PythonNode): string | undefined {
    let node = call;
    for (;;) {
      const up = parent(node);
      if (!up) return undefined;
      if (up.type === 'attribute' && field(up, 'object') === node && CHAIN_METHODS.has(nodeText(field(up, 'attribute')!, text))) {
        const outer = parent(up);
        if (outer?.type !== 'call' || field(outer, 'function') !== up) return undefined;
        node = outer;
      } else if (up.type === 'subscript' && field(up, 'value') === node) {
        node = up;
      } else if (up.type === 'assignment') {
        if (field(up, 'right') !== node) return undefined;
        const left = field(up, 'left');
        if (left?.type === 'identifier') return nodeText(left, text);
        if (left?.type === 'attribute') return nodeText(field(left, 'attribute')!, text);
        return left?.type === 'subscript' ? stringValue(field(left, 'subscript'), text) : undefined;
      } else if (up.type === 'keyword_argument') {
        return field(up, 'value') === node ? nodeText(field(up, 'name')!, text) : undefined;
      } else if (up.type === 'pair') {
        return field(up, 'value') === node ? stringValue(field(up, 'key'), text) : undefined;
      } else {
        return undefined;
      }
    }
  }

  /** `def hash_password(raw)` names what it hashes only when the data is its own parameter. */
  function functionNameFor(node: PythonNode, roots: PythonNode[]): string | undefined {
    const fn = enclosing(node, 'function_definition');
    const name = fn ? field(fn, 'name') : undefined;
    if (!fn || !name) return undefined;
    const isOwnParameter = roots.some((root) => enclosing(root, 'function_definition') === fn && parameterNames(fn, text).includes(nodeText(root, text)));
    return isOwnParameter ? nodeText(name, text) : undefined;
  }

  function checkDigest(algorithm: string, reportNode: PythonNode, data: PythonNode[], call: PythonNode): void {
    const strength = algorithmStrength(algorithm);
    if (!strength) return;
    const names: string[] = [];
    const roots: PythonNode[] = [];
    for (const node of data) dataNames(node, names, roots);
    const finding = digestFinding(strength, names, () => ({ target: targetName(call), functionName: functionNameFor(call, roots) }));
    if (finding) report(reportNode, finding.messageId, { algorithm: displayAlgorithm(algorithm), name: finding.name });
  }

  /** hashlib.md5(data), hashlib.new('md5', data), Crypto.Hash.MD5.new(data). */
  function checkDigestCall(call: PythonNode, qualified: string, args: CallArguments): boolean {
    const path = qualified.split('.');
    const last = path[path.length - 1]!;
    const previous = path[path.length - 2] ?? '';
    let algorithm: Known<string> | undefined;
    let data: PythonNode | undefined;
    if (path.length === 2 && previous === 'hashlib' && algorithmStrength(last)) {
      algorithm = { value: last, node: field(call, 'function')! };
      data = args.positional[0] ?? args.keywords.get('string') ?? args.keywords.get('data');
    } else if (qualified === 'hashlib.new') {
      algorithm = stringOf(args.positional[0] ?? args.keywords.get('name'));
      data = args.positional[1] ?? args.keywords.get('data') ?? args.keywords.get('string');
    } else if (last === 'new' && algorithmStrength(previous) && (/^Crypto(?:dome)?\./.test(qualified) || /^[A-Z0-9_]+$/.test(previous))) {
      algorithm = { value: previous, node: field(call, 'function')! };
      data = args.positional[0] ?? args.keywords.get('data');
    } else {
      return false;
    }
    if (!algorithm) return true;
    const usedForSecurity = args.keywords.get('usedforsecurity');
    if (usedForSecurity && usedForSecurity.type !== 'true') return true;
    const updates: PythonNode[] = data ? [data] : [];
    variableUpdates(call, updates);
    checkDigest(algorithm.value, algorithm.node, updates, call);
    return true;
  }

  // ---- bcrypt -----------------------------------------------------------------

  function checkBcryptCost(argument: PythonNode | undefined): void {
    if (!argument) return;
    const known = numberOf(argument);
    if (!known || known.value >= minimums.minBcryptCost) return;
    const data = { cost: String(known.value), min: String(minimums.minBcryptCost) };
    const fix = (fixer: Fixer) => fixer.replaceTextRange(known.node.range, data.min);
    if (known.node === argument && argument.type === 'integer') report(argument, 'bcryptCost', data, { fix });
    else report(argument, 'bcryptCost', data, { suggest: [{ messageId: 'raiseBcryptCost', data, fix }] });
  }

  function checkBcryptCall(qualified: string, args: CallArguments): boolean {
    const path = qualified.split('.');
    const last = path[path.length - 1]!;
    const previous = path[path.length - 2] ?? '';
    // bcrypt.gensalt(10), gensalt(rounds=10)
    if (last === 'gensalt' && (qualified === 'gensalt' || /bcrypt/i.test(previous))) {
      checkBcryptCost(args.keywords.get('rounds') ?? args.positional[0]);
      return true;
    }
    // Flask-Bcrypt: bcrypt.generate_password_hash(password, 10)
    if (last === 'generate_password_hash' && (/bcrypt/i.test(previous) || qualified.startsWith('flask_bcrypt.'))) {
      checkBcryptCost(args.keywords.get('rounds') ?? args.positional[1]);
      return true;
    }
    return false;
  }

  // ---- argon2 ---------------------------------------------------------------

  function checkArgon2(memory: Parameter, iterations: Parameter, suggest: boolean): void {
    const findings = argon2Findings(
      { memoryKiB: memory.value, iterations: iterations.value },
      { memoryKiB: minimums.minArgon2MemoryKiB, iterations: minimums.minArgon2Iterations },
      ARGON2_DEFAULT_MEMORY_KIB,
    );
    const parameters = { memory, iterations };
    for (const { parameter: which, messageId, suggestionId, data } of findings) {
      const { known, argument } = parameters[which];
      if (!known || !argument) continue;
      const fix = (fixer: Fixer) => fixer.replaceTextRange(known.node.range, data.min);
      report(argument, messageId, data, { suggest: suggest ? [{ messageId: suggestionId, data, fix }] : [] });
    }
  }

  function checkArgon2Call(qualified: string, args: CallArguments): boolean {
    const path = qualified.split('.');
    const last = path[path.length - 1]!;
    // argon2-cffi: PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4, ...)
    if (last === 'PasswordHasher' && (path.length === 1 || path[0] === 'argon2')) {
      checkArgon2(parameter(args, 'memory_cost', 1), parameter(args, 'time_cost', 0), true);
      return true;
    }
    // argon2-cffi low level: hash_secret(secret, salt, time_cost, memory_cost, parallelism, hash_len, type)
    if ((last === 'hash_secret' || last === 'hash_secret_raw') && path.includes('low_level')) {
      checkArgon2(parameter(args, 'memory_cost', 3), parameter(args, 'time_cost', 2), false);
      return true;
    }
    // cryptography: Argon2id(salt=..., length=..., iterations=..., lanes=..., memory_cost=...)
    if (last === 'Argon2id' && (path.length === 1 || path[0] === 'cryptography')) {
      checkArgon2(parameter(args, 'memory_cost'), parameter(args, 'iterations'), false);
      return true;
    }
    return false;
  }

  // ---- PBKDF2 ---------------------------------------------------------------

  function checkIterations(argument: PythonNode | undefined): void {
    const known = numberOf(argument);
    if (!argument || !known || known.value >= minimums.minPbkdf2Iterations) return;
    report(argument, 'pbkdf2Iterations', { value: String(known.value), min: String(minimums.minPbkdf2Iterations) });
  }

  function checkPbkdf2Call(call: PythonNode, qualified: string, args: CallArguments): boolean {
    const path = qualified.split('.');
    const last = path[path.length - 1]!;
    // hashlib.pbkdf2_hmac('sha256', password, salt, iterations)
    if (qualified === 'hashlib.pbkdf2_hmac') {
      checkIterations(args.keywords.get('iterations') ?? args.positional[3]);
      return true;
    }
    // cryptography: PBKDF2HMAC(algorithm, length, salt, iterations)
    if (last === 'PBKDF2HMAC') {
      checkIterations(args.keywords.get('iterations') ?? args.positional[3]);
      return true;
    }
    // pycryptodome: PBKDF2(password, salt, dkLen=16, count=1000, ...)
    if (last === 'PBKDF2' && /^Crypto(?:dome)?\./.test(qualified)) {
      const count = args.keywords.get('count') ?? args.positional[3];
      if (count) checkIterations(count);
      else if (PYTHON_PBKDF2_DEFAULT_ITERATIONS < minimums.minPbkdf2Iterations) {
        report(call, 'pbkdf2DefaultIterations', {
          call: 'PBKDF2()',
          value: String(PYTHON_PBKDF2_DEFAULT_ITERATIONS),
          min: String(minimums.minPbkdf2Iterations),
        });
      }
      return true;
    }
    // Werkzeug: generate_password_hash(password, method="pbkdf2:sha256:1000")
    if (last === 'generate_password_hash') {
      const method = stringOf(args.keywords.get('method') ?? args.positional[1]);
      const iterations = method ? /^pbkdf2:[\w-]+:(\d+)$/.exec(method.value) : null;
      if (method && iterations && Number(iterations[1]) < minimums.minPbkdf2Iterations) {
        report(method.node, 'pbkdf2Iterations', { value: iterations[1]!, min: String(minimums.minPbkdf2Iterations) });
      }
      return true;
    }
    return false;
  }

  // ---- passlib --------------------------------------------------------------

  /** `argon2.using(rounds=4)`, `passlib.hash.md5_crypt.hash(pw)`, `md5_crypt.using(...).hash(pw)`: handler and method. */
  function passlibHandler(call: PythonNode): { scheme: string; method: string; qualified: string } | undefined {
    const fn = field(call, 'function');
    if (fn?.type !== 'attribute') return undefined;
    const method = nodeText(field(fn, 'attribute')!, text);
    let object = field(fn, 'object');
    if (object?.type === 'call') {
      const inner = field(object, 'function');
      if (inner?.type !== 'attribute' || nodeText(field(inner, 'attribute')!, text) !== 'using') return undefined;
      object = field(inner, 'object');
    }
    const qualified = qualify(object);
    if (!qualified) return undefined;
    const scheme = qualified.split('.').pop()!;
    const isPasslib = qualified.startsWith('passlib.');
    // Without an import, only names that can only be passlib's (`md5_crypt`, `argon2.using`).
    if (!isPasslib && qualified.includes('.')) return undefined;
    if (!isPasslib && imports.has(scheme)) return undefined;
    return { scheme, method, qualified };
  }

  function checkPasslibHandlerCall(call: PythonNode, args: CallArguments): boolean {
    const handler = passlibHandler(call);
    if (!handler) return false;
    const { scheme, method } = handler;
    const reason = weakPasslibScheme(scheme);
    if (reason && (method === 'hash' || method === 'encrypt' || method === 'genhash')) {
      if (scheme === 'plaintext' && !handler.qualified.startsWith('passlib.')) return false;
      report(field(field(call, 'function')!, 'object')!, 'weakHandler', { scheme, reason });
      return true;
    }
    if (method !== 'using' && method !== 'hash' && method !== 'encrypt') return false;
    if (isPasslibBcryptScheme(scheme)) {
      checkBcryptCost(args.keywords.get('rounds'));
      return true;
    }
    if (scheme === 'argon2') {
      const iterations = args.keywords.has('time_cost') ? parameter(args, 'time_cost') : parameter(args, 'rounds');
      checkArgon2(parameter(args, 'memory_cost'), iterations, true);
      return true;
    }
    if (isPasslibPbkdf2Scheme(scheme)) {
      checkIterations(args.keywords.get('rounds'));
      return true;
    }
    return false;
  }

  function quoteOf(node: PythonNode): string {
    const start = node.children.find((child) => child.type === 'string_start');
    return start ? nodeText(start, text).replace(/^[a-zA-Z]+/, '') : '"';
  }

  function checkCryptContext(args: CallArguments): void {
    const schemesArgument = args.keywords.get('schemes') ?? args.positional[0];
    const schemes = stringList(schemesArgument);
    const defaultArgument = args.keywords.get('default');
    const deprecatedArgument = args.keywords.get('deprecated');
    const deprecatedList = stringList(deprecatedArgument);
    const deprecated: 'auto' | string[] | 'unknown' | undefined = !deprecatedArgument
      ? undefined
      : stringOf(deprecatedArgument)?.value === 'auto'
        ? 'auto'
        : deprecatedList
          ? deprecatedList.items.map((item) => item.value)
          : 'unknown';
    const defaultScheme = defaultArgument ? stringOf(defaultArgument)?.value : schemes?.items[0]?.value;
    // The argument node holding the schemes, to insert `deprecated="auto"` after it.
    const schemesHolder = schemesArgument ? (parent(schemesArgument)?.type === 'keyword_argument' ? parent(schemesArgument)! : schemesArgument) : undefined;

    if (schemes && defaultScheme !== undefined) {
      const hasArgon2 = schemes.items.some((item) => item.value === 'argon2');
      schemes.items.forEach((item) => {
        const reason = weakPasslibScheme(item.value);
        if (!reason) return;
        const data = { scheme: item.value, reason };
        const quote = quoteOf(item.node);
        if (item.value === defaultScheme) {
          const suggest: Suggestion[] = [];
          if (!hasArgon2 && !defaultArgument && item === schemes.items[0] && (deprecated === undefined || deprecated === 'auto')) {
            suggest.push({
              messageId: 'preferArgon2',
              data,
              fix: (fixer) => {
                const fixes = [fixer.insertTextBeforeRange(item.node.range, `${quote}argon2${quote}, `)];
                if (deprecated === undefined && schemesHolder) fixes.push(fixer.insertTextAfterRange(schemesHolder.range, ', deprecated="auto"'));
                return fixes;
              },
            });
          }
          if (!hasArgon2 && !defaultArgument) {
            suggest.push({
              messageId: 'replaceWithArgon2',
              data,
              fix: (fixer) => fixer.replaceTextRange(item.node.range, `${quote}argon2${quote}`),
            });
          }
          report(item.node, 'weakScheme', data, { suggest });
          return;
        }
        const isDeprecated = deprecated === 'auto' || deprecated === 'unknown' || (Array.isArray(deprecated) && deprecated.includes(item.value));
        if (isDeprecated) return;
        report(item.node, 'weakSchemeNotDeprecated', data, {
          suggest:
            deprecated === undefined && schemesHolder
              ? [{ messageId: 'deprecateOldSchemes', data, fix: (fixer) => fixer.insertTextAfterRange(schemesHolder.range, ', deprecated="auto"') }]
              : [],
        });
      });
    }

    // Per-scheme settings: bcrypt__rounds=10, argon2__memory_cost=..., pbkdf2_sha256__default_rounds=...
    const argon2: { memory: Parameter; iterations: Parameter } = { memory: { value: 'default' }, iterations: { value: 'default' } };
    for (const [keyword, argument] of args.keywords) {
      const match = PASSLIB_ROUNDS_SETTING.exec(keyword);
      if (!match) continue;
      const [, scheme, setting] = match as unknown as [string, string, string];
      const isRounds = setting === 'rounds' || setting === 'default_rounds';
      if (isPasslibBcryptScheme(scheme) && isRounds) checkBcryptCost(argument);
      else if (isPasslibPbkdf2Scheme(scheme) && isRounds) checkIterations(argument);
      else if (scheme === 'argon2') {
        const known = numberOf(argument);
        const value: Parameter = known ? { value: known.value, argument, known } : { value: 'unknown', argument };
        if (setting === 'memory_cost') argon2.memory = value;
        else if (setting === 'time_cost' || argon2.iterations.value === 'default') argon2.iterations = value;
      }
    }
    checkArgon2(argon2.memory, argon2.iterations, true);
  }

  return {
    call(call: PythonNode) {
      const qualified = qualify(field(call, 'function'));
      const args = callArguments(call, text);
      if (qualified) {
        const last = qualified.split('.').pop()!;
        if (last === 'CryptContext' || last === 'LazyCryptContext') return checkCryptContext(args);
        if (checkDigestCall(call, qualified, args)) return;
        if (checkBcryptCall(qualified, args)) return;
        if (checkArgon2Call(qualified, args)) return;
        if (checkPbkdf2Call(call, qualified, args)) return;
      }
      checkPasslibHandlerCall(call, args);
    },
  };
}
