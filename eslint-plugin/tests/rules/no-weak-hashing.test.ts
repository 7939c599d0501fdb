import rule from '../../src/rules/no-weak-hashing.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-weak-hashing', rule, {
  valid: [
    // Digests with no secret involved: file checksums, ETags, cache keys, Gravatar.
    "import crypto from 'node:crypto';\nconst checksum = crypto.createHash('md5').update(fileBuffer).digest('hex');",
    "import crypto from 'crypto';\nres.setHeader('ETag', crypto.createHash('md5').update(body).digest('base64'));",
    "import { createHash } from 'crypto';\nconst cacheKey = createHash('sha1').update(JSON.stringify(query)).digest('hex');",
    "import md5 from 'md5';\nconst avatar = `https://www.gravatar.com/avatar/${md5(user.email.trim().toLowerCase())}`;",
    "import crypto from 'crypto';\nconst h = crypto.createHash('md5');\nfor (const chunk of chunks) h.update(chunk);",
    // A session fingerprint over when the password changed, not over the password.
    "import { createHash } from 'crypto';\nconst stamp = createHash('sha1').update(String(user.passwordChangedAt)).digest('hex');",
    // Random input has no secret to protect.
    "import md5 from 'md5';\nfunction createResetToken() { return md5(Math.random().toString()); }",
    // A variable's value beats its name: `pwd` here is the working directory.
    "import { createHash } from 'crypto';\nconst pwd = process.cwd();\nconst cacheDir = createHash('md5').update(pwd).digest('hex');",
    // Inside a password function, but hashing a file: the function's name is not evidence.
    "import crypto from 'crypto';\nasync function changePassword(user, newPassword) {\n  const avatarEtag = crypto.createHash('md5').update(await readFile(user.avatarPath)).digest('hex');\n}",
    // SHA-256 of a high-entropy token or API key is the usual way to store it.
    "import { createHash } from 'crypto';\nconst tokenHash = createHash('sha256').update(resetToken).digest('hex');",
    "import crypto from 'crypto';\nconst keyHash = crypto.createHash('sha256').update(apiKey).digest('hex');",
    "import CryptoJS from 'crypto-js';\nconst id = CryptoJS.SHA256(accessToken).toString();",
    'const digest = await crypto.subtle.digest(\'SHA-256\', new TextEncoder().encode(sessionToken));',
    // A salted SHA-2 is not the guide's "unsalted hash".
    "import { createHash } from 'crypto';\nconst hashed = createHash('sha512').update(salt + password).digest('hex');",
    "import { createHash } from 'crypto';\nconst h = createHash('sha256');\nh.update(user.salt);\nh.update(password);",
    // HMACs are keyed: not this rule's concern.
    "import crypto from 'crypto';\nconst signature = crypto.createHmac('sha1', secret).update(payload).digest('hex');",
    // An algorithm the rule cannot see.
    "import crypto from 'crypto';\nfunction digest(algorithm, password) { return crypto.createHash(algorithm).update(password).digest(); }",
    // bcrypt at or above the guide's cost, or with a cost the rule cannot know.
    "import bcrypt from 'bcrypt';\nawait bcrypt.hash(password, 12);",
    "import bcrypt from 'bcryptjs';\nconst salt = bcrypt.genSaltSync(14);",
    "import bcrypt from 'bcrypt';\nexport const hashPassword = (password, saltRounds) => bcrypt.hash(password, saltRounds);",
    "import bcrypt from 'bcrypt';\nawait bcrypt.hash(password, Number(process.env.BCRYPT_ROUNDS) || 12);",
    "import bcrypt from 'bcrypt';\nconst salt = await bcrypt.genSalt(12);\nawait bcrypt.hash(password, salt);",
    "import bcrypt from 'bcrypt';\nlet rounds = 10;\nif (isProduction) rounds = 13;\nawait bcrypt.hash(password, rounds);",
    "import bcrypt from 'bcrypt';\nconst config = { rounds: 10 };\nconfig.rounds = 12;\nawait bcrypt.hash(password, config.rounds);",
    // @node-rs/bcrypt's default cost is already 12.
    "import { genSalt } from '@node-rs/bcrypt';\nconst salt = await genSalt();",
    // Argon2 defaults (node-argon2: 64 MiB, 3 passes) and the guide's values.
    "import argon2 from 'argon2';\nawait argon2.hash(password);",
    "import argon2 from 'argon2';\nawait argon2.hash(password, { type: argon2.argon2id });",
    "import * as argon2 from 'argon2';\nawait argon2.hash(password, { memoryCost: 2 ** 16, timeCost: 3, parallelism: 4 });",
    // Two passes over 128 MiB do at least the work of three over 64 MiB.
    "import argon2 from 'argon2';\nawait argon2.hash(password, { memoryCost: 131072, timeCost: 2 });",
    "import argon2 from 'argon2';\nexport const hash = (password, options) => argon2.hash(password, options);",
    "import argon2 from 'argon2';\nawait argon2.hash(password, { ...defaults, memoryCost: config.argon2.memory });",
    // PBKDF2 at or above the minimum, or unknown.
    "import crypto from 'crypto';\ncrypto.pbkdf2Sync(password, salt, 600000, 64, 'sha512');",
    "import { pbkdf2Sync } from 'crypto';\nconst ITERATIONS = 310_000;\npbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');",
    "import crypto from 'crypto';\nfunction derive(password, salt, iterations) { return crypto.pbkdf2Sync(password, salt, iterations, 32, 'sha256'); }",
    "await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, key, aes, false, ['encrypt']);",
    "await crypto.subtle.deriveBits({ name: 'HKDF', salt, info, hash: 'SHA-256' }, key, 256);",
  ],
  invalid: [
    {
      code: "import crypto from 'crypto';\nconst hashed = crypto.createHash('md5').update(password).digest('hex');",
      errors: [
        { messageId: 'weakPasswordHash', data: { algorithm: 'MD5', name: 'password' }, line: 2, column: 34, endLine: 2, endColumn: 39 },
      ],
    },
    {
      code: "import { createHash } from 'node:crypto';\nuser.hash = createHash('sha1').update(req.body.password, 'utf8').digest('hex');",
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'SHA-1', name: 'password' }, line: 2, column: 24, endLine: 2, endColumn: 30 }],
    },
    {
      // A fast hash of a password with no salt.
      code: "import crypto from 'crypto';\nconst digest = crypto.createHash('sha256').update(password).digest('hex');",
      errors: [
        { messageId: 'unsaltedPasswordHash', data: { algorithm: 'SHA-256', name: 'password' }, line: 2, column: 34, endLine: 2, endColumn: 42 },
      ],
    },
    {
      // MD5 is weak even for a random token.
      code: "import crypto from 'crypto';\nconst stored = crypto.createHash('md5').update(passwordResetToken).digest('hex');",
      errors: [
        { messageId: 'weakSecretHash', data: { algorithm: 'MD5', name: 'passwordResetToken' }, line: 2, column: 34, endLine: 2, endColumn: 39 },
      ],
    },
    {
      code: "import md5 from 'md5';\nconst stored = md5(password);",
      errors: [{ messageId: 'weakPasswordHash', line: 2, column: 16, endLine: 2, endColumn: 19 }],
    },
    {
      code: "import CryptoJS from 'crypto-js';\nconst stored = CryptoJS.SHA1(form.pwd.value).toString();",
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'SHA-1', name: 'pwd' }, line: 2, column: 16, endLine: 2, endColumn: 29 }],
    },
    {
      // Nothing in the data is named, but the function says what it hashes.
      code: "import crypto from 'crypto';\nfunction hashPassword(input) {\n  return crypto.createHash('sha512').update(input).digest('hex');\n}",
      errors: [
        {
          messageId: 'unsaltedPasswordHash',
          data: { algorithm: 'SHA-512', name: 'in hashPassword()' },
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 36,
        },
      ],
    },
    {
      // ...or the variable the digest is stored in does.
      code: "import { createHash } from 'crypto';\nconst passwordHash = createHash('md5').update(input).digest('hex');",
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'MD5', name: 'passwordHash' }, line: 2, column: 33, endLine: 2, endColumn: 38 }],
    },
    {
      // The hasher kept in a variable and updated later.
      code: "import crypto from 'crypto';\nfunction store(pw) {\n  const hasher = crypto.createHash('sha1');\n  hasher.update(pw);\n  return hasher.digest('hex');\n}",
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'SHA-1', name: 'pw' }, line: 3, column: 36, endLine: 3, endColumn: 42 }],
    },
    {
      code: "const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));",
      errors: [{ messageId: 'weakPasswordHash', line: 1, column: 43, endLine: 1, endColumn: 50 }],
    },
    {
      code: "import { hash } from 'node:crypto';\nconst stored = hash('md5', credentials.password);",
      errors: [{ messageId: 'weakPasswordHash', line: 2, column: 21, endLine: 2, endColumn: 26 }],
    },
    {
      // The algorithm through a same-file constant.
      code: "import crypto from 'crypto';\nconst ALGORITHM = 'sha1';\nconst stored = crypto.createHash(ALGORITHM).update(apiSecret).digest('hex');",
      errors: [{ messageId: 'weakSecretHash', data: { algorithm: 'SHA-1', name: 'apiSecret' }, line: 3, column: 34, endLine: 3, endColumn: 43 }],
    },
    {
      code: "import bcrypt from 'bcrypt';\nconst hashed = await bcrypt.hash(password, 10);",
      output: "import bcrypt from 'bcrypt';\nconst hashed = await bcrypt.hash(password, 12);",
      errors: [{ messageId: 'bcryptCost', data: { cost: '10', min: '12' }, line: 2, column: 44, endLine: 2, endColumn: 46 }],
    },
    {
      code: "const bcrypt = require('bcryptjs');\nconst hashed = bcrypt.hashSync(password, 8);",
      output: "const bcrypt = require('bcryptjs');\nconst hashed = bcrypt.hashSync(password, 12);",
      errors: [{ messageId: 'bcryptCost', data: { cost: '8', min: '12' }, line: 2, column: 42, endLine: 2, endColumn: 43 }],
    },
    {
      code: "import { genSalt, hash } from 'bcryptjs';\nconst salt = await genSalt(10);\nconst hashed = await hash(password, salt);",
      output: "import { genSalt, hash } from 'bcryptjs';\nconst salt = await genSalt(12);\nconst hashed = await hash(password, salt);",
      errors: [{ messageId: 'bcryptCost', line: 2, column: 28, endLine: 2, endColumn: 30 }],
    },
    {
      // A same-file constant: the suggestion raises it where it is declared.
      code: "import bcrypt from 'bcrypt';\nconst SALT_ROUNDS = 10;\nconst salt = bcrypt.genSaltSync(SALT_ROUNDS);",
      errors: [
        {
          messageId: 'bcryptCost',
          data: { cost: '10', min: '12' },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'raiseBcryptCost',
              output: "import bcrypt from 'bcrypt';\nconst SALT_ROUNDS = 12;\nconst salt = bcrypt.genSaltSync(SALT_ROUNDS);",
            },
          ],
        },
      ],
    },
    {
      code: "import bcrypt from 'bcrypt';\nconst config = { bcrypt: { rounds: 8 } };\nawait bcrypt.hash(password, config.bcrypt.rounds);",
      errors: [
        {
          messageId: 'bcryptCost',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'raiseBcryptCost',
              output: "import bcrypt from 'bcrypt';\nconst config = { bcrypt: { rounds: 12 } };\nawait bcrypt.hash(password, config.bcrypt.rounds);",
            },
          ],
        },
      ],
    },
    {
      // bcrypt's and bcryptjs's genSalt() default to cost 10.
      code: "import bcrypt from 'bcrypt';\nconst salt = await bcrypt.genSalt();",
      errors: [
        {
          messageId: 'bcryptDefaultCost',
          data: { call: 'genSalt()', cost: '10', min: '12' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 36,
          suggestions: [{ messageId: 'raiseBcryptCost', output: "import bcrypt from 'bcrypt';\nconst salt = await bcrypt.genSalt(12);" }],
        },
      ],
    },
    {
      code: "import bcrypt from 'bcryptjs';\nbcrypt.genSalt((error, salt) => done(error, salt));",
      errors: [
        {
          messageId: 'bcryptDefaultCost',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            { messageId: 'raiseBcryptCost', output: "import bcrypt from 'bcryptjs';\nbcrypt.genSalt(12, (error, salt) => done(error, salt));" },
          ],
        },
      ],
    },
    {
      // A salt string with its cost in it: reported, not rewritten.
      code: "import bcrypt from 'bcrypt';\nawait bcrypt.hash(password, '$2b$10$abcdefghijklmnopqrstuu');",
      errors: [{ messageId: 'bcryptCost', data: { cost: '10', min: '12' }, line: 2, column: 29, endLine: 2, endColumn: 60 }],
    },
    {
      code: "import bcrypt from 'bcrypt';\nawait bcrypt.hash(password, 12);",
      options: [{ minBcryptCost: 14 }],
      output: "import bcrypt from 'bcrypt';\nawait bcrypt.hash(password, 14);",
      errors: [{ messageId: 'bcryptCost', data: { cost: '12', min: '14' }, line: 2, column: 29, endLine: 2, endColumn: 31 }],
    },
    {
      code: "import argon2 from 'argon2';\nawait argon2.hash(password, { memoryCost: 4096, timeCost: 2 });",
      errors: [
        {
          messageId: 'argon2Memory',
          data: { value: '4096', readable: '4 MiB', min: '65536', minReadable: '64 MiB' },
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            { messageId: 'raiseArgon2Memory', output: "import argon2 from 'argon2';\nawait argon2.hash(password, { memoryCost: 65536, timeCost: 2 });" },
          ],
        },
        {
          messageId: 'argon2Iterations',
          data: { value: '2', min: '3' },
          line: 2,
          column: 59,
          endLine: 2,
          endColumn: 60,
          suggestions: [
            { messageId: 'raiseArgon2Iterations', output: "import argon2 from 'argon2';\nawait argon2.hash(password, { memoryCost: 4096, timeCost: 3 });" },
          ],
        },
      ],
    },
    {
      // The default 64 MiB does not make up for two passes.
      code: "import argon2 from 'argon2';\nawait argon2.hash(password, { timeCost: 2 });",
      errors: [
        {
          messageId: 'argon2Iterations',
          line: 2,
          column: 41,
          endLine: 2,
          endColumn: 42,
          suggestions: [{ messageId: 'raiseArgon2Iterations', output: "import argon2 from 'argon2';\nawait argon2.hash(password, { timeCost: 3 });" }],
        },
      ],
    },
    {
      // Options in a constant, memory written as arithmetic.
      code: "import argon2 from 'argon2';\nconst HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 1 << 14 };\nexport const hash = (password) => argon2.hash(password, HASH_OPTIONS);",
      errors: [
        {
          messageId: 'argon2Memory',
          data: { value: '16384', readable: '16 MiB', min: '65536', minReadable: '64 MiB' },
          line: 2,
          column: 59,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'raiseArgon2Memory',
              output:
                "import argon2 from 'argon2';\nconst HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 65536 };\nexport const hash = (password) => argon2.hash(password, HASH_OPTIONS);",
            },
          ],
        },
      ],
    },
    {
      // hash-wasm: raw KDF output, so no rewrite is offered.
      code: "import { argon2id } from 'hash-wasm';\nconst key = await argon2id({ password, salt, parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32 });",
      errors: [
        { messageId: 'argon2Iterations', line: 2, column: 74, endLine: 2, endColumn: 75 },
        { messageId: 'argon2Memory', line: 2, column: 89, endLine: 2, endColumn: 94 },
      ],
    },
    {
      code: "import crypto from 'crypto';\nconst key = crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512');",
      errors: [{ messageId: 'pbkdf2Iterations', data: { value: '1000', min: '100000' }, line: 2, column: 47, endLine: 2, endColumn: 51 }],
    },
    {
      code: "import CryptoJS from 'crypto-js';\nconst key = CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 1000 });",
      errors: [{ messageId: 'pbkdf2Iterations', line: 2, column: 71, endLine: 2, endColumn: 75 }],
    },
    {
      code: "const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 10000, hash: 'SHA-256' }, key, 256);",
      errors: [{ messageId: 'pbkdf2Iterations', line: 1, column: 81, endLine: 1, endColumn: 86 }],
    },
    {
      code: "import crypto from 'crypto';\ncrypto.pbkdf2(password, salt, 310000, 32, 'sha256', done);",
      options: [{ minPbkdf2Iterations: 600000 }],
      errors: [{ messageId: 'pbkdf2Iterations', data: { value: '310000', min: '600000' }, line: 2, column: 31, endLine: 2, endColumn: 37 }],
    },
  ],
});

languageTester('python').run('no-weak-hashing', rule as never, {
  valid: [
    // Digests with no secret involved.
    'import hashlib\netag = hashlib.md5(body).hexdigest()\n',
    'import hashlib\nwith open(path, "rb") as f:\n    h = hashlib.md5()\n    for chunk in iter(lambda: f.read(65536), b""):\n        h.update(chunk)\n',
    'import hashlib, json\ncache_key = hashlib.sha1(json.dumps(params, sort_keys=True).encode()).hexdigest()\n',
    'from hashlib import md5\navatar = md5(user.email.strip().lower().encode("utf-8")).hexdigest()\n',
    'import hashlib, os\ndef make_reset_token():\n    return hashlib.md5(os.urandom(32)).hexdigest()\n',
    'import hashlib, os\npwd = os.getcwd()\ncache_dir = hashlib.md5(pwd.encode()).hexdigest()\n',
    'import hashlib\ndef change_password(user, new_password):\n    digest = hashlib.md5()\n    with open(user.avatar_path, "rb") as f:\n        digest.update(f.read())\n',
    // Bandit B324's escape hatch: never flagged.
    'import hashlib\nlegacy = hashlib.md5(password.encode(), usedforsecurity=False).hexdigest()\n',
    'import hashlib\ndef legacy(password):\n    h = hashlib.sha1(usedforsecurity=False)\n    h.update(password.encode())\n    return h.hexdigest()\n',
    // Tokens, API keys and salted digests.
    'import hashlib\ntoken_hash = hashlib.sha256(token.encode()).hexdigest()\n',
    'import hashlib\nkey_hash = hashlib.sha512(api_key.encode()).hexdigest()\n',
    'import hashlib\ndigest = hashlib.sha256(salt + password.encode()).hexdigest()\n',
    'import hashlib\ndef digest(name, password):\n    return hashlib.new(name, password.encode()).hexdigest()\n',
    // bcrypt defaults to cost 12 in Python.
    'import bcrypt\nhashed = bcrypt.hashpw(password, bcrypt.gensalt())\n',
    'import bcrypt\nhashed = bcrypt.hashpw(password, bcrypt.gensalt(14))\n',
    'from bcrypt import gensalt\nsalt = gensalt(rounds=12, prefix=b"2b")\n',
    'import bcrypt, os\nsalt = bcrypt.gensalt(int(os.environ["BCRYPT_ROUNDS"]))\n',
    'import bcrypt\ndef make_salt(rounds):\n    return bcrypt.gensalt(rounds)\n',
    // A constant that is reassigned is not a constant.
    'import bcrypt\nROUNDS = 10\nif PRODUCTION:\n    ROUNDS = 14\nsalt = bcrypt.gensalt(ROUNDS)\n',
    // Argon2: defaults (64 MiB, 3 passes), the guide's values, more memory for fewer passes.
    'from argon2 import PasswordHasher\nph = PasswordHasher()\n',
    'from argon2 import PasswordHasher\nph = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)\n',
    'import argon2\nph = argon2.PasswordHasher(time_cost=2, memory_cost=102400, parallelism=8)\n',
    'from argon2 import PasswordHasher\nph = PasswordHasher(memory_cost=settings.ARGON2_MEMORY)\n',
    // The AutonomOS guide's own configuration.
    'from passlib.context import CryptContext\npwd_context = CryptContext(\n    schemes=["argon2"],\n    deprecated="auto",\n    argon2__memory_cost=65536,\n    argon2__time_cost=3,\n    argon2__parallelism=4,\n)\n',
    // Weak schemes kept only to verify old hashes, which are upgraded at login.
    'from passlib.context import CryptContext\nctx = CryptContext(schemes=["argon2", "md5_crypt"], deprecated="auto")\n',
    'from passlib.context import CryptContext\nctx = CryptContext(schemes=["bcrypt", "md5_crypt"], deprecated=["md5_crypt"], bcrypt__rounds=13)\n',
    'from passlib.hash import md5_crypt\nok = md5_crypt.verify(password, stored_hash)\n',
    // PBKDF2 at or above the minimum.
    'import hashlib\nkey = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)\n',
    'import hashlib\nITERATIONS = 310000\nkey = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)\n',
    'from werkzeug.security import generate_password_hash\nhashed = generate_password_hash(password, method="pbkdf2:sha256:600000")\n',
    'from werkzeug.security import generate_password_hash\nhashed = generate_password_hash(password)\n',
  ],
  invalid: [
    {
      code: 'import hashlib\nstored = hashlib.md5(password.encode()).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'MD5', name: 'password' }, line: 2, column: 10, endLine: 2, endColumn: 21 }],
    },
    {
      code: 'from hashlib import sha1\nstored = sha1(request.form["password"].encode()).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'SHA-1', name: 'password' }, line: 2, column: 10, endLine: 2, endColumn: 14 }],
    },
    {
      code: 'import hashlib\nstored = hashlib.new("md5", data.get("passwd").encode()).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'MD5', name: 'passwd' }, line: 2, column: 22, endLine: 2, endColumn: 27 }],
    },
    {
      code: 'import hashlib\nstored = hashlib.sha256(password.encode()).hexdigest()\n',
      errors: [
        { messageId: 'unsaltedPasswordHash', data: { algorithm: 'SHA-256', name: 'password' }, line: 2, column: 10, endLine: 2, endColumn: 24 },
      ],
    },
    {
      // usedforsecurity=True is the default: still a finding.
      code: 'import hashlib\nstored = hashlib.sha1(pin.encode(), usedforsecurity=True).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'SHA-1', name: 'pin' }, line: 2, column: 10, endLine: 2, endColumn: 22 }],
    },
    {
      // The hasher updated later, in a function that says what it hashes.
      code: 'import hashlib\ndef hash_password(raw):\n    h = hashlib.md5()\n    h.update(raw.encode())\n    return h.hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'MD5', name: 'in hash_password()' }, line: 3, column: 9, endLine: 3, endColumn: 20 }],
    },
    {
      // A neutral variable holding a password.
      code: 'import hashlib\ndef login(request):\n    value = request.form["password"]\n    return hashlib.md5(value.encode()).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'MD5', name: 'password' }, line: 4, column: 12, endLine: 4, endColumn: 23 }],
    },
    {
      code: 'import hashlib\nuser.password = hashlib.sha1(raw.encode()).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', data: { algorithm: 'SHA-1', name: 'password' }, line: 2, column: 17, endLine: 2, endColumn: 29 }],
    },
    {
      code: 'import hashlib\nfrom django.conf import settings\nprefix = hashlib.md5(settings.SECRET_KEY.encode()).hexdigest()\n',
      errors: [{ messageId: 'weakSecretHash', data: { algorithm: 'MD5', name: 'SECRET_KEY' }, line: 3, column: 10, endLine: 3, endColumn: 21 }],
    },
    {
      code: 'from Crypto.Hash import MD5\nstored = MD5.new(password.encode()).hexdigest()\n',
      errors: [{ messageId: 'weakPasswordHash', line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
    {
      code: 'import bcrypt\nhashed = bcrypt.hashpw(password, bcrypt.gensalt(10))\n',
      output: 'import bcrypt\nhashed = bcrypt.hashpw(password, bcrypt.gensalt(12))\n',
      errors: [{ messageId: 'bcryptCost', data: { cost: '10', min: '12' }, line: 2, column: 49, endLine: 2, endColumn: 51 }],
    },
    {
      code: 'from bcrypt import gensalt\nsalt = gensalt(rounds=10)\n',
      output: 'from bcrypt import gensalt\nsalt = gensalt(rounds=12)\n',
      errors: [{ messageId: 'bcryptCost', line: 2, column: 23, endLine: 2, endColumn: 25 }],
    },
    {
      // A module-level constant: the suggestion raises it where it is set.
      code: 'import bcrypt\nBCRYPT_ROUNDS = 10\n\ndef hash_password(password):\n    return bcrypt.hashpw(password, bcrypt.gensalt(BCRYPT_ROUNDS))\n',
      errors: [
        {
          messageId: 'bcryptCost',
          line: 5,
          column: 51,
          endLine: 5,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'raiseBcryptCost',
              output: 'import bcrypt\nBCRYPT_ROUNDS = 12\n\ndef hash_password(password):\n    return bcrypt.hashpw(password, bcrypt.gensalt(BCRYPT_ROUNDS))\n',
            },
          ],
        },
      ],
    },
    {
      // Flask-Bcrypt.
      code: 'from flask_bcrypt import Bcrypt\nbcrypt = Bcrypt(app)\nhashed = bcrypt.generate_password_hash(password, 10)\n',
      output: 'from flask_bcrypt import Bcrypt\nbcrypt = Bcrypt(app)\nhashed = bcrypt.generate_password_hash(password, 12)\n',
      errors: [{ messageId: 'bcryptCost', line: 3, column: 50, endLine: 3, endColumn: 52 }],
    },
    {
      code: 'from passlib.hash import bcrypt\nhashed = bcrypt.using(rounds=8).hash(password)\n',
      output: 'from passlib.hash import bcrypt\nhashed = bcrypt.using(rounds=12).hash(password)\n',
      errors: [{ messageId: 'bcryptCost', data: { cost: '8', min: '12' }, line: 2, column: 30, endLine: 2, endColumn: 31 }],
    },
    {
      code: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["md5_crypt"])\n',
      errors: [
        {
          messageId: 'weakScheme',
          data: { scheme: 'md5_crypt', reason: 'MD5-based with a fixed 1000 rounds' },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'preferArgon2',
              output: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["argon2", "md5_crypt"], deprecated="auto")\n',
            },
            {
              messageId: 'replaceWithArgon2',
              output: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["argon2"])\n',
            },
          ],
        },
      ],
    },
    {
      // deprecated="auto" is there, but the weak scheme is still the default.
      code: "from passlib.context import CryptContext\nctx = CryptContext(schemes=['plaintext', 'bcrypt'], deprecated='auto')\n",
      errors: [
        {
          messageId: 'weakScheme',
          data: { scheme: 'plaintext', reason: 'plain text, not a hash at all' },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'preferArgon2',
              output: "from passlib.context import CryptContext\nctx = CryptContext(schemes=['argon2', 'plaintext', 'bcrypt'], deprecated='auto')\n",
            },
            {
              messageId: 'replaceWithArgon2',
              output: "from passlib.context import CryptContext\nctx = CryptContext(schemes=['argon2', 'bcrypt'], deprecated='auto')\n",
            },
          ],
        },
      ],
    },
    {
      // An explicit default: renaming the scheme would break it, so no rewrite.
      code: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["bcrypt", "ldap_md5"], default="ldap_md5")\n',
      errors: [{ messageId: 'weakScheme', data: { scheme: 'ldap_md5', reason: 'an unsalted MD5' }, line: 2, column: 39, endLine: 2, endColumn: 49, suggestions: [] }],
    },
    {
      // A weak scheme that is not the default but never deprecated; and a low bcrypt cost.
      code: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["bcrypt", "des_crypt"], bcrypt__rounds=10)\n',
      output: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["bcrypt", "des_crypt"], bcrypt__rounds=12)\n',
      errors: [
        {
          messageId: 'weakSchemeNotDeprecated',
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'deprecateOldSchemes',
              output: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["bcrypt", "des_crypt"], deprecated="auto", bcrypt__rounds=10)\n',
            },
          ],
        },
        { messageId: 'bcryptCost', line: 2, column: 68, endLine: 2, endColumn: 70 },
      ],
    },
    {
      code: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["argon2"], argon2__memory_cost=8 * 1024, argon2__time_cost=2)\n',
      errors: [
        {
          messageId: 'argon2Memory',
          data: { value: '8192', readable: '8 MiB', min: '65536', minReadable: '64 MiB' },
          line: 2,
          column: 60,
          endLine: 2,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'raiseArgon2Memory',
              output: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["argon2"], argon2__memory_cost=65536, argon2__time_cost=2)\n',
            },
          ],
        },
        {
          messageId: 'argon2Iterations',
          line: 2,
          column: 88,
          endLine: 2,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'raiseArgon2Iterations',
              output: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["argon2"], argon2__memory_cost=8 * 1024, argon2__time_cost=3)\n',
            },
          ],
        },
      ],
    },
    {
      code: 'from passlib.context import CryptContext\nctx = CryptContext(schemes=["pbkdf2_sha256"], pbkdf2_sha256__default_rounds=8000)\n',
      errors: [{ messageId: 'pbkdf2Iterations', data: { value: '8000', min: '100000' }, line: 2, column: 77, endLine: 2, endColumn: 81 }],
    },
    {
      code: 'from argon2 import PasswordHasher\nph = PasswordHasher(time_cost=2, memory_cost=1024)\n',
      errors: [
        {
          messageId: 'argon2Iterations',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 32,
          suggestions: [{ messageId: 'raiseArgon2Iterations', output: 'from argon2 import PasswordHasher\nph = PasswordHasher(time_cost=3, memory_cost=1024)\n' }],
        },
        {
          messageId: 'argon2Memory',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 50,
          suggestions: [{ messageId: 'raiseArgon2Memory', output: 'from argon2 import PasswordHasher\nph = PasswordHasher(time_cost=2, memory_cost=65536)\n' }],
        },
      ],
    },
    {
      // A module-level constant written as arithmetic.
      code: 'import argon2\nMEMORY_KIB = 16 * 1024\nhasher = argon2.PasswordHasher(memory_cost=MEMORY_KIB)\n',
      errors: [
        {
          messageId: 'argon2Memory',
          data: { value: '16384', readable: '16 MiB', min: '65536', minReadable: '64 MiB' },
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            { messageId: 'raiseArgon2Memory', output: 'import argon2\nMEMORY_KIB = 65536\nhasher = argon2.PasswordHasher(memory_cost=MEMORY_KIB)\n' },
          ],
        },
      ],
    },
    {
      // Raw output: changing the parameters changes the key, so no rewrite.
      code: 'from argon2.low_level import Type, hash_secret_raw\nkey = hash_secret_raw(password, salt, time_cost=1, memory_cost=8, parallelism=1, hash_len=32, type=Type.ID)\n',
      errors: [
        { messageId: 'argon2Iterations', line: 2, column: 49, endLine: 2, endColumn: 50 },
        { messageId: 'argon2Memory', line: 2, column: 64, endLine: 2, endColumn: 65 },
      ],
    },
    {
      code: 'from passlib.hash import argon2\nhashed = argon2.using(rounds=1).hash(password)\n',
      errors: [
        {
          messageId: 'argon2Iterations',
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 31,
          suggestions: [{ messageId: 'raiseArgon2Iterations', output: 'from passlib.hash import argon2\nhashed = argon2.using(rounds=3).hash(password)\n' }],
        },
      ],
    },
    {
      code: 'from passlib.hash import md5_crypt\nhashed = md5_crypt.hash(password)\n',
      errors: [{ messageId: 'weakHandler', data: { scheme: 'md5_crypt', reason: 'MD5-based with a fixed 1000 rounds' }, line: 2, column: 10, endLine: 2, endColumn: 19 }],
    },
    {
      code: 'import passlib.hash\nhashed = passlib.hash.ldap_salted_sha1.hash(password)\n',
      errors: [{ messageId: 'weakHandler', line: 2, column: 10, endLine: 2, endColumn: 39 }],
    },
    {
      code: 'import hashlib\nkey = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)\n',
      errors: [{ messageId: 'pbkdf2Iterations', data: { value: '1000', min: '100000' }, line: 2, column: 62, endLine: 2, endColumn: 66 }],
    },
    {
      code: 'from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC\nkdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=ITERATIONS)\nITERATIONS = 10_000\n',
      errors: [{ messageId: 'pbkdf2Iterations', data: { value: '10000', min: '100000' }, line: 2, column: 78, endLine: 2, endColumn: 88 }],
    },
    {
      // pycryptodome's PBKDF2 defaults to 1000 iterations.
      code: 'from Crypto.Protocol.KDF import PBKDF2\nkey = PBKDF2(password, salt, 32)\n',
      errors: [{ messageId: 'pbkdf2DefaultIterations', data: { call: 'PBKDF2()', value: '1000', min: '100000' }, line: 2, column: 7, endLine: 2, endColumn: 33 }],
    },
    {
      code: 'from werkzeug.security import generate_password_hash\nhashed = generate_password_hash(password, method="pbkdf2:sha256:1000")\n',
      errors: [{ messageId: 'pbkdf2Iterations', data: { value: '1000', min: '100000' }, line: 2, column: 50, endLine: 2, endColumn: 70 }],
    },
  ],
});
