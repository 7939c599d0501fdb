import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { SqlPart, StringWrite } from '../../src/detectors/sql.js';
import {
  acceptsParameters,
  analyzeSql,
  firstUnsafeVersion,
  foldWrites,
  fragmentValue,
  holePositions,
  holesOf,
  looksLikeSql,
  SQL_HOLE,
  UNSAFE,
  variableValue,
} from '../../src/detectors/sql.js';

const text = (value: string): SqlPart => ({ kind: 'text', value });
const value: SqlPart = { kind: 'hole', safe: false };
const constant: SqlPart = { kind: 'hole', safe: true };
const H = SQL_HOLE;

describe('detectors/sql', () => {
  describe('looksLikeSql', () => {
    const sql = [
      'SELECT * FROM users WHERE id = 1',
      'select id, name from users',
      `SELECT * FROM ${H} WHERE id = 1`,
      `SELECT ${H} FROM users`,
      'SELECT COUNT(*) FROM "users"',
      'SELECT * FROM public.users u JOIN orders o ON o.user_id = u.id',
      'SELECT * FROM (SELECT 1) t',
      "SELECT set_config('app.tenant_id', 'x', false)",
      'SELECT 1',
      'SELECT *',
      'INSERT INTO users (name) VALUES (1)',
      'insert into `users` values (1)',
      'INSERT IGNORE INTO users VALUES (1)',
      'REPLACE INTO users VALUES (1)',
      'MERGE INTO users USING x ON 1 = 1',
      'UPDATE users SET name = 1',
      'UPDATE ONLY users AS u SET name = 1',
      `UPDATE users SET ${H}`,
      'DELETE FROM users WHERE id = 1',
      'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent',
      'WITH RECURSIVE tree(id) AS (SELECT 1) SELECT * FROM tree',
      'CREATE TABLE users (id int)',
      'CREATE UNIQUE INDEX IF NOT EXISTS users_name ON users (name)',
      'CREATE OR REPLACE VIEW v AS SELECT 1',
      `CREATE USER ${H} WITH PASSWORD 'x'`,
      'ALTER TABLE users ADD COLUMN x int',
      'DROP TABLE IF EXISTS users',
      'TRUNCATE TABLE users',
      'GRANT SELECT ON users TO app',
      'REVOKE ALL ON users FROM app',
      'SET app.tenant_id = 1',
      'SET LOCAL app.tenant_id TO 1',
      'SET search_path TO app',
      'SET ROLE admin',
      'CALL refresh_stats(1)',
      'PRAGMA table_info(users)',
      'COPY users FROM STDIN',
      '  \n  SELECT * FROM users',
      '(SELECT a FROM t) UNION (SELECT b FROM u)',
      '-- comment\nSELECT * FROM users',
      '/* name: get-user */ SELECT * FROM users',
      'EXPLAIN ANALYZE SELECT * FROM users',
    ];
    for (const statement of sql) {
      it(`recognises ${JSON.stringify(statement)}`, () => assert.equal(looksLikeSql(statement), true));
    }

    const notSql = [
      '',
      'Select an option',
      'Select a file from your computer',
      'Update from server failed',
      'update from server failed',
      'Delete from cache',
      'Insert into the box',
      'insert coin',
      'Create user',
      'create a new table',
      'Drop table',
      'set the value',
      'Set timeout to 5',
      'select',
      'selected from list',
      'SELECTION FROM x',
      '/users/1',
      'user:1',
      `${H} FROM users`,
      'WHERE id = 1',
      'name = 1',
      'The query SELECT * FROM users is slow',
      'query { user(id: 1) { name } }',
      'git log --format=%H',
      'with this as default',
      'call me maybe',
      'grant access to the user',
    ];
    for (const sentence of notSql) {
      it(`does not take ${JSON.stringify(sentence)} for SQL`, () => assert.equal(looksLikeSql(sentence), false));
    }
  });

  describe('holePositions', () => {
    it('finds values, quoted values and partial strings', () => {
      assert.deepEqual(
        holePositions([
          text('SELECT * FROM t WHERE a = '),
          value,
          text(" AND b = '"),
          value,
          text("' AND c LIKE '%"),
          value,
          text("%'"),
        ]),
        ['value', 'quoted', 'partial'],
      );
    });

    it('finds identifiers: after FROM/JOIN/INTO/BY, before an operator or a dot, in a select list', () => {
      assert.deepEqual(
        holePositions([
          text('SELECT a, '),
          value,
          text(' FROM '),
          value,
          text('.users JOIN '),
          value,
          text(' ON 1 = 1 WHERE '),
          value,
          text(' = 1 ORDER BY '),
          value,
          text(' '),
          value,
        ]),
        ['identifier', 'identifier', 'identifier', 'identifier', 'identifier', 'identifier'],
      );
    });

    it('finds placeholders completed by a value', () => {
      assert.deepEqual(
        holePositions([text('SELECT * FROM t WHERE a = $'), value, text(' AND b = :p'), value, text(' AND c = @p'), value]),
        ['placeholder', 'placeholder', 'placeholder'],
      );
    });

    it('takes a whole IN list as a list, and a cast as an identifier', () => {
      assert.deepEqual(
        holePositions([text('SELECT * FROM t WHERE id IN ('), value, text(') AND x = y::'), value]),
        ['list', 'identifier'],
      );
    });

    it('tracks quotes across parts, with doubled quotes and comments', () => {
      assert.deepEqual(
        holePositions([text("SELECT * FROM t WHERE a = 'it''s' -- don't\n AND b = "), value]),
        ['value'],
      );
      assert.deepEqual(holePositions([text('SELECT * FROM t /* '), value, text(' */')]), ['partial']);
    });

    it('takes a double-quoted hole as a value after a comparison and as an identifier elsewhere', () => {
      assert.deepEqual(
        holePositions([text('SELECT * FROM "'), value, text('" WHERE a = "'), value, text('"')]),
        ['identifier', 'quoted'],
      );
    });

    it('moves past known constants by their text', () => {
      assert.deepEqual(holePositions([text("SELECT * FROM t WHERE a = '"), { kind: 'hole', safe: true, value: "x'" }, value]), [
        'partial',
        'value',
      ]);
    });
  });

  describe('holesOf', () => {
    it('pairs each hole with its index among the parts and its position', () => {
      const parts = [text('SELECT * FROM '), value, text(' WHERE a = '), constant];
      assert.deepEqual(
        [...holesOf(parts, holePositions(parts))],
        [
          { hole: value, index: 1, position: 'identifier' },
          { hole: constant, index: 3, position: 'value' },
        ],
      );
    });
  });

  describe('analyzeSql', () => {
    it('reports the unsafe holes of a statement', () => {
      const analysis = analyzeSql([text('SELECT * FROM users WHERE id = '), value], true);
      assert.deepEqual(analysis, { positions: ['value'], unsafe: [1], identifiersOnly: false });
    });

    it('says when only identifiers are unsafe', () => {
      const analysis = analyzeSql([text('SELECT * FROM '), value, text(' WHERE id = $1')], true);
      assert.equal(analysis?.identifiersOnly, true);
    });

    it('ignores safe holes, placeholders and trusted names', () => {
      assert.equal(analyzeSql([text('SELECT * FROM t WHERE id = '), constant], true), undefined);
      assert.equal(analyzeSql([text('SELECT * FROM t WHERE id = $'), value], true), undefined);
      assert.equal(analyzeSql([text('SELECT * FROM '), { kind: 'hole', safe: false, trustedName: true }], true), undefined);
    });

    it('does not trust a trusted name where a value goes', () => {
      assert.notEqual(analyzeSql([text('SELECT * FROM t WHERE a = '), { kind: 'hole', safe: false, trustedName: true }], true), undefined);
    });

    it('asks a statement to look like SQL, and a fragment not', () => {
      assert.equal(analyzeSql([text("name = '"), value, text("'")], true), undefined);
      assert.deepEqual(analyzeSql([text("name = '"), value, text("'")], false)?.unsafe, [1]);
      assert.equal(analyzeSql([text('Select a file from '), value], true), undefined);
    });
  });

  describe('acceptsParameters', () => {
    it('accepts DML and fragments, not utility statements', () => {
      assert.equal(acceptsParameters(`SELECT * FROM t WHERE a = ${H}`), true);
      assert.equal(acceptsParameters(`WITH x AS (SELECT 1) DELETE FROM t WHERE a = ${H}`), true);
      assert.equal(acceptsParameters(`name = ${H}`), true);
      assert.equal(acceptsParameters(`SET app.tenant_id = ${H}`), false);
      assert.equal(acceptsParameters(`CREATE USER app WITH PASSWORD ${H}`), false);
    });
  });

  describe('fragmentValue', () => {
    it('gives the text of a fragment whose parts are all known', () => {
      assert.deepEqual(fragmentValue([text('users_'), { kind: 'hole', safe: true, value: '2024' }]), { safe: true, value: 'users_2024' });
    });

    it('gives no text when a safe part is unknown, and is unsafe with an unsafe hole', () => {
      assert.deepEqual(fragmentValue([text('$'), constant]), { safe: true });
      assert.equal(fragmentValue([text('a = '), value]), UNSAFE);
    });
  });

  describe('variableValue', () => {
    const known = [text('users')];
    const unsafe = [text('a = '), value];

    it('takes the text of a single known value', () => {
      assert.deepEqual(variableValue([known], false), { safe: true, value: 'users' });
    });

    it('is safe without text when every value is safe, unsafe otherwise', () => {
      assert.deepEqual(variableValue([known, [text('orders')]], false), { safe: true });
      assert.equal(variableValue([known, unsafe], false), UNSAFE);
      assert.equal(variableValue([known, undefined], false), UNSAFE);
      assert.equal(variableValue([], false), UNSAFE);
      assert.equal(variableValue(undefined, false), UNSAFE);
    });

    it('trusts a constant name whatever it holds, keeping a known text', () => {
      assert.deepEqual(variableValue([unsafe], true), { safe: true, value: undefined });
      assert.deepEqual(variableValue(undefined, true), { safe: true, value: undefined });
      assert.deepEqual(variableValue([known], true), { safe: true, value: 'users' });
    });
  });

  describe('firstUnsafeVersion', () => {
    const sql = [text('SELECT * FROM t WHERE a = '), value];
    const english = [text('Hello '), value];

    it('skips values without text, without an unsafe hole, or not SQL when a statement is required', () => {
      const found = firstUnsafeVersion([undefined, [text(' '), value], [text('SELECT 1')], english, sql], true);
      assert.equal(found?.parts, sql);
      assert.deepEqual(found?.analysis.unsafe, [1]);
    });

    it('takes any text with an unsafe hole as a fragment', () => {
      assert.equal(firstUnsafeVersion([english, sql], false)?.parts, english);
      assert.equal(firstUnsafeVersion([english], true), undefined);
    });
  });

  describe('foldWrites', () => {
    const assign = (parts: string[], dominating = true): StringWrite<string> => ({
      op: 'assign',
      dominating,
      readsSelf: false,
      parts: () => parts,
    });
    const append = (parts: string[]): StringWrite<string> => ({ op: 'append', dominating: false, readsSelf: false, parts: () => parts });

    it('keeps the last dominating assignment and appends', () => {
      assert.deepEqual(foldWrites([assign(['a']), assign(['b']), append(['c'])]), [['b', 'c']]);
    });

    it('keeps both branches of a conditional assignment', () => {
      assert.deepEqual(foldWrites([assign(['a'], false), assign(['b'], false)]), [['a'], ['b']]);
    });

    it('substitutes the previous value when the write reads the variable', () => {
      const selfAppend: StringWrite<string> = {
        op: 'assign',
        dominating: true,
        readsSelf: true,
        parts: (self) => [...(self ?? []), 'x'],
      };
      assert.deepEqual(foldWrites([assign(['a']), selfAppend]), [['a', 'x']]);
    });

    it('marks an unknown write', () => {
      assert.deepEqual(foldWrites([assign(['a']), { op: 'unknown', dominating: true, readsSelf: false, parts: () => undefined }]), [
        undefined,
      ]);
    });
  });
});
