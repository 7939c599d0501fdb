import rule from '../../src/rules/nginx-require-strong-tls.js';
import { languageTester } from '../rule-testers.js';

const GUIDE = 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384';
const ANONYMOUS = 'anonymous (aNULL: no server authentication)';
const useGuide = (output: string) => ({ messageId: 'useGuideCiphers', output });

languageTester('nginx').run('nginx-require-strong-tls', rule as never, {
  valid: [
    // The guide's server block.
    `server {
    listen 443 ssl http2;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers '${GUIDE}';
    ssl_prefer_server_ciphers on;
}
`,
    'ssl_protocols TLSv1.3;\n',
    'ssl_protocols "TLSv1.2" "TLSv1.3";\n',
    // nginx reads protocol names case-insensitively.
    'ssl_protocols tlsv1.2 TLSV1.3;\n',
    // nginx's own default cipher list.
    'ssl_ciphers HIGH:!aNULL:!MD5;\n',
    // Mozilla intermediate.
    'ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384;\n',
    'ssl_ciphers "EECDH+AESGCM:EDH+AESGCM";\n',
    // Exclusions remove what ALL, HIGH or an earlier name enabled.
    'ssl_ciphers ALL:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!RC2:!3DES:!IDEA:!SEED;\n',
    'ssl_ciphers kEDH+AESGCM:!aNULL;\n',
    'ssl_ciphers HIGH:-aNULL;\n',
    // ! removes for good, even before the suite is named.
    'ssl_ciphers !RC4:HIGH:RC4-SHA:!aNULL;\n',
    // + only reorders suites already enabled.
    'ssl_ciphers HIGH:!aNULL:+RC4;\n',
    // DEFAULT holds no weak suite since OpenSSL 1.1.0.
    'ssl_ciphers DEFAULT;\n',
    // Unknown and lower-case names are ignored by OpenSSL.
    'ssl_ciphers HIGH:!aNULL:NOT-A-CIPHER:@STRENGTH;\n',
    // Cipher lists do not apply to TLS 1.3, here or in blocks that inherit it.
    'ssl_protocols TLSv1.3;\nssl_ciphers ALL;\n',
    'http {\n    ssl_protocols TLSv1.3;\n    server {\n        ssl_ciphers HIGH;\n    }\n}\n',
    'mail {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers HIGH;\n}\n',
    // Upstream, gRPC and uwsgi TLS, and stream.
    'location / {\n    proxy_ssl_protocols TLSv1.2 TLSv1.3;\n    proxy_ssl_ciphers HIGH:!aNULL:!MD5;\n}\n',
    'grpc_ssl_protocols TLSv1.3;\nuwsgi_ssl_protocols TLSv1.2 TLSv1.3;\n',
    'stream {\n    server {\n        listen 12345 ssl;\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n',
    // No ssl_protocols: nginx 1.23.4+ defaults to TLSv1.2 TLSv1.3.
    'server {\n    listen 443 ssl;\n    ssl_certificate cert.pem;\n}\n',
    // Variables and included files are not analysed.
    'proxy_ssl_protocols $upstream_protocols;\nssl_ciphers $ciphers;\n',
    'include /etc/nginx/snippets/ssl-params.conf;\n',
    // Map entries are data, not directives.
    'map $http_upgrade $legacy {\n    ssl_protocols TLSv1;\n}\n',
    // Look-alike directives and comments.
    'ssl_prefer_server_ciphers on;\nssl_ecdh_curve secp384r1;\nssl_conf_command Options PrioritizeChaCha;\n',
    "log_format tls '$ssl_protocol $ssl_cipher';\nadd_header X-TLS $ssl_protocol;\n",
    '# ssl_protocols TLSv1 TLSv1.1;\nssl_protocols TLSv1.2 TLSv1.3;\n',
    { code: 'ssl_protocols TLSv1.3;\n', options: [{ minProtocol: 'TLSv1.3' }] },
    // Half-typed and empty files.
    '',
    'ssl_protocols',
    'ssl_ciphers',
    'server {\n    ssl_protocols TLSv1.2',
  ],
  invalid: [
    {
      code: 'server {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n}\n',
      output: 'server {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
      errors: [
        {
          messageId: 'weakProtocol',
          data: {
            directive: 'ssl_protocols',
            protocol: 'TLSv1',
            weakness: 'has known attacks (BEAST, POODLE-style downgrades)',
            allowed: 'TLSv1.2 and TLSv1.3',
          },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 24,
        },
        { messageId: 'weakProtocol', line: 2, column: 25, endLine: 2, endColumn: 32 },
      ],
    },
    {
      code: 'ssl_protocols SSLv2 SSLv3 TLSv1.2;\n',
      output: 'ssl_protocols TLSv1.2 TLSv1.3;\n',
      errors: [
        { messageId: 'weakProtocol', line: 1, column: 15, endLine: 1, endColumn: 20 },
        { messageId: 'weakProtocol', line: 1, column: 21, endLine: 1, endColumn: 26 },
      ],
    },
    {
      // The fix keeps the quoting style.
      code: "ssl_protocols 'TLSv1' 'TLSv1.2';\n",
      output: "ssl_protocols 'TLSv1.2' 'TLSv1.3';\n",
      errors: [{ messageId: 'weakProtocol', line: 1, column: 15, endLine: 1, endColumn: 22 }],
    },
    {
      code: 'location /api/ {\n    proxy_ssl_protocols tlsv1.1 TLSv1.2;\n}\n',
      output: 'location /api/ {\n    proxy_ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
      errors: [
        {
          messageId: 'weakProtocol',
          data: {
            directive: 'proxy_ssl_protocols',
            protocol: 'TLSv1.1',
            weakness: 'is deprecated (RFC 8996) and cannot use AEAD cipher suites',
            allowed: 'TLSv1.2 and TLSv1.3',
          },
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
    {
      code: 'grpc_ssl_protocols TLSv1;\n',
      output: 'grpc_ssl_protocols TLSv1.2 TLSv1.3;\n',
      errors: [{ messageId: 'weakProtocol', line: 1, column: 20, endLine: 1, endColumn: 25 }],
    },
    {
      code: 'mail {\n    ssl_protocols SSLv3 TLSv1 TLSv1.1 TLSv1.2;\n}\n',
      output: 'mail {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
      errors: [
        { messageId: 'weakProtocol', line: 2, column: 19, endLine: 2, endColumn: 24 },
        { messageId: 'weakProtocol', line: 2, column: 25, endLine: 2, endColumn: 30 },
        { messageId: 'weakProtocol', line: 2, column: 31, endLine: 2, endColumn: 38 },
      ],
    },
    {
      // A comment between the arguments: no fix, it would delete the comment.
      code: 'ssl_protocols TLSv1   # legacy clients\n              TLSv1.2;\n',
      output: null,
      errors: [{ messageId: 'weakProtocol', line: 1, column: 15, endLine: 1, endColumn: 20 }],
    },
    {
      code: 'ssl_protocols TLSv1.2 TLSv1.3;\n',
      options: [{ minProtocol: 'TLSv1.3' }],
      output: 'ssl_protocols TLSv1.3;\n',
      errors: [
        {
          messageId: 'belowMinimum',
          data: { directive: 'ssl_protocols', protocol: 'TLSv1.2', minimum: 'TLSv1.3', allowed: 'TLSv1.3' },
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 22,
        },
      ],
    },
    {
      // A suite named in the list: the report is on that name.
      code: "ssl_ciphers 'HIGH:RC4-SHA:DES-CBC3-SHA:!aNULL';\n",
      errors: [
        {
          messageId: 'weakCipherSuite',
          data: { directive: 'ssl_ciphers', element: 'RC4-SHA', suites: 'RC4 (biased keystream, banned by RFC 7465)' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 26,
          suggestions: [
            { messageId: 'removeCipherSuite', output: "ssl_ciphers 'HIGH:DES-CBC3-SHA:!aNULL';\n" },
            useGuide(`ssl_ciphers '${GUIDE}';\n`),
          ],
        },
        {
          messageId: 'weakCipherSuite',
          data: { directive: 'ssl_ciphers', element: 'DES-CBC3-SHA', suites: '3DES (64-bit blocks, Sweet32)' },
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 39,
          suggestions: [
            { messageId: 'removeCipherSuite', output: "ssl_ciphers 'HIGH:RC4-SHA:!aNULL';\n" },
            useGuide(`ssl_ciphers '${GUIDE}';\n`),
          ],
        },
      ],
    },
    {
      // HIGH includes anonymous Diffie-Hellman.
      code: 'ssl_ciphers HIGH;\n',
      errors: [
        {
          messageId: 'weakCiphers',
          data: { directive: 'ssl_ciphers', element: 'HIGH', suites: ANONYMOUS, exclusions: '!aNULL' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
          suggestions: [
            { messageId: 'excludeWeakCiphers', output: 'ssl_ciphers HIGH:!aNULL;\n' },
            useGuide(`ssl_ciphers ${GUIDE};\n`),
          ],
        },
      ],
    },
    {
      code: 'ssl_ciphers "ALL:!aNULL";\n',
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            directive: 'ssl_ciphers',
            element: 'ALL',
            suites: 'weak EXPORT, DES, RC4, RC2, 3DES, IDEA and SEED',
            exclusions: '!EXPORT:!DES:!RC4:!RC2:!3DES:!IDEA:!SEED',
          },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'excludeWeakCiphers',
              output: 'ssl_ciphers "ALL:!aNULL:!EXPORT:!DES:!RC4:!RC2:!3DES:!IDEA:!SEED";\n',
            },
            useGuide(`ssl_ciphers "${GUIDE}";\n`),
          ],
        },
      ],
    },
    {
      // ECDHE excludes anonymous suites, not NULL encryption.
      code: 'proxy_ssl_ciphers ECDHE:!RC4:!3DES;\n',
      errors: [
        {
          messageId: 'weakCiphers',
          data: { directive: 'proxy_ssl_ciphers', element: 'ECDHE', suites: 'NULL (no encryption)', exclusions: '!eNULL' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 24,
          suggestions: [
            { messageId: 'excludeWeakCiphers', output: 'proxy_ssl_ciphers ECDHE:!RC4:!3DES:!eNULL;\n' },
            useGuide(`proxy_ssl_ciphers ${GUIDE};\n`),
          ],
        },
      ],
    },
    {
      // - removes only what was enabled before it.
      code: 'ssl_ciphers -RC4:HIGH:RC4-SHA:!aNULL;\n',
      errors: [
        {
          messageId: 'weakCipherSuite',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 30,
          suggestions: [
            { messageId: 'removeCipherSuite', output: 'ssl_ciphers -RC4:HIGH:!aNULL;\n' },
            useGuide(`ssl_ciphers ${GUIDE};\n`),
          ],
        },
      ],
    },
    {
      // HIGH without !aNULL, and a named MEDIUM suite.
      code: 'ssl_ciphers HIGH:!ADH:SEED-SHA;\n',
      errors: [
        {
          messageId: 'weakCiphers',
          data: { directive: 'ssl_ciphers', element: 'HIGH', suites: ANONYMOUS, exclusions: '!aNULL' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
          suggestions: [
            { messageId: 'excludeWeakCiphers', output: 'ssl_ciphers HIGH:!ADH:SEED-SHA:!aNULL;\n' },
            useGuide(`ssl_ciphers ${GUIDE};\n`),
          ],
        },
        {
          messageId: 'weakCipherSuite',
          data: { directive: 'ssl_ciphers', element: 'SEED-SHA', suites: 'SEED (obsolete, no AEAD mode)' },
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 31,
          suggestions: [
            { messageId: 'removeCipherSuite', output: 'ssl_ciphers HIGH:!ADH;\n' },
            useGuide(`ssl_ciphers ${GUIDE};\n`),
          ],
        },
      ],
    },
    {
      // A suite added after DEFAULT (OpenSSL 1.0.2 enables it).
      code: 'grpc_ssl_ciphers DEFAULT:EXP-RC4-MD5;\n',
      errors: [
        {
          messageId: 'weakCipherSuite',
          data: { directive: 'grpc_ssl_ciphers', element: 'EXP-RC4-MD5', suites: 'weak EXPORT, RC4 and MD5' },
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 37,
          suggestions: [
            { messageId: 'removeCipherSuite', output: 'grpc_ssl_ciphers DEFAULT;\n' },
            useGuide(`grpc_ssl_ciphers ${GUIDE};\n`),
          ],
        },
      ],
    },
    {
      // Only one weak suite: removing it would leave nginx no cipher, so only the guide's list is suggested.
      code: 'uwsgi_ssl_ciphers DES-CBC3-SHA;\n',
      errors: [
        {
          messageId: 'weakCipherSuite',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 31,
          suggestions: [useGuide(`uwsgi_ssl_ciphers ${GUIDE};\n`)],
        },
      ],
    },
    {
      // An IANA name OpenSSL 3 accepts.
      code: 'ssl_ciphers TLS_RSA_WITH_RC4_128_SHA:HIGH:!aNULL;\n',
      errors: [
        {
          messageId: 'weakCipherSuite',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 37,
          suggestions: [
            { messageId: 'removeCipherSuite', output: 'ssl_ciphers HIGH:!aNULL;\n' },
            useGuide(`ssl_ciphers ${GUIDE};\n`),
          ],
        },
      ],
    },
    {
      // The http-level TLSv1.3-only setting does not cover a server that re-enables TLSv1.2.
      code: 'http {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers MEDIUM:HIGH:!aNULL;\n    server {\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n',
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            directive: 'ssl_ciphers',
            element: 'MEDIUM',
            suites: 'weak RC4, RC2, 3DES, IDEA and SEED',
            exclusions: '!RC4:!RC2:!3DES:!IDEA:!SEED',
          },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'excludeWeakCiphers',
              output:
                'http {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers MEDIUM:HIGH:!aNULL:!RC4:!RC2:!3DES:!IDEA:!SEED;\n    server {\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n',
            },
            useGuide(
              `http {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers ${GUIDE};\n    server {\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n`,
            ),
          ],
        },
      ],
    },
  ],
});
