import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrapValue } from '../../util/js-static-values.js';
import type { Context, MessageIds } from '../no-unsanitized-html.js';
import type { HtmlSettings } from './html-values.js';
import { htmlValues } from './html-values.js';

type Node = TSESTree.Node;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** A cheap look at the text first: most files have no HTML sink at all. */
const SINK_HINT = /dangerouslySetInnerHTML|(?:inner|outer)HTML|insertAdjacentHTML|\.write(?:ln)?\s*\(|createContextualFragment|\.html\s*\(/;
const DOM_PROPERTIES = new Set(['innerHTML', 'outerHTML']);
const DOMPURIFY_MODULES = new Set(['dompurify', 'isomorphic-dompurify']);
const JQUERY = new Set(['$', 'jQuery']);

export function javascriptVisitors(context: Context, settings: HtmlSettings): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!SINK_HINT.test(sourceCode.text)) return {};
  const values = htmlValues(sourceCode, settings);

  /** The name DOMPurify is bound to where `node` is: an import from dompurify, or a variable named DOMPurify. */
  function purifierName(node: Node): string | undefined {
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !DOMPURIFY_MODULES.has(statement.source.value)) continue;
      const specifier = statement.specifiers.find((candidate) => candidate.type !== AST_NODE_TYPES.ImportSpecifier);
      if (specifier) return specifier.local.name;
    }
    return ASTUtils.findVariable(sourceCode.getScope(node), 'DOMPurify') ? 'DOMPurify' : undefined;
  }

  function sanitizeSuggestion(value: Node): Suggestion {
    const text = sourceCode.getText(value);
    const argument = value.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
    const name = purifierName(value);
    if (name) {
      return { messageId: 'wrapInSanitize', data: { name }, fix: (fixer) => fixer.replaceText(value, `${name}.sanitize(${argument})`) };
    }
    const imports = sourceCode.ast.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
    const lastImport = imports[imports.length - 1];
    if (!lastImport) {
      return { messageId: 'wrapInSanitizeNeedsImport', fix: (fixer) => fixer.replaceText(value, `DOMPurify.sanitize(${argument})`) };
    }
    const quote = lastImport.source.raw[0] ?? "'";
    const semicolon = sourceCode.getText(lastImport).endsWith(';') ? ';' : '';
    return {
      messageId: 'wrapInSanitizeAndImport',
      fix: (fixer) => [
        fixer.replaceText(value, `DOMPurify.sanitize(${argument})`),
        fixer.insertTextAfter(lastImport, `\nimport DOMPurify from ${quote}dompurify${quote}${semicolon}`),
      ],
    };
  }

  /** Reports `value` when it can carry markup into `sink`; `script`: the sink is a <script> element's content. */
  function check(value: Node, sink: string, script = false, verdict = values.classify(value)): void {
    if (verdict.kind === 'safe') return;
    if (script) {
      const inner = unwrapValue(value);
      const isStringify = inner.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(inner.callee) === 'JSON.stringify';
      context.report({
        node: value,
        messageId: verdict.kind === 'json' ? 'jsonInScript' : 'scriptContent',
        data: { sink },
        suggest: isStringify ? [{ messageId: 'escapeJson', fix: (fixer) => fixer.insertTextAfter(inner, ".replace(/</g, '\\\\u003c')") }] : [],
      });
      return;
    }
    context.report({
      node: value,
      messageId: verdict.kind === 'markdown' ? 'markdown' : 'unsanitized',
      data: { sink, renderer: verdict.kind === 'markdown' ? verdict.renderer : '' },
      // A function passed to jQuery's .html() returns the HTML: no single value to wrap.
      suggest: value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression ? [] : [sanitizeSuggestion(value)],
    });
  }

  /** `{ __html: value }`, given literally, by a same-file constant, or returned by a same-file function. */
  function checkDangerousObject(expression: Node, script: boolean): void {
    let object = values.constantObject(expression);
    const inner = unwrapValue(expression);
    if (!object && inner.type === AST_NODE_TYPES.CallExpression && inner.arguments.length === 0) {
      const fn = values.localFunction(inner.callee);
      const body = fn?.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.find((statement) => statement.type === AST_NODE_TYPES.ReturnStatement)?.argument : fn?.body;
      object = body ? values.constantObject(body) : undefined;
    }
    const html = object?.properties.find(
      (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticPropertyName(property) === '__html',
    );
    if (html) check(html.value, 'dangerouslySetInnerHTML', script);
  }

  /** `document`, `window.document`, `frame.contentDocument`, or a constant holding one. */
  function isDocument(input: Node, depth = 0): boolean {
    const node = unwrapValue(input);
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(node);
      return name === 'document' || name === 'contentDocument';
    }
    if (node.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
    if (!variable || variable.defs.length === 0) return node.name === 'document';
    const def = variable.defs[0]!;
    return variable.defs.length === 1 && def.node.type === AST_NODE_TYPES.VariableDeclarator && !!def.node.init && isDocument(def.node.init, depth + 1);
  }

  return {
    JSXAttribute(node) {
      if (node.name.type !== AST_NODE_TYPES.JSXIdentifier || node.name.name !== 'dangerouslySetInnerHTML') return;
      if (node.value?.type !== AST_NODE_TYPES.JSXExpressionContainer || node.value.expression.type === AST_NODE_TYPES.JSXEmptyExpression) return;
      const element = node.parent.name;
      const script = element.type === AST_NODE_TYPES.JSXIdentifier && element.name.toLowerCase() === 'script';
      checkDangerousObject(node.value.expression, script);
    },
    // React.createElement('div', { dangerouslySetInnerHTML: { __html: html } }), or props spread later.
    Property(node) {
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || staticPropertyName(node) !== 'dangerouslySetInnerHTML') return;
      const call = node.parent.parent;
      const tag = call.type === AST_NODE_TYPES.CallExpression && call.arguments[1] === node.parent ? call.arguments[0] : undefined;
      const script = tag?.type === AST_NODE_TYPES.Literal && tag.value === 'script';
      checkDangerousObject(node.value, script);
    },
    AssignmentExpression(node) {
      if (node.operator !== '=' && node.operator !== '+=') return;
      const target = unwrapValue(node.left);
      if (target.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = staticPropertyName(target);
      if (name && DOM_PROPERTIES.has(name)) check(node.right, name);
    },
    CallExpression(node) {
      const callee = unwrapValue(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = staticPropertyName(callee);
      const [first, second] = node.arguments;
      switch (method) {
        case 'insertAdjacentHTML':
          if (second) check(second, 'insertAdjacentHTML()');
          return;
        case 'createContextualFragment':
          if (first) check(first, 'createContextualFragment()');
          return;
        case 'write':
        case 'writeln':
          if (!isDocument(callee.object)) return;
          for (const argument of node.arguments) if (argument.type !== AST_NODE_TYPES.SpreadElement) check(argument, `document.${method}()`);
          return;
        case 'html': {
          // jQuery only: `$(selector).html(value)`; `.html()` with no argument reads.
          const receiver = unwrapValue(callee.object);
          const isJquery = receiver.type === AST_NODE_TYPES.CallExpression && receiver.callee.type === AST_NODE_TYPES.Identifier && JQUERY.has(receiver.callee.name);
          if (!isJquery || !first || first.type === AST_NODE_TYPES.SpreadElement) return;
          const inner = unwrapValue(first);
          const isFunction = inner.type === AST_NODE_TYPES.ArrowFunctionExpression || inner.type === AST_NODE_TYPES.FunctionExpression;
          check(first, 'jQuery .html()', false, isFunction ? values.returns(inner) : undefined);
          return;
        }
        default:
      }
    },
  };
}
