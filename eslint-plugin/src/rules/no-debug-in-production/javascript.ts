import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { constantInitializer, staticPropertyName } from '../../util/js-static-values.js';
import type { Context, Suggestion } from '../no-debug-in-production.js';

/** Options of Apollo Server (and NestJS's GraphQLModule) that put stack traces in error responses. */
const STACK_TRACE_OPTIONS = new Set(['debug', 'includeStacktraceInErrorResponses']);
/** A condition that reads the environment: what it guards follows the deployment. */
const ENVIRONMENT_CONDITION = /process\.env|import\.meta\.env|NODE_ENV|isDev|isProd|development|production/;
const DEVELOPMENT = new Set(['development', 'dev']);

/**
 * `new ApolloServer({ debug: true })`, `includeStacktraceInErrorResponses: true`,
 * `GraphQLModule.forRoot({ debug: true })`, and Express's
 * `app.set('env', 'development')`.
 */
export function javascriptVisitors(context: Context): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!/debug|includeStacktrace|['"`]env['"`]/.test(sourceCode.text)) return {};
  let express: boolean | undefined;

  /** The file imports or requires express. */
  function usesExpress(): boolean {
    return (express ??= sourceCode.ast.body.some((statement) => {
      if (statement.type === 'ImportDeclaration') return statement.source.value === 'express';
      return /\brequire\(\s*['"]express['"]\s*\)/.test(sourceCode.getText(statement));
    }));
  }

  function environmentGuarded(node: TSESTree.Node): boolean {
    for (let current = node.parent; current; current = current.parent) {
      if ((current.type === 'IfStatement' || current.type === 'ConditionalExpression') && ENVIRONMENT_CONDITION.test(sourceCode.getText(current.test))) {
        return true;
      }
    }
    return false;
  }

  /** The object literal an options argument is: written in place, or a constant bound once. */
  function optionsObject(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
    if (node?.type === 'ObjectExpression') return node;
    if (node?.type !== 'Identifier') return undefined;
    const init = constantInitializer(sourceCode, node);
    return init?.type === 'ObjectExpression' ? init : undefined;
  }

  function isTrue(node: TSESTree.Node): boolean {
    if (node.type === 'Literal') return node.value === true;
    if (node.type !== 'Identifier') return false;
    const init = constantInitializer(sourceCode, node);
    return init?.type === 'Literal' && init.value === true;
  }

  function checkOptions(options: TSESTree.ObjectExpression): void {
    for (const property of options.properties) {
      if (property.type !== 'Property' || property.kind !== 'init') continue;
      const key = staticPropertyName(property);
      if (!key || !STACK_TRACE_OPTIONS.has(key) || !isTrue(property.value) || environmentGuarded(property)) continue;
      const replace = (value: string) => (fixer: TSESLint.RuleFixer) =>
        property.shorthand ? fixer.replaceText(property, `${key}: ${value}`) : fixer.replaceText(property.value, value);
      const suggest: Suggestion[] = [
        { messageId: 'setOff', data: { value: 'false' }, fix: replace('false') },
        { messageId: 'onlyOutsideProduction', fix: replace("process.env.NODE_ENV !== 'production'") },
      ];
      context.report({ node: property, messageId: 'debugEnabled', data: { setting: `${key}: true` }, suggest });
    }
  }

  return {
    NewExpression(node) {
      const callee = node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
      if (callee.type !== 'Identifier' || callee.name !== 'ApolloServer') return;
      const options = optionsObject(node.arguments[0]);
      if (options) checkOptions(options);
    },
    CallExpression(node) {
      if (node.callee.type !== 'MemberExpression') return;
      const method = staticPropertyName(node.callee);
      const object = node.callee.object;
      if ((method === 'forRoot' || method === 'forRootAsync') && object.type === 'Identifier' && object.name === 'GraphQLModule') {
        const options = optionsObject(node.arguments[0]);
        if (options) checkOptions(options);
        return;
      }
      if (method !== 'set' || node.arguments.length !== 2) return;
      const [name, value] = node.arguments;
      if (name?.type !== 'Literal' || name.value !== 'env' || value?.type !== 'Literal' || typeof value.value !== 'string') return;
      if (!DEVELOPMENT.has(value.value) || !usesExpress() || environmentGuarded(node)) return;
      const statement = node.parent.type === 'ExpressionStatement' ? node.parent : undefined;
      context.report({
        node,
        messageId: 'forcedDevelopment',
        data: { setting: sourceCode.getText(node) },
        suggest: statement ? [{ messageId: 'removeCall', fix: (fixer) => fixer.removeRange(lineRange(statement)) }] : [],
      });
    },
  };

  /** The statement with its line break when it is alone on its line. */
  function lineRange(statement: TSESTree.Node): [number, number] {
    const text = sourceCode.text;
    const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', statement.range[1]);
    const end = lineEnd === -1 ? text.length : lineEnd + 1;
    const alone = text.slice(lineStart, statement.range[0]).trim() === '' && text.slice(statement.range[1], end).trim() === '';
    return alone ? [lineStart, end] : statement.range;
  }
}
