import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { IgnoreLayer } from '../detectors/gitignore-match.js';
import { GitignoreRules, ignoreDecision } from '../detectors/gitignore-match.js';
import { isTestPath } from '../detectors/environments.js';
import type { GitignoreFile } from '../languages/gitignore/gitignore-node.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';
import type { Candidate, Repository } from './require-gitignore-secrets/repository.js';
import { patternLines, readRepository } from './require-gitignore-secrets/repository.js';
import { ENTRY_ORDER, entriesFor, holdsSecret } from './require-gitignore-secrets/secret-files.js';
import { appendEntries, fileLoc, listFiles } from './require-gitignore-secrets/edits.js';
import { reincludedName } from './require-gitignore-secrets/negations.js';

export type Options = [{ allow?: string[] }];
export type MessageIds = 'envNotIgnored' | 'filesNotIgnored' | 'reincluded' | 'removeNegation';

export default createRule<Options, MessageIds>({
  name: 'require-gitignore-secrets',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.gitignore],
    docs: {
      description: 'Require .gitignore to ignore .env files, private keys and the other secret files of the repository',
      recommended: true,
      guide: ['AutonomOS › Secret Management › Environment Variable Storage', 'AMAS › 5.1 Environment Variables'],
      cwe: ['CWE-538', 'CWE-312'],
      howToFix:
        'Add `.env`, `.env.*` and secret files such as `*.pem` and `*.key` to `.gitignore`, re-including only templates like `!.env.example`; for a file already committed, run `git rm --cached` and rotate its secrets.',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'gitignore-style patterns, relative to the .gitignore\'s folder, of secret-looking files that are meant to be committed (for example "docs/sample-keys/").',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      envNotIgnored:
        'This .gitignore does not ignore .env, so a .env file with its secrets can be committed and stay in the Git history. Add .env and .env.* to it.',
      filesNotIgnored:
        'Secret files are not ignored: {{files}}. Once committed, their secrets stay in the Git history. Add {{entries}} to this .gitignore.',
      reincluded:
        '!{{pattern}} re-includes {{name}}, so it can be committed with its secrets. Remove this line; re-include only templates such as .env.example.',
      removeNegation: 'Remove this line.',
    },
  },
  defaultOptions: [{ allow: [] }],
  create(context, [{ allow = [] }]) {
    const sourceCode = treeSourceCode<GitignoreFile>(context);
    const text = sourceCode.text;
    const allowed: IgnoreLayer[] = [{ base: '', rules: new GitignoreRules(allow.map((source) => ({ source, negated: false }))) }];

    return {
      GitignoreFile(file: GitignoreFile) {
        const filename = context.physicalFilename || context.filename;
        const repository: Repository = (path.isAbsolute(filename) ? readRepository(filename) : undefined) ?? {
          prefix: '',
          isRoot: true,
          above: [],
          below: [],
          candidates: [],
          truncated: false,
          contents: new Map(),
        };
        const own = new GitignoreRules(patternLines(file, text));
        const ownLayer = repository.above.length;
        const layers: IgnoreLayer[] = [...repository.above, { base: repository.prefix, rules: own }, ...repository.below];
        const inRepository = (relative: string) => (repository.prefix ? `${repository.prefix}/${relative}` : relative);
        const existing = new Set(file.children.filter((node) => !node.negated).map((node) => text.slice(node.range[0], node.range[1])));

        // Negations that re-include a secret file: reported on their line.
        const reported = new Set<number>();
        file.children.forEach((node, index) => {
          if (!node.negated) return;
          const pattern = text.slice(node.range[0] + 1, node.range[1]);
          const name = reincludedName({ source: pattern, compiled: own.patterns[index]!, index }, { repository, layers, ownLayer });
          if (!name) return;
          reported.add(index);
          context.report({
            loc: node.loc,
            messageId: 'reincluded',
            data: { pattern, name },
            suggest: [{ messageId: 'removeNegation', fix: (fixer) => fixer.removeRange(lineRange(node.range)) }],
          });
        });
        const byReportedNegation = (decision: ReturnType<typeof ignoreDecision>) =>
          decision.layer === ownLayer && decision.pattern !== undefined && reported.has(decision.pattern);

        const templates = repository.candidates
          .filter((candidate) => candidate.kind === 'envTemplate' && !ignoreDecision(layers, candidate.path, false).ignored)
          .map((candidate) => candidate.name);
        const fixFor = (entries: string[]) => {
          const missing = ENTRY_ORDER.filter((entry) => entries.includes(entry) && !existing.has(entry));
          if (missing.length === 0) return null;
          if (missing.includes('.env.*')) missing.splice(missing.indexOf('.env.*') + 1, 0, ...[...new Set(templates)].sort().map((name) => `!${name}`));
          return (fixer: TSESLint.RuleFixer) => fixer.insertTextAfterRange([text.length, text.length], appendEntries(text, missing));
        };

        let envReported = false;
        if (repository.isRoot) {
          const decision = ignoreDecision(layers, inRepository('.env'), false);
          if (!decision.ignored && !byReportedNegation(decision)) {
            envReported = true;
            context.report({ loc: fileLoc(text), messageId: 'envNotIgnored', fix: fixFor(['.env', '.env.*']) });
          }
        }

        const exposed: Candidate[] = repository.candidates.filter((candidate) => {
          if (candidate.kind === 'envTemplate' || isTestPath(candidate.path)) return false;
          if (envReported && candidate.shown === '.env') return false;
          if (ignoreDecision(allowed, candidate.shown, false).ignored) return false;
          // A .gitignore further down reports the files below it.
          if (repository.below.some(({ base }) => candidate.path.startsWith(`${base}/`))) return false;
          const decision = ignoreDecision(layers, candidate.path, false);
          if (decision.ignored || byReportedNegation(decision)) return false;
          let secret = repository.contents.get(candidate.absolute);
          if (secret === undefined) {
            secret = holdsSecret(candidate.absolute, candidate.kind);
            repository.contents.set(candidate.absolute, secret);
          }
          return secret;
        });
        if (exposed.length === 0) return;
        const entries = [...new Set(exposed.flatMap((candidate) => entriesFor(candidate.kind, candidate.name)))];
        const shownEntries = ENTRY_ORDER.filter((entry) => entries.includes(entry));
        context.report({
          loc: fileLoc(text),
          messageId: 'filesNotIgnored',
          data: { files: listFiles(exposed.map((candidate) => candidate.shown)), entries: shownEntries.join(', ') },
          fix: fixFor(entries),
        });
      },
    };

    /** A whole line with its line break, for removing it. */
    function lineRange([start, end]: [number, number]): [number, number] {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = text.indexOf('\n', end);
      return [lineStart, lineEnd === -1 ? text.length : lineEnd + 1];
    }
  },
});
