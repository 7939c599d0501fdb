import type { TSESLint } from '@typescript-eslint/utils';
import { numericOperation } from '../../detectors/password-hashing.js';
import {
  LIBRARY_DEFAULT_MIN_LENGTH,
  comparisonBound,
  isDjangoMinimumLengthValidator,
  isMinLengthKey,
  isMinLengthSettingName,
  isPasswordRulesName,
  isWeakMinimum,
  minimumFromComparison,
} from '../../detectors/password-policy.js';
import { callArguments, calleeName, nodeText, stringValue } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import { treeSourceCode } from '../../util/languages.js';
import type { Context, WeakMinimum } from '../require-strong-password-policy.js';
import { reportWeakMinimum } from '../require-strong-password-policy.js';
import { lastSegment, pythonNames } from './python-names.js';

interface Known {
  value: number;
  /** Read through a name that is reported where it is assigned (`PASSWORD_MIN_LENGTH`): not reported again here. */
  viaSetting: boolean;
}

interface Candidate extends Known {
  node: PythonNode;
}

/** Containers a schema's minimum may sit in: `Annotated[str, Field(...)]`, `validators=[Length(min=8)]`. */
const CONTAINERS = new Set([
  'list', 'tuple', 'expression_list', 'parenthesized_expression', 'type', 'generic_type', 'type_parameter', 'subscript', 'argument_list',
]);
/** WTForms / marshmallow `Length(min=8)`, annotated-types `Len(8)` / `MinLen(8)`: the minimum is `min=` or the first argument. */
const LENGTH_CALLS = new Set(['Length', 'Len', 'MinLen']);
/** Field and schema constructors whose `min_length=` is a minimum length (pydantic, FastAPI, Django, DRF, marshmallow). */
const SCHEMA_CALLS = /^(?:constr|conbytes|Field|StringConstraints|Form|Query|Body|Header|Cookie|Path|Str|String|Argument|Annotated|\w*Field)$/;
const NESTED_RULE_KEYS = new Set(['validate', 'validation', 'validators', 'length', 'rules', 'constraints', 'options', 'schema']);

export function pythonVisitors(context: Context, required: number): Record<string, (node: never) => void> {
  const sourceCode = treeSourceCode<PythonNode>(context);
  const text = sourceCode.text;
  const mentionsDjangoValidator = text.includes('MinimumLengthValidator');
  const reported = new Set<string>();
  const scopes = new Map<PythonNode, Map<string, PythonNode | null>>();
  const { boundName, isLoginCode, isAdvisoryCode, isPassword, lengthSubject, parameterName } = pythonNames(text);

  function report(node: PythonNode, finding: Omit<WeakMinimum, 'loc'>): void {
    const key = node.range.join(':');
    if (reported.has(key)) return;
    reported.add(key);
    reportWeakMinimum(context, required, { loc: node.loc, ...finding });
  }

  const replaceWith = (node: PythonNode, value: number) => (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(node.range, String(value));

  // ---- values ---------------------------------------------------------------

  /** Names assigned exactly once in a module or class body (null when assigned more than once). */
  function assignmentsIn(body: PythonNode): Map<string, PythonNode | null> {
    let names = scopes.get(body);
    if (names) return names;
    names = new Map();
    for (const statement of body.children) {
      const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
      if (assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') continue;
      const left = field(assignment, 'left');
      if (left?.type !== 'identifier') continue;
      const name = nodeText(left, text);
      const right = field(assignment, 'right');
      names.set(name, names.has(name) || assignment.type === 'augmented_assignment' || !right ? null : right);
    }
    scopes.set(body, names);
    return names;
  }

  /** The value of a constant of the enclosing class body or of the module. */
  function constantValue(identifier: PythonNode): PythonNode | undefined {
    const name = nodeText(identifier, text);
    for (let current = parent(identifier); current; current = parent(current)) {
      if (current.type === 'class_definition') {
        const body = field(current, 'body');
        const value = body && assignmentsIn(body).get(name);
        if (value !== undefined) return value ?? undefined;
      }
      if (current.type === 'module') return assignmentsIn(current).get(name) ?? undefined;
    }
    return undefined;
  }

  function evaluate(node: PythonNode | undefined, depth = 0): Known | undefined {
    if (!node || depth > 6) return undefined;
    switch (node.type) {
      case 'integer': {
        const value = Number(nodeText(node, text).replace(/_/g, ''));
        return Number.isFinite(value) ? { value, viaSetting: false } : undefined;
      }
      case 'parenthesized_expression':
        return node.children.length === 1 ? evaluate(node.children[0], depth + 1) : undefined;
      case 'unary_operator': {
        const operator = field(node, 'operator')?.type;
        const argument = operator === '-' || operator === '+' ? evaluate(field(node, 'argument'), depth + 1) : undefined;
        return argument && { ...argument, value: operator === '-' ? -argument.value : argument.value };
      }
      case 'binary_operator': {
        const left = evaluate(field(node, 'left'), depth + 1);
        const right = left && evaluate(field(node, 'right'), depth + 1);
        const operator = field(node, 'operator')?.type;
        const value = left && right && operator ? numericOperation(operator, left.value, right.value) : undefined;
        return value === undefined || !left || !right ? undefined : { value, viaSetting: left.viaSetting || right.viaSetting };
      }
      case 'identifier': {
        const value = evaluate(constantValue(node), depth + 1);
        const name = nodeText(node, text);
        return value && { ...value, viaSetting: value.viaSetting || isMinLengthSettingName(name) || isPasswordRulesName(name) };
      }
      default:
        return undefined;
    }
  }

  /** A minimum and the expression that sets it: `8`, or the first element of `[8, 64]`. */
  function push(candidates: Candidate[], input: PythonNode | undefined): void {
    const value = input?.type === 'list' || input?.type === 'tuple' ? input.children[0] : input;
    const known = evaluate(value);
    if (value && known) candidates.push({ ...known, node: value });
  }

  /** Minimums in a schema: `constr(min_length=8)`, `Field(min_length=8)`, `Length(min=8)`, `{"minLength": 8}`. */
  function collect(node: PythonNode | undefined, candidates: Candidate[], depth = 0): void {
    if (!node || depth > 12) return;
    if (node.type === 'call') {
      const name = lastSegment(calleeName(node, text));
      const { positional, keywords } = callArguments(node, text);
      if (name && SCHEMA_CALLS.test(name)) push(candidates, keywords.get('min_length'));
      if (name && LENGTH_CALLS.has(name)) push(candidates, keywords.get('min') ?? positional[0]);
      for (const argument of [...positional, ...keywords.values()]) collect(argument, candidates, depth + 1);
    } else if (node.type === 'dictionary') {
      for (const pair of node.children) {
        const key = pair.type === 'pair' ? stringValue(field(pair, 'key'), text) : undefined;
        if (key === undefined) continue;
        if (isMinLengthKey(key)) push(candidates, field(pair, 'value'));
        else if (NESTED_RULE_KEYS.has(key)) collect(field(pair, 'value'), candidates, depth + 1);
      }
    } else if (CONTAINERS.has(node.type)) {
      for (const child of node.children) collect(child, candidates, depth + 1);
    }
  }

  function checkSchema(nodes: (PythonNode | undefined)[], at: PythonNode): void {
    const candidates: Candidate[] = [];
    for (const node of nodes) collect(node, candidates);
    let best: Candidate | undefined;
    for (const candidate of candidates) if (!best || candidate.value > best.value) best = candidate;
    if (!best || best.viaSetting || !isWeakMinimum(best.value, required) || isLoginCode(at)) return;
    report(best.node, { actual: best.value, fix: replaceWith(best.node, required) });
  }

  function checkSetting(value: PythonNode | undefined): void {
    const known = evaluate(value);
    if (!value || !known || known.viaSetting || !isWeakMinimum(known.value, required)) return;
    report(value, { actual: known.value, fix: replaceWith(value, required) });
  }

  /** Django's `{"NAME": "...MinimumLengthValidator", "OPTIONS": {"min_length": 8}}`; without OPTIONS the minimum is 8. */
  function checkDjangoValidator(dictionary: PythonNode): void {
    const pairs = new Map<string, PythonNode>();
    for (const pair of dictionary.children) {
      const key = pair.type === 'pair' ? stringValue(field(pair, 'key'), text) : undefined;
      if (key !== undefined) pairs.set(key, pair);
    }
    const namePair = pairs.get('NAME');
    const validator = namePair && field(namePair, 'value');
    if (!namePair || !isDjangoMinimumLengthValidator(stringValue(validator, text) ?? '')) return;
    const quote = /["']/.exec(nodeText(field(namePair, 'key')!, text))?.[0] ?? '"';
    const minLengthEntry = `${quote}min_length${quote}: ${required}`;
    const optionsPair = pairs.get('OPTIONS');
    const options = optionsPair && field(optionsPair, 'value');
    if (!optionsPair) {
      const end = namePair.range[1];
      report(validator!, {
        actual: LIBRARY_DEFAULT_MIN_LENGTH,
        defaultOf: 'MinimumLengthValidator',
        fix: (fixer) => fixer.insertTextAfterRange([end, end], `, ${quote}OPTIONS${quote}: {${minLengthEntry}}`),
      });
      return;
    }
    if (options?.type !== 'dictionary') return;
    const entries = options.children.filter((child) => child.type === 'pair' || child.type === 'dictionary_splat');
    const minLength = entries.find((pair) => pair.type === 'pair' && stringValue(field(pair, 'key'), text) === 'min_length');
    if (minLength) {
      checkSetting(field(minLength, 'value'));
      return;
    }
    if (entries.some((entry) => entry.type === 'dictionary_splat')) return;
    const [first] = entries;
    report(options, {
      actual: LIBRARY_DEFAULT_MIN_LENGTH,
      defaultOf: 'MinimumLengthValidator',
      fix: first
        ? (fixer) => fixer.insertTextBeforeRange(first.range, `${minLengthEntry}, `)
        : (fixer) => fixer.replaceTextRange(options.range, `{${minLengthEntry}}`),
    });
  }

  function checkComparison(node: PythonNode): void {
    const operands = node.children.filter((child) => child.field !== 'operators');
    const operators = node.children.filter((child) => child.field === 'operators');
    for (let i = 0; i < operators.length; i++) {
      const left = operands[i];
      const right = operands[i + 1];
      if (!left || !right) return;
      const subject = lengthSubject(left) ?? lengthSubject(right);
      const lengthOnLeft = subject !== undefined && lengthSubject(left) === subject;
      const bound = lengthOnLeft ? right : left;
      const known = subject && evaluate(bound);
      if (!known || known.viaSetting) continue;
      const operator = nodeText(operators[i]!, text);
      const minimum = minimumFromComparison(operator, lengthOnLeft, known.value);
      if (minimum === undefined || !isWeakMinimum(minimum, required) || !isPassword(subject)) continue;
      if (isLoginCode(node) || isAdvisoryCode(node)) continue;
      report(bound, { actual: minimum, fix: replaceWith(bound, comparisonBound(operator, lengthOnLeft, required)) });
    }
  }

  /** A binding (`name = value`, `name: type = value`, `name=value`, `"name": value`) checked by its name. */
  function checkBinding(name: string | undefined, nodes: (PythonNode | undefined)[], at: PythonNode): void {
    if (name === undefined) return;
    if (isMinLengthSettingName(name)) checkSetting(nodes[nodes.length - 1]);
    else if (isPasswordRulesName(name)) checkSchema(nodes, at);
  }

  /** FastAPI `password: str = Form(min_length=8)`, `password: Annotated[str, Body(min_length=8)]`. */
  function checkParameter(node: PythonNode): void {
    const name = parameterName(node);
    if (name !== undefined && isPasswordRulesName(name)) checkSchema([field(node, 'type'), field(node, 'value')], node);
  }

  return {
    assignment(node: PythonNode) {
      checkBinding(boundName(field(node, 'left')), [field(node, 'type'), field(node, 'right')], node);
    },
    keyword_argument(node: PythonNode) {
      checkBinding(boundName(field(node, 'name')), [field(node, 'value')], node);
    },
    pair(node: PythonNode) {
      checkBinding(stringValue(field(node, 'key'), text), [field(node, 'value')], node);
    },
    typed_parameter: checkParameter,
    typed_default_parameter: checkParameter,
    default_parameter: checkParameter,
    call(node: PythonNode) {
      const name = lastSegment(calleeName(node, text));
      if (name === 'PasswordField') {
        checkSchema([node], node);
      } else if (name && isDjangoMinimumLengthValidator(name)) {
        const { positional, keywords } = callArguments(node, text);
        const value = keywords.get('min_length') ?? positional[0];
        if (value) {
          checkSetting(value);
        } else if (field(node, 'arguments')?.children.length === 0) {
          const end = node.range[1] - 1;
          report(node, {
            actual: LIBRARY_DEFAULT_MIN_LENGTH,
            defaultOf: 'MinimumLengthValidator',
            fix: (fixer) => fixer.insertTextBeforeRange([end, end], `min_length=${required}`),
          });
        }
      }
    },
    dictionary(node: PythonNode) {
      if (mentionsDjangoValidator) checkDjangoValidator(node);
    },
    comparison_operator(node: PythonNode) {
      checkComparison(node);
    },
  };
}
