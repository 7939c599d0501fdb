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
import { callArguments, dottedName, isFString, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import { reportCredential, type Context } from '../no-token-in-url.js';

const PREFILTER = /token|jwt|key|auth|session|sessid|secret|passw|bearer/i;
/** HTTP client calls whose `params=` is the URL query (requests, httpx, aiohttp). */
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'Client', 'AsyncClient', 'Request', 'ws_connect']);
const PASS_THROUGH = new Set(['str', 'quote', 'quote_plus', 'urllib.parse.quote', 'urllib.parse.quote_plus', 'parse.quote']);
/** Lookups whose first argument names the value: `os.getenv("API_KEY")`, `config("API_KEY")`. */
const LOOKUPS = new Set(['getenv', 'get', 'config', 'env', 'environ', 'get_secret']);
const WEBSOCKET_CLIENTS = /(?:^|\.)(?:connect|ws_connect|create_connection|WebSocketApp)$/;
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}]*)\}/g;
const PERCENT_FIELD = /%%|%(?:\(([^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]/g;

function unparenthesized(node: PythonNode | undefined): PythonNode | undefined {
  let current = node;
  while (current?.type === 'parenthesized_expression' && current.children.length === 1) current = current.children[0];
  return current;
}

function isPlus(node: PythonNode | undefined): boolean {
  return node?.type === 'binary_operator' && field(node, 'operator')?.type === '+';
}

export function pythonVisitors(context: Context, scan: QueryScanOptions): Record<string, (node: never) => void> {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  if (!PREFILTER.test(text)) return {};
  const textOf = (node: PythonNode | undefined): string => (node ? nodeText(node, text) : '');
  let moduleStrings: Map<string, string | null> | undefined;

  /** Module-level names bound once to a string literal (`null` when bound more than once). */
  function moduleConstant(name: string): string | undefined {
    if (!moduleStrings) {
      moduleStrings = new Map();
      for (const statement of sourceCode.ast.children) {
        const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
        const left = assignment?.type === 'assignment' ? field(assignment, 'left') : undefined;
        if (left?.type !== 'identifier') continue;
        const key = nodeText(left, text);
        const value = stringValue(field(assignment!, 'right'), text);
        moduleStrings.set(key, moduleStrings.has(key) || value === undefined ? null : value);
      }
    }
    return moduleStrings.get(name) ?? undefined;
  }

  function byName(name: string, param: CredentialParam): boolean {
    return param.needsKeyValue ? isApiKeyName(name) : !isNonCredentialName(name);
  }

  function isCredentialValue(node: PythonNode | undefined, param: CredentialParam, depth = 0): boolean {
    const current = unparenthesized(node);
    if (!current || depth > 4) return false;
    switch (current.type) {
      case 'string':
      case 'concatenated_string': {
        const value = stringValue(current, text);
        if (value !== undefined) return isCredentialLiteral(value);
        return current.children.some((child) => child.type === 'interpolation' && isCredentialValue(field(child, 'expression'), param, depth + 1));
      }
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
      case 'unary_operator':
        return false;
      case 'identifier': {
        const name = nodeText(current, text);
        const constant = moduleConstant(name);
        return constant !== undefined ? isCredentialLiteral(constant) : byName(name, param);
      }
      case 'attribute':
        return byName(textOf(field(current, 'attribute')), param);
      case 'subscript': {
        const key = stringValue(field(current, 'subscript'), text);
        return key !== undefined ? byName(key, param) : isCredentialValue(field(current, 'value'), param, depth + 1);
      }
      case 'call': {
        const callee = dottedName(field(current, 'function'), text) ?? '';
        const last = callee.split('.').pop()!;
        const first = callArguments(current, text).positional[0];
        if (PASS_THROUGH.has(callee) || PASS_THROUGH.has(last)) return isCredentialValue(first, param, depth + 1);
        const looked = LOOKUPS.has(last) ? stringValue(first, text) : undefined;
        if (looked !== undefined) return byName(looked, param);
        return last === '' ? !param.needsKeyValue : byName(last, param);
      }
      case 'conditional_expression':
      case 'boolean_operator':
        return current.children.some((child) => child.type !== 'comparison_operator' && child.field !== 'operator' && isCredentialValue(child, param, depth + 1));
      case 'binary_operator':
        return isPlus(current) && [field(current, 'left'), field(current, 'right')].some((side) => isCredentialValue(side, param, depth + 1));
      default:
        return !param.needsKeyValue;
    }
  }

  // ---- URLs built from text ---------------------------------------------------------

  /** The raw text between a string's quotes, with its offset. */
  function stringContent(node: PythonNode): { text: string; start: number } | undefined {
    const start = node.children.find((child) => child.type === 'string_start');
    const end = node.children.find((child) => child.type === 'string_end');
    if (!start || !end) return undefined;
    return { text: text.slice(start.range[1], end.range[0]), start: start.range[1] };
  }

  function stringParts(node: PythonNode, out: UrlPart<PythonNode>[]): void {
    if (node.type === 'concatenated_string') {
      for (const child of node.children) stringParts(child, out);
      return;
    }
    if (!isFString(node, text)) {
      const content = stringContent(node);
      if (content) out.push(content);
      return;
    }
    for (const child of node.children) {
      if (child.type === 'string_content') out.push({ text: nodeText(child, text), start: child.range[0] });
      else if (child.type === 'interpolation') {
        const expression = field(child, 'expression');
        if (expression) out.push({ node: expression, start: child.range[0], end: child.range[1] });
      }
    }
  }

  function flatten(node: PythonNode, out: UrlPart<PythonNode>[]): void {
    const current = unparenthesized(node)!;
    if (isPlus(current)) {
      for (const side of [field(current, 'left'), field(current, 'right')]) if (side) flatten(side, out);
    } else if (current.type === 'string' || current.type === 'concatenated_string') {
      stringParts(current, out);
    } else {
      out.push({ node: current, start: current.range[0], end: current.range[1] });
    }
  }

  /** `"…?token={}".format(t)` and `"…?token=%s" % t`: the template's fields filled with the arguments. */
  function templateParts(template: PythonNode, fields: RegExp, fill: (name: string | undefined, index: number) => PythonNode | undefined): UrlPart<PythonNode>[] {
    const content = template.type === 'string' && !isFString(template, text) ? stringContent(template) : undefined;
    if (!content) return [];
    const parts: UrlPart<PythonNode>[] = [];
    let last = 0;
    let index = 0;
    for (const match of content.text.matchAll(fields)) {
      if (match[0] === '{{' || match[0] === '}}' || match[0] === '%%') continue;
      parts.push({ text: content.text.slice(last, match.index), start: content.start + last });
      const argument = fill(match[1], index++);
      const start = content.start + match.index;
      if (argument) parts.push({ node: argument, start, end: start + match[0].length });
      last = match.index + match[0].length;
    }
    parts.push({ text: content.text.slice(last), start: content.start + last });
    return parts;
  }

  function isWebSocketArgument(node: PythonNode): boolean {
    const list = parent(node);
    const call = list && parent(list);
    if (list?.type !== 'argument_list' || call?.type !== 'call' || list.children[0] !== node) return false;
    return WEBSOCKET_CLIENTS.test(dottedName(field(call, 'function'), text) ?? '');
  }

  function checkUrl(root: PythonNode, parts: UrlPart<PythonNode>[]): void {
    if (!parts.some((part) => 'text' in part && part.text.includes('='))) return;
    const websocket = isWebSocketArgument(root);
    for (const found of findQueryCredentials(parts, scan)) {
      const credential = 'node' in found.value ? isCredentialValue(found.value.node, found.param) : isCredentialLiteral(found.value.text);
      if (credential) reportCredential(context, found.range, found.name, found.param, websocket || found.websocket);
    }
  }

  // ---- query dicts --------------------------------------------------------------------

  function checkQueryDict(dict: PythonNode): void {
    for (const pair of dict.children) {
      if (pair.type !== 'pair') continue;
      const name = stringValue(field(pair, 'key'), text);
      const param = name === undefined || scan.ignoreParams?.has(name.toLowerCase()) ? undefined : credentialParam(name);
      if (param && isCredentialValue(field(pair, 'value'), param)) reportCredential(context, pair.range, name!, param, false);
    }
  }

  /** Whether a query string ends up in a URL: in an f-string, a concatenation, `.format()` or `%`. */
  function endsInUrl(expression: PythonNode, depth = 0): boolean {
    let node = expression;
    while (parent(node)?.type === 'parenthesized_expression') node = parent(node)!;
    const holder = parent(node);
    if (!holder) return false;
    if (holder.type === 'interpolation' || isPlus(holder)) return true;
    if (holder.type === 'binary_operator' && field(holder, 'operator')?.type === '%') return true;
    if (holder.type === 'argument_list') {
      const call = parent(holder);
      const fn = call && field(call, 'function');
      return fn?.type === 'attribute' && textOf(field(fn, 'attribute')) === 'format';
    }
    if (holder.type !== 'assignment' || field(holder, 'right') !== node || depth > 0) return false;
    const left = field(holder, 'left');
    if (left?.type !== 'identifier') return false;
    const name = nodeText(left, text);
    let scope: PythonNode | undefined = holder;
    while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = parent(scope);
    let found = false;
    const visit = (current: PythonNode): void => {
      for (const child of current.children) {
        if (found) return;
        if (child !== left && child.type === 'identifier' && nodeText(child, text) === name) found = endsInUrl(child, depth + 1);
        else visit(child);
      }
    };
    if (scope) visit(scope);
    return found;
  }

  function checkCall(call: PythonNode): void {
    const fn = field(call, 'function');
    const args = callArguments(call, text);
    // "…?token={}".format(token)
    if (fn?.type === 'attribute' && textOf(field(fn, 'attribute')) === 'format') {
      const template = unparenthesized(field(fn, 'object'));
      if (!template) return;
      const parts = templateParts(template, FORMAT_FIELD, (name = '', index) => {
        const base = name.split(/[.[!:]/)[0]!;
        if (base === '') return args.positional[index];
        return /^\d+$/.test(base) ? args.positional[Number(base)] : args.keywords.get(base);
      });
      checkUrl(call, parts);
      return;
    }
    const callee = dottedName(fn, text) ?? '';
    const last = callee.split('.').pop()!;
    // urlencode({"token": token}) inside a URL
    if (last === 'urlencode') {
      const dict = unparenthesized(args.positional[0]);
      if (dict?.type === 'dictionary' && endsInUrl(call)) checkQueryDict(dict);
      return;
    }
    // requests.get(url, params={"api_key": key})
    const params = unparenthesized(args.keywords.get('params'));
    if (params?.type === 'dictionary' && HTTP_METHODS.has(last)) checkQueryDict(params);
  }

  return {
    string(node: PythonNode) {
      const holder = parent(node);
      if (holder?.type === 'concatenated_string' || isPlus(holder)) return;
      if (holder?.type === 'attribute' || (holder?.type === 'binary_operator' && field(holder, 'left') === node)) return;
      const raw = nodeText(node, text);
      if (!raw.includes('=') || (!raw.includes('?') && !raw.includes('&'))) return;
      const parts: UrlPart<PythonNode>[] = [];
      stringParts(node, parts);
      checkUrl(node, parts);
    },
    concatenated_string(node: PythonNode) {
      if (isPlus(parent(node))) return;
      const parts: UrlPart<PythonNode>[] = [];
      stringParts(node, parts);
      checkUrl(node, parts);
    },
    binary_operator(node: PythonNode) {
      const operator = field(node, 'operator')?.type;
      if (operator === '%') {
        const template = unparenthesized(field(node, 'left'));
        const right = unparenthesized(field(node, 'right'));
        if (template?.type !== 'string' || !right) return;
        const parts = templateParts(template, PERCENT_FIELD, (name, index) => {
          if (name !== undefined && right.type === 'dictionary') {
            const pair = right.children.find((child) => child.type === 'pair' && stringValue(field(child, 'key'), text) === name);
            return pair && field(pair, 'value');
          }
          return right.type === 'tuple' ? right.children[index] : index === 0 ? right : undefined;
        });
        checkUrl(node, parts);
        return;
      }
      if (operator !== '+' || isPlus(parent(node))) return;
      const parts: UrlPart<PythonNode>[] = [];
      flatten(node, parts);
      if (parts.some((part) => 'text' in part)) checkUrl(node, parts);
    },
    call: checkCall,
  };
}
