import type { CompiledPattern, IgnoreLayer } from '../../detectors/gitignore-match.js';
import { ignoreDecision, patternMatches } from '../../detectors/gitignore-match.js';
import type { Repository } from './repository.js';
import type { SecretKind } from './secret-files.js';
import { secretKindOfName } from './secret-files.js';

/** Names that stand for each kind of secret file when a negation is a glob (`!*.key`, `!.env*`). */
const SAMPLES: readonly string[] = ['.env', '.env.local', '.env.production', 'server.pem', 'server.key', 'cert.p12', 'cert.pfx', 'id_rsa', 'id_ed25519'];

const KIND_LABELS: Partial<Record<SecretKind, string>> = {
  env: '.env files',
  pem: '*.pem private keys',
  key: '*.key private keys',
  p12: '*.p12 key stores',
  pfx: '*.pfx key stores',
  ssh: 'SSH private keys',
};

const GLOB = /[*?[\\]/;

export interface Negation {
  /** The pattern as written after `!`. */
  source: string;
  compiled: CompiledPattern;
  /** Its index among the linted file's patterns. */
  index: number;
}

export interface Evaluation {
  repository: Repository;
  layers: readonly IgnoreLayer[];
  /** The index of the linted file's layer. */
  ownLayer: number;
}

/**
 * What a `!pattern` of the linted file re-includes that holds secrets: a file
 * of the repository, the path it names, or a kind of file (`!*.key`), when the
 * negation is what decides that such a path is not ignored. Undefined for a
 * negation of templates (`!.env.example`) or one that a later line overrides.
 */
export function reincludedName(negation: Negation, { repository, layers, ownLayer }: Evaluation): string | undefined {
  const trimmed = negation.source.replace(/^\//, '').replace(/\/+$/, '');
  const folder = trimmed.includes('/') ? trimmed.slice(0, trimmed.lastIndexOf('/')) : '';
  const tries: { path: string; label: string }[] = repository.candidates.map((candidate) => ({ path: candidate.shown, label: candidate.shown }));
  if (!GLOB.test(trimmed)) tries.push({ path: trimmed, label: trimmed });
  for (const sample of SAMPLES) {
    const label = KIND_LABELS[secretKindOfName(sample, false)!]!;
    tries.push({ path: sample, label });
    if (folder && !GLOB.test(folder)) tries.push({ path: `${folder}/${sample}`, label });
  }
  const inRepository = (relative: string) => (repository.prefix ? `${repository.prefix}/${relative}` : relative);
  for (const { path, label } of tries) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const kind = secretKindOfName(name, false);
    if (!kind || kind === 'envTemplate' || !patternMatches(negation.compiled, path, false)) continue;
    const decision = ignoreDecision(layers, inRepository(path), false);
    if (!decision.ignored && decision.layer === ownLayer && decision.pattern === negation.index) return label;
  }
  return undefined;
}
