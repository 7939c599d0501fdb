import type { ConfigBlock, ConfigEntry } from '../../detectors/nginx-config.js';
import { inherited, nearest, own } from '../../detectors/nginx-config.js';

/**
 * The headers the guides require on HTTPS responses, with the values they
 * give (AutonomOS › Network Security › TLS/SSL Configuration; the stricter
 * CSP of AutonomOS › Input Validation › XSS Prevention).
 */
export const GUIDE_HEADERS = {
  'Strict-Transport-Security': '"max-age=31536000; includeSubDomains"',
  'X-Frame-Options': '"SAMEORIGIN"',
  'X-Content-Type-Options': '"nosniff"',
  'Content-Security-Policy': `"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"`,
  'Referrer-Policy': '"strict-origin-when-cross-origin"',
} as const;

export type SecurityHeader = keyof typeof GUIDE_HEADERS;
export const SECURITY_HEADERS = Object.keys(GUIDE_HEADERS) as SecurityHeader[];

export interface HeaderSetting {
  /** Sent on every status (`always`, or `more_set_headers`), not only 2xx/3xx. */
  always: boolean;
  entries: ConfigEntry[];
}

export interface EffectiveHeaders {
  /** By lower-case header name. */
  headers: Map<string, HeaderSetting>;
  /** The `add_header` directives in effect, in the order nginx applies them. */
  addHeaders: ConfigEntry[];
  /** An unread include may add headers, or drop the inherited ones. */
  unknown: boolean;
}

export type InheritMode = 'on' | 'off' | 'merge';

/** `add_header_inherit` (nginx 1.29.3+): itself inherited the standard way, `on` by default. */
export function inheritMode(block: ConfigBlock): InheritMode {
  const value = nearest(block, 'add_header_inherit')?.directive.args[0]?.value;
  return value === 'off' || value === 'merge' ? value : 'on';
}

interface AddHeaders {
  entries: ConfigEntry[];
  unknown: boolean;
}

/**
 * The `add_header` directives in effect at a level, as nginx merges them
 * (ngx_http_headers_merge_conf): a level's own directives replace the
 * inherited ones, unless `add_header_inherit merge` appends those or
 * `add_header_inherit off` drops them.
 */
function addHeaders(block: ConfigBlock): AddHeaders {
  const entries = own(block, 'add_header');
  const unknownHere = block.unresolved.length > 0;
  const mode = inheritMode(block);
  if (mode === 'off' || block.context === 'http' || block.context === 'main') return { entries, unknown: unknownHere };
  if (mode === 'on' && (entries.length > 0 || unknownHere)) return { entries, unknown: unknownHere };
  const above = block.parent ? addHeaders(block.parent) : { entries: [], unknown: true };
  return { entries: [...entries, ...above.entries], unknown: unknownHere || above.unknown };
}

/** `more_set_headers [-s status] [-t type] 'Name: value' …` (headers-more module). */
function moreSetHeaderNames(entry: ConfigEntry): string[] {
  const names: string[] = [];
  const args = entry.directive.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!.value;
    if (value === '-s' || value === '-t') {
      i++;
      continue;
    }
    const colon = value.indexOf(':');
    if (colon > 0 && value.slice(colon + 1).trim() !== '') names.push(value.slice(0, colon).trim().toLowerCase());
  }
  return names;
}

export function effectiveHeaders(block: ConfigBlock): EffectiveHeaders {
  const headers = new Map<string, HeaderSetting>();
  const add = (name: string, always: boolean, entry: ConfigEntry): void => {
    const setting = headers.get(name) ?? { always: false, entries: [] };
    setting.always ||= always;
    setting.entries.push(entry);
    headers.set(name, setting);
  };
  const fromAddHeader = addHeaders(block);
  for (const entry of fromAddHeader.entries) {
    const [name, value, flag] = entry.directive.args;
    // An empty value sends nothing (ngx_http_add_header skips it).
    if (name && value && value.value !== '') add(name.value.toLowerCase(), flag?.value === 'always', entry);
  }
  // An unread include is not assumed to hold more_set_headers (rare, and a module of its own):
  // otherwise every location below an unread snippet would go unchecked.
  for (const entry of inherited(block, 'more_set_headers').entries) {
    for (const name of moreSetHeaderNames(entry)) add(name, true, entry);
  }
  return { headers, addHeaders: fromAddHeader.entries, unknown: fromAddHeader.unknown };
}

/** Whether a level sets its own headers, so the ones it would inherit no longer apply. */
export function redefinesHeaders(block: ConfigBlock): boolean {
  const mode = own(block, 'add_header_inherit')[0]?.directive.args[0]?.value;
  if (mode === 'off') return true;
  if (own(block, 'more_set_headers').length > 0) return true;
  return own(block, 'add_header').length > 0 && inheritMode(block) !== 'merge';
}
