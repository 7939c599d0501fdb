import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { describe, it } from 'mocha';
import { isComposePath, languageOfPath } from '../../src/checklist/files.js';
import plugin from '../../src/index.js';
import { LANGUAGE_NAMES } from '../../src/util/languages.js';

// Names real repositories use, overlapping patterns included (see configs.test.ts).
const PATHS = [
  'src/app.ts',
  'web/src/comments.tsx',
  'scripts/build.mjs',
  '.env.example.js',
  'api/main.py',
  'Dockerfile.py',
  'Dockerfile',
  'api/Dockerfile',
  'Dockerfile.prod',
  'docker/api.Dockerfile',
  'Containerfile',
  'Dockerfile.md',
  'deploy/nginx.conf',
  'conf.d/shop.conf',
  'sites-enabled/default',
  'deploy/redis.conf',
  'redis/replica.conf',
  'redis-sentinel.conf',
  '.env',
  '.env.production',
  'config/prod.env',
  'config/.env.d/app.yml',
  '.gitignore',
  'api/.gitignore',
  'k8s/deployment.yaml',
  'docker-compose.yml',
  'README.md',
  'package.json',
];

describe('checklist/files', () => {
  it('gives each path the language ESLint gives it under configs.recommended', async () => {
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: plugin.configs.recommended as never });
    const names = new Map<unknown, string>(Object.entries(plugin.languages).map(([id, object]) => [object, `hardening/${id}`]));
    for (const path of PATHS) {
      const config = (await eslint.calculateConfigForFile(path)) as { language?: unknown } | undefined;
      const expected = config === undefined ? undefined : (names.get(config.language) ?? LANGUAGE_NAMES.javascript);
      const language = languageOfPath(path);
      assert.equal(language === undefined ? undefined : LANGUAGE_NAMES[language], expected, path);
    }
    assert.deepEqual(
      new Set(PATHS.map(languageOfPath).filter((language) => language !== undefined)),
      new Set(Object.keys(LANGUAGE_NAMES)),
      'the paths cover every language',
    );
  });

  it('knows Compose files by their conventional names', () => {
    for (const path of ['docker-compose.yml', 'deploy/docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml', 'docker-compose-dev.yml']) {
      assert.ok(isComposePath(path), path);
    }
    for (const path of ['k8s/api.yaml', 'composer.yml', 'my-compose.yml', '.github/workflows/ci.yml']) {
      assert.ok(!isComposePath(path), path);
    }
  });
});
