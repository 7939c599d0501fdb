import type { TSESLint } from '@typescript-eslint/utils';
import { isDevelopmentOnlyPath, projectPath } from '../detectors/environments.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { envVisitors } from './no-debug-in-production/env.js';
import { javascriptVisitors } from './no-debug-in-production/javascript.js';
import { pythonVisitors } from './no-debug-in-production/python.js';
import { yamlVisitors } from './no-debug-in-production/yaml.js';

export type Options = [];
export type MessageIds =
  | 'debugEnabled'
  | 'debugVariable'
  | 'debugServer'
  | 'developmentEnvironment'
  | 'forcedDevelopment'
  | 'setOff'
  | 'readEnvironment'
  | 'onlyOutsideProduction'
  | 'setProduction'
  | 'removeCall';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
export type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** The linted file's path within the project, `/`-separated. */
export function lintedPath(context: Context): string {
  return projectPath(context.physicalFilename || context.filename, context.cwd);
}

export default createRule<Options, MessageIds>({
  name: 'no-debug-in-production',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python, LANGUAGE_NAMES.env, LANGUAGE_NAMES.yaml],
    docs: {
      description: 'Disallow debug mode in configuration and code that is deployed',
      recommended: true,
      guide: [
        'AutonomOS › Security Checklist › Production Deployment',
        'AMAS › 6.1 Security Logging',
        'AMAS › 10.2 SOC 2 Compliance',
      ],
      cwe: ['CWE-489', 'CWE-215'],
      howToFix:
        'Turn debug off in what is deployed, or read it from an environment variable that is unset in production, and run with `NODE_ENV=production`; serve Flask and Dash through a WSGI server such as gunicorn, not `app.run()`.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      debugEnabled:
        '{{setting}} turns debug mode on, which shows stack traces, settings and source code to anyone who triggers an error. Turn it off, or read it from an environment variable that is unset in production.',
      debugVariable:
        '{{setting}} turns debug mode on, which shows stack traces, settings and source code to anyone who triggers an error. Set it to {{off}} in what is deployed, and turn it on only in development files such as .env.development or compose.override.yml.',
      debugServer:
        '{{setting}} runs the development server with its debugger: anyone who reaches it sees stack traces, and with Flask or Dash can run code from the error page. Serve production through a WSGI/ASGI server (gunicorn, uvicorn) and read debug from an environment variable.',
      developmentEnvironment:
        '{{setting}} in a production file runs the app in development mode, which shows stack traces in error responses. Set it to production.',
      forcedDevelopment:
        "{{setting}} forces development mode whatever NODE_ENV says, so error responses show stack traces in production. Remove it and set NODE_ENV where the app is deployed.",
      setOff: 'Set it to {{value}}.',
      readEnvironment: 'Read it from the {{variable}} environment variable (off when unset).',
      onlyOutsideProduction: "Turn it on only when NODE_ENV is not 'production'.",
      setProduction: 'Set it to production.',
      removeCall: 'Remove this call, so the app follows NODE_ENV.',
    },
  },
  defaultOptions: [],
  create(context) {
    // Tests, fixtures and local-development configuration may turn debug on.
    if (isDevelopmentOnlyPath(lintedPath(context))) return {};
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context),
      python: () => pythonVisitors(context),
      env: () => envVisitors(context),
      yaml: () => yamlVisitors(context),
    });
  },
});
