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
/** 33 characters. */
const STRIPE = token('sk', '_live_', '51HqLyjWDarjtT1zdp7dcXyZ9');
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
    // Signing secrets: stand-ins, names of the setting, labels, references and provider-issued secrets.
    'const SECRET_KEY = "dev";',
    'process.env.JWT_SECRET = "testsecret";',
    'const JWT_SECRET = "JWT_SECRET";',
    'const jwtSecret = "jwt_secret";',
    'const SESSION_SECRET = "auth.session.secret";',
    'const labels = { secretKey: "Secret key", jwtSecret: "Clé secrète" };',
    'const JWT_SECRET = "/run/secrets/jwt_secret";',
    'const jwtSecretFile = "secrets/jwt";',
    'app.use(session({ secret: process.env.SESSION_SECRET }));',
    'const config = { secret: "abc" };',
    'const clientSecret = "abc123";',
    'const API_SECRET = "short";',
    'const STRIPE_SECRET_KEY = "sk_test_123";',
    // A storage access-key pair (MinIO, S3-compatible clients) is a credential, not a signing key.
    'const minio = new Minio.Client({ endPoint: "play.min.io", accessKey: "minioadmin", secretKey: "minioadmin" });',
    { code: 'const TEST_JWT_SECRET = "short";', options: [{ ignoreNames: ['^TEST_'] }] },
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
    // Weak signing secrets: too short or guessable to be reported as credentials, yet signing keys all the same.
    {
      code: 'const JWT_SECRET = "supersecret";',
      errors: [
        {
          messageId: 'weakSecretKey',
          data: { name: 'JWT_SECRET', secret: 'su********', strength: 'only 11 bytes long', encoding: '' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 33,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const JWT_SECRET = process.env.JWT_SECRET;' }],
        },
      ],
    },
    {
      // express-session's documented example, named by the call it is passed to.
      code: 'app.use(session({ secret: "keyboard cat" }));',
      errors: [
        {
          messageId: 'weakSecretKey',
          data: { name: 'session.secret', secret: 'ke********', strength: 'only 12 bytes long', encoding: '' },
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 41,
          suggestions: [{ messageId: 'useProcessEnv', output: 'app.use(session({ secret: process.env.SECRET }));' }],
        },
      ],
    },
    {
      // NestJS's documented example, named by the constant that holds it.
      code: 'export const jwtConstants = { secret: "secretKey" };',
      errors: [{ messageId: 'weakSecretKey', data: { name: 'jwtConstants.secret', secret: 'se*******', strength: 'only 9 bytes long', encoding: '' }, line: 1, column: 39, endLine: 1, endColumn: 50, suggestions: [{ messageId: 'useProcessEnv', output: 'export const jwtConstants = { secret: process.env.SECRET };' }] }],
    },
    {
      code: 'new JwtStrategy({ secretOrKey: "secret" });',
      errors: [{ messageId: 'weakSecretKey', line: 1, column: 32, endLine: 1, endColumn: 40, suggestions: [{ messageId: 'useProcessEnv', output: 'new JwtStrategy({ secretOrKey: process.env.SECRET_OR_KEY });' }] }],
    },
    {
      // Long enough, but dictionary words in one character class.
      code: 'const JWT_SECRET = "thisisaverylongsecretkeyforjwttokens";',
      errors: [
        {
          messageId: 'weakSecretKey',
          data: { name: 'JWT_SECRET', secret: 'this********', strength: '36 bytes of guessable text (dictionary words or repeated characters)', encoding: '' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 58,
          suggestions: [{ messageId: 'useProcessEnv', output: 'const JWT_SECRET = process.env.JWT_SECRET;' }],
        },
      ],
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
    // Signing secrets: Flask's documented development key, test keys, names of the setting.
    'app.config.from_mapping(SECRET_KEY="dev")\n',
    'SECRET_KEY = "django-insecure-test-key"\n',
    'JWT_SECRET_KEY = "JWT_SECRET_KEY"\n',
    'SECRET_KEY_FILE = "/run/secrets/django"\n',
    'settings = {"client_secret": "abc123"}\n',
    'client = Minio("play.min.io", access_key="minioadmin", secret_key="minioadmin")\n',
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
    // Weak signing secrets.
    {
      // Flask's quickstart once used this very key.
      code: 'app.secret_key = "super secret key"\n',
      errors: [
        {
          messageId: 'weakSecretKey',
          data: { name: 'secret_key', secret: 'supe********', strength: 'only 16 bytes long', encoding: '' },
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 36,
          suggestions: [{ messageId: 'importOsAndUseEnviron', output: 'import os\napp.secret_key = os.environ["SECRET_KEY"]\n' }],
        },
      ],
    },
    {
      code: 'import os\nSECRET_KEY = "secret"\n',
      errors: [{ messageId: 'weakSecretKey', data: { name: 'SECRET_KEY', secret: 's*****', strength: 'only 6 bytes long', encoding: '' }, line: 2, column: 14, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'useOsEnviron', output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' }] }],
    },
    {
      // A default parameter: reported, no suggestion (evaluated once, at definition).
      code: 'def make_app(jwt_secret="my-jwt-key"):\n    pass\n',
      errors: [{ messageId: 'weakSecretKey', line: 1, column: 25, endLine: 1, endColumn: 37, suggestions: [] }],
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
    'FROM python:3.11\nENV SECRET_KEY=dev FLASK_SECRET_KEY=${FLASK_SECRET_KEY}\n',
    'FROM python:3.11\nENV JWT_SECRET_FILE=/run/secrets/jwt\n',
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
    {
      code: 'FROM node:20\nENV SESSION_SECRET=keyboardcat\n',
      errors: [{ messageId: 'weakSecretKey', data: { name: 'SESSION_SECRET', secret: 'ke********', strength: 'only 11 bytes long', encoding: '' }, line: 2, column: 20, endLine: 2, endColumn: 31, suggestions: [] }],
    },
    {
      code: 'FROM node:20\nARG JWT_SECRET=supersecret\n',
      errors: [{ messageId: 'weakSecretKey', line: 2, column: 16, endLine: 2, endColumn: 27, suggestions: [{ messageId: 'removeArgDefault', output: 'FROM node:20\nARG JWT_SECRET\n' }] }],
    },
  ],
});

languageTester('env').run('no-hardcoded-secrets', rule as never, {
  valid: [
    '',
    // Empty values, placeholders and references.
    'JWT_SECRET=\nAPI_KEY=\nDB_PASSWORD=""\n',
    'JWT_SECRET=changeme\nSECRET_KEY=your-secret-key-here\nAPI_KEY=<your-api-key>\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxx\n',
    'JWT_SECRET=${JWT_SECRET}\nDB_PASSWORD=$POSTGRES_PASSWORD\nSECRET_KEY=${SECRET_KEY:-dev}\nAPI_TOKEN=$(vault read -field=token secret/api)\n',
    // Stand-ins for a signing secret: the guide's .env is for local development.
    'SECRET_KEY=dev\nSESSION_SECRET=test-secret\nNEXTAUTH_SECRET=xxxxxxxx\nJWT_SECRET=your-256-bit-secret\n',
    // Loopback and placeholder URL passwords.
    'DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app\nREDIS_URL=redis://:Xk9mQ2vL@127.0.0.1:6379/0\n',
    'DATABASE_URL=postgresql://app:${DB_PASSWORD}@db.internal:5432/app\n',
    // Comments are not entries.
    '# JWT_SECRET=kQ9vB2mX7pL4wZ3n\n# DATABASE_URL=postgresql://app:Xk9mQ2vL@db.prod.internal/app\n',
    // Settings that are not secrets, and names that refer to one.
    'NODE_ENV=production\nPORT=3000\nLOG_LEVEL=debug\nAPP_NAME=shop\nCORS_ORIGIN=https://shop.example.com\n',
    'PASSWORD_MIN_LENGTH=12\nTOKEN_EXPIRY=15m\nJWT_ALGORITHM=HS256\nSECRET_NAME=prod/db/password\n',
    'JWT_SECRET_FILE=/run/secrets/jwt\nGOOGLE_APPLICATION_CREDENTIALS=./service-account.json\nAPI_KEY_HEADER=X-API-Key\n',
    'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    // Public by design: browser-exposed Google keys (Firebase, Maps), publishable keys.
    `NEXT_PUBLIC_FIREBASE_API_KEY=${GOOGLE}\nVITE_MAPS_API_KEY="${GOOGLE}"\n`,
    'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_kQ9vB2mX7pL4wZ3nC6yH1sD5\nNEXT_PUBLIC_MAPBOX_TOKEN=pk.eyJ1IjoiYWNtZSJ9.kQ9vB2mX7pL4wZ3n\n',
    // A template holds stand-ins, weak ones included: they are replaced in the copy.
    { code: 'JWT_SECRET=supersecret\nDB_PASSWORD=changeme\nDATABASE_URL=postgresql://user:password@localhost:5432/app\n', filename: '.env.example' },
    { code: 'TEST_PASSWORD=Tr0ub4dor&3\n', options: [{ ignoreNames: ['^TEST_'] }] },
  ],
  invalid: [
    {
      code: 'JWT_SECRET=supersecret\n',
      errors: [
        {
          messageId: 'weakSecretKey',
          data: { name: 'JWT_SECRET', secret: 'su********', strength: 'only 11 bytes long', encoding: '' },
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 23,
          suggestions: [{ messageId: 'emptyValue', data: { name: 'JWT_SECRET' }, output: 'JWT_SECRET=\n' }],
        },
      ],
    },
    {
      // Long enough, but dictionary words.
      code: 'PORT=3000\nSECRET_KEY=thisisaverylongsecretkeyforjwttokens\n',
      errors: [{ messageId: 'weakSecretKey', line: 2, column: 12, endLine: 2, endColumn: 48, suggestions: [{ messageId: 'emptyValue', output: 'PORT=3000\nSECRET_KEY=\n' }] }],
    },
    {
      // A quoted value: reported with its quotes, which the suggestion removes too.
      code: 'DB_PASSWORD="Tr0ub4dor&3"\n',
      errors: [
        {
          messageId: 'envFileSecret',
          data: { name: 'DB_PASSWORD', what: 'a hardcoded secret', secret: 'Tr********' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 26,
          suggestions: [{ messageId: 'emptyValue', output: 'DB_PASSWORD=\n' }],
        },
      ],
    },
    {
      code: `export GITHUB_TOKEN=${GITHUB}\n`,
      errors: [{ messageId: 'envFileSecret', data: { name: 'GITHUB_TOKEN', what: 'a GitHub token', secret: 'ghp_********' }, line: 1, column: 21, endLine: 1, endColumn: 61, suggestions: [{ messageId: 'emptyValue', output: 'export GITHUB_TOKEN=\n' }] }],
    },
    {
      // A URL password: reported on the password.
      code: 'DATABASE_URL=postgresql://app:Xk9mQ2vL@db.prod.internal:5432/app\n',
      errors: [{ messageId: 'envFileSecret', data: { name: 'DATABASE_URL', what: 'a password in a postgresql URL', secret: 'Xk******' }, line: 1, column: 31, endLine: 1, endColumn: 39, suggestions: [{ messageId: 'emptyValue', output: 'DATABASE_URL=\n' }] }],
    },
    {
      // The default of a reference is what runs when the variable is unset.
      code: 'REDIS_PASSWORD=${REDIS_PASSWORD:-Xk9mQ2vLp7}\n',
      errors: [{ messageId: 'envFileSecret', data: { name: 'REDIS_PASSWORD', what: 'a hardcoded secret', secret: 'Xk********' }, line: 1, column: 34, endLine: 1, endColumn: 44, suggestions: [{ messageId: 'emptyValue', output: 'REDIS_PASSWORD=\n' }] }],
    },
    {
      // A private key in double quotes with `\n` escapes.
      code: `JWT_PRIVATE_KEY="${PEM_BEGIN}\\n${PEM_BODY}\\n${PEM_END}"\n`,
      errors: [{ messageId: 'envFileSecret', data: { name: 'JWT_PRIVATE_KEY', what: 'a private key', secret: `${PEM_BEGIN}********` }, line: 1, column: 18, endLine: 1, endColumn: 144, suggestions: [{ messageId: 'emptyValue', output: 'JWT_PRIVATE_KEY=\n' }] }],
    },
    {
      // Local files are checked too: the editor shows what a commit would leak.
      code: 'API_KEY=d41d8cd98f00b204e9800998ecf8427e\n',
      filename: '.env.local',
      errors: [{ messageId: 'envFileSecret', line: 1, column: 9, endLine: 1, endColumn: 41, suggestions: [{ messageId: 'emptyValue', output: 'API_KEY=\n' }] }],
    },
    // Templates: anything real-looking has its own message.
    {
      code: `STRIPE_SECRET_KEY=${STRIPE}\n`,
      filename: '.env.example',
      errors: [
        {
          messageId: 'exampleFileSecret',
          data: { name: 'STRIPE_SECRET_KEY', what: 'a Stripe secret key', secret: 'sk_l********' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 52,
          suggestions: [{ messageId: 'emptyValue', output: 'STRIPE_SECRET_KEY=\n' }],
        },
      ],
    },
    {
      code: 'DB_USER=app\nDB_PASSWORD=Tr0ub4dor&3\n',
      filename: 'config/.env.production.sample',
      errors: [{ messageId: 'exampleFileSecret', line: 2, column: 13, endLine: 2, endColumn: 24, suggestions: [{ messageId: 'emptyValue', output: 'DB_USER=app\nDB_PASSWORD=\n' }] }],
    },
  ],
});

/** A Deployment whose one container has these `env:` items (indented by 12). */
const deployment = (env: string): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.internal/api:1.4.2
          env:
${env}`;

languageTester('yaml').run('no-hardcoded-secrets', rule as never, {
  valid: [
    // The guide's own Secret (AMAS › 5.2 Kubernetes Secrets): placeholders, not base64.
    `apiVersion: v1
kind: Secret
metadata:
  name: amas-secrets
type: Opaque
data:
  db-password: <base64-encoded>
  jwt-secret: <base64-encoded>
`,
    // Placeholders, references and values that are not secrets; base64 of "admin" and "changeme"; a certificate.
    `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  username: app
  host: db.prod.internal
  password: changeme
  jwt-secret: \${JWT_SECRET}
data:
  user: YWRtaW4=
  admin-password: Y2hhbmdlbWU=
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUI=
  api-key: '{{ .Values.apiKey | b64enc }}'
`,
    // Environment from Secrets, Kubernetes' own $(VAR) expansion, settings that are not secrets.
    deployment(`            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
            - name: API_TOKEN
              value: $(UPSTREAM_TOKEN)
            - name: LOG_LEVEL
              value: info
            - name: TOKEN_URL
              value: https://auth.internal/oauth/token
`),
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  PASSWORD_MIN_LENGTH: "12"
  JWT_ALGORITHM: HS256
  REDIS_URL: rediss://cache.internal:6380/0
`,
    // Compose: references, local-only defaults, stand-ins, variables passed through.
    `services:
  api:
    image: shop/api:1
    environment:
      JWT_SECRET: \${JWT_SECRET}
      SECRET_KEY: \${SECRET_KEY:-dev}
      DATABASE_URL: postgres://postgres:postgres@db:5432/shop
  db:
    image: postgres:16
    environment:
      - POSTGRES_PASSWORD=example
      - API_KEY
`,
    // A GitHub Actions workflow: secrets are referenced, the service database is local.
    `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
    env:
      API_TOKEN: \${{ secrets.API_TOKEN }}
      DATABASE_URL: postgres://postgres:postgres@localhost:5432/test
    steps:
      - uses: docker/login-action@v3
        with:
          password: \${{ secrets.DOCKER_PASSWORD }}
`,
    // Encrypted on purpose: SealedSecret, SOPS, Ansible Vault references.
    `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: db
spec:
  encryptedData:
    password: AgBy8hCi3q9XoMQ2vLkQ9vB2mX7pL4wZ3nR8tY6uI0oP5aS2dF
`,
    'db_password: "{{ vault_db_password }}"\napi_key: ENC[AES256_GCM,data:kQ9vB2mX7pL4,type:str]\n',
    // Labels, schemas and a Firebase web config (its apiKey is public by design).
    'i18n:\n  password: Enter your password\n  secret_key: Secret key\n',
    // Argo CD's admin password is stored as a bcrypt hash, not the password.
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: argocd-secret\nstringData:\n  admin.password: '$2a$10$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'\n",
    'components:\n  schemas:\n    Login:\n      properties:\n        password:\n          type: string\n          format: password\n',
    `firebase:\n  apiKey: ${GOOGLE}\n  authDomain: shop.firebaseapp.com\n`,
    { code: 'auth:\n  TEST_PASSWORD: Tr0ub4dor&3\n', options: [{ ignoreNames: ['^TEST_'] }] },
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  username: app
  password: Tr0ub4dor&3
`,
      errors: [
        {
          messageId: 'secretManifestValue',
          data: { resource: 'db', name: 'password', what: 'a hardcoded secret', encoding: '', secret: 'Tr********' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
        },
      ],
    },
    {
      // `data` is base64, not encryption: decoded, then judged like stringData.
      code: `apiVersion: v1
kind: Secret
metadata:
  name: api
data:
  api-key: a1E5dkIybVg3cEw0d1ozbg==
`,
      errors: [
        {
          messageId: 'secretManifestValue',
          data: { resource: 'api', name: 'api-key', what: 'a hardcoded secret', encoding: ' (base64-encoded)', secret: 'kQ9v********' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
    {
      // A TLS Secret's private key, decoded from base64.
      code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${Buffer.from(`${PEM_BEGIN}\n${PEM_BODY}\n${PEM_END}\n`).toString('base64')}\n`,
      errors: [{ messageId: 'secretManifestValue', data: { resource: 'tls', name: 'tls.key', what: 'a private key', encoding: ' (base64-encoded)', secret: `${PEM_BEGIN}********` }, line: 7, column: 12, endLine: 7, endColumn: 180 }],
    },
    {
      // `echo secret | base64`: the trailing newline is not part of the key.
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: jwt\ndata:\n  jwt-secret: c2VjcmV0Cg==\n',
      errors: [
        {
          messageId: 'weakSecretKey',
          data: { name: 'jwt-secret', secret: 's*****', strength: 'only 6 bytes long', encoding: ', base64-encoded' },
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 27,
        },
      ],
    },
    {
      // A URL password in stringData: reported on the password.
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  DATABASE_URL: postgresql://app:Xk9mQ2vL@db.prod.internal:5432/app\n',
      errors: [{ messageId: 'secretManifestValue', data: { resource: 'db', name: 'DATABASE_URL', what: 'a password in a postgresql URL', encoding: '', secret: 'Xk******' }, line: 6, column: 34, endLine: 6, endColumn: 42 }],
    },
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info\n  API_TOKEN: kQ9vB2mX7pL4wZ3n\n',
      errors: [{ messageId: 'configMapSecret', data: { resource: 'app', name: 'API_TOKEN', what: 'a hardcoded secret', secret: 'kQ9v********' }, line: 7, column: 14, endLine: 7, endColumn: 30 }],
    },
    {
      code: deployment(`            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              value: "Tr0ub4dor&3"
`),
      errors: [{ messageId: 'containerEnvSecret', data: { container: 'api', name: 'DB_PASSWORD', what: 'a hardcoded secret', secret: 'Tr********' }, line: 15, column: 22, endLine: 15, endColumn: 35 }],
    },
    {
      code: deployment(`            - name: SECRET_KEY
              value: mysecret
`),
      errors: [{ messageId: 'weakSecretKey', data: { name: 'SECRET_KEY', secret: 'my******', strength: 'only 8 bytes long', encoding: '' }, line: 13, column: 22, endLine: 13, endColumn: 30 }],
    },
    {
      // A CronJob's pod spec, and a token in a header value.
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: sync
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: sync
              env:
                - name: AUTH_HEADER
                  value: Bearer ${GITHUB}
`,
      errors: [{ messageId: 'containerEnvSecret', data: { container: 'sync', name: 'AUTH_HEADER', what: 'a GitHub token', secret: 'ghp_********' }, line: 14, column: 33, endLine: 14, endColumn: 73 }],
    },
    {
      // Compose, map form.
      code: 'services:\n  api:\n    image: shop/api:1\n    environment:\n      LOG_LEVEL: info\n      DB_PASSWORD: Tr0ub4dor&3\n',
      errors: [{ messageId: 'composeEnvSecret', data: { service: 'api', name: 'DB_PASSWORD', what: 'a hardcoded secret', secret: 'Tr********' }, line: 6, column: 20, endLine: 6, endColumn: 31 }],
    },
    {
      // Compose, list form, with a URL password.
      code: 'services:\n  worker:\n    image: shop/worker:1\n    environment:\n      - DATABASE_URL=postgres://app:Xk9mQ2vL@db:5432/app\n',
      errors: [{ messageId: 'composeEnvSecret', data: { service: 'worker', name: 'DATABASE_URL', what: 'a password in a postgres URL', secret: 'Xk******' }, line: 5, column: 37, endLine: 5, endColumn: 45 }],
    },
    {
      // The default of a reference is what runs when the variable is unset.
      code: `services:\n  api:\n    image: shop/api:1\n    environment:\n      STRIPE_KEY: \${STRIPE_KEY:-${STRIPE}}\n`,
      errors: [{ messageId: 'composeEnvSecret', data: { service: 'api', name: 'STRIPE_KEY', what: 'a Stripe secret key', secret: 'sk_l********' }, line: 5, column: 33, endLine: 5, endColumn: 66 }],
    },
    {
      code: 'services:\n  api:\n    image: shop/api:1\n    environment:\n      SESSION_SECRET: ${SESSION_SECRET:-keyboardcat}\n',
      errors: [{ messageId: 'weakSecretKey', data: { name: 'SESSION_SECRET', secret: 'ke********', strength: 'only 11 bytes long', encoding: '' }, line: 5, column: 41, endLine: 5, endColumn: 52 }],
    },
    {
      code: 'services:\n  api:\n    image: shop/api:1\n    environment:\n      - SESSION_SECRET=keyboardcat\n',
      errors: [{ messageId: 'weakSecretKey', data: { name: 'SESSION_SECRET', secret: 'ke********', strength: 'only 11 bytes long', encoding: '' }, line: 5, column: 9, endLine: 5, endColumn: 35 }],
    },
    {
      // kustomize's secretGenerator literals end up in a Secret.
      code: 'secretGenerator:\n  - name: db\n    literals:\n      - username=app\n      - password=Tr0ub4dor&3\n',
      errors: [{ messageId: 'secretManifestValue', data: { resource: 'db', name: 'password', what: 'a hardcoded secret', encoding: '', secret: 'Tr********' }, line: 5, column: 9, endLine: 5, endColumn: 29 }],
    },
    {
      // A GitHub Actions step with a token in its script.
      code: `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -H "Authorization: token ${GITHUB}" https://api.github.com/user\n`,
      errors: [{ messageId: 'knownCredential', data: { kind: 'GitHub token', secret: 'ghp_********' }, line: 7, column: 41, endLine: 7, endColumn: 81 }],
    },
    {
      // Application config (Spring, Helm values): a secret-like key with a credential.
      code: 'spring:\n  datasource:\n    username: shop\n    password: Tr0ub4dor&3\n',
      errors: [{ messageId: 'hardcodedSecret', data: { name: 'password', secret: 'Tr********' }, line: 4, column: 15, endLine: 4, endColumn: 26 }],
    },
    {
      // A generic key reads with its parent: `jwt:` / `secret:` is a signing secret.
      code: 'jwt:\n  secret: mysecret\n  expiration: 3600\n',
      errors: [{ messageId: 'weakSecretKey', data: { name: 'jwt.secret', secret: 'my******', strength: 'only 8 bytes long', encoding: '' }, line: 2, column: 11, endLine: 2, endColumn: 19 }],
    },
    {
      // The `- name:` / `value:` shape of env vars outside a pod spec (Helm extraEnv, CRDs).
      code: 'extraEnv:\n  - name: API_SECRET\n    value: kQ9vB2mX7pL4wZ3n\n',
      errors: [{ messageId: 'hardcodedSecret', data: { name: 'API_SECRET', secret: 'kQ9v********' }, line: 3, column: 12, endLine: 3, endColumn: 28 }],
    },
  ],
});

languageTester('redis').run('no-hardcoded-secrets', rule as never, {
  valid: [
    '',
    'bind 127.0.0.1 -::1\nport 6379\n',
    // Redis's documented example and the guide's placeholder (AutonomOS › Redis Security).
    'requirepass foobared\n',
    'requirepass your_very_strong_password_here\n',
    'requirepass ""\nmasterauth changeme\n',
    'requirepass ${REDIS_PASSWORD}\n',
    '# requirepass Xk9mQ2vLp7R4\n',
    // Passwords kept out of the file, or hashed.
    'aclfile /etc/redis/users.acl\n',
    'user default on nopass ~* +@all\n',
    'user app on #48486e1514e842346ff405b1e45f44059ae82619f2306f99d0940dcb386e91f7 ~app:* +@read\n',
    'user app off resetpass <Tr0ub4dor&3\n',
    'masteruser replica\ntls-key-file /etc/redis/tls/redis.key\n',
    { code: 'masterauth Xk9mQ2vLp7R4\n', options: [{ ignoreNames: ['^masterauth$'] }] },
  ],
  invalid: [
    {
      code: 'bind 10.0.0.5\nrequirepass Xk9mQ2vLp7R4\n',
      errors: [{ messageId: 'redisPassword', data: { directive: 'requirepass', secret: 'Xk********' }, line: 2, column: 13, endLine: 2, endColumn: 25, suggestions: [] }],
    },
    {
      // Any real value: there is no label to mistake a requirepass argument for.
      code: 'requirepass redis123\n',
      errors: [{ messageId: 'redisPassword', line: 1, column: 13, endLine: 1, endColumn: 21, suggestions: [] }],
    },
    {
      code: 'replicaof 10.0.0.4 6379\nmasterauth "Tr0ub4dor&3"\n',
      errors: [{ messageId: 'redisPassword', data: { directive: 'masterauth', secret: 'Tr********' }, line: 2, column: 12, endLine: 2, endColumn: 25, suggestions: [] }],
    },
    {
      code: 'tls-key-file-pass Tr0ub4dor&3\n',
      errors: [{ messageId: 'redisPassword', data: { directive: 'tls-key-file-pass', secret: 'Tr********' }, line: 1, column: 19, endLine: 1, endColumn: 30, suggestions: [] }],
    },
    {
      // An inline ACL password: the suggestion keeps the same password, hashed.
      code: 'user app on >Tr0ub4dor&3 ~app:* +@read\n',
      errors: [
        {
          messageId: 'redisPassword',
          data: { directive: 'user app', secret: 'Tr********' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'hashAclPassword',
              data: { hash: '48486e15' },
              output: 'user app on #48486e1514e842346ff405b1e45f44059ae82619f2306f99d0940dcb386e91f7 ~app:* +@read\n',
            },
          ],
        },
      ],
    },
  ],
});
