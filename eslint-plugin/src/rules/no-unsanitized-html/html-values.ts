import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { splitWords } from '../../detectors/secrets.js';
import { staticPropertyName, unwrapValue } from '../../util/js-static-values.js';
import type { CalleeNames, FunctionNode } from './js-nodes.js';
import { calleeNames, isFunction, matchesName } from './js-nodes.js';

type Node = TSESTree.Node;

/**
 * What markup a value can carry into an HTML sink: none (`safe`), markup only
 * inside a `<script>` (`json`: `JSON.stringify` of data the rule cannot see),
 * HTML rendered from Markdown by a renderer that keeps raw HTML (`markdown`),
 * or anything (`unsafe`).
 */
export type Verdict = { kind: 'safe' } | { kind: 'json' } | { kind: 'markdown'; renderer: string } | { kind: 'unsafe' };

export interface HtmlSettings {
  /** Names of functions or methods (`a.b` for a dotted callee) whose result is sanitized HTML. */
  sanitizers: ReadonlySet<string>;
  /** Names of functions or methods whose result is HTML-escaped text. */
  escapers: ReadonlySet<string>;
}

const SAFE: Verdict = { kind: 'safe' };
const JSON_DATA: Verdict = { kind: 'json' };
const UNSAFE: Verdict = { kind: 'unsafe' };
const RANK = { safe: 0, json: 1, markdown: 2, unsafe: 3 } as const;
const MAX_DEPTH = 10;
const { DefinitionType } = TSESLint.Scope;

/** Calls whose result holds no markup: numbers, booleans, dates, URL-encoded text. */
const NO_MARKUP_CALLS = new Set([
  'Number', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'BigInt', 'Boolean', 'toFixed', 'toPrecision', 'getTime',
  'indexOf', 'lastIndexOf', 'findIndex', 'includes', 'startsWith', 'endsWith', 'toISOString', 'now', 'encodeURIComponent',
]);
/** String methods that keep a safe string safe (and an unsafe one unsafe). */
const PRESERVING_METHODS = new Set([
  'toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'substr', 'normalize', 'at',
  'charAt', 'repeat', 'padStart', 'padEnd', 'toLocaleString',
]);
/** Array methods that keep the elements they had. */
const ARRAY_PRESERVING = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'flat']);
/** Renderers that escape the text they are given: React's server renderers, KaTeX, Prism. */
const ESCAPING_RENDERERS = new Set(['renderToString', 'renderToStaticMarkup', 'Prism.highlight']);
const HIGHLIGHTERS = new Set(['highlight', 'highlightAuto']);
/** Translation functions: `t('key')` returns a string from the app's own resources. */
const TRANSLATE = new Set(['t', '$t']);
/** Markdown renderers that keep raw HTML from their input (marked, showdown, snarkdown). */
const MARKDOWN_FUNCTIONS = new Set(['marked', 'snarkdown']);
const MARKED_METHODS = new Set(['parse', 'parseInline']);
const UPPER_CASE = /^[A-Z][A-Z0-9_]*$/;
/** Imports of a file's text at build time (`icon.svg?raw`, `template.html`): the app's own markup. */
const RAW_IMPORT = /(?:\?raw|\.svg|\.html?)$/;
/** Words that say a value was sanitized or escaped: `sanitizedHtml`, `bodyEscaped`, `purified_html`. */
const SANITIZED_WORDS = new Set(['sanitized', 'sanitised', 'purified', 'escaped']);
const NUMERIC_TYPES = new Set<string>([AST_NODE_TYPES.TSNumberKeyword, AST_NODE_TYPES.TSBooleanKeyword, AST_NODE_TYPES.TSBigIntKeyword]);

function worst(verdicts: Verdict[]): Verdict {
  return verdicts.reduce((a, b) => (RANK[b.kind] > RANK[a.kind] ? b : a), SAFE);
}

/** The HTML-safety of JS values, following same-file constants, variables and functions. */
export function htmlValues(sourceCode: Readonly<TSESLint.SourceCode>, settings: HtmlSettings) {
  const visiting = new Set<unknown>();

  function variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  }

  function byName(name: string): Verdict {
    return splitWords(name).some((word) => SANITIZED_WORDS.has(word)) ? SAFE : UNSAFE;
  }

  function classify(input: Node, depth = 0): Verdict {
    const node = unwrapValue(input);
    if (depth > MAX_DEPTH) return UNSAFE;
    const next = depth + 1;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
      // Objects and functions print as `[object Object]` or as the program's own code.
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        return SAFE;
      case AST_NODE_TYPES.TemplateLiteral:
        return worst(node.expressions.map((expression) => classify(expression, next)));
      case AST_NODE_TYPES.TaggedTemplateExpression: {
        const tag = calleeNames(node.tag);
        if (matchesName(tag, settings.sanitizers) || matchesName(tag, settings.escapers)) return SAFE;
        return tag.dotted === 'String.raw' ? classify(node.quasi, next) : UNSAFE;
      }
      case AST_NODE_TYPES.BinaryExpression:
        // Only `+` can make a string; every other operator makes a number or a boolean.
        return node.operator === '+' ? worst([classify(node.left, next), classify(node.right, next)]) : SAFE;
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` is `b` or a falsy value ('', 0, false, null), which holds no markup.
        return node.operator === '&&' ? classify(node.right, next) : worst([classify(node.left, next), classify(node.right, next)]);
      case AST_NODE_TYPES.ConditionalExpression:
        return worst([classify(node.consequent, next), classify(node.alternate, next)]);
      case AST_NODE_TYPES.SequenceExpression:
        return classify(node.expressions[node.expressions.length - 1]!, next);
      case AST_NODE_TYPES.AssignmentExpression:
        return classify(node.right, next);
      case AST_NODE_TYPES.ArrayExpression:
        return worst(node.elements.map((element) => (element ? classify(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, next) : SAFE)));
      case AST_NODE_TYPES.Identifier:
        return identifier(node, next);
      case AST_NODE_TYPES.MemberExpression:
        return member(node, next);
      case AST_NODE_TYPES.CallExpression:
        return call(node, next);
      default:
        return UNSAFE;
    }
  }

  function identifier(node: TSESTree.Identifier, depth: number): Verdict {
    if (node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') return SAFE;
    const variable = variableOf(node);
    const def = variable?.defs[0];
    if (!variable || !def) return UPPER_CASE.test(node.name) && node.name.length > 1 ? SAFE : byName(node.name);
    if (visiting.has(variable)) return SAFE;
    switch (def.type) {
      case DefinitionType.ImportBinding: {
        const source = def.parent.type === AST_NODE_TYPES.ImportDeclaration ? def.parent.source.value : '';
        return RAW_IMPORT.test(source) || UPPER_CASE.test(node.name) ? SAFE : byName(node.name);
      }
      case DefinitionType.Parameter:
        return hasNumericType(def.name) ? SAFE : byName(node.name);
      case DefinitionType.FunctionName:
      case DefinitionType.ClassName:
        return SAFE;
      case DefinitionType.Variable:
        return variable.defs.length === 1 ? variableWrites(variable, def.node, depth) : UNSAFE;
      default:
        return byName(node.name);
    }
  }

  function hasNumericType(name: TSESTree.BindingName | TSESTree.Identifier): boolean {
    const annotation = 'typeAnnotation' in name ? name.typeAnnotation?.typeAnnotation : undefined;
    return annotation !== undefined && NUMERIC_TYPES.has(annotation.type);
  }

  /** Every value a variable is given: its initializer, assignments, and what `push`/`unshift` add to it. */
  function variableWrites(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator, depth: number): Verdict {
    const name = declarator.id;
    const loop = declarator.parent.parent;
    if (name.type !== AST_NODE_TYPES.Identifier) return byName(variable.name);
    if ((loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent) {
      return byName(variable.name);
    }
    if (hasNumericType(name)) return SAFE;
    visiting.add(variable);
    try {
      const verdicts: Verdict[] = [declarator.init ? classify(declarator.init, depth) : SAFE];
      for (const reference of variable.references) {
        if (reference.init) continue;
        const parent = reference.identifier.parent;
        if (reference.isWrite()) {
          if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) {
            const joins = ['=', '+=', '||=', '??=', '&&='].includes(parent.operator);
            verdicts.push(joins ? classify(parent.right, depth) : SAFE);
          } else if (parent.type !== AST_NODE_TYPES.UpdateExpression) {
            verdicts.push(UNSAFE);
          }
        } else if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
          // parts.push(x), parts[i] = x
          const method = staticPropertyName(parent);
          const grand = parent.parent;
          if (grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent && (method === 'push' || method === 'unshift')) {
            verdicts.push(...grand.arguments.map((argument) => classify(argument, depth)));
          } else if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent && parent.computed) {
            verdicts.push(classify(grand.right, depth));
          }
        }
        if (RANK[worst(verdicts).kind] === RANK.unsafe) break;
      }
      return worst(verdicts);
    } finally {
      visiting.delete(variable);
    }
  }

  /** The object literal a same-file constant holds. */
  function constantObject(node: Node): TSESTree.ObjectExpression | undefined {
    const object = unwrapValue(node);
    if (object.type === AST_NODE_TYPES.ObjectExpression) return object;
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = variableOf(object);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init) return undefined;
    const init = unwrapValue(def.node.init);
    return init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
  }

  /** `process.env.X` and `import.meta.env.X`: the deployment's configuration, not user input. */
  function isEnvironment(node: TSESTree.MemberExpression): boolean {
    const object = unwrapValue(node.object);
    if (object.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(object) !== 'env') return false;
    const root = unwrapValue(object.object);
    return (root.type === AST_NODE_TYPES.Identifier && root.name === 'process') || root.type === AST_NODE_TYPES.MetaProperty;
  }

  /** `SITE_URL` or `SEO.title` from an import or a global: the program's constants. */
  function isUpperCaseConstant(node: Node): boolean {
    const inner = unwrapValue(node);
    if (inner.type === AST_NODE_TYPES.MemberExpression) return isUpperCaseConstant(inner.object);
    if (inner.type !== AST_NODE_TYPES.Identifier || inner.name.length < 2 || !UPPER_CASE.test(inner.name)) return false;
    const def = variableOf(inner)?.defs[0];
    return !def || def.type === DefinitionType.ImportBinding;
  }

  function member(node: TSESTree.MemberExpression, depth: number): Verdict {
    const name = staticPropertyName(node);
    if (name === 'length' || isEnvironment(node)) return SAFE;
    // Markup already in the page (`template.innerHTML`), and highlight.js output (`hljs.highlight(code, …).value`), which escapes the code.
    if (name === 'innerHTML' || name === 'outerHTML') return SAFE;
    const owner = unwrapValue(node.object);
    if (name === 'value' && owner.type === AST_NODE_TYPES.CallExpression && HIGHLIGHTERS.has(calleeNames(owner.callee).last ?? '')) return SAFE;
    const object = unwrapValue(node.object);
    if (name !== undefined) {
      // STRINGS.title with `const STRINGS = { title: '...' }`
      const literal = constantObject(object);
      const property = literal?.properties.find(
        (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticPropertyName(candidate) === name,
      );
      if (property) return classify(property.value, depth);
      if (object.type === AST_NODE_TYPES.Identifier) {
        const def = variableOf(object)?.defs[0];
        if (def?.node.type === AST_NODE_TYPES.TSEnumDeclaration) return SAFE;
        if (UPPER_CASE.test(object.name) && object.name.length > 1 && !literal) return SAFE;
      }
      if (!node.computed && UPPER_CASE.test(name) && name.length > 1) return SAFE;
      return byName(name);
    }
    return UNSAFE;
  }

  /** Data that `JSON.stringify` turns into constant text. */
  function isConstantData(input: Node, depth: number): boolean {
    const node = unwrapValue(input);
    if (depth > MAX_DEPTH) return false;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.UnaryExpression:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => isConstantData(expression, depth + 1));
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isConstantData(element, depth + 1));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every(
          (property) => property.type === AST_NODE_TYPES.Property && !property.computed && isConstantData(property.value, depth + 1),
        );
      case AST_NODE_TYPES.MemberExpression:
        return isEnvironment(node) || isUpperCaseConstant(node);
      case AST_NODE_TYPES.Identifier: {
        if (isUpperCaseConstant(node)) return true;
        const variable = variableOf(node);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (!variable || def?.type !== DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init || visiting.has(variable)) return false;
        visiting.add(variable);
        try {
          return isConstantData(def.node.init, depth + 1);
        } finally {
          visiting.delete(variable);
        }
      }
      default:
        return false;
    }
  }

  /** `x.replace(/</g, …)` or `x.replaceAll('<', …)`: no tag can open after it. */
  function escapesAngleBracket(call: TSESTree.CallExpression, method: string): boolean {
    const pattern = call.arguments[0];
    if (pattern?.type !== AST_NODE_TYPES.Literal) return false;
    if ('regex' in pattern && pattern.regex) return pattern.regex.pattern.includes('<') && (pattern.regex.flags.includes('g') || method === 'replaceAll');
    return method === 'replaceAll' && pattern.value === '<';
  }

  function markdownRenderer(names: CalleeNames): string | undefined {
    if (!names.member && names.last && MARKDOWN_FUNCTIONS.has(names.last)) return names.last;
    if (names.member && names.dotted?.split('.')[0] === 'marked' && names.last && MARKED_METHODS.has(names.last)) return 'marked';
    if (names.member && names.last === 'makeHtml') return 'showdown';
    return undefined;
  }

  /** The same-file function a callee names. */
  function localFunction(callee: Node): FunctionNode | undefined {
    const node = unwrapValue(callee);
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = variableOf(node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === DefinitionType.FunctionName && isFunction(def.node)) return def.node;
    if (def?.type === DefinitionType.Variable && def.parent.kind === 'const' && def.node.init && isFunction(unwrapValue(def.node.init))) {
      return unwrapValue(def.node.init) as FunctionNode;
    }
    return undefined;
  }

  function call(node: TSESTree.CallExpression, depth: number): Verdict {
    const callee = unwrapValue(node.callee);
    const names = calleeNames(callee);
    const { last, dotted } = names;
    const [first, second] = node.arguments;
    const object = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
    if (matchesName(names, settings.sanitizers) || (object && last === 'sanitize') || matchesName(names, settings.escapers)) return SAFE;
    // A Trusted Types policy's createHTML() is where the app sanitizes.
    if (object && last === 'createHTML') return SAFE;
    if (matchesName(names, ESCAPING_RENDERERS)) return SAFE;
    if (last !== undefined && NO_MARKUP_CALLS.has(last)) return SAFE;
    if (object?.type === AST_NODE_TYPES.Identifier && object.name === 'Math') return SAFE;
    if (dotted === 'JSON.stringify') return !first || isConstantData(first, depth) ? SAFE : JSON_DATA;
    if (last === 'String' && !object) return first ? classify(first, depth) : SAFE;
    if (object && last !== undefined) {
      if (PRESERVING_METHODS.has(last)) return classify(object, depth);
      if (last === 'replace' || last === 'replaceAll') {
        if (escapesAngleBracket(node, last)) return SAFE;
        const replacement = second && isFunction(second) ? returns(second, depth) : second ? classify(second, depth) : SAFE;
        return worst([classify(object, depth), replacement]);
      }
      if (last === 'join') return worst([elements(object, depth), first ? classify(first, depth) : SAFE]);
      if (last === 'concat') return worst([classify(object, depth), ...node.arguments.map((argument) => classify(argument, depth))]);
    }
    const renderer = markdownRenderer(names);
    if (renderer) return !first || classify(first, depth).kind === 'safe' ? SAFE : { kind: 'markdown', renderer };
    if (last !== undefined && TRANSLATE.has(last) && node.arguments.length === 1 && first?.type === AST_NODE_TYPES.Literal) return SAFE;
    if (last === 'useMemo' && first && isFunction(first)) return returns(first, depth);
    const local = localFunction(callee);
    return local ? returns(local, depth) : UNSAFE;
  }

  /** The elements of an array a value is built from: a literal, `.map(fn)`, or a variable. */
  function elements(input: Node, depth: number): Verdict {
    const node = unwrapValue(input);
    if (node.type !== AST_NODE_TYPES.CallExpression) return classify(node, depth);
    const callee = unwrapValue(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return classify(node, depth);
    const method = staticPropertyName(callee);
    const [first] = node.arguments;
    if ((method === 'map' || method === 'flatMap') && first && isFunction(first)) return returns(first, depth);
    if (method !== undefined && ARRAY_PRESERVING.has(method)) return elements(callee.object, depth + 1);
    return classify(node, depth);
  }

  /** What a function returns: the worst of its `return`s (not those of nested functions). */
  function returns(fn: FunctionNode, depth: number): Verdict {
    if (visiting.has(fn) || depth > MAX_DEPTH) return visiting.has(fn) ? SAFE : UNSAFE;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return classify(fn.body, depth + 1);
    visiting.add(fn);
    try {
      const verdicts: Verdict[] = [];
      const visit = (node: Node): void => {
        if (node.type === AST_NODE_TYPES.ReturnStatement) {
          verdicts.push(node.argument ? classify(node.argument, depth + 1) : SAFE);
          return;
        }
        if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) return;
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          for (const item of Array.isArray(child) ? child : [child]) {
            if (item && typeof (item as Node).type === 'string') visit(item as Node);
          }
        }
      };
      for (const statement of fn.body.body) visit(statement);
      return worst(verdicts);
    } finally {
      visiting.delete(fn);
    }
  }

  return { classify: (node: Node) => classify(node), returns: (fn: FunctionNode) => returns(fn, 0), constantObject, localFunction };
}

