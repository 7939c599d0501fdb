import path from 'node:path';
import type { NginxConfig, NginxDirective } from '../languages/nginx/nginx-node.js';

/**
 * nginx configuration semantics shared by the nginx rules: which context a
 * block is (`http`, `server`, `location`, …), `include`s expanded in place,
 * nginx's inheritance of array directives between levels, and what a `server`
 * listens on. No file access here: includes are read through an
 * {@link IncludeSource} the caller provides.
 */

export type Context =
  | 'main'
  | 'events'
  | 'http'
  | 'server'
  | 'location'
  | 'if'
  | 'limit_except'
  | 'upstream'
  | 'stream'
  | 'mail'
  /** `map`, `geo`, `types`, …: entries are data, not directives. */
  | 'data'
  | 'other';

/** The module a block belongs to: an http `server` is not a `stream` one. */
export type Module = 'http' | 'stream' | 'mail';

export interface ConfigEntry {
  directive: NginxDirective;
  /** The file the directive is written in. */
  file: string;
}

export interface ConfigBlock {
  /** The block directive, or null for the top level of the analysed file. */
  directive: NginxDirective | null;
  file: string;
  context: Context;
  module: Module | null;
  parent: ConfigBlock | null;
  /** The directives of this level in order, each `include` replaced by the directives of the files it names. */
  entries: ConfigEntry[];
  /** The blocks among `entries`, in order. */
  blocks: ConfigBlock[];
  /** `include`s at this level whose files could not be read: they may hold any directive. */
  unresolved: ConfigEntry[];
  /** Glob `include`s whose folder was not found: taken as matching nothing, as nginx does for an empty folder. */
  unmatchedGlobs: ConfigEntry[];
}

export interface ResolvedInclude {
  /** The files, in the order nginx reads them (sorted, as glob(3) returns them). */
  files: string[];
  /** False when nothing was found: for a plain path the include is unresolved; for a glob, its folder is missing. */
  found: boolean;
}

/** How the model reads the files an `include` names. */
export interface IncludeSource {
  resolve(pattern: string, fromFile: string): ResolvedInclude;
  /** The parsed file, or null when it cannot be read. */
  load(file: string): NginxConfig | null;
}

/** For text with no file behind it: nothing can be included. */
export const NO_FILES: IncludeSource = {
  resolve: () => ({ files: [], found: false }),
  load: () => null,
};

/** Blocks whose entries are data (map keys, MIME types), not directives. */
const DATA_BLOCKS = new Set(['map', 'geo', 'types', 'split_clients', 'charset_map', 'match']);
const MAIN_ONLY = new Set(['http', 'events', 'stream', 'mail', 'worker_processes', 'user', 'pid', 'load_module']);
const SERVER_ONLY = new Set(['listen', 'server_name', 'location']);
const MAX_INCLUDE_DEPTH = 16;
const MAX_FILES = 256;

/**
 * Files shipped with nginx, Debian/Ubuntu packages and certbot that set no
 * header, rate limit, listen socket, redirect or location: when a repository
 * does not hold a copy, an include of one of them counts as read and empty
 * instead of unresolved.
 */
const WELL_KNOWN_INCLUDE =
  /(?:^|\/)(?:mime\.types|fastcgi_params|fastcgi\.conf|proxy_params|uwsgi_params|scgi_params|koi-utf|koi-win|win-utf|snippets\/fastcgi-php\.conf|snippets\/snakeoil\.conf|letsencrypt\/options-ssl-nginx\.conf|modules-enabled\/\*\.conf)$/;

export function isWellKnownInclude(pattern: string): boolean {
  return WELL_KNOWN_INCLUDE.test(pattern);
}

/**
 * The context of a file's top level, from what it holds: `http {}` or
 * `events {}` make it a main `nginx.conf`; `server {}` blocks, a file
 * included in `http` (sites-available, conf.d) or `stream`; `listen` or
 * `location`, a snippet included in a `server`.
 */
export function inferContext(directives: readonly NginxDirective[]): 'main' | 'http' | 'stream' | 'server' | 'other' {
  if (directives.some((directive) => MAIN_ONLY.has(directive.name))) return 'main';
  const servers = directives.filter((directive) => directive.name === 'server' && directive.block);
  if (servers.length > 0) return servers.every(looksLikeStreamServer) ? 'stream' : 'http';
  if (directives.some((directive) => SERVER_ONLY.has(directive.name))) return 'server';
  return 'other';
}

/** A stream server proxies at the server level (http servers only proxy in locations) or listens on UDP. */
function looksLikeStreamServer(server: NginxDirective): boolean {
  return (server.block ?? []).some(
    (directive) =>
      directive.name === 'proxy_pass' ||
      (directive.name === 'listen' && directive.args.some((argument) => argument.value === 'udp')),
  );
}

function contextOf(name: string, parent: ConfigBlock): [Context, Module | null] {
  switch (name) {
    case 'http':
      return ['http', 'http'];
    case 'stream':
      return ['stream', 'stream'];
    case 'mail':
      return ['mail', 'mail'];
    case 'events':
      return ['events', null];
    case 'server': {
      const inModule = parent.context === 'http' || parent.context === 'stream' || parent.context === 'mail';
      return [inModule ? 'server' : 'other', parent.module];
    }
    case 'location':
    case 'if':
    case 'limit_except':
    case 'upstream':
      return [name, parent.module];
    default:
      return [DATA_BLOCKS.has(name) ? 'data' : 'other', parent.module];
  }
}

const MODULE_OF_TOP: Partial<Record<Context, Module>> = { http: 'http', stream: 'stream', mail: 'mail', server: 'http' };

/**
 * The analysed configuration: the file's directives with includes expanded,
 * as a tree of levels. `context` is the context of the file's top level
 * (inferred when not given).
 */
export function buildConfig(root: NginxConfig, file: string, source: IncludeSource, context?: Context): ConfigBlock {
  const topContext = context ?? inferContext(root.children);
  const top = newBlock(null, file, topContext, MODULE_OF_TOP[topContext] ?? null, null);
  let loaded = 0;

  function expand(block: ConfigBlock, directives: readonly NginxDirective[], from: string, stack: string[]): void {
    for (const directive of directives) {
      if (directive.name === 'include' && block.context !== 'data') {
        include(block, directive, from, stack);
        continue;
      }
      block.entries.push({ directive, file: from });
      if (!directive.block) continue;
      const [childContext, module] = contextOf(directive.name, block);
      const child = newBlock(directive, from, childContext, module, block);
      block.blocks.push(child);
      if (childContext !== 'data') expand(child, directive.block, from, stack);
    }
  }

  function include(block: ConfigBlock, directive: NginxDirective, from: string, stack: string[]): void {
    const entry = { directive, file: from };
    const pattern = directive.args.length === 1 ? directive.args[0]!.value : '';
    if (!pattern || pattern.includes('$')) {
      block.unresolved.push(entry);
      return;
    }
    const { files, found } = source.resolve(pattern, from);
    if (!found) {
      if (isWellKnownInclude(pattern)) return;
      (hasGlob(pattern) ? block.unmatchedGlobs : block.unresolved).push(entry);
      return;
    }
    for (const included of files) {
      if (stack.includes(included)) continue; // nginx would loop; the cycle adds nothing new
      const ast = stack.length < MAX_INCLUDE_DEPTH && loaded < MAX_FILES ? source.load(included) : null;
      if (!ast) {
        block.unresolved.push(entry);
        continue;
      }
      loaded++;
      expand(block, ast.children, included, [...stack, included]);
    }
  }

  expand(top, root.children, file, [file]);
  return top;
}

function newBlock(
  directive: NginxDirective | null,
  file: string,
  context: Context,
  module: Module | null,
  parent: ConfigBlock | null,
): ConfigBlock {
  return { directive, file, context, module, parent, entries: [], blocks: [], unresolved: [], unmatchedGlobs: [] };
}

/** Every block below (and including) this one, depth first, data blocks excluded. */
export function* allBlocks(block: ConfigBlock): Generator<ConfigBlock> {
  yield block;
  for (const child of block.blocks) if (child.context !== 'data') yield* allBlocks(child);
}

/** The entries of this level with one of these names. */
export function own(block: ConfigBlock, names: string | ReadonlySet<string>): ConfigEntry[] {
  const matches = typeof names === 'string' ? (name: string) => name === names : (name: string) => names.has(name);
  return block.entries.filter((entry) => matches(entry.directive.name));
}

export interface Inherited {
  /** The directives in effect, from the nearest level that defines any. */
  entries: ConfigEntry[];
  /** The level they come from, or null when no level defines one. */
  level: ConfigBlock | null;
  /** An unread include on the way may define more (or other) directives. */
  unknown: boolean;
}

/**
 * nginx's rule for array directives (`add_header`, `limit_req`,
 * `proxy_set_header`, …): they are inherited from the previous level if and
 * only if the current level defines none. `if` and `limit_except` blocks are
 * levels of their own, as nginx makes them nested locations. The walk stops
 * at `http` (or `stream`/`mail`); reaching the top of a file whose enclosing
 * context is not known makes the result unknown.
 */
export function inherited(block: ConfigBlock, names: string | ReadonlySet<string>): Inherited {
  for (let level: ConfigBlock | null = block; level; level = level.parent) {
    const entries = own(level, names);
    const unknown = level.unresolved.length > 0;
    if (entries.length > 0 || unknown) return { entries, level, unknown };
    if (isModuleTop(level)) return { entries: [], level: null, unknown: false };
    if (!level.parent) return { entries: [], level: null, unknown: true };
  }
  return { entries: [], level: null, unknown: true };
}

function isModuleTop(block: ConfigBlock): boolean {
  return block.context === 'http' || block.context === 'stream' || block.context === 'mail' || block.context === 'main';
}

/**
 * A simple (non-array) directive's value in effect at a level: the nearest
 * level defining it wins. Undefined when no level does; null when an unread
 * include on the way may define it.
 */
export function nearest(block: ConfigBlock, name: string): ConfigEntry | null | undefined {
  for (let level: ConfigBlock | null = block; level; level = level.parent) {
    const entries = own(level, name);
    if (entries.length > 0) return entries[entries.length - 1];
    if (level.unresolved.length > 0) return null;
    if (isModuleTop(level)) return undefined;
  }
  return undefined;
}

/** The enclosing block of a context (the `server` of a location), or null. */
export function enclosing(block: ConfigBlock, context: Context): ConfigBlock | null {
  for (let level = block.parent; level; level = level.parent) if (level.context === context) return level;
  return null;
}

// ---------------------------------------------------------------- servers

export interface Listen {
  /** The TCP port, or null for a UNIX socket. */
  port: number | null;
  /** Bound to a loopback address only (127.0.0.0/8, ::1, localhost). */
  loopback: boolean;
  ssl: boolean;
  quic: boolean;
  http2: boolean;
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1)$/i;

/** A `listen` directive: `80`, `[::]:443 ssl`, `127.0.0.1`, `unix:/run/app.sock`, `*:8443 quic`. */
export function parseListen(directive: NginxDirective): Listen | null {
  const [address, ...parameters] = directive.args.map((argument) => argument.value);
  if (address === undefined || address.includes('$')) return null;
  const flags = new Set(parameters.map((parameter) => parameter.toLowerCase()));
  const result = { ssl: flags.has('ssl'), quic: flags.has('quic'), http2: flags.has('http2') };
  if (address.startsWith('unix:')) return { port: null, loopback: true, ...result };
  let host = '';
  let port = '';
  const bracket = /^(\[[^\]]*\])(?::(\d+))?$/.exec(address);
  if (bracket) {
    host = bracket[1]!;
    port = bracket[2] ?? '80';
  } else if (/^\d+$/.test(address)) {
    port = address;
  } else {
    const colon = address.lastIndexOf(':');
    host = colon === -1 ? address : address.slice(0, colon);
    port = colon === -1 ? '80' : address.slice(colon + 1);
  }
  if (!/^\d+$/.test(port)) return null;
  return { port: Number(port), loopback: LOOPBACK.test(host), ...result };
}

export function listensOf(server: ConfigBlock): Listen[] {
  return own(server, 'listen')
    .map((entry) => parseListen(entry.directive))
    .filter((listen): listen is Listen => listen !== null);
}

export function isHttpServer(block: ConfigBlock): boolean {
  return block.context === 'server' && block.module === 'http' && block.directive !== null;
}

/**
 * An http server that serves TLS: a `listen` with `ssl` or `quic`, a listen
 * on port 443 (a TLS port by intent, even if `ssl` is forgotten), `ssl on;`
 * (before nginx 1.25.1), or an `http2` listen with its own certificate.
 */
export function isHttpsServer(server: ConfigBlock): boolean {
  if (!isHttpServer(server)) return false;
  const listens = listensOf(server);
  if (listens.some((listen) => listen.ssl || listen.quic || listen.port === 443)) return true;
  if (nearest(server, 'ssl')?.directive.args[0]?.value.toLowerCase() === 'on') return true;
  return listens.some((listen) => listen.http2) && own(server, 'ssl_certificate').length > 0;
}

/** The value of a location's match (`/api/`, `~ ^/login`), for messages. */
export function locationPath(block: ConfigBlock): string {
  return block.directive?.args.map((argument) => argument.value).join(' ') ?? '';
}

// ---------------------------------------------------------------- include paths

const GLOB = /[*?[]/;

export function hasGlob(pattern: string): boolean {
  return GLOB.test(pattern);
}

/** A glob(3) pattern for one path segment as a RegExp: `*`, `?`, `[...]`; leading dots are not matched by wildcards. */
export function globToRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        const body = segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(segment.startsWith('.') ? `^${source}$` : `^(?!\\.)${source}$`);
}

export interface IncludeCandidate {
  /** The folder to look in. */
  dir: string;
  /** A file name, or a glob to match against the folder's entries. */
  name: string;
}

/**
 * Where to look for the file(s) an `include` names, most likely first. nginx
 * reads relative paths from its prefix (`/etc/nginx/`) and absolute ones as
 * they are, neither of which exists in a checked-out repository; so for
 * `include /etc/nginx/snippets/headers.conf;` the path is tried with fewer
 * and fewer leading segments (`etc/nginx/snippets/headers.conf`, …,
 * `snippets/headers.conf`, `headers.conf`), each in the including file's
 * folder and then in every parent folder up to `root`. Only the last segment
 * may be a glob, and a glob is never reduced to its last segment; a glob in a
 * folder segment yields no candidates.
 */
export function includeCandidates(pattern: string, fromDir: string, root: string): IncludeCandidate[] {
  const segments = pattern.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.slice(0, -1).some(hasGlob)) return [];
  if (!isInside(fromDir, root)) root = fromDir;
  const dirs: string[] = [];
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (dir === root || path.dirname(dir) === dir || !isInside(dir, root)) break;
  }
  const candidates = new Map<string, IncludeCandidate>();
  // A glob keeps its folder: `conf.d/*.conf` must not match every `*.conf` up the tree.
  const shortest = segments.length > 1 && hasGlob(segments[segments.length - 1]!) ? 2 : 1;
  for (let start = 0; start <= segments.length - shortest; start++) {
    const suffix = segments.slice(start);
    for (const dir of dirs) {
      const full = path.join(dir, ...suffix);
      if (isInside(full, root) && !candidates.has(full)) {
        candidates.set(full, { dir: path.dirname(full), name: path.basename(full) });
      }
    }
  }
  return [...candidates.values()];
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
