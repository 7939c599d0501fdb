import type { TSESLint } from '@typescript-eslint/utils';
import { GUIDE_MINIMUMS } from '../detectors/password-hashing.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-weak-hashing/javascript.js';
import { pythonVisitors } from './no-weak-hashing/python.js';

export type Options = [
  {
    minBcryptCost?: number;
    minArgon2MemoryKiB?: number;
    minArgon2Iterations?: number;
    minPbkdf2Iterations?: number;
  },
];

export type MessageIds =
  | 'weakPasswordHash'
  | 'weakSecretHash'
  | 'unsaltedPasswordHash'
  | 'bcryptCost'
  | 'bcryptDefaultCost'
  | 'argon2Memory'
  | 'argon2Iterations'
  | 'pbkdf2Iterations'
  | 'pbkdf2DefaultIterations'
  | 'weakScheme'
  | 'weakSchemeNotDeprecated'
  | 'weakHandler'
  | 'raiseBcryptCost'
  | 'raiseArgon2Memory'
  | 'raiseArgon2Iterations'
  | 'preferArgon2'
  | 'replaceWithArgon2'
  | 'deprecateOldSchemes';

/** The options with every default filled in. */
export type Minimums = Required<Options[0]>;

export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-weak-hashing',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow weak or under-parameterized password hashing',
      recommended: true,
      guide: ['AMAS › 1.2 Password Policy', 'AutonomOS › Authentication Best Practices › Password Security'],
      cwe: ['CWE-916', 'CWE-328'],
      howToFix:
        'Hash passwords with bcrypt (cost 12 or more) or Argon2 instead of a fast digest, rehashing old hashes at the next login; for other secrets, use SHA-256 or an HMAC instead of MD5 or SHA-1.',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minBcryptCost: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: 'The lowest bcrypt cost (log2 rounds) accepted; the AMAS guide asks for 12.',
          },
          minArgon2MemoryKiB: {
            type: 'integer',
            minimum: 8,
            description: 'The lowest Argon2 memory cost accepted, in KiB; the AutonomOS guide uses 65536 (64 MiB).',
          },
          minArgon2Iterations: {
            type: 'integer',
            minimum: 1,
            description:
              'The lowest Argon2 time cost (passes) accepted; the AutonomOS guide uses 3. Fewer passes are accepted when more memory makes up for them.',
          },
          minPbkdf2Iterations: {
            type: 'integer',
            minimum: 1,
            description: 'The lowest PBKDF2 iteration count accepted (OWASP recommends 600000 for PBKDF2-HMAC-SHA256).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      weakPasswordHash:
        '{{algorithm}} is used to hash a password ({{name}}): it is fast and broken, so leaked hashes are cracked in seconds. Hash passwords with bcrypt (cost 12 or more) or Argon2.',
      weakSecretHash:
        '{{algorithm}} is used to hash a secret ({{name}}): MD5 and SHA-1 are broken and the guide forbids them. Use SHA-256 or stronger, or an HMAC.',
      unsaltedPasswordHash:
        '{{algorithm}} is used to hash a password ({{name}}) without a salt: a fast, unsalted hash falls to precomputed tables and GPUs. Hash passwords with bcrypt (cost 12 or more) or Argon2.',
      bcryptCost:
        "bcrypt cost {{cost}} is below the guide's minimum of {{min}}: each step halves an attacker's cracking time. Use a cost of {{min}} or more.",
      bcryptDefaultCost:
        "{{call}} without a cost uses the library's default of {{cost}}, below the guide's minimum of {{min}}: each step halves an attacker's cracking time. Pass a cost of {{min}} or more.",
      argon2Memory:
        "Argon2 memory cost {{value}} KiB ({{readable}}) is below the guide's {{min}} KiB ({{minReadable}}): less memory lets an attacker run more guesses in parallel. Use {{min}} KiB or more.",
      argon2Iterations:
        "Argon2 time cost {{value}} is below the guide's {{min}} passes at this memory cost: fewer passes make each guess cheaper. Use {{min}} or more, or raise the memory cost to make up for it.",
      pbkdf2Iterations:
        'PBKDF2 with {{value}} iterations is below the minimum of {{min}}: each guess costs an attacker only {{value}} hash computations. Use {{min}} or more (OWASP recommends 600000 for SHA-256), rehashing stored values at the next login.',
      pbkdf2DefaultIterations:
        "{{call}} without an iteration count uses the library's default of {{value}}, below the minimum of {{min}}: each guess costs an attacker only {{value}} hash computations. Pass {{min}} or more.",
      weakScheme:
        'passlib scheme "{{scheme}}" hashes new passwords, and it is {{reason}}: leaked hashes are cracked quickly. Make "argon2" or "bcrypt" the default and keep "{{scheme}}" only as deprecated, to verify old hashes.',
      weakSchemeNotDeprecated:
        'passlib scheme "{{scheme}}" is accepted but not deprecated, and it is {{reason}}: hashes in it are never upgraded. Mark it deprecated (deprecated="auto") so they are rehashed at the next login.',
      weakHandler:
        'passlib\'s {{scheme}} is {{reason}}: leaked hashes are cracked quickly. Hash new passwords with passlib.hash.argon2 or bcrypt; use {{scheme}} only to verify old hashes.',
      raiseBcryptCost: 'Raise the bcrypt cost to {{min}}.',
      raiseArgon2Memory: 'Raise the Argon2 memory cost to {{min}} KiB.',
      raiseArgon2Iterations: 'Raise the Argon2 time cost to {{min}}.',
      preferArgon2:
        'Make "argon2" the default and deprecate the other schemes: existing "{{scheme}}" hashes still verify and are upgraded at the next login.',
      replaceWithArgon2: 'Replace "{{scheme}}" with "argon2" (existing "{{scheme}}" hashes will no longer verify).',
      deprecateOldSchemes: 'Add deprecated="auto" so hashes in the other schemes are upgraded at the next login.',
    },
  },
  defaultOptions: [
    {
      minBcryptCost: GUIDE_MINIMUMS.bcryptCost,
      minArgon2MemoryKiB: GUIDE_MINIMUMS.argon2MemoryKiB,
      minArgon2Iterations: GUIDE_MINIMUMS.argon2Iterations,
      minPbkdf2Iterations: GUIDE_MINIMUMS.pbkdf2Iterations,
    },
  ],
  create(context, [options]) {
    const minimums: Minimums = {
      minBcryptCost: options.minBcryptCost ?? GUIDE_MINIMUMS.bcryptCost,
      minArgon2MemoryKiB: options.minArgon2MemoryKiB ?? GUIDE_MINIMUMS.argon2MemoryKiB,
      minArgon2Iterations: options.minArgon2Iterations ?? GUIDE_MINIMUMS.argon2Iterations,
      minPbkdf2Iterations: options.minPbkdf2Iterations ?? GUIDE_MINIMUMS.pbkdf2Iterations,
    };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, minimums),
      python: () => pythonVisitors(context, minimums),
    });
  },
});
