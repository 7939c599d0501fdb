import type { TSESLint } from '@typescript-eslint/utils';
import type { SqlAnalysis } from '../detectors/sql.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-sql-concatenation/javascript.js';
import { pythonVisitors } from './no-sql-concatenation/python.js';

export type Options = [{ extraSinks?: string[]; sanitizers?: string[] }];
export type MessageIds = 'concatenated' | 'dynamicIdentifier' | 'useParameters' | 'useTaggedTemplate';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export interface Settings {
  /** Method or function names whose first argument is a SQL statement, besides the built-in ones. */
  extraSinks: ReadonlySet<string>;
  /** Function or method names whose result is safe inside SQL (escaping, numbers). */
  sanitizers: ReadonlySet<string>;
}

/** Escaping functions of the common drivers (mysql, pg, pg-format, psycopg2, MySQLdb, Django). */
const DEFAULT_SANITIZERS = [
  'escape',
  'escapeId',
  'escapeIdentifier',
  'escapeLiteral',
  'quoteIdent',
  'quoteIdentifier',
  'quoteLiteral',
  'quote_ident',
  'quote_literal',
  'quote_name',
  'escape_string',
  'escape_identifier',
  'escape_literal',
];

export type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Reports one finding; shared by the languages so the wording stays one. */
export function reportFinding(
  context: Context,
  loc: TSESLint.AST.SourceLocation,
  sink: string,
  analysis: SqlAnalysis,
  suggestion: Suggestion | undefined,
): void {
  context.report({
    loc,
    messageId: analysis.identifiersOnly ? 'dynamicIdentifier' : 'concatenated',
    data: { sink },
    suggest: suggestion ? [suggestion] : [],
  });
}

export default createRule<Options, MessageIds>({
  name: 'no-sql-concatenation',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow SQL built from non-constant strings and passed to a query function',
      recommended: true,
      guide: ['AMAS › 3.2 SQL Injection Prevention', 'AutonomOS › Input Validation › SQL Injection Prevention'],
      cwe: ['CWE-89'],
      howToFix:
        'Pass values as bound parameters (`?`, `$1`, `%s`, `:name`) of the driver or ORM instead of building the SQL text; keep identifiers in an allow-list.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          extraSinks: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Method or function names whose first argument is a SQL statement (for example a wrapper `runQuery`), in addition to the built-in ones.',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Function or method names whose result is safe to put in SQL (for example an identifier-escaping helper), in addition to the built-in escaping functions.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      concatenated:
        'SQL built from a non-constant value is passed to {{sink}}(): this allows SQL injection. Pass the values as query parameters.',
      dynamicIdentifier:
        "SQL with a table or column name from a non-constant value is passed to {{sink}}(): this allows SQL injection. Check the name against a fixed list of allowed names, or quote it with the driver's identifier escaping.",
      useParameters: 'Pass the values as query parameters ({{placeholder}}).',
      useTaggedTemplate: 'Use the tagged template {{tag}}`…`, which passes the values as query parameters.',
    },
  },
  defaultOptions: [{ extraSinks: [], sanitizers: [] }],
  create(context, [{ extraSinks = [], sanitizers = [] }]) {
    const settings: Settings = {
      extraSinks: new Set(extraSinks),
      sanitizers: new Set([...DEFAULT_SANITIZERS, ...sanitizers]),
    };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, settings),
      python: () => pythonVisitors(context, settings),
    });
  },
});
