import rule from '../../src/rules/no-insecure-randomness.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

/** The full message data of a finding: what it makes, as the message words it. */
const KINDS = {
  token: ['a token', "other users' tokens"],
  session: ['a session id', "other users' session ids and take over their sessions"],
  password: ['a password', 'the passwords it makes'],
  secret: ['a secret', 'the secret'],
  key: ['a key', 'the keys it makes'],
  nonce: ['a nonce', 'the nonces it makes'],
  code: ['a one-time code', "other users' codes"],
  csrf: ['a CSRF token', "other users' CSRF tokens"],
  link: ['an id that grants access', "other users' ids"],
} as const;
const JS_OPAQUE = 'crypto.randomUUID() or crypto.getRandomValues()';
const JS_FORMATTED = 'crypto.getRandomValues() (or crypto.randomInt() in Node)';
const PY_TOKEN = 'secrets.token_urlsafe(32)';

function data(source: string, kind: keyof typeof KINDS, name: string, alternative: string) {
  const [what, guess] = KINDS[kind];
  return { source, what, guess, name, alternative };
}

javascriptTester().run('no-insecure-randomness', rule, {
  valid: [
    // Timing, UI and sampling: the names say what the number is for.
    'const delay = Math.random() * 1000;',
    'const jitter = Math.random() * 100;',
    'setTimeout(retry, Math.random() * backoff);',
    'await sleep(2 ** attempt * 100 + Math.random() * 50);',
    'const color = `hsl(${Math.random() * 360}, 50%, 50%)`;',
    "function randomColor() {\n  return '#' + Math.floor(Math.random() * 16777215).toString(16);\n}",
    'const x = Math.random() * width;',
    'if (Math.random() < 0.1) reportSample(event);',
    'const shuffled = playlist.sort(() => Math.random() - 0.5);',
    'const winner = entries[Math.floor(Math.random() * entries.length)];',
    // Ids that are not secrets: DOM ids, React keys, request and trace ids.
    'const id = Math.random().toString(36).slice(2);',
    'const key = Math.random();',
    'const elementId = `input-${Math.random().toString(36).slice(2)}`;',
    'const requestId = Math.random().toString(36).slice(2);',
    "setTodos([...todos, { id: Math.random(), text }]);",
    'const Item = () => <li key={Math.random()}>item</li>;',
    'const traceId = Math.random().toString(16).slice(2);',
    // A property of a secret, or a name that says it is not one.
    'const tokenLength = Math.floor(Math.random() * 10) + 20;',
    'const inviteCount = Math.floor(Math.random() * 5);',
    'const nextPageToken = Math.random().toString(36);',
    'const session = { expiresIn: Math.random() * 3600 };',
    'const isToken = Math.random() > 0.5;',
    // Test data.
    'const testToken = Math.random().toString(36);',
    "const mockPassword = 'pw-' + Math.random();",
    // Secure sources.
    'const token = crypto.randomUUID();',
    'const token = crypto.getRandomValues(new Uint8Array(32));',
    "import { randomBytes } from 'node:crypto';\nconst token = randomBytes(32).toString('hex');",
    // Not Math.random: a shadowing parameter, another library's random().
    'function pick(Math) {\n  const token = Math.random();\n}',
    'const token = faker.random.alphaNumeric(10);',
    'const token = rng.random();',
    // A value that does not carry the random number.
    'const tokenExpired = Math.random() > 0.5 && token;',
    "res.cookie('theme', Math.random() > 0.5 ? 'dark' : 'light');",
    // Options.
    { code: 'const demoToken = Math.random().toString(36);', options: [{ allowNames: ['^demoToken$'] }] },
  ],
  invalid: [
    {
      code: 'const token = Math.random().toString(36).slice(2);',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'token', 'token', JS_OPAQUE),
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 28,
          suggestions: [{ messageId: 'useRandomUUID', output: 'const token = crypto.randomUUID();' }],
        },
      ],
    },
    {
      // The classic generator: the index picks the password's characters.
      code: "export function generatePassword(length = 12) {\n  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';\n  let password = '';\n  for (let i = 0; i < length; i++) {\n    const index = Math.floor(Math.random() * chars.length);\n    password += chars[index];\n  }\n  return password;\n}",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'password', 'password', JS_FORMATTED),
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      // Two calls, one finding; the caller's name decides.
      code: 'function makeId() {\n  return Math.random().toString(36).substring(2, 15) + Math.random().toString(36).substring(2, 15);\n}\nconst sessionId = makeId();',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'session', 'sessionId', JS_OPAQUE),
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 23,
          suggestions: [{ messageId: 'useRandomUUID', output: 'function makeId() {\n  return crypto.randomUUID();\n}\nconst sessionId = makeId();' }],
        },
      ],
    },
    {
      code: 'const session = { id: Math.random().toString(36).slice(2), createdAt: Date.now() };',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'session', 'session.id', JS_OPAQUE),
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 36,
          suggestions: [{ messageId: 'useRandomUUID', output: 'const session = { id: crypto.randomUUID(), createdAt: Date.now() };' }],
        },
      ],
    },
    {
      code: "res.cookie('session', Math.random().toString(36).slice(2), { httpOnly: true });",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'session', 'session', JS_OPAQUE),
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 36,
          suggestions: [{ messageId: 'useRandomUUID', output: "res.cookie('session', crypto.randomUUID(), { httpOnly: true });" }],
        },
      ],
    },
    {
      // The cookie's name is in the string; its format around the random part is kept.
      code: 'document.cookie = `sid=${Math.random().toString(36).slice(2)}; path=/`;',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'session', 'sid', JS_OPAQUE),
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 39,
          suggestions: [{ messageId: 'useRandomUUID', output: 'document.cookie = `sid=${crypto.randomUUID()}; path=/`;' }],
        },
      ],
    },
    {
      // With node:crypto imported, a random integer has a drop-in replacement.
      code: "import crypto from 'node:crypto';\nconst otp = Math.floor(Math.random() * 1000000);",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'code', 'otp', JS_FORMATTED),
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            { messageId: 'useRandomInt', data: { replacement: 'crypto.randomInt(1000000)' }, output: "import crypto from 'node:crypto';\nconst otp = crypto.randomInt(1000000);" },
          ],
        },
      ],
    },
    {
      code: "const { randomInt } = require('crypto');\nconst resetCode = Math.floor(Math.random() * 10 ** 6);",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'code', 'resetCode', JS_FORMATTED),
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 43,
          suggestions: [{ messageId: 'useRandomInt', output: "const { randomInt } = require('crypto');\nconst resetCode = randomInt(10 ** 6);" }],
        },
      ],
    },
    {
      code: "const crypto = require('crypto');\nconst resetCode = Math.floor(Math.random() * 10 ** 6);",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'code', 'resetCode', JS_FORMATTED),
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 43,
          suggestions: [{ messageId: 'useRandomInt', output: "const crypto = require('crypto');\nconst resetCode = crypto.randomInt(10 ** 6);" }],
        },
      ],
    },
    {
      code: 'const otpCode = String(Math.floor(100000 + Math.random() * 900000));',
      errors: [{ messageId: 'insecureRandom', data: data('Math.random()', 'code', 'otpCode', JS_FORMATTED), line: 1, column: 44, endLine: 1, endColumn: 57, suggestions: [] }],
    },
    {
      code: "const password = Array.from({ length: 16 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');",
      errors: [{ messageId: 'insecureRandom', data: data('Math.random()', 'password', 'password', JS_FORMATTED), line: 1, column: 68, endLine: 1, endColumn: 81, suggestions: [] }],
    },
    {
      code: "const apiKey = 'sk_' + _.random(1e9, 9e9);",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Lodash's _.random()", 'key', 'apiKey', JS_OPAQUE),
          line: 1,
          column: 24,
          endLine: 1,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      code: 'class Auth {\n  generateToken() {\n    return Math.random().toString(16).slice(2);\n  }\n}',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'token', 'generateToken', JS_OPAQUE),
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 25,
          suggestions: [{ messageId: 'useRandomUUID', output: 'class Auth {\n  generateToken() {\n    return crypto.randomUUID();\n  }\n}' }],
        },
      ],
    },
    {
      code: 'const [csrfToken] = useState(() => Math.random().toString(36).slice(2));',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'csrf', 'csrfToken', JS_OPAQUE),
          line: 1,
          column: 36,
          endLine: 1,
          endColumn: 49,
          suggestions: [{ messageId: 'useRandomUUID', output: 'const [csrfToken] = useState(() => crypto.randomUUID());' }],
        },
      ],
    },
    {
      // Hashing a predictable number leaves it predictable.
      code: "const hash = crypto.createHash('sha256').update(String(Math.random())).digest('hex');\nuser.resetToken = hash;",
      errors: [{ messageId: 'insecureRandom', data: data('Math.random()', 'token', 'resetToken', JS_OPAQUE), line: 1, column: 56, endLine: 1, endColumn: 69, suggestions: [] }],
    },
    {
      code: "const id = Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);\nawait db.invites.insert({ inviteId: id, email });",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'link', 'inviteId', JS_OPAQUE),
          line: 1,
          column: 44,
          endLine: 1,
          endColumn: 57,
          suggestions: [{ messageId: 'useRandomUUID', output: 'const id = crypto.randomUUID();\nawait db.invites.insert({ inviteId: id, email });' }],
        },
      ],
    },
    {
      code: "localStorage.setItem('token', Math.random().toString(36).substr(2));",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'token', 'token', JS_OPAQUE),
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 44,
          suggestions: [{ messageId: 'useRandomUUID', output: "localStorage.setItem('token', crypto.randomUUID());" }],
        },
      ],
    },
    {
      code: 'const nonce = btoa(String(Math.random()));',
      errors: [{ messageId: 'insecureRandom', data: data('Math.random()', 'nonce', 'nonce', JS_OPAQUE), line: 1, column: 27, endLine: 1, endColumn: 40, suggestions: [] }],
    },
    {
      // The model the object is stored in names it.
      code: "const code = Math.random().toString(36).substring(2, 10);\nawait db.invitation.create({ data: { code, email } });",
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'code', 'invitation.data.code', JS_FORMATTED),
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      code: 'const ticket = Math.random().toString(36);',
      options: [{ secretNames: ['ticket'] }],
      errors: [
        {
          messageId: 'insecureRandom',
          data: data('Math.random()', 'secret', 'ticket', JS_OPAQUE),
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 29,
          suggestions: [{ messageId: 'useRandomUUID', output: 'const ticket = crypto.randomUUID();' }],
        },
      ],
    },
  ],
});

languageTester('python').run('no-insecure-randomness', rule as never, {
  valid: [
    // Timing, simulations, sampling, UI.
    'import random\ndelay = random.uniform(0.5, 1.5)\n',
    'import random, time\ntime.sleep(random.random() * backoff)\n',
    'import random\njitter = random.random()\n',
    'import random\nif random.random() < 0.1:\n    sample(event)\n',
    'import random\nrandom.seed(42)\nrandom.shuffle(playlist)\n',
    'import random\nidx = random.randint(0, len(items) - 1)\n',
    'import random\ncolor = random.choice(COLORS)\n',
    'import random\ntoken_count = random.randint(1, 100)\n',
    'import random\nvalues = [random.random() for _ in range(10)]\n',
    'import random\ndef simulate():\n    return random.gauss(0, 1)\n',
    'import numpy as np\nnoise = np.random.randn(100)\n',
    // Secure sources.
    'import random\nrng = random.SystemRandom()\ntoken = rng.choice(chars)\n',
    'import random\ntoken = random.SystemRandom().choice(chars)\n',
    'import random\nrandom = random.SystemRandom()\ntoken = "".join(random.choice(chars) for _ in range(32))\n',
    'import secrets\ntoken = secrets.token_urlsafe(32)\n',
    'import secrets, string\npassword = "".join(secrets.choice(string.ascii_letters) for _ in range(16))\n',
    'import os\nsalt = os.urandom(16)\n',
    'import uuid\nreset_token = str(uuid.uuid4())\n',
    // A version 1 UUID for something that is not a secret.
    'import uuid\ntrace_id = uuid.uuid1()\n',
    // Not the random module.
    'token = random.choice(chars)\n',
    'from mylib import random\ntoken = random()\n',
    // Test data.
    'import random\ntest_token = str(random.random())\n',
    'import random\ndef make_fake_password():\n    return str(random.random())\n',
    'import random\nItem.objects.create(name=name, order=random.randint(1, 9))\n',
    'import random\ndef roll_dice():\n    return random.randint(1, 6)\n',
    'import random\nuser_agent = random.choice(USER_AGENTS)\nport = random.randint(1024, 65535)\n',
    'import random\ndef generate_username():\n    return "user" + str(random.randint(1000, 9999))\n',
  ],
  invalid: [
    {
      code: 'import random\nimport string\n\ndef generate_token(length=32):\n    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(length))\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.choice()", 'token', 'generate_token', PY_TOKEN),
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useSecretsFunction',
              data: { replacement: 'secrets.choice()', importNote: ' (and add import secrets)' },
              output:
                'import random\nimport string\nimport secrets\n\ndef generate_token(length=32):\n    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))\n',
            },
            {
              messageId: 'useTokenUrlsafe',
              output: 'import random\nimport string\nimport secrets\n\ndef generate_token(length=32):\n    return secrets.token_urlsafe(32)\n',
            },
          ],
        },
      ],
    },
    {
      code: 'import random\nSECRET_KEY = "".join(random.choices("abcdef0123456789", k=50))\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.choices()", 'key', 'SECRET_KEY', PY_TOKEN),
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useSecretsFunction',
              output: 'import random\nimport secrets\nSECRET_KEY = "".join([secrets.choice("abcdef0123456789") for _ in range(50)])\n',
            },
            { messageId: 'useTokenUrlsafe', output: 'import random\nimport secrets\nSECRET_KEY = secrets.token_urlsafe(32)\n' },
          ],
        },
      ],
    },
    {
      code: '"""Auth helpers."""\nfrom random import randint\n\ndef send_otp(user):\n    otp = randint(100000, 999999)\n    sms.send(user.phone, f"Your code is {otp}")\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's randint()", 'code', 'otp', 'secrets.randbelow()'),
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useSecretsFunction',
              data: { replacement: 'secrets.randbelow()', importNote: ' (and add import secrets)' },
              output:
                '"""Auth helpers."""\nfrom random import randint\nimport secrets\n\ndef send_otp(user):\n    otp = secrets.randbelow(900000) + 100000\n    sms.send(user.phone, f"Your code is {otp}")\n',
            },
          ],
        },
      ],
    },
    {
      code: 'import random\nimport secrets\n\ndef reset(user):\n    user.reset_token = str(random.getrandbits(128))\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.getrandbits()", 'token', 'reset_token', PY_TOKEN),
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useSecretsFunction',
              data: { replacement: 'secrets.randbits()', importNote: '' },
              output: 'import random\nimport secrets\n\ndef reset(user):\n    user.reset_token = str(secrets.randbits(128))\n',
            },
            { messageId: 'useTokenUrlsafe', data: { importNote: '' }, output: 'import random\nimport secrets\n\ndef reset(user):\n    user.reset_token = secrets.token_urlsafe(32)\n' },
          ],
        },
      ],
    },
    {
      code: 'import random\n\ndef login(response):\n    response.set_cookie("session", str(random.random()))\n',
      errors: [{ messageId: 'insecureRandom', data: data("Python's random.random()", 'session', 'session', PY_TOKEN), line: 4, column: 40, endLine: 4, endColumn: 55, suggestions: [] }],
    },
    {
      code: 'import uuid\n\ndef invite(user):\n    invite_token = uuid.uuid1()\n    return invite_token\n',
      errors: [
        {
          messageId: 'predictableUuid',
          data: data("Python's uuid.uuid1()", 'token', 'invite_token', 'uuid.uuid4() or secrets.token_urlsafe(32)'),
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            { messageId: 'useUuid4', data: { replacement: 'uuid.uuid4()' }, output: 'import uuid\n\ndef invite(user):\n    invite_token = uuid.uuid4()\n    return invite_token\n' },
          ],
        },
      ],
    },
    {
      code: 'import numpy as np\napi_key = "".join(np.random.choice(list("abc123"), 32))\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("NumPy's np.random.choice()", 'key', 'api_key', PY_TOKEN),
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 55,
          suggestions: [{ messageId: 'useTokenUrlsafe', output: 'import numpy as np\nimport secrets\napi_key = secrets.token_urlsafe(32)\n' }],
        },
      ],
    },
    {
      // Built in a loop, named where it is returned.
      code: 'import random\n\ndef make_password():\n    result = ""\n    for _ in range(12):\n        result += random.choice(CHARS)\n    return result\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.choice()", 'password', 'make_password', 'secrets.choice() over the allowed characters'),
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useSecretsFunction',
              output: 'import random\nimport secrets\n\ndef make_password():\n    result = ""\n    for _ in range(12):\n        result += secrets.choice(CHARS)\n    return result\n',
            },
          ],
        },
      ],
    },
    {
      code: 'import random\nsession = {"id": random.randrange(10**12)}\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.randrange()", 'session', 'session.id', PY_TOKEN),
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 42,
          suggestions: [{ messageId: 'useSecretsFunction', output: 'import random\nimport secrets\nsession = {"id": secrets.randbelow(10**12)}\n' }],
        },
      ],
    },
    {
      code: 'import random\n\ndef create_user(name):\n    return User(name=name, password=str(random.random()))\n',
      errors: [{ messageId: 'insecureRandom', data: data("Python's random.random()", 'password', 'password', 'secrets.choice() over the allowed characters'), line: 4, column: 41, endLine: 4, endColumn: 56, suggestions: [] }],
    },
    {
      code: 'import random\n\ndef invite(email):\n    Invitation.objects.create(email=email, code=random.randint(100000, 999999))\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.randint()", 'code', 'Invitation.code', 'secrets.randbelow()'),
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useSecretsFunction',
              output: 'import random\nimport secrets\n\ndef invite(email):\n    Invitation.objects.create(email=email, code=secrets.randbelow(900000) + 100000)\n',
            },
          ],
        },
      ],
    },
    {
      code: 'import random\nnonce = f"{random.getrandbits(64):x}"\n',
      errors: [
        {
          messageId: 'insecureRandom',
          data: data("Python's random.getrandbits()", 'nonce', 'nonce', PY_TOKEN),
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 34,
          suggestions: [
            { messageId: 'useSecretsFunction', output: 'import random\nimport secrets\nnonce = f"{secrets.randbits(64):x}"\n' },
            { messageId: 'useTokenUrlsafe', output: 'import random\nimport secrets\nnonce = secrets.token_urlsafe(32)\n' },
          ],
        },
      ],
    },
  ],
});
