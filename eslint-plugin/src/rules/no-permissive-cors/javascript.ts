import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { classifyOriginPattern, MAY_CONFIGURE_CORS } from '../../detectors/cors.js';
import { constantBinding, staticPropertyName, unwrapCasts } from '../../util/js-static-values.js';
import type { Context, MessageIds, Suggestion } from '../no-permissive-cors.js';
import { configText, patternReport } from '../no-permissive-cors.js';
import { moduleImports, type ImportedName } from '../require-secure-cookies/javascript-values.js';
import { developmentOnly, reflectionTracker } from './javascript-headers.js';

type Node = TSESTree.Node;

/** Packages whose default export takes `{ origin, credentials }` (express, koa, fastify, hono, elysia). */
const CORS_MODULE = /^(?:cors|kcors|@koa\/cors|@fastify\/cors|fastify-cors|hono\/cors|@elysiajs\/cors)$/;
const MAX_DEPTH = 5;

export function javascriptVisitors(context: Context): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!MAY_CONFIGURE_CORS.test(sourceCode.text)) return {};
  const reported = new Set<string>();
  const headers = reflectionTracker(context);

  function report(node: Node, messageId: MessageIds, data: Record<string, string> = {}, suggest: Suggestion[] = []): void {
    const key = `${messageId}@${node.range.join(':')}`;
    if (reported.has(key) || developmentOnly(sourceCode, node)) return;
    reported.add(key);
    context.report({ node, messageId, data, suggest });
  }

  /** Follows a constant to its initializer: `const options = {...}`. */
  function resolve(input: Node, depth = 0): Node {
    const node = unwrapCasts(input);
    if (node.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return node;
    const bound = constantBinding(sourceCode, node);
    return bound && bound.id.type === AST_NODE_TYPES.Identifier ? resolve(bound.init, depth + 1) : node;
  }

  let imports: Map<string, ImportedName> | undefined;

  function isCorsFunction(node: Node): boolean {
    const callee = unwrapCasts(node);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    imports ??= moduleImports(sourceCode.ast);
    const imported = imports.get(callee.name);
    if (!imported && callee.name !== 'cors') return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
    const scope = variable?.scope.type;
    if (imported) return CORS_MODULE.test(imported.source) && (scope === 'module' || scope === 'global');
    // A global `cors` (a script tag) is the cors package by name only.
    return !variable || variable.defs.length === 0;
  }

  function properties(object: TSESTree.ObjectExpression): { byName: Map<string, TSESTree.Property>; spread: boolean } {
    const byName = new Map<string, TSESTree.Property>();
    let spread = false;
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) spread = true;
      else {
        const name = staticPropertyName(property);
        if (name !== undefined) byName.set(name, property);
      }
    }
    return { byName, spread };
  }

  /** Whether a function passed as `origin` accepts every origin: `(origin, cb) => cb(null, true)`, `(o) => o`. */
  function acceptsEveryOrigin(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): boolean {
    const [originParam, callbackParam] = fn.params;
    const originName = originParam?.type === AST_NODE_TYPES.Identifier ? originParam.name : undefined;
    const callbackName = callbackParam?.type === AST_NODE_TYPES.Identifier ? callbackParam.name : undefined;
    const allows = (value: Node | undefined): boolean => {
      const node = value && unwrapCasts(value);
      return (node?.type === AST_NODE_TYPES.Literal && node.value === true) || (node?.type === AST_NODE_TYPES.Identifier && node.name === originName);
    };
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement && allows(fn.body)) return true;
    let decisions = 0;
    let conditional = false;
    let other = false;
    const visit = (node: Node): void => {
      switch (node.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.SwitchStatement:
        case AST_NODE_TYPES.TryStatement:
          conditional = true;
          return;
        case AST_NODE_TYPES.CallExpression:
          if (callbackName && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === callbackName) {
            if (allows(node.arguments[1])) decisions++;
            else other = true;
          }
          break;
        case AST_NODE_TYPES.ReturnStatement:
          if (node.argument && allows(node.argument)) decisions++;
          else if (node.argument) other = true;
          break;
        default:
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof (item as Node).type === 'string') visit(item as Node);
        }
      }
    };
    visit(fn.body);
    return decisions > 0 && !conditional && !other;
  }

  function checkOriginValue(value: Node, property: TSESTree.Property, suggest: Suggestion[], depth = 0): void {
    const node = unwrapCasts(value);
    if (depth > MAX_DEPTH) return;
    if (node.type === AST_NODE_TYPES.Literal) {
      if (node.value === true) report(property, 'anyOrigin', { config: configText(sourceCode.getText(property)) }, suggest);
      else if (node.value === '*') report(property, 'wildcardWithCredentials', {}, suggest);
      else if ('regex' in node && node.regex) checkPattern(node, node.regex.pattern, suggest);
      return;
    }
    if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
      const [source] = node.arguments;
      const pattern = source && resolve(source);
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'RegExp' && pattern?.type === AST_NODE_TYPES.Literal && typeof pattern.value === 'string') {
        checkPattern(node, pattern.value, suggest);
      }
      return;
    }
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      // Strings in a list are compared exactly (even '*'); only regular expressions can be too wide.
      for (const element of node.elements) {
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
        const item = resolve(element);
        const regex = item.type === AST_NODE_TYPES.Literal ? 'regex' in item : item.type === AST_NODE_TYPES.NewExpression || item.type === AST_NODE_TYPES.CallExpression;
        if (regex) checkOriginValue(item, property, suggest, depth + 1);
      }
      return;
    }
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) {
      if (acceptsEveryOrigin(node)) report(property.key, 'anyOrigin', { config: 'an origin function that accepts every origin' }, suggest);
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const resolved = resolve(node, depth);
      if (resolved !== node) checkOriginValue(resolved, property, suggest, depth + 1);
    }
  }

  function checkPattern(node: Node, pattern: string, suggest: Suggestion[]): void {
    const verdict = classifyOriginPattern(pattern, 'search');
    if (!verdict) return;
    const { messageId, data } = patternReport(verdict, `/${pattern}/`, configText(sourceCode.getText(node)));
    report(node, messageId, data, suggest);
  }

  /** `{ origin, credentials }` passed to a CORS middleware, written inline or as a constant. */
  function checkOptions(argument: Node | undefined): void {
    const options = argument && resolve(argument);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
    const { byName, spread } = properties(options);
    const credentials = byName.get('credentials');
    const credentialsValue = credentials && resolve(credentials.value);
    if (credentialsValue?.type !== AST_NODE_TYPES.Literal || credentialsValue.value !== true) return;
    const suggest: Suggestion[] =
      unwrapCasts(credentials!.value).type === AST_NODE_TYPES.Literal
        ? [{ messageId: 'disableCredentials', data: { option: 'credentials', value: 'false' }, fix: (fixer) => fixer.replaceText(credentials!.value, 'false') }]
        : [];
    const origin = byName.get('origin');
    // No origin: the libraries default to "*".
    if (!origin) {
      if (!spread) report(credentials!, 'wildcardWithCredentials', {}, suggest);
      return;
    }
    checkOriginValue(origin.value, origin, suggest);
  }

  return {
    CallExpression(node: TSESTree.CallExpression) {
      const callee = unwrapCasts(node.callee);
      // cors({ origin, credentials }), app.use(cors(options))
      if (isCorsFunction(callee)) checkOptions(node.arguments[0]);
      else if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = staticPropertyName(callee);
        const object = unwrapCasts(callee.object);
        const [first, second] = node.arguments;
        // NestJS: app.enableCors(options); fastify.register(cors, options)
        if (method === 'enableCors') checkOptions(first);
        else if (method === 'register' && first && isCorsFunction(first)) checkOptions(second);
        // NestFactory.create(AppModule, { cors: options })
        else if (method === 'create' && object.type === AST_NODE_TYPES.Identifier && object.name === 'NestFactory') {
          const appOptions = second && resolve(second);
          if (appOptions?.type === AST_NODE_TYPES.ObjectExpression) checkOptions(properties(appOptions).byName.get('cors')?.value);
        }
      }
      headers.call(node);
    },
    Property(node: TSESTree.Property) {
      headers.property(node);
    },
    AssignmentExpression(node: TSESTree.AssignmentExpression) {
      headers.assignment(node);
    },
    'Program:exit'() {
      headers.finish();
    },
  } satisfies TSESLint.RuleListener;
}
