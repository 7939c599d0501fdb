// Bundles the language server and the VS Code client with esbuild, so the
// extension ships without node_modules and the server needs nothing from the workspace.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'eslint-plugin', 'package.json'));
const production = process.argv.includes('--production');
// Chunk names carry a hash: start empty so old chunks never ship.
rmSync(join(root, 'server/dist'), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESLint loads TypeScript config files through jiti only on demand; the server never does.
  external: ['jiti'],
};

await Promise.all([
  build({
    ...common,
    // The server and its lint worker (ESLint and the rules) share their code as chunks.
    entryPoints: [join(root, 'server/src/server.ts'), join(root, 'server/src/lint-worker.ts')],
    outdir: join(root, 'server/dist'),
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    // The plugin awaits its grammar at import (top-level await), so the server is ESM;
    // its CommonJS dependencies still use require, __filename and __dirname, which ESM
    // lacks (TypeScript probes case sensitivity with __filename when it loads).
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "import { dirname as __pathDirname } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __pathDirname(__filename);',
      ].join('\n'),
    },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'client/src/extension.ts')],
    outfile: join(root, 'client/dist/extension.js'),
    format: 'cjs',
    external: ['vscode'],
  }),
]);

// The Python grammar and tree-sitter's runtime are loaded from beside the bundle.
const serverDist = join(root, 'server/dist');
mkdirSync(serverDist, { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(serverDist, 'web-tree-sitter.wasm'));
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), join(serverDist, 'tree-sitter-python.wasm'));
