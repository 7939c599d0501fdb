import { FILES_BY_LANGUAGE, IGNORES_BY_LANGUAGE } from '../configs/files.js';
import { LANGUAGE_NAMES, type LanguageId } from '../util/languages.js';

/** What the checklist counts as checked: a language of the plugin, or Compose files among YAML. */
export type FileKind = LanguageId | 'compose';

/** Singular and plural, in the order `checked` lists them. */
const KIND_NAMES: Record<FileKind, readonly [string, string]> = {
  javascript: ['JS/TS file', 'JS/TS files'],
  python: ['Python file', 'Python files'],
  dockerfile: ['Dockerfile', 'Dockerfiles'],
  compose: ['Compose file', 'Compose files'],
  yaml: ['YAML file', 'YAML files'],
  nginx: ['nginx config', 'nginx configs'],
  redis: ['redis.conf', 'redis.conf files'],
  env: ['.env file', '.env files'],
  gitignore: ['.gitignore', '.gitignore files'],
};

export const KIND_ORDER = Object.keys(KIND_NAMES) as FileKind[];

export function describeCount(kind: FileKind, count: number): string {
  const [one, many] = KIND_NAMES[kind];
  return `${count} ${count === 1 ? one : many}`;
}

/** "nginx config", "nginx config or Dockerfile", "A, B or C". */
export function describeKinds(kinds: readonly FileKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind][0]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}` : (names[0] ?? '');
}

/** A flat-config glob (`**` segments, `*`, `?`) as a regular expression over a `/`-separated relative path. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const MATCHERS = (Object.keys(FILES_BY_LANGUAGE) as LanguageId[]).map((language) => ({
  language,
  files: FILES_BY_LANGUAGE[language].map(globToRegExp),
  ignores: (IGNORES_BY_LANGUAGE[language] ?? []).map(globToRegExp),
}));

/**
 * The language the plugin's configs give a file, from the same globs
 * (`configs/files.ts`): each file belongs to exactly one.
 */
export function languageOfPath(relativePath: string): LanguageId | undefined {
  return MATCHERS.find(
    ({ files, ignores }) => files.some((re) => re.test(relativePath)) && !ignores.some((re) => re.test(relativePath)),
  )?.language;
}

/** Compose files by their conventional names (`docker-compose.yml`, `compose.prod.yaml`). */
export function isComposePath(relativePath: string): boolean {
  return /(?:^|\/)(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i.test(relativePath);
}

const LANGUAGE_BY_NAME = new Map<string, LanguageId>(
  (Object.entries(LANGUAGE_NAMES) as [LanguageId, string][]).map(([id, name]) => [name, id]),
);

/** `hardening/python` (a rule's `meta.languages` entry) → `python`. */
export function languageIdOf(name: string): LanguageId | undefined {
  return LANGUAGE_BY_NAME.get(name);
}
