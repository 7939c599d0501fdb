import type { TSESLint } from '@typescript-eslint/utils';
import type { OriginPatternVerdict } from '../detectors/cors.js';
import { displayPattern } from '../detectors/cors.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-permissive-cors/javascript.js';
import { pythonVisitors } from './no-permissive-cors/python.js';

export type Options = [];
export type MessageIds = 'anyOrigin' | 'reflectedOrigin' | 'wildcardWithCredentials' | 'unanchoredOrigin' | 'disableCredentials';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
export type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Collapses a configuration's source text for a message: one line, at most 60 characters. */
export function configText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** The report for an origin pattern's verdict. */
export function patternReport(
  verdict: OriginPatternVerdict,
  pattern: string,
  config: string,
): { messageId: MessageIds; data: Record<string, string> } {
  if (verdict.kind === 'any') return { messageId: 'anyOrigin', data: { config } };
  return {
    messageId: 'unanchoredOrigin',
    data: { pattern: displayPattern(pattern), side: verdict.missing, example: verdict.example },
  };
}

export default createRule<Options, MessageIds>({
  name: 'no-permissive-cors',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow CORS configurations that allow every origin together with credentials',
      recommended: true,
      guide: ['AMAS › 2.3 CORS Configuration'],
      cwe: ['CWE-942'],
      howToFix:
        'Allow an explicit list of trusted origins (for example from an environment variable) instead of `*` or the echoed Origin, anchoring patterns with `^` and `$`; or turn credentials off if the API needs no cookies.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      anyOrigin:
        "CORS allows every origin ({{config}}) together with credentials: any site can then make authenticated requests on the user's behalf and read the responses. Allow an explicit list of trusted origins instead.",
      reflectedOrigin:
        "Access-Control-Allow-Origin echoes the request's Origin while credentials are allowed: any site can then make authenticated requests on the user's behalf and read the responses. Check the origin against an explicit list of trusted origins before sending it back.",
      wildcardWithCredentials:
        "Access-Control-Allow-Origin \"*\" is combined with credentials: browsers reject the pair, and the usual workaround, echoing the request's Origin, lets any site make authenticated requests on the user's behalf and read the responses. Allow an explicit list of trusted origins instead.",
      unanchoredOrigin:
        "The origin pattern {{pattern}} is not anchored at its {{side}}, so it also accepts origins such as {{example}}: with credentials allowed, such a site can make authenticated requests on the user's behalf and read the responses. Anchor the pattern with ^ and $.",
      disableCredentials: 'Set {{option}} to {{value}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context),
      python: () => pythonVisitors(context),
    });
  },
});
