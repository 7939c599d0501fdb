import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cookieNameFromIdentifier, HOLE } from '../../detectors/cookies.js';
import { constantBinding, staticPropertyName, unwrapValue } from '../../util/js-static-values.js';

type Node = TSESTree.Node;
const MAX_DEPTH = 5;

export interface CookieName {
  /** What the auth-name check reads. */
  match: string;
  /** How messages show the name. */
  display: string;
}

export interface ImportedName {
  source: string;
  /** `default`, `*` for a namespace, or the exported name. */
  imported: string;
}

/** `require('x')`, `require('x').default`, `require('x').name`: the module and the member taken. */
function requireOf(init: Node | null): { source: string; member: string | undefined } | undefined {
  let node = init && unwrapValue(init);
  let member: string | undefined;
  if (node?.type === AST_NODE_TYPES.MemberExpression) {
    member = staticPropertyName(node);
    node = unwrapValue(node.object);
  }
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? { source: argument.value, member } : undefined;
}

/**
 * The names a module binds from imports and top-level requires, read once per
 * file so that calls can be matched by name before any scope lookup.
 */
export function moduleImports(program: TSESTree.Program): Map<string, ImportedName> {
  const imports = new Map<string, ImportedName>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of statement.specifiers) {
        const imported =
          specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value
            : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
              ? '*'
              : 'default';
        imports.set(specifier.local.name, { source: statement.source.value, imported });
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const required = requireOf(declarator.init);
        if (!required) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          imports.set(declarator.id.name, { source: required.source, imported: required.member ?? 'default' });
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && !required.member) {
          // const { serialize } = require('cookie')
          for (const property of declarator.id.properties) {
            const key = property.type === AST_NODE_TYPES.Property ? staticPropertyName(property) : undefined;
            if (key !== undefined && property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) {
              imports.set(property.value.name, { source: required.source, imported: key });
            }
          }
        }
      }
    }
  }
  return imports;
}

/** What the rule can know about JS values in one file: constants, imports, strings with holes. */
export function javascriptValues(sourceCode: Readonly<TSESLint.SourceCode>) {
  /** Follows constants to their initializer (and `OBJ.KEY` into a constant object). */
  function resolve(input: Node, depth = 0): Node {
    const node = unwrapValue(input);
    if (depth > MAX_DEPTH) return node;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const bound = constantBinding(sourceCode, node);
      return bound && bound.id.type === AST_NODE_TYPES.Identifier ? resolve(bound.init, depth + 1) : node;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(node);
      const object = resolve(node.object, depth + 1);
      if (name === undefined || object.type !== AST_NODE_TYPES.ObjectExpression) return node;
      const property = object.properties.find(
        (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticPropertyName(candidate) === name,
      );
      return property ? resolve(property.value, depth + 1) : node;
    }
    return node;
  }

  /** A string with its computed parts as `HOLE`; undefined when nothing of it is static. */
  function text(input: Node, depth = 0): string | undefined {
    const node = resolve(input, depth);
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
    if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      return node.quasis.map((quasi, index) => {
        const expression = node.expressions[index];
        return (quasi.value.cooked ?? '') + (expression ? (text(expression, depth + 1) ?? HOLE) : '');
      }).join('');
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
      const left = text(node.left, depth + 1);
      const right = text(node.right, depth + 1);
      return left === undefined && right === undefined ? undefined : (left ?? HOLE) + (right ?? HOLE);
    }
    return undefined;
  }

  /**
   * A cookie name: `match` is its value with computed parts as `*`, or, when
   * the value is unknown, what the constant's name says (`TOKEN_COOKIE` →
   * `token`); `display` is how messages show it (`"token"`, `TOKEN_COOKIE`).
   */
  function cookieName(input: Node): CookieName | undefined {
    const value = text(input);
    if (value !== undefined) {
      if (value.replaceAll(HOLE, '') === '') return undefined;
      const match = value.replaceAll(HOLE, '*');
      return { match, display: `"${match}"` };
    }
    const node = resolve(input);
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(node) : undefined;
    const hint = name === undefined ? '' : cookieNameFromIdentifier(name);
    return hint === '' ? undefined : { match: hint, display: sourceCode.getText(input) };
  }

  let imports: Map<string, ImportedName> | undefined;

  /** The module an identifier is imported or required from (at the top level), and the name it is imported as. */
  function importOf(identifier: TSESTree.Identifier): ImportedName | undefined {
    imports ??= moduleImports(sourceCode.ast);
    const imported = imports.get(identifier.name);
    if (!imported) return undefined;
    // The name must be the module's binding, not a local that shadows it.
    const scope = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.scope.type;
    return scope === 'module' || scope === 'global' ? imported : undefined;
  }

  function isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    return !variable || variable.defs.length === 0;
  }

  return { resolve, text, cookieName, importOf, isGlobal };
}

export type JavascriptValues = ReturnType<typeof javascriptValues>;
