/**
 * Why an item cannot be checked from a repository's files. The wording follows
 * docs/coverage.md ("Not checkable from a repository's files").
 */
export const NOT_CHECKABLE = {
  mfa: 'MFA for admin roles lives in app-specific role models; no file format shows it.',
  roles: 'Role models are app-specific; no file format shows who may do what.',
  imageScanning: 'Image scanning needs the built image (trivy), not the repository.',
  vulnerabilityScanning:
    'What npm audit, pip-audit, Dependabot and trivy do against vulnerability databases; a linter has no such data offline.',
  logging:
    'Proving that something is logged needs whole-program analysis; monitoring, retention and alerts are infrastructure. Secrets in logs are checked under "Never log tokens or secrets".',
  auditLogging:
    'Proving that every mutation is logged needs whole-program analysis. Secrets in logs are checked under "Never log tokens or secrets".',
  process: 'A process or a document, not a file a linter reads.',
  inputValidation:
    'Whether every endpoint validates its input needs whole-program analysis. The injection sinks are checked (SQL injection, XSS) and so are password length minimums.',
  rotation: 'A process over time: nothing in a file shows when a secret was last rotated.',
  lockout: "Behaviour spread across the app's code and database, with no common marker. A test suite checks it; a linter can't.",
  appFlow: 'An application flow, not configuration.',
  plaintextPasswords:
    'Whether a stored value was hashed first is data flow from the request to the database. The hash functions used are checked under "Never use MD5, SHA-1, or unsalted hashes".',
  encryptionAtRest: 'Which fields are sensitive is domain knowledge; disk and database encryption are infrastructure.',
} as const;
