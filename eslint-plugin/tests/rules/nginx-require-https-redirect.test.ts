import rule from '../../src/rules/nginx-require-https-redirect.js';
import { fixtureRepo } from '../fixture-repo.js';
import { languageTester } from '../rule-testers.js';

/** An HTTPS server next to the port-80 one, so HTTPS is there to redirect to. */
const HTTPS = '\nserver {\n    listen 443 ssl;\n    server_name example.com;\n    root /var/www/html;\n}\n';

// A repository where nginx.conf includes sites-enabled/*: the HTTPS site is in another file.
const { write } = fixtureRepo('redirect');
write('etc/nginx/nginx.conf', 'events {}\nhttp {\n    include /etc/nginx/sites-enabled/*;\n}\n');
write('etc/nginx/sites-enabled/shop-tls', 'server {\n    listen 443 ssl;\n    server_name shop.example.com;\n}\n');
const PLAIN_SITE = 'server {\n    listen 80;\n    server_name shop.example.com;\n    root /srv/shop;\n}\n';
const plainSite = write('etc/nginx/sites-enabled/shop', PLAIN_SITE);
const loneSite = write('srv/other/shop.conf', PLAIN_SITE);

languageTester('nginx').run('nginx-require-https-redirect', rule as never, {
  valid: [
    // The guide's "HTTP (redirect to HTTPS)".
    `server {\n    listen 80;\n    listen [::]:80;\n    server_name example.com;\n    return 301 https://$host$request_uri;\n}\n${HTTPS}`,
    `server {\n    listen 80;\n    return 308 https://example.com$request_uri;\n}\n${HTTPS}`,
    `server {\n    listen 80;\n    return https://$server_name$request_uri;\n}\n${HTTPS}`,
    `server {\n    listen 80;\n    return 301 $canonical_https_url;\n}\n${HTTPS}`,
    // What certbot writes.
    `server {
    if ($host = example.com) {
        return 301 https://$host$request_uri;
    } # managed by Certbot

    listen 80;
    server_name example.com;
    return 404; # managed by Certbot
}
${HTTPS}`,
    // rewrite to https for every URI.
    `server {\n    listen 80;\n    rewrite ^ https://$host$request_uri? permanent;\n}\n${HTTPS}`,
    `server {\n    listen 80;\n    rewrite ^(.*)$ https://$host$1 redirect;\n}\n${HTTPS}`,
    // One server for both ports that redirects plain requests (directly or behind a TLS proxy).
    `server {\n    listen 80;\n    listen 443 ssl;\n    if ($scheme = http) {\n        return 301 https://$host$request_uri;\n    }\n    location / { proxy_pass http://app; }\n}\n`,
    `server {\n    listen 80;\n    listen 443 ssl;\n    if ($https != "on") { return 301 https://$host$request_uri; }\n    root /srv/www;\n}\n`,
    `server {\n    listen 80;\n    if ($http_x_forwarded_proto != "https") {\n        return 301 https://$host$request_uri;\n    }\n    location / { proxy_pass http://app; }\n}\n${HTTPS}`,
    // Certificate validation served over HTTP, everything else redirected.
    `server {
    listen 80;
    server_name example.com;
    location /.well-known/acme-challenge/ {
        root /var/www/certbot;
    }
    location ^~ /.well-known/pki-validation/ { alias /srv/validation/; }
    location / {
        return 301 https://$host$request_uri;
    }
}
${HTTPS}`,
    `server {\n    listen 80;\n    location ~ /.well-known/acme-challenge { allow all; root /var/www/html; }\n    location / { rewrite ^ https://$host$request_uri permanent; }\n}\n${HTTPS}`,
    // Health checks and status pages stay on HTTP.
    `server {\n    listen 80;\n    location = /healthz { access_log off; proxy_pass http://app/healthz; }\n    location = /nginx_status { stub_status; allow 10.0.0.0/8; deny all; }\n    location / { return 301 https://$host$request_uri; }\n}\n${HTTPS}`,
    // Answering without content: rejecting, denying, internal-only.
    `server {\n    listen 80 default_server;\n    server_name _;\n    return 444;\n}\n${HTTPS}`,
    `server {\n    listen 80;\n    location /admin/ { deny all; }\n    location /internal/ { internal; alias /srv/files/; }\n    location @app { proxy_pass http://app; }\n    location / { return 301 https://$host$request_uri; }\n}\n${HTTPS}`,
    // No HTTPS server in the configuration (TLS terminated in front of nginx): not reported by default.
    'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:8000;\n    }\n}\n',
    // Loopback-only, other ports, UNIX sockets and stream servers.
    `server {\n    listen 127.0.0.1:80;\n    location / { proxy_pass http://app; }\n}\n${HTTPS}`,
    `server {\n    listen 8080;\n    root /srv/www;\n}\n${HTTPS}`,
    `server {\n    listen unix:/run/nginx.sock;\n    root /srv/www;\n}\n${HTTPS}`,
    `stream {\n    server {\n        listen 80;\n        proxy_pass backend:80;\n    }\n    server {\n        listen 443 ssl;\n        proxy_pass backend:443;\n    }\n}\n`,
    // An include that cannot be read may redirect.
    `server {\n    listen 80;\n    include snippets/redirect-to-https.conf;\n}\n${HTTPS}`,
    `server {\n    listen 80;\n    location / { include snippets/redirect.conf; }\n}\n${HTTPS}`,
    // A file with no \`http {}\`: a server without listen may be meant for another port.
    `server {\n    server_name example.com;\n    root /srv/www;\n}\n${HTTPS}`,
    // Debian's default site: plain HTTP only, the SSL part commented out.
    `# Default server configuration
#
server {
\tlisten 80 default_server;
\tlisten [::]:80 default_server;

\t# SSL configuration
\t#
\t# listen 443 ssl default_server;
\t# listen [::]:443 ssl default_server;
\t#
\t# include snippets/snakeoil.conf;

\troot /var/www/html;

\t# Add index.php to the list if you are using PHP
\tindex index.html index.htm index.nginx-debian.html;

\tserver_name _;

\tlocation / {
\t\t# First attempt to serve request as file, then
\t\t# as directory, then fall back to displaying a 404.
\t\ttry_files $uri $uri/ =404;
\t}
}
`,
    // The same plain site with no nginx.conf around it: no HTTPS server in sight.
    { code: PLAIN_SITE, filename: loneSite },
    // Half-typed and empty files.
    '',
    'server {\n    listen 80',
    `server {\n    listen 80;\n    return${HTTPS}`,
  ],
  invalid: [
    {
      // Debian's default site next to an HTTPS site.
      code: `server {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\troot /var/www/html;\n\tindex index.html index.htm index.nginx-debian.html;\n\tserver_name _;\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\n${HTTPS}`,
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: `server {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\troot /var/www/html;\n\tindex index.html index.htm index.nginx-debian.html;\n\tserver_name _;\n\treturn 301 https://$host$request_uri;\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\n${HTTPS}`,
            },
          ],
        },
      ],
    },
    {
      // One server on both ports without a scheme check serves the app over HTTP too.
      code: 'server {\n    listen 80;\n    listen 443 ssl;\n    server_name api.example.com;\n\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n',
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: 'server {\n    listen 80;\n    listen 443 ssl;\n    server_name api.example.com;\n    return 301 https://$host$request_uri;\n\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n',
            },
          ],
        },
      ],
    },
    {
      // An ACME location: the redirect goes into location /, not the server level.
      code: `server {\n    listen 80;\n    location /.well-known/acme-challenge/ { root /var/www/certbot; }\n    location / {\n        proxy_pass http://app;\n    }\n}\n${HTTPS}`,
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirectLocation',
              output: `server {\n    listen 80;\n    location /.well-known/acme-challenge/ { root /var/www/certbot; }\n    location / {\n        return 301 https://$host$request_uri;\n        proxy_pass http://app;\n    }\n}\n${HTTPS}`,
            },
          ],
        },
      ],
    },
    {
      // Only an ACME location: every other URI is served from the root.
      code: `server {\n    listen 80;\n    server_name example.com;\n    location /.well-known/acme-challenge/ {\n        root /var/www/certbot;\n    }\n}\n${HTTPS}`,
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirectLocation',
              output: `server {\n    listen 80;\n    server_name example.com;\n    location /.well-known/acme-challenge/ {\n        root /var/www/certbot;\n    }\n    location / {\n        return 301 https://$host$request_uri;\n    }\n}\n${HTTPS}`,
            },
          ],
        },
      ],
    },
    {
      // ACME plus several locations serving content: no single safe edit.
      code: `server {\n    listen 80;\n    location /.well-known/acme-challenge/ { root /var/www/certbot; }\n    location /api/ { proxy_pass http://api; }\n    location / { root /srv/www; }\n}\n${HTTPS}`,
      errors: [{ messageId: 'noHttpsRedirect', line: 1, column: 1, endLine: 1, endColumn: 7, suggestions: [] }],
    },
    {
      // certbot's host redirect without its closing `return 404`: other hosts get the app.
      code: `server {\n    if ($host = example.com) {\n        return 301 https://$host$request_uri;\n    }\n    listen 80;\n    location / { proxy_pass http://app; }\n}\n${HTTPS}`,
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: `server {\n    if ($host = example.com) {\n        return 301 https://$host$request_uri;\n    }\n    listen 80;\n    return 301 https://$host$request_uri;\n    location / { proxy_pass http://app; }\n}\n${HTTPS}`,
            },
          ],
        },
      ],
    },
    {
      // A rewrite of some URIs only, and a location redirecting while another serves.
      code: `server {\n    listen 80;\n    rewrite ^/login https://$host/login permanent;\n    location /static/ { root /srv; }\n    location / { return 301 https://$host$request_uri; }\n}\n${HTTPS}`,
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: `server {\n    listen 80;\n    return 301 https://$host$request_uri;\n    rewrite ^/login https://$host/login permanent;\n    location /static/ { root /srv; }\n    location / { return 301 https://$host$request_uri; }\n}\n${HTTPS}`,
            },
          ],
        },
      ],
    },
    {
      // No listen in an http block: nginx listens on *:80.
      code: 'http {\n    server {\n        server_name example.com;\n        root /srv/www;\n    }\n    server {\n        listen 443 ssl;\n        server_name example.com;\n    }\n}\n',
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: 'http {\n    server {\n        server_name example.com;\n        return 301 https://$host$request_uri;\n        root /srv/www;\n    }\n    server {\n        listen 443 ssl;\n        server_name example.com;\n    }\n}\n',
            },
          ],
        },
      ],
    },
    {
      // The nginx.conf including this site also includes an HTTPS server for it.
      code: PLAIN_SITE,
      filename: plainSite,
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: 'server {\n    listen 80;\n    server_name shop.example.com;\n    return 301 https://$host$request_uri;\n    root /srv/shop;\n}\n',
            },
          ],
        },
      ],
    },
    {
      // requireHttpsServer: false reports plain-HTTP-only configurations too.
      code: 'server { listen 80; location / { proxy_pass http://app:8000; } }\n',
      options: [{ requireHttpsServer: false }],
      errors: [
        {
          messageId: 'noHttpsRedirect',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addRedirect',
              output: 'server { listen 80; return 301 https://$host$request_uri; location / { proxy_pass http://app:8000; } }\n',
            },
          ],
        },
      ],
    },
  ],
});
