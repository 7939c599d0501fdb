import type { ConfigBlock } from '../../detectors/nginx-config.js';
import { allBlocks, listensOf, own } from '../../detectors/nginx-config.js';
import type { NginxDirective } from '../../languages/nginx/nginx-node.js';

/**
 * What an http server does with a plain-HTTP request, for
 * nginx-require-https-redirect: redirected to HTTPS, answered without
 * content, or served.
 */

/** Regular expressions that match every URI, as written in `rewrite` and `location ~`. */
const CATCH_ALL = new Set([
  '^',
  '.*',
  '^.*',
  '^.*$',
  '(.*)',
  '^(.*)',
  '^(.*)$',
  '(.*)$',
  '^/',
  '/',
  '^/.*',
  '^/(.*)',
  '^/(.*)$',
  '^(/.*)',
  '^(/.*)$',
]);
/** `if` conditions that single out plain-HTTP requests (directly or behind a TLS-terminating proxy). */
const SCHEME_CONDITION =
  /\$(?:scheme|https|server_port|http_x_forwarded_proto|http_x_forwarded_ssl|http_x_forwarded_port|http_x_forwarded_scheme)\b/i;
/** Certificate validation over plain HTTP: ACME (Let's Encrypt) and CA file validation. */
const VALIDATION_PATH = /\/\.well-known\/(?:acme-challenge|pki-validation)\b/;
const HEALTH_PATH =
  /^\/(?:health|healthz|healthcheck|health-check|ping|status|ready|readyz|live|livez|nginx_status|nginx-status|stub_status)\/?$/i;
const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);

/** A `return` or `rewrite` that sends the client to an `https://` URL (or a URL in a variable other than `$scheme`). */
export function redirectsToHttps(directive: NginxDirective): boolean {
  const values = directive.args.map((argument) => argument.value);
  if (directive.name === 'return') {
    const url = values.length === 1 ? values[0] : REDIRECT_CODES.has(values[0] ?? '') ? values[1] : undefined;
    return url !== undefined && isHttpsTarget(url);
  }
  return directive.name === 'rewrite' && values[1] !== undefined && /^https:\/\//i.test(values[1]);
}

function isHttpsTarget(url: string): boolean {
  return /^https:\/\//i.test(url) || (url.startsWith('$') && !/^\$(?:scheme|\{scheme\})/.test(url));
}

function isCatchAllRewrite(directive: NginxDirective): boolean {
  return redirectsToHttps(directive) && directive.name === 'rewrite' && CATCH_ALL.has(directive.args[0]?.value ?? '');
}

export function isLocation(block: ConfigBlock, prefix: string): boolean {
  const args = block.directive?.args.map((argument) => argument.value) ?? [];
  return (args.length === 1 && args[0] === prefix) || (args.length === 2 && args[0] === '^~' && args[1] === prefix);
}

/** `location /` and regex locations matching every URI. */
export function isCatchAllLocation(block: ConfigBlock): boolean {
  const args = block.directive?.args.map((argument) => argument.value) ?? [];
  if (isLocation(block, '/')) return true;
  return args.length === 2 && (args[0] === '~' || args[0] === '~*') && CATCH_ALL.has(args[1]!);
}

export function isValidationLocation(block: ConfigBlock): boolean {
  const path = block.directive?.args[block.directive.args.length - 1]?.value ?? '';
  return VALIDATION_PATH.test(path.startsWith('/') ? path : `/${path}`) || path.includes('acme-challenge');
}

/** Whether a location hands out content over plain HTTP. */
export function servesContent(location: ConfigBlock): boolean {
  const args = location.directive?.args.map((argument) => argument.value) ?? [];
  if (args[0]?.startsWith('@')) return false; // named: reached only from locations checked themselves
  if (isValidationLocation(location)) return false;
  if (args[0] === '=' && HEALTH_PATH.test(args[1] ?? '')) return false;
  if (location.unresolved.length > 0) return false; // unknown: may redirect
  if (own(location, 'return').length > 0 || own(location, 'internal').length > 0) return false;
  if (own(location, 'stub_status').length > 0) return false;
  if (own(location, 'rewrite').some((entry) => isCatchAllRewrite(entry.directive))) return false;
  return !own(location, 'deny').some((entry) => entry.directive.args[0]?.value === 'all');
}

/** A server-level rule that answers every plain-HTTP request before any location is chosen. */
function answersAllPlainRequests(server: ConfigBlock): boolean {
  if (own(server, 'return').length > 0) return true;
  if (own(server, 'rewrite').some((entry) => isCatchAllRewrite(entry.directive))) return true;
  return server.blocks.some((block) => {
    if (block.context !== 'if') return false;
    const condition = block.directive!.args.map((argument) => argument.value).join(' ');
    return (
      SCHEME_CONDITION.test(condition) &&
      (own(block, 'return').length > 0 || own(block, 'rewrite').some((entry) => redirectsToHttps(entry.directive)))
    );
  });
}

export function locationsOf(server: ConfigBlock): ConfigBlock[] {
  return [...allBlocks(server)].filter((block) => block.context === 'location');
}

/** The server takes plain HTTP on port 80: a listen there without `ssl`, or no `listen` in a visible `http` block. */
export function listensOnPlain80(server: ConfigBlock): boolean {
  const listens = listensOf(server);
  if (listens.length === 0) {
    return own(server, 'listen').length === 0 && server.parent?.context === 'http' && server.parent.directive !== null;
  }
  return listens.some((listen) => listen.port === 80 && !listen.ssl && !listen.quic && !listen.loopback);
}

/** Whether plain-HTTP requests to this server can receive content (unknown counts as no). */
export function servesPlainContent(server: ConfigBlock): boolean {
  if (server.unresolved.length > 0 || answersAllPlainRequests(server)) return false;
  const topLevel = server.blocks.filter((block) => block.context === 'location');
  // A request no location matches is served from the server's root.
  if (!topLevel.some(isCatchAllLocation)) return true;
  return locationsOf(server).some(servesContent);
}
