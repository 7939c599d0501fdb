import path from 'node:path';
import rule from '../../src/rules/nginx-require-security-headers.js';
import { fixtureRepo } from '../fixture-repo.js';
import { languageTester } from '../rule-testers.js';

const HSTS = 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;';
const XFO = 'add_header X-Frame-Options "SAMEORIGIN" always;';
const XCTO = 'add_header X-Content-Type-Options "nosniff" always;';
const CSP = `add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';" always;`;
const REFERRER = 'add_header Referrer-Policy "strict-origin-when-cross-origin" always;';
/** The five guide headers, one per line at this indentation. */
const guideHeaders = (indent: string) => [HSTS, XFO, XCTO, CSP, REFERRER].map((line) => indent + line).join('\n');
const ALL = 'Strict-Transport-Security, X-Frame-Options, X-Content-Type-Options, Content-Security-Policy and Referrer-Policy';

// A checked-out repository: nginx.conf including sites and snippets by their /etc/nginx paths.
const { root: repo, write } = fixtureRepo('headers');
write('nginx/snippets/security-headers.conf', `${guideHeaders('')}\n`);
write('nginx/snippets/partial-headers.conf', `${HSTS}\n${XFO}\n`);
write(
  'nginx/nginx.conf',
  `events {}\nhttp {\n    include /etc/nginx/mime.types;\n    ${HSTS}\n    ${XFO}\n    ${XCTO}\n    ${CSP}\n    ${REFERRER}\n    include /etc/nginx/conf.d/*.conf;\n}\n`,
);
const SITE = 'server {\n    listen 443 ssl;\n    server_name shop.example.com;\n    root /srv/shop;\n}\n';
const inheritingSite = write('nginx/conf.d/shop.conf', SITE);
const standaloneSite = write('other/sites-available/shop', SITE);
const siteWithSnippet = path.join(repo, 'nginx/sites-available/app.conf');

languageTester('nginx').run('nginx-require-security-headers', rule as never, {
  valid: [
    // The guide's server block (X-XSS-Protection is obsolete and not required).
    `server {
    listen 443 ssl http2;
    server_name your-domain.com;
    ssl_certificate /etc/letsencrypt/live/your-domain.com/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/your-domain.com/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
${guideHeaders('    ')}
    add_header X-XSS-Protection "1; mode=block" always;
}
`,
    // Set once at http level, inherited by servers and locations that add none.
    `http {
${guideHeaders('    ')}
    server {
        listen 443 ssl;
        location / { proxy_pass http://app; }
        location /static/ { expires 30d; }
    }
}
`,
    // A location with its own add_header repeats the security headers.
    `server {
    listen 443 ssl;
${guideHeaders('    ')}
    location /assets/ {
        add_header Cache-Control "public, max-age=31536000" always;
${guideHeaders('        ')}
    }
}
`,
    // add_header_inherit merge (nginx 1.29.3+) keeps the inherited headers, here or from above.
    `server {
    listen 443 ssl;
${guideHeaders('    ')}
    location /assets/ {
        add_header_inherit merge;
        add_header Cache-Control public;
    }
}
`,
    `http {
    add_header_inherit merge;
${guideHeaders('    ')}
    server {
        listen 443 ssl;
        location /assets/ { add_header Cache-Control public; }
    }
}
`,
    // headers-more sets headers on every status.
    `server {
    listen 443 ssl;
    more_set_headers "Strict-Transport-Security: max-age=63072000" "X-Frame-Options: DENY";
    more_set_headers -s 200 "X-Content-Type-Options: nosniff" "Content-Security-Policy: default-src 'self'" "Referrer-Policy: no-referrer";
    location /assets/ { add_header Cache-Control public; }
}
`,
    // Header names are case-insensitive; values may be variables.
    `server {
    listen 443 ssl;
    add_header strict-transport-security $hsts always;
    add_header x-frame-options DENY always;
    add_header X-CONTENT-TYPE-OPTIONS nosniff always;
    add_header content-security-policy $csp always;
    add_header referrer-policy no-referrer always;
}
`,
    // Plain HTTP servers: redirecting, or serving (nginx-require-https-redirect's concern).
    'server {\n    listen 80;\n    server_name example.com;\n    return 301 https://$host$request_uri;\n}\n',
    'server {\n    listen 80 default_server;\n    root /var/www/html;\n    add_header X-Frame-Options SAMEORIGIN;\n}\n',
    'http {\n    add_header X-Frame-Options SAMEORIGIN;\n    server { listen 80; root /srv/www; }\n}\n',
    // HTTPS servers that answer every request themselves: a redirect, a rejected handshake.
    'server {\n    listen 443 ssl;\n    server_name www.example.com;\n    return 301 https://example.com$request_uri;\n}\n',
    'server {\n    listen 443 ssl default_server;\n    ssl_reject_handshake on;\n}\n',
    // A location that only redirects.
    `server {
    listen 443 ssl;
${guideHeaders('    ')}
    location /old/ {
        add_header X-Robots-Tag noindex;
        return 301 /new/;
    }
}
`,
    // An include that cannot be read may set the headers: not reported.
    'server {\n    listen 443 ssl;\n    include snippets/security-headers.conf;\n}\n',
    'http {\n    include /etc/nginx/conf.d/headers.conf;\n    server { listen 443 ssl; }\n}\n',
    // Stream servers carry no HTTP headers.
    'stream {\n    server {\n        listen 443 ssl;\n        proxy_pass backend:443;\n    }\n}\n',
    // Only the configured headers are required.
    {
      code: `server {\n    listen 443 ssl;\n    ${HSTS}\n    ${XCTO}\n}\n`,
      options: [{ headers: ['Strict-Transport-Security', 'X-Content-Type-Options'] }],
    },
    // A snippet with the headers and `always`, and comments that look like headers.
    `${guideHeaders('')}\n`,
    '# add_header X-Frame-Options SAMEORIGIN;\nserver_tokens off;\n',
    // Headers read from an included snippet, found under the repository's nginx folder.
    {
      code: 'server {\n    listen 443 ssl;\n    include /etc/nginx/snippets/security-headers.conf;\n    location / { proxy_pass http://app; }\n}\n',
      filename: siteWithSnippet,
    },
    // A conf.d file inherits the headers of the nginx.conf that includes it.
    { code: SITE, filename: inheritingSite },
    // Half-typed and empty files.
    '',
    `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    add_header`,
    'server {\n    listen 443 ssl;\n    return',
  ],
  invalid: [
    {
      // The guide's TLS settings without its headers.
      code: 'server {\n    listen 443 ssl http2;\n    server_name example.com;\n    ssl_protocols TLSv1.2 TLSv1.3;\n\n    location / {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [
        {
          messageId: 'missingHeaders',
          data: { headers: ALL },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl http2;\n    server_name example.com;\n    ssl_protocols TLSv1.2 TLSv1.3;\n${guideHeaders('    ')}\n\n    location / {\n        proxy_pass http://app;\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // A location's own add_header drops every inherited header.
      code: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /static/ {\n        expires 30d;\n        add_header Cache-Control "public";\n    }\n}\n`,
      errors: [
        {
          messageId: 'missingHeadersInLocation',
          data: { headers: ALL, block: 'location', path: '/static/' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /static/ {\n        expires 30d;\n        add_header Cache-Control "public";\n${guideHeaders('        ')}\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // Nested locations and `if` blocks are levels too.
      code: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /api/ {\n        location ~ \\.json$ { add_header Cache-Control no-store always; }\n        if ($request_method = OPTIONS) {\n            add_header Access-Control-Allow-Origin https://app.example.com;\n            return 204;\n        }\n        if ($http_x_debug) {\n            add_header X-Debug 1;\n        }\n    }\n}\n`,
      errors: [
        {
          messageId: 'missingHeadersInLocation',
          data: { headers: ALL, block: 'location', path: '~ \\.json$' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /api/ {\n        location ~ \\.json$ { add_header Cache-Control no-store always; ${[HSTS, XFO, XCTO, CSP, REFERRER].join(' ')} }\n        if ($request_method = OPTIONS) {\n            add_header Access-Control-Allow-Origin https://app.example.com;\n            return 204;\n        }\n        if ($http_x_debug) {\n            add_header X-Debug 1;\n        }\n    }\n}\n`,
            },
          ],
        },
        {
          messageId: 'missingHeadersInLocation',
          data: { headers: ALL, block: 'the if block', path: '($http_x_debug)' },
          line: 14,
          column: 9,
          endLine: 14,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /api/ {\n        location ~ \\.json$ { add_header Cache-Control no-store always; }\n        if ($request_method = OPTIONS) {\n            add_header Access-Control-Allow-Origin https://app.example.com;\n            return 204;\n        }\n        if ($http_x_debug) {\n            add_header X-Debug 1;\n${guideHeaders('            ')}\n        }\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // The classic: headers kept in a snippet (not readable here), one location adding its own.
      code: 'server {\n    listen 443 ssl;\n    include snippets/security-headers.conf;\n    location /downloads/ {\n        add_header Content-Disposition attachment;\n    }\n}\n',
      errors: [
        {
          messageId: 'missingHeadersInLocation',
          data: { headers: ALL, block: 'location', path: '/downloads/' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n    include snippets/security-headers.conf;\n    location /downloads/ {\n        add_header Content-Disposition attachment;\n${guideHeaders('        ')}\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // add_header_inherit off drops the inherited headers without setting any.
      code: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /embed/ {\n        add_header_inherit off;\n    }\n}\n`,
      errors: [
        {
          messageId: 'missingHeadersInLocation',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n${guideHeaders('    ')}\n    location /embed/ {\n        add_header_inherit off;\n${guideHeaders('        ')}\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // The server inherits three headers from http; adding the other two there must repeat the three.
      code: 'http {\n    add_header X-Frame-Options DENY always;\n    add_header X-Content-Type-Options nosniff always;\n    add_header Referrer-Policy no-referrer always;\n\n    server {\n        listen 443 ssl;\n        root /srv/www;\n    }\n}\n',
      errors: [
        {
          messageId: 'missingHeaders',
          data: { headers: 'Strict-Transport-Security and Content-Security-Policy' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `http {\n    add_header X-Frame-Options DENY always;\n    add_header X-Content-Type-Options nosniff always;\n    add_header Referrer-Policy no-referrer always;\n\n    server {\n        listen 443 ssl;\n        root /srv/www;\n        add_header X-Frame-Options DENY always;\n        add_header X-Content-Type-Options nosniff always;\n        add_header Referrer-Policy no-referrer always;\n        ${HSTS}\n        ${CSP}\n    }\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // A header without `always` is left off error pages; an empty value sends nothing.
      code: `server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    add_header X-Frame-Options SAMEORIGIN;  # clickjacking\n    add_header X-Content-Type-Options "";\n    ${CSP}\n    ${REFERRER}\n}\n`,
      errors: [
        {
          messageId: 'missingHeaders',
          data: { headers: 'X-Content-Type-Options' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    add_header X-Frame-Options SAMEORIGIN;  # clickjacking\n    add_header X-Content-Type-Options "";\n    ${CSP}\n    ${REFERRER}\n    ${XCTO}\n}\n`,
            },
          ],
        },
        {
          messageId: 'notAlways',
          data: { header: 'X-Frame-Options' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addAlways',
              output: `server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    add_header X-Frame-Options SAMEORIGIN always;  # clickjacking\n    add_header X-Content-Type-Options "";\n    ${CSP}\n    ${REFERRER}\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // A snippet without `always`, wherever it is included.
      code: "add_header Content-Security-Policy \"default-src 'self'\";\n",
      errors: [
        {
          messageId: 'notAlways',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 57,
          suggestions: [{ messageId: 'addAlways', output: "add_header Content-Security-Policy \"default-src 'self'\" always;\n" }],
        },
      ],
    },
    {
      // Debian's default-ssl with the snakeoil certificate, and a certbot-managed server: both
      // includes are known packaged files without headers.
      code: 'server {\n\tlisten 443 ssl default_server;\n\tinclude snippets/snakeoil.conf;\n\troot /var/www/html;\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\nserver {\n\tserver_name shop.example.com;\n\tlisten 443 ssl; # managed by Certbot\n\tssl_certificate /etc/letsencrypt/live/shop.example.com/fullchain.pem; # managed by Certbot\n\tinclude /etc/letsencrypt/options-ssl-nginx.conf; # managed by Certbot\n}\n',
      errors: [
        {
          messageId: 'missingHeaders',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n\tlisten 443 ssl default_server;\n\tinclude snippets/snakeoil.conf;\n\troot /var/www/html;\n${guideHeaders('\t')}\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\nserver {\n\tserver_name shop.example.com;\n\tlisten 443 ssl; # managed by Certbot\n\tssl_certificate /etc/letsencrypt/live/shop.example.com/fullchain.pem; # managed by Certbot\n\tinclude /etc/letsencrypt/options-ssl-nginx.conf; # managed by Certbot\n}\n`,
            },
          ],
        },
        {
          messageId: 'missingHeaders',
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n\tlisten 443 ssl default_server;\n\tinclude snippets/snakeoil.conf;\n\troot /var/www/html;\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\nserver {\n\tserver_name shop.example.com;\n\tlisten 443 ssl; # managed by Certbot\n\tssl_certificate /etc/letsencrypt/live/shop.example.com/fullchain.pem; # managed by Certbot\n\tinclude /etc/letsencrypt/options-ssl-nginx.conf; # managed by Certbot\n${guideHeaders('\t')}\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // The snippet found in the repository sets two headers; the other three are missing.
      code: 'server {\n    listen 443 ssl;\n    include snippets/partial-headers.conf;\n}\n',
      filename: siteWithSnippet,
      errors: [
        {
          messageId: 'missingHeaders',
          data: { headers: 'X-Content-Type-Options, Content-Security-Policy and Referrer-Policy' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addHeaders',
              output: `server {\n    listen 443 ssl;\n    include snippets/partial-headers.conf;\n    ${XCTO}\n    ${CSP}\n    ${REFERRER}\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // The same site outside the nginx.conf tree inherits nothing.
      code: SITE,
      filename: standaloneSite,
      errors: [{ messageId: 'missingHeaders', data: { headers: ALL }, line: 1, column: 1, endLine: 1, endColumn: 7, suggestions: [{ messageId: 'addHeaders', output: `server {\n    listen 443 ssl;\n    server_name shop.example.com;\n    root /srv/shop;\n${guideHeaders('    ')}\n}\n` }] }],
    },
  ],
});
