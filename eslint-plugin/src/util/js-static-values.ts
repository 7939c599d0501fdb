import { ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** Values a JS/TS rule can know without running the code, shared by the rules that follow constants. */

/** `name` for `x.name`, `x["name"]` and `{ name: ... }`; undefined for a computed name. */
export function staticPropertyName(node: TSESTree.MemberExpression | TSESTree.Property): string | undefined {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** A variable declared once, with an initializer, and never assigned again. */
export interface ConstantBinding {
  variable: TSESLint.Scope.Variable;
  init: TSESTree.Expression;
  /** What is declared: the identifier, or the pattern that holds it (`const { a } = b`). */
  id: TSESTree.BindingName;
  /** The declared identifier itself. */
  name: TSESTree.Identifier;
}

/** How `identifier` is bound, when it is bound once to an initial value that no write replaces. */
export function constantBinding(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): ConstantBinding | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== TSESLint.Scope.DefinitionType.Variable || !definition.node.init) return undefined;
  // The declaration's own initialization is the only write allowed.
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return { variable, init: definition.node.init, id: definition.node.id, name: definition.name };
}

/** The initializer of a plain name bound once (`constantBinding`), unless one of its properties is assigned later. */
export function constantInitializer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESTree.Expression | undefined {
  const binding = constantBinding(sourceCode, identifier);
  if (binding?.id.type !== 'Identifier') return undefined;
  // `const options = { rounds: 12 }; options.rounds = 4;`: the declared object is not what is used.
  const mutated = binding.variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
    return node !== reference.identifier && node.parent?.type === 'AssignmentExpression' && node.parent.left === node;
  });
  return mutated ? undefined : binding.init;
}

/** The expression under TypeScript casts, `!`, optional chains and `await`, which all pass its value on. */
export function unwrapValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (
      current.type === 'TSAsExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ChainExpression'
    ) {
      current = current.expression;
    } else if (current.type === 'AwaitExpression') {
      current = current.argument;
    } else {
      return current;
    }
  }
}

/** The expression under TypeScript casts and `!`, which change only its type. */
export function unwrapCasts<T extends TSESTree.Node>(node: T): T | TSESTree.Expression {
  let current: T | TSESTree.Expression = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion'
  ) {
    current = current.expression;
  }
  return current;
}

/** A name the file's top level binds to a module: `import x from 'm'`, `const { y } = require('m')`. */
export interface ModuleBinding {
  module: string;
  /** `*` for a default or namespace import. */
  imported: string;
  /** The local name's declaration, to tell the import from a shadowing variable. */
  identifier: TSESTree.Identifier;
}

/** The module of `require('m')` or `import('m')` (through casts and `await`); undefined for anything else. */
export function requiredModule(init: TSESTree.Node | null | undefined): string | undefined {
  if (!init) return undefined;
  const node = unwrapValue(init);
  if (node.type === 'ImportExpression' && node.source.type === 'Literal' && typeof node.source.value === 'string') {
    return node.source.value;
  }
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === 'Literal' &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

/** Every top-level import and `require`/`import()` binding of the program, by local name. */
export function moduleBindings(program: TSESTree.Program): Map<string, ModuleBinding> {
  const bindings = new Map<string, ModuleBinding>();
  const bind = (identifier: TSESTree.Identifier, module: string, imported: string): void => {
    bindings.set(identifier.name, { module, imported: imported === 'default' ? '*' : imported, identifier });
  };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const module = String(statement.source.value);
      for (const specifier of statement.specifiers) {
        const imported =
          specifier.type !== 'ImportSpecifier'
            ? '*'
            : specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : String(specifier.imported.value);
        bind(specifier.local, module, imported);
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const module = requiredModule(declarator.init);
        if (!module) continue;
        if (declarator.id.type === 'Identifier') {
          bind(declarator.id, module, '*');
        } else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type !== 'Property' || property.value.type !== 'Identifier') continue;
            const imported = staticPropertyName(property);
            if (imported) bind(property.value, module, imported);
          }
        }
      }
    }
  }
  return bindings;
}
