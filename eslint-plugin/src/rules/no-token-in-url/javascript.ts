import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  credentialParam,
  findQueryCredentials,
  isApiKeyName,
  isCredentialLiteral,
  isNonCredentialName,
  type CredentialParam,
  type QueryScanOptions,
  type UrlPart,
} from '../../detectors/token-names.js';
import { constantBinding, staticPropertyName } from '../../util/js-static-values.js';
import { reportCredential, type Context } from '../no-token-in-url.js';

type Node = TSESTree.Node;

/** Files without a credential-like word are skipped before any work. */
const PREFILTER = /token|jwt|key|auth|session|sessid|secret|passw|bearer/i;
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'fetch', 'jsonp']);
const HTTP_CLIENTS = new Set(['axios', 'ky', 'got', 'ofetch', '$fetch', 'useFetch', 'fetch', 'request', 'superagent', 'needle']);
/** Clients whose `query` option is the URL query (ofetch, Nuxt) or the socket.io handshake URL. */
const QUERY_OPTION_CLIENTS = new Set(['ofetch', '$fetch', 'useFetch', 'io']);
const WEBSOCKET_CLIENTS = new Set(['WebSocket', 'ReconnectingWebSocket', 'io', 'EventSource']);
const QUERY_STRING_MODULES = new Set(['qs', 'querystring', 'queryString']);
const PASS_THROUGH = new Set(['encodeURIComponent', 'encodeURI', 'String', 'escape', 'toString', 'trim']);

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'ChainExpression' ||
    current.type === 'AwaitExpression'
  ) {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

/** `name` of `name`, `a.name`, `getName()`; undefined otherwise. */
function nameOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return staticPropertyName(node);
  if (node.type === 'CallExpression') return nameOf(unwrap(node.callee));
  return undefined;
}

function isPlusChain(node: Node | undefined): node is TSESTree.BinaryExpression {
  return node?.type === 'BinaryExpression' && node.operator === '+';
}

export function javascriptVisitors(context: Context, scan: QueryScanOptions): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!PREFILTER.test(sourceCode.text)) return {};

  function constantString(node: Node): string | undefined {
    const current = unwrap(node);
    if (current.type === 'Literal') return typeof current.value === 'string' ? current.value : undefined;
    if (current.type === 'TemplateLiteral' && current.expressions.length === 0) return current.quasis[0]!.value.cooked ?? undefined;
    if (current.type === 'Identifier') {
      const binding = constantBinding(sourceCode, current);
      return binding?.id.type === 'Identifier' ? constantString(binding.init) : undefined;
    }
    return undefined;
  }

  function byName(name: string, param: CredentialParam): boolean {
    return param.needsKeyValue ? isApiKeyName(name) : !isNonCredentialName(name);
  }

  /** Whether a value put under a credential parameter is one: not a constant placeholder, a number, a cursor or a CSRF token. */
  function isCredentialValue(node: Node, param: CredentialParam, depth = 0): boolean {
    const current = unwrap(node);
    if (depth > 4) return false;
    const constant = constantString(current);
    if (constant !== undefined) return isCredentialLiteral(constant);
    switch (current.type) {
      case 'Literal':
      case 'UnaryExpression':
      case 'UpdateExpression':
        return false;
      case 'Identifier':
        return current.name !== 'undefined' && byName(current.name, param);
      case 'MemberExpression': {
        const name = staticPropertyName(current);
        return name === undefined ? !param.needsKeyValue : byName(name, param);
      }
      case 'CallExpression': {
        const callee = unwrap(current.callee);
        const name = nameOf(callee);
        if (name && PASS_THROUGH.has(name)) {
          const passed = current.arguments[0] ?? (callee.type === 'MemberExpression' ? callee.object : undefined);
          return passed !== undefined && passed.type !== 'SpreadElement' && isCredentialValue(passed, param, depth + 1);
        }
        return name === undefined ? !param.needsKeyValue : byName(name, param);
      }
      case 'TemplateLiteral':
        return current.expressions.some((expression) => isCredentialValue(expression, param, depth + 1));
      case 'ConditionalExpression':
        return [current.consequent, current.alternate].some((branch) => isCredentialValue(branch, param, depth + 1));
      case 'LogicalExpression':
        return [current.left, current.right].some((side) => isCredentialValue(side, param, depth + 1));
      case 'BinaryExpression':
        return current.operator === '+' && [current.left, current.right].some((side) => isCredentialValue(side as Node, param, depth + 1));
      default:
        return !param.needsKeyValue;
    }
  }

  // ---- URLs built from text ---------------------------------------------------------

  function templateParts(template: TSESTree.TemplateLiteral, out: UrlPart<Node>[]): void {
    template.quasis.forEach((quasi, index) => {
      out.push({ text: quasi.value.raw, start: quasi.range[0] + 1 });
      const expression = template.expressions[index];
      if (expression) out.push({ node: expression, start: expression.range[0], end: expression.range[1] });
    });
  }

  function flatten(node: Node, out: UrlPart<Node>[]): void {
    if (isPlusChain(node)) {
      flatten(node.left as Node, out);
      flatten(node.right, out);
    } else if (node.type === 'Literal' && typeof node.value === 'string') {
      out.push({ text: node.raw.slice(1, -1), start: node.range[0] + 1 });
    } else if (node.type === 'TemplateLiteral') {
      templateParts(node, out);
    } else {
      out.push({ node, start: node.range[0], end: node.range[1] });
    }
  }

  /** `new WebSocket(url)`: the URL goes to a client that cannot send headers. */
  function isWebSocketArgument(node: Node): boolean {
    const parent = node.parent;
    if ((parent?.type !== 'NewExpression' && parent?.type !== 'CallExpression') || parent.arguments[0] !== node) return false;
    const name = nameOf(unwrap(parent.callee));
    return name !== undefined && WEBSOCKET_CLIENTS.has(name);
  }

  function checkUrl(root: Node, parts: UrlPart<Node>[]): void {
    if (!parts.some((part) => 'text' in part && part.text.includes('='))) return;
    const websocket = isWebSocketArgument(root);
    for (const found of findQueryCredentials(parts, scan)) {
      const credential = 'node' in found.value ? isCredentialValue(found.value.node, found.param) : isCredentialLiteral(found.value.text);
      if (credential) reportCredential(context, found.range, found.name, found.param, websocket || found.websocket);
    }
  }

  // ---- query objects ------------------------------------------------------------------

  function checkQueryObject(object: TSESTree.ObjectExpression, websocket: boolean): void {
    for (const property of object.properties) {
      if (property.type !== 'Property') continue;
      const name = staticPropertyName(property);
      const param = name === undefined ? undefined : credentialParam(name);
      if (!param || scan.ignoreParams?.has(name!.toLowerCase()) || !isCredentialValue(property.value, param)) continue;
      reportCredential(context, property.range, name!, param, websocket);
    }
  }

  /** Whether a query string or URLSearchParams ends up in a URL: `${base}?${params}`, `url.search = params`. */
  function endsInUrl(expression: Node, depth = 0): boolean {
    let node = expression;
    // params.toString()
    while (node.parent?.type === 'MemberExpression' && node.parent.object === node && staticPropertyName(node.parent) === 'toString') {
      if (node.parent.parent?.type !== 'CallExpression') return false;
      node = node.parent.parent;
    }
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === 'TemplateLiteral' || isPlusChain(parent)) return true;
    if (parent.type === 'AssignmentExpression' && parent.right === node) {
      return parent.left.type === 'MemberExpression' && staticPropertyName(parent.left) === 'search';
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node && depth === 0) {
      return sourceCode
        .getDeclaredVariables(parent)
        .some((variable) => variable.references.some((reference) => !reference.init && endsInUrl(reference.identifier, depth + 1)));
    }
    return false;
  }

  /** `url.searchParams`, or a constant holding `new URLSearchParams()` that ends up in a URL. */
  function isUrlSearchParams(object: Node): boolean {
    const current = unwrap(object);
    if (current.type === 'MemberExpression') return staticPropertyName(current) === 'searchParams';
    if (current.type !== 'Identifier') return false;
    const binding = constantBinding(sourceCode, current);
    const init = binding && unwrap(binding.init);
    if (init?.type === 'MemberExpression') return staticPropertyName(init) === 'searchParams';
    return (
      init?.type === 'NewExpression' &&
      init.callee.type === 'Identifier' &&
      init.callee.name === 'URLSearchParams' &&
      endsInUrl(init)
    );
  }

  function checkCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    const method = nameOf(callee);
    // url.searchParams.set('access_token', token)
    if ((method === 'set' || method === 'append') && callee.type === 'MemberExpression' && isUrlSearchParams(callee.object)) {
      const [key, value] = call.arguments;
      const name = key && key.type !== 'SpreadElement' ? constantString(key) : undefined;
      const param = name === undefined || scan.ignoreParams?.has(name.toLowerCase()) ? undefined : credentialParam(name);
      if (param && value && value.type !== 'SpreadElement' && isCredentialValue(value, param)) {
        reportCredential(context, call.range, name!, param, false);
      }
      return;
    }
    // qs.stringify({ token }) inside a URL
    let root: Node = callee;
    while (root.type === 'MemberExpression') root = unwrap(root.object);
    const rootName = root.type === 'Identifier' ? root.name : undefined;
    const first = call.arguments[0] && unwrap(call.arguments[0]);
    if (method === 'stringify' && rootName && QUERY_STRING_MODULES.has(rootName)) {
      if (first?.type === 'ObjectExpression' && endsInUrl(call)) checkQueryObject(first, false);
      return;
    }
    // axios.get(url, { params: { api_key } }), io(url, { query: { token } })
    const isClient = (method !== undefined && HTTP_METHODS.has(method)) || (rootName !== undefined && HTTP_CLIENTS.has(rootName));
    const websocket = rootName === 'io';
    if (!isClient && !websocket) return;
    for (const argument of call.arguments) {
      const options = unwrap(argument);
      if (options.type !== 'ObjectExpression') continue;
      for (const property of options.properties) {
        if (property.type !== 'Property') continue;
        const key = staticPropertyName(property);
        const isQuery = key === 'params' || key === 'searchParams' || (key === 'query' && rootName !== undefined && QUERY_OPTION_CLIENTS.has(rootName));
        const value = unwrap(property.value);
        if (isQuery && value.type === 'ObjectExpression') checkQueryObject(value, websocket);
      }
    }
  }

  /** Whether the source of a node has `=` and `?` or `&`: no URL query can be built without them. */
  function mayHoldQuery(node: Node): boolean {
    const text = sourceCode.text;
    const [start, end] = node.range;
    // Within the node only: an unbounded indexOf would scan on to the file's next `?` for every template.
    let equals = false;
    let separator = false;
    for (let index = start; index < end && !(equals && separator); index++) {
      const code = text.charCodeAt(index);
      if (code === 0x3d) equals = true;
      else if (code === 0x3f || code === 0x26) separator = true;
    }
    return equals && separator;
  }

  return {
    Literal(node) {
      // A constant URL with a real credential in its query.
      if (typeof node.value !== 'string' || isPlusChain(node.parent) || !node.value.includes('?') || !node.value.includes('=')) return;
      checkUrl(node, [{ text: node.raw.slice(1, -1), start: node.range[0] + 1 }]);
    },
    TemplateLiteral(node) {
      if (node.parent.type === 'TaggedTemplateExpression' || isPlusChain(node.parent) || !mayHoldQuery(node)) return;
      const parts: UrlPart<Node>[] = [];
      templateParts(node, parts);
      checkUrl(node, parts);
    },
    BinaryExpression(node) {
      if (node.operator !== '+' || isPlusChain(node.parent) || !mayHoldQuery(node)) return;
      const parts: UrlPart<Node>[] = [];
      flatten(node, parts);
      if (parts.some((part) => 'text' in part)) checkUrl(node, parts);
    },
    CallExpression: checkCall,
    NewExpression(node) {
      // new URLSearchParams({ token }) inside a URL
      const first = node.arguments[0] && unwrap(node.arguments[0]);
      if (node.callee.type === 'Identifier' && node.callee.name === 'URLSearchParams' && first?.type === 'ObjectExpression' && endsInUrl(node)) {
        checkQueryObject(first, false);
      }
    },
  };
}
