import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/require-gitignore-secrets.js';
import { fixtureRepo } from '../fixture-repo.js';
import { languageTester } from '../rule-testers.js';

const HEADER = '# Secrets (Hardening: AutonomOS › Secret Management)';
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nfake\n-----END PRIVATE KEY-----\n';
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n';

// Repositories are subfolders here (app/.git, ...): the root itself is not one.
const { root: fixtures, write } = fixtureRepo('gitignore', { git: false });

// A repository with a .env, keys, a certificate bundle, and look-alikes that hold no secret.
fs.mkdirSync(path.join(fixtures, 'app/.git'), { recursive: true });
const app = write('app/.gitignore', 'node_modules/\nbuild/\n');
write('app/.env', 'DATABASE_URL=postgres://app:pw@db/app\n');
write('app/.env.example', 'DATABASE_URL=\n');
write('app/public.key', '-----BEGIN PUBLIC KEY-----\nfake\n-----END PUBLIC KEY-----\n');
write('app/certs/ca.pem', CERTIFICATE);
write('app/certs/tls.pem', CERTIFICATE + PRIVATE_KEY);
write('app/config/server.key', PRIVATE_KEY);
write('app/deploy/id_rsa', '-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----\n');
write('app/deploy/id_rsa.pub', 'ssh-ed25519 AAAA fake\n');
write('app/secrets/db_password.txt', 'hunter2\n');
write('app/secrets/README.md', 'Put the secrets here.\n');
write('app/slides/talk.key', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
write('app/empty.pem', '');
write('app/tests/fixtures/client.key', PRIVATE_KEY);
write('app/node_modules/pkg/server.key', PRIVATE_KEY);
write('app/build/release.pem', PRIVATE_KEY);
write('app/vendor/lib/.env', 'X=1\n');
write('app/secrets/sealed.yaml', 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n');
write('app/secrets/db.json.enc', 'fake\n');
// A nested repository (a submodule) has its own .gitignore to answer for.
fs.mkdirSync(path.join(fixtures, 'app/third_party/lib/.git'), { recursive: true });
write('app/third_party/lib/leaked.key', PRIVATE_KEY);

// A repository whose backend folder has its own .gitignore: files there are the backend .gitignore's to report.
fs.mkdirSync(path.join(fixtures, 'mono/.git'), { recursive: true });
const mono = write('mono/.gitignore', 'node_modules/\n');
const backend = write('mono/backend/.gitignore', '__pycache__/\n');
write('mono/backend/.env.production', 'SECRET_KEY=fake\n');
write('mono/backend/.env.example', 'SECRET_KEY=\n');
write('mono/backend/certs/api.key', PRIVATE_KEY);
write('mono/frontend/.env.local', 'API_TOKEN=fake\n');

// A repository that ignores everything already: a nested .gitignore inherits the root's patterns.
fs.mkdirSync(path.join(fixtures, 'tidy/.git'), { recursive: true });
const tidy = write('tidy/.gitignore', '.env\n.env.*\n!.env.example\n*.pem\n*.key\n');
const tidyService = write('tidy/service/.gitignore', 'dist/\n');
write('tidy/service/.env', 'X=1\n');
write('tidy/service/tls.key', PRIVATE_KEY);

// Not a repository: a .gitignore below another .gitignore is not the root one.
write('plain/.gitignore', '.env\n');
const plainNested = write('plain/docs/.gitignore', '_build/\n');

const FULL = '.env\n.env.*\n!.env.example\n*.pem\n*.key\nid_rsa\nsecrets/\n';

languageTester('gitignore').run('require-gitignore-secrets', rule as never, {
  valid: [
    // No file on disk (unsaved text, stdin): only the .env requirement applies.
    '.env\n',
    '.env\n.env.*\n!.env.example\n',
    '/.env\n',
    '.env*\n',
    '**/.env\n',
    '*.env\n.env\n',
    '# Secrets\n.env\n*.pem\n*.key\n',
    // A negation of a template is fine.
    '.env\n.env.*\n!.env.example\n!.env.sample\n!.env.*.template\n',
    // A later line overrides the negation.
    '!.env\n.env\n',
    // Re-including a folder does not re-include the .env inside it when `.env` still matches the file.
    '.env\nconfig/\n!config/\n',
    // The guide's example .gitignore.
    '.env\n.env.local\n.env.production\n*.pem\n*.key\ncerts/\n',
    // Every secret file of the repository is ignored; certificates, public keys, Keynote files,
    // test fixtures, node_modules, vendor and ignored folders are not looked at or not secrets.
    { code: FULL, filename: app },
    { code: `node_modules/\nbuild/\n${FULL}`, filename: app },
    { code: '.env\n.env.*\n!.env.example\n*.pem\n*.key\n', filename: app, options: [{ allow: ['deploy/', 'secrets/'] }] },
    { code: '*.pem\n*.key\n*\n!.env.example\n!.gitignore\n', filename: app },
    // The root ignores frontend's .env.local; the backend files are the backend .gitignore's.
    { code: 'node_modules/\n.env\n.env.*\n', filename: mono },
    // The root .gitignore's patterns cover the nested folder.
    { code: '.env\n.env.*\n!.env.example\n*.pem\n*.key\n', filename: tidy },
    { code: 'dist/\n', filename: tidyService },
    // A nested .gitignore need not repeat `.env` when its folder holds no secret file.
    { code: '_build/\n', filename: plainNested },
  ],
  invalid: [
    {
      // An empty .gitignore.
      code: '',
      output: `${HEADER}\n.env\n.env.*\n`,
      errors: [{ messageId: 'envNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      code: 'node_modules/\n*.pem\n',
      output: `node_modules/\n*.pem\n\n${HEADER}\n.env\n.env.*\n`,
      errors: [{ messageId: 'envNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 14 }],
    },
    {
      // No line break at the end; `.env.*` exists already, so only `.env` is added.
      code: '.env.*',
      output: `.env.*\n\n${HEADER}\n.env\n`,
      errors: [{ messageId: 'envNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 7 }],
    },
    {
      // CRLF line breaks are kept; the header is not repeated.
      code: `dist/\r\n${HEADER}\r\n*.pem\r\n`,
      output: `dist/\r\n${HEADER}\r\n*.pem\r\n.env\r\n.env.*\r\n`,
      errors: [{ messageId: 'envNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 6 }],
    },
    {
      // A folder-only pattern does not ignore the .env file; an anchored one elsewhere neither.
      code: '.env/\nconfig/.env\n',
      output: `.env/\nconfig/.env\n\n${HEADER}\n.env\n.env.*\n`,
      errors: [{ messageId: 'envNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 6 }],
    },
    {
      // A negation that re-includes .env: reported on its line, with a suggestion.
      code: 'node_modules/\n!.env\n',
      errors: [
        {
          messageId: 'reincluded',
          data: { pattern: '.env', name: '.env' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 6,
          suggestions: [{ messageId: 'removeNegation', output: 'node_modules/\n' }],
        },
      ],
    },
    {
      code: '.env\n.env.*\n!.env.production\n',
      errors: [
        {
          messageId: 'reincluded',
          data: { pattern: '.env.production', name: '.env.production' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 17,
          suggestions: [{ messageId: 'removeNegation', output: '.env\n.env.*\n' }],
        },
      ],
    },
    {
      code: '.env\n*.key\n!*.key',
      errors: [
        {
          messageId: 'reincluded',
          data: { pattern: '*.key', name: '*.key private keys' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [{ messageId: 'removeNegation', output: '.env\n*.key\n' }],
        },
      ],
    },
    {
      // The repository's secret files, listed from its folder, the first three by name.
      code: 'node_modules/\nbuild/\n.env\n',
      filename: app,
      output: `node_modules/\nbuild/\n.env\n\n${HEADER}\n*.pem\n*.key\nid_rsa\nsecrets/\n`,
      errors: [
        {
          messageId: 'filesNotIgnored',
          data: { files: 'certs/tls.pem, config/server.key, deploy/id_rsa and 1 more', entries: '*.pem, *.key, id_rsa, secrets/' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 14,
        },
      ],
    },
    {
      // Both findings; one pass of fixes applies the first, the next pass the rest.
      // `.env.*` would hide the committed .env.example, so `!.env.example` follows it.
      code: 'node_modules/\n',
      filename: app,
      output: `node_modules/\n\n${HEADER}\n.env\n.env.*\n!.env.example\n`,
      errors: [
        { messageId: 'envNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 14 },
        {
          messageId: 'filesNotIgnored',
          data: { files: 'certs/tls.pem, config/server.key, deploy/id_rsa and 1 more', entries: '*.pem, *.key, id_rsa, secrets/' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 14,
        },
      ],
    },
    {
      code: '.env\n.env.*\n*.pem\n*.key\nsecrets/\n',
      filename: app,
      output: `.env\n.env.*\n*.pem\n*.key\nsecrets/\n\n${HEADER}\nid_rsa\n`,
      errors: [
        {
          messageId: 'filesNotIgnored',
          data: { files: 'deploy/id_rsa', entries: 'id_rsa' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 5,
        },
      ],
    },
    {
      // A negation of one key file: the negation is reported, not the file again.
      code: `${FULL}!config/server.key\n`,
      filename: app,
      errors: [
        {
          messageId: 'reincluded',
          data: { pattern: 'config/server.key', name: 'config/server.key' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 19,
          suggestions: [{ messageId: 'removeNegation', output: FULL }],
        },
      ],
    },
    {
      // The root .gitignore of a repository with a nested one reports only the files outside it.
      code: 'node_modules/\n.env\n',
      filename: mono,
      output: `node_modules/\n.env\n\n${HEADER}\n.env.*\n!.env.example\n`,
      errors: [
        {
          messageId: 'filesNotIgnored',
          data: { files: 'frontend/.env.local', entries: '.env, .env.*' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 14,
        },
      ],
    },
    {
      // A nested .gitignore: no `.env` requirement of its own, but the files below it.
      code: '__pycache__/\n',
      filename: backend,
      output: `__pycache__/\n\n${HEADER}\n.env\n.env.*\n!.env.example\n*.key\n`,
      errors: [
        {
          messageId: 'filesNotIgnored',
          data: { files: '.env.production, certs/api.key', entries: '.env, .env.*, *.key' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
        },
      ],
    },
    {
      code: '__pycache__/\n.env*\n*.key\n!.env.production\n',
      filename: backend,
      errors: [
        {
          messageId: 'reincluded',
          data: { pattern: '.env.production', name: '.env.production' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 17,
          suggestions: [{ messageId: 'removeNegation', output: '__pycache__/\n.env*\n*.key\n' }],
        },
      ],
    },
    {
      // A nested .gitignore's negation wins over the root's `*.key` in its folder.
      code: 'dist/\n!tls.key\n',
      filename: tidyService,
      errors: [
        {
          messageId: 'reincluded',
          data: { pattern: 'tls.key', name: 'tls.key' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 9,
          suggestions: [{ messageId: 'removeNegation', output: 'dist/\n' }],
        },
      ],
    },
  ],
});
