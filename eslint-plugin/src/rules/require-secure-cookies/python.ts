import type { TSESLint } from '@typescript-eslint/utils';
import type { CookieFlag } from '../../detectors/cookies.js';
import { COOKIE_SETTINGS, cookieNameFromIdentifier, isDevelopmentSettings, MAY_SET_COOKIES } from '../../detectors/cookies.js';
import { callArguments, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import { enclosing, pythonValues } from '../no-permissive-cors/python-values.js';
import type { Context, Settings, Suggestion } from '../require-secure-cookies.js';
import { flagsText, missingMessage } from '../require-secure-cookies.js';

type Fixer = TSESLint.RuleFixer;

const FLAGS: readonly CookieFlag[] = ['httpOnly', 'secure'];
const SPELLING: Record<CookieFlag, string> = { httpOnly: 'httponly=True', secure: 'secure=True' };
const KEYWORDS: Record<CookieFlag, string> = { httpOnly: 'httponly', secure: 'secure' };
/** Positions of the flags in Starlette's, Werkzeug's and Django's `set_cookie(key, value, max_age, expires, path, domain, secure, httponly)`. */
const POSITIONS: Record<CookieFlag, number> = { secure: 6, httpOnly: 7 };
const SETTERS = new Set(['set_cookie', 'set_signed_cookie']);
/** Test clients and cookie jars set cookies on a request, not on a response. */
const NOT_RESPONSES = /(?:^|[._])(?:client|test_client|jar|cookie_jar|cookiejar|cookies)$/i;
const CONTAINERS = new Set(['class_definition', 'function_definition']);

interface FlagState {
  value: 'on' | 'off' | 'missing';
  node?: PythonNode;
}

export function pythonVisitors(context: Context, settings: Settings): Record<string, (node: never) => void> {
  const text = treeSourceCode<PythonNode>(context).text;
  if (!MAY_SET_COOKIES.test(text)) return {};
  let root: PythonNode | undefined;
  const values = pythonValues(text, () => root);

  /** A cookie name: the string (f-string parts as `*`), or what a constant's name says; and how messages show it. */
  function cookieName(node: PythonNode | undefined): { match: string; display: string } | undefined {
    const resolved = values.resolve(node);
    if (!node || !resolved) return undefined;
    let value = stringValue(resolved, text);
    if (value === undefined && resolved.type === 'string') {
      const parts = resolved.children.map((child) => (child.type === 'string_content' ? nodeText(child, text) : child.type === 'interpolation' ? '*' : ''));
      value = parts.join('').replaceAll('*', '') === '' ? undefined : parts.join('');
      if (value === undefined) return undefined;
    }
    if (value !== undefined) return { match: value, display: `"${value}"` };
    const name = resolved.type === 'identifier' ? nodeText(resolved, text) : resolved.type === 'attribute' ? nodeText(field(resolved, 'attribute')!, text) : undefined;
    const hint = name === undefined ? '' : cookieNameFromIdentifier(name);
    return hint === '' ? undefined : { match: hint, display: nodeText(node, text) };
  }

  /** Keyword arguments appended after a call's last argument, following its layout. */
  function appendArguments(fixer: Fixer, list: PythonNode, texts: string[]): TSESLint.RuleFix {
    const last = list.children[list.children.length - 1]!;
    if (list.loc.start.line === list.loc.end.line) return fixer.insertTextAfterRange(last.range, `, ${texts.join(', ')}`);
    const indent = ' '.repeat(last.loc.start.column);
    const comma = text.slice(last.range[1], list.range[1]).indexOf(',');
    if (comma === -1) return fixer.insertTextAfterRange(last.range, texts.map((item) => `,\n${indent}${item}`).join(''));
    const at = last.range[1] + comma + 1;
    return fixer.insertTextAfterRange([at, at], texts.map((item) => `\n${indent}${item},`).join(''));
  }

  function isZero(node: PythonNode | undefined): boolean {
    const resolved = values.resolve(node);
    return resolved?.type === 'integer' ? Number(nodeText(resolved, text)) === 0 : resolved?.type === 'unary_operator';
  }

  /** `response.set_cookie("access_token", token, httponly=True, secure=True)` */
  function checkSetCookie(call: PythonNode, fn: PythonNode): void {
    const receiver = field(fn, 'object');
    if (!receiver || NOT_RESPONSES.test(dottedName(receiver, text) ?? nodeText(receiver, text))) return;
    const list = field(call, 'arguments');
    if (!list || list.children.length === 0 || list.children.some((child) => child.type === 'dictionary_splat' || child.type === 'list_splat')) return;
    const args = callArguments(call, text);
    const nameNode = args.positional[0] ?? args.keywords.get('key') ?? args.keywords.get('name');
    const name = cookieName(nameNode);
    if (!nameNode || name === undefined || !settings.isAuthCookie(name.match)) return;
    // Clearing the cookie: an empty value or max_age=0.
    const value = args.positional[1] ?? args.keywords.get('value');
    if (value && stringValue(values.resolve(value), text) === '') return;
    if (isZero(args.keywords.get('max_age') ?? args.positional[2]) || isZero(args.keywords.get('expires') ?? args.positional[3])) return;
    const state = (flag: CookieFlag): FlagState => {
      const node = args.keywords.get(KEYWORDS[flag]) ?? args.positional[POSITIONS[flag]];
      if (!node) return { value: 'missing' };
      const resolved = values.resolve(node);
      return { value: values.boolean(node) === false || resolved?.type === 'none' ? 'off' : 'on', node };
    };
    const flags = { httpOnly: state('httpOnly'), secure: state('secure') };
    const missing = FLAGS.filter((flag) => flags[flag].value !== 'on');
    if (missing.length === 0) return;
    const fixText = flagsText(missing, SPELLING);
    const suggest: Suggestion[] = [
      {
        messageId: 'addFlags',
        data: { fix: fixText },
        fix: (fixer) => {
          const fixes = missing.flatMap((flag) => (flags[flag].node ? [fixer.replaceTextRange(flags[flag].node!.range, 'True')] : []));
          const absent = missing.filter((flag) => !flags[flag].node).map((flag) => SPELLING[flag]);
          if (absent.length > 0) fixes.push(appendArguments(fixer, list, absent));
          return fixes;
        },
      },
    ];
    context.report({ loc: nameNode.loc, messageId: missingMessage(missing), data: { cookie: `auth cookie ${name.display}`, fix: fixText }, suggest });
  }

  /** `SESSION_COOKIE_SECURE = False` in Django settings, Flask config and config classes. */
  function checkSetting(name: string, value: PythonNode, at: PythonNode, className?: string): void {
    const setting = COOKIE_SETTINGS.get(name);
    if (!setting || value.type !== 'false' || isDevelopmentSettings(context.filename, className)) return;
    context.report({
      loc: at.loc,
      messageId: setting.flag === 'secure' ? 'settingNotSecure' : 'settingNotHttpOnly',
      data: { setting: name, cookie: setting.cookie },
      suggest: [{ messageId: 'enableSetting', data: { setting: name }, fix: (fixer) => fixer.replaceTextRange(value.range, 'True') }],
    });
  }

  return {
    module(node: PythonNode) {
      root = node;
    },
    call(call: PythonNode) {
      const fn = field(call, 'function');
      if (fn?.type !== 'attribute') return;
      const method = nodeText(field(fn, 'attribute')!, text);
      if (SETTERS.has(method)) checkSetCookie(call, fn);
      else if (method === 'update' && /(?:^|\.)config$/.test(dottedName(field(fn, 'object'), text) ?? '')) {
        // app.config.update(SESSION_COOKIE_SECURE=False)
        for (const [name, value] of callArguments(call, text).keywords) checkSetting(name, value, parent(value)!);
      }
    },
    assignment(node: PythonNode) {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (!left || !right) return;
      if (left.type === 'identifier') {
        const container = enclosing(node, CONTAINERS);
        if (container?.type === 'function_definition') return;
        const className = container ? nodeText(field(container, 'name')!, text) : undefined;
        checkSetting(nodeText(left, text), right, node, className);
      } else if (left.type === 'subscript' && /(?:^|\.)config$/.test(dottedName(field(left, 'value'), text) ?? '')) {
        // app.config["SESSION_COOKIE_SECURE"] = False
        const key = stringValue(field(left, 'subscript'), text);
        if (key !== undefined) checkSetting(key, right, node);
      }
    },
  };
}
