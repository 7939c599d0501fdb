// Hardening lints itself with its own plugin, exactly as a user would.
import hardening from 'eslint-plugin-hardening';

export default [
  {
    ignores: ['**/dist/**', '**/out/**', '.cache/**', 'examples/**', 'test/fixtures/**'],
  },
  ...hardening.configs.recommended,
  {
    // Rule tests hold fake credentials, and URLs carrying them, as test inputs (fixtures).
    files: ['eslint-plugin/tests/**', 'test/**'],
    rules: {
      'hardening/no-hardcoded-secrets': 'off',
      'hardening/no-token-in-url': 'off',
      'hardening/require-database-tls': 'off',
      'hardening/require-redis-tls': 'off',
      'hardening/no-disabled-tls-verification': 'off',
    },
  },
];
