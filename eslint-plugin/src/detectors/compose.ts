/**
 * Compose port mappings and the datastores behind them. Pure: strings in,
 * facts out; the rule reads the YAML and reports.
 */

export type Engine = 'PostgreSQL' | 'MySQL' | 'MariaDB' | 'Redis' | 'Valkey' | 'KeyDB' | 'Dragonfly' | 'MongoDB';

/** Image names (the last path segment, without tag or digest) of the guide's datastores and their forks. */
const IMAGE_ENGINES: Record<string, Engine> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  postgis: 'PostgreSQL',
  timescaledb: 'PostgreSQL',
  'timescaledb-ha': 'PostgreSQL',
  pgvector: 'PostgreSQL',
  citus: 'PostgreSQL',
  mysql: 'MySQL',
  'mysql-server': 'MySQL',
  percona: 'MySQL',
  'percona-server': 'MySQL',
  mariadb: 'MariaDB',
  redis: 'Redis',
  'redis-stack': 'Redis',
  'redis-stack-server': 'Redis',
  valkey: 'Valkey',
  keydb: 'KeyDB',
  dragonfly: 'Dragonfly',
  mongo: 'MongoDB',
  mongodb: 'MongoDB',
  'mongodb-community-server': 'MongoDB',
  'mongodb-enterprise-server': 'MongoDB',
  'percona-server-mongodb': 'MongoDB',
};

/** Well-known container ports, for services built locally or from images not listed above. */
const PORT_ENGINES = new Map<number, Engine>([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL'],
  [33060, 'MySQL'],
  [6379, 'Redis'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [27019, 'MongoDB'],
]);

/** Stands for a variable whose value is unknown. */
const UNKNOWN = '\u0000';
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^{}$]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Compose interpolation with an empty environment: `${VAR:-default}` and
 * `${VAR-default}` become their default, `$$` a dollar, any other variable
 * {@link UNKNOWN}. Nested defaults stay as written (and read as unknown).
 */
export function interpolate(value: string): string {
  if (!value.includes('$')) return value;
  return value.replace(VARIABLE, (whole, _braced: string | undefined, operator: string | undefined, operand: string | undefined) => {
    if (whole === '$$') return '$';
    if (operator === '-' || operator === ':-') return operand ?? '';
    return UNKNOWN;
  });
}

/** Whether an interpolated text holds a variable whose value is unknown. */
export function isUnknown(text: string): boolean {
  return text.includes(UNKNOWN) || text.includes('${');
}

/** The datastore an image runs, from its name (registry, namespace, tag and digest ignored). */
export function engineOfImage(image: string | undefined): Engine | undefined {
  if (!image) return undefined;
  const resolved = interpolate(image).trim().toLowerCase();
  if (isUnknown(resolved)) return undefined;
  const withoutDigest = resolved.split('@')[0]!;
  const name = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1).split(':')[0]!;
  return IMAGE_ENGINES[name];
}

export interface PortRange {
  from: number;
  to: number;
}

/** `5432` or `5432-5440`; undefined for anything else (an unknown variable included). */
export function parsePortRange(text: string | undefined): PortRange | undefined {
  const match = text === undefined ? null : /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to && to <= 65535 ? { from, to } : undefined;
}

/** The datastore a well-known port in the range belongs to. */
export function engineOfPorts(range: PortRange | undefined): Engine | undefined {
  if (!range) return undefined;
  for (const [port, engine] of PORT_ENGINES) if (port >= range.from && port <= range.to) return engine;
  return undefined;
}

export type BindScope = 'all' | 'loopback' | 'specific' | 'unknown';

/** Which host interfaces a `host_ip` / short-syntax IP binds; null or empty is Docker's default, all of them. */
export function bindScope(ip: string | null): BindScope {
  if (ip === null) return 'all';
  if (isUnknown(ip)) return 'unknown';
  const address = ip.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === '' || address === '0.0.0.0' || address === '::' || address === '0:0:0:0:0:0:0:0') return 'all';
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1' || address === 'localhost') return 'loopback';
  return 'specific';
}

export interface ShortPort {
  /** The host IP as resolved (brackets kept), null when the mapping has none. */
  ip: string | null;
  /** The host port (or range) as resolved; null for a container port alone (`"5432"`). */
  hostPort: string | null;
  /** The container port as resolved. */
  target: string;
  /** `tcp` unless written (`/udp`, `/sctp`). */
  protocol: string;
}

/**
 * The short syntax `[[IP:][HOST]:]CONTAINER[/PROTOCOL]`, read the way Compose
 * reads it after interpolation: `"5432"`, `"5432:5432"`, `"0.0.0.0:5432:5432"`,
 * `"[::1]:5432:5432"`, `"::1:5432:5432"`, `"127.0.0.1::5432"`.
 */
export function parseShortPort(value: string): ShortPort {
  let body = interpolate(value).trim();
  let protocol = 'tcp';
  const slash = body.lastIndexOf('/');
  if (slash >= 0) {
    protocol = body.slice(slash + 1).toLowerCase();
    body = body.slice(0, slash);
  }
  let ip: string | null = null;
  if (body.startsWith('[')) {
    const close = body.indexOf(']');
    if (close > 0) {
      ip = body.slice(0, close + 1);
      body = body.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = body.split(':');
  const target = parts[parts.length - 1]!;
  const hostPort = parts.length >= 2 ? parts[parts.length - 2]! : ip === null ? null : '';
  if (ip === null && parts.length >= 3) ip = parts.slice(0, -2).join(':');
  return { ip, hostPort, target, protocol };
}

export const LOOPBACK = '127.0.0.1';

/**
 * The short-syntax mapping bound to 127.0.0.1, edited in the text as written
 * (variables kept); undefined when the IP comes from a variable.
 */
export function bindShortPortToLoopback(value: string, parsed: ShortPort): string | undefined {
  const raw = value.trim();
  if (parsed.ip === null) return parsed.hostPort === null ? `${LOOPBACK}::${raw}` : `${LOOPBACK}:${raw}`;
  if (isUnknown(parsed.ip) || !raw.startsWith(`${parsed.ip}:`)) return undefined;
  return `${LOOPBACK}:${raw.slice(parsed.ip.length + 1)}`;
}
