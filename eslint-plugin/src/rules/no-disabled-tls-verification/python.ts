import type { TSESLint } from '@typescript-eslint/utils';
import { isLocalUrl } from '../../detectors/transport-security.js';
import { callArguments, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { importedName, importedNames } from '../../languages/python/python-scope.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, Report, VerificationFinding } from '../no-disabled-tls-verification.js';

const PREFILTER = /verify|CERT_NONE|_create_unverified_context|check_hostname|ssl|cert_reqs|tlsAllowInvalid|tlsInsecure|validate_certs/;
/** Keyword arguments whose `False` turns certificate verification off (requests, httpx, boto3, hvac, elasticsearch, aiohttp, ansible, docker). */
const VERIFY_KEYWORDS = new Set(['verify', 'verify_ssl', 'verify_certs', 'ssl_verify', 'tls_verify', 'validate_certs']);
/** Keyword arguments whose `True` does (pymongo). */
const INSECURE_KEYWORDS = new Set(['tlsAllowInvalidCertificates', 'tlsInsecure', 'ssl_allow_invalid_certificates']);
const HOSTNAME_KEYWORDS = new Set(['check_hostname', 'ssl_check_hostname', 'assert_hostname', 'tlsAllowInvalidHostnames']);
/** `verify=False` means "do not check the signature" to JWT libraries: no-insecure-jwt's finding. */
const NOT_TLS_CALLEE = /jwt|jws|jwe|jose|(?:^|\.)(?:decode|decode_complete|verify|loads|get_unverified_header)$/i;
/** aiohttp calls whose `ssl=False` skips verification (elsewhere `ssl=False` turns TLS off: require-database-tls / require-redis-tls). */
const AIOHTTP_CALLS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'ws_connect', 'TCPConnector']);
const HTTP_CLIENT_NAME = /session|client|http|requests|adapter|api|^s$/i;
const CERT_REQS_KEYWORDS = new Set(['cert_reqs', 'ssl_cert_reqs']);
const CA_ADVICE = 'verify="/path/to/ca.pem" or REQUESTS_CA_BUNDLE';
const CONTEXT_ADVICE = 'ssl.create_default_context(cafile="/path/to/ca.pem")';

export function pythonVisitors(context: Context, report: Report): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  if (!PREFILTER.test(text)) return {};
  let imports: Map<string, string> | undefined;
  const qualified = (node: PythonNode | undefined): string => {
    imports ??= importedNames(sourceCode.ast, text);
    return importedName(node, text, imports) ?? dottedName(node, text) ?? '';
  };

  /** `requests.get("https://localhost:8443/health", verify=False)`: a local development server. */
  function callsLocalUrl(positional: PythonNode[], keywords: Map<string, PythonNode>): boolean {
    const url = positional.find((argument) => argument.type === 'string') ?? keywords.get('url') ?? keywords.get('base_url');
    return url?.type === 'string' && isLocalUrl(nodeText(url, text));
  }

  function flag(argument: PythonNode, finding: Omit<VerificationFinding, 'range' | 'setting'>): void {
    report({ range: argument.range, setting: nodeText(argument, text), ...finding });
  }

  function checkCall(call: PythonNode): void {
    const { positional, keywords } = callArguments(call, text);
    if (keywords.size === 0) return;
    const callee = qualified(field(call, 'function'));
    const last = callee.split('.').pop() ?? '';
    let local: boolean | undefined;
    const isLocal = (): boolean => (local ??= callsLocalUrl(positional, keywords));
    for (const [name, value] of keywords) {
      const argument = parent(value)!;
      if (value.type === 'false' && (VERIFY_KEYWORDS.has(name) || (name === 'ssl' && AIOHTTP_CALLS.has(last)))) {
        if ((name === 'verify' && NOT_TLS_CALLEE.test(callee)) || isLocal()) continue;
        const instead = name === 'ssl' ? CONTEXT_ADVICE : CA_ADVICE;
        flag(argument, { kind: 'certificate', instead, enable: { range: value.range, text: 'True', replacement: `${name}=True` } });
      } else if (value.type === 'true' && INSECURE_KEYWORDS.has(name)) {
        if (isLocal()) continue;
        flag(argument, { kind: 'certificate', instead: 'tlsCAFile="/path/to/ca.pem"', enable: { range: value.range, text: 'False', replacement: `${name}=False` } });
      } else if (HOSTNAME_KEYWORDS.has(name) && (name === 'tlsAllowInvalidHostnames' ? value.type === 'true' : value.type === 'false')) {
        if (isLocal()) continue;
        const fixed = value.type === 'true' ? 'False' : 'True';
        flag(argument, { kind: 'hostname', enable: { range: value.range, text: fixed, replacement: `${name}=${fixed}` } });
      } else if (CERT_REQS_KEYWORDS.has(name)) {
        const literal = value.type === 'none' ? 'none' : stringValue(value, text)?.toLowerCase();
        if ((literal !== 'none' && literal !== 'cert_none') || isLocal()) continue;
        const required = literal === 'cert_none' ? 'CERT_REQUIRED' : 'required';
        flag(argument, { kind: 'certificate', instead: CONTEXT_ADVICE, enable: { range: value.range, text: `"${required}"`, replacement: `${name}="${required}"` } });
      }
    }
  }

  /** `session.verify = False`, `ctx.check_hostname = False`, `configuration.verify_ssl = False`. */
  function checkAssignment(assignment: PythonNode): void {
    const left = field(assignment, 'left');
    const right = field(assignment, 'right');
    if (left?.type !== 'attribute' || right?.type !== 'false') return;
    const attribute = nodeText(field(left, 'attribute')!, text);
    const kind = VERIFY_KEYWORDS.has(attribute) ? 'certificate' : attribute === 'check_hostname' ? 'hostname' : undefined;
    // A bare `.verify` is requests' only on an HTTP session or client; other objects use the word for other checks.
    if (!kind || (attribute === 'verify' && !HTTP_CLIENT_NAME.test(nodeText(field(left, 'object')!, text)))) return;
    report({
      range: assignment.range,
      kind,
      setting: `${attribute} = False`,
      instead: CA_ADVICE,
      enable: { range: right.range, text: 'True', replacement: `${attribute} = True` },
    });
  }

  /** `ssl.CERT_NONE` set as a value; not compared against, not one choice of a conditional or a lookup table. */
  function checkCertNone(node: PythonNode): void {
    let current = node;
    let container = parent(node);
    while (container?.type === 'parenthesized_expression') [current, container] = [container, parent(container)];
    if (!container || ['comparison_operator', 'conditional_expression', 'import_from_statement', 'aliased_import', 'dotted_name'].includes(container.type)) return;
    if (container.type === 'pair' && parent(container)?.children.some((pair) => /CERT_REQUIRED/.test(nodeText(pair, text)))) return;
    const isAttribute = node.type === 'attribute';
    report({
      range: current.range,
      kind: 'certificate',
      setting: nodeText(node, text),
      instead: CONTEXT_ADVICE,
      enable: isAttribute ? { range: field(node, 'attribute')!.range, text: 'CERT_REQUIRED', replacement: nodeText(node, text).replace(/CERT_NONE$/, 'CERT_REQUIRED') } : undefined,
    });
  }

  function checkUnverifiedContext(node: PythonNode): void {
    const container = parent(node);
    if (container && ['import_from_statement', 'aliased_import', 'dotted_name'].includes(container.type)) return;
    const isAttribute = node.type === 'attribute';
    report({
      range: node.range,
      kind: 'certificate',
      setting: nodeText(node, text),
      instead: CONTEXT_ADVICE,
      enable: isAttribute
        ? { range: field(node, 'attribute')!.range, text: 'create_default_context', replacement: nodeText(node, text).replace(/_create_unverified_context$/, 'create_default_context') }
        : undefined,
    });
  }

  /** The name an identifier or attribute ends with, when the node is not the object part of a longer attribute. */
  function leafName(node: PythonNode): string | undefined {
    const container = parent(node);
    if (node.type === 'identifier' && container?.type === 'attribute') return undefined;
    if (node.type === 'attribute') return nodeText(field(node, 'attribute')!, text);
    return nodeText(node, text);
  }

  const namesCertNone = text.includes('CERT_NONE') || text.includes('_create_unverified_context');
  return {
    call: checkCall,
    assignment: checkAssignment,
    'attribute, identifier'(node: PythonNode) {
      if (!namesCertNone) return;
      const name = leafName(node);
      if (name === 'CERT_NONE') {
        const resolved = node.type === 'identifier' ? qualified(node) : nodeText(node, text);
        if (node.type === 'attribute' || resolved === 'ssl.CERT_NONE') checkCertNone(node);
      } else if (name === '_create_unverified_context') {
        checkUnverifiedContext(node);
      }
    },
  };
}
