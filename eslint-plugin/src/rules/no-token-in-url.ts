import type { TSESLint } from '@typescript-eslint/utils';
import type { CredentialParam, QueryScanOptions } from '../detectors/token-names.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-token-in-url/javascript.js';
import { pythonVisitors } from './no-token-in-url/python.js';

export type Options = [{ ignoreParams?: string[]; allowedHosts?: string[] }];
export type MessageIds = 'tokenInUrl' | 'keyInUrl' | 'tokenInWebSocketUrl';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Reports one credential in a URL; shared by the languages so the wording stays one. */
export function reportCredential(
  context: Context,
  range: readonly [number, number],
  name: string,
  param: CredentialParam,
  websocket: boolean,
): void {
  const sourceCode = context.sourceCode as unknown as { getLocFromIndex(index: number): { line: number; column: number } };
  context.report({
    loc: { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) },
    messageId: websocket ? 'tokenInWebSocketUrl' : param.kind === 'key' ? 'keyInUrl' : 'tokenInUrl',
    data: { what: param.what, param: name },
  });
}

export function scanOptions({ ignoreParams = [], allowedHosts = [] }: Options[0]): QueryScanOptions {
  return { ignoreParams: new Set(ignoreParams.map((name) => name.toLowerCase())), allowedHosts };
}

export default createRule<Options, MessageIds>({
  name: 'no-token-in-url',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow tokens, API keys and passwords in URL query strings',
      recommended: true,
      guide: ['AutonomOS › Authentication Best Practices › JWT Token Security'],
      cwe: ['CWE-598'],
      howToFix:
        'Send the credential in the `Authorization` header, another request header, a cookie or a POST body instead of the query string; for WebSockets, send it in the first message or the `Sec-WebSocket-Protocol` header.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreParams: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Query parameter names never reported (case-insensitive), for a parameter that is not a credential in your API.',
          },
          allowedHosts: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Hosts (optionally with a path, such as `tiles.example.com/v1`) whose public, browser-side keys must be in the URL, in addition to the built-in map services.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      tokenInUrl:
        'The {{what}} is sent in the URL query (?{{param}}=…): URLs end up in server logs, browser history and Referer headers. Send it in the Authorization header or a cookie.',
      keyInUrl:
        'The {{what}} is sent in the URL query (?{{param}}=…): URLs end up in server logs, browser history and Referer headers. Send it in a request header or the request body.',
      tokenInWebSocketUrl:
        'The {{what}} is sent in the WebSocket URL query (?{{param}}=…): URLs end up in server and proxy logs. Send it in the first message after connecting, in the Sec-WebSocket-Protocol header, or in a cookie.',
    },
  },
  defaultOptions: [{ ignoreParams: [], allowedHosts: [] }],
  create(context, [options]) {
    const scan = scanOptions(options);
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, scan),
      python: () => pythonVisitors(context, scan),
    });
  },
});
