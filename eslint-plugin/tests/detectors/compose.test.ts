import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  bindScope,
  bindShortPortToLoopback,
  engineOfImage,
  engineOfPorts,
  interpolate,
  isUnknown,
  parsePortRange,
  parseShortPort,
} from '../../src/detectors/compose.js';

describe('detectors/compose', () => {
  it('names the datastore of an image, whatever its registry, tag or digest', () => {
    assert.equal(engineOfImage('postgres'), 'PostgreSQL');
    assert.equal(engineOfImage('postgres:16-alpine'), 'PostgreSQL');
    assert.equal(engineOfImage('docker.io/library/postgres:16@sha256:abc'), 'PostgreSQL');
    assert.equal(engineOfImage('postgis/postgis:16-3.4'), 'PostgreSQL');
    assert.equal(engineOfImage('bitnami/postgresql'), 'PostgreSQL');
    assert.equal(engineOfImage('timescale/timescaledb-ha:pg16'), 'PostgreSQL');
    assert.equal(engineOfImage('registry.example.com:5000/mirror/mysql:8.4'), 'MySQL');
    assert.equal(engineOfImage('percona/percona-server:8.0'), 'MySQL');
    assert.equal(engineOfImage('MariaDB:11'), 'MariaDB');
    assert.equal(engineOfImage('redis:7'), 'Redis');
    assert.equal(engineOfImage('valkey/valkey:8'), 'Valkey');
    assert.equal(engineOfImage('eqalpha/keydb'), 'KeyDB');
    assert.equal(engineOfImage('docker.dragonflydb.io/dragonflydb/dragonfly'), 'Dragonfly');
    assert.equal(engineOfImage('mongo:7'), 'MongoDB');
    assert.equal(engineOfImage('mongodb/mongodb-community-server:7.0-ubi8'), 'MongoDB');
    assert.equal(engineOfImage('${DB_IMAGE:-postgres:16}'), 'PostgreSQL');
  });

  it('does not take tools named after a datastore for the datastore', () => {
    assert.equal(engineOfImage('prometheuscommunity/postgres-exporter'), undefined);
    assert.equal(engineOfImage('rediscommander/redis-commander'), undefined);
    assert.equal(engineOfImage('mongo-express'), undefined);
    assert.equal(engineOfImage('oliver006/redis_exporter:v1.62.0'), undefined);
    assert.equal(engineOfImage('${DB_IMAGE}'), undefined);
    assert.equal(engineOfImage(undefined), undefined);
  });

  it('names the datastore of a well-known port', () => {
    assert.equal(engineOfPorts(parsePortRange('5432')), 'PostgreSQL');
    assert.equal(engineOfPorts(parsePortRange('3300-3310')), 'MySQL');
    assert.equal(engineOfPorts(parsePortRange(' 6379 ')), 'Redis');
    assert.equal(engineOfPorts(parsePortRange('27017')), 'MongoDB');
    assert.equal(engineOfPorts(parsePortRange('8080')), undefined);
    assert.equal(parsePortRange('70000'), undefined);
    assert.equal(parsePortRange('5433-5432'), undefined);
    assert.equal(parsePortRange('\u0000'), undefined);
  });

  it('interpolates with an empty environment', () => {
    assert.equal(interpolate('${BIND:-127.0.0.1}:5432:5432'), '127.0.0.1:5432:5432');
    assert.equal(interpolate('${BIND-0.0.0.0}'), '0.0.0.0');
    assert.equal(interpolate('$$HOME'), '$HOME');
    assert.equal(isUnknown(interpolate('${BIND}')), true);
    assert.equal(isUnknown(interpolate('$BIND')), true);
    assert.equal(isUnknown(interpolate('${BIND:?required}')), true);
    assert.equal(isUnknown(interpolate('${BIND:+x}')), true);
    assert.equal(isUnknown(interpolate('${OUTER:-${INNER:-1}}')), true);
    assert.equal(isUnknown(interpolate('5432')), false);
  });

  it('reads the short port syntax as Compose does', () => {
    assert.deepEqual(parseShortPort('5432'), { ip: null, hostPort: null, target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('15432:5432'), { ip: null, hostPort: '15432', target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('0.0.0.0:5432:5432/TCP'), { ip: '0.0.0.0', hostPort: '5432', target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('127.0.0.1::5432'), { ip: '127.0.0.1', hostPort: '', target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('[::1]:5432:5432'), { ip: '[::1]', hostPort: '5432', target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('[::]::5432'), { ip: '[::]', hostPort: '', target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('::1:5432:5432'), { ip: '::1', hostPort: '5432', target: '5432', protocol: 'tcp' });
    assert.deepEqual(parseShortPort('6379:6379/udp'), { ip: null, hostPort: '6379', target: '6379', protocol: 'udp' });
    assert.deepEqual(parseShortPort('${PORT:-5432}:5432'), { ip: null, hostPort: '5432', target: '5432', protocol: 'tcp' });
  });

  it('tells which interfaces a host IP binds', () => {
    assert.equal(bindScope(null), 'all');
    assert.equal(bindScope(''), 'all');
    assert.equal(bindScope('0.0.0.0'), 'all');
    assert.equal(bindScope('[::]'), 'all');
    assert.equal(bindScope('::'), 'all');
    assert.equal(bindScope('127.0.0.1'), 'loopback');
    assert.equal(bindScope('127.0.1.1'), 'loopback');
    assert.equal(bindScope('[::1]'), 'loopback');
    assert.equal(bindScope('10.0.0.5'), 'specific');
    assert.equal(bindScope(interpolate('${BIND}')), 'unknown');
  });

  it('binds a short mapping to loopback in the text as written', () => {
    const bind = (value: string) => bindShortPortToLoopback(value, parseShortPort(value));
    assert.equal(bind('5432'), '127.0.0.1::5432');
    assert.equal(bind('5432:5432'), '127.0.0.1:5432:5432');
    assert.equal(bind('0.0.0.0:5432:5432'), '127.0.0.1:5432:5432');
    assert.equal(bind('[::]:5432:5432/tcp'), '127.0.0.1:5432:5432/tcp');
    assert.equal(bind(':5432:5432'), '127.0.0.1:5432:5432');
    assert.equal(bind('${PORT:-5432}:5432'), '127.0.0.1:${PORT:-5432}:5432');
    assert.equal(bind('${BIND:-0.0.0.0}:5432:5432'), undefined);
  });
});
