import rule from '../../src/rules/no-disabled-tls-verification.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-disabled-tls-verification', rule, {
  valid: [
    "const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });",
    "const agent = new https.Agent({ ca: fs.readFileSync('ca.pem') });",
    // Decided at runtime: configuration, not a hardcoded bypass.
    "const agent = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });",
    'const agent = new https.Agent({ rejectUnauthorized: config.tls.verify });',
    'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { ca: process.env.DB_CA_CERT } });',
    // A local development server named literally.
    "https.request({ host: 'localhost', port: 8443, rejectUnauthorized: false });",
    "const response = await axios.get('https://localhost:8443/health', { httpsAgent: new https.Agent({ rejectUnauthorized: false }) });",
    "const socket = tls.connect({ host: '127.0.0.1', port: 8443, checkServerIdentity: () => undefined });",
    // Host name checks that still check.
    "const socket = tls.connect({ host: 'api.example.com', checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });",
    "const socket = tls.connect({ host: 'api.example.com', checkServerIdentity: (host, cert) => pinned(cert) ? undefined : new Error('pin') });",
    "request({ url: 'https://api.example.com/v1', strictSSL: true }, callback);",
    // Reading, removing or enabling the variable.
    "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warn();",
    'delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;',
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    "spawn('node', ['sync.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '1' } });",
    // Look-alikes.
    "const options = { rejectUnauthorizedCount: 0, verify: false };",
    "// rejectUnauthorized: false\nconst agent = new https.Agent();",
    "const text = 'rejectUnauthorized: false';",
  ],
  invalid: [
    {
      code: "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: false });",
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 33, endLine: 2, endColumn: 58,
          suggestions: [
            { messageId: 'enableVerification', output: "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: true });" },
          ],
        },
      ],
    },
    {
      code: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });',
      errors: [
        { messageId: 'verificationDisabled', line: 1, column: 76, endLine: 1, endColumn: 101,
          suggestions: [
            { messageId: 'enableVerification', output: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });' },
          ],
        },
      ],
    },
    {
      code: "const response = await got('https://api.example.com/v1', { https: { rejectUnauthorized: false } });",
      errors: [
        { messageId: 'verificationDisabled', line: 1, column: 69, endLine: 1, endColumn: 94,
          suggestions: [
            { messageId: 'enableVerification', output: "const response = await got('https://api.example.com/v1', { https: { rejectUnauthorized: true } });" },
          ],
        },
      ],
    },
    {
      code: "const response = await axios.get('https://api.example.com/v1', { httpsAgent: new https.Agent({ rejectUnauthorized: false }) });",
      errors: [
        { messageId: 'verificationDisabled', line: 1, column: 96, endLine: 1, endColumn: 121,
          suggestions: [
            { messageId: 'enableVerification', output: "const response = await axios.get('https://api.example.com/v1', { httpsAgent: new https.Agent({ rejectUnauthorized: true }) });" },
          ],
        },
      ],
    },
    {
      code: "const socket = tls.connect({ host: 'api.example.com', port: 443, checkServerIdentity: () => undefined });",
      errors: [
        { messageId: 'hostnameCheckDisabled', line: 1, column: 66, endLine: 1, endColumn: 102,
          suggestions: [
            { messageId: 'removeSetting', output: "const socket = tls.connect({ host: 'api.example.com', port: 443 });" },
          ],
        },
      ],
    },
    {
      code: "const socket = tls.connect(443, 'api.example.com', {\n  ca,\n  checkServerIdentity() {},\n});",
      errors: [
        { messageId: 'hostnameCheckDisabled', line: 3, column: 3, endLine: 3, endColumn: 27,
          suggestions: [
            { messageId: 'removeSetting', output: "const socket = tls.connect(443, 'api.example.com', {\n  ca,\n});" },
          ],
        },
      ],
    },
    {
      code: "request({ url: 'https://api.example.com/v1', strictSSL: false }, callback);",
      errors: [
        { messageId: 'verificationDisabled', line: 1, column: 46, endLine: 1, endColumn: 62,
          suggestions: [
            { messageId: 'enableVerification', output: "request({ url: 'https://api.example.com/v1', strictSSL: true }, callback);" },
          ],
        },
      ],
    },
    {
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nstart();",
      errors: [
        { messageId: 'envVerificationDisabled', line: 1, column: 1, endLine: 1, endColumn: 47,
          suggestions: [
            { messageId: 'removeSetting', output: 'start();' },
          ],
        },
      ],
    },
    {
      code: 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;',
      errors: [
        { messageId: 'envVerificationDisabled', line: 1, column: 1, endLine: 1, endColumn: 48,
          suggestions: [
            { messageId: 'removeSetting', output: '' },
          ],
        },
      ],
    },
    {
      code: "spawn('node', ['sync.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
      errors: [
        { messageId: 'envVerificationDisabled', line: 1, column: 53, endLine: 1, endColumn: 86,
          suggestions: [
            { messageId: 'removeSetting', output: "spawn('node', ['sync.js'], { env: { ...process.env } });" },
          ],
        },
      ],
    },
    {
      code: 'https.globalAgent.options.rejectUnauthorized = false;',
      errors: [
        { messageId: 'verificationDisabled', line: 1, column: 1, endLine: 1, endColumn: 53,
          suggestions: [
            { messageId: 'enableVerification', output: 'https.globalAgent.options.rejectUnauthorized = true;' },
          ],
        },
      ],
    },
  ],
});

languageTester('python').run('no-disabled-tls-verification', rule as never, {
  valid: [
    'import requests\nresponse = requests.get("https://api.example.com/v1", verify=True)\n',
    'import requests\nresponse = requests.get("https://api.example.com/v1", verify="/etc/ssl/certs/internal-ca.pem")\n',
    'import requests\nresponse = requests.get(url, verify=settings.VERIFY_TLS)\n',
    'import requests\nresponse = requests.get("https://localhost:8443/health", verify=False)\n',
    'import httpx\nclient = httpx.Client(base_url="https://127.0.0.1:8443", verify=False)\n',
    // verify=False to a JWT library is about signatures: no-insecure-jwt's finding.
    'import jwt\npayload = jwt.decode(token, verify=False)\n',
    // ssl=False to database and Redis drivers turns TLS off: require-database-tls / require-redis-tls.
    'import asyncpg\nconn = await asyncpg.connect(dsn, ssl=False)\n',
    'import redis\nr = redis.Redis(host="cache.example.com", ssl=False)\n',
    'import ssl\nctx = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")\nctx.check_hostname = True\nctx.verify_mode = ssl.CERT_REQUIRED\n',
    // Comparing, choosing, mapping and importing are not setting.
    'import ssl\nif ctx.verify_mode == ssl.CERT_NONE:\n    warn()\n',
    'import ssl\nmode = ssl.CERT_NONE if insecure else ssl.CERT_REQUIRED\n',
    'import ssl\nMODES = {"none": ssl.CERT_NONE, "required": ssl.CERT_REQUIRED}\n',
    'from ssl import CERT_NONE\n',
    'import redis\nr = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="required")\n',
    // A warning filter is a strong hint, not itself a bypass; SSH host keys are out of scope.
    'import urllib3\nurllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)\n',
    'import paramiko\nclient.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n',
    'def fetch():\n    """Never call requests.get(url, verify=False)."""\n',
    'class Upload:\n    def skip_checksum(self):\n        self.verify = False\n',
  ],
  invalid: [
    {
      code: 'import requests\nresponse = requests.get("https://api.example.com/v1", verify=False)\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 55, endLine: 2, endColumn: 67,
          suggestions: [
            { messageId: 'enableVerification', output: 'import requests\nresponse = requests.get("https://api.example.com/v1", verify=True)\n' },
          ],
        },
      ],
    },
    {
      code: 'import httpx\nclient = httpx.Client(base_url=settings.API_URL, verify=False)\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 50, endLine: 2, endColumn: 62,
          suggestions: [
            { messageId: 'enableVerification', output: 'import httpx\nclient = httpx.Client(base_url=settings.API_URL, verify=True)\n' },
          ],
        },
      ],
    },
    {
      code: 'import requests\nsession = requests.Session()\nsession.verify = False\n',
      errors: [
        { messageId: 'verificationDisabled', line: 3, column: 1, endLine: 3, endColumn: 23,
          suggestions: [
            { messageId: 'enableVerification', output: 'import requests\nsession = requests.Session()\nsession.verify = True\n' },
          ],
        },
      ],
    },
    {
      code: 'import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = False\n',
      errors: [
        { messageId: 'hostnameCheckDisabled', line: 3, column: 1, endLine: 3, endColumn: 27,
          suggestions: [
            { messageId: 'enableVerification', output: 'import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = True\n' },
          ],
        },
      ],
    },
    {
      code: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.verify_mode = ssl.CERT_NONE\n',
      errors: [
        { messageId: 'verificationDisabled', line: 3, column: 19, endLine: 3, endColumn: 32,
          suggestions: [
            { messageId: 'enableVerification', output: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.verify_mode = ssl.CERT_REQUIRED\n' },
          ],
        },
      ],
    },
    {
      code: 'from ssl import CERT_NONE, create_default_context\nctx = create_default_context()\nctx.verify_mode = CERT_NONE\n',
      errors: [
        { messageId: 'verificationDisabled', line: 3, column: 19, endLine: 3, endColumn: 28 },
      ],
    },
    {
      code: 'import ssl\nssl._create_default_https_context = ssl._create_unverified_context\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 37, endLine: 2, endColumn: 67,
          suggestions: [
            { messageId: 'enableVerification', output: 'import ssl\nssl._create_default_https_context = ssl.create_default_context\n' },
          ],
        },
      ],
    },
    {
      code: 'import ssl, urllib.request\nurllib.request.urlopen(url, context=ssl._create_unverified_context())\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 37, endLine: 2, endColumn: 67,
          suggestions: [
            { messageId: 'enableVerification', output: 'import ssl, urllib.request\nurllib.request.urlopen(url, context=ssl.create_default_context())\n' },
          ],
        },
      ],
    },
    {
      code: 'import aiohttp\nconnector = aiohttp.TCPConnector(ssl=False)\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 34, endLine: 2, endColumn: 43,
          suggestions: [
            { messageId: 'enableVerification', output: 'import aiohttp\nconnector = aiohttp.TCPConnector(ssl=True)\n' },
          ],
        },
      ],
    },
    {
      code: 'async def fetch(session):\n    async with session.get("https://api.example.com/v1", ssl=False) as response:\n        return await response.json()\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 58, endLine: 2, endColumn: 67,
          suggestions: [
            { messageId: 'enableVerification', output: 'async def fetch(session):\n    async with session.get("https://api.example.com/v1", ssl=True) as response:\n        return await response.json()\n' },
          ],
        },
      ],
    },
    {
      code: 'import redis\nr = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs=None)\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 53, endLine: 2, endColumn: 71,
          suggestions: [
            { messageId: 'enableVerification', output: 'import redis\nr = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="required")\n' },
          ],
        },
      ],
    },
    {
      code: 'import urllib3\nhttp = urllib3.PoolManager(cert_reqs="CERT_NONE")\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 28, endLine: 2, endColumn: 49,
          suggestions: [
            { messageId: 'enableVerification', output: 'import urllib3\nhttp = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")\n' },
          ],
        },
      ],
    },
    {
      code: 'from pymongo import MongoClient\nclient = MongoClient(MONGO_URL, tls=True, tlsAllowInvalidCertificates=True)\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 43, endLine: 2, endColumn: 75,
          suggestions: [
            { messageId: 'enableVerification', output: 'from pymongo import MongoClient\nclient = MongoClient(MONGO_URL, tls=True, tlsAllowInvalidCertificates=False)\n' },
          ],
        },
      ],
    },
    {
      code: 'import boto3\ns3 = boto3.client("s3", verify=False)\n',
      errors: [
        { messageId: 'verificationDisabled', line: 2, column: 25, endLine: 2, endColumn: 37,
          suggestions: [
            { messageId: 'enableVerification', output: 'import boto3\ns3 = boto3.client("s3", verify=True)\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('dockerfile').run('no-disabled-tls-verification', rule as never, {
  valid: [
    'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n',
    'FROM node:20\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/internal.crt\n',
    'FROM node:20\nARG NODE_TLS_REJECT_UNAUTHORIZED\n',
    'FROM node:20\nRUN echo "NODE_TLS_REJECT_UNAUTHORIZED=1" >> /etc/environment\n',
  ],
  invalid: [
    {
      code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nCMD ["node", "server.js"]\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 2, column: 5, endLine: 2, endColumn: 35,
          suggestions: [
            { messageId: 'removeSetting', output: 'FROM node:20\nCMD ["node", "server.js"]\n' },
          ],
        },
      ],
    },
    {
      code: 'FROM node:20\nENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED="0"\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 2, column: 25, endLine: 2, endColumn: 57,
          suggestions: [
            { messageId: 'removeSetting', output: 'FROM node:20\nENV NODE_ENV=production\n' },
          ],
        },
      ],
    },
    {
      code: 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 2, column: 5, endLine: 2, endColumn: 35,
          suggestions: [
            { messageId: 'removeSetting', output: 'FROM node:20\nRUN npm ci\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('env').run('no-disabled-tls-verification', rule as never, {
  valid: [
    'NODE_TLS_REJECT_UNAUTHORIZED=1\n',
    'NODE_TLS_REJECT_UNAUTHORIZED=\n',
    '# NODE_TLS_REJECT_UNAUTHORIZED=0\n',
    'NODE_EXTRA_CA_CERTS=./certs/dev-ca.pem\n',
  ],
  invalid: [
    {
      code: 'NODE_ENV=development\nNODE_TLS_REJECT_UNAUTHORIZED=0\nPORT=3000\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 2, column: 1, endLine: 2, endColumn: 31,
          suggestions: [
            { messageId: 'removeSetting', output: 'NODE_ENV=development\nPORT=3000\n' },
          ],
        },
      ],
    },
    {
      code: "NODE_TLS_REJECT_UNAUTHORIZED='0' # self-signed dev proxy\n",
      errors: [
        { messageId: 'envVerificationDisabled', line: 1, column: 1, endLine: 1, endColumn: 33,
          suggestions: [
            { messageId: 'removeSetting', output: '' },
          ],
        },
      ],
    },
  ],
});

languageTester('yaml').run('no-disabled-tls-verification', rule as never, {
  valid: [
    'services:\n  api:\n    image: api\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "1"\n',
    'services:\n  api:\n    image: api\n    environment:\n      - NODE_EXTRA_CA_CERTS=/certs/ca.pem\n',
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: NODE_TLS_REJECT_UNAUTHORIZED\n              value: "1"\n',
    '# NODE_TLS_REJECT_UNAUTHORIZED: "0"\nservices: {}\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: api\n    environment:\n      NODE_ENV: production\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 6, column: 7, endLine: 6, endColumn: 40,
          suggestions: [
            { messageId: 'removeSetting', output: 'services:\n  api:\n    image: api\n    environment:\n      NODE_ENV: production\n' },
          ],
        },
      ],
    },
    {
      code: 'services:\n  api:\n    image: api\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=0\n      - PORT=3000\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 5, column: 9, endLine: 5, endColumn: 39,
          suggestions: [
            { messageId: 'removeSetting', output: 'services:\n  api:\n    image: api\n    environment:\n      - PORT=3000\n' },
          ],
        },
      ],
    },
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: NODE_TLS_REJECT_UNAUTHORIZED\n              value: "0"\n            - name: PORT\n              value: "3000"\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 9, column: 15, endLine: 10, endColumn: 25,
          suggestions: [
            { messageId: 'removeSetting', output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: PORT\n              value: "3000"\n' },
          ],
        },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  NODE_TLS_REJECT_UNAUTHORIZED: "0"\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 4, column: 3, endLine: 4, endColumn: 36 },
      ],
    },
    {
      code: 'services:\n  sync:\n    image: sync\n    command: sh -c "NODE_TLS_REJECT_UNAUTHORIZED=0 node sync.js"\n',
      errors: [
        { messageId: 'envVerificationDisabled', line: 4, column: 21, endLine: 4, endColumn: 51 },
      ],
    },
  ],
});
