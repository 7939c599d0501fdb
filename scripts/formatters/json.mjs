// ESLint's `json` output without `source`: ESLint's own formatter copies the whole
// text of every file with a finding into it, secrets included, and Hardening's
// output never shows a secret in clear. Everything else is ESLint's, as is.
export default function formatJson(results) {
  return JSON.stringify(results.map(({ source: _source, ...result }) => result));
}
