import { NOT_CHECKABLE } from './reasons.js';
import type { ChecklistSection, RuleMapping } from './types.js';

/** require-redis-tls checks TLS and passwords; each item takes its half. */
const REDIS_TLS: RuleMapping = {
  rule: 'require-redis-tls',
  messageIds: ['plaintextUrl', 'plaintextNoPasswordUrl', 'tlsOptionDisabled', 'noTlsPort', 'plaintextPort'],
};
const REDIS_PASSWORD: RuleMapping = {
  rule: 'require-redis-tls',
  messageIds: ['noPasswordUrl', 'plaintextNoPasswordUrl', 'protectedModeOff', 'noAuthExposed'],
};
const WEAK_SIGNING_SECRET: RuleMapping = { rule: 'no-hardcoded-secrets', messageIds: ['weakSecretKey'] };
const TLS_EVERYWHERE: readonly RuleMapping[] = [
  'nginx-require-strong-tls',
  'no-disabled-tls-verification',
  'require-database-tls',
  REDIS_TLS,
];

/** AutonomOS Platform Security Hardening Guide: the four checklists, in the guide's order. */
export const AUTONOMOS_CHECKLIST: readonly ChecklistSection[] = [
  {
    guide: 'AutonomOS',
    section: 'Authentication Best Practices › JWT Token Security',
    items: [
      {
        item: 'Use strong secret key (32+ random bytes)',
        rules: [WEAK_SIGNING_SECRET, 'no-insecure-randomness'],
        partly: 'Checks signing secrets written in the repository and how keys are generated; a key read from the environment cannot be measured.',
      },
      {
        item: 'Set short token expiration (30 minutes)',
        rules: [
          {
            rule: 'no-insecure-jwt',
            messageIds: ['missingExpiry', 'expiryDisabled', 'accessTokenLifetime', 'refreshTokenLifetime'],
          },
        ],
      },
      {
        item: 'Validate token on every request',
        rules: [{ rule: 'no-insecure-jwt', messageIds: ['noneAlgorithm', 'noneAccepted', 'signatureNotVerified', 'unverifiedDecode'] }],
        partly: 'Checks that tokens are never decoded without verifying the signature or with the "none" algorithm; that every route verifies one is not checkable.',
      },
      { item: 'Store tokens in httpOnly cookies (for web apps)', rules: ['require-secure-cookies'] },
      { item: 'Never log tokens or secrets', rules: ['no-secrets-in-logs'] },
      { item: 'Rotate JWT secret key quarterly', notCheckable: NOT_CHECKABLE.rotation },
      { item: 'Never send tokens in URL parameters', rules: ['no-token-in-url'] },
      { item: 'Never store tokens in localStorage (XSS risk)', rules: ['no-token-in-web-storage'] },
    ],
  },
  {
    guide: 'AutonomOS',
    section: 'Authentication Best Practices › Password Security',
    items: [
      {
        item: 'Use Argon2 for password hashing',
        rules: ['no-weak-hashing'],
        partly: 'Checks that password hashing is neither weak nor under-parameterized; bcrypt (cost 12+) passes too.',
      },
      {
        item: 'Enforce strong password policy (12+ chars, mixed case, numbers, symbols)',
        rules: ['require-strong-password-policy'],
        partly: 'Checks the length minimum; character classes are hand-made regular expressions with no common shape.',
      },
      { item: 'Implement account lockout after 5 failed attempts', notCheckable: NOT_CHECKABLE.lockout },
      { item: 'Require password change on first login', notCheckable: NOT_CHECKABLE.appFlow },
      { item: 'Never store plaintext passwords', notCheckable: NOT_CHECKABLE.plaintextPasswords },
      { item: 'Never send passwords via email', notCheckable: NOT_CHECKABLE.appFlow },
      { item: 'Never use MD5, SHA-1, or unsalted hashes', rules: ['no-weak-hashing'] },
    ],
  },
  {
    guide: 'AutonomOS',
    section: 'Compliance › SOC 2 (Service Organization Control)',
    items: [
      { item: 'TLS 1.2+ for all external communications', rules: TLS_EVERYWHERE },
      { item: 'AES-256 encryption for data at rest', notCheckable: NOT_CHECKABLE.encryptionAtRest },
      { item: 'MFA for admin access', notCheckable: NOT_CHECKABLE.mfa },
      { item: 'Role-based access control (RBAC)', notCheckable: NOT_CHECKABLE.roles },
      { item: 'Automated vulnerability scanning', notCheckable: NOT_CHECKABLE.vulnerabilityScanning },
      { item: 'Annual penetration testing', notCheckable: NOT_CHECKABLE.process },
      { item: 'Incident response plan documented', notCheckable: NOT_CHECKABLE.process },
      { item: 'Business continuity / disaster recovery plan', notCheckable: NOT_CHECKABLE.process },
    ],
  },
  {
    guide: 'AutonomOS',
    section: 'Security Checklist › Production Deployment',
    items: [
      {
        item: 'All secrets stored in environment variables (not code)',
        rules: ['no-hardcoded-secrets', 'require-gitignore-secrets'],
      },
      { item: 'TLS/SSL enabled for all external connections', rules: [...TLS_EVERYWHERE, 'nginx-require-https-redirect'] },
      { item: 'Database connections encrypted (SSL)', rules: ['require-database-tls'] },
      { item: 'Redis password authentication enabled', rules: [REDIS_PASSWORD] },
      {
        item: 'JWT secret key is strong (32+ bytes) and rotated quarterly',
        rules: [WEAK_SIGNING_SECRET, 'no-insecure-randomness'],
        partly:
          'Checks signing secrets written in the repository and how keys are generated. Rotation is not checkable: nothing in a file shows when a secret was last rotated.',
      },
      {
        item: 'Rate limiting enabled (60 req/min per tenant)',
        rules: ['nginx-require-rate-limit'],
        partly: 'Checks that nginx rate-limits proxied sign-in and token locations; per-tenant limits in application code are not read.',
      },
      { item: 'Input validation with Pydantic schemas', notCheckable: NOT_CHECKABLE.inputValidation },
      {
        item: 'SQL injection prevention (ORM only, no raw queries)',
        rules: ['no-sql-concatenation'],
        partly: 'Checks that no SQL is built from strings; parameterized raw queries pass.',
      },
      {
        item: 'XSS prevention (CSP headers, sanitized output)',
        rules: ['no-unsanitized-html', 'nginx-require-security-headers'],
      },
      { item: 'Audit logging enabled (all mutations logged)', notCheckable: NOT_CHECKABLE.auditLogging },
      {
        item: 'Firewall configured (only ports 80, 443, 22 open)',
        rules: [{ rule: 'no-exposed-datastore-ports', files: 'compose' }],
        partly: 'Checks that Compose files publish no datastore port on all interfaces; host firewalls (UFW, security groups) are outside the repository.',
      },
      {
        item: 'Security headers configured (HSTS, CSP, X-Frame-Options)',
        rules: ['nginx-require-security-headers'],
        partly: 'Checks nginx configs; headers set in application code (helmet, middleware) are not read.',
      },
      { item: 'Vulnerability scanning automated (weekly)', notCheckable: NOT_CHECKABLE.vulnerabilityScanning },
      { item: 'Backup and disaster recovery plan tested', notCheckable: NOT_CHECKABLE.process },
      { item: 'Incident response plan documented and reviewed', notCheckable: NOT_CHECKABLE.process },
    ],
  },
];
