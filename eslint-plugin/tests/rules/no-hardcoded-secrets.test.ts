import rule from '../../src/rules/no-hardcoded-secrets.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

/**
 * Credential-shaped fixtures are assembled from parts so that secret scanners
 * (push protection, gitleaks) never see a token-shaped string in this repository.
 */
const token = (...parts: string[]): string => parts.join('');
/** 40 characters. */
const GITHUB = token('ghp', '_R8kQ2vN5xT7mB3wL9pZ4cJ6hF1dS0aYeUoGi');
/** 20 characters. */
const AWS_KEY_ID = token('AKIA', 'Z3MHQF7XK2TLWQPB');
/** 39 characters. */
const GOOGLE = token('AIza', 'SyD8kQ2vN5xT7mB3wL9pZ4cJ6hF1dS0aYeU');
/** 56 characters. */
const OPENAI = token('sk-proj-', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5oQ7sU9wY1aC3');
/** Supabase's public anon key shape ({"role":"anon"}), meant to ship in clients. */
const JWT_ANON = token('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0', '.Rk9vB2mX7pL4qT8wZ3nC6yH1sD5fG0jK');
const PEM_BODY = 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi8kq1yZ0SJbXfPbgYf5aWQJz';
const PEM_BEGIN = token('-----BEGIN RSA ', 'PRIVATE KEY-----');
const PEM_END = token('-----END RSA ', 'PRIVATE KEY-----');

javascriptTester().run('no-hardcoded-secrets', rule, {
  valid: [
    // Environment lookups.
    'const apiKey = process.env.API_KEY;',
    'const secret = process.env.JWT_SECRET!;',
    'const { JWT_SECRET } = process.env;',
    'const key = import.meta.env.VITE_API_KEY;',
    'const secret = configService.get("JWT_SECRET");',
    'const password = process.env.DB_PASSWORD || process.env.PG_PASSWORD;',
    'const secret = process.env.JWT_SECRET ?? undefined;',
    'jwt.sign(payload, process.env.JWT_SECRET);',
    // Empty strings and placeholders.
    'const password = "";',
    'const token = ``;',
    'const secret = process.env.JWT_SECRET || "";',
    'const SECRET_KEY = "changeme";',
    'const jwtSecret = "change-me";',
    'const apiKey = "<your-key>";',
    'const API_KEY = "your-api-key-here";',
    'const password = "${DB_PASSWORD}";',
    'const password = "$DB_PASSWORD";',
    'const token = "{{ secret }}";',
    'const apiKey = "xxxxxxxxxxxxxxxx";',
    'const API_KEY = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX";',
    'const password = "***";',
    'const token = "...";',
    'const apiKey = "TODO";',
    'const clientSecret = "example";',
    'const password = "dummy";',
    'const password = "test";',
    'const secret = "secret";',
    'const config = { password: "password" };',
    'const jwtSecret = "your-256-bit-secret";',
    'const password = "P@ssw0rd!";',
    'process.env.JWT_SECRET = "test-secret";',
    'const awsKeyId = "AKIAIOSFODNN7EXAMPLE";',
    // Too short, or not a single token.
    'const password = "hunter2";',
    'const labels = { password: "Enter your password", token: "Paste your access token" };',
    // Labels, field names and references to secrets.
    'const PASSWORD_FIELD = "password";',
    'const TOKEN_HEADER = "Authorization";',
    'const tokenType = "Bearer";',
    'const token_url = "https://auth.internal/oauth/token";',
    'const password_reset_url = "https://app.internal/reset";',
    'const secret_name = "prod/db/password";',
    'const TOKEN_KEY = "auth_token";',
    'const TOKEN_STORAGE_KEY = "app.session.token";',
    'const secretKey = "secret_key";',
    'const fetchOptions = { credentials: "same-origin" };',
    'const i18n = { password: "Passwort", passwordHint: "Mindestens 12 Zeichen" };',
    'const passwordPattern = "^(?=.*[A-Z]).{8,}$";',
    'const rules = { password: "^(?=.*[A-Z])(?=.*\\\\d).{12,}$" };',
    'const secretPath = "/run/secrets/db_password";',
    'const privateKey = fs.readFileSync("keys/private.pem");',
    'const eos_token = "<|endoftext|>";',
    'const next_page_token = "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA";',
    'const SHA256_TOKEN_TO_REFRESH = "token_sha256_to_refresh";',
    'const FLOW_PASSWORD_REQUIRED_V2 = "FlowPasswordRequiredResultV2";',
    // Names whose words are Object.prototype members.
    'const rules = { "no-buffer-constructor": "off", "no-proto": "error" };',
    'const SECRET_LENGTH = "32";',
    'const TOKEN_EXPIRY = "15m";',
    'const passwordHash = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";',
    'const AUTH_HEADER = `Bearer ${token}`;',
    'fetch(url, { headers: { Authorization: `Bearer ${token}` } });',
    'const password = `${prefix}kQ9vB2mX7pL4`;',
    'const x = { [password]: "kQ9vB2mX7pL4" };',
    'const options = { password: undefined, token: null, secret: true };',
    // Lookups whose key is not secret-like, or whose receiver is not configuration.
    'const port = process.env.PORT || "3000";',
    'const port = configService.get("PORT", "3000");',
    'const timeout = config.get("token_timeout", "30s");',
    'const value = cache.get("secret", "kQ9vB2mX7pL4");',
    // Types, enums and comparisons.
    'enum Field { Password = "password", ApiKey = "api_key", Token = "kQ9vB2mX7pL4" }',
    'type Creds = { password: "kQ9vB2mX7pL4" };',
    'declare const token: "kQ9vB2mX7pL4";',
    'function f(k: keyof { token: string }) {}',
    'if (password === "") {}',
    'if (password === "kQ9vB2mX7pL4") {}',
    'switch (field) { case "password": break; }',
    'import token from "./token-kQ9vB2mX7pL4";',
    'export { password } from "./password-kQ9vB2mX7pL4";',
    // URLs without a real password.
    'const DATABASE_URL = "postgres://localhost:5432/app";',
    'const url = "https://example.com/path?x=1";',
    'const DATABASE_URL = "postgresql://user:pass@host:5432/db?sslmode=require";',
    'const DATABASE_URL = "postgres://app:${DB_PASSWORD}@db.internal/app";',
    'const DATABASE_URL = `postgres://app:${password}@db.internal/app`;',
    'const DATABASE_URL = "postgres://postgres:postgres@db:5432/app";',
    'const DATABASE_URL = "postgres://app:S3cure!x@localhost:5432/app";',
    'const REDIS_URL = "rediss://cache.internal:6380/0";',
    // Public by design: a Firebase web config's apiKey, Supabase's anon key, public keys.
    `const firebaseConfig = { apiKey: "${GOOGLE}", authDomain: "app.firebaseapp.com", messagingSenderId: "1234" };`,
    `const supabase = createClient(url, "${JWT_ANON}");`,
    'jwt.verify(token, "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\\n-----END PUBLIC KEY-----");',
    'const publicKey = "pk_live_kQ9vB2mX7pL4wZ3nC6yH1sD5";',
    // JSX: field names and labels.
    { code: '<input type="password" name="password" autoComplete="current-password" />', filename: 'file.tsx' },
    { code: '<Field label="Password" placeholder="Enter your password" />', filename: 'file.tsx' },
    // Options.
    { code: 'const TEST_PASSWORD = "kQ9vB2mX7pL4";', options: [{ ignoreNames: ['^TEST_'] }] },
    { code: `const TEST_TOKEN = "${GITHUB}";`, options: [{ ignoreNames: ['^TEST_'] }] },
    { code: 'const password = "kQ9vB2mX7pL4";', options: [{ minLength: 16 }] },
  ],
  invalid: [
    {
      code: 'const JWT_SECRET = "kQ9vB2mX7pL4wZ3n";',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { name: 'JWT_SECRET', secret: 'kQ9v********' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 38,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const JWT_SECRET = process.env.JWT_SECRET;' }],
        },
      ],
    },
    {
      code: 'const config = { apiKey: "d41d8cd98f00b204e9800998ecf8427e" };',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 60,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const config = { apiKey: process.env.API_KEY };' }],
        },
      ],
    },
    {
      // A class field, private or not.
      code: 'class Client {\n  #token = "kQ9vB2mX7pL4";\n}',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 26,
          suggestions: [{ messageId: 'useProcessEnv', output: 'class Client {\n  #token = process.env.TOKEN;\n}' }],
        },
      ],
    },
    {
      // A default parameter.
      code: 'function connect(password = "Tr0ub4dor&3") {}',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 42,
          suggestions: [{ messageId: 'useProcessEnv', output: 'function connect(password = process.env.PASSWORD) {}' }],
        },
      ],
    },
    {
      code: 'this.clientSecret = `kQ9vB2mX7pL4`;',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 35,
          suggestions: [{ messageId: 'useProcessEnv', output: 'this.clientSecret = process.env.CLIENT_SECRET;' }],
        },
      ],
    },
    {
      // A quoted key with dashes.
      code: 'const headers = { "X-API-Key": "kQ9vB2mX7pL4" };',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 46,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const headers = { "X-API-Key": process.env.X_API_KEY };' }],
        },
      ],
    },
    {
      // An Authorization header: the message masks the token, and no suggestion, since the env var would lose "Bearer ".
      code: 'const headers = { Authorization: "Bearer kQ9vB2mX7pL4wZ3n" };',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { name: 'Authorization', secret: 'kQ9v********' },
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 59,
          suggestions: [],
        },
      ],
    },
    {
      // A JSX attribute.
      code: '<GoogleMap apiKey="kQ9vB2mX7pL4wZ3n" />',
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 37,
          suggestions: [{ messageId: 'useProcessEnv', output: '<GoogleMap apiKey={process.env.API_KEY} />' }],
        },
      ],
    },
    {
      // A type assertion: reported, but replacing inside it is left to the author.
      code: 'const API_TOKEN = "kQ9vB2mX7pL4" as const;',
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 19, endLine: 1, endColumn: 33, suggestions: [] }],
    },
    {
      // Setting the variable in code: nothing to replace it with.
      code: 'process.env.JWT_SECRET = "kQ9vB2mX7pL4";',
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 26, endLine: 1, endColumn: 40, suggestions: [] }],
    },
    {
      // The key of jwt.sign, whatever it looks like.
      code: 'const signed = jwt.sign(payload, "secret");',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { name: 'jwt.sign', secret: 's*****' },
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 42,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const signed = jwt.sign(payload, process.env.JWT_SECRET);' }],
        },
      ],
    },
    {
      // A known format anywhere in a string: the report covers the token only.
      code: `run("curl -H 'Authorization: Bearer ${GITHUB}' https://api.github.com/user");`,
      errors: [
        {
          messageId: 'knownCredential',
          data: { kind: 'GitHub token', secret: 'ghp_********' },
          line: 1,
          column: 37,
          endLine: 1,
          endColumn: 77,
          suggestions: [],
        },
      ],
    },
    {
      // A known format assigned to a name that is not secret-like.
      code: `const aws = { id: "${AWS_KEY_ID}" };`,
      errors: [
        {
          messageId: 'knownCredential',
          data: { kind: 'AWS access key ID', secret: 'AKIA********' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 40,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const aws = { id: process.env.ID };' }],
        },
      ],
    },
    {
      // A Google API key outside a Firebase config.
      code: `const maps = { apiKey: "${GOOGLE}" };`,
      errors: [
        {
          messageId: 'knownCredential',
          data: { kind: 'Google API key', secret: 'AIza********' },
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 64,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const maps = { apiKey: process.env.API_KEY };' }],
        },
      ],
    },
    {
      // In a template literal with expressions: each piece is scanned.
      code: `const auth = \`Bearer ${OPENAI} for \${user}\`;`,
      errors: [{ messageId: 'knownCredential', line: 1, column: 22, endLine: 1, endColumn: 78, suggestions: [] }],
    },
    {
      // A private key spanning lines.
      code: `const key = \`${PEM_BEGIN}\n${PEM_BODY}\n${PEM_END}\`;`,
      errors: [
        {
          messageId: 'knownCredential',
          data: { kind: 'private key', secret: `${PEM_BEGIN}********` },
          line: 1,
          column: 14,
          endLine: 3,
          endColumn: 30,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const key = process.env.KEY;' }],
        },
      ],
    },
    {
      // A password in a connection URL: reported on the password, the suggestion moves the whole URL.
      code: 'const DATABASE_URL = "postgresql://app:Xk9mQ2vL@db.prod.internal:5432/app";',
      errors: [
        {
          messageId: 'connectionUrlPassword',
          data: { scheme: 'postgresql', secret: 'Xk******' },
          line: 1,
          column: 40,
          endLine: 1,
          endColumn: 48,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const DATABASE_URL = process.env.DATABASE_URL;' }],
        },
      ],
    },
    {
      // The host is interpolated, the password is not.
      code: 'const url = `redis://:Xk9mQ2vL@${host}:6379`;',
      errors: [{ messageId: 'connectionUrlPassword', line: 1, column: 23, endLine: 1, endColumn: 31, suggestions: [] }],
    },
    {
      code: 'connect({ uri: "mongodb+srv://api:Rq8vK2mX@cluster0.abcd.mongodb.net/app" });',
      errors: [{ messageId: 'connectionUrlPassword', line: 1, column: 35, endLine: 1, endColumn: 43, suggestions: [{ messageId: 'useProcessEnv', output: 'connect({ uri: process.env.URI });' }] }],
    },
    // Fallbacks: reported whatever the value, since a missing variable silently uses it.
    {
      code: 'const secret = process.env.JWT_SECRET || "dev";',
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'JWT_SECRET', secret: '***' },
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 47,
          suggestions: [{ messageId: 'removeFallback', output: 'const secret = process.env.JWT_SECRET;' }],
        },
      ],
    },
    {
      code: 'const secret = process.env["JWT_SECRET"] ?? "dev-secret";',
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 57,
          suggestions: [{ messageId: 'removeFallback', output: 'const secret = process.env["JWT_SECRET"];' }],
        },
      ],
    },
    {
      code: 'const { JWT_SECRET = "dev" } = process.env;',
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 27,
          suggestions: [{ messageId: 'removeFallback', output: 'const { JWT_SECRET } = process.env;' }],
        },
      ],
    },
    {
      code: 'const secret = this.configService.get<string>("JWT_SECRET", "dev");',
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 61,
          endLine: 1,
          endColumn: 66,
          suggestions: [{ messageId: 'removeFallback', output: 'const secret = this.configService.get<string>("JWT_SECRET");' }],
        },
      ],
    },
    {
      // The variable's name decides when the environment variable's does not.
      code: 'const jwtSecret = import.meta.env.VITE_SIGNING || `local`;',
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'jwtSecret', secret: 'l****' },
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 58,
          suggestions: [{ messageId: 'removeFallback', output: 'const jwtSecret = import.meta.env.VITE_SIGNING;' }],
        },
      ],
    },
    // Options.
    {
      code: 'const signingSalt = "kQ9vB2mX7pL4";',
      options: [{ extraNamePatterns: ['salt$'] }],
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 21, endLine: 1, endColumn: 35, suggestions: [{ messageId: 'useProcessEnv', output: 'const signingSalt = process.env.SIGNING_SALT;' }] }],
    },
    {
      code: 'const pin = "kQ9v2";',
      options: [{ extraNamePatterns: ['^pin$'], minLength: 4 }],
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 13, endLine: 1, endColumn: 20, suggestions: [{ messageId: 'useProcessEnv', output: 'const pin = process.env.PIN;' }] }],
    },
  ],
});

languageTester('python').run('no-hardcoded-secrets', rule as never, {
  valid: [
    // Environment lookups and generated values.
    'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    'import os\nSECRET_KEY = os.getenv("JWT_SECRET_KEY")\n',
    'import os\nsecret = os.getenv("JWT_SECRET", "")\n',
    'import os\ntoken = os.environ.get("API_TOKEN", None)\n',
    'SECRET_KEY = secrets.token_urlsafe(32)\n',
    'client.token = os.getenv("VAULT_TOKEN")\n',
    'settings.JWT_SECRET_KEY = secrets["data"]["data"]["jwt_secret_key"]\n',
    // Empty strings and placeholders.
    'password = ""\n',
    'SECRET_KEY = "changeme"\n',
    'API_KEY = "your-api-key-here"\n',
    'JWT_SECRET = "${JWT_SECRET}"\n',
    'password = "{{ db_password }}"\n',
    'token = "xxxxxxxx"\n',
    'SECRET_KEY = "your-secret-key-here"\n',
    'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\n',
    'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n',
    'password = "%(password)s"\n',
    // Labels, field names and references.
    'PASSWORD_FIELD = "password"\n',
    'TOKEN_HEADER = "Authorization"\n',
    'token_type = "Bearer"\n',
    'token_url = "https://auth.internal/oauth/token"\n',
    'secret_name = "prod/db/password"\n',
    'ALGORITHM = "HS256"\n',
    'form = {"password": "Enter your password"}\n',
    'field = forms.CharField(widget=forms.PasswordInput(), label="Password")\n',
    'hashed = pwd_context.hash("user_password")\n',
    'tokenizer = AutoTokenizer.from_pretrained("gpt2", eos_token="</s>", pad_token="[PAD]")\n',
    'MFA_REQUIRED_ROLES = ["admin", "security_admin"]\n',
    // Comparisons and defaults that are empty.
    'if password == "kQ9vB2mX7pL4":\n    pass\n',
    'def login(password: str = "") -> None:\n    pass\n',
    'payload.get("token_type", "bearer")\n',
    'request.form.get("password", "")\n',
    'cache.get("secret", "kQ9vB2mX7pL4")\n',
    'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    // pydantic settings without a default, or with a default for a non-secret.
    'class Settings(BaseSettings):\n    SECRET_KEY: str\n    ALGORITHM: str = "HS256"\n',
    // URLs without a real password.
    'DATABASE_URL = "postgresql://user:pass@host:5432/db?sslmode=require"\n',
    'REDIS_URL = "redis://localhost:6379/0"\n',
    'DATABASE_URL = "postgresql://app:S3cure!x@localhost/app"\n',
    'DATABASE_URL = f"postgresql://{user}:{password}@{host}/db"\n',
    'REDIS_URL = "redis://:${REDIS_PASSWORD}@cache.internal:6379"\n',
    '"""Connect with postgresql://user:password@db.internal/app."""\n',
    // JWT keys read from settings.
    'jwt.encode(to_encode, SECRET_KEY, algorithm=ALGORITHM)\n',
    'jwt.decode(token, settings.JWT_SECRET_KEY, algorithms=[ALGORITHM])\n',
    // Options.
    { code: 'TEST_PASSWORD = "kQ9vB2mX7pL4"\n', options: [{ ignoreNames: ['^TEST_'] }] },
  ],
  invalid: [
    {
      // No `import os`: the suggestion adds it.
      code: 'SECRET_KEY = "kQ9vB2mX7pL4wZ3n"\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { name: 'SECRET_KEY', secret: 'kQ9v********' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 32,
          suggestions: [{ messageId: 'importOsAndUseEnviron', output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' }],
        },
      ],
    },
    {
      code: 'import os\nJWT_SECRET = "kQ9vB2mX7pL4wZ3n"\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 32,
          suggestions: [{ messageId: 'useOsEnviron', output: 'import os\nJWT_SECRET = os.environ["JWT_SECRET"]\n' }],
        },
      ],
    },
    {
      // `import os` goes after the docstring and `from __future__` imports.
      code: '"""Settings."""\nfrom __future__ import annotations\nimport sys\nDB_PASSWORD = "Tr0ub4dor&3"\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'importOsAndUseEnviron',
              output: '"""Settings."""\nfrom __future__ import annotations\nimport os\nimport sys\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n',
            },
          ],
        },
      ],
    },
    {
      // Flask config subscript, with `from os import environ`.
      code: 'from os import environ\napp.config["SECRET_KEY"] = "kQ9vB2mX7pL4"\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 42,
          suggestions: [{ messageId: 'useOsEnviron', output: 'from os import environ\napp.config["SECRET_KEY"] = environ["SECRET_KEY"]\n' }],
        },
      ],
    },
    {
      // `import os as o` and `import os.path` bind the module too.
      code: 'import os as _os\nimport os.path\nAPI_KEY = "kQ9vB2mX7pL4"\n',
      errors: [{ messageId: 'hardcodedSecret', line: 3, column: 11, endLine: 3, endColumn: 25, suggestions: [{ messageId: 'useOsEnviron', data: { environ: '_os.environ', envName: 'API_KEY' }, output: 'import os as _os\nimport os.path\nAPI_KEY = _os.environ["API_KEY"]\n' }] }],
    },
    {
      code: 'import os.path\nAPI_KEY = "kQ9vB2mX7pL4"\n',
      errors: [{ messageId: 'hardcodedSecret', line: 2, column: 11, endLine: 2, endColumn: 25, suggestions: [{ messageId: 'useOsEnviron', output: 'import os.path\nAPI_KEY = os.environ["API_KEY"]\n' }] }],
    },
    {
      code: 'import os\napp.secret_key = b"kQ9vB2mX7pL4"\n',
      errors: [{ messageId: 'hardcodedSecret', line: 2, column: 18, endLine: 2, endColumn: 33, suggestions: [{ messageId: 'useOsEnviron', output: 'import os\napp.secret_key = os.environ["SECRET_KEY"]\n' }] }],
    },
    {
      // A keyword argument.
      code: 'import os\nconn = psycopg2.connect(host="db", password="Tr0ub4dor&3")\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 58,
          suggestions: [{ messageId: 'useOsEnviron', output: 'import os\nconn = psycopg2.connect(host="db", password=os.environ["PASSWORD"])\n' }],
        },
      ],
    },
    {
      // A dict key.
      code: 'import os\nDATABASES = {"default": {"PASSWORD": "Tr0ub4dor&3"}}\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 51,
          suggestions: [{ messageId: 'useOsEnviron', output: 'import os\nDATABASES = {"default": {"PASSWORD": os.environ["PASSWORD"]}}\n' }],
        },
      ],
    },
    {
      // A default parameter: evaluated at definition time, so no suggestion.
      code: 'def connect(password="Tr0ub4dor&3"):\n    pass\n',
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 22, endLine: 1, endColumn: 35, suggestions: [] }],
    },
    {
      code: 'def connect(api_key: str = "d41d8cd98f00b204e9800998ecf8427e"):\n    pass\n',
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 28, endLine: 1, endColumn: 62, suggestions: [] }],
    },
    {
      // The key of jwt.encode, whatever it looks like.
      code: 'import jwt\ntoken = jwt.encode(payload, "my-secret", algorithm="HS256")\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { name: 'jwt.encode', secret: 'my*******' },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 40,
          suggestions: [{ messageId: 'importOsAndUseEnviron', output: 'import os\nimport jwt\ntoken = jwt.encode(payload, os.environ["JWT_SECRET"], algorithm="HS256")\n' }],
        },
      ],
    },
    // Fallbacks.
    {
      code: 'import os\nSECRET_KEY = os.getenv("JWT_SECRET", "dev")\n',
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'JWT_SECRET', secret: '***' },
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 43,
          suggestions: [{ messageId: 'removeFallback', output: 'import os\nSECRET_KEY = os.getenv("JWT_SECRET")\n' }],
        },
      ],
    },
    {
      code: 'import os\ntoken = os.environ.get("API_TOKEN", "dev-token")\n',
      errors: [{ messageId: 'secretFallback', line: 2, column: 37, endLine: 2, endColumn: 48, suggestions: [{ messageId: 'removeFallback', output: 'import os\ntoken = os.environ.get("API_TOKEN")\n' }] }],
    },
    {
      code: 'SECRET_KEY = env("SECRET_KEY", default="django-insecure-dev")\n',
      errors: [{ messageId: 'secretFallback', line: 1, column: 40, endLine: 1, endColumn: 61, suggestions: [{ messageId: 'removeFallback', output: 'SECRET_KEY = env("SECRET_KEY")\n' }] }],
    },
    {
      code: 'import os\nSECRET_KEY = os.getenv("SECRET_KEY") or "dev"\n',
      errors: [{ messageId: 'secretFallback', line: 2, column: 41, endLine: 2, endColumn: 46, suggestions: [{ messageId: 'removeFallback', output: 'import os\nSECRET_KEY = os.getenv("SECRET_KEY")\n' }] }],
    },
    {
      code: 'secret = settings.get("jwt_secret", "x")\n',
      errors: [{ messageId: 'secretFallback', line: 1, column: 37, endLine: 1, endColumn: 40, suggestions: [{ messageId: 'removeFallback', output: 'secret = settings.get("jwt_secret")\n' }] }],
    },
    {
      code: 'secret = getattr(settings, "JWT_SECRET", "dev")\n',
      errors: [{ messageId: 'secretFallback', line: 1, column: 42, endLine: 1, endColumn: 47, suggestions: [{ messageId: 'removeFallback', output: 'secret = getattr(settings, "JWT_SECRET")\n' }] }],
    },
    {
      // A pydantic BaseSettings default is a fallback for the environment variable.
      code: 'class Settings(BaseSettings):\n    SECRET_KEY: str = "changeme"\n',
      errors: [{ messageId: 'secretFallback', line: 2, column: 23, endLine: 2, endColumn: 33, suggestions: [{ messageId: 'removeFallback', output: 'class Settings(BaseSettings):\n    SECRET_KEY: str\n' }] }],
    },
    // Known formats and URL passwords.
    {
      code: `requests.get(url, headers={"Authorization": "Bearer ${GITHUB}"})\n`,
      errors: [{ messageId: 'knownCredential', data: { kind: 'GitHub token', secret: 'ghp_********' }, line: 1, column: 53, endLine: 1, endColumn: 93, suggestions: [] }],
    },
    {
      code: 'import os\nDATABASE_URL = "postgresql://app:Xk9mQ2vL@db.prod.internal:5432/app"\n',
      errors: [
        {
          messageId: 'connectionUrlPassword',
          data: { scheme: 'postgresql', secret: 'Xk******' },
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 42,
          suggestions: [{ messageId: 'useOsEnviron', output: 'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\n' }],
        },
      ],
    },
    {
      code: 'url = f"redis://:Xk9mQ2vL@{host}:6379"\n',
      errors: [{ messageId: 'connectionUrlPassword', line: 1, column: 18, endLine: 1, endColumn: 26, suggestions: [] }],
    },
    {
      code: `KEY = """${PEM_BEGIN}\n${PEM_BODY}\n${PEM_END}"""\n`,
      errors: [{ messageId: 'knownCredential', data: { kind: 'private key', secret: `${PEM_BEGIN}********` }, line: 1, column: 10, endLine: 3, endColumn: 30, suggestions: [{ messageId: 'importOsAndUseEnviron', output: 'import os\nKEY = os.environ["KEY"]\n' }] }],
    },
  ],
});

languageTester('dockerfile').run('no-hardcoded-secrets', rule as never, {
  valid: [
    'FROM python:3.11\nARG NPM_TOKEN\n',
    'ARG SECRET_KEY\nFROM python:3.11\n',
    'FROM node:20\nENV JWT_SECRET=$JWT_SECRET\n',
    'FROM node:20\nENV API_KEY=${API_KEY}\n',
    'FROM node:20\nARG API_KEY=${DEFAULT_API_KEY}\n',
    'FROM node:20\nENV DB_PASSWORD=${DB_USER}-Tr0ub4dor\n',
    'FROM node:20\nENV SECRET_KEY=changeme\n',
    'FROM node:20\nENV PASSWORD=""\n',
    'FROM node:20\nENV NODE_ENV=production PORT=3000\n',
    'FROM node:20\nENV PASSWORD_FILE=/run/secrets/db_password\n',
    'FROM node:20\nENV SECRET_NAME=prod/db/password\n',
    'FROM node:20\nENV TOKEN_URL=https://auth.internal/oauth/token\n',
    'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n',
    'FROM node:20\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n',
    'FROM node:20\nENV DATABASE_URL=postgres://app:S3cure!x@localhost:5432/app\n',
    'FROM node:20\nLABEL org.opencontainers.image.source=https://github.com/org/repo\n',
    'FROM node:20\nRUN curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user\n',
    { code: 'FROM node:20\nENV TEST_PASSWORD=kQ9vB2mX7pL4\n', options: [{ ignoreNames: ['^TEST_'] }] },
  ],
  invalid: [
    {
      code: 'FROM node:20\nENV JWT_SECRET=kQ9vB2mX7pL4wZ3n\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { name: 'JWT_SECRET', secret: 'kQ9v********' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      // A build argument's default: the suggestion leaves it to be passed at build time.
      code: 'FROM node:20\nARG NPM_TOKEN=kQ9vB2mX7pL4wZ3n\nRUN npm ci\n',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 31,
          suggestions: [{ messageId: 'removeArgDefault', output: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n' }],
        },
      ],
    },
    {
      // The legacy `ENV name value` form, quoted; one instruction with several properties.
      code: 'FROM node:20\nENV DB_PASSWORD "Tr0ub4dor&3"\nENV PORT=3000 API_KEY=d41d8cd98f00b204e9800998ecf8427e\n',
      errors: [
        { messageId: 'hardcodedSecret', line: 2, column: 17, endLine: 2, endColumn: 30, suggestions: [] },
        { messageId: 'hardcodedSecret', line: 3, column: 23, endLine: 3, endColumn: 55, suggestions: [] },
      ],
    },
    {
      // A token in a RUN command line.
      code: `FROM node:20\nRUN curl -H "Authorization: Bearer ${GITHUB}" https://api.github.com/user\n`,
      errors: [{ messageId: 'knownCredential', data: { kind: 'GitHub token', secret: 'ghp_********' }, line: 2, column: 36, endLine: 2, endColumn: 76 }],
    },
    {
      // A known format under a secret-like name is reported once, as its format.
      code: `FROM node:20\nENV OPENAI_API_KEY=${OPENAI}\n`,
      errors: [{ messageId: 'knownCredential', data: { kind: 'OpenAI API key', secret: 'sk-p********' }, line: 2, column: 20, endLine: 2, endColumn: 76 }],
    },
    {
      code: 'FROM node:20\nENV DATABASE_URL=postgresql://app:Xk9mQ2vL@db.prod.internal:5432/app\n',
      errors: [{ messageId: 'connectionUrlPassword', data: { scheme: 'postgresql', secret: 'Xk******' }, line: 2, column: 35, endLine: 2, endColumn: 43 }],
    },
  ],
});
