import { RuleTester as TypeScriptRuleTester } from '@typescript-eslint/rule-tester';
import * as mocha from 'mocha';

// @typescript-eslint/rule-tester needs the test framework's hooks handed to it.
TypeScriptRuleTester.afterAll = mocha.after;
TypeScriptRuleTester.describe = mocha.describe;
TypeScriptRuleTester.it = mocha.it;
TypeScriptRuleTester.itOnly = mocha.it.only;
