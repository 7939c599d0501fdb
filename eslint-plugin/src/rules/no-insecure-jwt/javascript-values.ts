import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { numericOperation } from '../../detectors/password-hashing.js';
import {
  constantInitializer as sharedConstantInitializer,
  moduleBindings,
  requiredModule,
  staticPropertyName,
  unwrapValue as unwrap,
  type ModuleBinding,
} from '../../util/js-static-values.js';

/**
 * Same-file values for the JWT rule: module bindings (`import jwt from 'jsonwebtoken'`,
 * from util/js-static-values.ts), constants, object options.
 */

export type Node = TSESTree.Node;

/** A value the rule could compute, the node that gives it, and the names it was read through. */
export interface Known<T> {
  value: T;
  node: Node;
  names: string[];
}

/** A callee as a dotted path, with the module its first part was imported from. */
export interface Callee {
  module: string | undefined;
  path: string[];
  /** The first part is a name nothing in the file declares (a global, or a snippet without imports). */
  undeclared: boolean;
}

// The rule's other files take the shared helper from here, under the name they use.
export { unwrap };

export function isFunction(node: Node): node is TSESTree.FunctionLike {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

export function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') {
    return parent.key.type === 'Identifier' ? parent.key.name : undefined;
  }
  if (parent?.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression') return staticPropertyName(parent.left);
  return undefined;
}

export function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** `name` for `name`, `a.b.name`, `process.env.NAME`; undefined otherwise. */
export function referenceName(node: Node): string | undefined {
  const current = unwrap(node);
  if (current.type === 'Identifier') return current.name;
  if (current.type === 'MemberExpression') return staticPropertyName(current);
  return undefined;
}

export function jsValues(sourceCode: Readonly<TSESLint.SourceCode>) {
  let bindings: ReadonlyMap<string, ModuleBinding> = new Map();

  function collectBindings(program: TSESTree.Program): void {
    bindings = moduleBindings(program);
  }

  function calleeOf(node: Node): Callee | undefined {
    const path: string[] = [];
    let current = unwrap(node);
    while (current.type === 'MemberExpression') {
      const name = staticPropertyName(current);
      if (name === undefined) return undefined;
      path.unshift(name);
      current = unwrap(current.object);
    }
    if (current.type === 'Identifier') {
      const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
      const binding = bindings.get(current.name);
      if (binding && variable?.identifiers.includes(binding.identifier)) {
        path.unshift(binding.imported === '*' ? current.name : binding.imported);
        return { module: binding.module, path, undeclared: false };
      }
      return { module: undefined, path: [current.name, ...path], undeclared: !variable || variable.defs.length === 0 };
    }
    if (current.type === 'ThisExpression') return { module: undefined, path: ['this', ...path], undeclared: false };
    const module = requiredModule(current);
    return module ? { module, path, undeclared: false } : undefined;
  }

  /** The initializer of a variable that is only ever given that one value and whose properties are never assigned. */
  function constantInitializer(identifier: TSESTree.Identifier): Node | undefined {
    return sharedConstantInitializer(sourceCode, identifier);
  }

  /** A property's value; `unknown` when a spread or computed key may set it. */
  function property(object: TSESTree.ObjectExpression, name: string): Node | 'unknown' | undefined {
    let found: Node | 'unknown' | undefined;
    for (const member of object.properties) {
      if (member.type === 'SpreadElement') found = 'unknown';
      else if (staticPropertyName(member) === name && member.kind === 'init') found = member.value;
      else if (member.computed && staticPropertyName(member) === undefined) found = 'unknown';
    }
    return found;
  }

  function resolveObject(node: Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined {
    if (!node || depth > 8) return undefined;
    const current = unwrap(node);
    if (current.type === 'ObjectExpression') return current;
    if (current.type === 'Identifier') return resolveObject(constantInitializer(current), depth + 1);
    if (current.type === 'MemberExpression') {
      const name = staticPropertyName(current);
      const object = resolveObject(current.object, depth + 1);
      const value = object && name !== undefined ? property(object, name) : undefined;
      return value && value !== 'unknown' ? resolveObject(value, depth + 1) : undefined;
    }
    return undefined;
  }

  function resolveArray(node: Node | undefined, depth = 0): TSESTree.ArrayExpression | undefined {
    if (!node || depth > 8) return undefined;
    const current = unwrap(node);
    if (current.type === 'ArrayExpression') return current;
    if (current.type === 'Identifier') return resolveArray(constantInitializer(current), depth + 1);
    if (current.type === 'MemberExpression') {
      const name = staticPropertyName(current);
      const object = resolveObject(current.object, depth + 1);
      const value = object && name !== undefined ? property(object, name) : undefined;
      return value && value !== 'unknown' ? resolveArray(value, depth + 1) : undefined;
    }
    return undefined;
  }

  function evaluate(node: Node | undefined, depth = 0): Known<number | string> | undefined {
    if (!node || depth > 8) return undefined;
    const current = unwrap(node);
    switch (current.type) {
      case 'Literal':
        return typeof current.value === 'number' || typeof current.value === 'string'
          ? { value: current.value, node: current, names: [] }
          : undefined;
      case 'TemplateLiteral':
        return current.expressions.length === 0 ? { value: current.quasis[0]!.value.cooked ?? '', node: current, names: [] } : undefined;
      case 'UnaryExpression': {
        const operand = evaluate(current.argument, depth + 1);
        if (typeof operand?.value !== 'number') return undefined;
        if (current.operator === '-') return { ...operand, value: -operand.value, node: current };
        return current.operator === '+' ? { ...operand, node: current } : undefined;
      }
      case 'BinaryExpression': {
        if (current.left.type === 'PrivateIdentifier') return undefined;
        const left = evaluate(current.left, depth + 1);
        const right = evaluate(current.right, depth + 1);
        if (typeof left?.value !== 'number' || typeof right?.value !== 'number') return undefined;
        const value = numericOperation(current.operator, left.value, right.value);
        return value === undefined ? undefined : { value, node: current, names: [...left.names, ...right.names] };
      }
      case 'Identifier': {
        const known = evaluate(constantInitializer(current), depth + 1);
        return known && { ...known, names: [current.name, ...known.names] };
      }
      case 'MemberExpression': {
        const name = staticPropertyName(current);
        const object = resolveObject(current.object, depth + 1);
        const value = object && name !== undefined ? property(object, name) : undefined;
        const known = value && value !== 'unknown' ? evaluate(value, depth + 1) : undefined;
        return known && name !== undefined ? { ...known, names: [name, ...known.names] } : undefined;
      }
      default:
        return undefined;
    }
  }

  function stringOf(node: Node | undefined): Known<string> | undefined {
    const known = evaluate(node);
    return typeof known?.value === 'string' ? (known as Known<string>) : undefined;
  }

  return { collectBindings, calleeOf, constantInitializer, property, resolveObject, resolveArray, evaluate, stringOf };
}

export type JsValues = ReturnType<typeof jsValues>;
