import assert from 'node:assert/strict';
import { rules } from '../src/rules/index.js';

describe('rule meta', () => {
  it('covers all 25 rules', () => {
    assert.equal(Object.keys(rules).length, 25);
  });

  for (const [id, rule] of Object.entries(rules)) {
    it(`${id}: docs.howToFix is one or two plain sentences`, () => {
      const howToFix: unknown = rule.meta.docs?.howToFix;
      assert.ok(typeof howToFix === 'string', 'howToFix is a string');
      assert.ok(howToFix.trim().length > 0, 'howToFix is not empty');
      assert.ok(howToFix.length < 300, `howToFix is under 300 characters (has ${howToFix.length})`);
      assert.ok(howToFix.endsWith('.'), 'howToFix ends with a period');
    });
  }
});
