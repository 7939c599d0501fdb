import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { DatabaseTlsFinding, Range } from '../../detectors/transport-security.js';
import { databaseEngine, findDatabaseTlsIssues, hostKind, isLocalUrl } from '../../detectors/transport-security.js';
import { staticPropertyName } from '../../util/js-static-values.js';
import type { DatabaseTlsRule } from '../require-database-tls.js';
import type { CallNode, StringNode } from './javascript-strings.js';
import { calleeName, enclosingObjects, isCall, literalSettings, scanString, stringValue } from './javascript-strings.js';

const PREFILTER = /postgres|pgsql|postgis|mysql|mariadb|host\s*=|\bssl\b/i;
/** Keys that set TLS for a driver: when one is next to a connection string, TLS is decided there. */
const TLS_KEYS = new Set(['ssl', 'sslmode', 'tls']);
const HOST_KEYS = new Set(['host', 'hostname', 'server']);
const URL_KEYS = new Set(['connectionString', 'url', 'uri', 'connectionUri']);
/** `type` (TypeORM), `dialect` (Sequelize), `client` (knex) values of PostgreSQL and MySQL. */
const DATABASE_NAMES = /^(?:postgres|postgresql|pg|pg-native|cockroachdb|mysql|mysql2|mariadb|aurora-mysql|aurora-postgres)$/;
const DRIVER_KEYS = new Set(['type', 'dialect', 'client']);
/** Parents whose `ssl` is the database driver's: Sequelize `dialectOptions`, knex `connection`, TypeORM `extra`. */
const DRIVER_OPTION_KEYS = new Set(['dialectOptions', 'connection', 'extra']);
/** Constructors and factories that take database connection options. */
const DRIVER_CALLS = new Set(['Pool', 'Client', 'createPool', 'createConnection', 'Sequelize', 'DataSource', 'postgres', 'knex', 'Knex', 'forRoot', 'PostgresDialect', 'MysqlDialect']);
/** Walking up from a string stops at these: past them the string is not part of the same call. */
const BOUNDARIES = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassBody,
]);

export function javascriptVisitors({ context, options, reportFinding, reportOption }: DatabaseTlsRule): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!PREFILTER.test(sourceCode.text)) return {};

  /** Whether an object (or an object one or two levels inside it) sets TLS; a spread may. */
  function setsTls(object: TSESTree.ObjectExpression, depth = 0): boolean {
    return object.properties.some((property) => {
      if (property.type === AST_NODE_TYPES.SpreadElement) return true;
      const name = staticPropertyName(property);
      if (name !== undefined && TLS_KEYS.has(name)) return true;
      return depth < 2 && property.value.type === AST_NODE_TYPES.ObjectExpression && setsTls(property.value, depth + 1);
    });
  }

  function callSetsTls(call: CallNode): boolean {
    return call.arguments.some((argument) => argument.type === AST_NODE_TYPES.ObjectExpression && setsTls(argument));
  }

  /** Whether TLS is set next to where the string is used: in its object, in the call it is passed to, or where its constant is. */
  function tlsSetNearby(node: TSESTree.Node, followConstant = true): boolean {
    let current: TSESTree.Node = node;
    while (current.parent && !BOUNDARIES.has(current.parent.type)) {
      const parent: TSESTree.Node = current.parent;
      if (parent.type === AST_NODE_TYPES.ObjectExpression && setsTls(parent)) return true;
      if (isCall(parent) && parent.arguments.includes(current as TSESTree.Expression)) return callSetsTls(parent);
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
        if (!followConstant) return false;
        const variable = ASTUtils.findVariable(sourceCode.getScope(parent), parent.id);
        return variable?.references.some((reference) => !reference.init && tlsSetNearby(reference.identifier, false)) ?? false;
      }
      current = parent;
    }
    return false;
  }

  function check(node: StringNode): void {
    const scanned = scanString(sourceCode, node);
    if (!scanned) return;
    const { text, offset, openEnd } = scanned;
    let findings: DatabaseTlsFinding[] = findDatabaseTlsIssues(text, options, { openEnd });
    if (findings.some((finding) => finding.kind === 'missing') && tlsSetNearby(node)) {
      findings = findings.filter((finding) => finding.kind !== 'missing');
    }
    const shift = (range: Range): Range => [range[0] + offset, range[1] + offset];
    for (const finding of findings) {
      reportFinding({ ...finding, range: shift(finding.range), edit: finding.edit && { ...finding.edit, range: shift(finding.edit.range) } });
    }
  }

  function isDatabaseConfig(objects: TSESTree.ObjectExpression[], call: CallNode | undefined): boolean {
    // Another database's options (`type: 'mongodb'`, `mongoose.createConnection('mongodb://…', { ssl: false })`).
    const otherEngine = literalSettings(objects, call).some(({ key, value }) => {
      if (DRIVER_KEYS.has(key)) return !DATABASE_NAMES.test(value);
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
      return scheme !== undefined && databaseEngine(scheme) === undefined;
    });
    if (otherEngine) return false;
    if (call && DRIVER_CALLS.has(calleeName(call) ?? '')) return true;
    return objects.some((object) => {
      const key = object.parent.type === AST_NODE_TYPES.Property ? staticPropertyName(object.parent) : undefined;
      if (key !== undefined && DRIVER_OPTION_KEYS.has(key)) return true;
      return object.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property) return false;
        const name = staticPropertyName(property) ?? '';
        if (name === 'connectionString' || name === 'database') return true;
        return DRIVER_KEYS.has(name) && DATABASE_NAMES.test(stringValue(property.value) ?? '');
      });
    });
  }

  /** The connection names a local or private host in a literal (`host: 'localhost'`, `'postgres://db/app'`). */
  function targetsLocalHost(objects: TSESTree.ObjectExpression[], call: CallNode | undefined): boolean {
    return literalSettings(objects, call).some(({ key, value }) => {
      if (HOST_KEYS.has(key)) {
        const kind = hostKind(value, options);
        return kind === 'local' || kind === 'private';
      }
      return URL_KEYS.has(key) && isLocalUrl(value, options);
    });
  }

  return {
    Literal(node: TSESTree.Literal) {
      if (typeof node.value === 'string') check(node as TSESTree.StringLiteral);
    },
    TemplateLiteral(node: TSESTree.TemplateLiteral) {
      check(node);
    },
    Property(node: TSESTree.Property) {
      if (staticPropertyName(node) !== 'ssl' || node.value.type !== AST_NODE_TYPES.Literal || node.value.value !== false) return;
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const { objects, call } = enclosingObjects(node.parent);
      if (!isDatabaseConfig(objects, call) || targetsLocalHost(objects, call)) return;
      reportOption(node.range, 'ssl: false', { range: node.value.range, text: 'true', replacement: 'ssl: true' });
    },
  };
}
