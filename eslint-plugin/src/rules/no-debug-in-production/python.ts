import type { TSESLint } from '@typescript-eslint/utils';
import { isDevelopmentName, isProductionName } from '../../detectors/environments.js';
import { callArguments, calleeName, dottedName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { descendants, importedNames } from '../../languages/python/python-scope.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, MessageIds, Suggestion } from '../no-debug-in-production.js';
import { lintedPath } from '../no-debug-in-production.js';

/** Frameworks whose `run(debug=True)` starts a development server with a debugger. */
const DEBUG_SERVERS = new Set(['flask', 'quart', 'dash', 'sanic', 'bottle', 'flask_socketio', 'werkzeug']);
/** Frameworks whose app object has a `debug` attribute that shows tracebacks. */
const WEB_FRAMEWORKS = new Set([...DEBUG_SERVERS, 'fastapi', 'starlette', 'litestar', 'django']);
/** App classes that take `debug=True` and then answer errors with tracebacks. */
const DEBUG_APPS = new Set(['FastAPI', 'Starlette', 'Litestar']);
const RUN_METHODS = new Set(['run', 'run_server', 'run_simple']);
/** Names an app object usually has: `app`, `application`, `flask_app`, `server`. */
const APP_NAME = /^(?:\w+_)?(?:app|application|server)$/i;
/** `run()` functions of other libraries: `asyncio.run(main(), debug=True)` is asyncio's debug mode. */
const OTHER_RUNNERS = /^(?:asyncio|uvicorn|trio|anyio|subprocess|hypercorn)\./;
/** What a Django or Flask settings module sets, besides DEBUG. */
const SETTINGS_MARKERS = new Set(['INSTALLED_APPS', 'ROOT_URLCONF', 'MIDDLEWARE', 'WSGI_APPLICATION', 'ALLOWED_HOSTS', 'SECRET_KEY']);
const SETTINGS_FILE = /(?:^|_)(?:settings|config|configuration)(?:_|$)/;
const SETTINGS_FOLDERS = new Set(['settings', 'config', 'configs', 'conf']);
/** A condition that reads the environment or a setting: what it guards follows the deployment. */
const ENVIRONMENT_CONDITION = /environ|getenv|\bsettings\.|\bconfig\.|\bDEBUG\b|development|\bdev\b|\blocal\b/i;
/** Where a module-level statement may sit: the module, or a class body, through `if`/`try`/`with` blocks. */
const TRANSPARENT = new Set(['block', 'if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'with_statement']);

export function pythonVisitors(context: Context): TSESLint.RuleListener {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  if (!/debug/i.test(text)) return {};
  const module = sourceCode.ast;
  const name = (node: PythonNode) => nodeText(node, text);
  let importsCache: Map<string, string> | undefined;
  const imports = () => (importsCache ??= importedNames(module, text));
  const usesFramework = (frameworks: ReadonlySet<string>) =>
    [...imports().values()].some((qualified) => frameworks.has(qualified.split('.')[0]!));

  const isOn = (node: PythonNode | undefined): node is PythonNode => node?.type === 'true' || (node?.type === 'integer' && name(node) === '1');

  /** The module or class a statement belongs to (undefined inside a function or lambda). */
  function owner(node: PythonNode): PythonNode | undefined {
    let current = parent(node);
    while (current && (current.type === 'expression_statement' || TRANSPARENT.has(current.type))) current = parent(current);
    if (current?.type === 'module') return current;
    if (current?.type === 'class_definition') return current;
    return undefined;
  }

  /** Inside an `if` (or its `else`) that tests the environment or a setting. */
  function environmentGuarded(node: PythonNode): boolean {
    for (let current = parent(node); current; current = parent(current)) {
      if (current.type === 'if_statement' || current.type === 'elif_clause') {
        const condition = field(current, 'condition');
        if (condition && ENVIRONMENT_CONDITION.test(name(condition))) return true;
      }
    }
    return false;
  }

  let settingsModule: boolean | undefined;
  const isSettingsModule = () => (settingsModule ??= readsAsSettingsModule());

  function readsAsSettingsModule(): boolean {
    const path = lintedPath(context).split('/');
    const stem = path[path.length - 1]!.replace(/\.pyi?$/, '').toLowerCase();
    if (SETTINGS_FILE.test(stem) || SETTINGS_FOLDERS.has(path[path.length - 2]?.toLowerCase() ?? '')) return true;
    if (/from_object\(\s*__name__\s*\)/.test(text)) return true;
    return module.children.some((statement) => {
      const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
      const left = assignment?.type === 'assignment' ? field(assignment, 'left') : undefined;
      return left?.type === 'identifier' && SETTINGS_MARKERS.has(name(left));
    });
  }

  /** A class whose DEBUG = True is for development, or is overridden by a production class of the same file. */
  function isDevelopmentClass(klass: PythonNode): boolean {
    const className = name(field(klass, 'name') ?? klass);
    if (isDevelopmentName(className)) return true;
    if (isProductionName(className)) return false;
    let overridden = false;
    descendants(module, (node) => {
      if (overridden || node.type !== 'class_definition' || !isProductionName(name(field(node, 'name') ?? node))) return;
      descendants(field(node, 'body') ?? node, (statement) => {
        const left = statement.type === 'assignment' ? field(statement, 'left') : undefined;
        if (left && name(left) === 'DEBUG' && field(statement, 'right')?.type === 'false') overridden = true;
      });
    });
    return overridden;
  }

  /** `os.environ` as this module spells it, and the edit that imports `os` (after the last import) when it does not. */
  function environ(fixer: TSESLint.RuleFixer): { binding: string; edits: TSESLint.RuleFix[] } {
    const isImport = (node: PythonNode) => node.type === 'import_statement' || node.type === 'import_from_statement' || node.type === 'future_import_statement';
    const topLevel = module.children.filter(isImport);
    // Only module-level imports: `import os` inside a function binds nothing here.
    for (const [local, qualified] of importedNames({ ...module, children: topLevel }, text)) {
      if (qualified === 'os') return { binding: `${local}.environ`, edits: [] };
      if (qualified === 'os.environ') return { binding: local, edits: [] };
    }
    const lastImport = topLevel.pop();
    if (lastImport) return { binding: 'os.environ', edits: [fixer.insertTextAfterRange(lastImport.range, '\nimport os')] };
    const isDocstring = (node: PythonNode) => node.type === 'expression_statement' && node.children[0]?.type === 'string';
    const first = module.children.find((node) => !isDocstring(node) && node.type !== 'comment');
    const at = first?.range[0] ?? text.length;
    return { binding: 'os.environ', edits: [fixer.insertTextBeforeRange([at, at], 'import os\n')] };
  }

  function suggestions(value: PythonNode, withEnvironment: boolean): Suggestion[] {
    const off = value.type === 'integer' ? '0' : 'False';
    const result: Suggestion[] = [{ messageId: 'setOff', data: { value: off }, fix: (fixer) => fixer.replaceTextRange(value.range, off) }];
    if (withEnvironment) {
      result.push({
        messageId: 'readEnvironment',
        data: { variable: 'DEBUG' },
        fix: (fixer) => {
          const { binding, edits } = environ(fixer);
          return [...edits, fixer.replaceTextRange(value.range, `${binding}.get("DEBUG", "false").lower() == "true"`)];
        },
      });
    }
    return result;
  }

  function report(node: PythonNode, messageId: MessageIds, value: PythonNode, setting = name(node), withEnvironment = true): void {
    if (environmentGuarded(node)) return;
    context.report({ loc: node.loc, messageId, data: { setting }, suggest: suggestions(value, withEnvironment) });
  }

  function checkAssignment(assignment: PythonNode): void {
    const left = field(assignment, 'left');
    let value = field(assignment, 'right');
    while (value?.type === 'assignment') value = field(value, 'right');
    if (!left || !isOn(value)) return;
    if (left.type === 'identifier') {
      const scope = owner(assignment);
      if (!scope) return;
      const target = name(left);
      if (scope.type === 'module') {
        if (target === 'DEBUG' && isSettingsModule()) report(assignment, 'debugEnabled', value);
        return;
      }
      const className = name(field(scope, 'name') ?? scope);
      const bases = field(scope, 'superclasses');
      const isPydanticSettings = bases !== undefined && /\bBaseSettings\b/.test(name(bases));
      if (isPydanticSettings && target.toLowerCase() === 'debug' && field(assignment, 'type')) {
        if (!isDevelopmentClass(scope)) report(assignment, 'debugEnabled', value, name(assignment), false);
        return;
      }
      const isConfigClass = /(?:Config|Settings|Configuration)$/.test(className) || isSettingsModule();
      if (target === 'DEBUG' && isConfigClass && !isDevelopmentClass(scope)) report(assignment, 'debugEnabled', value);
      return;
    }
    if (left.type === 'attribute') {
      // `app.debug = True` on a web app (not `self.debug`, not `client.debug` of another library).
      const object = field(left, 'object');
      const attribute = field(left, 'attribute');
      if (attribute && name(attribute) === 'debug' && object?.type === 'identifier' && APP_NAME.test(name(object)) && usesFramework(WEB_FRAMEWORKS)) {
        report(assignment, 'debugEnabled', value);
      }
      return;
    }
    if (left.type === 'subscript') {
      // `app.config["DEBUG"] = True`
      const container = dottedName(field(left, 'value'), text);
      if (container?.endsWith('.config') && stringValue(field(left, 'subscript'), text) === 'DEBUG') report(assignment, 'debugEnabled', value);
    }
  }

  function checkCall(call: PythonNode): void {
    const callee = calleeName(call, text);
    if (!callee) return;
    const method = callee.slice(callee.lastIndexOf('.') + 1);
    const { keywords, positional } = callArguments(call, text);
    if (RUN_METHODS.has(method) && !OTHER_RUNNERS.test(callee) && usesFramework(DEBUG_SERVERS)) {
      for (const keyword of ['debug', 'use_debugger']) {
        const value = keywords.get(keyword);
        if (isOn(value)) report(parent(value)!, 'debugServer', value, `${callee}(${keyword}=${name(value)})`);
      }
      return;
    }
    if (DEBUG_APPS.has(method)) {
      const value = keywords.get('debug');
      if (isOn(value)) report(parent(value)!, 'debugEnabled', value, `${callee}(debug=${name(value)})`);
      return;
    }
    if (/\.config\.(?:update|from_mapping)$/.test(callee)) {
      // `app.config.update(DEBUG=True)`, `app.config.update({"DEBUG": True})`
      const value = keywords.get('DEBUG');
      if (isOn(value)) report(parent(value)!, 'debugEnabled', value, `${callee}(DEBUG=${name(value)})`);
      const mapping = positional[0];
      if (mapping?.type !== 'dictionary') return;
      for (const pair of mapping.children) {
        const pairValue = field(pair, 'value');
        if (pair.type === 'pair' && stringValue(field(pair, 'key'), text) === 'DEBUG' && isOn(pairValue)) report(pair, 'debugEnabled', pairValue);
      }
      return;
    }
    // Bottle's `bottle.debug(True)`.
    if ((callee === 'bottle.debug' || imports().get(callee) === 'bottle.debug') && isOn(positional[0])) {
      report(call, 'debugEnabled', positional[0]);
    }
  }

  return {
    assignment: checkAssignment,
    call: checkCall,
  };
}
