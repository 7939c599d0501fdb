import {
  isAdvisoryName,
  isPasswordCheckName,
  isPasswordFieldName,
  isPasswordRulesName,
  isValueParameterName,
  nameIntent,
} from '../../detectors/password-policy.js';
import { callArguments, calleeName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';

/** What names say in Python: which expressions hold the password being chosen, and which code is a login. */
const PARAMETER_TYPES = new Set(['typed_parameter', 'typed_default_parameter', 'default_parameter']);

/** `Field` for `pydantic.Field`. */
export function lastSegment(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('.') + 1);
}

export interface PythonNames {
  /** The name an assignment, keyword, dict key or parameter binds. */
  boundName(node: PythonNode | undefined): string | undefined;
  parameterName(parameter: PythonNode): string | undefined;
  /** Code in a login class, function, form or route. */
  isLoginCode(node: PythonNode): boolean;
  /** A strength meter or a guesser (`password_strength`): comparisons there score, they do not enforce. */
  isAdvisoryCode(node: PythonNode): boolean;
  /** `password`, `form.password.data`, `data["new_password"]`, a password check's value parameter. */
  isPassword(node: PythonNode | undefined): boolean;
  /** `password` for `len(password)`. */
  lengthSubject(node: PythonNode): PythonNode | undefined;
}

export function pythonNames(text: string): PythonNames {
  /** The name an assignment, keyword, dict key or parameter binds. */
  function boundName(node: PythonNode | undefined): string | undefined {
    if (!node) return undefined;
    if (node.type === 'identifier') return nodeText(node, text);
    if (node.type === 'attribute') {
      const attribute = field(node, 'attribute');
      return attribute && nodeText(attribute, text);
    }
    if (node.type === 'subscript') return stringValue(field(node, 'subscript'), text);
    return stringValue(node, text);
  }

  /** `/login` for `@router.post("/login")`. */
  function routeOf(decorator: PythonNode): string | undefined {
    const call = decorator.children[0];
    const [path] = call?.type === 'call' ? callArguments(call, text).positional : [];
    const value = stringValue(path, text);
    return value?.startsWith('/') ? value : undefined;
  }

  /** The names around code, nearest first: its function, class, route and assignment. */
  function* enclosingNames(node: PythonNode): Generator<string> {
    for (let current: PythonNode | undefined = node; current; current = parent(current)) {
      if (current.type === 'function_definition' || current.type === 'class_definition') {
        const name = field(current, 'name');
        if (name) yield nodeText(name, text);
      } else if (current.type === 'assignment' || current.type === 'keyword_argument') {
        const name = boundName(field(current, current.type === 'assignment' ? 'left' : 'name'));
        if (name !== undefined) yield name;
      } else if (current.type === 'decorated_definition') {
        for (const decorator of current.children) {
          const route = decorator.type === 'decorator' ? routeOf(decorator) : undefined;
          if (route !== undefined) yield route;
        }
      }
    }
  }

  function isLoginCode(node: PythonNode): boolean {
    let nearest = true;
    for (const name of enclosingNames(node)) {
      if (isPasswordRulesName(name)) continue;
      const intent = nameIntent(name, nearest);
      if (intent) return intent === 'login';
      nearest = false;
    }
    return false;
  }

  function parameterName(parameter: PythonNode): string | undefined {
    const name = parameter.type === 'identifier' ? parameter : PARAMETER_TYPES.has(parameter.type) ? (field(parameter, 'name') ?? parameter.children[0]) : undefined;
    return name?.type === 'identifier' ? nodeText(name, text) : undefined;
  }

  /** A pydantic `@validator("password")` / `@field_validator("password")` on the function. */
  function validatesPasswordField(fn: PythonNode): boolean {
    const decorated = parent(fn);
    if (decorated?.type !== 'decorated_definition') return false;
    return decorated.children.some((decorator) => {
      const call = decorator.type === 'decorator' ? decorator.children[0] : undefined;
      if (call?.type !== 'call' || !/(?:^|\.)(?:field_)?validator$/.test(calleeName(call, text) ?? '')) return false;
      return callArguments(call, text).positional.some((argument) => isPasswordFieldName(stringValue(argument, text) ?? ''));
    });
  }

  /** The value parameter of a password check: `def validate_password(password)`, `@validator("password") def v(cls, v)`. */
  function isCheckedValue(identifier: PythonNode): boolean {
    const name = nodeText(identifier, text);
    if (!isValueParameterName(name)) return false;
    let fn = parent(identifier);
    while (fn && fn.type !== 'function_definition') fn = parent(fn);
    if (!fn) return false;
    const parameters = (field(fn, 'parameters')?.children ?? []).map(parameterName).filter((parameter) => parameter !== undefined);
    const first = parameters[0] === 'self' || parameters[0] === 'cls' ? parameters[1] : parameters[0];
    if (first !== name) return false;
    const fnName = field(fn, 'name');
    return (!!fnName && isPasswordCheckName(nodeText(fnName, text))) || validatesPasswordField(fn);
  }

  /** Whether an expression holds the password being chosen: `password`, `form.password.data`, `data["new_password"]`. */
  function isPassword(node: PythonNode | undefined): boolean {
    if (!node) return false;
    if (node.type === 'identifier') return isPasswordFieldName(nodeText(node, text)) || isCheckedValue(node);
    if (node.type === 'attribute') {
      const name = boundName(node);
      return name === 'data' || name === 'value' ? isPassword(field(node, 'object')) : name !== undefined && isPasswordFieldName(name);
    }
    if (node.type === 'subscript') return isPasswordFieldName(boundName(node) ?? '');
    if (node.type === 'call' && lastSegment(calleeName(node, text)) === 'get') {
      return isPasswordFieldName(stringValue(callArguments(node, text).positional[0], text) ?? '');
    }
    return false;
  }

  /** Inside a strength meter or a guesser (`password_strength`): comparisons there score, they do not enforce. */
  function isAdvisoryCode(node: PythonNode): boolean {
    for (let current = parent(node); current; current = parent(current)) {
      const name = current.type === 'function_definition' ? field(current, 'name') : undefined;
      if (name && isAdvisoryName(nodeText(name, text))) return true;
    }
    return false;
  }

  /** `password` for `len(password)`. */
  function lengthSubject(node: PythonNode): PythonNode | undefined {
    if (node.type !== 'call' || calleeName(node, text) !== 'len') return undefined;
    const { positional } = callArguments(node, text);
    return positional.length === 1 ? positional[0] : undefined;
  }

  return { boundName, parameterName, isLoginCode, isAdvisoryCode, isPassword, lengthSubject };
}
