import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import type { HtmlSettings } from './no-unsanitized-html/html-values.js';
import { javascriptVisitors } from './no-unsanitized-html/javascript.js';

export type Options = [{ sanitizers?: string[]; escapers?: string[] }];
export type MessageIds =
  | 'unsanitized'
  | 'markdown'
  | 'jsonInScript'
  | 'scriptContent'
  | 'wrapInSanitize'
  | 'wrapInSanitizeAndImport'
  | 'wrapInSanitizeNeedsImport'
  | 'escapeJson';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** DOMPurify (`DOMPurify.sanitize`, `purify.sanitize`), sanitize-html, js-xss, and the usual wrappers' names. */
const DEFAULT_SANITIZERS = ['sanitize', 'sanitizeHtml', 'sanitizeHTML', 'sanitizeMarkup', 'xss', 'filterXSS', 'purify'];
/** HTML escapers: escape-html, lodash/underscore `_.escape`, he, validator. */
const DEFAULT_ESCAPERS = ['escape', 'escapeHtml', 'escapeHTML', 'htmlEscape', 'encodeHTML', 'encodeHtml', 'he.encode', 'he.escape'];

export default createRule<Options, MessageIds>({
  name: 'no-unsanitized-html',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript],
    docs: {
      description: 'Disallow inserting HTML from non-constant values without sanitizing it',
      recommended: true,
      guide: ['AutonomOS › Input Validation › XSS Prevention', 'AMAS › 2.2 Input Validation'],
      cwe: ['CWE-79'],
      howToFix:
        'Insert text with `textContent` (or React\'s `{value}`) instead of an HTML sink, and pass HTML that must render through `DOMPurify.sanitize()`; in JSON written into a `<script>`, escape `<` as `\\u003c`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Function or method names whose result is sanitized HTML (for example a wrapper `cleanHtml`), in addition to DOMPurify, sanitize-html and js-xss. A name with a dot (`utils.clean`) matches that whole callee.',
          },
          escapers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Function or method names whose result is HTML-escaped text (for example `encodeEntities`), in addition to `escape`, `escapeHtml`, `encodeHTML`, `he.encode` and the like.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unsanitized:
        'HTML from a non-constant value is inserted with {{sink}} without sanitizing: any markup in it runs as script in the user\'s session (XSS). Pass it through DOMPurify.sanitize().',
      markdown:
        'HTML rendered by {{renderer}} from non-constant Markdown is inserted with {{sink}} without sanitizing: {{renderer}} keeps raw HTML from the Markdown, so any markup in it runs as script in the user\'s session (XSS). Pass the rendered HTML through DOMPurify.sanitize().',
      jsonInScript:
        'JSON.stringify() output is inserted into a <script> element with {{sink}}: a string in it that contains "</script>" closes the element, and what follows runs as script in the user\'s session (XSS). Escape "<" in the JSON as \\u003c.',
      scriptContent:
        'The content of a <script> element is built from a non-constant value and inserted with {{sink}}: whatever a user controls in it runs as script in their session (XSS). Keep the script constant and pass data as JSON with "<" escaped.',
      wrapInSanitize: 'Wrap the value in {{name}}.sanitize().',
      wrapInSanitizeAndImport: "Wrap the value in DOMPurify.sanitize() and add `import DOMPurify from 'dompurify'`.",
      wrapInSanitizeNeedsImport: "Wrap the value in DOMPurify.sanitize() (load DOMPurify from the 'dompurify' package).",
      escapeJson: "Escape \"<\" in the JSON with .replace(/</g, '\\\\u003c').",
    },
  },
  defaultOptions: [{ sanitizers: [], escapers: [] }],
  create(context, [{ sanitizers = [], escapers = [] }]) {
    const settings: HtmlSettings = {
      sanitizers: new Set([...DEFAULT_SANITIZERS, ...sanitizers]),
      escapers: new Set([...DEFAULT_ESCAPERS, ...escapers]),
    };
    return visitorsByLanguage(context, { javascript: () => javascriptVisitors(context, settings) });
  },
});
