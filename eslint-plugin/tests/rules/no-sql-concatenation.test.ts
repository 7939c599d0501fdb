import rule from '../../src/rules/no-sql-concatenation.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-sql-concatenation', rule, {
  valid: [
    // Parameterized calls.
    "db.query('SELECT * FROM users WHERE id = $1', [id]);",
    "connection.execute('SELECT * FROM users WHERE id = ?', [id]);",
    "db.query({ text: 'SELECT * FROM users WHERE id = $1', values: [id] });",
    "knex('users').whereRaw('id = ?', [id]);",
    "sequelize.query('SELECT * FROM users WHERE id = ?', { replacements: [id] });",
    // Tagged templates bind their values.
    'db.query(sql`SELECT * FROM users WHERE id = ${id}`);',
    'prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;',
    'prisma.$queryRaw(Prisma.sql`SELECT * FROM users WHERE id = ${id}`);',
    'await sql`SELECT * FROM users WHERE id = ${id}`;',
    // Constants only.
    "db.query('SELECT' + ' * FROM users');",
    "const TABLE = 'users';\ndb.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);",
    "const columns = 'id, name';\ndb.query(`SELECT ${columns} FROM users`);",
    "const BASE = 'SELECT * FROM users';\ndb.query(BASE + ' WHERE active');",
    'db.query(`SELECT * FROM ${USERS_TABLE} WHERE id = $1`, [id]);',
    "db.query('SELECT * FROM users LIMIT ' + 10);",
    "let q = 'SELECT * FROM users';\nif (onlyActive) q += ' WHERE active';\ndb.query(q);",
    "let q = `SELECT * FROM users WHERE name = '${name}'`;\nq = 'SELECT * FROM users';\ndb.query(q);",
    "for (const table of ['sessions', 'tokens']) db.query(`TRUNCATE ${table}`);",
    "db.query(`SELECT * FROM users ORDER BY name ${descending ? 'DESC' : 'ASC'}`);",
    // Numbers, escaped values and placeholder lists.
    'db.query(`SELECT * FROM users WHERE id = ${Number(req.params.id)}`);',
    'db.query(`SELECT * FROM users LIMIT ${parseInt(limit, 10)} OFFSET ${page * size}`);',
    'db.query(`SELECT * FROM users LIMIT ${ids.length}`);',
    'function byId(id: number) {\n  return db.query(`SELECT * FROM users WHERE id = ${id}`);\n}',
    'db.query(`SELECT * FROM users WHERE name = ${mysql.escape(name)} ORDER BY ${connection.escapeId(column)}`);',
    'db.query(`SELECT * FROM users WHERE id IN (${ids.map(() => "?").join(", ")})`, ids);',
    "const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');\ndb.query(`SELECT * FROM users WHERE id IN (${placeholders})`, ids);",
    "db.query(`SELECT * FROM users WHERE id IN (${Array(ids.length).fill('?').join(',')})`, ids);",
    "const conditions = [];\nconst values = [];\nif (name) {\n  values.push(name);\n  conditions.push(`name = $${values.length}`);\n}\ndb.query(`SELECT * FROM users WHERE ${conditions.join(' AND ')}`, values);",
    // Table names from the program's own models.
    'class Repository {\n  table = "users";\n  find(id) {\n    return this.db.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);\n  }\n}',
    'db.query(`SELECT * FROM ${User.tableName} WHERE id = $1`, [id]);',
    // The SQL is built elsewhere: unknown here.
    'function run(query) {\n  return db.execute(query);\n}',
    "import { findUser } from './queries';\ndb.query(findUser, [id]);",
    "db.query(mysql.format('SELECT * FROM users WHERE id = ?', [id]));",
    "db.query(format('SELECT * FROM %I WHERE id = %L', table, id));",
    // Not a sink.
    'console.log(`SELECT * FROM users WHERE id = ${id}`);',
    "logger.info('DELETE FROM users WHERE id = ' + id);",
    'const message = `SELECT * FROM users WHERE id = ${id}`;',
    "new RegExp('SELECT .* FROM ' + table);",
    'db.queryAll(`SELECT * FROM users WHERE id = ${id}`);',
    // A sink name, but not SQL.
    "cache.get('user:' + id);",
    'router.get(`/users/${id}`, handler);',
    'redis.get(`session:${token}`);',
    'ui.query(`Select a file from ${folder}`);',
    "updater.run('Update from server ' + version);",
    'client.query(`query { user(id: ${id}) { name } }`);',
    'childProcess.exec(`psql -c "SELECT 1" ${database}`);',
    'db.query(`${prefix} FROM users`);',
    // Options.
    {
      code: 'db.query(`SELECT * FROM users ORDER BY ${quoteName(column)}`);',
      options: [{ sanitizers: ['quoteName'] }],
    },
  ],
  invalid: [
    {
      code: 'pool.query(`SELECT * FROM users WHERE id = ${id}`);',
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'query' },
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '$1' },
              output: 'pool.query(`SELECT * FROM users WHERE id = $1`, [id]);',
            },
          ],
        },
      ],
    },
    {
      // The quotes around a value go with it.
      code: "pool.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 61,
          suggestions: [{ messageId: 'useParameters', output: 'pool.query("SELECT * FROM users WHERE name = $1", [name]);' }],
        },
      ],
    },
    {
      // A value used twice is one parameter for node-postgres.
      code: "client.query(`SELECT * FROM users WHERE name = '${name}' AND (id = ${id} OR owner_id = ${id})`);",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '$1, $2' },
              output: 'client.query(`SELECT * FROM users WHERE name = $1 AND (id = $2 OR owner_id = $2)`, [name, id]);',
            },
          ],
        },
      ],
    },
    {
      // mysql2's execute() takes `?`.
      code: "connection.execute(`SELECT * FROM users WHERE email = '${req.body.email}'`);",
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'execute' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '?' },
              output: 'connection.execute(`SELECT * FROM users WHERE email = ?`, [req.body.email]);',
            },
          ],
        },
      ],
    },
    {
      // query() of a file that uses mysql takes `?` too.
      code: "import mysql from 'mysql2/promise';\nawait connection.query(`SELECT * FROM users WHERE id = ${id}`);",
      errors: [
        {
          messageId: 'concatenated',
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '?' },
              output: "import mysql from 'mysql2/promise';\nawait connection.query(`SELECT * FROM users WHERE id = ?`, [id]);",
            },
          ],
        },
      ],
    },
    {
      // sqlite3: the parameters go before the callback.
      code: 'db.all(`SELECT * FROM posts WHERE author = ${author}`, (error, rows) => {});',
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'all' },
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useParameters',
              output: 'db.all(`SELECT * FROM posts WHERE author = ?`, [author], (error, rows) => {});',
            },
          ],
        },
      ],
    },
    {
      // A knex fragment need not look like a statement.
      code: "knex('users').whereRaw(`name = '${name}'`);",
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'whereRaw' },
          line: 1,
          column: 24,
          endLine: 1,
          endColumn: 42,
          suggestions: [{ messageId: 'useParameters', output: "knex('users').whereRaw(`name = ?`, [name]);" }],
        },
      ],
    },
    {
      code: "sequelize.query('SELECT * FROM users WHERE id = ' + id);",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useParameters',
              output: "sequelize.query('SELECT * FROM users WHERE id = ?', { replacements: [id] });",
            },
          ],
        },
      ],
    },
    {
      // Prisma: the tagged $queryRaw binds the values.
      code: "prisma.$queryRawUnsafe<User[]>(`SELECT * FROM users WHERE email = '${email}'`);",
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: '$queryRawUnsafe' },
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'useTaggedTemplate',
              data: { tag: 'prisma.$queryRaw<User[]>' },
              output: 'prisma.$queryRaw<User[]>`SELECT * FROM users WHERE email = ${email}`;',
            },
          ],
        },
      ],
    },
    {
      code: "prisma.$executeRawUnsafe(\"DELETE FROM sessions WHERE user_id = '\" + userId + \"'\");",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useTaggedTemplate',
              output: 'prisma.$executeRaw`DELETE FROM sessions WHERE user_id = ${userId}`;',
            },
          ],
        },
      ],
    },
    {
      // postgres.js and Drizzle: their `sql` tag binds the values.
      code: 'sql.unsafe(`SELECT * FROM users WHERE id = ${id}`);\ndb.execute(sql.raw(`DELETE FROM users WHERE id = ${id}`));',
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'unsafe' },
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useTaggedTemplate',
              data: { tag: 'sql' },
              output: 'sql`SELECT * FROM users WHERE id = ${id}`;\ndb.execute(sql.raw(`DELETE FROM users WHERE id = ${id}`));',
            },
          ],
        },
        {
          messageId: 'concatenated',
          data: { sink: 'raw' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useTaggedTemplate',
              output: 'sql.unsafe(`SELECT * FROM users WHERE id = ${id}`);\ndb.execute(sql`DELETE FROM users WHERE id = ${id}`);',
            },
          ],
        },
      ],
    },
    {
      // The node-postgres `query(text, params)` helper.
      code: 'await query(`SELECT * FROM users WHERE id = ${id}`);',
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 51,
          suggestions: [{ messageId: 'useParameters', output: 'await query(`SELECT * FROM users WHERE id = $1`, [id]);' }],
        },
      ],
    },
    {
      // Constants stay where they are; only the value moves.
      code: "db.query('SELECT * FROM ' + TABLE + ' WHERE id = ' + String(id));",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 64,
          suggestions: [{ messageId: 'useParameters', output: "db.query('SELECT * FROM ' + TABLE + ' WHERE id = $1', [id]);" }],
        },
      ],
    },
    {
      code: 'class Repository {\n  find(id: string, active: boolean) {\n    return this.db.query(`SELECT * FROM ${this.table} WHERE id = ${id} AND active = ${active}`);\n  }\n}',
      errors: [
        {
          messageId: 'concatenated',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'useParameters',
              output:
                'class Repository {\n  find(id: string, active: boolean) {\n    return this.db.query(`SELECT * FROM ${this.table} WHERE id = $1 AND active = ${active}`, [id]);\n  }\n}',
            },
          ],
        },
      ],
    },
    {
      // Multi-line SQL keeps its lines.
      code: "const result = await pool.query(\n  `SELECT id, name\n   FROM users\n   WHERE email = '${email}'`,\n);",
      errors: [
        {
          messageId: 'concatenated',
          line: 2,
          column: 3,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useParameters',
              output: 'const result = await pool.query(\n  `SELECT id, name\n   FROM users\n   WHERE email = $1`, [email],\n);',
            },
          ],
        },
      ],
    },
    {
      // Through a variable: reported at the call, no rewrite.
      code: 'const q = `DELETE FROM users WHERE id = ${id}`;\nawait db.run(q);',
      errors: [{ messageId: 'concatenated', data: { sink: 'run' }, line: 2, column: 14, endLine: 2, endColumn: 15, suggestions: [] }],
    },
    {
      code: "let sql = 'SELECT * FROM users WHERE 1 = 1';\nif (name) sql += ` AND name = '${name}'`;\nawait pool.query(sql);",
      errors: [{ messageId: 'concatenated', line: 3, column: 18, endLine: 3, endColumn: 21, suggestions: [] }],
    },
    {
      code: "function find(id) {\n  let q = 'SELECT * FROM users';\n  q = q + ' WHERE id = ' + id;\n  return db.query(q);\n}",
      errors: [{ messageId: 'concatenated', line: 4, column: 19, endLine: 4, endColumn: 20, suggestions: [] }],
    },
    {
      // One branch builds the SQL from a value.
      code: "let q;\nif (id) q = `SELECT * FROM users WHERE id = ${id}`;\nelse q = 'SELECT * FROM users';\ndb.query(q);",
      errors: [{ messageId: 'concatenated', line: 4, column: 10, endLine: 4, endColumn: 11, suggestions: [] }],
    },
    {
      code: 'pool.query({ text: `SELECT * FROM users WHERE id = ${id}` });',
      errors: [{ messageId: 'concatenated', line: 1, column: 20, endLine: 1, endColumn: 58, suggestions: [] }],
    },
    {
      // Names cannot be parameters.
      code: 'pool.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);',
      errors: [
        { messageId: 'dynamicIdentifier', data: { sink: 'query' }, line: 1, column: 12, endLine: 1, endColumn: 50, suggestions: [] },
      ],
    },
    {
      code: 'pool.query(`SELECT * FROM users ORDER BY ${req.query.sort} ${req.query.direction}`);',
      errors: [{ messageId: 'dynamicIdentifier', line: 1, column: 12, endLine: 1, endColumn: 83, suggestions: [] }],
    },
    {
      code: 'db.exec(`DROP TABLE ${name}`);',
      errors: [{ messageId: 'dynamicIdentifier', data: { sink: 'exec' }, line: 1, column: 9, endLine: 1, endColumn: 29 }],
    },
    {
      // Part of a string literal: the pattern must become the parameter, which is for you to write.
      code: "pool.query(`SELECT * FROM users WHERE name LIKE '%${term}%'`);",
      errors: [{ messageId: 'concatenated', line: 1, column: 12, endLine: 1, endColumn: 61, suggestions: [] }],
    },
    {
      // A whole IN list is not one parameter.
      code: "const list = ids.map((id) => `'${id}'`).join(',');\npool.query(`SELECT * FROM users WHERE id IN (${list})`);",
      errors: [{ messageId: 'concatenated', line: 2, column: 12, endLine: 2, endColumn: 55, suggestions: [] }],
    },
    {
      // PostgreSQL binds no parameters in SET.
      code: "client.query(`SET app.tenant_id = '${tenantId}'`);",
      errors: [{ messageId: 'concatenated', line: 1, column: 14, endLine: 1, endColumn: 49, suggestions: [] }],
    },
    {
      // The call already passes parameters.
      code: 'pool.query(`SELECT * FROM users WHERE id = ${id} AND org = $1`, [org]);',
      errors: [{ messageId: 'concatenated', line: 1, column: 12, endLine: 1, endColumn: 63, suggestions: [] }],
    },
    {
      code: 'db.prepare(`SELECT * FROM users WHERE id = ${id}`).get();',
      errors: [{ messageId: 'concatenated', data: { sink: 'prepare' }, line: 1, column: 12, endLine: 1, endColumn: 50, suggestions: [] }],
    },
    {
      code: "const conditions = [];\nif (name) conditions.push(`name = '${name}'`);\ndb.query(`SELECT * FROM users WHERE ${conditions.join(' AND ')}`);",
      errors: [{ messageId: 'concatenated', line: 3, column: 10, endLine: 3, endColumn: 65, suggestions: [] }],
    },
    {
      code: 'runSql(`SELECT * FROM users WHERE id = ${id}`);',
      options: [{ extraSinks: ['runSql'] }],
      errors: [{ messageId: 'concatenated', data: { sink: 'runSql' }, line: 1, column: 8, endLine: 1, endColumn: 46, suggestions: [] }],
    },
  ],
});

languageTester('python').run('no-sql-concatenation', rule as never, {
  valid: [
    // Parameterized calls.
    'cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))\n',
    'session.execute(text("SELECT * FROM users WHERE id = :id"), {"id": user_id})\n',
    'db.execute("SET app.tenant_id = :tenant_id", {"tenant_id": str(user.tenant_id)})\n',
    'stmt = text("SELECT * FROM users WHERE id = :id").bindparams(id=user_id)\n',
    'df = pd.read_sql("SELECT * FROM users WHERE id = %(id)s", con, params={"id": user_id})\n',
    'User.objects.raw("SELECT * FROM app_user WHERE name = %s", [name])\n',
    // Constants only: literals and UPPER_CASE names.
    'cursor.execute("SELECT" + " * FROM users")\n',
    'TABLE = "users"\n\ndef find(cursor, user_id):\n    cursor.execute(f"SELECT * FROM {TABLE} WHERE id = %s", (user_id,))\n',
    'cursor.execute(f"SELECT * FROM {settings.USERS_TABLE} WHERE id = %s", (user_id,))\n',
    'cursor.execute(f"SELECT * FROM users LIMIT {PAGE_SIZE}")\n',
    'QUERY = "SELECT * FROM users WHERE id = %s"\n\ndef find(cursor, user_id):\n    cursor.execute(QUERY, (user_id,))\n',
    'SQL = "SELECT * FROM {table} WHERE id = %s"\ncursor.execute(SQL.format(table=TABLE), (user_id,))\n',
    'def drop(cursor):\n    for table in ("sessions", "tokens"):\n        cursor.execute(f"TRUNCATE {table}")\n',
    'def find(cursor, name):\n    q = f"SELECT * FROM users WHERE name = \'{name}\'"\n    q = "SELECT * FROM users"\n    cursor.execute(q)\n',
    'cursor.execute(f"SELECT * FROM users ORDER BY name {\'DESC\' if descending else \'ASC\'}")\n',
    // Numbers and placeholder lists.
    'cursor.execute(f"SELECT * FROM users LIMIT {int(limit)} OFFSET {int(offset)}")\n',
    'cursor.execute("SELECT * FROM users LIMIT %d" % limit)\n',
    'cursor.execute("SELECT * FROM users LIMIT {:d}".format(limit))\n',
    'def find(cursor, user_id: int):\n    cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")\n',
    'def find(cursor, user_id: Optional[int] = None):\n    cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")\n',
    'placeholders = ", ".join(["%s"] * len(ids))\ncursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)\n',
    'cursor.execute(f"SELECT * FROM users WHERE id IN ({\',\'.join(\'?\' * len(ids))})", ids)\n',
    'cursor.execute("SELECT * FROM users WHERE id IN (%s)" % ",".join("%s" for _ in ids), ids)\n',
    'def search(cursor, name):\n    conditions = []\n    params = []\n    if name:\n        conditions.append("name = %s")\n        params.append(name)\n    cursor.execute("SELECT * FROM users WHERE " + " AND ".join(conditions), params)\n',
    // Escaped names.
    'cursor.execute(sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(table)), (user_id,))\n',
    'cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} WHERE id = %s", [user_id])\n',
    'cursor.execute(f"SELECT * FROM {Model._meta.db_table} WHERE id = %s", [user_id])\n',
    'class Repository:\n    def find(self, user_id):\n        self.cursor.execute(f"SELECT * FROM {self.table} WHERE id = %s", (user_id,))\n',
    // The SQL is built elsewhere: unknown here.
    'def run(cursor, query):\n    cursor.execute(query)\n',
    'from .queries import find_user\ncursor.execute(find_user, (user_id,))\n',
    // Not a sink, or not SQL.
    'print(f"SELECT * FROM users WHERE id = {user_id}")\n',
    'logger.debug("DELETE FROM users WHERE id = %s" % user_id)\n',
    'pattern = re.compile(f"SELECT .* FROM {table}")\n',
    'message = "Deleting from cache: %s" % key\n',
    'requests.get(f"https://api.example.com/users/{user_id}")\n',
    'subprocess.run(f"psql -c \'SELECT 1\' {database}", shell=True)\n',
    'session.query(User).filter(User.id == user_id).first()\n',
    'db.query(User).filter(User.email == user_input_email, User.tenant_id == tenant_id).first()\n',
    'worker.execute(f"Update from server {version}")\n',
    'label.text(f"Select a file from {folder}")\n',
    // A half-typed call.
    'cursor.execute(f"SELECT * FROM users WHERE id = {\n',
    {
      code: 'cursor.execute(f"SELECT * FROM users ORDER BY {quote_column(column)}")\n',
      options: [{ sanitizers: ['quote_column'] }],
    },
  ],
  invalid: [
    {
      // Nested .format()/join() (CPython's sqlite3/dump.py): once took minutes, re-walking the same nodes per depth.
      code: 'def f(cu, t):\n    q = "SELECT {0} FROM t".format(",".join("\'{0}\'".format(col) for col in t))\n    cu.execute(q)\n',
      errors: [{ messageId: 'dynamicIdentifier', line: 3, column: 16, endLine: 3, endColumn: 17, suggestions: [] }],
    },
    {
      code: 'cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")\n',
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'execute' },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '%s' },
              output: 'cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))\n',
            },
          ],
        },
      ],
    },
    {
      // Quotes go with the value; a literal % is doubled once parameters are passed.
      code: "cursor.execute(f\"SELECT * FROM users WHERE name = '{name}' AND code LIKE 'A%'\")\n",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useParameters',
              output: "cursor.execute(\"SELECT * FROM users WHERE name = %s AND code LIKE 'A%%'\", (name,))\n",
            },
          ],
        },
      ],
    },
    {
      code: "cursor.execute(\"SELECT * FROM users WHERE name = '%s' AND id = %d\" % (name, user_id))\n",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useParameters',
              output: 'cursor.execute("SELECT * FROM users WHERE name = %s AND id = %s", (name, user_id))\n',
            },
          ],
        },
      ],
    },
    {
      code: "cur.execute(\"UPDATE users SET email = '{}' WHERE id = {}\".format(email, user.id))\n",
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useParameters',
              output: 'cur.execute("UPDATE users SET email = %s WHERE id = %s", (email, user.id))\n',
            },
          ],
        },
      ],
    },
    {
      code: 'cursor.execute("DELETE FROM users WHERE id = " + str(user_id))\n',
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 62,
          suggestions: [
            { messageId: 'useParameters', output: 'cursor.execute("DELETE FROM users WHERE id = %s", (user_id,))\n' },
          ],
        },
      ],
    },
    {
      // sqlite3 takes `?`.
      code: 'import sqlite3\n\nconn.execute(f"SELECT * FROM notes WHERE owner = \'{owner}\'")\n',
      errors: [
        {
          messageId: 'concatenated',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '?' },
              output: 'import sqlite3\n\nconn.execute("SELECT * FROM notes WHERE owner = ?", (owner,))\n',
            },
          ],
        },
      ],
    },
    {
      // SQLAlchemy text(): named parameters, passed to execute().
      code: 'session.execute(text(f"SELECT * FROM users WHERE id = {user_id} AND org = {org.id}"))\n',
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'text' },
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: ':user_id, :id' },
              output:
                'session.execute(text("SELECT * FROM users WHERE id = :user_id AND org = :id"), {"user_id": user_id, "id": org.id})\n',
            },
          ],
        },
      ],
    },
    {
      // A plain string to session.execute() gets wrapped in the imported text().
      code: 'from sqlalchemy import select, text\n\nsession.execute(f"DELETE FROM users WHERE id = {user_id}")\n',
      errors: [
        {
          messageId: 'concatenated',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useParameters',
              output:
                'from sqlalchemy import select, text\n\nsession.execute(text("DELETE FROM users WHERE id = :user_id"), {"user_id": user_id})\n',
            },
          ],
        },
      ],
    },
    {
      code: 'User.objects.raw(f"SELECT * FROM app_user WHERE name = \'{name}\'")\n',
      errors: [
        {
          messageId: 'concatenated',
          data: { sink: 'raw' },
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 65,
          suggestions: [{ messageId: 'useParameters', output: 'User.objects.raw("SELECT * FROM app_user WHERE name = %s", [name])\n' }],
        },
      ],
    },
    {
      // A constant stays in the f-string.
      code: 'TABLE = "users"\ncursor.execute(f"SELECT * FROM {TABLE} WHERE id = {user_id}")\n',
      errors: [
        {
          messageId: 'concatenated',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useParameters',
              output: 'TABLE = "users"\ncursor.execute(f"SELECT * FROM {TABLE} WHERE id = %s", (user_id,))\n',
            },
          ],
        },
      ],
    },
    {
      code: 'cursor.execute("""\n    SELECT *\n    FROM users\n    WHERE name = \'{}\'\n""".format(name))\n',
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 16,
          endLine: 5,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useParameters',
              output: 'cursor.execute("""\n    SELECT *\n    FROM users\n    WHERE name = %s\n""", (name,))\n',
            },
          ],
        },
      ],
    },
    {
      code: 'cursor.execute(f"SELECT * FROM users WHERE id = {sys.argv[1]}")\n',
      errors: [
        {
          messageId: 'concatenated',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 63,
          suggestions: [{ messageId: 'useParameters', output: 'cursor.execute("SELECT * FROM users WHERE id = %s", (sys.argv[1],))\n' }],
        },
      ],
    },
    {
      // The guide's example: built in a variable, reported where it is executed.
      code: 'def list_users(db, tenant_id):\n    query = f"SELECT * FROM users WHERE tenant_id = \'{tenant_id}\'"\n    db.execute(query)\n',
      errors: [{ messageId: 'concatenated', line: 3, column: 16, endLine: 3, endColumn: 21, suggestions: [] }],
    },
    {
      code: 'def search(cursor, name):\n    q = "SELECT * FROM users WHERE 1 = 1"\n    if name:\n        q += f" AND name = \'{name}\'"\n    cursor.execute(q)\n',
      errors: [{ messageId: 'concatenated', line: 5, column: 20, endLine: 5, endColumn: 21, suggestions: [] }],
    },
    {
      code: 'def find(cursor, user_id):\n    query = "SELECT * FROM users"\n    query = query + " WHERE id = " + user_id\n    cursor.execute(query)\n',
      errors: [{ messageId: 'concatenated', line: 4, column: 20, endLine: 4, endColumn: 25, suggestions: [] }],
    },
    {
      code: 'def find(cursor, name):\n    if name:\n        q = f"SELECT * FROM users WHERE name = \'{name}\'"\n    else:\n        q = "SELECT * FROM users"\n    cursor.execute(q)\n',
      errors: [{ messageId: 'concatenated', line: 6, column: 20, endLine: 6, endColumn: 21, suggestions: [] }],
    },
    {
      code: 'def find(cursor, table, user_id):\n    cursor.execute(f"SELECT * FROM {table} WHERE id = %s", (user_id,))\n',
      errors: [
        { messageId: 'dynamicIdentifier', data: { sink: 'execute' }, line: 2, column: 20, endLine: 2, endColumn: 58, suggestions: [] },
      ],
    },
    {
      code: 'cursor.executescript(f"DROP TABLE {name}")\n',
      errors: [{ messageId: 'dynamicIdentifier', data: { sink: 'executescript' }, line: 1, column: 22, endLine: 1, endColumn: 42 }],
    },
    {
      // `.format(**kw)`: the values are not visible here.
      code: 'cursor.execute("SELECT * FROM users WHERE name = \'{name}\'".format(**params))\n',
      errors: [{ messageId: 'concatenated', line: 1, column: 16, endLine: 1, endColumn: 76, suggestions: [] }],
    },
    {
      code: 'cursor.execute("SELECT * FROM users WHERE name = \'%(name)s\'" % {"name": name})\n',
      errors: [{ messageId: 'concatenated', line: 1, column: 16, endLine: 1, endColumn: 78, suggestions: [] }],
    },
    {
      code: 'cursor.execute(f"SELECT * FROM users WHERE name = {name!r}")\n',
      errors: [{ messageId: 'concatenated', line: 1, column: 16, endLine: 1, endColumn: 60, suggestions: [] }],
    },
    {
      code: 'cursor.execute(f"SELECT * FROM users WHERE name LIKE \'%{term}%\'")\n',
      errors: [{ messageId: 'concatenated', line: 1, column: 16, endLine: 1, endColumn: 65, suggestions: [] }],
    },
    {
      // PostgreSQL binds no parameters in SET.
      code: 'cursor.execute("SET app.tenant_id = \'%s\'" % tenant_id)\n',
      errors: [{ messageId: 'concatenated', line: 1, column: 16, endLine: 1, endColumn: 54, suggestions: [] }],
    },
    {
      code: 'df = pd.read_sql(f"SELECT * FROM orders WHERE customer = \'{customer}\'", engine)\n',
      errors: [{ messageId: 'concatenated', data: { sink: 'read_sql' }, line: 1, column: 18, endLine: 1, endColumn: 71, suggestions: [] }],
    },
    {
      // Django fragments need not look like statements.
      code: 'User.objects.extra(where=[f"name = \'{name}\'"])\nUser.objects.annotate(n=RawSQL(f"SELECT COUNT(*) FROM orders WHERE owner = {owner}", ()))\n',
      errors: [
        { messageId: 'concatenated', data: { sink: 'extra' }, line: 1, column: 27, endLine: 1, endColumn: 45, suggestions: [] },
        { messageId: 'concatenated', data: { sink: 'RawSQL' }, line: 2, column: 32, endLine: 2, endColumn: 84, suggestions: [] },
      ],
    },
    {
      // A query template kept in a constant.
      code: 'FIND = "SELECT * FROM users WHERE name = \'%s\'"\n\ndef find(cursor, name):\n    cursor.execute(FIND % name)\n',
      errors: [{ messageId: 'concatenated', line: 4, column: 20, endLine: 4, endColumn: 31, suggestions: [] }],
    },
    {
      // Outside execute(): no place for the parameters.
      code: 'stmt = text(f"SELECT * FROM users WHERE id = {user_id}")\n',
      errors: [{ messageId: 'concatenated', data: { sink: 'text' }, line: 1, column: 13, endLine: 1, endColumn: 56, suggestions: [] }],
    },
    {
      // sa.text() takes fragments too.
      code: 'stmt = select(User).where(sa.text(f"name = \'{name}\'"))\n',
      errors: [{ messageId: 'concatenated', data: { sink: 'text' }, line: 1, column: 35, endLine: 1, endColumn: 53, suggestions: [] }],
    },
    {
      code: 'run_sql(f"SELECT * FROM users WHERE id = {user_id}")\n',
      options: [{ extraSinks: ['run_sql'] }],
      errors: [{ messageId: 'concatenated', data: { sink: 'run_sql' }, line: 1, column: 9, endLine: 1, endColumn: 52, suggestions: [] }],
    },
  ],
});
