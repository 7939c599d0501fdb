import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { disablesNodeTlsVerification, hostKind, isLocalUrl, NODE_TLS_ENV } from '../../detectors/transport-security.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import type { CallNode } from '../require-database-tls/javascript-strings.js';
import { enclosingObjects, literalSettings } from '../require-database-tls/javascript-strings.js';
import type { Context, Edit, Report } from '../no-disabled-tls-verification.js';

const PREFILTER = /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|strictSSL|checkServerIdentity/;
/** Options whose `false` turns certificate verification off: Node's tls/https (and everything built on them), request's `strictSSL`. */
const VERIFY_OPTIONS = new Set(['rejectUnauthorized', 'strictSSL']);
const HOST_KEYS = new Set(['host', 'hostname', 'servername']);
const URL_KEYS = new Set(['url', 'uri', 'baseURL', 'baseUrl', 'prefixUrl', 'href', 'connectionString']);
const CA_ADVICE = "pass its certificate with ca: fs.readFileSync('ca.pem')";

function isFalse(node: TSESTree.Node): node is TSESTree.BooleanLiteral {
  return node.type === AST_NODE_TYPES.Literal && node.value === false;
}

/** `() => undefined`, `() => {}`, `function () { return; }`: a `checkServerIdentity` that accepts every certificate. */
function acceptsEverything(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const body = node.body;
  const accepts = (value: TSESTree.Node | null): boolean =>
    value === null ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void');
  if (body.type !== AST_NODE_TYPES.BlockStatement) return accepts(body);
  return body.body.every((statement) => statement.type === AST_NODE_TYPES.ReturnStatement && accepts(statement.argument));
}

export function javascriptVisitors(context: Context, report: Report): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!PREFILTER.test(sourceCode.text)) return {};

  /**
   * Whether the connection goes to a local or private host named literally: in
   * the options object (`host: 'localhost'`), in the call it is passed to, or in
   * the call an agent built from it is passed to (`axios.get(url, { httpsAgent: new Agent({...}) })`).
   */
  function targetsLocalHost(object: TSESTree.ObjectExpression): boolean {
    let current: TSESTree.ObjectExpression | undefined = object;
    for (let hop = 0; current && hop < 3; hop++) {
      const { objects, call }: { objects: TSESTree.ObjectExpression[]; call: CallNode | undefined } = enclosingObjects(current);
      const local = literalSettings(objects, call).some(({ key, value }) =>
        HOST_KEYS.has(key) ? ['local', 'private'].includes(hostKind(value, { allowPrivateHosts: true })) : URL_KEYS.has(key) && isLocalUrl(value),
      );
      if (local) return true;
      const parent: TSESTree.Node | undefined = call?.parent;
      current = parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression ? parent.parent : undefined;
    }
    return false;
  }

  /** Removes a property with its comma: its whole line when it is alone on it, else just the text. */
  function removeProperty(property: TSESTree.Property): Edit {
    const text = sourceCode.text;
    const after = sourceCode.getTokenAfter(property);
    const end = after?.value === ',' ? after.range[1] : property.range[1];
    const lineStart = text.lastIndexOf('\n', property.range[0] - 1) + 1;
    const newline = text.indexOf('\n', end);
    if (newline !== -1 && /^[ \t]*$/.test(text.slice(lineStart, property.range[0])) && /^[ \t]*\r?$/.test(text.slice(end, newline))) {
      return { range: [lineStart, newline + 1], text: '' };
    }
    if (after?.value === ',') {
      const next = sourceCode.getTokenAfter(after, { includeComments: true });
      return { range: [property.range[0], next ? next.range[0] : after.range[1]], text: '' };
    }
    const before = sourceCode.getTokenBefore(property);
    return { range: [before?.value === ',' ? before.range[0] : property.range[0], property.range[1]], text: '' };
  }

  /** Removes a statement, with its line when nothing else is on it. */
  function removeStatement(statement: TSESTree.ExpressionStatement): Edit {
    const text = sourceCode.text;
    const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const newline = text.indexOf('\n', statement.range[1]);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const alone = /^[ \t]*$/.test(text.slice(lineStart, statement.range[0])) && /^[ \t]*\r?\n?$/.test(text.slice(statement.range[1], lineEnd));
    return { range: alone ? [lineStart, lineEnd] : statement.range, text: '' };
  }

  function isEnvObject(node: TSESTree.Node): boolean {
    return sourceCode.getText(node).replace(/\s/g, '') === 'process.env';
  }

  return {
    Property(node: TSESTree.Property) {
      const name = staticPropertyName(node);
      if (name === undefined || node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const setting = `${name}: ${sourceCode.getText(node.value)}`;
      if (VERIFY_OPTIONS.has(name) && isFalse(node.value)) {
        if (targetsLocalHost(node.parent)) return;
        report({
          range: node.range,
          kind: 'certificate',
          setting,
          instead: CA_ADVICE,
          enable: { range: node.value.range, text: 'true', replacement: `${name}: true` },
        });
      } else if (name === 'checkServerIdentity' && acceptsEverything(node.value)) {
        if (targetsLocalHost(node.parent)) return;
        report({ range: node.range, kind: 'hostname', setting: 'checkServerIdentity returning undefined', remove: removeProperty(node) });
      } else if (name === NODE_TLS_ENV && node.value.type === AST_NODE_TYPES.Literal && disablesNodeTlsVerification(node.value.value as string)) {
        // `spawn(cmd, { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } })`
        report({ range: node.range, kind: 'environment', setting: `${NODE_TLS_ENV}=0`, remove: removeProperty(node) });
      }
    },
    AssignmentExpression(node: TSESTree.AssignmentExpression) {
      const { left, right } = node;
      if (node.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = staticPropertyName(left);
      if (name === NODE_TLS_ENV && isEnvObject(left.object) && right.type === AST_NODE_TYPES.Literal && disablesNodeTlsVerification(right.value as string)) {
        const statement = node.parent.type === AST_NODE_TYPES.ExpressionStatement ? node.parent : undefined;
        report({
          range: node.range,
          kind: 'environment',
          setting: `${NODE_TLS_ENV}=0`,
          remove: statement && removeStatement(statement),
        });
      } else if (name !== undefined && VERIFY_OPTIONS.has(name) && isFalse(right)) {
        // `https.globalAgent.options.rejectUnauthorized = false`
        report({
          range: node.range,
          kind: 'certificate',
          setting: `${name} = false`,
          instead: CA_ADVICE,
          enable: { range: right.range, text: 'true', replacement: `${name} = true` },
        });
      }
    },
  };
}
