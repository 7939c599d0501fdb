import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  debugSetting,
  isDevelopmentName,
  isDevelopmentOnlyPath,
  isDevelopmentPath,
  isProductionName,
  isProductionPath,
  isTestPath,
  nameWords,
  offValue,
  projectPath,
} from '../../src/detectors/environments.js';

describe('detectors/environments', () => {
  it('projectPath: relative to the working directory, so the checkout location does not count', () => {
    assert.equal(projectPath('/home/ci/tests/repo/app/settings.py', '/home/ci/tests/repo'), 'app/settings.py');
    assert.equal(projectPath('C:\\work\\repo\\app\\settings.py', 'C:\\work\\repo\\'), 'app/settings.py');
    assert.equal(projectPath('/elsewhere/app.py', '/home/ci/repo'), '/elsewhere/app.py');
    assert.equal(projectPath('app/settings.py', '/home/ci/repo'), 'app/settings.py');
  });

  it('nameWords: splits at dots, dashes, underscores and camelCase', () => {
    assert.deepEqual(nameWords('docker-compose.prod.yml'), ['docker', 'compose', 'prod', 'yml']);
    assert.deepEqual(nameWords('.env.development.local'), ['env', 'development', 'local']);
    assert.deepEqual(nameWords('DevelopmentConfig'), ['development', 'config']);
    assert.deepEqual(nameWords('local_settings.py'), ['local', 'settings', 'py']);
  });

  describe('isTestPath', () => {
    it('test folders, test file names and test environments', () => {
      for (const path of [
        'tests/settings.py',
        'app/tests/conftest.py',
        'src/__tests__/server.ts',
        'spec/fixtures/app.yml',
        'e2e/docker-compose.yml',
        'test/fixtures/server.key',
        'pkg/testdata/cert.pem',
        'conftest.py',
        'test_app.py',
        'app_test.py',
        'server.test.ts',
        'server.spec.js',
        'user_spec.rb',
        '.env.test',
        '.env.testing',
        'settings_test.py',
        'docker-compose.ci.yml',
        'src/__mocks__/apollo.ts',
      ]) {
        assert.equal(isTestPath(path), true, path);
      }
    });

    it('not words that merely contain "test", nor examples', () => {
      for (const path of [
        'contest.py',
        'latest/settings.py',
        'attestation/app.py',
        'app/settings.py',
        'examples/flask/app.py',
        'docs/spec.yaml',
        'testimonials.ts',
        'src/server.ts',
        '.env',
        '.env.production',
      ]) {
        assert.equal(isTestPath(path), false, path);
      }
    });
  });

  describe('isDevelopmentPath', () => {
    it('local-development configuration and templates', () => {
      for (const path of [
        '.env.development',
        '.env.dev',
        '.env.local',
        '.env.production.local',
        '.env.example',
        '.env.sample',
        '.env.template',
        '.env.dist',
        '.env.defaults',
        'settings/dev.py',
        'settings/local.py',
        'config/settings/development.py',
        'settings_dev.py',
        'local_settings.py',
        'docker-compose.override.yml',
        'compose.override.yaml',
        'compose.dev.yml',
        'docker-compose.local.yml',
        'docker-compose-dev.yaml',
        'webpack.dev.js',
        'k8s/overlays/dev/deployment.yaml',
        '.devcontainer/docker-compose.yml',
        'dev.env',
      ]) {
        assert.equal(isDevelopmentPath(path), true, path);
      }
    });

    it('not production files, nor words that contain "dev" or "local"', () => {
      for (const path of [
        '.env',
        '.env.production',
        '.env.prod',
        'settings.py',
        'settings/prod.py',
        'settings/base.py',
        'config.py',
        'docker-compose.yml',
        'docker-compose.prod.yml',
        'devices.py',
        'devops/compose.yml',
        'localization/settings.py',
        'locale.py',
        'examples/flask/app.py',
        'k8s/deployment.yaml',
      ]) {
        assert.equal(isDevelopmentPath(path), false, path);
      }
    });
  });

  it('isDevelopmentOnlyPath: tests or development', () => {
    assert.equal(isDevelopmentOnlyPath('tests/settings.py'), true);
    assert.equal(isDevelopmentOnlyPath('settings/local.py'), true);
    assert.equal(isDevelopmentOnlyPath('settings/production.py'), false);
  });

  it('isProductionPath: production and staging names, unless development-only', () => {
    for (const path of ['.env.production', '.env.prod', '.env.staging', 'settings/prod.py', 'docker-compose.prod.yml', 'k8s/production/app.yaml']) {
      assert.equal(isProductionPath(path), true, path);
    }
    for (const path of ['.env', '.env.production.local', 'settings.py', 'docker-compose.yml', 'product.py', 'tests/.env.production']) {
      assert.equal(isProductionPath(path), false, path);
    }
  });

  it('isDevelopmentName / isProductionName: configuration class names', () => {
    for (const name of ['DevelopmentConfig', 'DevConfig', 'TestingConfig', 'TestConfig', 'LocalSettings', 'DebugConfig']) {
      assert.equal(isDevelopmentName(name), true, name);
      assert.equal(isProductionName(name), false, name);
    }
    for (const name of ['ProductionConfig', 'ProdSettings', 'StagingConfig']) {
      assert.equal(isProductionName(name), true, name);
      assert.equal(isDevelopmentName(name), false, name);
    }
    for (const name of ['Config', 'Settings', 'BaseConfig', 'LatestConfig', 'DevicesConfig', 'Product']) {
      assert.equal(isDevelopmentName(name), false, name);
      assert.equal(isProductionName(name), false, name);
    }
  });

  describe('debugSetting', () => {
    it('debug switches set on, with the matching off value', () => {
      assert.deepEqual(debugSetting('DEBUG', 'true'), { kind: 'debug', off: 'false' });
      assert.deepEqual(debugSetting('DEBUG', 'True'), { kind: 'debug', off: 'False' });
      assert.deepEqual(debugSetting('DJANGO_DEBUG', 'TRUE'), { kind: 'debug', off: 'FALSE' });
      assert.deepEqual(debugSetting('FLASK_DEBUG', '1'), { kind: 'debug', off: '0' });
      assert.deepEqual(debugSetting('APP_DEBUG', 'yes'), { kind: 'debug', off: 'no' });
      assert.deepEqual(debugSetting('debug', 'on'), { kind: 'debug', off: 'off' });
      assert.deepEqual(debugSetting('FLASK_ENV', 'development'), { kind: 'debug', off: 'production' });
    });

    it('environments named development', () => {
      assert.deepEqual(debugSetting('NODE_ENV', 'development'), { kind: 'environment', production: 'production' });
      assert.deepEqual(debugSetting('RAILS_ENV', 'dev'), { kind: 'environment', production: 'production' });
      assert.deepEqual(debugSetting('APP_ENV', 'local'), { kind: 'environment', production: 'production' });
    });

    it('not debug switches that are off, namespaces of the debug package, or other variables', () => {
      assert.equal(debugSetting('DEBUG', 'false'), undefined);
      assert.equal(debugSetting('DEBUG', '0'), undefined);
      assert.equal(debugSetting('DEBUG', ''), undefined);
      assert.equal(debugSetting('DEBUG', 'express:*'), undefined);
      assert.equal(debugSetting('DEBUG', 'app:*,-app:noisy'), undefined);
      assert.equal(debugSetting('DEBUG', '${DEBUG}'), undefined);
      assert.equal(debugSetting('NODE_ENV', 'production'), undefined);
      assert.equal(debugSetting('NODE_ENV', 'test'), undefined);
      assert.equal(debugSetting('LOG_LEVEL', 'debug'), undefined);
      assert.equal(debugSetting('SQL_DEBUG', 'true'), undefined);
      assert.equal(debugSetting('FLASK_ENV', 'production'), undefined);
    });
  });

  it('offValue keeps the spelling style', () => {
    assert.deepEqual(['true', 'True', 'TRUE', '1', 'yes', 'Yes', 'on', 'ON', 'y'].map(offValue), [
      'false',
      'False',
      'FALSE',
      '0',
      'no',
      'No',
      'off',
      'OFF',
      'n',
    ]);
  });
});
