import rule from '../../src/rules/require-database-tls.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('require-database-tls', rule, {
  valid: [
    // Read from the environment: nothing to check here.
    'const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
    // TLS required, as the guide shows it.
    'const url = "postgresql://user:pass@db.example.com:5432/app?sslmode=require";',
    'const url = "postgresql://user:pass@db.example.com:5432/app?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem";',
    'const url = "jdbc:postgresql://db.example.com:5432/app?ssl=true";',
    'const url = "mysql://user:pass@db.example.com:3306/app?ssl-mode=REQUIRED";',
    `const url = 'mysql://user:pass@db.example.com/app?ssl={"rejectUnauthorized":true}';`,
    'const url = "jdbc:mysql://db.example.com:3306/app?sslMode=VERIFY_IDENTITY";',
    'const dsn = "host=db.example.com dbname=app user=api sslmode=verify-full";',
    // Loopback, unix sockets and compose / Kubernetes service names.
    'const url = "postgres://postgres:postgres@localhost:5432/app";',
    'const url = "postgres://postgres:postgres@127.0.0.1/app?sslmode=disable";',
    'const url = "postgresql:///app?host=/var/run/postgresql";',
    'const url = "postgresql://%2Fvar%2Frun%2Fpostgresql/app";',
    'const url = "postgres://app:pass@db:5432/app";',
    'const url = "mysql://app:pass@mysql/app";',
    'const url = "postgres://app@postgres.default.svc.cluster.local:5432/app";',
    // Placeholders: the host or the options are decided elsewhere.
    'const url = `postgres://${user}:${password}@${host}:5432/app`;',
    'const url = `postgres://app:pass@db.example.com:5432/app?sslmode=${sslMode}`;',
    'const url = `postgres://app:pass@db.example.com:5432/app${query}`;',
    'const url = "postgres://app:pass@db.example.com:5432/app" + params;',
    // Managed databases that refuse plaintext connections.
    'const url = "postgresql://postgres.abcdefghijklmnop:pass@aws-0-us-west-1.pooler.supabase.com:6543/postgres";',
    'const url = "postgres://app:pass@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb";',
    {
      code: 'const url = "postgres://app:pass@db.internal.example.com/app";',
      options: [{ tlsEnforcedHosts: ['.internal.example.com'] }],
    },
    // TLS set next to the connection string.
    'const pool = new Pool({ connectionString: "postgres://app:pass@db.example.com/app", ssl: { ca: fs.readFileSync("ca.pem") } });',
    'const url = "postgres://app:pass@db.example.com/app";\nconst pool = new Pool({ connectionString: url, ssl: true });',
    'const sql = postgres("postgres://app:pass@db.example.com/app", { ssl: "require" });',
    // `ssl: false` to a local database, or decided at runtime, or not a database's options.
    'const pool = new Pool({ host: "localhost", database: "app", ssl: false });',
    'const pool = new Pool({ connectionString: "postgres://app:pass@localhost/app", ssl: false });',
    'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: process.env.NODE_ENV === "production" });',
    'const pool = new Pool({ connectionString, ssl: isProduction ? { ca } : false });',
    'const client = new MongoClient(url, { ssl: false });',
    "const connection = mongoose.createConnection('mongodb://app:pass@db.example.com/app', { ssl: false });",
    "export const dataSource = new DataSource({ type: 'mongodb', host: 'db.example.com', ssl: false });",
    'const options = { ssl: false };',
    // Other schemes, types, comments and SQL.
    'const url = "mongodb://app:pass@db.example.com:27017/app";',
    'const url = "https://db.example.com/app";',
    'type Url = "postgres://app:pass@db.example.com/app";',
    '// DATABASE_URL=postgres://app:pass@db.example.com/app\nconst url = process.env.DATABASE_URL;',
    'const query = "SELECT * FROM hosts WHERE host = $1";',
    'const dsn = "host=" + host;',
  ],
  invalid: [
    {
      code: 'const url = "postgresql://user:pass@db.example.com:5432/app";',
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 60,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = "postgresql://user:pass@db.example.com:5432/app?sslmode=require";' },
          ],
        },
      ],
    },
    {
      code: "const url = 'postgres://user:pass@db.example.com/app?application_name=api';",
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 74,
          suggestions: [
            { messageId: 'requireTls', output: "const url = 'postgres://user:pass@db.example.com/app?application_name=api&sslmode=require';" },
          ],
        },
      ],
    },
    {
      code: 'const url = "postgresql://user:pass@db.example.com:5432/app?sslmode=disable";',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 61, endLine: 1, endColumn: 76,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = "postgresql://user:pass@db.example.com:5432/app?sslmode=require";' },
          ],
        },
      ],
    },
    {
      code: 'const url = "postgresql://user:pass@db.example.com:5432/app?connect_timeout=10&sslmode=prefer";',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 80, endLine: 1, endColumn: 94,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = "postgresql://user:pass@db.example.com:5432/app?connect_timeout=10&sslmode=require";' },
          ],
        },
      ],
    },
    {
      code: 'const url = `postgres://${user}:${password}@db.example.com:5432/app`;',
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 68,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = `postgres://${user}:${password}@db.example.com:5432/app?sslmode=require`;' },
          ],
        },
      ],
    },
    {
      code: 'const url = "jdbc:mysql://db.example.com:3306/app?useSSL=false";',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 51, endLine: 1, endColumn: 63,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = "jdbc:mysql://db.example.com:3306/app?useSSL=true";' },
          ],
        },
      ],
    },
    {
      code: 'const url = "mysql://user:pass@db.example.com:3306/app";',
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 55 },
      ],
    },
    {
      code: 'const pool = new Pool({ connectionString: "host=db.example.com dbname=app user=api" });',
      errors: [
        { messageId: 'missingTls', line: 1, column: 44, endLine: 1, endColumn: 83,
          suggestions: [
            { messageId: 'requireTls', output: 'const pool = new Pool({ connectionString: "host=db.example.com dbname=app user=api sslmode=require" });' },
          ],
        },
      ],
    },
    {
      code: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: false });',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 1, column: 69, endLine: 1, endColumn: 79,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: true });' },
          ],
        },
      ],
    },
    {
      code: "const sequelize = new Sequelize(process.env.DATABASE_URL, {\n  dialect: 'postgres',\n  dialectOptions: { ssl: false },\n});",
      errors: [
        { messageId: 'tlsOptionDisabled', line: 3, column: 21, endLine: 3, endColumn: 31,
          suggestions: [
            { messageId: 'enableTlsOption', output: "const sequelize = new Sequelize(process.env.DATABASE_URL, {\n  dialect: 'postgres',\n  dialectOptions: { ssl: true },\n});" },
          ],
        },
      ],
    },
    {
      code: "export const dataSource = new DataSource({ type: 'postgres', host: process.env.DB_HOST, ssl: false });",
      errors: [
        { messageId: 'tlsOptionDisabled', line: 1, column: 89, endLine: 1, endColumn: 99,
          suggestions: [
            { messageId: 'enableTlsOption', output: "export const dataSource = new DataSource({ type: 'postgres', host: process.env.DB_HOST, ssl: true });" },
          ],
        },
      ],
    },
    {
      code: "const db = knex({ client: 'pg', connection: { host: 'db.example.com', database: 'app', ssl: false } });",
      errors: [
        { messageId: 'tlsOptionDisabled', line: 1, column: 88, endLine: 1, endColumn: 98,
          suggestions: [
            { messageId: 'enableTlsOption', output: "const db = knex({ client: 'pg', connection: { host: 'db.example.com', database: 'app', ssl: true } });" },
          ],
        },
      ],
    },
    {
      code: 'const url = "postgres://user:pass@10.0.4.12:5432/app";',
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 53,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = "postgres://user:pass@10.0.4.12:5432/app?sslmode=require";' },
          ],
        },
      ],
    },
    {
      code: 'const url = "postgres://app:pass@db:5432/app";',
      options: [{"allowPrivateHosts":false}],
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 45,
          suggestions: [
            { messageId: 'requireTls', output: 'const url = "postgres://app:pass@db:5432/app?sslmode=require";' },
          ],
        },
      ],
    },
  ],
});

languageTester('python').run('require-database-tls', rule as never, {
  valid: [
    'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\n',
    'DATABASE_URL = "postgresql://user:pass@db.example.com:5432/app?sslmode=require"\n',
    'engine = create_async_engine("postgresql+asyncpg://user:pass@db.example.com/app?ssl=require")\n',
    'DATABASE_URL = "postgresql://postgres:postgres@localhost:5432/app"\n',
    'DATABASE_URL = f"postgresql://{user}:{password}@{host}:5432/app"\n',
    'DATABASE_URL = "postgresql://app:pass@db.example.com/app" "?sslmode=require"\n',
    'DSN = "host=%s dbname=%s" % (host, name)\n',
    'def connect():\n    """Connects to postgresql://app:pass@db.example.com/app."""\n',
    // TLS set in the call the URL (or its constant) is passed to.
    'from sqlalchemy import create_engine\nDATABASE_URL = "postgresql://app:pass@db.example.com/app"\nengine = create_engine(DATABASE_URL, connect_args={"sslmode": "require"})\n',
    'engine = create_engine("postgresql://app:pass@db.example.com/app", connect_args={"sslmode": "verify-full", "sslrootcert": "/etc/ssl/ca.pem"})\n',
    'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://app:pass@db.example.com/app", ssl_require=True)}\n',
    // Driver options that turn TLS off for a local database, or that are not a database's.
    'import psycopg2\nconn = psycopg2.connect(host="localhost", sslmode="disable")\n',
    'import asyncpg\nconn = await asyncpg.connect(host="db", ssl=False)\n',
    'import redis\nr = redis.Redis(host="cache.example.com", ssl=False)\n',
    'import psycopg2\nconn = psycopg2.connect(host="db.example.com", sslmode="verify-full")\n',
    // Django: local, service-name and environment hosts; TLS in OPTIONS.
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'localhost', 'NAME': 'app'}}\n",
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db', 'NAME': 'app'}}\n",
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': os.environ['DB_HOST'], 'NAME': 'app'}}\n",
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db.example.com', 'OPTIONS': {'sslmode': 'require'}}}\n",
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql', 'HOST': 'db.example.com', 'OPTIONS': {'ssl': {'ca': '/etc/ssl/ca.pem'}}}}\n",
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db.example.com', 'OPTIONS': get_db_options()}}\n",
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}\n",
  ],
  invalid: [
    {
      code: 'DATABASE_URL = "postgresql://user:pass@db.example.com:5432/app"\n',
      errors: [
        { messageId: 'missingTls', line: 1, column: 17, endLine: 1, endColumn: 63,
          suggestions: [
            { messageId: 'requireTls', output: 'DATABASE_URL = "postgresql://user:pass@db.example.com:5432/app?sslmode=require"\n' },
          ],
        },
      ],
    },
    {
      code: 'engine = create_async_engine("postgresql+asyncpg://user:pass@db.example.com/app")\n',
      errors: [
        { messageId: 'missingTls', line: 1, column: 31, endLine: 1, endColumn: 80,
          suggestions: [
            { messageId: 'requireTls', output: 'engine = create_async_engine("postgresql+asyncpg://user:pass@db.example.com/app?ssl=require")\n' },
          ],
        },
      ],
    },
    {
      code: 'DATABASE_URL = f"postgresql://{user}:{password}@db.example.com:5432/app"\n',
      errors: [
        { messageId: 'missingTls', line: 1, column: 18, endLine: 1, endColumn: 72,
          suggestions: [
            { messageId: 'requireTls', output: 'DATABASE_URL = f"postgresql://{user}:{password}@db.example.com:5432/app?sslmode=require"\n' },
          ],
        },
      ],
    },
    {
      code: 'conn = psycopg2.connect("host=db.example.com dbname=app sslmode=disable")\n',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 57, endLine: 1, endColumn: 72,
          suggestions: [
            { messageId: 'requireTls', output: 'conn = psycopg2.connect("host=db.example.com dbname=app sslmode=require")\n' },
          ],
        },
      ],
    },
    {
      code: 'import psycopg2\nconn = psycopg2.connect(host="db.example.com", dbname="app", sslmode="prefer")\n',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 2, column: 62, endLine: 2, endColumn: 78,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'import psycopg2\nconn = psycopg2.connect(host="db.example.com", dbname="app", sslmode="require")\n' },
          ],
        },
      ],
    },
    {
      code: 'import asyncpg\nconn = await asyncpg.connect(dsn, ssl=False)\n',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 2, column: 35, endLine: 2, endColumn: 44,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'import asyncpg\nconn = await asyncpg.connect(dsn, ssl="require")\n' },
          ],
        },
      ],
    },
    {
      code: 'from sqlalchemy import create_engine\nengine = create_engine(DATABASE_URL, connect_args={"sslmode": "disable"})\n',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 2, column: 52, endLine: 2, endColumn: 72,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'from sqlalchemy import create_engine\nengine = create_engine(DATABASE_URL, connect_args={"sslmode": "require"})\n' },
          ],
        },
      ],
    },
    {
      code: 'import mysql.connector\ncnx = mysql.connector.connect(host="db.example.com", user="app", ssl_disabled=True)\n',
      errors: [
        { messageId: 'tlsOptionDisabled', line: 2, column: 66, endLine: 2, endColumn: 83,
          suggestions: [
            { messageId: 'enableTlsOption', output: 'import mysql.connector\ncnx = mysql.connector.connect(host="db.example.com", user="app", ssl_disabled=False)\n' },
          ],
        },
      ],
    },
    {
      code: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'HOST': 'db.example.com',\n        'NAME': 'app',\n    }\n}\n",
      errors: [
        { messageId: 'missingTls', line: 4, column: 17, endLine: 4, endColumn: 33 },
      ],
    },
    {
      code: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'HOST': os.environ['DB_HOST'],\n        'OPTIONS': {'sslmode': 'disable'},\n    }\n}\n",
      errors: [
        { messageId: 'tlsOptionDisabled', line: 5, column: 21, endLine: 5, endColumn: 41,
          suggestions: [
            { messageId: 'enableTlsOption', output: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'HOST': os.environ['DB_HOST'],\n        'OPTIONS': {'sslmode': 'require'},\n    }\n}\n" },
          ],
        },
      ],
    },
    {
      code: 'SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app:pass@db.example.com/app?ssl_disabled=true"\n',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 72, endLine: 1, endColumn: 89,
          suggestions: [
            { messageId: 'requireTls', output: 'SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app:pass@db.example.com/app?ssl_disabled=false"\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('dockerfile').run('require-database-tls', rule as never, {
  valid: [
    'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app?sslmode=require\n',
    'FROM node:20\nENV DATABASE_URL=postgres://app:pass@${DB_HOST}:5432/app\n',
    'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db:5432/app\n',
    'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app PGSSLMODE=require\n',
    'FROM node:20\nARG DATABASE_URL\nLABEL docs="postgres://app@db.example.com/app"\n',
  ],
  invalid: [
    {
      code: 'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app\n',
      errors: [
        { messageId: 'missingTls', line: 2, column: 18, endLine: 2, endColumn: 61,
          suggestions: [
            { messageId: 'requireTls', output: 'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app?sslmode=require\n' },
          ],
        },
      ],
    },
    {
      code: 'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app PGSSLMODE=disable\n',
      errors: [
        { messageId: 'tlsDisabled', line: 2, column: 72, endLine: 2, endColumn: 79,
          suggestions: [
            { messageId: 'requireTls', output: 'FROM node:20\nENV DATABASE_URL=postgres://app:pass@db.example.com:5432/app PGSSLMODE=require\n' },
          ],
        },
      ],
    },
    {
      code: 'FROM postgres:16\nRUN psql "host=db.example.com dbname=app user=migrator" -f schema.sql\n',
      errors: [
        { messageId: 'missingTls', line: 2, column: 11, endLine: 2, endColumn: 55,
          suggestions: [
            { messageId: 'requireTls', output: 'FROM postgres:16\nRUN psql "host=db.example.com dbname=app user=migrator sslmode=require" -f schema.sql\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('env').run('require-database-tls', rule as never, {
  valid: [
    'DATABASE_URL=postgresql://app:pass@localhost:5432/app\n',
    'DATABASE_URL=postgresql://app:pass@db.example.com:5432/app?sslmode=require\n',
    'DATABASE_URL=postgresql://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/${DB_NAME}\n',
    'DATABASE_URL=postgresql://app:pass@db.example.com:5432/app\nPGSSLMODE=require\n',
    'SUPABASE_DB_URL=postgresql://postgres.abcdefghijklmnop:pass@aws-0-us-west-1.pooler.supabase.com:6543/postgres\n',
    '# DATABASE_URL=postgresql://app:pass@db.example.com:5432/app\n',
    'PGSSLMODE=disable\nPGHOST=localhost\n',
  ],
  invalid: [
    {
      code: 'DATABASE_URL=postgresql://app:pass@db.example.com:5432/app\n',
      errors: [
        { messageId: 'missingTls', line: 1, column: 14, endLine: 1, endColumn: 59,
          suggestions: [
            { messageId: 'requireTls', output: 'DATABASE_URL=postgresql://app:pass@db.example.com:5432/app?sslmode=require\n' },
          ],
        },
      ],
    },
    {
      code: 'DATABASE_URL="postgresql://app:pass@db.example.com:5432/app?sslmode=allow"\n',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 61, endLine: 1, endColumn: 74,
          suggestions: [
            { messageId: 'requireTls', output: 'DATABASE_URL="postgresql://app:pass@db.example.com:5432/app?sslmode=require"\n' },
          ],
        },
      ],
    },
    {
      code: 'DATABASE_URL=postgresql://app:pass@db.example.com:5432/app\nPGSSLMODE=prefer\n',
      errors: [
        { messageId: 'tlsDisabled', line: 2, column: 11, endLine: 2, endColumn: 17,
          suggestions: [
            { messageId: 'requireTls', output: 'DATABASE_URL=postgresql://app:pass@db.example.com:5432/app\nPGSSLMODE=require\n' },
          ],
        },
      ],
    },
    {
      code: 'MYSQL_URL=mysql://app:pass@db.example.com/app?ssl-mode=PREFERRED\n',
      errors: [
        { messageId: 'tlsDisabled', line: 1, column: 47, endLine: 1, endColumn: 65,
          suggestions: [
            { messageId: 'requireTls', output: 'MYSQL_URL=mysql://app:pass@db.example.com/app?ssl-mode=REQUIRED\n' },
          ],
        },
      ],
    },
  ],
});

languageTester('yaml').run('require-database-tls', rule as never, {
  valid: [
    'services:\n  api:\n    image: api\n    environment:\n      DATABASE_URL: postgres://app:pass@db:5432/app\n  db:\n    image: postgres:16\n',
    'services:\n  api:\n    image: api\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n',
    'services:\n  api:\n    image: api\n    environment:\n      - DATABASE_URL=postgres://app:pass@db.example.com:5432/app\n      - PGSSLMODE=verify-full\n',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  DATABASE_URL: "postgresql://app@db.example.com:5432/app?sslmode=require"\n',
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DATABASE_URL\n              valueFrom:\n                secretKeyRef: { name: db, key: url }\n',
    '# DATABASE_URL: postgres://app:pass@db.example.com:5432/app\nservices: {}\n',
    'postgres://app:pass@db.example.com:5432/app?sslmode=require: key\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: api\n    environment:\n      DATABASE_URL: postgres://app:pass@db.example.com:5432/app\n',
      errors: [
        { messageId: 'missingTls', line: 5, column: 21, endLine: 5, endColumn: 64,
          suggestions: [
            { messageId: 'requireTls', output: 'services:\n  api:\n    image: api\n    environment:\n      DATABASE_URL: postgres://app:pass@db.example.com:5432/app?sslmode=require\n' },
          ],
        },
      ],
    },
    {
      code: 'services:\n  api:\n    image: api\n    environment:\n      - DATABASE_URL=postgres://app:pass@db.example.com:5432/app?sslmode=disable\n',
      errors: [
        { messageId: 'tlsDisabled', line: 5, column: 66, endLine: 5, endColumn: 81,
          suggestions: [
            { messageId: 'requireTls', output: 'services:\n  api:\n    image: api\n    environment:\n      - DATABASE_URL=postgres://app:pass@db.example.com:5432/app?sslmode=require\n' },
          ],
        },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  DATABASE_URL: "postgresql://app@db.example.com:5432/app"\n',
      errors: [
        { messageId: 'missingTls', line: 6, column: 18, endLine: 6, endColumn: 58,
          suggestions: [
            { messageId: 'requireTls', output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  DATABASE_URL: "postgresql://app@db.example.com:5432/app?sslmode=require"\n' },
          ],
        },
      ],
    },
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DATABASE_URL\n              value: postgres://app@db.example.com/app\n            - name: PGSSLMODE\n              value: disable\n',
      errors: [
        { messageId: 'tlsDisabled', line: 12, column: 22, endLine: 12, endColumn: 29,
          suggestions: [
            { messageId: 'requireTls', output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DATABASE_URL\n              value: postgres://app@db.example.com/app\n            - name: PGSSLMODE\n              value: require\n' },
          ],
        },
      ],
    },
  ],
});
