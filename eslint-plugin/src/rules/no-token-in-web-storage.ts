import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES } from '../util/languages.js';

export default createRule<[], 'todo'>({
  name: 'no-token-in-web-storage',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript],
    docs: { description: 'TODO', recommended: true, guide: [], cwe: [] },
    schema: [],
    messages: { todo: 'TODO.' },
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
