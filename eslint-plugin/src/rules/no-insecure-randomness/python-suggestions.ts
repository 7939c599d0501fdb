import type { TSESLint } from '@typescript-eslint/utils';
import type { SecretKind } from '../../detectors/randomness.js';
import { OPAQUE_KINDS } from '../../detectors/randomness.js';
import { callArguments, nodeText } from '../../languages/python/python-ast.js';
import type { PythonNode } from '../../languages/python/python-node.js';
import { field, parent } from '../../languages/python/python-node.js';
import type { LineCommentSourceCode } from '../../languages/shared/line-comment-source-code.js';
import type { Suggestion } from '../no-insecure-randomness.js';

/** A predictable random call. */
export interface Source {
  /** How the message names the call: `Python's random.choice()`, `NumPy's np.random.rand()`. */
  source: string;
  /** The function: `choice`, `randint`, `uuid1`, ... */
  name: string;
  module: 'random' | 'numpy' | 'uuid';
}

export interface SuggestionInput {
  sourceCode: LineCommentSourceCode<PythonNode>;
  /** Local name → qualified name, from the file's imports. */
  imports: ReadonlyMap<string, string>;
  randomSource: (call: PythonNode) => Source | undefined;
  /** Functions and methods whose result still carries their input (`str`, `join`, `hex`). */
  valueCalls: ReadonlySet<string>;
}

/** Places where a call can be replaced by `a + b` without parentheses. */
const OPEN_SLOTS = new Set(['argument_list', 'assignment', 'return_statement', 'keyword_argument', 'pair', 'interpolation', 'expression_statement']);

/**
 * Rewrites to the secrets module for one file: same-signature functions
 * (`secrets.choice`, `randbelow`, `randbits`, `token_bytes`), `uuid.uuid4()`, and
 * `secrets.token_urlsafe(32)` for a whole token-like value; each adds `import secrets` when missing.
 */
export function pythonSuggestions({ sourceCode, imports, randomSource, valueCalls }: SuggestionInput) {
  const text = sourceCode.text;
  const name = (node: PythonNode): string => nodeText(node, text);

  /** The edit that adds `import secrets`, unless the module is imported already. */
  function importSecrets(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] {
    if (imports.get('secrets') === 'secrets') return [];
    const statements = sourceCode.ast.children;
    const isImport = (node: PythonNode) => node.type === 'import_statement' || node.type === 'import_from_statement' || node.type === 'future_import_statement';
    const lastImport = statements.filter(isImport).pop();
    if (lastImport) return [fixer.insertTextAfterRange(lastImport.range, '\nimport secrets')];
    const isDocstring = (node: PythonNode) => node.type === 'expression_statement' && node.children[0]?.type === 'string';
    const first = statements.find((node) => !isDocstring(node) && node.type !== 'comment');
    return first ? [fixer.insertTextBeforeRange(first.range, 'import secrets\n')] : [];
  }

  /** An expression built only from random calls, literals, `str()`, `''.join()` and comprehensions: a token generator. */
  function isTokenExpression(node: PythonNode): boolean {
    switch (node.type) {
      case 'string':
        return node.children.every((child) => child.type !== 'interpolation' || isTokenExpression(field(child, 'expression') ?? child));
      case 'integer':
        return true;
      case 'parenthesized_expression':
      case 'binary_operator':
        return node.children.filter((child) => child.field !== 'operator').every(isTokenExpression);
      case 'generator_expression':
      case 'list_comprehension':
        return isTokenExpression(field(node, 'body') ?? node);
      case 'call': {
        if (randomSource(node)) return true;
        const fn = field(node, 'function');
        const args = field(node, 'arguments');
        const parts = args ? args.children.filter((child) => child.type !== 'keyword_argument') : [];
        if (args?.type === 'generator_expression') return isTokenExpression(args) && fn?.type === 'attribute' && field(fn, 'object')?.type === 'string';
        const callee = fn?.type === 'attribute' ? field(fn, 'attribute') : fn;
        const known = callee?.type === 'identifier' && valueCalls.has(name(callee));
        const receiver = fn?.type === 'attribute' ? field(fn, 'object') : undefined;
        return known && (!receiver || isTokenExpression(receiver)) && parts.every(isTokenExpression);
      }
      default:
        return false;
    }
  }

  return (call: PythonNode, random: Source, kind: SecretKind, value: PythonNode | undefined): Suggestion[] => {
    const fn = field(call, 'function')!;
    const args = callArguments(call, text);
    const noKeywords = args.keywords.size === 0;
    const importNote = imports.get('secrets') === 'secrets' ? '' : ' (and add import secrets)';
    const suggest: Suggestion[] = [];
    const replace = (replacement: string, range: [number, number], code: string): void => {
      suggest.push({ messageId: 'useSecretsFunction', data: { replacement, importNote }, fix: (fixer) => [fixer.replaceTextRange(range, code), ...importSecrets(fixer)] });
    };
    if (random.module === 'uuid') {
      const object = fn.type === 'attribute' ? field(fn, 'object') : undefined;
      const attribute = fn.type === 'attribute' ? field(fn, 'attribute') : undefined;
      if (object && attribute && args.positional.length === 0 && noKeywords) {
        const replacement = `${name(object)}.uuid4()`;
        suggest.push({ messageId: 'useUuid4', data: { replacement }, fix: (fixer) => fixer.replaceTextRange(attribute.range, 'uuid4') });
      }
      return suggest;
    }
    if (random.module === 'random') {
      const [first, second] = args.positional;
      const integer = (node: PythonNode | undefined) => (node?.type === 'integer' && /^\d+$/.test(name(node)) ? Number(name(node)) : undefined);
      if (random.name === 'choice' && first && noKeywords) replace('secrets.choice()', fn.range, 'secrets.choice');
      else if (random.name === 'randrange' && first && !second && noKeywords) replace('secrets.randbelow()', fn.range, 'secrets.randbelow');
      else if (random.name === 'getrandbits' && first && !second) replace('secrets.randbits()', fn.range, 'secrets.randbits');
      else if (random.name === 'randbytes' && first && !second) replace('secrets.token_bytes()', fn.range, 'secrets.token_bytes');
      else if (random.name === 'randint' && noKeywords && args.positional.length === 2) {
        const low = integer(first);
        const high = integer(second);
        if (low !== undefined && high !== undefined && low <= high) {
          const below = `secrets.randbelow(${high - low + 1})`;
          const slot = parent(call)?.type ?? '';
          const code = low === 0 ? below : OPEN_SLOTS.has(slot) ? `${below} + ${low}` : `(${below} + ${low})`;
          replace('secrets.randbelow()', call.range, code);
        }
      } else if (random.name === 'choices' && first && args.positional.length === 1 && args.keywords.size === 1 && args.keywords.has('k')) {
        replace('secrets.choice()', call.range, `[secrets.choice(${name(first)}) for _ in range(${name(args.keywords.get('k')!)})]`);
      }
    }
    if (value && OPAQUE_KINDS.has(kind) && isTokenExpression(value)) {
      suggest.push({ messageId: 'useTokenUrlsafe', data: { importNote }, fix: (fixer) => [fixer.replaceTextRange(value.range, 'secrets.token_urlsafe(32)'), ...importSecrets(fixer)] });
    }
    return suggest;
  };
}
