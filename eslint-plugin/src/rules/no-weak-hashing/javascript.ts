import { ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  ARGON2_DEFAULT_MEMORY_KIB,
  BCRYPT_JS_DEFAULT_COST,
  GENERIC_PROPERTIES,
  PASS_THROUGH_METHODS,
  algorithmStrength,
  argon2Findings,
  bcryptCostFromSalt,
  digestFinding,
  displayAlgorithm,
  namesForVariable,
  numericOperation,
  type ParameterValue,
} from '../../detectors/password-hashing.js';
import {
  constantInitializer,
  moduleBindings,
  requiredModule,
  staticPropertyName,
  type ModuleBinding,
} from '../../util/js-static-values.js';
import type { Context, MessageIds, Minimums } from '../no-weak-hashing.js';

type Node = TSESTree.Node;

/** A value the rule could compute, and the expression to rewrite to change it. */
interface Known<T> {
  value: T;
  node: Node;
}

/** A callee as a dotted path, with the module its first part was imported from. */
interface Callee {
  module: string | undefined;
  path: string[];
}

const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);
const BCRYPT_MODULES = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs/bcrypt']);
/** Modules whose `genSalt()` defaults to cost 10 (@node-rs/bcrypt defaults to 12). */
const BCRYPT_DEFAULT_10_MODULES = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs']);
const ARGON2_DEFAULT_MEMORY: Record<string, number> = { argon2: ARGON2_DEFAULT_MEMORY_KIB, '@node-rs/argon2': 19456 };
const CHAIN_METHODS = new Set(['digest', 'toString', 'update', 'hex', 'toUpperCase', 'toLowerCase', 'slice', 'substring', 'substr']);
const CONVERTING_FUNCTIONS = new Set(['String', 'encodeURIComponent', 'unescape', 'escape', 'btoa']);
const JS_DIGEST_OUTPUTS = new Set(['hex', 'base64', 'array', 'arrayBuffer', 'digest', 'buffer']);

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ChainExpression'
  ) {
    current = current.expression;
  }
  return current;
}

function isFunction(node: Node): node is TSESTree.FunctionLike {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}

export function javascriptVisitors(context: Context, minimums: Minimums): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  let bindings: ReadonlyMap<string, ModuleBinding> = new Map();
  const reported = new Set<string>();

  function report(descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: Node }): void {
    const key = `${descriptor.messageId}@${descriptor.node.range.join(':')}`;
    if (reported.has(key)) return;
    reported.add(key);
    context.report(descriptor);
  }

  // ---- module bindings ------------------------------------------------------

  function calleeOf(node: Node): Callee | undefined {
    const path: string[] = [];
    let current = unwrap(node);
    while (current.type === 'MemberExpression') {
      const name = staticPropertyName(current);
      if (name === undefined) return undefined;
      path.unshift(name);
      current = unwrap(current.object);
    }
    if (current.type === 'Identifier') {
      const binding = bindings.get(current.name);
      const variable = binding ? ASTUtils.findVariable(sourceCode.getScope(current), current) : null;
      if (binding && variable?.identifiers.includes(binding.identifier)) {
        path.unshift(binding.imported === '*' ? current.name : binding.imported);
        return { module: binding.module, path };
      }
      return { module: undefined, path: [current.name, ...path] };
    }
    if (current.type === 'ThisExpression') return { module: undefined, path: ['this', ...path] };
    const module = requiredModule(current);
    return module ? { module, path } : undefined;
  }

  // ---- values ---------------------------------------------------------------

  function resolveObject(node: Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined {
    if (!node || depth > 8) return undefined;
    const current = unwrap(node);
    if (current.type === 'ObjectExpression') return current;
    if (current.type === 'Identifier') return resolveObject(constantInitializer(sourceCode, current), depth + 1);
    if (current.type === 'MemberExpression') {
      const name = staticPropertyName(current);
      const object = resolveObject(current.object, depth + 1);
      const value = object && name !== undefined ? property(object, name) : undefined;
      return value && value !== 'unknown' ? resolveObject(value, depth + 1) : undefined;
    }
    return undefined;
  }

  /** A property's value; `unknown` when a spread may set it. */
  function property(object: TSESTree.ObjectExpression, name: string): Node | 'unknown' | undefined {
    let found: Node | 'unknown' | undefined;
    for (const member of object.properties) {
      if (member.type === 'SpreadElement') found = 'unknown';
      else if (staticPropertyName(member) === name && member.kind === 'init') found = member.value;
      else if (member.computed) found = 'unknown';
    }
    return found;
  }

  function evaluate(node: Node | undefined, depth = 0): Known<number | string> | undefined {
    if (!node || depth > 8) return undefined;
    const current = unwrap(node);
    switch (current.type) {
      case 'Literal':
        return typeof current.value === 'number' || typeof current.value === 'string' ? { value: current.value, node: current } : undefined;
      case 'TemplateLiteral':
        return current.expressions.length === 0 ? { value: current.quasis[0]!.value.cooked ?? '', node: current } : undefined;
      case 'UnaryExpression': {
        const operand = evaluate(current.argument, depth + 1);
        if (typeof operand?.value !== 'number') return undefined;
        if (current.operator === '-') return { value: -operand.value, node: current };
        return current.operator === '+' ? { value: operand.value, node: current } : undefined;
      }
      case 'BinaryExpression': {
        if (current.left.type === 'PrivateIdentifier') return undefined;
        const left = evaluate(current.left, depth + 1);
        const right = evaluate(current.right, depth + 1);
        if (!left || !right) return undefined;
        const value = arithmetic(current.operator, left.value, right.value);
        return value === undefined ? undefined : { value, node: current };
      }
      case 'Identifier':
        return evaluate(constantInitializer(sourceCode, current), depth + 1);
      case 'MemberExpression': {
        const name = staticPropertyName(current);
        const object = resolveObject(current.object, depth + 1);
        const value = object && name !== undefined ? property(object, name) : undefined;
        return value && value !== 'unknown' ? evaluate(value, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  function arithmetic(operator: string, left: number | string, right: number | string): number | string | undefined {
    if (typeof left === 'number' && typeof right === 'number') return numericOperation(operator, left, right);
    return operator === '+' && typeof left === 'string' && typeof right === 'string' ? left + right : undefined;
  }

  function numberArgument(node: Node | undefined): Known<number> | undefined {
    const known = evaluate(node);
    return known && typeof known.value === 'number' ? { value: known.value, node: known.node } : undefined;
  }

  function isPlainLiteral(argument: Node, known: Known<unknown>): boolean {
    return known.node === argument && argument.type === 'Literal';
  }

  // ---- digests --------------------------------------------------------------

  /**
   * The names in hashed data (`salt + req.body.password` → `salt`, `password`);
   * `roots` collects the variables the data comes from.
   */
  function dataNames(node: Node | undefined, out: string[], roots: TSESTree.Identifier[], depth = 0): void {
    if (!node || depth > 12) return;
    const current = unwrap(node);
    switch (current.type) {
      case 'Identifier': {
        roots.push(current);
        const value = constantInitializer(sourceCode, current);
        const valueNames: string[] = [];
        if (value) dataNames(value, valueNames, [], depth + 1);
        out.push(...namesForVariable(current.name, valueNames));
        return;
      }
      case 'MemberExpression': {
        const name = staticPropertyName(current);
        if (name === undefined || GENERIC_PROPERTIES.has(name)) dataNames(current.object, out, roots, depth + 1);
        else out.push(name);
        return;
      }
      case 'CallExpression': {
        const callee = unwrap(current.callee);
        if (callee.type === 'MemberExpression') {
          const method = staticPropertyName(callee);
          if (method === 'get' && current.arguments[0]?.type === 'Literal' && typeof current.arguments[0].value === 'string') {
            out.push(current.arguments[0].value);
            return;
          }
          if (method !== undefined && PASS_THROUGH_METHODS.has(method)) {
            dataNames(callee.object, out, roots, depth + 1);
            for (const argument of current.arguments) dataNames(argument, out, roots, depth + 1);
            return;
          }
          if (method !== undefined) out.push(method);
          return;
        }
        if (callee.type === 'Identifier') {
          if (CONVERTING_FUNCTIONS.has(callee.name)) for (const argument of current.arguments) dataNames(argument, out, roots, depth + 1);
          else out.push(callee.name);
        }
        return;
      }
      case 'BinaryExpression':
      case 'LogicalExpression':
        dataNames(current.left, out, roots, depth + 1);
        dataNames(current.right, out, roots, depth + 1);
        return;
      case 'ConditionalExpression':
        dataNames(current.consequent, out, roots, depth + 1);
        dataNames(current.alternate, out, roots, depth + 1);
        return;
      case 'TemplateLiteral':
        for (const expression of current.expressions) dataNames(expression, out, roots, depth + 1);
        return;
      case 'ArrayExpression':
        for (const element of current.elements) if (element) dataNames(element, out, roots, depth + 1);
        return;
      case 'SpreadElement':
      case 'AwaitExpression':
        dataNames(current.argument, out, roots, depth + 1);
        return;
      default:
        return;
    }
  }

  /** The arguments of `.update(...)` calls chained on `node`; returns the outermost call of the chain. */
  function chainedUpdates(node: Node, out: Node[]): Node {
    let current = node;
    for (;;) {
      const member = current.parent;
      if (member?.type !== 'MemberExpression' || member.object !== current || staticPropertyName(member) !== 'update') return current;
      const call = member.parent;
      if (call?.type !== 'CallExpression' || call.callee !== member) return current;
      if (call.arguments[0]) out.push(call.arguments[0]);
      current = call;
    }
  }

  /** `const h = createHash('md5'); h.update(password)`: the data given to `h`. */
  function variableUpdates(hasher: Node, out: Node[]): void {
    let node = hasher;
    while (node.parent && (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression')) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node) return;
    for (const variable of sourceCode.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) {
        if (reference.isWrite()) continue;
        chainedUpdates(reference.identifier, out);
      }
    }
  }

  /** Where the digest ends up: `const passwordHash = md5(x)`, `user.password = ...`, `{ password: ... }`. */
  function targetName(end: Node): string | undefined {
    let node = end;
    for (;;) {
      const parent = node.parent;
      if (!parent) return undefined;
      if (parent.type === 'MemberExpression' && parent.object === node && CHAIN_METHODS.has(staticPropertyName(parent) ?? '')) {
        const call = parent.parent;
        if (call?.type !== 'CallExpression' || call.callee !== parent) return undefined;
        node = call;
      } else if (
        parent.type === 'AwaitExpression' ||
        parent.type === 'TSAsExpression' ||
        parent.type === 'TSNonNullExpression' ||
        parent.type === 'ChainExpression'
      ) {
        node = parent;
      } else if (parent.type === 'VariableDeclarator') {
        return parent.init === node && parent.id.type === 'Identifier' ? parent.id.name : undefined;
      } else if (parent.type === 'AssignmentExpression') {
        if (parent.right !== node) return undefined;
        if (parent.left.type === 'Identifier') return parent.left.name;
        return parent.left.type === 'MemberExpression' ? staticPropertyName(parent.left) : undefined;
      } else if (parent.type === 'Property') {
        return parent.value === node ? staticPropertyName(parent) : undefined;
      } else {
        return undefined;
      }
    }
  }

  function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current)) return current;
    }
    return undefined;
  }

  /** `hashPassword(input)` names what it hashes only when the data is its own parameter. */
  function functionNameFor(end: Node, roots: TSESTree.Identifier[]): string | undefined {
    const fn = enclosingFunction(end);
    if (!fn) return undefined;
    const isParameter = roots.some((root) =>
      ASTUtils.findVariable(sourceCode.getScope(root), root)?.defs.some(
        (definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter && definition.node === fn,
      ),
    );
    return isParameter ? functionName(fn) : undefined;
  }

  /**
   * Reports a digest when its data (or, if the data's names say nothing, the
   * variable it is stored in or the function computing it) is a password or secret.
   */
  function checkDigest(algorithm: string, reportNode: Node, data: Node[], end: Node): void {
    const strength = algorithmStrength(algorithm);
    if (!strength) return;
    const names: string[] = [];
    const roots: TSESTree.Identifier[] = [];
    for (const node of data) dataNames(node, names, roots);
    const finding = digestFinding(strength, names, () => ({ target: targetName(end), functionName: functionNameFor(end, roots) }));
    if (!finding) return;
    report({ node: reportNode, messageId: finding.messageId, data: { algorithm: displayAlgorithm(algorithm), name: finding.name } });
  }

  function algorithmName(node: Node | undefined): Known<string> | undefined {
    const object = node ? resolveObject(node) : undefined;
    if (object) {
      const name = property(object, 'name');
      return name && name !== 'unknown' ? algorithmName(name) : undefined;
    }
    const known = evaluate(node);
    return known && typeof known.value === 'string' ? { value: known.value, node: known.node } : undefined;
  }

  function checkDigestCall(call: TSESTree.CallExpression, callee: Callee): boolean {
    const last = callee.path[callee.path.length - 1] ?? '';
    const previous = callee.path[callee.path.length - 2] ?? '';
    const isCrypto = callee.module ? CRYPTO_MODULES.has(callee.module) : callee.path[0] === 'crypto';

    // crypto.createHash('md5').update(password)
    if (last === 'createHash') {
      const algorithm = algorithmName(call.arguments[0]);
      if (!algorithm) return true;
      const data: Node[] = [];
      const end = chainedUpdates(call, data);
      variableUpdates(call, data);
      checkDigest(algorithm.value, call.arguments[0]!, data, end);
      return true;
    }
    // crypto.hash('sha1', data) (Node 21.7+), crypto.subtle.digest('SHA-1', data)
    if ((last === 'hash' && isCrypto && callee.path.length <= 2) || (last === 'digest' && previous === 'subtle')) {
      const algorithm = algorithmName(call.arguments[0]);
      if (algorithm) checkDigest(algorithm.value, call.arguments[0]!, call.arguments.slice(1, 2), call);
      return true;
    }
    // md5(password), CryptoJS.MD5(password), sha256.hex(password)
    const named = algorithmStrength(last) ? last : JS_DIGEST_OUTPUTS.has(last) && algorithmStrength(previous) ? previous : undefined;
    if (named && !isCrypto) {
      checkDigest(named, call.callee, call.arguments.slice(0, 1), call);
      return true;
    }
    return false;
  }

  // ---- bcrypt -------------------------------------------------------------

  function bcryptModule(callee: Callee): string | undefined {
    if (callee.module) return BCRYPT_MODULES.has(callee.module) ? callee.module : undefined;
    const object = callee.path[callee.path.length - 2];
    return object && /^bcrypt(?:js)?$/i.test(object) ? 'bcrypt' : undefined;
  }

  function checkBcryptCost(argument: Node, known: Known<number>): void {
    if (known.value >= minimums.minBcryptCost) return;
    const data = { cost: String(known.value), min: String(minimums.minBcryptCost) };
    const replacement = String(minimums.minBcryptCost);
    if (isPlainLiteral(argument, known)) {
      report({ node: argument, messageId: 'bcryptCost', data, fix: (fixer) => fixer.replaceText(known.node, replacement) });
      return;
    }
    report({
      node: argument,
      messageId: 'bcryptCost',
      data,
      suggest: [{ messageId: 'raiseBcryptCost', data, fix: (fixer) => fixer.replaceText(known.node, replacement) }],
    });
  }

  function checkBcryptCall(call: TSESTree.CallExpression, callee: Callee): boolean {
    const module = bcryptModule(callee);
    if (!module) return false;
    const method = callee.path[callee.path.length - 1];
    if (method === 'hash' || method === 'hashSync') {
      const cost = call.arguments[1];
      if (!cost) return true;
      const known = evaluate(cost);
      if (typeof known?.value === 'number') checkBcryptCost(cost, { value: known.value, node: known.node });
      else if (typeof known?.value === 'string') {
        const saltCost = bcryptCostFromSalt(known.value);
        if (saltCost !== undefined && saltCost < minimums.minBcryptCost) {
          report({ node: cost, messageId: 'bcryptCost', data: { cost: String(saltCost), min: String(minimums.minBcryptCost) } });
        }
      }
      return true;
    }
    if (method === 'genSalt' || method === 'genSaltSync') {
      const rounds = call.arguments[0];
      const isDefault = !rounds || isFunction(rounds);
      if (!isDefault) {
        const known = numberArgument(rounds);
        if (known) checkBcryptCost(rounds, known);
        return true;
      }
      if (!BCRYPT_DEFAULT_10_MODULES.has(module) || BCRYPT_JS_DEFAULT_COST >= minimums.minBcryptCost) return true;
      const data = { call: `${method}()`, cost: String(BCRYPT_JS_DEFAULT_COST), min: String(minimums.minBcryptCost) };
      const openParen = sourceCode.getTokenAfter(call.callee, (token) => token.value === '(');
      report({
        node: call,
        messageId: 'bcryptDefaultCost',
        data,
        suggest: openParen
          ? [
              {
                messageId: 'raiseBcryptCost',
                data,
                fix: (fixer) => fixer.insertTextAfter(openParen, rounds ? `${minimums.minBcryptCost}, ` : String(minimums.minBcryptCost)),
              },
            ]
          : [],
      });
      return true;
    }
    return true;
  }

  // ---- argon2 ---------------------------------------------------------------

  function parameter(object: TSESTree.ObjectExpression | undefined, name: string): { value: ParameterValue; known?: Known<number>; node?: Node } {
    if (!object) return { value: 'default' };
    const node = property(object, name);
    if (node === undefined) return { value: 'default' };
    if (node === 'unknown') return { value: 'unknown' };
    const known = numberArgument(node);
    return known ? { value: known.value, known, node } : { value: 'unknown', node };
  }

  function checkArgon2(
    object: TSESTree.ObjectExpression | undefined,
    names: { memory: string; iterations: string },
    defaultMemoryKiB: number,
    suggest: boolean,
  ): void {
    const parameters = { memory: parameter(object, names.memory), iterations: parameter(object, names.iterations) };
    const findings = argon2Findings(
      { memoryKiB: parameters.memory.value, iterations: parameters.iterations.value },
      { memoryKiB: minimums.minArgon2MemoryKiB, iterations: minimums.minArgon2Iterations },
      defaultMemoryKiB,
    );
    for (const { parameter: which, messageId, suggestionId, data } of findings) {
      const { known, node } = parameters[which];
      if (!known || !node) continue;
      report({
        node,
        messageId,
        data,
        suggest: suggest ? [{ messageId: suggestionId, data, fix: (fixer) => fixer.replaceText(known.node, data.min) }] : [],
      });
    }
  }

  function checkArgon2Call(call: TSESTree.CallExpression, callee: Callee): boolean {
    const method = callee.path[callee.path.length - 1];
    const module = callee.module ?? (/^argon2$/i.test(callee.path[callee.path.length - 2] ?? '') ? 'argon2' : undefined);
    if (module && module in ARGON2_DEFAULT_MEMORY && (method === 'hash' || method === 'hashSync')) {
      const options = call.arguments[1];
      if (options && !resolveObject(options)) return true;
      checkArgon2(resolveObject(options), { memory: 'memoryCost', iterations: 'timeCost' }, ARGON2_DEFAULT_MEMORY[module]!, true);
      return true;
    }
    // hash-wasm: argon2id({ password, salt, memorySize, iterations, ... })
    if (callee.module === 'hash-wasm' && (method === 'argon2id' || method === 'argon2i' || method === 'argon2d')) {
      const options = resolveObject(call.arguments[0]);
      if (options) checkArgon2(options, { memory: 'memorySize', iterations: 'iterations' }, ARGON2_DEFAULT_MEMORY_KIB, false);
      return true;
    }
    // hash-wasm: bcrypt({ password, salt, costFactor })
    if (callee.module === 'hash-wasm' && method === 'bcrypt') {
      const options = resolveObject(call.arguments[0]);
      const cost = options ? property(options, 'costFactor') : undefined;
      const known = cost && cost !== 'unknown' ? numberArgument(cost) : undefined;
      if (cost && cost !== 'unknown' && known) checkBcryptCost(cost, known);
      return true;
    }
    return false;
  }

  // ---- PBKDF2 ---------------------------------------------------------------

  function checkIterations(node: Node | 'unknown' | undefined): void {
    if (!node || node === 'unknown') return;
    const known = numberArgument(node);
    if (!known || known.value >= minimums.minPbkdf2Iterations) return;
    report({ node, messageId: 'pbkdf2Iterations', data: { value: String(known.value), min: String(minimums.minPbkdf2Iterations) } });
  }

  function checkPbkdf2Call(call: TSESTree.CallExpression, callee: Callee): boolean {
    const last = callee.path[callee.path.length - 1] ?? '';
    if (/^pbkdf2(?:Sync|Async)?$/i.test(last)) {
      // hash-wasm: pbkdf2({ password, salt, iterations, ... })
      const single = call.arguments.length === 1 ? resolveObject(call.arguments[0]) : undefined;
      if (single) return (checkIterations(property(single, 'iterations')), true);
      // CryptoJS.PBKDF2(password, salt, { keySize, iterations })
      const options = call.arguments[2] ? resolveObject(call.arguments[2]) : undefined;
      if (options) return (checkIterations(property(options, 'iterations')), true);
      // crypto.pbkdf2Sync(password, salt, iterations, keylen, digest)
      checkIterations(call.arguments[2]);
      return true;
    }
    // crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash }, key, bits)
    if (last === 'deriveBits' || last === 'deriveKey') {
      const algorithm = resolveObject(call.arguments[0]);
      const name = algorithm ? property(algorithm, 'name') : undefined;
      const known = name && name !== 'unknown' ? evaluate(name) : undefined;
      if (algorithm && typeof known?.value === 'string' && known.value.toUpperCase() === 'PBKDF2') {
        checkIterations(property(algorithm, 'iterations'));
      }
      return true;
    }
    return false;
  }

  return {
    Program(program) {
      bindings = moduleBindings(program);
    },
    CallExpression(call) {
      const callee = calleeOf(call.callee);
      if (!callee || callee.path.length === 0) return;
      if (checkBcryptCall(call, callee)) return;
      if (checkArgon2Call(call, callee)) return;
      if (checkPbkdf2Call(call, callee)) return;
      checkDigestCall(call, callee);
    },
  };
}
