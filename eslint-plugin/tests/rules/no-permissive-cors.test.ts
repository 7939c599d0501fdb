import rule from '../../src/rules/no-permissive-cors.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-permissive-cors', rule, {
  valid: [
    // Explicit allow-lists, with credentials.
    "import cors from 'cors';\napp.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));",
    "import cors from 'cors';\napp.use(cors({ origin: 'https://app.example.com', credentials: true }));",
    "const cors = require('cors');\napp.use(cors({ origin: process.env.CORS_ORIGINS.split(','), credentials: true }));",
    "import cors from 'cors';\nconst allowed = ['http://localhost:3000', 'http://127.0.0.1:5173'];\napp.use(cors({ origin: allowed, credentials: true }));",
    // Anchored patterns.
    "import cors from 'cors';\napp.use(cors({ origin: /^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/, credentials: true }));",
    "import cors from 'cors';\napp.use(cors({ origin: [/\\.example\\.com$/, 'https://example.com'], credentials: true }));",
    "import cors from 'cors';\napp.use(cors({ origin: /^http:\\/\\/localhost:\\d+$/, credentials: true }));",
    // '*' inside a list is compared as a string, not a wildcard.
    "import cors from 'cors';\napp.use(cors({ origin: ['*'], credentials: true }));",
    // CORS turned off, or every origin without credentials: a public API.
    "import cors from 'cors';\napp.use(cors({ origin: false, credentials: true }));",
    "import cors from 'cors';\napp.use(cors());",
    "import cors from 'cors';\napp.use(cors({ origin: '*' }));",
    "import cors from 'cors';\napp.use(cors({ origin: true, credentials: false }));",
    "import cors from 'cors';\napp.use(cors({ origin: /.*/ }));",
    // A callback that checks an allow-list.
    "import cors from 'cors';\nconst allowlist = new Set(['https://app.example.com']);\napp.use(cors({\n  origin: (origin, callback) => callback(null, !origin || allowlist.has(origin)),\n  credentials: true,\n}));",
    "import cors from 'cors';\napp.use(cors({\n  origin(origin, callback) {\n    if (allowed.includes(origin)) callback(null, true);\n    else callback(new Error('Not allowed by CORS'));\n  },\n  credentials: true,\n}));",
    // Options the rule cannot see.
    "import cors from 'cors';\nimport { corsOptions } from './config';\napp.use(cors(corsOptions));",
    "import cors from 'cors';\napp.use(cors({ ...baseOptions, credentials: true }));",
    // Someone else's `cors` function.
    "function cors(options) { return options; }\ncors({ origin: true, credentials: true });",
    "import { cors } from './my-cors';\napp.use(cors({ origin: true, credentials: true }));",
    // NestJS with an allow-list.
    "app.enableCors({ origin: ['https://app.example.com'], credentials: true });",
    // Raw headers: the origin checked against an allow-list first.
    "app.use((req, res, next) => {\n  const origin = req.headers.origin;\n  if (ALLOWED_ORIGINS.includes(origin)) {\n    res.setHeader('Access-Control-Allow-Origin', origin);\n    res.setHeader('Access-Control-Allow-Credentials', 'true');\n  }\n  next();\n});",
    "app.use((req, res, next) => {\n  const { origin } = req.headers;\n  if (origin === 'https://app.example.com') res.setHeader('Access-Control-Allow-Origin', origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  next();\n});",
    "function cors(req, res) {\n  const origin = req.get('origin');\n  if (!isAllowedOrigin(origin)) return;\n  res.set('Access-Control-Allow-Origin', origin);\n  res.set('Access-Control-Allow-Credentials', 'true');\n}",
    // Raw headers without credentials: public.
    "res.setHeader('Access-Control-Allow-Origin', '*');",
    "res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\nres.setHeader('Vary', 'Origin');",
    // Credentials in one handler, wildcard in another.
    "function publicApi(res) { res.setHeader('Access-Control-Allow-Origin', '*'); }\nfunction privateApi(res) {\n  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n}",
    // Credentials header set to false.
    "res.setHeader('Access-Control-Allow-Origin', '*');\nres.setHeader('Access-Control-Allow-Credentials', 'false');",
    // Reading, not writing, the headers.
    "const allowed = response.headers.get('Access-Control-Allow-Origin');\nconst credentials = response.headers.get('Access-Control-Allow-Credentials');",
    // Development-only configuration.
    "import cors from 'cors';\nif (process.env.NODE_ENV !== 'production') {\n  app.use(cors({ origin: true, credentials: true }));\n}",
    "import cors from 'cors';\nif (isProduction) {\n  app.use(cors({ origin: ALLOWED, credentials: true }));\n} else {\n  app.use(cors({ origin: true, credentials: true }));\n}",
    // A file that never mentions CORS.
    "app.use(express.json());\nres.setHeader('Content-Type', 'application/json');",
    // Next.js headers() with a fixed origin.
    "module.exports = { async headers() { return [{ source: '/api/:path*', headers: [\n  { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },\n  { key: 'Access-Control-Allow-Credentials', value: 'true' },\n] }]; } };",
  ],
  invalid: [
    {
      // origin: true reflects the request's origin.
      code: "import cors from 'cors';\napp.use(cors({ origin: true, credentials: true }));",
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: 'origin: true' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: "import cors from 'cors';\napp.use(cors({ origin: true, credentials: false }));",
            },
          ],
        },
      ],
    },
    {
      code: "const cors = require('cors');\napp.use(cors({ origin: '*', credentials: true }));",
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: "const cors = require('cors');\napp.use(cors({ origin: '*', credentials: false }));",
            },
          ],
        },
      ],
    },
    {
      // The options as a constant; credentials through a constant: no suggestion.
      code: "import cors from 'cors';\nconst withCredentials = true;\nconst corsOptions = {\n  origin: (origin, callback) => callback(null, true),\n  credentials: withCredentials,\n};\napp.use(cors(corsOptions));",
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: 'an origin function that accepts every origin' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 9,
          suggestions: [],
        },
      ],
    },
    {
      // A callback that sends the origin back.
      code: "import cors from 'cors';\napp.use(cors({\n  origin: function (origin, cb) { cb(null, origin); },\n  credentials: true,\n}));",
      errors: [
        {
          messageId: 'anyOrigin',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: "import cors from 'cors';\napp.use(cors({\n  origin: function (origin, cb) { cb(null, origin); },\n  credentials: false,\n}));",
            },
          ],
        },
      ],
    },
    {
      code: "import cors from 'cors';\napp.use(cors({ origin: /.*/, credentials: true }));",
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: '/.*/' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 28,
          suggestions: [
            { messageId: 'disableCredentials', output: "import cors from 'cors';\napp.use(cors({ origin: /.*/, credentials: false }));" },
          ],
        },
      ],
    },
    {
      // An unanchored pattern also accepts example.com.attacker.example.
      code: "import cors from 'cors';\napp.use(cors({ origin: [/example\\.com/, 'http://localhost:3000'], credentials: true }));",
      errors: [
        {
          messageId: 'unanchoredOrigin',
          data: { pattern: '/example\\.com/', side: 'end', example: 'https://example.com.attacker.example' },
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: "import cors from 'cors';\napp.use(cors({ origin: [/example\\.com/, 'http://localhost:3000'], credentials: false }));",
            },
          ],
        },
      ],
    },
    {
      // Missing ^ before a bare domain: attackerexample.com matches.
      code: "import cors from 'cors';\napp.use(cors({ origin: new RegExp('example\\\\.com$'), credentials: true }));",
      errors: [
        {
          messageId: 'unanchoredOrigin',
          data: { pattern: '/example\\.com$/', side: 'start', example: 'https://attackerexample.com' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: "import cors from 'cors';\napp.use(cors({ origin: new RegExp('example\\\\.com$'), credentials: false }));",
            },
          ],
        },
      ],
    },
    {
      // No origin: the default "*" with credentials.
      code: "import cors from 'cors';\napp.use(cors({ credentials: true }));",
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 33,
          suggestions: [{ messageId: 'disableCredentials', output: "import cors from 'cors';\napp.use(cors({ credentials: false }));" }],
        },
      ],
    },
    {
      // NestJS
      code: 'app.enableCors({ origin: true, credentials: true });',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 30,
          suggestions: [{ messageId: 'disableCredentials', output: 'app.enableCors({ origin: true, credentials: false });' }],
        },
      ],
    },
    {
      code: "const app = await NestFactory.create(AppModule, { cors: { origin: true, credentials: true } });",
      errors: [
        {
          messageId: 'anyOrigin',
          line: 1,
          column: 59,
          endLine: 1,
          endColumn: 71,
          suggestions: [
            { messageId: 'disableCredentials', output: "const app = await NestFactory.create(AppModule, { cors: { origin: true, credentials: false } });" },
          ],
        },
      ],
    },
    {
      // Fastify and Hono.
      code: "import fastifyCors from '@fastify/cors';\nawait fastify.register(fastifyCors, { origin: true, credentials: true });",
      errors: [
        {
          messageId: 'anyOrigin',
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            { messageId: 'disableCredentials', output: "import fastifyCors from '@fastify/cors';\nawait fastify.register(fastifyCors, { origin: true, credentials: false });" },
          ],
        },
      ],
    },
    {
      code: "import { cors } from 'hono/cors';\napp.use('/api/*', cors({ origin: (origin) => origin, credentials: true }));",
      errors: [
        {
          messageId: 'anyOrigin',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            { messageId: 'disableCredentials', output: "import { cors } from 'hono/cors';\napp.use('/api/*', cors({ origin: (origin) => origin, credentials: false }));" },
          ],
        },
      ],
    },
    {
      // Raw headers: the request's Origin sent back with credentials.
      code: "app.use((req, res, next) => {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  next();\n});",
      errors: [{ messageId: 'reflectedOrigin', line: 2, column: 3, endLine: 2, endColumn: 67, suggestions: [] }],
    },
    {
      // Through a variable; a presence check is not an allow-list.
      code: "function allowCors(req, res) {\n  const origin = req.get('Origin');\n  if (origin) {\n    res.header('Access-Control-Allow-Origin', origin);\n  }\n  res.header('Access-Control-Allow-Credentials', true);\n}",
      errors: [{ messageId: 'reflectedOrigin', line: 4, column: 5, endLine: 4, endColumn: 54 }],
    },
    {
      code: "export async function GET(request) {\n  return new Response(body, {\n    headers: {\n      'Access-Control-Allow-Origin': request.headers.get('origin') ?? '*',\n      'Access-Control-Allow-Credentials': 'true',\n    },\n  });\n}",
      errors: [{ messageId: 'reflectedOrigin', line: 4, column: 7, endLine: 4, endColumn: 74 }],
    },
    {
      // Koa
      code: "app.use(async (ctx, next) => {\n  ctx.set('Access-Control-Allow-Origin', ctx.get('Origin'));\n  ctx.set('Access-Control-Allow-Credentials', 'true');\n  await next();\n});",
      errors: [{ messageId: 'reflectedOrigin', line: 2, column: 3, endLine: 2, endColumn: 60 }],
    },
    {
      // Only in production is still a finding.
      code: "import cors from 'cors';\nif (process.env.NODE_ENV === 'production') app.use(cors({ origin: true, credentials: true }));",
      errors: [
        {
          messageId: 'anyOrigin',
          line: 2,
          column: 59,
          endLine: 2,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: "import cors from 'cors';\nif (process.env.NODE_ENV === 'production') app.use(cors({ origin: true, credentials: false }));",
            },
          ],
        },
      ],
    },
    {
      code: "res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' });",
      errors: [{ messageId: 'wildcardWithCredentials', line: 1, column: 11, endLine: 1, endColumn: 45 }],
    },
    {
      code: "module.exports = { async headers() { return [{ source: '/api/:path*', headers: [\n  { key: 'Access-Control-Allow-Origin', value: '*' },\n  { key: 'Access-Control-Allow-Credentials', value: 'true' },\n] }]; } };",
      errors: [{ messageId: 'wildcardWithCredentials', line: 2, column: 3, endLine: 2, endColumn: 53 }],
    },
  ],
});

languageTester('python').run('no-permissive-cors', rule as never, {
  valid: [
    // The guide's configuration: an explicit list with credentials.
    'CORS_ALLOWED_ORIGINS = [\n    "https://your-domain.com",\n    "https://www.your-domain.com",\n]\nCORS_ALLOW_CREDENTIALS = True\nCORS_ALLOWED_METHODS = ["GET", "POST", "PUT", "DELETE"]\n',
    'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)\n',
    'import os\nfrom fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=os.getenv("CORS_ORIGINS", "").split(","),\n    allow_credentials=True,\n)\n',
    'origins = ["http://localhost:3000", "http://127.0.0.1:5173"]\napp.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True)\n',
    // Starlette matches allow_origin_regex against the whole origin.
    'app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\\.example\\.com", allow_credentials=True)\n',
    'app.add_middleware(CORSMiddleware, allow_origin_regex=r"http://localhost:\\d+", allow_credentials=True)\n',
    // Every origin without credentials: a public API.
    'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"], allow_headers=["*"])\n',
    'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)\n',
    'from flask_cors import CORS\nCORS(app)\n',
    'from flask_cors import CORS\nCORS(app, resources={r"/api/*": {"origins": "*"}})\n',
    'CORS_ALLOW_ALL_ORIGINS = True\n',
    // Flask-CORS with an allow-list, and with origins from the config.
    'from flask_cors import CORS\nCORS(app, origins=["https://app.example.com"], supports_credentials=True)\n',
    'from flask_cors import CORS\napp.config.from_object("config.Production")\nCORS(app, supports_credentials=True)\n',
    'from flask_cors import CORS\napp.config["CORS_ORIGINS"] = ["https://app.example.com"]\nCORS(app, supports_credentials=True)\n',
    'from flask_cors import CORS\nCORS(app, origins=r"^https://.*\\.example\\.com$", supports_credentials=True)\n',
    // An app factory: the extension is created before the config is known.
    'from flask_cors import CORS\ncors = CORS(supports_credentials=True)\n',
    // send_wildcard with credentials raises at start-up instead.
    'from flask_cors import CORS\nCORS(app, origins="*", supports_credentials=True, send_wildcard=True)\n',
    // Another library's CORS.
    'from my_cors import CORS\nCORS(app, origins="*", supports_credentials=True)\n',
    // Django settings split across files, or computed.
    'CORS_ALLOW_ALL_ORIGINS = DEBUG\nCORS_ALLOW_CREDENTIALS = True\n',
    'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$"]\nCORS_ALLOW_CREDENTIALS = True\n',
    // Raw headers, checked.
    'def add_cors(response):\n    origin = request.headers.get("Origin")\n    if origin in ALLOWED_ORIGINS:\n        response.headers["Access-Control-Allow-Origin"] = origin\n        response.headers["Access-Control-Allow-Credentials"] = "true"\n    return response\n',
    'def add_cors(response):\n    origin = request.headers.get("Origin")\n    if not is_allowed(origin):\n        return response\n    response.headers["Access-Control-Allow-Origin"] = origin\n    response.headers["Access-Control-Allow-Credentials"] = "true"\n    return response\n',
    'def public(response):\n    response.headers["Access-Control-Allow-Origin"] = "*"\n    return response\n',
    'value = response.headers.get("Access-Control-Allow-Origin", "*")\nflag = response.headers.get("Access-Control-Allow-Credentials", "true")\n',
    // Development-only configuration.
    'if settings.DEBUG:\n    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n',
    'if IS_PRODUCTION:\n    origins = ALLOWED\nelse:\n    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n',
    'if DEBUG:\n    CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n',
    { code: 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n', filename: 'backend/settings/local.py' },
    'class DevelopmentConfig:\n    CORS_ORIGINS = "*"\n    CORS_SUPPORTS_CREDENTIALS = True\n',
  ],
  invalid: [
    {
      code: 'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n',
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: 'allow_origins=["*"]' },
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)\n',
            },
          ],
        },
      ],
    },
    {
      // Through a module constant, multi-line.
      code: 'ORIGINS = ["*"]\n\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=ORIGINS,\n    allow_credentials=True,\n)\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'ORIGINS = ["*"]\n\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=ORIGINS,\n    allow_credentials=False,\n)\n',
            },
          ],
        },
      ],
    },
    {
      code: 'middleware = [Middleware(CORSMiddleware, allow_origin_regex=r"https?://.*", allow_credentials=True)]\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'middleware = [Middleware(CORSMiddleware, allow_origin_regex=r"https?://.*", allow_credentials=False)]\n',
            },
          ],
        },
      ],
    },
    {
      code: 'from flask_cors import CORS\nCORS(app, origins="*", supports_credentials=True)\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 22,
          suggestions: [
            { messageId: 'disableCredentials', output: 'from flask_cors import CORS\nCORS(app, origins="*", supports_credentials=False)\n' },
          ],
        },
      ],
    },
    {
      // Flask-CORS's default origins are "*".
      code: 'from flask_cors import CORS\nCORS(app, supports_credentials=True)\n',
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: 'the default origins "*"' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 5,
          suggestions: [{ messageId: 'disableCredentials', output: 'from flask_cors import CORS\nCORS(app, supports_credentials=False)\n' }],
        },
      ],
    },
    {
      code: 'from flask_cors import cross_origin\n\n@app.route("/api/me")\n@cross_origin(supports_credentials=True)\ndef me():\n    return current_user.to_dict()\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'from flask_cors import cross_origin\n\n@app.route("/api/me")\n@cross_origin(supports_credentials=False)\ndef me():\n    return current_user.to_dict()\n',
            },
          ],
        },
      ],
    },
    {
      code: 'from flask_cors import CORS\nCORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)\n',
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: '"origins": "*"' },
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'from flask_cors import CORS\nCORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=False)\n',
            },
          ],
        },
      ],
    },
    {
      // Flask-CORS matches from the start only: the end must be anchored.
      code: 'from flask_cors import CORS\nCORS(app, origins=[r"https://.*\\.example\\.com"], supports_credentials=True)\n',
      errors: [
        {
          messageId: 'unanchoredOrigin',
          data: { pattern: 'r"https://.*\\.example\\.com"', side: 'end', example: 'https://app.example.com.attacker.example' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'from flask_cors import CORS\nCORS(app, origins=[r"https://.*\\.example\\.com"], supports_credentials=False)\n',
            },
          ],
        },
      ],
    },
    {
      // django-cors-headers settings.
      code: 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n',
      errors: [
        {
          messageId: 'anyOrigin',
          data: { config: 'CORS_ALLOW_ALL_ORIGINS = True' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 30,
          suggestions: [{ messageId: 'disableCredentials', output: 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = False\n' }],
        },
      ],
    },
    {
      code: 'CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\nCORS_ORIGIN_REGEX_WHITELIST = [r"^https://\\w+\\.example\\.com"]\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = False\nCORS_ORIGIN_REGEX_WHITELIST = [r"^https://\\w+\\.example\\.com"]\n',
            },
          ],
        },
        {
          messageId: 'unanchoredOrigin',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'disableCredentials',
              output: 'CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = False\nCORS_ORIGIN_REGEX_WHITELIST = [r"^https://\\w+\\.example\\.com"]\n',
            },
          ],
        },
      ],
    },
    {
      // Flask config class.
      code: 'class Config:\n    CORS_ORIGINS = "*"\n    CORS_SUPPORTS_CREDENTIALS = True\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 23,
          suggestions: [{ messageId: 'disableCredentials', output: 'class Config:\n    CORS_ORIGINS = "*"\n    CORS_SUPPORTS_CREDENTIALS = False\n' }],
        },
      ],
    },
    {
      // Raw headers: Flask after_request.
      code: '@app.after_request\ndef add_cors(response):\n    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")\n    response.headers["Access-Control-Allow-Credentials"] = "true"\n    return response\n',
      errors: [{ messageId: 'reflectedOrigin', line: 3, column: 5, endLine: 3, endColumn: 84, suggestions: [] }],
    },
    {
      // Django, through a variable, with a presence check only.
      code: 'def cors(get_response):\n    def middleware(request):\n        response = get_response(request)\n        origin = request.META.get("HTTP_ORIGIN")\n        if origin is not None:\n            response["Access-Control-Allow-Origin"] = origin\n            response["Access-Control-Allow-Credentials"] = "true"\n        return response\n    return middleware\n',
      errors: [{ messageId: 'reflectedOrigin', line: 6, column: 13, endLine: 6, endColumn: 61 }],
    },
    {
      // Starlette wrapping the app; credentials from a constant: no suggestion.
      code: 'ALLOW_CREDENTIALS = True\napp = CORSMiddleware(app, allow_origins="*", allow_credentials=ALLOW_CREDENTIALS)\n',
      errors: [{ messageId: 'anyOrigin', data: { config: 'allow_origins="*"' }, line: 2, column: 27, endLine: 2, endColumn: 44, suggestions: [] }],
    },
    {
      // Credentials from the Flask config, origins per resource.
      code: 'from flask_cors import CORS\nCORS(app, resources={r"/*": {"origins": "*"}})\napp.config["CORS_SUPPORTS_CREDENTIALS"] = True\n',
      errors: [{ messageId: 'anyOrigin', line: 2, column: 30, endLine: 2, endColumn: 44, suggestions: [] }],
    },
    {
      code: 'app.config.update(CORS_ORIGINS=[r".*"], CORS_SUPPORTS_CREDENTIALS=True)\n',
      errors: [
        {
          messageId: 'anyOrigin',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 39,
          suggestions: [{ messageId: 'disableCredentials', output: 'app.config.update(CORS_ORIGINS=[r".*"], CORS_SUPPORTS_CREDENTIALS=False)\n' }],
        },
      ],
    },
    {
      // headers.add, with the origin defaulting to "*".
      code: 'def after(resp):\n    resp.headers.add("Access-Control-Allow-Origin", request.headers.get("Origin", "*"))\n    resp.headers.add("Access-Control-Allow-Credentials", "true")\n    return resp\n',
      errors: [{ messageId: 'reflectedOrigin', line: 2, column: 5, endLine: 2, endColumn: 88 }],
    },
    {
      code: 'return JSONResponse(data, headers={"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "true"})\n',
      errors: [{ messageId: 'wildcardWithCredentials', line: 1, column: 36, endLine: 1, endColumn: 70 }],
    },
  ],
});
