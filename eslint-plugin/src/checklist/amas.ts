import { NOT_CHECKABLE } from './reasons.js';
import type { ChecklistSection } from './types.js';

/** AMAS Security Hardening Guide, "## Security Checklist". */
export const AMAS_CHECKLIST: readonly ChecklistSection[] = [
  {
    guide: 'AMAS',
    section: 'Security Checklist',
    items: [
      {
        item: 'All secrets in secret manager (not in code)',
        rules: ['no-hardcoded-secrets', 'require-gitignore-secrets'],
        partly: 'Checks that no secret is in the repository; whether deployed secrets come from a secret manager is not checkable.',
      },
      {
        item: 'HTTPS/TLS enabled with strong ciphers',
        // Only nginx shows the ciphers: TLS verification in code alone does not make this item pass.
        rules: [{ rule: 'nginx-require-strong-tls', required: true }, 'nginx-require-https-redirect', 'no-disabled-tls-verification'],
      },
      {
        item: 'Rate limiting configured',
        rules: ['nginx-require-rate-limit'],
        partly: 'Checks that nginx rate-limits proxied sign-in and token locations; limits set in application code are not read.',
      },
      { item: 'Authentication with MFA for admins', notCheckable: NOT_CHECKABLE.mfa },
      { item: 'Input validation on all endpoints', notCheckable: NOT_CHECKABLE.inputValidation },
      { item: 'SQL injection prevention (parameterized queries)', rules: ['no-sql-concatenation'] },
      {
        item: 'CORS properly configured',
        rules: ['no-permissive-cors'],
        partly: 'Checks that no CORS configuration allows every origin together with credentials.',
      },
      {
        item: 'Security headers set (HSTS, CSP, X-Frame-Options)',
        rules: ['nginx-require-security-headers'],
        partly: 'Checks nginx configs; headers set in application code (helmet, middleware) are not read.',
      },
      { item: 'Container images scanned for vulnerabilities', notCheckable: NOT_CHECKABLE.imageScanning },
      { item: 'Logging and monitoring active', notCheckable: NOT_CHECKABLE.logging },
      { item: 'Automated backups configured', notCheckable: NOT_CHECKABLE.process },
      { item: 'Disaster recovery plan documented', notCheckable: NOT_CHECKABLE.process },
      { item: 'Security incident response plan', notCheckable: NOT_CHECKABLE.process },
      { item: 'Regular security audits scheduled', notCheckable: NOT_CHECKABLE.process },
    ],
  },
];
