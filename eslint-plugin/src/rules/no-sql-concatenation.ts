import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES } from '../util/languages.js';

export default createRule<[], 'todo'>({
  name: 'no-sql-concatenation',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: { description: 'TODO', recommended: true, guide: [], cwe: [] },
    schema: [],
    messages: { todo: 'TODO.' },
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
