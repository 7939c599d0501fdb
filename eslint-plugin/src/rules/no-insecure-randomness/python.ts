import { callArguments, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { descendants, enclosing, importedName, importedNames } from '../../languages/python/python-scope.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Classify, Context, Finding } from '../no-insecure-randomness.js';
import { reportFinding } from '../no-insecure-randomness.js';
import type { Source } from './python-suggestions.js';
import { pythonSuggestions } from './python-suggestions.js';

/** Where the value ended up; `value`: the whole expression assigned or returned there, when the rule walked no variable. */
interface Found extends Finding {
  boundary: PythonNode;
  value?: PythonNode;
}
interface Walk {
  hops: number;
  seen: Set<unknown>;
}

const STDLIB = /^random\.(random|choice|choices|randint|randrange|getrandbits|sample|uniform|randbytes|triangular|gauss)$/;
const NUMPY = /^numpy\.random\.(rand|randn|randint|random|random_sample|ranf|sample|choice|bytes|permutation|uniform|integers)$/;
/** Nodes a value passes through unchanged, or into a larger value. */
const CARRIERS = new Set([
  'parenthesized_expression', 'binary_operator', 'boolean_operator', 'unary_operator', 'list', 'tuple', 'set', 'interpolation',
  'string', 'concatenated_string', 'await', 'subscript', 'dictionary', 'expression_list', 'list_splat',
]);
const COMPREHENSIONS = new Set(['generator_expression', 'list_comprehension', 'set_comprehension']);
/** Functions and methods whose result still carries the value. */
const VALUE_CALLS = new Set([
  'str', 'int', 'hex', 'oct', 'bin', 'bytes', 'format', 'join', 'encode', 'decode', 'hexdigest', 'digest', 'sha1', 'sha256', 'sha512',
  'md5', 'b64encode', 'urlsafe_b64encode', 'b32encode', 'hexlify', 'upper', 'lower', 'strip', 'replace', 'zfill', 'rjust', 'ljust',
  'to_bytes', 'list', 'tuple',
]);
const BOOLEAN_METHODS = new Set(['startswith', 'endswith', 'isdigit', 'isalpha', 'isalnum', 'find', 'index', 'count']);
/** Methods that store a value under a name: `response.set_cookie('session', v)`, `cache.set('token', v)`. */
const KEY_SETTERS = new Set(['set_cookie', 'set', 'setdefault', 'setex', 'hset', 'set_signed_cookie']);
const LIST_ADDERS = new Set(['append', 'extend', 'insert']);
const MAX_HOPS = 3;

export function pythonVisitors(context: Context, classify: Classify): Record<string, (node: never) => void> {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  const reported = new Set<PythonNode>();
  const name = (node: PythonNode): string => nodeText(node, text);
  const imports = importedNames(sourceCode.ast, text);
  // `random = random.SystemRandom()` at module level: the name no longer holds the module.
  for (const statement of sourceCode.ast.children) {
    const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
    const left = assignment?.type === 'assignment' ? field(assignment, 'left') : undefined;
    if (left?.type === 'identifier') imports.delete(name(left));
  }

  function randomSource(call: PythonNode): Source | undefined {
    const fn = field(call, 'function');
    const qualified = importedName(fn, text, imports);
    if (!fn || !qualified) return undefined;
    // Messages start with a capital: "Python's random.choice()", "NumPy's np.random.rand()".
    const written = `${name(fn)}()`;
    const stdlib = STDLIB.exec(qualified);
    if (stdlib) return { source: `Python's ${written}`, name: stdlib[1]!, module: 'random' };
    const numpy = NUMPY.exec(qualified);
    if (numpy) return { source: `NumPy's ${written}`, name: numpy[1]!, module: 'numpy' };
    return qualified === 'uuid.uuid1' ? { source: `Python's ${written}`, name: 'uuid1', module: 'uuid' } : undefined;
  }

  // ---- where the value goes ---------------------------------------------------

  function decide(word: string, pending: string[], boundary: PythonNode): Found | 'benign' | undefined {
    const verdict = classify(pending.length > 0 ? [word, ...pending].join('_') : word);
    if (verdict === undefined || verdict === 'benign') return verdict;
    return { kind: verdict, name: [word, ...pending].join('.'), boundary };
  }

  const settle = (verdict: Found | 'benign' | undefined): Found | undefined => (verdict === 'benign' ? undefined : verdict);

  /** A name that decides, or a variable to follow to where it is read in the same function (or module). */
  function named(identifier: PythonNode, pending: string[], boundary: PythonNode, walk: Walk): Found | undefined {
    const word = name(identifier);
    const verdict = decide(word, pending, boundary);
    if (verdict !== undefined || walk.hops >= MAX_HOPS) return settle(verdict);
    const scope = enclosing(identifier, 'function_definition') ?? sourceCode.ast;
    const key = `${scope.range[0]}:${word}`;
    if (walk.seen.has(key)) return undefined;
    walk.seen.add(key);
    for (const node of identifiersIn(scope).get(word) ?? []) {
      if (node === identifier || node.field === 'attribute' || node.field === 'name') continue;
      if (node.field === 'left' && parent(node)?.type === 'assignment') continue;
      const found = contextOf(node, { hops: walk.hops + 1, seen: walk.seen }, pending);
      if (found) return found;
    }
    return undefined;
  }

  const identifierIndex = new Map<PythonNode, Map<string, PythonNode[]>>();
  let callIndex: Map<string, PythonNode[]> | undefined;

  /** The identifiers of a function (or the module), outside nested functions and classes, by name. */
  function identifiersIn(scope: PythonNode): Map<string, PythonNode[]> {
    let index = identifierIndex.get(scope);
    if (!index) {
      const built = new Map<string, PythonNode[]>();
      descendants(scope, (node) => {
        if (node.type !== 'identifier') return;
        const list = built.get(name(node));
        if (list) list.push(node);
        else built.set(name(node), [node]);
      }, false);
      identifierIndex.set(scope, (index = built));
    }
    return index;
  }

  /** The file's calls by the last name of their function: `make_id()` and `self.make_id()` under `make_id`. */
  function callsNamed(word: string): PythonNode[] {
    if (!callIndex) {
      const built = new Map<string, PythonNode[]>();
      descendants(sourceCode.ast, (node) => {
        if (node.type !== 'call') return;
        const callee = field(node, 'function');
        const last = callee?.type === 'attribute' ? field(callee, 'attribute') : callee;
        if (last?.type !== 'identifier') return;
        const list = built.get(name(last));
        if (list) list.push(node);
        else built.set(name(last), [node]);
      }, true);
      callIndex = built;
    }
    return callIndex.get(word) ?? [];
  }

  /** `x = v`, `self.token = v`, `session['id'] = v`. */
  function assigned(left: PythonNode | undefined, pending: string[], boundary: PythonNode, walk: Walk): Found | undefined {
    if (!left) return undefined;
    if (left.type === 'identifier') return named(left, pending, boundary, walk);
    const property = left.type === 'attribute' ? field(left, 'attribute') : undefined;
    const key = property ? name(property) : left.type === 'subscript' ? stringValue(field(left, 'subscript'), text) : undefined;
    if (key === undefined) return undefined;
    const verdict = decide(key, pending, boundary);
    if (verdict !== undefined) return settle(verdict);
    const object = dottedName(field(left, left.type === 'attribute' ? 'object' : 'value'), text)?.split('.').pop();
    return object === undefined ? undefined : settle(decide(object, [key, ...pending], boundary));
  }

  function throughCall(call: PythonNode, argument: PythonNode, pending: string[], walk: Walk): Found | PythonNode | undefined {
    const fn = field(call, 'function');
    const attribute = fn?.type === 'attribute' ? field(fn, 'attribute') : undefined;
    const callee = attribute ? name(attribute) : fn?.type === 'identifier' ? name(fn) : undefined;
    if (callee === undefined) return undefined;
    const object = fn && attribute ? field(fn, 'object') : undefined;
    if (object?.type === 'identifier' && LIST_ADDERS.has(callee)) return named(object, pending, call, walk);
    const { positional } = callArguments(call, text);
    const key = KEY_SETTERS.has(callee) && positional.indexOf(argument) >= 1 ? stringValue(positional[0], text) : undefined;
    if (key !== undefined) return settle(decide(key, pending, call));
    if (VALUE_CALLS.has(callee)) return call;
    return settle(decide(callee, pending, call));
  }

  function functionContext(fn: PythonNode, pending: string[], walk: Walk, value: PythonNode | undefined): Found | undefined {
    const fnName = field(fn, 'name');
    if (!fnName) return undefined;
    const verdict = decide(name(fnName), pending, fn);
    if (verdict !== undefined) return verdict === 'benign' ? undefined : { ...verdict, value };
    if (walk.hops >= MAX_HOPS || walk.seen.has(fn)) return undefined;
    walk.seen.add(fn);
    // Follow the calls of the function: `token = make_id()`, `self.make_id()`.
    for (const call of callsNamed(name(fnName))) {
      const found = contextOf(call, { hops: walk.hops + 1, seen: walk.seen }, pending);
      if (found) return found;
    }
    return undefined;
  }

  /** Follows a random value up to the first name that decides (see the JS side for the idea). */
  function contextOf(start: PythonNode, walk: Walk, pending: string[] = []): Found | undefined {
    let current = start;
    for (let step = 0; step < 60; step++) {
      const node = parent(current);
      if (!node) return undefined;
      const direct = (found: Found | undefined): Found | undefined => (found && walk.hops === 0 && pending.length === 0 ? { ...found, value: current } : found);
      // A comprehension carries its body (`''.join(random.choice(c) for _ in range(n))`), not its iterable.
      if (COMPREHENSIONS.has(node.type) && field(node, 'body') !== current) return undefined;
      if (!CARRIERS.has(node.type) && !COMPREHENSIONS.has(node.type)) {
        switch (node.type) {
          case 'conditional_expression':
            if (node.children[1] === current) return undefined;
            break;
          case 'attribute': {
            const call = parent(node);
            if (field(node, 'object') !== current || call?.type !== 'call' || field(call, 'function') !== node) return undefined;
            if (BOOLEAN_METHODS.has(name(field(node, 'attribute')!))) return undefined;
            current = call;
            continue;
          }
          case 'argument_list':
          case 'call': {
            const call = node.type === 'call' ? node : parent(node);
            if (call?.type !== 'call' || field(call, 'function') === current) return undefined;
            const next = throughCall(call, current, pending, walk);
            if (next !== call) return next as Found | undefined;
            current = call;
            continue;
          }
          case 'keyword_argument': {
            const keyword = field(node, 'name');
            if (field(node, 'value') !== current || !keyword) return undefined;
            const verdict = decide(name(keyword), pending, node);
            if (verdict !== undefined) return direct(settle(verdict));
            // Session(id=...), Invitation.objects.create(code=...): the keyword with the names of the callee.
            const call = parent(parent(node) ?? node);
            const parts = call?.type === 'call' ? (dottedName(field(call, 'function'), text)?.split('.') ?? []) : [];
            for (const part of parts.reverse()) {
              const combined = decide(part, [name(keyword), ...pending], node);
              if (combined !== undefined) return settle(combined);
            }
            return undefined;
          }
          case 'pair': {
            const key = stringValue(field(node, 'key'), text);
            if (field(node, 'value') !== current || key === undefined) return undefined;
            const verdict = decide(key, pending, node);
            if (verdict !== undefined) return direct(settle(verdict));
            pending = [key, ...pending];
            break;
          }
          case 'assignment':
            return field(node, 'right') === current ? direct(assigned(field(node, 'left'), pending, node, walk)) : undefined;
          case 'augmented_assignment':
            return field(node, 'right') === current ? assigned(field(node, 'left'), pending, node, walk) : undefined;
          case 'return_statement': {
            const fn = enclosing(node, 'function_definition');
            return fn ? functionContext(fn, pending, walk, walk.hops === 0 && pending.length === 0 ? current : undefined) : undefined;
          }
          default:
            return undefined;
        }
      }
      current = node;
    }
    return undefined;
  }

  const suggestionsFor = pythonSuggestions({ sourceCode, imports, randomSource, valueCalls: VALUE_CALLS });

  function alternative(random: Source, found: Found): string {
    if (random.module === 'uuid') return 'uuid.uuid4() or secrets.token_urlsafe(32)';
    if (found.kind === 'password') return 'secrets.choice() over the allowed characters';
    if (found.kind === 'code') return 'secrets.randbelow()';
    return 'secrets.token_urlsafe(32)';
  }

  return {
    call(call: PythonNode) {
      if (imports.size === 0) return;
      const random = randomSource(call);
      if (!random) return;
      const found = contextOf(call, { hops: 0, seen: new Set() });
      if (!found || reported.has(found.boundary)) return;
      reported.add(found.boundary);
      const messageId = random.module === 'uuid' ? 'predictableUuid' : 'insecureRandom';
      const suggest = suggestionsFor(call, random, found.kind, found.value);
      reportFinding(context, call.loc, messageId, { source: random.source, alternative: alternative(random, found) }, found, suggest);
    },
  };
}
