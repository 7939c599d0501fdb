// Hardening lints itself with its own plugin, exactly as a user would.
import hardening from 'eslint-plugin-hardening';

export default [
  {
    ignores: ['**/dist/**', '**/out/**', '.cache/**', 'examples/**', 'test/fixtures/**'],
  },
  ...hardening.configs.recommended,
];
