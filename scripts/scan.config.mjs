// The configuration `npm run scan` lints with: every Hardening rule that is in
// `recommended`, over every supported file type. A project's own eslint.config.js
// is the same one line.
import hardening from 'eslint-plugin-hardening';

export default [...hardening.configs.recommended];
