import type { TSESLint } from '@typescript-eslint/utils';
import { isDevelopmentSettings } from '../../detectors/cookies.js';
import { classifyOriginPattern, isFlaskCorsRegex, MAY_CONFIGURE_CORS, type RegexMatch } from '../../detectors/cors.js';
import { callArguments, dottedName, nodeText, stringValue, type CallArguments } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, MessageIds, Suggestion } from '../no-permissive-cors.js';
import { configText, patternReport } from '../no-permissive-cors.js';
import { pythonHeaderTracker } from './python-headers.js';
import { developmentOnly, enclosing, pythonValues } from './python-values.js';

/** Settings read by django-cors-headers (module level) and Flask-CORS (`app.config`, config classes). */
const CORS_SETTINGS = new Set([
  'CORS_ALLOW_ALL_ORIGINS',
  'CORS_ORIGIN_ALLOW_ALL',
  'CORS_ALLOW_CREDENTIALS',
  'CORS_ALLOWED_ORIGIN_REGEXES',
  'CORS_ORIGIN_REGEX_WHITELIST',
  'CORS_ORIGINS',
  'CORS_SUPPORTS_CREDENTIALS',
  'CORS_SEND_WILDCARD',
]);
/** Last names of the calls that configure CORS. */
const CORS_CALLS = new Set(['add_middleware', 'Middleware', 'CORSMiddleware', 'CORS', 'cross_origin', 'update']);
/** Modules whose `CORS`/`cross_origin` are Flask-CORS's (or its Sanic port's). */
const FLASK_CORS_MODULES = /^(?:flask_cors|sanic_cors)(?:\.|$)/;
/** Flask loads its config from elsewhere: `CORS_ORIGINS` may be set there. */
const LOADS_CONFIG = /\.config\.from_(?:object|pyfile|envvar|mapping|file|prefixed_env)\b/;
const CONTAINERS = new Set(['class_definition', 'function_definition']);

interface Setting {
  /** The assignment or keyword that sets it. */
  at: PythonNode;
  value: PythonNode;
}

export function pythonVisitors(context: Context): Record<string, (node: never) => void> {
  const text = treeSourceCode<PythonNode>(context).text;
  if (!MAY_CONFIGURE_CORS.test(text)) return {};
  let root: PythonNode | undefined;
  const values = pythonValues(text, () => root);
  const imports = new Map<string, string>();
  const containers = new Map<PythonNode, Map<string, Setting>>();
  const pending: (() => void)[] = [];
  const reported = new Set<string>();

  function report(node: PythonNode, messageId: MessageIds, data: Record<string, string> = {}, suggest: Suggestion[] = []): void {
    const key = `${messageId}@${node.range.join(':')}`;
    if (reported.has(key) || developmentOnly(node, text)) return;
    reported.add(key);
    context.report({ loc: node.loc, messageId, data, suggest });
  }

  const headers = pythonHeaderTracker(text, values, report);

  function disableCredentials(value: PythonNode | undefined, option: string): Suggestion[] {
    if (value?.type !== 'true') return [];
    return [
      {
        messageId: 'disableCredentials',
        data: { option, value: 'False' },
        fix: (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(value.range, 'False'),
      },
    ];
  }

  function recordSetting(container: PythonNode, name: string, at: PythonNode, value: PythonNode): void {
    let settings = containers.get(container);
    if (!settings) {
      settings = new Map();
      containers.set(container, settings);
    }
    settings.set(name, { at, value });
  }

  function settingAnywhere(name: string): Setting | undefined {
    for (const settings of containers.values()) {
      const setting = settings.get(name);
      if (setting) return setting;
    }
    return undefined;
  }

  /** Each origin of an allow-list (a string or a list), reported when it is "*" or a too-wide pattern. */
  function checkOrigins(origins: PythonNode, at: PythonNode, match: RegexMatch, suggest: Suggestion[], isPattern: (value: string) => boolean): void {
    for (const origin of values.strings(origins)) {
      if (origin.value === '*') {
        report(at, 'anyOrigin', { config: configText(nodeText(at, text)) }, suggest);
        continue;
      }
      if (!origin.compiled && !isPattern(origin.value)) continue;
      const verdict = classifyOriginPattern(origin.value, match);
      if (!verdict) continue;
      const { messageId, data } = patternReport(verdict, nodeText(origin.node, text), configText(nodeText(at, text)));
      report(verdict.kind === 'any' ? at : origin.node, messageId, data, suggest);
    }
  }

  // ---- Starlette / FastAPI ------------------------------------------------

  /** `add_middleware(CORSMiddleware, ...)`, `Middleware(CORSMiddleware, ...)`, `CORSMiddleware(app, ...)`. */
  function checkStarlette(args: CallArguments): void {
    const credentials = args.keywords.get('allow_credentials');
    if (values.boolean(credentials) !== true) return;
    const suggest = disableCredentials(credentials, 'allow_credentials');
    const origins = args.keywords.get('allow_origins');
    if (origins) checkOrigins(origins, parent(origins)!, 'fullmatch', suggest, () => false);
    const regex = args.keywords.get('allow_origin_regex');
    if (regex) checkOrigins(regex, parent(regex)!, 'fullmatch', suggest, () => true);
  }

  // ---- Flask-CORS -----------------------------------------------------------

  function checkFlaskOptions(
    call: PythonNode,
    origins: { value: PythonNode; at: PythonNode } | undefined,
    credentials: PythonNode | undefined,
    hasApp: boolean,
  ): void {
    const enabled = credentials ? values.boolean(credentials) : values.boolean(settingAnywhere('CORS_SUPPORTS_CREDENTIALS')?.value);
    if (enabled !== true) return;
    const suggest = disableCredentials(credentials, 'supports_credentials');
    if (origins) {
      checkOrigins(origins.value, origins.at, 'match', suggest, isFlaskCorsRegex);
      return;
    }
    // Flask-CORS's default origins are "*", unless the app's config sets CORS_ORIGINS.
    if (!hasApp || text.includes('CORS_ORIGINS') || LOADS_CONFIG.test(text)) return;
    report(field(call, 'function')!, 'anyOrigin', { config: 'the default origins "*"' }, suggest);
  }

  /** `CORS(app, origins=..., supports_credentials=..., resources={...})` and `@cross_origin(...)`. */
  function checkFlask(call: PythonNode, args: CallArguments, decorator: boolean): void {
    pending.push(() => {
      const sendWildcard = args.keywords.get('send_wildcard') ?? settingAnywhere('CORS_SEND_WILDCARD')?.value;
      // Flask-CORS refuses "*" with credentials when it would send the wildcard.
      if (values.boolean(sendWildcard) === true) return;
      const originsValue = args.keywords.get('origins');
      const origins = originsValue && { value: originsValue, at: parent(originsValue)! };
      const credentials = args.keywords.get('supports_credentials');
      const hasApp = decorator || args.positional.length > 0;
      const resources = values.resolve(args.keywords.get('resources'));
      if (resources?.type !== 'dictionary') {
        // A resources list or pattern keeps the call's options; an unknown mapping may set its own.
        if (resources && resources.type !== 'string' && resources.type !== 'list') return;
        checkFlaskOptions(call, origins, credentials, hasApp);
        return;
      }
      for (const pair of resources.children) {
        const options = pair.type === 'pair' ? values.resolve(field(pair, 'value')) : undefined;
        if (options?.type !== 'dictionary') continue;
        const own = values.entry(options, 'origins');
        const ownCredentials = values.entry(options, 'supports_credentials')?.value;
        checkFlaskOptions(call, own ? { value: own.value, at: own.pair } : origins, ownCredentials ?? credentials, hasApp);
      }
    });
  }

  // ---- settings: django-cors-headers, Flask config ------------------------------

  function checkSettings(settings: Map<string, Setting>): void {
    const credentials = settings.get('CORS_ALLOW_CREDENTIALS');
    if (credentials && values.boolean(credentials.value) === true) {
      const suggest = disableCredentials(credentials.value, 'CORS_ALLOW_CREDENTIALS');
      const allowAll = settings.get('CORS_ALLOW_ALL_ORIGINS') ?? settings.get('CORS_ORIGIN_ALLOW_ALL');
      if (allowAll && values.boolean(allowAll.value) === true) {
        report(allowAll.at, 'anyOrigin', { config: configText(nodeText(allowAll.at, text)) }, suggest);
      }
      for (const name of ['CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST']) {
        const regexes = settings.get(name);
        if (regexes) checkOrigins(regexes.value, regexes.at, 'match', suggest, () => true);
      }
    }
    const flaskCredentials = settings.get('CORS_SUPPORTS_CREDENTIALS');
    const flaskOrigins = settings.get('CORS_ORIGINS');
    const sendWildcard = settings.get('CORS_SEND_WILDCARD');
    if (flaskOrigins && flaskCredentials && values.boolean(flaskCredentials.value) === true && values.boolean(sendWildcard?.value) !== true) {
      checkOrigins(flaskOrigins.value, flaskOrigins.at, 'match', disableCredentials(flaskCredentials.value, 'CORS_SUPPORTS_CREDENTIALS'), isFlaskCorsRegex);
    }
  }

  function importedFrom(name: string): string | undefined {
    return imports.get(name);
  }

  function collectImport(node: PythonNode): void {
    const moduleName = field(node, 'module_name');
    if (!moduleName) return;
    const from = nodeText(moduleName, text);
    for (const child of node.children) {
      if (child.field !== 'name') continue;
      const alias = child.type === 'aliased_import' ? field(child, 'alias') : child;
      if (alias) imports.set(nodeText(alias, text), from);
    }
  }

  return {
    module(node: PythonNode) {
      root = node;
    },
    import_from_statement: collectImport,
    call(call: PythonNode) {
      const fn = field(call, 'function');
      headers.call(call);
      // Match the last name before reading the arguments: most calls are not CORS configuration.
      const nameNode = fn?.type === 'attribute' ? field(fn, 'attribute') : fn;
      const last = nameNode?.type === 'identifier' ? nodeText(nameNode, text) : undefined;
      if (!last || !CORS_CALLS.has(last)) return;
      const callee = dottedName(fn, text);
      if (!callee) return;
      const args = callArguments(call, text);
      const first = dottedName(args.positional[0], text)?.split('.').pop();
      if ((last === 'add_middleware' || last === 'Middleware') && first === 'CORSMiddleware') checkStarlette(args);
      else if (last === 'CORSMiddleware') checkStarlette(args);
      else if (last === 'CORS' || last === 'cross_origin') {
        const source = callee.includes('.') ? callee : importedFrom(callee);
        if (source !== undefined && !FLASK_CORS_MODULES.test(source)) return;
        checkFlask(call, args, last === 'cross_origin');
      } else if (last === 'update' && /(?:^|\.)config\.update$/.test(callee)) {
        // app.config.update(CORS_ORIGINS="*", CORS_SUPPORTS_CREDENTIALS=True)
        for (const [name, value] of args.keywords) {
          if (CORS_SETTINGS.has(name)) recordSetting(root!, name, parent(value)!, value);
        }
      }
    },
    assignment(node: PythonNode) {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (!left || !right) return;
      if (left.type === 'identifier') {
        const name = nodeText(left, text);
        if (!CORS_SETTINGS.has(name)) return;
        const container = enclosing(node, CONTAINERS);
        if (container?.type === 'function_definition') return;
        recordSetting(container ?? root!, name, node, right);
      } else if (left.type === 'subscript') {
        // app.config["CORS_ORIGINS"] = "*"
        const key = stringValue(field(left, 'subscript'), text);
        const target = dottedName(field(left, 'value'), text);
        if (key !== undefined && CORS_SETTINGS.has(key) && target && /(?:^|\.)config$/.test(target)) recordSetting(root!, key, node, right);
        else headers.assignment(node, left, right);
      }
    },
    pair(node: PythonNode) {
      headers.entry(node, field(node, 'key'), field(node, 'value'));
    },
    tuple(node: PythonNode) {
      if (node.children.length === 2) headers.entry(node, node.children[0], node.children[1]);
    },
    'module:exit'() {
      for (const check of pending) check();
      for (const [container, settings] of containers) {
        const className = container.type === 'class_definition' ? nodeText(field(container, 'name')!, text) : undefined;
        if (!isDevelopmentSettings(context.filename, className)) checkSettings(settings);
      }
      headers.finish();
    },
  };
}
