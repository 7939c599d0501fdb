/**
 * GitHub code scanning ranks a security alert by its rule's `security-severity`, a CVSS-like
 * score: 9.0 and above is critical, 7.0 high, 4.0 medium, below that low.
 *
 * A rule's score is the highest score among its CWEs. Where a CodeQL query is tagged with the
 * CWE, the score is that query's (CodeQL derives its scores from the CVSS scores of the CVEs
 * filed under the CWE), so a Hardening alert ranks like CodeQL's alert for the same weakness.
 * The CWEs no CodeQL query covers are estimates, marked as such.
 */
export const CWE_SECURITY_SEVERITY: Readonly<Record<string, number>> = {
  'CWE-79': 6.1, // js/xss
  'CWE-89': 8.8, // js/sql-injection
  'CWE-215': 7.5, // py/flask-debug
  'CWE-250': 7.5, // estimate: a container that runs as root
  'CWE-269': 7.5, // estimate: as CWE-250
  'CWE-295': 7.5, // js/disabling-certificate-validation
  'CWE-306': 8.8, // estimate: a datastore that accepts clients without a password
  'CWE-307': 7.5, // js/missing-rate-limiting
  'CWE-312': 7.5, // js/clear-text-storage-of-sensitive-data
  'CWE-319': 7.5, // swift/cleartext-transmission
  'CWE-326': 7.5, // js/insufficient-key-size
  'CWE-327': 7.5, // js/weak-cryptographic-algorithm
  'CWE-328': 7.5, // estimate: as CWE-327
  'CWE-338': 7.8, // js/insecure-randomness
  'CWE-347': 7.0, // js/jwt-missing-verification
  'CWE-489': 7.5, // py/flask-debug
  'CWE-521': 5.0, // estimate
  'CWE-532': 7.5, // js/clear-text-logging
  'CWE-538': 5.0, // estimate
  'CWE-598': 6.5, // js/sensitive-get-query
  'CWE-613': 5.0, // estimate
  'CWE-614': 5.0, // js/clear-text-cookie
  'CWE-668': 6.5, // estimate: as py/bind-socket-all-network-interfaces
  'CWE-693': 5.0, // estimate
  'CWE-770': 7.5, // js/missing-rate-limiting
  'CWE-798': 9.8, // js/hardcoded-credentials
  'CWE-916': 8.1, // js/insufficient-password-hash
  'CWE-922': 5.0, // estimate
  'CWE-942': 7.5, // js/cors-misconfiguration-for-credentials
  'CWE-1004': 5.0, // js/client-exposed-cookie
  'CWE-1021': 5.0, // estimate
};

/** Used for a CWE the table does not know: medium, so the alert is neither hidden nor inflated. */
export const DEFAULT_SECURITY_SEVERITY = 5.0;

/** The `security-severity` of a rule with these CWE ids (`CWE-798`), as GitHub wants it: a string with one decimal. */
export function securitySeverity(cwes: readonly string[]): string {
  const scores = cwes.map((cwe) => CWE_SECURITY_SEVERITY[cwe.toUpperCase()] ?? DEFAULT_SECURITY_SEVERITY);
  return (scores.length > 0 ? Math.max(...scores) : DEFAULT_SECURITY_SEVERITY).toFixed(1);
}
