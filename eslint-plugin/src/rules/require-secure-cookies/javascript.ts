import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CookieFlag } from '../../detectors/cookies.js';
import { MAY_SET_COOKIES, missingFlags, parseCookieString } from '../../detectors/cookies.js';
import { staticPropertyName, unwrapValue } from '../../util/js-static-values.js';
import type { Context, Settings, Suggestion } from '../require-secure-cookies.js';
import { flagsText, missingMessage } from '../require-secure-cookies.js';
import { javascriptValues, type CookieName } from './javascript-values.js';

type Node = TSESTree.Node;
type Fixer = TSESLint.RuleFixer;

const FLAGS: readonly CookieFlag[] = ['httpOnly', 'secure'];
const JS_SPELLING: Record<CookieFlag, string> = { httpOnly: 'httpOnly: true', secure: 'secure: true' };
const HEADER_SPELLING: Record<CookieFlag, string> = { httpOnly: 'HttpOnly', secure: 'Secure' };
/** Receivers whose `.cookie()` / `.setCookie()` are not a server response's (jQuery, Cypress, Puppeteer, WebDriver). */
const NOT_RESPONSES = new Set(['$', 'jQuery', 'cy', 'page', 'browser', 'driver', 'document']);

/**
 * What a missing flag means for an API: `off` (Express, Next.js, cookie, Hono,
 * Fastify: both default to false) or `on` (Koa's `ctx.cookies`, cookie-session:
 * HttpOnly defaults to true and Secure follows the connection), where only an
 * explicit `false` is a finding.
 */
type Defaults = 'off' | 'on';

interface FlagState {
  value: 'on' | 'off' | 'missing';
  property?: TSESTree.Property;
}

interface OptionsState {
  /** The options object literal, when there is one to edit. */
  object?: TSESTree.ObjectExpression;
  flags: Record<CookieFlag, FlagState>;
  /** `maxAge: 0` or `expires: new Date(0)`: the call clears the cookie. */
  deletes: boolean;
}

export function javascriptVisitors(context: Context, settings: Settings): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!MAY_SET_COOKIES.test(sourceCode.text)) return {};
  const values = javascriptValues(sourceCode);
  let nextFile: boolean | undefined;
  // Raw headers and document.cookie are written out in the file: skip their checks otherwise.
  const mayWriteHeader = /set-cookie/i.test(sourceCode.text);
  const mayWriteDocument = sourceCode.text.includes('document');

  function isNextFile(): boolean {
    nextFile ??= sourceCode.ast.body.some(
      (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value.startsWith('next/'),
    );
    return nextFile;
  }

  function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
    return object.properties.findLast(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticPropertyName(candidate) === name,
    );
  }

  function isLiteral(node: Node | undefined, value: unknown): boolean {
    const resolved = node && values.resolve(node);
    return resolved?.type === AST_NODE_TYPES.Literal && resolved.value === value;
  }

  /** The flags an options argument sets; undefined when the options are unknown. */
  function optionsState(argument: Node | undefined): OptionsState | undefined {
    if (!argument) return { flags: { httpOnly: { value: 'missing' }, secure: { value: 'missing' } }, deletes: false };
    const object = values.resolve(argument);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const spread = object.properties.some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement);
    const flag = (name: CookieFlag): FlagState => {
      const found = property(object, name);
      if (!found) return { value: spread ? 'on' : 'missing' };
      // Anything but a literal false (a condition, `'auto'`) counts as set.
      return { value: isLiteral(found.value, false) ? 'off' : 'on', property: found };
    };
    const maxAge = property(object, 'maxAge') ?? property(object, 'max-age');
    const expires = property(object, 'expires') && values.resolve(property(object, 'expires')!.value);
    const deletes =
      (maxAge !== undefined && (isLiteral(maxAge.value, 0) || values.resolve(maxAge.value).type === AST_NODE_TYPES.UnaryExpression)) ||
      (expires?.type === AST_NODE_TYPES.NewExpression && isLiteral(expires.arguments[0], 0));
    return { object, flags: { httpOnly: flag('httpOnly'), secure: flag('secure') }, deletes };
  }

  /** Inserts properties after an object's last one, following its layout and trailing comma. */
  function insertProperties(fixer: Fixer, object: TSESTree.ObjectExpression, texts: string[]): TSESLint.RuleFix {
    const last = object.properties[object.properties.length - 1];
    if (!last) return fixer.replaceText(object, `{ ${texts.join(', ')} }`);
    const after = sourceCode.getTokenAfter(last);
    const comma = after?.value === ',' ? after : undefined;
    if (object.loc.start.line !== object.loc.end.line) {
      const items = texts.map((text) => `\n${' '.repeat(last.loc.start.column)}${text}`);
      return comma ? fixer.insertTextAfter(comma, items.map((item) => `${item},`).join('')) : fixer.insertTextAfter(last, `,${items.join(',')}`);
    }
    return comma ? fixer.insertTextAfter(comma, ` ${texts.join(', ')},`) : fixer.insertTextAfter(last, `, ${texts.join(', ')}`);
  }

  /** Turns the missing flags on: `false` becomes `true`, absent flags are added to the options (or as a new options argument). */
  function addFlags(missing: CookieFlag[], state: OptionsState, call?: TSESTree.CallExpression, optionsIndex?: number): Suggestion[] {
    const absent = missing.filter((flag) => state.flags[flag].value !== 'off');
    const appendable = call !== undefined && optionsIndex === call.arguments.length && call.arguments.length > 0;
    if (absent.length > 0 && !state.object && !appendable) return [];
    return [
      {
        messageId: 'addFlags',
        data: { fix: flagsText(missing, JS_SPELLING) },
        fix: (fixer) => {
          const fixes = missing.flatMap((flag) => {
            const found = state.flags[flag];
            return found.value === 'off' && found.property ? [fixer.replaceText(found.property.value, 'true')] : [];
          });
          const texts = absent.map((flag) => JS_SPELLING[flag]);
          if (texts.length > 0 && state.object) fixes.push(insertProperties(fixer, state.object, texts));
          else if (texts.length > 0) fixes.push(fixer.insertTextAfter(call!.arguments[call!.arguments.length - 1]!, `, { ${texts.join(', ')} }`));
          return fixes;
        },
      },
    ];
  }

  function report(node: Node, cookie: string, missing: CookieFlag[], suggest: Suggestion[], spelling = JS_SPELLING): void {
    context.report({ node, messageId: missingMessage(missing), data: { cookie, fix: flagsText(missing, spelling) }, suggest });
  }

  /** `res.cookie(name, value, options)` and the like: the arguments' positions differ by API. */
  function checkSetter(call: TSESTree.CallExpression, nameIndex: number, valueIndex: number, optionsIndex: number, defaults: Defaults): void {
    const args = call.arguments;
    if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
    const nameNode = args[nameIndex];
    const name = nameNode && values.cookieName(nameNode);
    if (!nameNode || name === undefined || !settings.isAuthCookie(name.match)) return;
    // res.cookie('token', '') clears the cookie.
    if (args[valueIndex] && values.text(args[valueIndex]) === '') return;
    const state = optionsState(args[optionsIndex]);
    if (!state || state.deletes) return;
    checkFlags(nameNode, `auth cookie ${name.display}`, state, defaults, call, optionsIndex);
  }

  function checkFlags(at: Node, cookie: string, state: OptionsState, defaults: Defaults, call?: TSESTree.CallExpression, optionsIndex?: number): void {
    const missing = FLAGS.filter((flag) => state.flags[flag].value === 'off' || (state.flags[flag].value === 'missing' && defaults === 'off'));
    if (missing.length > 0) report(at, cookie, missing, addFlags(missing, state, call, optionsIndex));
  }

  /** express-session: HttpOnly defaults to true, Secure to false. */
  function checkExpressSession(call: TSESTree.CallExpression, callee: Node): void {
    const options = call.arguments[0] && values.resolve(call.arguments[0]);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
    const nameProperty = property(options, 'name');
    const name = (nameProperty && values.text(nameProperty.value)) ?? 'connect.sid';
    const cookieProperty = property(options, 'cookie');
    if (!cookieProperty && options.properties.some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement)) return;
    const state = optionsState(cookieProperty?.value);
    if (!state || state.deletes) return;
    const missing = FLAGS.filter((flag) => state.flags[flag].value === 'off' || (flag === 'secure' && state.flags.secure.value === 'missing'));
    if (missing.length === 0) return;
    const cookie = `session cookie "${name}"`;
    if (cookieProperty) {
      report(cookieProperty.key, cookie, missing, addFlags(missing, state));
      return;
    }
    report(callee, cookie, missing, [
      { messageId: 'addFlags', data: { fix: 'secure: true' }, fix: (fixer) => insertProperties(fixer, options, ['cookie: { secure: true }']) },
    ]);
  }

  /** Raw `Set-Cookie` values: `'token=' + t + '; Path=/'`, or a list of them. */
  function checkSetCookieHeader(value: Node): void {
    const resolved = values.resolve(value);
    const items = resolved.type === AST_NODE_TYPES.ArrayExpression ? resolved.elements : [value];
    for (const item of items) {
      if (!item || item.type === AST_NODE_TYPES.SpreadElement) continue;
      const text = values.text(item);
      const cookie = text === undefined ? undefined : parseCookieString(text);
      if (!cookie?.name || cookie.deletes || !settings.isAuthCookie(cookie.name)) continue;
      const missing = missingFlags(cookie);
      if (missing.length === 0) continue;
      // Append the attributes to the string's last literal part, when it is written here.
      let last = unwrapValue(item);
      while (last.type === AST_NODE_TYPES.BinaryExpression) last = unwrapValue(last.right);
      const editable = (last.type === AST_NODE_TYPES.Literal && typeof last.value === 'string') || last.type === AST_NODE_TYPES.TemplateLiteral;
      const attributes = `${text!.trimEnd().endsWith(';') ? ' ' : '; '}${missing.map((flag) => HEADER_SPELLING[flag]).join('; ')}`;
      const suggest: Suggestion[] = editable
        ? [{ messageId: 'addFlags', data: { fix: flagsText(missing, HEADER_SPELLING) }, fix: (fixer) => fixer.insertTextBeforeRange([last.range[1] - 1, last.range[1] - 1], attributes) }]
        : [];
      report(item, `auth cookie "${cookie.name}"`, missing, suggest, HEADER_SPELLING);
    }
  }

  function checkClientSide(at: Node, name: CookieName | undefined, api: string): void {
    if (name === undefined || !settings.isAuthCookie(name.match)) return;
    context.report({ node: at, messageId: 'clientSideCookie', data: { cookie: `auth cookie ${name.display}`, api } });
  }

  function isNextCookies(object: Node): boolean {
    if (object.type !== AST_NODE_TYPES.CallExpression || object.callee.type !== AST_NODE_TYPES.Identifier) return false;
    const imported = values.importOf(object.callee);
    return imported?.source === 'next/headers' && imported.imported === 'cookies';
  }

  function checkCall(node: TSESTree.CallExpression): void {
    const callee = unwrapValue(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const imported = values.importOf(callee);
      if (imported?.source === 'express-session') checkExpressSession(node, callee);
      else if (imported?.source === 'cookie-session') {
        // cookie-session: HttpOnly defaults to true, Secure follows the connection.
        const options = node.arguments[0] && values.resolve(node.arguments[0]);
        if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
        const nameProperty = property(options, 'name');
        const state = optionsState(options);
        if (state) checkFlags(callee, `session cookie "${(nameProperty && values.text(nameProperty.value)) ?? 'session'}"`, state, 'on');
      } else if (imported?.source === 'cookie' && imported.imported === 'serialize') checkSetter(node, 0, 1, 2, 'off');
      else if (imported?.source === 'hono/cookie' && imported.imported === 'setCookie') checkSetter(node, 1, 2, 3, 'off');
      else if (imported?.source === 'hono/cookie' && imported.imported === 'setSignedCookie') checkSetter(node, 1, 2, 4, 'off');
      return;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = staticPropertyName(callee);
    const object = unwrapValue(callee.object);
    const objectName = object.type === AST_NODE_TYPES.Identifier ? object.name : undefined;
    if (method === 'serialize' && object.type === AST_NODE_TYPES.Identifier && values.importOf(object)?.source === 'cookie') {
      checkSetter(node, 0, 1, 2, 'off');
    } else if ((method === 'cookie' || method === 'setCookie') && node.arguments.length >= 2 && !NOT_RESPONSES.has(objectName ?? '')) {
      checkSetter(node, 0, 1, 2, 'off');
    } else if (method === 'set' && object.type === AST_NODE_TYPES.Identifier && (values.importOf(object)?.source === 'js-cookie' || (object.name === 'Cookies' && values.isGlobal(object)))) {
      const [name] = node.arguments;
      if (name && name.type !== AST_NODE_TYPES.SpreadElement) checkClientSide(node, values.cookieName(name), 'Cookies.set()');
    } else if (method === 'set' && isNextCookies(object)) {
      // cookies().set(name, value, options) or cookies().set({ name, value, ...options })
      const [first] = node.arguments;
      const options = first && values.resolve(first);
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) checkSetter(node, 0, 1, 2, 'off');
      else {
        const nameNode = property(options, 'name')?.value;
        const name = nameNode && values.cookieName(nameNode);
        const state = optionsState(options);
        if (nameNode && name !== undefined && settings.isAuthCookie(name.match) && state && !state.deletes) checkFlags(nameNode, `auth cookie ${name.display}`, state, 'off');
      }
    } else if (method === 'set' && object.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(object) === 'cookies') {
      // NextResponse's response.cookies.set(...) defaults to off; Koa's ctx.cookies.set(...) to HttpOnly.
      checkSetter(node, 0, 1, 2, isNextFile() ? 'off' : 'on');
    }
  }

  return {
    CallExpression(node: TSESTree.CallExpression) {
      checkCall(node);
      // res.setHeader('Set-Cookie', ...), res.append('Set-Cookie', ...), headers.append('Set-Cookie', ...)
      const [name, value] = node.arguments;
      if (mayWriteHeader && name && value && value.type !== AST_NODE_TYPES.SpreadElement && name.type !== AST_NODE_TYPES.SpreadElement && values.text(name)?.toLowerCase() === 'set-cookie') {
        checkSetCookieHeader(value);
      }
    },
    Property(node: TSESTree.Property) {
      if (!mayWriteHeader) return;
      const name = staticPropertyName(node) ?? (node.computed ? values.text(node.key) : undefined);
      if (name?.toLowerCase() === 'set-cookie' && node.parent.type === AST_NODE_TYPES.ObjectExpression) checkSetCookieHeader(node.value);
    },
    // document.cookie = 'token=' + token
    AssignmentExpression(node: TSESTree.AssignmentExpression) {
      const target = unwrapValue(node.left);
      if (!mayWriteDocument || target.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(target) !== 'cookie') return;
      const object = unwrapValue(target.object);
      const isDocument =
        (object.type === AST_NODE_TYPES.Identifier && object.name === 'document' && values.isGlobal(object)) ||
        (object.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(object) === 'document');
      const text = isDocument ? values.text(node.right) : undefined;
      const cookie = text === undefined ? undefined : parseCookieString(text);
      if (cookie?.name && !cookie.deletes) checkClientSide(node, { match: cookie.name, display: `"${cookie.name}"` }, 'document.cookie');
    },
  };
}
