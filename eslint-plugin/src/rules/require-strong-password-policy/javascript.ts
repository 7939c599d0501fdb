import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { numericOperation } from '../../detectors/password-hashing.js';
import {
  LIBRARY_DEFAULT_MIN_LENGTH,
  comparisonBound,
  isMinLengthKey,
  isMinLengthSettingName,
  isPasswordRulesName,
  isWeakMinimum,
  minimumFromComparison,
} from '../../detectors/password-policy.js';
import { constantBinding, staticPropertyName } from '../../util/js-static-values.js';
import type { Context, WeakMinimum } from '../require-strong-password-policy.js';
import { reportWeakMinimum } from '../require-strong-password-policy.js';
import { calleeName, declaredName, javascriptNames, lengthSubject, unwrap } from './javascript-names.js';

type Node = TSESTree.Node;

/** A number the rule could compute. */
interface Known {
  value: number;
  /** Read through a name that is reported where it is declared (`PASSWORD_MIN_LENGTH`): not reported again here. */
  viaSetting: boolean;
}

/** A minimum found in a schema, and the expression that sets it. */
interface Candidate extends Known {
  node: Node;
  /** `.min(n)` counts only on a string schema (`z.string().min(8)`, not `z.number().min(8)`). */
  needsString: boolean;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=']);
/** Schema calls that make a string: `z.string()`, `Joi.string()`, `Type.String()`, `v.string()`. */
const STRING_CALLS = new Set(['string', 'str', 'String']);
/** Calls whose first argument is a minimum length: valibot/zod 4 `minLength(8)`, Angular `Validators.minLength(8)`. */
const MIN_LENGTH_CALLS = new Set(['minLength', 'minlength', 'min_length']);
/** Keys of a rules object that may hold the length rules (mongoose `validate`, Sequelize `validate.len`). */
const NESTED_RULE_KEYS = new Set(['validate', 'validation', 'validators', 'validator', 'length', 'rules', 'constraints', 'options', 'args']);
export function javascriptVisitors(context: Context, required: number): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const { isLoginCode, isAdvisoryCode, isPasswordFieldChain, isPassword } = javascriptNames(sourceCode);
  const reported = new Set<string>();

  function report(node: Node, finding: Omit<WeakMinimum, 'loc'>): void {
    const key = node.range.join(':');
    if (reported.has(key)) return;
    reported.add(key);
    reportWeakMinimum(context, required, { loc: node.loc, ...finding });
  }

  const replaceWith = (node: Node, value: number) => (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, String(value));

  // ---- values ---------------------------------------------------------------

  function evaluate(input: Node, depth = 0): Known | undefined {
    const node = unwrap(input);
    if (depth > 6) return undefined;
    switch (node.type) {
      case 'Literal':
        return typeof node.value === 'number' ? { value: node.value, viaSetting: false } : undefined;
      case 'UnaryExpression': {
        const argument = node.operator === '-' || node.operator === '+' ? evaluate(node.argument, depth + 1) : undefined;
        return argument && { ...argument, value: node.operator === '-' ? -argument.value : argument.value };
      }
      case 'BinaryExpression': {
        if (node.left.type === 'PrivateIdentifier') return undefined;
        const left = evaluate(node.left, depth + 1);
        const right = left && evaluate(node.right, depth + 1);
        const value = right && numericOperation(node.operator, left.value, right.value);
        return value === undefined || !right || !left ? undefined : { value, viaSetting: left.viaSetting || right.viaSetting };
      }
      case 'Identifier': {
        const binding = constantBinding(sourceCode, node);
        if (!binding || binding.id.type !== 'Identifier') return undefined;
        const value = evaluate(binding.init, depth + 1);
        return value && { ...value, viaSetting: value.viaSetting || isMinLengthSettingName(node.name) || isPasswordRulesName(node.name) };
      }
      case 'MemberExpression': {
        // `POLICY.minLength` with `const POLICY = { minLength: 8 }` in the file.
        const name = staticPropertyName(node);
        const object = unwrap(node.object);
        if (name === undefined || object.type !== 'Identifier') return undefined;
        const binding = constantBinding(sourceCode, object);
        const init = binding && unwrap(binding.init);
        if (init?.type !== 'ObjectExpression') return undefined;
        const property = init.properties.find((candidate) => candidate.type === 'Property' && staticPropertyName(candidate) === name);
        const value = property?.type === 'Property' ? evaluate(property.value, depth + 1) : undefined;
        const reportedThere = isMinLengthSettingName(name) || (isMinLengthKey(name) && isPasswordRulesName(object.name));
        return value && { ...value, viaSetting: value.viaSetting || reportedThere };
      }
      default:
        return undefined;
    }
  }

  /** A minimum as a rules object writes it: `8`, mongoose `[8, 'Too short']`, Sequelize `[8, 64]`, vuelidate `minLength(8)`. */
  function minimumOf(input: Node): { known: Known; node: Node } | undefined {
    const node = unwrap(input);
    let value: Node | undefined = node;
    if (node.type === 'ArrayExpression') {
      const [first] = node.elements;
      value = first && first.type !== 'SpreadElement' ? first : undefined;
    } else if (node.type === 'CallExpression') {
      value = MIN_LENGTH_CALLS.has(calleeName(node) ?? '') ? node.arguments[0] : undefined;
    } else if (node.type === 'ObjectExpression') {
      // Sequelize `len: { args: [8, 64], msg }`
      const args = node.properties.find((property) => property.type === 'Property' && staticPropertyName(property) === 'args');
      return args?.type === 'Property' ? minimumOf(args.value) : undefined;
    }
    const known = value && evaluate(value);
    return known && value && { known, node: value };
  }

  function push(candidates: Candidate[], known: Known | undefined, node: Node, needsString = false): void {
    if (known) candidates.push({ ...known, node, needsString });
  }

  function pushMinimum(candidates: Candidate[], input: Node): void {
    const minimum = minimumOf(input);
    if (minimum) push(candidates, minimum.known, minimum.node);
  }

  /** Minimums in a schema expression (chains, call arguments, rules objects), without entering functions. */
  function collect(input: Node, candidates: Candidate[], strings: { found: boolean }, depth = 0): void {
    const node = unwrap(input);
    if (depth > 12) return;
    if (node.type === 'ObjectExpression') {
      for (const property of node.properties) {
        if (property.type !== 'Property') continue;
        const key = staticPropertyName(property);
        if (key === undefined) continue;
        if (isMinLengthKey(key) || key === 'len') pushMinimum(candidates, property.value);
        else if (NESTED_RULE_KEYS.has(key)) collect(property.value, candidates, strings, depth + 1);
      }
    } else if (node.type === 'ArrayExpression') {
      for (const element of node.elements) if (element) collect(element, candidates, strings, depth + 1);
    } else if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const name = calleeName(node);
      const [first, second] = node.arguments;
      if (name && STRING_CALLS.has(name)) strings.found = true;
      if (name === 'min' && first) push(candidates, evaluate(first), first, true);
      else if (name && MIN_LENGTH_CALLS.has(name) && first) push(candidates, evaluate(first), first);
      else if (name === 'size' && second && first?.type === 'CallExpression' && STRING_CALLS.has(calleeName(first) ?? '')) {
        // superstruct `size(string(), 8, 64)`
        push(candidates, evaluate(second), second);
      }
      const callee = unwrap(node.callee);
      if (callee.type === 'MemberExpression') collect(callee.object, candidates, strings, depth + 1);
      // Options objects count only for string schemas (`Type.String({ minLength: 8 })`): a generator's
      // `{ length: { min: 8 } }` is not a policy.
      const objects = !!name && STRING_CALLS.has(name);
      for (const argument of node.arguments) {
        const value = unwrap(argument);
        if (value.type === 'CallExpression' || value.type === 'NewExpression' || value.type === 'ArrayExpression' || (objects && value.type === 'ObjectExpression')) {
          collect(value, candidates, strings, depth + 1);
        }
      }
    }
  }

  /** Reports the effective (largest) minimum of a schema when it is weak. */
  function checkCandidates(candidates: Candidate[], strings: boolean, at: Node): void {
    let best: Candidate | undefined;
    for (const candidate of candidates) {
      if (candidate.needsString && !strings) continue;
      if (!best || candidate.value > best.value) best = candidate;
    }
    if (!best || best.viaSetting || !isWeakMinimum(best.value, required) || isLoginCode(at)) return;
    report(best.node, { actual: best.value, fix: replaceWith(best.node, required) });
  }

  function checkSchema(expression: Node): void {
    const candidates: Candidate[] = [];
    const strings = { found: false };
    collect(expression, candidates, strings);
    checkCandidates(candidates, strings.found, expression);
  }

  function checkSetting(value: Node): void {
    const known = evaluate(value);
    if (!known || known.viaSetting || !isWeakMinimum(known.value, required)) return;
    report(value, { actual: known.value, fix: replaceWith(value, required) });
  }

  /** `isStrongPassword(options)`: minLength from the options, or the library default of 8. */
  function checkStrongPasswordOptions(call: TSESTree.CallExpression, optionsIndex: number, validator: string): void {
    const options = call.arguments[optionsIndex];
    if (!options) {
      if (call.arguments.length !== optionsIndex) return;
      const end = call.range[1] - 1;
      const text = `${optionsIndex > 0 ? ', ' : ''}{ minLength: ${required} }`;
      report(call, { actual: LIBRARY_DEFAULT_MIN_LENGTH, defaultOf: validator, fix: (fixer) => fixer.insertTextBeforeRange([end, end], text) });
      return;
    }
    const object = unwrap(options);
    if (object.type !== 'ObjectExpression') return;
    const keys = object.properties.map((property) => (property.type === 'Property' ? staticPropertyName(property) : undefined));
    if (keys.includes('returnScore') || object.properties.some((property) => property.type === 'SpreadElement')) return;
    const minLength = object.properties.find((property) => property.type === 'Property' && staticPropertyName(property) === 'minLength');
    if (minLength?.type === 'Property') {
      checkSetting(minLength.value);
      return;
    }
    const [first] = object.properties;
    report(call, {
      actual: LIBRARY_DEFAULT_MIN_LENGTH,
      defaultOf: validator,
      fix: first
        ? (fixer) => fixer.insertTextBefore(first, `minLength: ${required}, `)
        : (fixer) => fixer.replaceText(object, `{ minLength: ${required} }`),
    });
  }

  return {
    VariableDeclarator(node: TSESTree.VariableDeclarator) {
      if (node.id.type !== 'Identifier' || !node.init) return;
      if (isMinLengthSettingName(node.id.name)) checkSetting(node.init);
      else if (isPasswordRulesName(node.id.name)) checkSchema(node.init);
    },
    Property(node: TSESTree.Property) {
      if (node.parent.type !== 'ObjectExpression') return;
      const key = staticPropertyName(node);
      if (key === undefined) return;
      if (isMinLengthSettingName(key)) checkSetting(node.value);
      else if (isPasswordRulesName(key)) checkSchema(node.value);
    },
    AssignmentExpression(node: TSESTree.AssignmentExpression) {
      const name = node.left.type === 'MemberExpression' ? staticPropertyName(node.left) : undefined;
      if (node.operator === '=' && name !== undefined && isMinLengthSettingName(name)) checkSetting(node.right);
    },
    PropertyDefinition(node: TSESTree.PropertyDefinition) {
      const name = declaredName(node);
      if (name === undefined) return;
      if (isMinLengthSettingName(name)) {
        if (node.value) checkSetting(node.value);
        return;
      }
      if (!isPasswordRulesName(name)) return;
      if (node.value) checkSchema(node.value);
      // class-validator / NestJS mongoose decorators on a DTO or schema property.
      const candidates: Candidate[] = [];
      for (const decorator of node.decorators) {
        const call = unwrap(decorator.expression);
        if (call.type !== 'CallExpression') continue;
        const decoratorName = calleeName(call);
        const [first] = call.arguments;
        if ((decoratorName === 'MinLength' || decoratorName === 'Length') && first) push(candidates, evaluate(first), first);
        else if (decoratorName === 'Prop' && first) collect(first, candidates, { found: false });
        else if (decoratorName === 'IsStrongPassword' && !isLoginCode(node)) checkStrongPasswordOptions(call, 0, '@IsStrongPassword()');
      }
      checkCandidates(candidates, false, node);
    },
    CallExpression(node: TSESTree.CallExpression) {
      const name = calleeName(node);
      if (name === 'isLength' || name === 'isStrongPassword') {
        const callee = unwrap(node.callee);
        const chained = callee.type === 'MemberExpression' && isPasswordFieldChain(callee.object);
        // express-validator `body('password').isLength({ min: 8 })`, validator.js `isLength(password, { min: 8 })`.
        const optionsIndex = chained ? 0 : node.arguments[0] && isPassword(node.arguments[0]) ? 1 : -1;
        if (optionsIndex < 0 || isLoginCode(node)) return;
        if (name === 'isStrongPassword') {
          checkStrongPasswordOptions(node, optionsIndex, chained ? '.isStrongPassword()' : 'isStrongPassword()');
          return;
        }
        const options = node.arguments[optionsIndex];
        const object = options && unwrap(options);
        const min = object?.type === 'ObjectExpression'
          ? object.properties.find((property) => property.type === 'Property' && staticPropertyName(property) === 'min')
          : undefined;
        const known = min?.type === 'Property' ? evaluate(min.value) : undefined;
        if (known && min?.type === 'Property') checkCandidates([{ ...known, node: min.value, needsString: false }], false, node);
      }
    },
    BinaryExpression(node: TSESTree.BinaryExpression) {
      if (!COMPARISONS.has(node.operator) || node.left.type === 'PrivateIdentifier') return;
      const left = lengthSubject(node.left);
      const right = left ? undefined : lengthSubject(node.right);
      const subject = left ?? right;
      const bound = left ? node.right : node.left;
      if (!subject) return;
      const known = evaluate(bound);
      if (!known || known.viaSetting) return;
      const minimum = minimumFromComparison(node.operator, !!left, known.value);
      if (minimum === undefined || !isWeakMinimum(minimum, required) || !isPassword(subject)) return;
      if (isLoginCode(node) || isAdvisoryCode(node)) return;
      report(bound, { actual: minimum, fix: replaceWith(bound, comparisonBound(node.operator, !!left, required)) });
    },
  };
}
