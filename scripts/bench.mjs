// `npm run bench`: per-keystroke cost of one lint through the language server's
// code path (its lint host: ESLint's Linter with the plugin's recommended config),
// for a generated 2,000-line file of each supported type. Prints figures; asserts
// nothing, since wall-clock times on a shared machine are noisy. Beside each figure
// is the same lint with no rules enabled (parsing and ESLint's own passes), so the
// rules' share reads as a ratio measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLintHost } from '../server/out/lint-host.js';
import { recommendedConfigProvider } from '../server/out/config-provider.js';

const LINES = 2000;
const WARMUP = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_MS = 50;

/**
 * A valid file of exactly `LINES` lines: the header, as many whole numbered
 * blocks as fit before the footer, then comment lines.
 */
function generate(comment, header, block, footer = '') {
  const lines = header.split('\n');
  const tail = footer ? footer.split('\n') : [];
  for (let i = 0; ; i++) {
    const next = block(i).split('\n');
    if (lines.length + next.length + tail.length > LINES) break;
    lines.push(...next);
  }
  while (lines.length + tail.length < LINES) lines.push(`${comment} padding`);
  return [...lines, ...tail].join('\n') + '\n';
}

const FILES = {
  'app.ts': generate(
    '//',
    "import { createHash } from 'node:crypto';\nimport { Pool } from 'pg';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });",
    (i) => `
export async function handler${i}(id: string, body: string): Promise<string> {
  const result = await pool.query('SELECT * FROM items WHERE id = $1', [id]);
  const etag = createHash('sha256').update(body).digest('hex');
  localStorage.setItem('theme-${i}', 'dark');
  const label = \`item \${result.rows.length} of \${id}\`;
  if (!result.rows.length) throw new Error('not found: ' + id);
  return label + etag;
}`,
  ),
  'app.py': generate(
    '#',
    'import hashlib\nimport os\n\nDATABASE_URL = os.getenv("DATABASE_URL")',
    (i) => `

def handler_${i}(cursor, item_id: str, body: bytes) -> str:
    cursor.execute("SELECT * FROM items WHERE id = %s", (item_id,))
    row = cursor.fetchone()
    etag = hashlib.sha256(body).hexdigest()
    label = f"item {row} of {item_id}"
    return label + etag`,
  ),
  Dockerfile: generate('#', 'FROM python:3.11-slim AS base\nWORKDIR /app', (i) => `
ENV FEATURE_${i}=enabled
RUN pip install --no-cache-dir package-${i}==1.0.${i}
COPY module_${i} ./module_${i}
LABEL com.example.module-${i}="module ${i}"`),
  'nginx.conf': generate('#', [
    'events {}',
    'http {',
    '  add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;',
    '  add_header X-Frame-Options "SAMEORIGIN" always;',
    '  add_header X-Content-Type-Options "nosniff" always;',
    '  add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
    `  add_header Content-Security-Policy "default-src 'self'" always;`,
  ].join('\n'), (i) => `
  server {
    listen 443 ssl;
    server_name s${i}.example.com;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384';
    location /api/ { proxy_pass http://api:8000; }
  }`, '}'),
  'k8s.yaml': generate('#', '# generated manifests', (i) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: svc-${i}
          image: registry.example.com/svc-${i}:1.0.${i}
          env:
            - name: LOG_LEVEL
              value: info
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]`),
  '.env': generate('#', '# generated settings', (i) => `FEATURE_${i}_ENABLED=true
SERVICE_${i}_URL=https://svc-${i}.example.com/api
SERVICE_${i}_TIMEOUT_MS=${1000 + i}`),
  'redis.conf': generate('#', '# generated redis.conf', (i) => `# section ${i}
rename-command CMD${i} ""
maxmemory-policy allkeys-lru`),
  '.gitignore': generate('#', '# generated ignore list', (i) => `build-${i}/
*.log.${i}
!keep-${i}.log`),
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const workspace = mkdtempSync(join(tmpdir(), 'hardening-bench-'));

/** `text` with one more comment line in its middle, as typing would change it. */
function edited(name, text, i) {
  const middle = text.indexOf('\n', text.length >> 1) + 1;
  return `${text.slice(0, middle)}${name === 'app.ts' ? '//' : '#'} edit ${i}\n${text.slice(middle)}`;
}

function measure(run) {
  const times = [];
  let outcome;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    outcome = run(i);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times), outcome };
}

/** The recommended config's blocks with every rule removed: what parsing alone costs. */
const noRulesProvider = {
  name: 'recommended config without rules',
  configFor: (filePath) => recommendedConfigProvider.configFor(filePath).map((block) => ({ ...block, rules: {} })),
};

try {
  const host = createLintHost({ cwd: workspace });
  const bare = createLintHost({ cwd: workspace, configProvider: noRulesProvider });
  console.log(`One lint through the server's lint host (ESLint's Linter, recommended config), ${LINES}-line files,`);
  console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs, in ms. Target: ${TARGET_MS} ms.`);
  console.log('  keystroke   the same file again, one line changed in its middle (what typing costs)');
  console.log('  first lint  a file the server has not linted before (opening it)');
  console.log('  no rules    keystroke with every rule off: the parser and ESLint alone');
  console.log('  rules x     keystroke / no rules: what the rules add\n');
  console.log('file        lines   keystroke (min)    first lint (min)   no rules   rules x   findings');
  const missed = [];
  for (const [name, text] of Object.entries(FILES)) {
    const filePath = join(workspace, name);
    const keystroke = measure((i) => host.lint(edited(name, text, i), filePath));
    const first = measure((i) => host.lint(text, join(workspace, `first-${i}`, name)));
    const parseOnly = measure((i) => bare.lint(edited(name, text, i), join(workspace, 'bare', name)));
    if (keystroke.median > TARGET_MS) missed.push(`${name} keystroke`);
    if (first.median > TARGET_MS) missed.push(`${name} first lint`);
    const rules = [...new Set(keystroke.outcome.messages.map((message) => message.ruleId))].join(', ');
    console.log(
      `${name.padEnd(11)} ${String(text.split('\n').length - 1).padStart(5)}   ` +
        `${keystroke.median.toFixed(1).padStart(6)} (${keystroke.min.toFixed(1).padStart(5)})   ` +
        `${first.median.toFixed(1).padStart(8)} (${first.min.toFixed(1).padStart(5)})   ` +
        `${parseOnly.median.toFixed(1).padStart(8)}   ${(keystroke.median / parseOnly.median).toFixed(2).padStart(7)}   ` +
        `${keystroke.outcome.messages.length}${rules ? ` (${rules})` : ''}`,
    );
  }
  console.log(missed.length ? `\nOver the ${TARGET_MS} ms target: ${missed.join(', ')}` : `\nAll within the ${TARGET_MS} ms target.`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
