import nginxRequireHttpsRedirect from './nginx-require-https-redirect.js';
import nginxRequireRateLimit from './nginx-require-rate-limit.js';
import nginxRequireSecurityHeaders from './nginx-require-security-headers.js';
import nginxRequireStrongTls from './nginx-require-strong-tls.js';
import noDebugInProduction from './no-debug-in-production.js';
import noDisabledTlsVerification from './no-disabled-tls-verification.js';
import noExposedDatastorePorts from './no-exposed-datastore-ports.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noInsecureJwt from './no-insecure-jwt.js';
import noInsecureRandomness from './no-insecure-randomness.js';
import noPermissiveCors from './no-permissive-cors.js';
import noSecretsInLogs from './no-secrets-in-logs.js';
import noSqlConcatenation from './no-sql-concatenation.js';
import noTokenInUrl from './no-token-in-url.js';
import noTokenInWebStorage from './no-token-in-web-storage.js';
import noUnsanitizedHtml from './no-unsanitized-html.js';
import noWeakHashing from './no-weak-hashing.js';
import requireDatabaseTls from './require-database-tls.js';
import requireGitignoreSecrets from './require-gitignore-secrets.js';
import requireK8sSecurityContext from './require-k8s-security-context.js';
import requireNonRootUser from './require-non-root-user.js';
import requireRedisTls from './require-redis-tls.js';
import requireSecureCookies from './require-secure-cookies.js';
import requireStrongPasswordPolicy from './require-strong-password-policy.js';
import requireSuppressionReason from './require-suppression-reason.js';

export const rules = {
  'nginx-require-https-redirect': nginxRequireHttpsRedirect,
  'nginx-require-rate-limit': nginxRequireRateLimit,
  'nginx-require-security-headers': nginxRequireSecurityHeaders,
  'nginx-require-strong-tls': nginxRequireStrongTls,
  'no-debug-in-production': noDebugInProduction,
  'no-disabled-tls-verification': noDisabledTlsVerification,
  'no-exposed-datastore-ports': noExposedDatastorePorts,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-insecure-jwt': noInsecureJwt,
  'no-insecure-randomness': noInsecureRandomness,
  'no-permissive-cors': noPermissiveCors,
  'no-secrets-in-logs': noSecretsInLogs,
  'no-sql-concatenation': noSqlConcatenation,
  'no-token-in-url': noTokenInUrl,
  'no-token-in-web-storage': noTokenInWebStorage,
  'no-unsanitized-html': noUnsanitizedHtml,
  'no-weak-hashing': noWeakHashing,
  'require-database-tls': requireDatabaseTls,
  'require-gitignore-secrets': requireGitignoreSecrets,
  'require-k8s-security-context': requireK8sSecurityContext,
  'require-non-root-user': requireNonRootUser,
  'require-redis-tls': requireRedisTls,
  'require-secure-cookies': requireSecureCookies,
  'require-strong-password-policy': requireStrongPasswordPolicy,
  'require-suppression-reason': requireSuppressionReason,
};
