import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  databaseEngine,
  disablesNodeTlsVerification,
  findDatabaseTlsIssues,
  findNodeTlsAssignments,
  findRedisUrlIssues,
  hostKind,
  isLocalUrl,
  pgSslModeState,
  requireTlsParameter,
  tlsParameter,
  worstHost,
} from '../../src/detectors/transport-security.js';

const HOSTS = { allowPrivateHosts: true };
const DATABASE = { allowPrivateHosts: true, tlsEnforcedHosts: [] };

/** The findings of a text, reduced to what the rules report. */
function database(text: string, scan = {}): { kind: string; host: string; reported: string; setting: string; edit: string | null }[] {
  return findDatabaseTlsIssues(text, DATABASE, scan).map((finding) => ({
    kind: finding.kind,
    host: finding.host,
    reported: text.slice(finding.range[0], finding.range[1]),
    setting: finding.setting,
    edit: finding.edit && `${text.slice(0, finding.edit.range[0])}${finding.edit.text}${text.slice(finding.edit.range[1])}`,
  }));
}

describe('detectors/transport-security', () => {
  describe('hostKind', () => {
    it('tells local, private, unknown and remote hosts apart', () => {
      assert.equal(hostKind('localhost', HOSTS), 'local');
      assert.equal(hostKind('127.0.0.1', HOSTS), 'local');
      assert.equal(hostKind('::1', HOSTS), 'local');
      assert.equal(hostKind('', HOSTS), 'local');
      assert.equal(hostKind('/var/run/postgresql', HOSTS), 'local');
      assert.equal(hostKind('db', HOSTS), 'private');
      assert.equal(hostKind('redis.default.svc.cluster.local', HOSTS), 'private');
      assert.equal(hostKind('db', { allowPrivateHosts: false }), 'remote');
      assert.equal(hostKind('${DB_HOST}', HOSTS), 'unknown');
      assert.equal(hostKind('{host}', HOSTS), 'unknown');
      assert.equal(hostKind('<your-host>', HOSTS), 'unknown');
      assert.equal(hostKind('%s', HOSTS), 'unknown');
      assert.equal(hostKind('db.example.com', HOSTS), 'remote');
      assert.equal(hostKind('10.0.4.12', HOSTS), 'remote');
      assert.equal(hostKind('2001:db8::5', HOSTS), 'remote');
    });

    it('takes the most exposed of several hosts', () => {
      assert.deepEqual(worstHost(['localhost', 'db.example.com', '${X}'], HOSTS), { kind: 'remote', host: 'db.example.com' });
      assert.deepEqual(worstHost([], HOSTS), { kind: 'local', host: '' });
    });

    it('knows a local URL', () => {
      assert.equal(isLocalUrl('https://localhost:8443/health'), true);
      assert.equal(isLocalUrl('f"https://localhost:{port}/health"'), true);
      assert.equal(isLocalUrl('"https://api.example.com/v1"'), false);
      assert.equal(isLocalUrl('no url here'), false);
    });
  });

  describe('database connection strings', () => {
    it('reads the engine from the scheme, SQLAlchemy driver suffixes included', () => {
      assert.equal(databaseEngine('postgresql+psycopg2'), 'PostgreSQL');
      assert.equal(databaseEngine('postgres'), 'PostgreSQL');
      assert.equal(databaseEngine('mysql+pymysql'), 'MySQL');
      assert.equal(databaseEngine('mariadb'), 'MySQL');
      assert.equal(databaseEngine('mongodb+srv'), undefined);
      assert.equal(requireTlsParameter('PostgreSQL', 'postgresql+asyncpg'), 'ssl=require');
      assert.equal(requireTlsParameter('PostgreSQL', 'postgresql'), 'sslmode=require');
      assert.equal(requireTlsParameter('MySQL', 'mysql'), undefined);
    });

    it('reads TLS parameters the way each driver does', () => {
      assert.deepEqual(tlsParameter('PostgreSQL', 'sslmode', 'require'), { state: 'on' });
      assert.deepEqual(tlsParameter('PostgreSQL', 'sslmode', 'prefer'), { state: 'off', replacement: 'require' });
      assert.deepEqual(tlsParameter('PostgreSQL', 'ssl', 'false'), { state: 'off', replacement: 'true' });
      assert.deepEqual(tlsParameter('PostgreSQL', 'ssl', 'disable'), { state: 'off', replacement: 'require' });
      assert.deepEqual(tlsParameter('PostgreSQL', 'sslmode', '${MODE}'), { state: 'unknown' });
      assert.equal(tlsParameter('PostgreSQL', 'application_name', 'api'), undefined);
      assert.deepEqual(tlsParameter('MySQL', 'ssl-mode', 'disabled'), { state: 'off', replacement: 'required' });
      assert.deepEqual(tlsParameter('MySQL', 'sslMode', 'VERIFY_IDENTITY'), { state: 'on' });
      assert.deepEqual(tlsParameter('MySQL', 'useSSL', '0'), { state: 'off', replacement: '1' });
      assert.deepEqual(tlsParameter('MySQL', 'ssl', 'Amazon RDS'), { state: 'on' });
      assert.deepEqual(tlsParameter('MySQL', 'tls', 'preferred'), { state: 'off', replacement: 'true' });
      assert.deepEqual(tlsParameter('MySQL', 'ssl_ca', '/etc/ssl/ca.pem'), { state: 'on' });
      assert.deepEqual(pgSslModeState('verify-ca'), { state: 'on' });
    });

    it('reports a URL that does not require TLS, with the parameter to add', () => {
      assert.deepEqual(database('postgresql://user:pass@db.example.com:5432/app'), [
        {
          kind: 'missing',
          host: 'db.example.com',
          reported: 'postgresql://user:pass@db.example.com:5432/app',
          setting: '',
          edit: 'postgresql://user:pass@db.example.com:5432/app?sslmode=require',
        },
      ]);
      assert.equal(database('x postgres://u:p@db.example.com/app?a=1 y')[0]!.edit, 'x postgres://u:p@db.example.com/app?a=1&sslmode=require y');
      assert.equal(database('postgres://u:p@db.example.com/app?')[0]!.edit, 'postgres://u:p@db.example.com/app?sslmode=require');
      assert.equal(database('mysql://u:p@db.example.com/app')[0]!.edit, null);
    });

    it('reports a setting that turns TLS off, on the setting', () => {
      assert.deepEqual(database('postgresql://u:p@db.example.com/app?sslmode=disable&x=1'), [
        {
          kind: 'disabled',
          host: 'db.example.com',
          reported: 'sslmode=disable',
          setting: 'sslmode=disable',
          edit: 'postgresql://u:p@db.example.com/app?sslmode=require&x=1',
        },
      ]);
      assert.equal(database('jdbc:mysql://db.example.com/app?useSSL=false')[0]!.reported, 'useSSL=false');
    });

    it('reads libpq key/value connection strings', () => {
      assert.deepEqual(database("host=db.example.com dbname=app user='api user'"), [
        {
          kind: 'missing',
          host: 'db.example.com',
          reported: "host=db.example.com dbname=app user='api user'",
          setting: '',
          edit: "host=db.example.com dbname=app user='api user' sslmode=require",
        },
      ]);
      assert.deepEqual(database('host=db.example.com dbname=app sslmode=require'), []);
      assert.deepEqual(database('host=db.example.com'), []);
      assert.deepEqual(database('host=api.example.com port=443 user=deploy'), []);
      assert.deepEqual(database('?host=db.example.com&dbname=app'), []);
    });

    it('leaves alone what it cannot know or what is not exposed', () => {
      assert.deepEqual(database('postgres://u:p@localhost/app'), []);
      assert.deepEqual(database('postgres://u:p@db/app'), []);
      assert.deepEqual(database('postgres://u:p@${DB_HOST}/app'), []);
      assert.deepEqual(database('postgres://u:p@db.example.com/app?sslmode={mode}'), []);
      assert.deepEqual(database('postgres://u:p@db.example.com/app${options}'), []);
      assert.deepEqual(database('postgres://u:p@db.example.com/app', { openEnd: true }), []);
      assert.deepEqual(database('postgres://u:p@db.example.com/app', { tlsConfigured: true }), []);
      assert.deepEqual(database('mysql://u:p@db.example.com/app', { tlsConfigured: true }).length, 1);
      assert.deepEqual(database('postgres://u:p@aws-0-eu-west-1.pooler.supabase.com:6543/postgres'), []);
      assert.equal(database('postgres://u:p@db.abc.supabase.co/postgres?sslmode=disable')[0]!.kind, 'disabled');
      assert.deepEqual(database('mongodb://u:p@db.example.com/app'), []);
    });

    it('still reports a database path placeholder, which cannot carry a query', () => {
      assert.equal(database('postgres://u:p@db.example.com:5432/${PGDATABASE}')[0]!.kind, 'missing');
      assert.equal(database('postgres://u:p@db.example.com:${PGPORT}/app')[0]!.kind, 'missing');
      assert.deepEqual(database('postgres://u:p@db.example.com:5432${rest}'), []);
    });
  });

  describe('Redis URLs', () => {
    const redis = (text: string, scan = {}) => findRedisUrlIssues(text, HOSTS, scan).map(({ plaintext, noPassword, host }) => ({ plaintext, noPassword, host }));

    it('reports plaintext and missing passwords to remote hosts', () => {
      assert.deepEqual(redis('redis://cache.example.com:6379'), [{ plaintext: true, noPassword: true, host: 'cache.example.com' }]);
      assert.deepEqual(redis('redis://:secret@cache.example.com:6379'), [{ plaintext: true, noPassword: false, host: 'cache.example.com' }]);
      assert.deepEqual(redis('rediss://cache.example.com:6380'), [{ plaintext: false, noPassword: true, host: 'cache.example.com' }]);
      assert.deepEqual(redis('rediss://default:@cache.example.com:6380'), [{ plaintext: false, noPassword: true, host: 'cache.example.com' }]);
    });

    it('accepts TLS with a password, in the user info or the query', () => {
      assert.deepEqual(redis('rediss://default:secret@cache.example.com:6380'), []);
      assert.deepEqual(redis('rediss://cache.example.com:6380?password=${REDIS_PASSWORD}'), []);
      assert.deepEqual(redis('rediss://${REDIS_CREDENTIALS}@cache.example.com:6380'), []);
      // A lone user info is a user name to redis-py, ioredis and node-redis.
      assert.deepEqual(redis('rediss://app@cache.example.com:6380'), [{ plaintext: false, noPassword: true, host: 'cache.example.com' }]);
    });

    it('leaves local, private and unknown hosts alone', () => {
      assert.deepEqual(redis('redis://localhost:6379'), []);
      assert.deepEqual(redis('redis://redis:6379/0'), []);
      assert.deepEqual(redis('redis://:${PASSWORD}@${REDIS_HOST}:6379'), []);
      assert.deepEqual(redis('https://cache.example.com'), []);
    });

    it('does not claim a missing password when the URL goes on', () => {
      assert.deepEqual(redis('rediss://cache.example.com:6380', { openEnd: true }), []);
    });
  });

  describe('NODE_TLS_REJECT_UNAUTHORIZED', () => {
    it('turns verification off for exactly "0"', () => {
      assert.equal(disablesNodeTlsVerification('0'), true);
      assert.equal(disablesNodeTlsVerification(0), true);
      assert.equal(disablesNodeTlsVerification('1'), false);
      assert.equal(disablesNodeTlsVerification('false'), false);
      assert.equal(disablesNodeTlsVerification(' 0'), false);
    });

    it('finds the assignment in a command line', () => {
      assert.deepEqual(findNodeTlsAssignments('NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci'), [[0, 30]]);
      assert.deepEqual(findNodeTlsAssignments('env NODE_TLS_REJECT_UNAUTHORIZED="0" node x'), [[4, 36]]);
      assert.deepEqual(findNodeTlsAssignments('NODE_TLS_REJECT_UNAUTHORIZED=01'), []);
      assert.deepEqual(findNodeTlsAssignments('NODE_TLS_REJECT_UNAUTHORIZED=1'), []);
    });
  });
});
