import rule from '../../src/rules/no-exposed-datastore-ports.js';
import { languageTester } from '../rule-testers.js';

languageTester('yaml').run('no-exposed-datastore-ports', rule as never, {
  valid: [
    // Published on loopback only, in every syntax.
    `services:
  db:
    image: postgres:16
    ports:
      - "127.0.0.1:5432:5432"
      - 127.0.0.1:5433:5432
      - "127.0.0.1::5432"
      - "[::1]:5434:5432"
      - "::1:5435:5432"
      - target: 5432
        published: 5436
        host_ip: 127.0.0.1
      - { target: 5432, published: "5437", host_ip: "::1" }
`,
    // Internal only: expose, or no ports at all.
    `services:
  cache:
    image: redis:7-alpine
    expose:
      - "6379"
  db:
    image: mysql:8.4
    environment:
      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db_root
`,
    // Host IPs from the environment: a loopback default is fine, an unknown one is not ours to judge.
    `services:
  db:
    image: postgres:16
    ports:
      - "\${DB_BIND:-127.0.0.1}:5432:5432"
      - "\${DB_BIND}:5433:5432"
      - target: 5432
        host_ip: \${DB_BIND_IP}
`,
    // A mapping that is a variable as a whole.
    `services:
  db:
    image: postgres:16
    ports:
      - "\${DB_PORTS}"
`,
    // A specific interface (a private network) is a deliberate choice.
    `services:
  db:
    image: mongo:7
    ports:
      - "10.0.1.5:27017:27017"
`,
    // Not datastores, even next to one, and datastore tools that are not the datastore.
    `services:
  web:
    image: nginx:1.27
    ports:
      - "80:80"
      - "443:443"
  api:
    build: .
    ports: ["8000:8000"]
  adminer:
    image: adminer
    ports: ["8080:8080"]
  exporter:
    image: prometheuscommunity/postgres-exporter
    ports: ["9187:9187"]
  commander:
    image: rediscommander/redis-commander
    ports: ["8081:8081"]
  db:
    image: postgres:16
`,
    // UDP is not how clients reach these datastores.
    `services:
  db:
    image: redis:7
    ports:
      - "6379:6379/udp"
`,
    // Host networking for a service that is not a datastore.
    `services:
  proxy:
    image: traefik:v3
    network_mode: host
`,
    // Not a Compose file: a GitLab CI job's services list, a Kubernetes object.
    `test:
  image: node:20
  services:
    - postgres:16
    - redis:7
`,
    `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: NodePort
  ports:
    - port: 5432
      targetPort: 5432
---
services:
  db:
    image: postgres:16
    ports: ["127.0.0.1:5432:5432"]
`,
    // A document still being typed is skipped.
    `services:
  db:
    image: postgres:16
    ports:
      - "5432:5432
`,
    '',
    '# only a comment\n',
  ],
  invalid: [
    {
      // The usual development setup: quoted, the fix keeps double quotes.
      code: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg
    ports:
      - "5432:5432"
`,
      output: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg
    ports:
      - "127.0.0.1:5432:5432"
`,
      errors: [
        {
          messageId: 'exposedPort',
          data: { service: 'db', engine: 'PostgreSQL', port: '5432' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 20,
        },
      ],
    },
    {
      // Unquoted, numbers, single quotes, wildcard IPs, a container port alone, a protocol, a range.
      code: `services:
  cache:
    image: docker.io/library/redis:7.2@sha256:0123abcd
    ports:
      - 6379:6379
      - 6379
      - '0.0.0.0:6380:6379'
      - "[::]:6381:6379"
      - ":6382:6379/tcp"
      - "6390-6391:6379-6380"
`,
      output: `services:
  cache:
    image: docker.io/library/redis:7.2@sha256:0123abcd
    ports:
      - "127.0.0.1:6379:6379"
      - "127.0.0.1::6379"
      - '127.0.0.1:6380:6379'
      - "127.0.0.1:6381:6379"
      - "127.0.0.1:6382:6379/tcp"
      - "127.0.0.1:6390-6391:6379-6380"
`,
      errors: [
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Redis', port: '6379' }, line: 5, column: 9, endLine: 5, endColumn: 18 },
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Redis', port: '6379' }, line: 6, column: 9, endLine: 6, endColumn: 13 },
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Redis', port: '6379' }, line: 7, column: 9, endLine: 7, endColumn: 28 },
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Redis', port: '6379' }, line: 8, column: 9, endLine: 8, endColumn: 25 },
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Redis', port: '6379' }, line: 9, column: 9, endLine: 9, endColumn: 25 },
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Redis', port: '6379-6380' }, line: 10, column: 9, endLine: 10, endColumn: 30 },
      ],
    },
    {
      // Long syntax: no host_ip is every interface (the report sits on published), 0.0.0.0 is replaced.
      code: `services:
  mongo:
    image: mongo:7
    ports:
      - target: 27017
        published: 27017
        protocol: tcp
      - target: 27017
        published: "27018"
        host_ip: "0.0.0.0"
      - { target: 27017, published: 27019 }
`,
      output: `services:
  mongo:
    image: mongo:7
    ports:
      - target: 27017
        published: 27017
        protocol: tcp
        host_ip: 127.0.0.1
      - target: 27017
        published: "27018"
        host_ip: "127.0.0.1"
      - { target: 27017, published: 27019, host_ip: 127.0.0.1 }
`,
      errors: [
        { messageId: 'exposedPort', data: { service: 'mongo', engine: 'MongoDB', port: '27017' }, line: 6, column: 9, endLine: 6, endColumn: 25 },
        { messageId: 'exposedPort', data: { service: 'mongo', engine: 'MongoDB', port: '27017' }, line: 10, column: 18, endLine: 10, endColumn: 27 },
        { messageId: 'exposedPort', data: { service: 'mongo', engine: 'MongoDB', port: '27017' }, line: 11, column: 26, endLine: 11, endColumn: 42 },
      ],
    },
    {
      // Images the rule does not know are judged by their container port; a variable host port is kept.
      code: `services:
  db:
    build: ./docker/mysql
    ports:
      - "\${MYSQL_PORT:-3306}:3306"
  pgbouncer:
    image: edoburu/pgbouncer
    ports: ["6432:5432"]
`,
      output: `services:
  db:
    build: ./docker/mysql
    ports:
      - "127.0.0.1:\${MYSQL_PORT:-3306}:3306"
  pgbouncer:
    image: edoburu/pgbouncer
    ports: ["127.0.0.1:6432:5432"]
`,
      errors: [
        { messageId: 'exposedPort', data: { service: 'db', engine: 'MySQL', port: '3306' }, line: 5, column: 9, endLine: 5, endColumn: 35 },
        { messageId: 'exposedPort', data: { service: 'pgbouncer', engine: 'PostgreSQL', port: '5432' }, line: 8, column: 13, endLine: 8, endColumn: 24 },
      ],
    },
    {
      // A datastore image publishes its other ports too (RedisInsight); an image from a variable's default.
      code: `services:
  redis:
    image: redis/redis-stack:latest
    ports:
      - "8001:8001"
  db:
    image: \${DB_IMAGE:-timescale/timescaledb:latest-pg16}
    ports:
      - "15432:5432"
`,
      output: `services:
  redis:
    image: redis/redis-stack:latest
    ports:
      - "127.0.0.1:8001:8001"
  db:
    image: \${DB_IMAGE:-timescale/timescaledb:latest-pg16}
    ports:
      - "127.0.0.1:15432:5432"
`,
      errors: [
        { messageId: 'exposedPort', data: { service: 'redis', engine: 'Redis', port: '8001' }, line: 5, column: 9, endLine: 5, endColumn: 20 },
        { messageId: 'exposedPort', data: { service: 'db', engine: 'PostgreSQL', port: '5432' }, line: 9, column: 9, endLine: 9, endColumn: 21 },
      ],
    },
    {
      // A wildcard default from the environment is reported but not rewritten.
      code: `services:
  db:
    image: mariadb:11
    ports:
      - "\${DB_BIND:-0.0.0.0}:3306:3306"
`,
      output: null,
      errors: [
        { messageId: 'exposedPort', data: { service: 'db', engine: 'MariaDB', port: '3306' }, line: 5, column: 9, endLine: 5, endColumn: 40 },
      ],
    },
    {
      // Ports shared through an alias or a merge are reported where the service uses them, with no fix.
      code: `x-db: &db
  image: percona/percona-server:8.0
  ports:
    - "3306:3306"
x-cache-ports: &cache-ports
  - "6379:6379"
services:
  primary:
    <<: *db
  cache:
    image: valkey/valkey:8
    ports: *cache-ports
`,
      output: null,
      errors: [
        { messageId: 'exposedPort', data: { service: 'primary', engine: 'MySQL', port: '3306' }, line: 8, column: 3, endLine: 8, endColumn: 10 },
        { messageId: 'exposedPort', data: { service: 'cache', engine: 'Valkey', port: '6379' }, line: 12, column: 12, endLine: 12, endColumn: 24 },
      ],
    },
    {
      // Host networking puts the datastore on every interface; its ports list is then ignored by Compose.
      code: `services:
  db:
    image: postgres:16
    network_mode: host
  cache:
    build: ./cache
    network_mode: "host"
    ports:
      - "6379:6379"
`,
      output: null,
      errors: [
        { messageId: 'hostNetwork', data: { service: 'db', engine: 'PostgreSQL' }, line: 4, column: 19, endLine: 4, endColumn: 23 },
        { messageId: 'hostNetwork', data: { service: 'cache', engine: 'Redis' }, line: 7, column: 19, endLine: 7, endColumn: 25 },
      ],
    },
  ],
});
