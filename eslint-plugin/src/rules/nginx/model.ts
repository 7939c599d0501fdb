import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ConfigBlock } from '../../detectors/nginx-config.js';
import { NO_FILES, allBlocks, buildConfig, inferContext } from '../../detectors/nginx-config.js';
import type { NginxConfig } from '../../languages/nginx/nginx-node.js';
import { treeSourceCode } from '../../util/languages.js';
import { DiskIncludes, findRoot, realPath } from './files.js';

export interface NginxAnalysis {
  /** The configuration analysed: the linted file, or the `nginx.conf` that includes it. */
  top: ConfigBlock;
  /** The linted file as the model names it; only blocks and entries from it are reported. */
  file: string;
}

/** How many folders up from the linted file an including `nginx.conf` is looked for. */
const PARENT_LEVELS = 3;

/** One analysis per lint, shared by the nginx rules (they see the same tree object). */
const analyses = new WeakMap<NginxConfig, NginxAnalysis>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function analyzeNginx(context: AnyContext): NginxAnalysis {
  const ast = treeSourceCode<NginxConfig>(context).ast;
  let analysis = analyses.get(ast);
  if (!analysis) {
    analysis = build(context, ast);
    analyses.set(ast, analysis);
  }
  return analysis;
}

function build(context: AnyContext, ast: NginxConfig): NginxAnalysis {
  const filename = context.physicalFilename || context.filename;
  if (!path.isAbsolute(filename)) return { top: buildConfig(ast, filename, NO_FILES), file: filename };
  const file = realPath(filename);
  const dir = path.dirname(file);
  const root = findRoot(dir, context.cwd);
  const source = new DiskIncludes(root, new Map([[file, ast]]));
  const topContext = inferContext(ast.children);
  if (topContext !== 'main') {
    const parent = includingConfig(file, dir, root, source);
    if (parent) return { top: parent, file };
  }
  return { top: buildConfig(ast, file, source, topContext), file };
}

/**
 * A file included from `http` or `server` inherits from levels it does not
 * show. When an `nginx.conf` in the file's folder or up to three folders
 * above includes it, that `nginx.conf` is analysed instead, so the `http`
 * level's headers, rate limits and zones count.
 */
function includingConfig(file: string, dir: string, root: string, source: DiskIncludes): ConfigBlock | null {
  let current = dir;
  for (let level = 0; level <= PARENT_LEVELS; level++) {
    const candidate = path.join(current, 'nginx.conf');
    if (candidate !== file && source.isFile(candidate)) {
      const parentFile = realPath(candidate);
      const ast = source.load(parentFile);
      if (ast && inferContext(ast.children) === 'main') {
        const top = buildConfig(ast, parentFile, source, 'main');
        for (const block of allBlocks(top)) {
          if (block.entries.some((entry) => entry.file === file)) return top;
        }
      }
    }
    if (current === root || path.dirname(current) === current) break;
    current = path.dirname(current);
  }
  return null;
}
