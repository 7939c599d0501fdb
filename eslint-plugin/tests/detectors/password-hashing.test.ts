import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { DigestFallback } from '../../src/detectors/password-hashing.js';
import { argon2Findings, digestFinding } from '../../src/detectors/password-hashing.js';

describe('detectors/password-hashing', () => {
  describe('digestFinding', () => {
    const none: DigestFallback = { target: undefined, functionName: undefined };
    const unused = (): DigestFallback => assert.fail('the data names decide');

    it('goes by the data names first', () => {
      assert.deepEqual(digestFinding('weak', ['salt', 'password'], unused), { messageId: 'weakPasswordHash', name: 'password' });
      assert.deepEqual(digestFinding('fast', ['password'], unused), { messageId: 'unsaltedPasswordHash', name: 'password' });
      assert.deepEqual(digestFinding('weak', ['apiToken'], unused), { messageId: 'weakSecretHash', name: 'apiToken' });
      assert.equal(digestFinding('fast', ['salt', 'password'], unused), undefined);
      assert.equal(digestFinding('fast', ['apiToken'], unused), undefined);
      assert.equal(digestFinding('weak', ['email'], unused), undefined);
    });

    it('falls back to the target, then to the function', () => {
      assert.deepEqual(digestFinding('weak', ['x'], () => ({ target: 'passwordHash', functionName: 'hashToken' })), {
        messageId: 'weakPasswordHash',
        name: 'passwordHash',
      });
      assert.deepEqual(digestFinding('fast', [], () => ({ target: 'result', functionName: 'hashPassword' })), {
        messageId: 'unsaltedPasswordHash',
        name: 'in hashPassword()',
      });
      assert.equal(digestFinding('weak', ['x'], () => none), undefined);
    });

    it('lets a target that names a public value stop the fallback', () => {
      assert.equal(digestFinding('weak', ['x'], () => ({ target: 'fileHash', functionName: 'hashPassword' })), undefined);
    });
  });

  describe('argon2Findings', () => {
    const minimums = { memoryKiB: 65536, iterations: 3 };

    it('reports memory below the minimum, then iterations that more memory does not make up for', () => {
      assert.deepEqual(argon2Findings({ memoryKiB: 1024, iterations: 1 }, minimums, 65536), [
        {
          parameter: 'memory',
          messageId: 'argon2Memory',
          suggestionId: 'raiseArgon2Memory',
          data: { value: '1024', readable: '1 MiB', min: '65536', minReadable: '64 MiB' },
        },
        { parameter: 'iterations', messageId: 'argon2Iterations', suggestionId: 'raiseArgon2Iterations', data: { value: '1', min: '3' } },
      ]);
    });

    it('weighs few iterations against the library default memory', () => {
      assert.deepEqual(
        argon2Findings({ memoryKiB: 'default', iterations: 1 }, minimums, 65536).map((finding) => finding.parameter),
        ['iterations'],
      );
      assert.deepEqual(argon2Findings({ memoryKiB: 'default', iterations: 1 }, minimums, 262144), []);
    });

    it('reports nothing for enough memory, or for unknown values', () => {
      assert.deepEqual(argon2Findings({ memoryKiB: 262144, iterations: 1 }, minimums, 65536), []);
      assert.deepEqual(argon2Findings({ memoryKiB: 'unknown', iterations: 1 }, minimums, 65536), []);
      assert.deepEqual(argon2Findings({ memoryKiB: 'unknown', iterations: 'unknown' }, minimums, 65536), []);
    });
  });
});
