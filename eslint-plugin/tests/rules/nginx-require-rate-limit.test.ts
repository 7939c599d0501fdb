import rule from '../../src/rules/nginx-require-rate-limit.js';
import { fixtureRepo } from '../fixture-repo.js';
import { languageTester } from '../rule-testers.js';

const ZONES =
  'limit_req_zone $binary_remote_addr zone=api:10m rate=100r/s;\n    limit_req_zone $binary_remote_addr zone=auth:10m rate=5r/s;';

// A repository whose nginx.conf declares the guide's zones and includes conf.d/*.conf.
const { write } = fixtureRepo('ratelimit');
write('deploy/nginx/nginx.conf', `events {}\nhttp {\n    ${ZONES}\n    include /etc/nginx/conf.d/*.conf;\n}\n`);
const LOGIN_SITE = 'server {\n    listen 443 ssl;\n    location /login {\n        proxy_pass http://app;\n    }\n}\n';
const loginSite = write('deploy/nginx/conf.d/app.conf', LOGIN_SITE);
const ZONE_SITE = 'server {\n    listen 443 ssl;\n    location /api/ {\n        limit_req zone=apis burst=20;\n        proxy_pass http://app;\n    }\n}\n';
const zoneSite = write('deploy/nginx/conf.d/zones.conf', ZONE_SITE);

languageTester('nginx').run('nginx-require-rate-limit', rule as never, {
  valid: [
    // The guide's zones, applied to the sign-in endpoint.
    `http {
    ${ZONES}
    server {
        listen 443 ssl;
        location /api/auth/ {
            limit_req zone=auth burst=10 nodelay;
            proxy_pass http://app:8000;
        }
        location /api/ {
            proxy_pass http://app:8000;
        }
    }
}
`,
    // Inherited from the server or from http when the location sets none.
    `http {\n    ${ZONES}\n    server {\n        limit_req zone=auth burst=5;\n        location /login { proxy_pass http://app; }\n        location /oauth2/token { proxy_pass http://idp; }\n    }\n}\n`,
    `http {\n    ${ZONES}\n    limit_req zone=api burst=50 nodelay;\n    server {\n        location = /signin { proxy_pass http://app; }\n    }\n}\n`,
    // Other proxied locations are reported only with requireFor: "all-proxied".
    'server {\n    location / { proxy_pass http://app; }\n    location /api/ { proxy_pass http://api; }\n    location /authors/ { proxy_pass http://blog; }\n    location /tokenizer/ { grpc_pass grpc://nlp; }\n}\n',
    // Not proxied, internal, redirecting.
    'server {\n    location /login.html { root /srv/www; }\n    location /auth/ { internal; proxy_pass http://auth; }\n    location /signin { return 301 /login; }\n}\n',
    // An include that cannot be read may hold the limit.
    'server {\n    location /login { include snippets/rate-limit.conf; proxy_pass http://app; }\n}\n',
    'server {\n    include snippets/limits.conf;\n    location /login { proxy_pass http://app; }\n}\n',
    // A snippet of locations: the server it goes into is not visible.
    'location /auth/ { proxy_pass http://auth; }\n',
    // A site file using a zone declared elsewhere (conf.d, nginx.conf): not reported as undeclared.
    'server {\n    location /login {\n        limit_req zone=login burst=5;\n        proxy_pass http://app;\n    }\n}\n',
    // Zones are matched by name.
    `http {\n    limit_req_zone $binary_remote_addr zone=login:10m rate=1r/s;\n    server {\n        location /login { limit_req zone=login; proxy_pass http://app; }\n    }\n}\n`,
    // Stream servers have no locations.
    'stream {\n    server {\n        listen 636;\n        proxy_pass ldap-auth:636;\n    }\n}\n',
    { code: 'server {\n    limit_req zone=api;\n    location / { proxy_pass http://app; }\n}\n', options: [{ requireFor: 'all-proxied' }] },
    // Half-typed and empty files.
    '',
    'server {\n    location /login {\n        proxy_pass',
    'http {\n    server {\n        limit_req zone=',
  ],
  invalid: [
    {
      code: `http {\n    ${ZONES}\n    server {\n        listen 443 ssl;\n        location /api/auth/ {\n            proxy_pass http://app:8000;\n        }\n    }\n}\n`,
      errors: [
        {
          messageId: 'missingAuthLimit',
          data: { path: '/api/auth/', pass: 'proxy_pass http://app:8000' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useZone',
              data: { zone: 'auth' },
              output: `http {\n    ${ZONES}\n    server {\n        listen 443 ssl;\n        location /api/auth/ {\n            limit_req zone=auth burst=10 nodelay;\n            proxy_pass http://app:8000;\n        }\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // No zone yet, in a file with the http block: declare the guide's auth zone too.
      code: 'http {\n    server {\n        location /login {\n            proxy_pass http://app;\n        }\n    }\n}\n',
      errors: [
        {
          messageId: 'missingAuthLimit',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'declareZone',
              data: { zone: 'auth' },
              output:
                'http {\n    limit_req_zone $binary_remote_addr zone=auth:10m rate=5r/s;\n    server {\n        location /login {\n            limit_req zone=auth burst=10 nodelay;\n            proxy_pass http://app;\n        }\n    }\n}\n',
            },
          ],
        },
      ],
    },
    {
      // WordPress sign-in through PHP-FPM, in a site file: no zone visible, report only.
      code: 'server {\n    listen 80;\n    location ~ ^/(wp-login|xmlrpc)\\.php$ {\n        include fastcgi_params;\n        fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n    }\n}\n',
      errors: [
        {
          messageId: 'missingAuthLimit',
          data: { path: '~ ^/(wp-login|xmlrpc)\\.php$', pass: 'fastcgi_pass unix:/run/php/php8.2-fpm.sock' },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 13,
          suggestions: [],
        },
      ],
    },
    {
      // A limit on a sibling location does not apply; the proxy_pass sits in an `if`.
      code: `http {\n    ${ZONES}\n    server {\n        location /api/ { limit_req zone=api; proxy_pass http://app; }\n        location /oauth/ {\n            if ($request_method = POST) { proxy_pass http://idp; }\n        }\n    }\n}\n`,
      errors: [
        {
          messageId: 'missingAuthLimit',
          data: { path: '/oauth/', pass: 'proxy_pass http://idp' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useZone',
              output: `http {\n    ${ZONES}\n    server {\n        location /api/ { limit_req zone=api; proxy_pass http://app; }\n        location /oauth/ {\n            limit_req zone=auth burst=10 nodelay;\n            if ($request_method = POST) { proxy_pass http://idp; }\n        }\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // requireFor: "all-proxied" reports every proxied location.
      code: `http {\n    ${ZONES}\n    server {\n        location / { uwsgi_pass unix:/run/app.sock; }\n    }\n}\n`,
      options: [{ requireFor: 'all-proxied' }],
      errors: [
        {
          messageId: 'missingLimit',
          data: { path: '/', pass: 'uwsgi_pass unix:/run/app.sock' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useZone',
              data: { zone: 'api' },
              output: `http {\n    ${ZONES}\n    server {\n        location / { limit_req zone=api burst=10 nodelay; uwsgi_pass unix:/run/app.sock; }\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // A zone no limit_req_zone declares: nginx will not start.
      code: `http {\n    ${ZONES}\n    server {\n        location /login {\n            limit_req zone=login burst=5;\n            proxy_pass http://app;\n        }\n    }\n}\n`,
      errors: [{ messageId: 'undeclaredZone', data: { zone: 'login' }, line: 6, column: 23, endLine: 6, endColumn: 33 }],
    },
    {
      // A conf.d file: the zones of the nginx.conf that includes it are offered.
      code: LOGIN_SITE,
      filename: loginSite,
      errors: [
        {
          messageId: 'missingAuthLimit',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'useZone',
              data: { zone: 'auth' },
              output: 'server {\n    listen 443 ssl;\n    location /login {\n        limit_req zone=auth burst=10 nodelay;\n        proxy_pass http://app;\n    }\n}\n',
            },
          ],
        },
      ],
    },
    {
      // ... and a zone that nginx.conf does not declare is reported.
      code: ZONE_SITE,
      filename: zoneSite,
      errors: [{ messageId: 'undeclaredZone', data: { zone: 'apis' }, line: 4, column: 19, endLine: 4, endColumn: 28 }],
    },
  ],
});
