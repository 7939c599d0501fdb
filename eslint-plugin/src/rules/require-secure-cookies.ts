import type { TSESLint } from '@typescript-eslint/utils';
import type { CookieFlag } from '../detectors/cookies.js';
import { isAuthCookieName, joinFlags } from '../detectors/cookies.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './require-secure-cookies/javascript.js';
import { pythonVisitors } from './require-secure-cookies/python.js';

export type Options = [{ authCookieNames?: string[]; ignoreCookieNames?: string[] }];
export type MessageIds =
  | 'missingHttpOnly'
  | 'missingSecure'
  | 'missingBoth'
  | 'clientSideCookie'
  | 'settingNotSecure'
  | 'settingNotHttpOnly'
  | 'addFlags'
  | 'enableSetting';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
export type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export interface Settings {
  /** Whether a cookie name (resolved, or a constant's name) is an auth cookie under the options. */
  isAuthCookie(name: string): boolean;
}

/** The message for the flags a cookie lacks. */
export function missingMessage(missing: readonly CookieFlag[]): MessageIds {
  if (missing.length === 2) return 'missingBoth';
  return missing[0] === 'httpOnly' ? 'missingHttpOnly' : 'missingSecure';
}

/** `httpOnly: true and secure: true` in a language's spelling. */
export function flagsText(missing: readonly CookieFlag[], spelling: Record<CookieFlag, string>): string {
  return joinFlags(missing.map((flag) => spelling[flag]));
}

export default createRule<Options, MessageIds>({
  name: 'require-secure-cookies',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Require auth cookies to be set with the HttpOnly and Secure flags',
      recommended: true,
      guide: ['AutonomOS › Authentication Best Practices › JWT Token Security'],
      cwe: ['CWE-1004', 'CWE-614'],
      howToFix:
        'Set auth cookies from the server with `httpOnly: true` and `secure: true` (`httponly=True, secure=True` in Python), preferably with `sameSite: \'lax\'`, rather than from client-side JavaScript.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          authCookieNames: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions for more cookie names that hold a credential (for example "^acme_u$"), in addition to the built-in auth words (token, session, sid, jwt, auth, access, refresh, remember…).',
          },
          ignoreCookieNames: {
            type: 'array',
            items: { type: 'string' },
            description: 'Regular expressions for cookie names that never hold a credential, even with an auth word in them.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingHttpOnly:
        'The {{cookie}} is set without HttpOnly, so any script on the page (an XSS) can read it. Set {{fix}}.',
      missingSecure:
        'The {{cookie}} is set without Secure, so the browser also sends it over plain HTTP, where anyone on the network can read it. Set {{fix}}.',
      missingBoth:
        'The {{cookie}} is set without HttpOnly and Secure, so any script on the page (an XSS) can read it and the browser also sends it over plain HTTP. Set {{fix}}.',
      clientSideCookie:
        'The {{cookie}} is written by client-side JavaScript ({{api}}), so it can never be HttpOnly and any script on the page (an XSS) can read it. Set it from the server with HttpOnly and Secure.',
      settingNotSecure:
        '{{setting}} = False lets the browser send the {{cookie}} cookie over plain HTTP, where anyone on the network can read it. Set it to True (keep False in development settings only).',
      settingNotHttpOnly:
        '{{setting}} = False lets any script on the page (an XSS) read the {{cookie}} cookie. Set it to True.',
      addFlags: 'Set {{fix}}.',
      enableSetting: 'Set {{setting}} to True.',
    },
  },
  defaultOptions: [{ authCookieNames: [], ignoreCookieNames: [] }],
  create(context, [{ authCookieNames = [], ignoreCookieNames = [] }]) {
    const extra = authCookieNames.map((pattern) => new RegExp(pattern, 'u'));
    const ignored = ignoreCookieNames.map((pattern) => new RegExp(pattern, 'u'));
    const known = new Map<string, boolean>();
    const settings: Settings = {
      isAuthCookie(name) {
        let auth = known.get(name);
        if (auth === undefined) {
          auth = !ignored.some((pattern) => pattern.test(name)) && (extra.some((pattern) => pattern.test(name)) || isAuthCookieName(name));
          known.set(name, auth);
        }
        return auth;
      },
    };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, settings),
      python: () => pythonVisitors(context, settings),
    });
  },
});
