// The configuration `npm run scan` lints with: every Hardening rule that is in
// `recommended`, over every supported file type. A project's own eslint.config.js
// is the same one line. `standalone` drops what the scanned code's own disable
// comments make ESLint say about rules of other plugins, which the scan does not run.
import hardening from 'eslint-plugin-hardening';

export default [...hardening.configs.recommended, ...hardening.configs.standalone];
