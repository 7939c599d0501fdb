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
