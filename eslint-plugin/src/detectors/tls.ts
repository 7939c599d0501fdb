/**
 * TLS configuration analysis shared by the rules that check TLS settings:
 * protocol names as nginx reads them, and OpenSSL cipher strings evaluated the
 * way OpenSSL evaluates them. Pure: text in, findings out.
 */

// ---------------------------------------------------------------------------
// Protocols
// ---------------------------------------------------------------------------

export const TLS_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsProtocol = (typeof TLS_PROTOCOLS)[number];
export type MinimumProtocol = 'TLSv1.2' | 'TLSv1.3';

/** Why each protocol below TLS 1.2 is weak, phrased to follow "…, which". */
export const PROTOCOL_WEAKNESS: Readonly<Record<'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1', string>> = {
  SSLv2: 'is broken (DROWN) and has no downgrade protection',
  SSLv3: 'is broken (POODLE)',
  TLSv1: 'has known attacks (BEAST, POODLE-style downgrades)',
  'TLSv1.1': 'is deprecated (RFC 8996) and cannot use AEAD cipher suites',
};

/** nginx compares protocol names case-insensitively (`ngx_conf_set_bitmask_slot`). */
export function parseProtocol(name: string): TlsProtocol | null {
  const lower = name.toLowerCase();
  return TLS_PROTOCOLS.find((protocol) => protocol.toLowerCase() === lower) ?? null;
}

export function isBelow(protocol: TlsProtocol, minimum: MinimumProtocol): boolean {
  return TLS_PROTOCOLS.indexOf(protocol) < TLS_PROTOCOLS.indexOf(minimum);
}

/** The protocols to allow for a minimum: `TLSv1.2 TLSv1.3` or `TLSv1.3`. */
export function protocolsFrom(minimum: MinimumProtocol): TlsProtocol[] {
  return TLS_PROTOCOLS.slice(TLS_PROTOCOLS.indexOf(minimum));
}

// ---------------------------------------------------------------------------
// Cipher strings
// ---------------------------------------------------------------------------

/** The cipher list of the AutonomOS guide (Network Security › TLS/SSL Configuration). */
export const GUIDE_CIPHERS = 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384';

export type CipherWeakness = 'NULL' | 'anonymous' | 'EXPORT' | 'DES' | 'RC4' | 'RC2' | '3DES' | 'IDEA' | 'SEED' | 'MD5';

/** In the order messages list them: worst first. */
export const CIPHER_WEAKNESSES: readonly CipherWeakness[] = [
  'NULL', 'anonymous', 'EXPORT', 'DES', 'RC4', 'RC2', '3DES', 'IDEA', 'SEED', 'MD5',
];

/** What each weakness is called in a message, and the OpenSSL exclusion that removes it. */
export const WEAKNESS_INFO: Readonly<Record<CipherWeakness, { description: string; exclusion: string }>> = {
  NULL: { description: 'NULL (no encryption)', exclusion: '!eNULL' },
  anonymous: { description: 'anonymous (aNULL: no server authentication)', exclusion: '!aNULL' },
  EXPORT: { description: 'EXPORT-grade (40-bit keys, FREAK)', exclusion: '!EXPORT' },
  DES: { description: 'DES (56-bit keys)', exclusion: '!DES' },
  RC4: { description: 'RC4 (biased keystream, banned by RFC 7465)', exclusion: '!RC4' },
  RC2: { description: 'RC2 (obsolete 64-bit block cipher)', exclusion: '!RC2' },
  '3DES': { description: '3DES (64-bit blocks, Sweet32)', exclusion: '!3DES' },
  IDEA: { description: 'IDEA (64-bit blocks, Sweet32)', exclusion: '!IDEA' },
  SEED: { description: 'SEED (obsolete, no AEAD mode)', exclusion: '!SEED' },
  MD5: { description: 'MD5-MAC', exclusion: '!MD5' },
};

type Strength = 'HIGH' | 'MEDIUM' | 'LOW' | 'EXPORT' | 'NONE';

interface Cipher {
  name: string;
  /** Other names OpenSSL accepts for it (the `EDH-` spellings of `DHE-` suites). */
  aliases: string[];
  kx: string;
  au: string;
  enc: string;
  mac: string;
  /** The lowest protocol the suite runs on, as OpenSSL's version aliases match it: 2, 3, 1.0, 1.2. */
  version: string;
  strength: Strength;
  /** Flagged SSL_NOT_DEFAULT: part of COMPLEMENTOFDEFAULT, never of DEFAULT. */
  notDefault: boolean;
  fips: boolean;
}

/**
 * Every TLS 1.2-and-below suite OpenSSL has shipped, with OpenSSL 3's attributes:
 * `name kx au enc mac version flags`, flags = strength (H, M, L, E for export,
 * N for none) + `d` (not in DEFAULT) + `f` (FIPS). The strong part is
 * `openssl ciphers -v 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'` of OpenSSL 3.0; the rest
 * are the suites builds drop today (enable-weak-ssl-ciphers, 1.0.2's export and
 * DES suites, SSLv2), kept so that a config is judged by what it asks for.
 */
const CIPHER_TABLE = [
  // OpenSSL 3.0, `openssl ciphers -v 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'`.
  'ECDHE-ECDSA-AES256-GCM-SHA384 ECDHE ECDSA AESGCM256 AEAD 1.2 Hf',
  'ECDHE-RSA-AES256-GCM-SHA384 ECDHE RSA AESGCM256 AEAD 1.2 Hf',
  'DHE-DSS-AES256-GCM-SHA384 DHE DSS AESGCM256 AEAD 1.2 Hdf',
  'DHE-RSA-AES256-GCM-SHA384 DHE RSA AESGCM256 AEAD 1.2 Hf',
  'ECDHE-ECDSA-CHACHA20-POLY1305 ECDHE ECDSA CHACHA20 AEAD 1.2 H',
  'ECDHE-RSA-CHACHA20-POLY1305 ECDHE RSA CHACHA20 AEAD 1.2 H',
  'DHE-RSA-CHACHA20-POLY1305 DHE RSA CHACHA20 AEAD 1.2 H',
  'ECDHE-ECDSA-AES256-CCM8 ECDHE ECDSA AESCCM8_256 AEAD 1.2 Hd',
  'ECDHE-ECDSA-AES256-CCM ECDHE ECDSA AESCCM256 AEAD 1.2 Hd',
  'DHE-RSA-AES256-CCM8 DHE RSA AESCCM8_256 AEAD 1.2 Hd',
  'DHE-RSA-AES256-CCM DHE RSA AESCCM256 AEAD 1.2 Hd',
  'ECDHE-ECDSA-ARIA256-GCM-SHA384 ECDHE ECDSA ARIAGCM256 AEAD 1.2 Hd',
  'ECDHE-ARIA256-GCM-SHA384 ECDHE RSA ARIAGCM256 AEAD 1.2 Hd',
  'DHE-DSS-ARIA256-GCM-SHA384 DHE DSS ARIAGCM256 AEAD 1.2 Hd',
  'DHE-RSA-ARIA256-GCM-SHA384 DHE RSA ARIAGCM256 AEAD 1.2 Hd',
  'ADH-AES256-GCM-SHA384 DHE NULL AESGCM256 AEAD 1.2 Hdf',
  'ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE ECDSA AESGCM128 AEAD 1.2 Hf',
  'ECDHE-RSA-AES128-GCM-SHA256 ECDHE RSA AESGCM128 AEAD 1.2 Hf',
  'DHE-DSS-AES128-GCM-SHA256 DHE DSS AESGCM128 AEAD 1.2 Hdf',
  'DHE-RSA-AES128-GCM-SHA256 DHE RSA AESGCM128 AEAD 1.2 Hf',
  'ECDHE-ECDSA-AES128-CCM8 ECDHE ECDSA AESCCM8_128 AEAD 1.2 Hd',
  'ECDHE-ECDSA-AES128-CCM ECDHE ECDSA AESCCM128 AEAD 1.2 Hd',
  'DHE-RSA-AES128-CCM8 DHE RSA AESCCM8_128 AEAD 1.2 Hd',
  'DHE-RSA-AES128-CCM DHE RSA AESCCM128 AEAD 1.2 Hd',
  'ECDHE-ECDSA-ARIA128-GCM-SHA256 ECDHE ECDSA ARIAGCM128 AEAD 1.2 Hd',
  'ECDHE-ARIA128-GCM-SHA256 ECDHE RSA ARIAGCM128 AEAD 1.2 Hd',
  'DHE-DSS-ARIA128-GCM-SHA256 DHE DSS ARIAGCM128 AEAD 1.2 Hd',
  'DHE-RSA-ARIA128-GCM-SHA256 DHE RSA ARIAGCM128 AEAD 1.2 Hd',
  'ADH-AES128-GCM-SHA256 DHE NULL AESGCM128 AEAD 1.2 Hdf',
  'ECDHE-ECDSA-AES256-SHA384 ECDHE ECDSA AES256 SHA384 1.2 Hf',
  'ECDHE-RSA-AES256-SHA384 ECDHE RSA AES256 SHA384 1.2 Hf',
  'DHE-RSA-AES256-SHA256 DHE RSA AES256 SHA256 1.2 Hf',
  'DHE-DSS-AES256-SHA256 DHE DSS AES256 SHA256 1.2 Hdf',
  'ECDHE-ECDSA-CAMELLIA256-SHA384 ECDHE ECDSA CAMELLIA256 SHA384 1.2 Hd',
  'ECDHE-RSA-CAMELLIA256-SHA384 ECDHE RSA CAMELLIA256 SHA384 1.2 Hd',
  'DHE-RSA-CAMELLIA256-SHA256 DHE RSA CAMELLIA256 SHA256 1.2 Hd',
  'DHE-DSS-CAMELLIA256-SHA256 DHE DSS CAMELLIA256 SHA256 1.2 Hd',
  'ADH-AES256-SHA256 DHE NULL AES256 SHA256 1.2 Hdf',
  'ADH-CAMELLIA256-SHA256 DHE NULL CAMELLIA256 SHA256 1.2 Hd',
  'ECDHE-ECDSA-AES128-SHA256 ECDHE ECDSA AES128 SHA256 1.2 Hf',
  'ECDHE-RSA-AES128-SHA256 ECDHE RSA AES128 SHA256 1.2 Hf',
  'DHE-RSA-AES128-SHA256 DHE RSA AES128 SHA256 1.2 Hf',
  'DHE-DSS-AES128-SHA256 DHE DSS AES128 SHA256 1.2 Hdf',
  'ECDHE-ECDSA-CAMELLIA128-SHA256 ECDHE ECDSA CAMELLIA128 SHA256 1.2 Hd',
  'ECDHE-RSA-CAMELLIA128-SHA256 ECDHE RSA CAMELLIA128 SHA256 1.2 Hd',
  'DHE-RSA-CAMELLIA128-SHA256 DHE RSA CAMELLIA128 SHA256 1.2 Hd',
  'DHE-DSS-CAMELLIA128-SHA256 DHE DSS CAMELLIA128 SHA256 1.2 Hd',
  'ADH-AES128-SHA256 DHE NULL AES128 SHA256 1.2 Hdf',
  'ADH-CAMELLIA128-SHA256 DHE NULL CAMELLIA128 SHA256 1.2 Hd',
  'ECDHE-ECDSA-AES256-SHA ECDHE ECDSA AES256 SHA1 1.0 Hf',
  'ECDHE-RSA-AES256-SHA ECDHE RSA AES256 SHA1 1.0 Hf',
  'DHE-RSA-AES256-SHA DHE RSA AES256 SHA1 3 Hf',
  'DHE-DSS-AES256-SHA DHE DSS AES256 SHA1 3 Hdf',
  'DHE-RSA-CAMELLIA256-SHA DHE RSA CAMELLIA256 SHA1 3 Hd',
  'DHE-DSS-CAMELLIA256-SHA DHE DSS CAMELLIA256 SHA1 3 Hd',
  'AECDH-AES256-SHA ECDHE NULL AES256 SHA1 1.0 Hdf',
  'ADH-AES256-SHA DHE NULL AES256 SHA1 3 Hdf',
  'ADH-CAMELLIA256-SHA DHE NULL CAMELLIA256 SHA1 3 Hd',
  'ECDHE-ECDSA-AES128-SHA ECDHE ECDSA AES128 SHA1 1.0 Hf',
  'ECDHE-RSA-AES128-SHA ECDHE RSA AES128 SHA1 1.0 Hf',
  'DHE-RSA-AES128-SHA DHE RSA AES128 SHA1 3 Hf',
  'DHE-DSS-AES128-SHA DHE DSS AES128 SHA1 3 Hdf',
  'DHE-RSA-CAMELLIA128-SHA DHE RSA CAMELLIA128 SHA1 3 Hd',
  'DHE-DSS-CAMELLIA128-SHA DHE DSS CAMELLIA128 SHA1 3 Hd',
  'AECDH-AES128-SHA ECDHE NULL AES128 SHA1 1.0 Hdf',
  'ADH-AES128-SHA DHE NULL AES128 SHA1 3 Hdf',
  'ADH-CAMELLIA128-SHA DHE NULL CAMELLIA128 SHA1 3 Hd',
  'RSA-PSK-AES256-GCM-SHA384 RSAPSK RSA AESGCM256 AEAD 1.2 Hf',
  'DHE-PSK-AES256-GCM-SHA384 DHEPSK PSK AESGCM256 AEAD 1.2 Hf',
  'RSA-PSK-CHACHA20-POLY1305 RSAPSK RSA CHACHA20 AEAD 1.2 H',
  'DHE-PSK-CHACHA20-POLY1305 DHEPSK PSK CHACHA20 AEAD 1.2 H',
  'ECDHE-PSK-CHACHA20-POLY1305 ECDHEPSK PSK CHACHA20 AEAD 1.2 H',
  'DHE-PSK-AES256-CCM8 DHEPSK PSK AESCCM8_256 AEAD 1.2 Hd',
  'DHE-PSK-AES256-CCM DHEPSK PSK AESCCM256 AEAD 1.2 Hd',
  'RSA-PSK-ARIA256-GCM-SHA384 RSAPSK RSA ARIAGCM256 AEAD 1.2 Hd',
  'DHE-PSK-ARIA256-GCM-SHA384 DHEPSK PSK ARIAGCM256 AEAD 1.2 Hd',
  'AES256-GCM-SHA384 RSA RSA AESGCM256 AEAD 1.2 Hf',
  'AES256-CCM8 RSA RSA AESCCM8_256 AEAD 1.2 Hd',
  'AES256-CCM RSA RSA AESCCM256 AEAD 1.2 Hd',
  'ARIA256-GCM-SHA384 RSA RSA ARIAGCM256 AEAD 1.2 Hd',
  'PSK-AES256-GCM-SHA384 PSK PSK AESGCM256 AEAD 1.2 Hf',
  'PSK-CHACHA20-POLY1305 PSK PSK CHACHA20 AEAD 1.2 H',
  'PSK-AES256-CCM8 PSK PSK AESCCM8_256 AEAD 1.2 Hd',
  'PSK-AES256-CCM PSK PSK AESCCM256 AEAD 1.2 Hd',
  'PSK-ARIA256-GCM-SHA384 PSK PSK ARIAGCM256 AEAD 1.2 Hd',
  'RSA-PSK-AES128-GCM-SHA256 RSAPSK RSA AESGCM128 AEAD 1.2 Hf',
  'DHE-PSK-AES128-GCM-SHA256 DHEPSK PSK AESGCM128 AEAD 1.2 Hf',
  'DHE-PSK-AES128-CCM8 DHEPSK PSK AESCCM8_128 AEAD 1.2 Hd',
  'DHE-PSK-AES128-CCM DHEPSK PSK AESCCM128 AEAD 1.2 Hd',
  'RSA-PSK-ARIA128-GCM-SHA256 RSAPSK RSA ARIAGCM128 AEAD 1.2 Hd',
  'DHE-PSK-ARIA128-GCM-SHA256 DHEPSK PSK ARIAGCM128 AEAD 1.2 Hd',
  'AES128-GCM-SHA256 RSA RSA AESGCM128 AEAD 1.2 Hf',
  'AES128-CCM8 RSA RSA AESCCM8_128 AEAD 1.2 Hd',
  'AES128-CCM RSA RSA AESCCM128 AEAD 1.2 Hd',
  'ARIA128-GCM-SHA256 RSA RSA ARIAGCM128 AEAD 1.2 Hd',
  'PSK-AES128-GCM-SHA256 PSK PSK AESGCM128 AEAD 1.2 Hf',
  'PSK-AES128-CCM8 PSK PSK AESCCM8_128 AEAD 1.2 Hd',
  'PSK-AES128-CCM PSK PSK AESCCM128 AEAD 1.2 Hd',
  'PSK-ARIA128-GCM-SHA256 PSK PSK ARIAGCM128 AEAD 1.2 Hd',
  'AES256-SHA256 RSA RSA AES256 SHA256 1.2 Hf',
  'CAMELLIA256-SHA256 RSA RSA CAMELLIA256 SHA256 1.2 Hd',
  'AES128-SHA256 RSA RSA AES128 SHA256 1.2 Hf',
  'CAMELLIA128-SHA256 RSA RSA CAMELLIA128 SHA256 1.2 Hd',
  'ECDHE-PSK-AES256-CBC-SHA384 ECDHEPSK PSK AES256 SHA384 1.0 Hf',
  'ECDHE-PSK-AES256-CBC-SHA ECDHEPSK PSK AES256 SHA1 1.0 Hf',
  'SRP-DSS-AES-256-CBC-SHA SRP DSS AES256 SHA1 3 Hd',
  'SRP-RSA-AES-256-CBC-SHA SRP RSA AES256 SHA1 3 H',
  'SRP-AES-256-CBC-SHA SRP SRP AES256 SHA1 3 H',
  'RSA-PSK-AES256-CBC-SHA384 RSAPSK RSA AES256 SHA384 1.0 Hf',
  'DHE-PSK-AES256-CBC-SHA384 DHEPSK PSK AES256 SHA384 1.0 Hf',
  'RSA-PSK-AES256-CBC-SHA RSAPSK RSA AES256 SHA1 3 Hf',
  'DHE-PSK-AES256-CBC-SHA DHEPSK PSK AES256 SHA1 3 Hf',
  'ECDHE-PSK-CAMELLIA256-SHA384 ECDHEPSK PSK CAMELLIA256 SHA384 1.0 Hd',
  'RSA-PSK-CAMELLIA256-SHA384 RSAPSK RSA CAMELLIA256 SHA384 1.0 Hd',
  'DHE-PSK-CAMELLIA256-SHA384 DHEPSK PSK CAMELLIA256 SHA384 1.0 Hd',
  'AES256-SHA RSA RSA AES256 SHA1 3 Hf',
  'CAMELLIA256-SHA RSA RSA CAMELLIA256 SHA1 3 Hd',
  'PSK-AES256-CBC-SHA384 PSK PSK AES256 SHA384 1.0 Hf',
  'PSK-AES256-CBC-SHA PSK PSK AES256 SHA1 3 Hf',
  'PSK-CAMELLIA256-SHA384 PSK PSK CAMELLIA256 SHA384 1.0 Hd',
  'ECDHE-PSK-AES128-CBC-SHA256 ECDHEPSK PSK AES128 SHA256 1.0 Hf',
  'ECDHE-PSK-AES128-CBC-SHA ECDHEPSK PSK AES128 SHA1 1.0 Hf',
  'SRP-DSS-AES-128-CBC-SHA SRP DSS AES128 SHA1 3 Hd',
  'SRP-RSA-AES-128-CBC-SHA SRP RSA AES128 SHA1 3 H',
  'SRP-AES-128-CBC-SHA SRP SRP AES128 SHA1 3 H',
  'RSA-PSK-AES128-CBC-SHA256 RSAPSK RSA AES128 SHA256 1.0 Hf',
  'DHE-PSK-AES128-CBC-SHA256 DHEPSK PSK AES128 SHA256 1.0 Hf',
  'RSA-PSK-AES128-CBC-SHA RSAPSK RSA AES128 SHA1 3 Hf',
  'DHE-PSK-AES128-CBC-SHA DHEPSK PSK AES128 SHA1 3 Hf',
  'ECDHE-PSK-CAMELLIA128-SHA256 ECDHEPSK PSK CAMELLIA128 SHA256 1.0 Hd',
  'RSA-PSK-CAMELLIA128-SHA256 RSAPSK RSA CAMELLIA128 SHA256 1.0 Hd',
  'DHE-PSK-CAMELLIA128-SHA256 DHEPSK PSK CAMELLIA128 SHA256 1.0 Hd',
  'AES128-SHA RSA RSA AES128 SHA1 3 Hf',
  'CAMELLIA128-SHA RSA RSA CAMELLIA128 SHA1 3 Hd',
  'PSK-AES128-CBC-SHA256 PSK PSK AES128 SHA256 1.0 Hf',
  'PSK-AES128-CBC-SHA PSK PSK AES128 SHA1 3 Hf',
  'PSK-CAMELLIA128-SHA256 PSK PSK CAMELLIA128 SHA256 1.0 Hd',
  'ECDHE-ECDSA-NULL-SHA ECDHE ECDSA eNULL SHA1 1.0 N',
  'ECDHE-RSA-NULL-SHA ECDHE RSA eNULL SHA1 1.0 N',
  'AECDH-NULL-SHA ECDHE NULL eNULL SHA1 1.0 N',
  'NULL-SHA256 RSA RSA eNULL SHA256 1.2 N',
  'ECDHE-PSK-NULL-SHA384 ECDHEPSK PSK eNULL SHA384 1.0 N',
  'ECDHE-PSK-NULL-SHA256 ECDHEPSK PSK eNULL SHA256 1.0 N',
  'ECDHE-PSK-NULL-SHA ECDHEPSK PSK eNULL SHA1 1.0 N',
  'RSA-PSK-NULL-SHA384 RSAPSK RSA eNULL SHA384 1.0 N',
  'RSA-PSK-NULL-SHA256 RSAPSK RSA eNULL SHA256 1.0 N',
  'DHE-PSK-NULL-SHA384 DHEPSK PSK eNULL SHA384 1.0 N',
  'DHE-PSK-NULL-SHA256 DHEPSK PSK eNULL SHA256 1.0 N',
  'RSA-PSK-NULL-SHA RSAPSK RSA eNULL SHA1 3 N',
  'DHE-PSK-NULL-SHA DHEPSK PSK eNULL SHA1 3 N',
  'NULL-SHA RSA RSA eNULL SHA1 3 N',
  'NULL-MD5 RSA RSA eNULL MD5 3 N',
  'PSK-NULL-SHA384 PSK PSK eNULL SHA384 1.0 N',
  'PSK-NULL-SHA256 PSK PSK eNULL SHA256 1.0 N',
  'PSK-NULL-SHA PSK PSK eNULL SHA1 3 N',
  // Suites modern builds leave out.
  'RC4-MD5 RSA RSA RC4 MD5 3 Md',
  'RC4-SHA RSA RSA RC4 SHA1 3 Md',
  'ADH-RC4-MD5 DHE NULL RC4 MD5 3 Md',
  'ECDHE-ECDSA-RC4-SHA ECDHE ECDSA RC4 SHA1 1.0 Md',
  'ECDHE-RSA-RC4-SHA ECDHE RSA RC4 SHA1 1.0 Md',
  'AECDH-RC4-SHA ECDHE NULL RC4 SHA1 1.0 Md',
  'PSK-RC4-SHA PSK PSK RC4 SHA1 3 Md',
  'RSA-PSK-RC4-SHA RSAPSK RSA RC4 SHA1 3 Md',
  'DHE-PSK-RC4-SHA DHEPSK PSK RC4 SHA1 3 Md',
  'ECDHE-PSK-RC4-SHA ECDHEPSK PSK RC4 SHA1 1.0 Md',
  'DES-CBC3-SHA RSA RSA 3DES SHA1 3 Mdf',
  'DHE-DSS-DES-CBC3-SHA|EDH-DSS-DES-CBC3-SHA DHE DSS 3DES SHA1 3 Mdf',
  'DHE-RSA-DES-CBC3-SHA|EDH-RSA-DES-CBC3-SHA DHE RSA 3DES SHA1 3 Mdf',
  'ADH-DES-CBC3-SHA DHE NULL 3DES SHA1 3 Mdf',
  'ECDHE-ECDSA-DES-CBC3-SHA ECDHE ECDSA 3DES SHA1 1.0 Mdf',
  'ECDHE-RSA-DES-CBC3-SHA ECDHE RSA 3DES SHA1 1.0 Mdf',
  'AECDH-DES-CBC3-SHA ECDHE NULL 3DES SHA1 1.0 Mdf',
  'PSK-3DES-EDE-CBC-SHA PSK PSK 3DES SHA1 3 Mdf',
  'RSA-PSK-3DES-EDE-CBC-SHA RSAPSK RSA 3DES SHA1 3 Mdf',
  'DHE-PSK-3DES-EDE-CBC-SHA DHEPSK PSK 3DES SHA1 3 Mdf',
  'ECDHE-PSK-3DES-EDE-CBC-SHA ECDHEPSK PSK 3DES SHA1 1.0 Mdf',
  'SRP-3DES-EDE-CBC-SHA SRP SRP 3DES SHA1 3 Md',
  'SRP-RSA-3DES-EDE-CBC-SHA SRP RSA 3DES SHA1 3 Md',
  'SRP-DSS-3DES-EDE-CBC-SHA SRP DSS 3DES SHA1 3 Md',
  'IDEA-CBC-SHA RSA RSA IDEA SHA1 3 Md',
  'SEED-SHA RSA RSA SEED SHA1 3 Md',
  'DHE-DSS-SEED-SHA DHE DSS SEED SHA1 3 Md',
  'DHE-RSA-SEED-SHA DHE RSA SEED SHA1 3 Md',
  'ADH-SEED-SHA DHE NULL SEED SHA1 3 Md',
  'DES-CBC-SHA RSA RSA DES SHA1 3 Ld',
  'EDH-DSS-DES-CBC-SHA DHE DSS DES SHA1 3 Ld',
  'EDH-RSA-DES-CBC-SHA DHE RSA DES SHA1 3 Ld',
  'ADH-DES-CBC-SHA DHE NULL DES SHA1 3 Ld',
  'EXP-RC4-MD5 RSA RSA RC4 MD5 3 Ed',
  'EXP-RC2-CBC-MD5 RSA RSA RC2 MD5 3 Ed',
  'EXP-DES-CBC-SHA RSA RSA DES SHA1 3 Ed',
  'EXP-EDH-DSS-DES-CBC-SHA DHE DSS DES SHA1 3 Ed',
  'EXP-EDH-RSA-DES-CBC-SHA DHE RSA DES SHA1 3 Ed',
  'EXP-ADH-RC4-MD5 DHE NULL RC4 MD5 3 Ed',
  'EXP-ADH-DES-CBC-SHA DHE NULL DES SHA1 3 Ed',
  'DES-CBC3-MD5 RSA RSA 3DES MD5 2 Md',
  'IDEA-CBC-MD5 RSA RSA IDEA MD5 2 Md',
  'RC2-CBC-MD5 RSA RSA RC2 MD5 2 Md',
  'DES-CBC-MD5 RSA RSA DES MD5 2 Ld',
];

const STRENGTHS: Readonly<Record<string, Strength>> = { H: 'HIGH', M: 'MEDIUM', L: 'LOW', E: 'EXPORT', N: 'NONE' };

const CIPHERS: readonly Cipher[] = CIPHER_TABLE.map((line) => {
  const [names, kx, au, enc, mac, version, flags] = line.split(' ') as [
    string, string, string, string, string, string, string,
  ];
  const [name, ...aliases] = names.split('|') as [string, ...string[]];
  return {
    name,
    aliases,
    kx,
    au,
    enc,
    mac,
    version,
    strength: STRENGTHS[flags[0]!]!,
    notDefault: flags.includes('d'),
    fips: flags.includes('f'),
  };
});

const CIPHERS_BY_NAME = new Map<string, Cipher>();
for (const cipher of CIPHERS) {
  for (const name of [cipher.name, ...cipher.aliases]) CIPHERS_BY_NAME.set(name, cipher);
}

type Selector = (cipher: Cipher) => boolean;

const field =
  (key: 'kx' | 'au' | 'enc' | 'mac' | 'version' | 'strength', ...values: string[]): Selector =>
  (cipher) =>
    values.includes(cipher[key]);
const both =
  (a: Selector, b: Selector): Selector =>
  (cipher) =>
    a(cipher) && b(cipher);
const authenticated: Selector = (cipher) => cipher.au !== 'NULL';

const AES = ['AES128', 'AES256', 'AESGCM128', 'AESGCM256', 'AESCCM128', 'AESCCM256', 'AESCCM8_128', 'AESCCM8_256'];

/**
 * OpenSSL's cipher aliases (ssl/ssl_ciph.c `cipher_aliases`), plus the ones
 * OpenSSL 1.0.2 had for the suites it has since dropped (DES, EXP, EXPORT, SSLv2).
 * Names are case-sensitive, as in OpenSSL.
 */
const ALIASES: Readonly<Record<string, Selector>> = {
  ALL: (cipher) => cipher.enc !== 'eNULL',
  COMPLEMENTOFALL: field('enc', 'eNULL'),
  COMPLEMENTOFDEFAULT: (cipher) => cipher.notDefault,

  kRSA: field('kx', 'RSA'),
  kEDH: field('kx', 'DHE'),
  kDHE: field('kx', 'DHE'),
  DH: field('kx', 'DHE'),
  kEECDH: field('kx', 'ECDHE'),
  kECDHE: field('kx', 'ECDHE'),
  ECDH: field('kx', 'ECDHE'),
  kPSK: field('kx', 'PSK'),
  kRSAPSK: field('kx', 'RSAPSK'),
  kECDHEPSK: field('kx', 'ECDHEPSK'),
  kDHEPSK: field('kx', 'DHEPSK'),
  kSRP: field('kx', 'SRP'),

  aRSA: field('au', 'RSA'),
  aDSS: field('au', 'DSS'),
  DSS: field('au', 'DSS'),
  aNULL: field('au', 'NULL'),
  aECDSA: field('au', 'ECDSA'),
  ECDSA: field('au', 'ECDSA'),
  aPSK: field('au', 'PSK'),
  aSRP: field('au', 'SRP'),

  EDH: both(field('kx', 'DHE'), authenticated),
  DHE: both(field('kx', 'DHE'), authenticated),
  EECDH: both(field('kx', 'ECDHE'), authenticated),
  ECDHE: both(field('kx', 'ECDHE'), authenticated),
  NULL: field('enc', 'eNULL'),
  RSA: both(field('kx', 'RSA'), field('au', 'RSA')),
  ADH: both(field('kx', 'DHE'), field('au', 'NULL')),
  AECDH: both(field('kx', 'ECDHE'), field('au', 'NULL')),
  PSK: field('kx', 'PSK', 'RSAPSK', 'DHEPSK', 'ECDHEPSK'),
  SRP: field('kx', 'SRP'),

  '3DES': field('enc', '3DES'),
  DES: field('enc', 'DES'),
  RC4: field('enc', 'RC4'),
  RC2: field('enc', 'RC2'),
  IDEA: field('enc', 'IDEA'),
  SEED: field('enc', 'SEED'),
  eNULL: field('enc', 'eNULL'),
  AES128: field('enc', ...AES.filter((enc) => enc.endsWith('128'))),
  AES256: field('enc', ...AES.filter((enc) => enc.endsWith('256'))),
  AES: field('enc', ...AES),
  AESGCM: field('enc', 'AESGCM128', 'AESGCM256'),
  AESCCM: field('enc', 'AESCCM128', 'AESCCM256', 'AESCCM8_128', 'AESCCM8_256'),
  AESCCM8: field('enc', 'AESCCM8_128', 'AESCCM8_256'),
  CAMELLIA128: field('enc', 'CAMELLIA128'),
  CAMELLIA256: field('enc', 'CAMELLIA256'),
  CAMELLIA: field('enc', 'CAMELLIA128', 'CAMELLIA256'),
  CHACHA20: field('enc', 'CHACHA20'),
  ARIA: field('enc', 'ARIAGCM128', 'ARIAGCM256'),
  ARIAGCM: field('enc', 'ARIAGCM128', 'ARIAGCM256'),
  ARIA128: field('enc', 'ARIAGCM128'),
  ARIA256: field('enc', 'ARIAGCM256'),
  CBC: field('enc', 'AES128', 'AES256', 'CAMELLIA128', 'CAMELLIA256', '3DES', 'DES', 'RC2', 'IDEA', 'SEED'),

  MD5: field('mac', 'MD5'),
  SHA1: field('mac', 'SHA1'),
  SHA: field('mac', 'SHA1'),
  SHA256: field('mac', 'SHA256'),
  SHA384: field('mac', 'SHA384'),

  SSLv2: field('version', '2'),
  SSLv3: field('version', '3'),
  TLSv1: field('version', '1.0'),
  'TLSv1.0': field('version', '1.0'),
  'TLSv1.2': field('version', '1.2'),

  LOW: field('strength', 'LOW'),
  MEDIUM: field('strength', 'MEDIUM'),
  HIGH: field('strength', 'HIGH'),
  EXP: field('strength', 'EXPORT'),
  EXPORT: field('strength', 'EXPORT'),
  EXPORT40: field('strength', 'EXPORT'),
  EXPORT56: () => false,
  FIPS: (cipher) => cipher.enc !== 'eNULL' && cipher.fips,
};

/**
 * What a cipher string that starts with DEFAULT expands to. OpenSSL 1.1+ uses
 * `!` (so `DEFAULT:RC4-SHA` silently drops RC4-SHA there); `-` keeps the
 * suites named after DEFAULT, as OpenSSL 1.0.2 would enable them.
 */
const DEFAULT_RULES = 'ALL:-COMPLEMENTOFDEFAULT:-eNULL';

function weaknessesOf(cipher: Cipher): CipherWeakness[] {
  const found = new Set<CipherWeakness>();
  if (cipher.enc === 'eNULL') found.add('NULL');
  if (cipher.au === 'NULL') found.add('anonymous');
  if (cipher.strength === 'EXPORT') found.add('EXPORT');
  const enc = cipher.enc as CipherWeakness;
  if (['DES', 'RC4', 'RC2', '3DES', 'IDEA', 'SEED'].includes(enc)) found.add(enc);
  if (cipher.mac === 'MD5') found.add('MD5');
  return CIPHER_WEAKNESSES.filter((weakness) => found.has(weakness));
}

/**
 * A suite named in a cipher string that this table does not know (an IANA name,
 * a Kerberos or EXP1024 suite of an old build): judged by its name, so that
 * `TLS_RSA_WITH_RC4_128_SHA` is still RC4. Only weak names become suites.
 */
function cipherFromName(name: string): Cipher | null {
  if (name !== name.toUpperCase() && !/_anon_/.test(name)) return null;
  const words = name.toUpperCase().split(/[-_]/).filter((word) => word && word !== 'TLS' && word !== 'SSL');
  const has = (word: string): boolean => words.includes(word);
  let enc = 'AES128';
  if (has('NULL') && !has('ANON')) enc = 'eNULL';
  else if (has('RC4')) enc = 'RC4';
  else if (has('RC2')) enc = 'RC2';
  else if (has('IDEA')) enc = 'IDEA';
  else if (has('SEED')) enc = 'SEED';
  else if (has('3DES') || (has('DES') && (has('CBC3') || has('EDE')))) enc = '3DES';
  else if (has('DES')) enc = 'DES';
  const anonymous = has('ADH') || has('AECDH') || has('ANON');
  const exported = words.some((word) => word.startsWith('EXP'));
  const first = words[0] ?? '';
  const kx = /^(?:ECDHE|EECDH|AECDH)$/.test(first) || (first === 'ECDH' && anonymous)
    ? 'ECDHE'
    : /^(?:DHE|EDH|ADH)$/.test(first) || (first === 'DH' && anonymous)
      ? 'DHE'
      : first === 'PSK' ? 'PSK' : 'RSA';
  const cipher: Cipher = {
    name,
    aliases: [],
    kx,
    au: anonymous ? 'NULL' : kx === 'PSK' ? 'PSK' : 'RSA',
    enc,
    mac: words[words.length - 1] === 'MD5' ? 'MD5' : 'SHA1',
    version: '?',
    strength: exported
      ? 'EXPORT'
      : enc === 'eNULL' ? 'NONE' : enc === 'DES' ? 'LOW' : enc === 'AES128' ? 'HIGH' : 'MEDIUM',
    notDefault: true,
    fips: false,
  };
  return weaknessesOf(cipher).length > 0 ? cipher : null;
}

/** One `:`-separated element of a cipher string, with its offsets in the string. */
export interface CipherStringElement {
  text: string;
  start: number;
  end: number;
}

export interface WeakCipherFinding {
  /** The element that enabled the weak suites (an alias such as `ALL`, or a suite name). */
  element: CipherStringElement;
  /** Every weakness of those suites, worst first. */
  weaknesses: CipherWeakness[];
  /** The fewest weaknesses whose exclusions (`WEAKNESS_INFO[w].exclusion`) remove all those suites. */
  exclude: CipherWeakness[];
  /** The weak suites it enabled that are still enabled at the end of the string. */
  suites: string[];
  /** Whether the element names one suite (`RC4-SHA`) rather than an alias (`ALL`, `kEDH+AESGCM`). */
  namesSuite: boolean;
}

export interface CipherStringAnalysis {
  /** The TLS 1.2-and-below suites the string enables (TLS 1.3 suites are configured apart). */
  enabled: string[];
  /** One finding per element that enabled weak suites, in string order. */
  findings: WeakCipherFinding[];
}

const isSeparator = (ch: string): boolean => ch === ':' || ch === ' ' || ch === ';' || ch === ',';

function splitElements(value: string, from: number): CipherStringElement[] {
  const elements: CipherStringElement[] = [];
  let i = from;
  while (i < value.length) {
    if (isSeparator(value[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < value.length && !isSeparator(value[i]!)) i++;
    elements.push({ text: value.slice(start, i), start, end: i });
  }
  return elements;
}

type Operation = 'add' | 'delete' | 'kill' | 'order' | 'special';

const OPERATIONS: Readonly<Record<string, Operation>> = { '-': 'delete', '+': 'order', '!': 'kill', '@': 'special' };

/**
 * Evaluates an OpenSSL cipher string as `SSL_CTX_set_cipher_list` does
 * (OpenSSL 1.1.1/3.x rules): each element adds (`X`), deletes (`-X`), kills for
 * good (`!X`) or reorders (`+X`) the suites its aliases select, `A+B` selects
 * the suites in both, `DEFAULT` is only special at the start, unknown names are
 * ignored. Every suite OpenSSL has shipped is considered available, and a weak
 * suite named but unknown to the table is judged by its name.
 */
export function analyzeCipherString(value: string): CipherStringAnalysis {
  const universe = [...CIPHERS];
  const extraSuites = new Map<string, Cipher>();
  const lookup = (name: string): Selector | null => {
    const cipher = CIPHERS_BY_NAME.get(name) ?? extraSuites.get(name);
    if (cipher) return (candidate) => candidate === cipher;
    return ALIASES[name] ?? null;
  };

  let rules = value;
  let defaultElement: CipherStringElement | null = null;
  let from = 0;
  if (/^SUITEB(?:128ONLY|128C2|128|192)/.test(value)) {
    rules = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384';
  } else if (value.startsWith('DEFAULT')) {
    defaultElement = { text: 'DEFAULT', start: 0, end: 7 };
    from = value[7] === ':' ? 8 : 7;
  }
  const elements = splitElements(rules, from);

  // Weak suites named but unknown to the table exist from the start, as they would in a build that has them.
  for (const element of elements) {
    for (const part of element.text.replace(/^[-+!@]/, '').split('+')) {
      if (!part || lookup(part)) continue;
      const cipher = cipherFromName(part);
      if (cipher) {
        extraSuites.set(part, cipher);
        universe.push(cipher);
      }
    }
  }

  const active = new Map<Cipher, CipherStringElement>();
  const killed = new Set<Cipher>();
  const apply = (operation: Operation, select: Selector, element: CipherStringElement): void => {
    for (const cipher of universe) {
      if (killed.has(cipher) || !select(cipher)) continue;
      if (operation === 'add') {
        if (!active.has(cipher)) active.set(cipher, element);
      } else if (operation === 'delete') {
        active.delete(cipher);
      } else if (operation === 'kill') {
        active.delete(cipher);
        killed.add(cipher);
      }
    }
  };
  const run = (list: CipherStringElement[], blame: CipherStringElement | null): void => {
    for (const element of list) {
      const operation = OPERATIONS[element.text[0]!] ?? 'add';
      if (operation === 'special' || operation === 'order') continue;
      const name = operation === 'add' ? element.text : element.text.slice(1);
      const selectors: Selector[] = [];
      for (const part of name.split('+')) {
        const selector = /^[A-Za-z0-9._=-]+$/.test(part) ? lookup(part) : null;
        if (!selector) {
          selectors.length = 0;
          break;
        }
        selectors.push(selector);
      }
      if (selectors.length === 0) continue;
      apply(operation, (cipher) => selectors.every((select) => select(cipher)), blame ?? element);
    }
  };

  if (defaultElement) run(splitElements(DEFAULT_RULES, 0), defaultElement);
  run(elements, null);

  const weakByElement = new Map<CipherStringElement, Cipher[]>();
  for (const cipher of universe) {
    const element = active.get(cipher);
    if (!element || weaknessesOf(cipher).length === 0) continue;
    weakByElement.set(element, [...(weakByElement.get(element) ?? []), cipher]);
  }
  const findings: WeakCipherFinding[] = [];
  for (const [element, suites] of weakByElement) {
    const all = new Set(suites.flatMap(weaknessesOf));
    const exclude: CipherWeakness[] = [];
    let left = suites;
    for (const weakness of CIPHER_WEAKNESSES) {
      if (!left.some((cipher) => weaknessesOf(cipher).includes(weakness))) continue;
      exclude.push(weakness);
      left = left.filter((cipher) => !weaknessesOf(cipher).includes(weakness));
    }
    findings.push({
      element,
      weaknesses: CIPHER_WEAKNESSES.filter((weakness) => all.has(weakness)),
      exclude,
      suites: suites.map((cipher) => cipher.name),
      namesSuite: CIPHERS_BY_NAME.has(element.text) || extraSuites.has(element.text),
    });
  }
  findings.sort((a, b) => a.element.start - b.element.start);
  return { enabled: universe.filter((cipher) => active.has(cipher)).map((cipher) => cipher.name), findings };
}

/**
 * The range to delete to drop one element from a cipher string, with the
 * separator that joins it to its neighbour.
 */
export function removalRange(value: string, element: CipherStringElement): [number, number] {
  let after = element.end;
  while (after < value.length && isSeparator(value[after]!)) after++;
  if (after < value.length) return [element.start, after];
  let before = element.start;
  while (before > 0 && isSeparator(value[before - 1]!)) before--;
  return [before, element.end];
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
