import { dottedName, nodeText } from './python-ast.js';
import type { PythonNode } from './python-node.js';
import { field, parent } from './python-node.js';

/** Scopes and imports of a tree-sitter-python module, for rules that follow names within a file. */

/** Nodes that open a scope of their own: names bound inside them are not the enclosing scope's. */
const SCOPE_TYPES = new Set(['function_definition', 'class_definition', 'lambda']);

/** Visits every node below `node`; nested functions, classes and lambdas only with `enterScopes`. */
export function descendants(node: PythonNode, visit: (node: PythonNode) => void, enterScopes = false): void {
  for (const child of node.children) {
    visit(child);
    if (enterScopes || !SCOPE_TYPES.has(child.type)) descendants(child, visit, enterScopes);
  }
}

/** The nearest ancestor of `node` of the given type. */
export function enclosing(node: PythonNode, type: string): PythonNode | undefined {
  for (let current = parent(node); current; current = parent(current)) {
    if (current.type === type) return current;
  }
  return undefined;
}

/**
 * The names the file's imports bind, in any scope, each with the dotted name it
 * stands for: `np` → `numpy` after `import numpy as np`, `md5` → `hashlib.md5`
 * after `from hashlib import md5`, `os` → `os` after `import os.path`.
 */
/** The names a function's parameters bind (`x`, `x: int`, `x=1`, `*args`, `**kwargs`). */
export function parameterNames(fn: PythonNode, text: string): string[] {
  const parameters = field(fn, 'parameters');
  if (!parameters) return [];
  return parameters.children.flatMap((parameter) => {
    const identifier =
      parameter.type === 'identifier'
        ? parameter
        : (field(parameter, 'name') ?? parameter.children.find((child) => child.type === 'identifier'));
    return identifier?.type === 'identifier' ? [nodeText(identifier, text)] : [];
  });
}

export function importedNames(module: PythonNode, text: string): Map<string, string> {
  const imports = new Map<string, string>();
  descendants(
    module,
    (node) => {
      if (node.type === 'import_statement') {
        for (const child of node.children) {
          if (child.field !== 'name') continue;
          if (child.type === 'aliased_import') {
            const name = field(child, 'name');
            const alias = field(child, 'alias');
            if (name && alias) imports.set(nodeText(alias, text), nodeText(name, text));
          } else {
            const head = nodeText(child, text).split('.')[0]!;
            imports.set(head, head);
          }
        }
      } else if (node.type === 'import_from_statement') {
        const moduleName = field(node, 'module_name');
        // A relative import (`from . import x`) names no module to qualify with.
        if (!moduleName || moduleName.type !== 'dotted_name') return;
        const from = nodeText(moduleName, text);
        for (const child of node.children) {
          if (child.field !== 'name') continue;
          const name = child.type === 'aliased_import' ? field(child, 'name') : child;
          const alias = child.type === 'aliased_import' ? field(child, 'alias') : child;
          if (name && alias) imports.set(nodeText(alias, text), `${from}.${nodeText(name, text)}`);
        }
      }
    },
    true,
  );
  return imports;
}

/** `np.random.rand` → `numpy.random.rand` (see `importedNames`); undefined when the first name is not imported. */
export function importedName(node: PythonNode | undefined, text: string, imports: ReadonlyMap<string, string>): string | undefined {
  const dotted = dottedName(node, text);
  if (!dotted) return undefined;
  const [head, ...rest] = dotted.split('.');
  const qualified = imports.get(head!);
  return qualified ? [qualified, ...rest].join('.') : undefined;
}
