import fs from 'node:fs';
import { hasEnvTemplateWord } from '../../detectors/environments.js';

/** What kind of secret a file name says a file holds, and the .gitignore entry that ignores its kind. */
export type SecretKind = 'env' | 'envTemplate' | 'pem' | 'key' | 'p12' | 'pfx' | 'ssh' | 'secretsFolder';

/** The entries the fix appends, in this order. */
export const ENTRY_ORDER = ['.env', '.env.*', '*.pem', '*.key', '*.p12', '*.pfx', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'secrets/'];

const SSH_KEYS = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519']);
const KEY_EXTENSION = /\.(pem|key|p12|pfx)$/i;

/** Files in a `secrets/` folder that are not secrets: docs, placeholders, encrypted files. */
const NOT_SECRET_IN_FOLDER = /^(?:readme(?:\..*)?|.*\.md|\.git(?:keep|ignore|attributes)|\.keep|.*\.(?:example|sample|template|enc|gpg|age|asc)|.*\.sops\.\w+)$/i;

/** The kind of a file by its name; `inSecretsFolder` when a folder above it is named `secrets`. */
export function secretKindOfName(name: string, inSecretsFolder: boolean): SecretKind | undefined {
  if (name === '.env') return 'env';
  if (name.startsWith('.env.')) {
    return hasEnvTemplateWord(name.slice(5)) ? 'envTemplate' : 'env';
  }
  if (SSH_KEYS.has(name)) return 'ssh';
  const extension = KEY_EXTENSION.exec(name)?.[1]?.toLowerCase();
  if (extension) return extension as 'pem' | 'key' | 'p12' | 'pfx';
  if (inSecretsFolder && !NOT_SECRET_IN_FOLDER.test(name)) return 'secretsFolder';
  return undefined;
}

/** The .gitignore entries that ignore files of a kind (and any other file of that kind anywhere). */
export function entriesFor(kind: SecretKind, name: string): string[] {
  switch (kind) {
    case 'env':
      return ['.env', '.env.*'];
    case 'ssh':
      return [name];
    case 'secretsFolder':
      return ['secrets/'];
    case 'envTemplate':
      return [];
    default:
      return [`*.${kind}`];
  }
}

/** How much of a file is read to tell a private key from a certificate. */
const READ_LIMIT = 1024 * 1024;

function readStart(file: string, limit: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(limit);
    const read = fs.readSync(fd, buffer, 0, limit, 0);
    return buffer.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const PRIVATE_KEY = 'PRIVATE KEY-----';
/** A ZIP archive: Keynote saves presentations as `.key`. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** What encrypted secrets (SOPS, Sealed Secrets, PGP) hold: safe to commit. */
const ENCRYPTED = /ENC\[AES|kind:\s*SealedSecret|"kind":\s*"SealedSecret"|-----BEGIN PGP MESSAGE-----|age-encryption\.org/;

/**
 * Whether a file whose name says "secret" really holds one: a `.pem` only
 * with a private key in it (certificates and CA bundles are public), a `.key`
 * unless it is a Keynote archive or a PEM without a private key, a file in a
 * `secrets/` folder unless its content is encrypted. Empty and unreadable files
 * hold nothing.
 */
export function holdsSecret(file: string, kind: SecretKind): boolean {
  if (kind === 'envTemplate') return false;
  if (kind === 'env') return true;
  const content = readStart(file, kind === 'pem' ? READ_LIMIT : 64 * 1024);
  if (!content || content.length === 0) return false;
  switch (kind) {
    case 'pem':
      return content.includes(PRIVATE_KEY);
    case 'key': {
      if (content.subarray(0, 4).equals(ZIP_MAGIC)) return false;
      const text = content.toString('latin1');
      return !text.includes('-----BEGIN') || text.includes(PRIVATE_KEY);
    }
    case 'secretsFolder':
      return !ENCRYPTED.test(content.toString('latin1'));
    default:
      return true;
  }
}
