import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import type { ConfigBlock, IncludeSource } from '../../src/detectors/nginx-config.js';
import {
  NO_FILES,
  allBlocks,
  buildConfig,
  globToRegExp,
  includeCandidates,
  inferContext,
  inherited,
  isHttpsServer,
  isWellKnownInclude,
  nearest,
  parseListen,
} from '../../src/detectors/nginx-config.js';
import { fixtureRepo } from '../fixture-repo.js';
import { parseNginx } from '../../src/languages/nginx/nginx-parser.js';
import { DiskIncludes, findRoot } from '../../src/rules/nginx/files.js';

const parse = (text: string) => parseNginx(text).ast;

/** Includes from an in-memory folder: `resolve` takes the pattern as a key. */
function memory(files: Record<string, string>): IncludeSource {
  return {
    resolve(pattern) {
      if (pattern.endsWith('*.conf')) {
        const dir = pattern.slice(0, -'*.conf'.length);
        const matches = Object.keys(files).filter((name) => name.startsWith(dir) && name.endsWith('.conf')).sort();
        return { files: matches, found: matches.length > 0 };
      }
      return pattern in files ? { files: [pattern], found: true } : { files: [], found: false };
    },
    load: (file) => (file in files ? parse(files[file]!) : null),
  };
}

function build(text: string, files: Record<string, string> = {}): ConfigBlock {
  return buildConfig(parse(text), 'nginx.conf', memory(files));
}

/** The block of a directive name, nth in depth-first order. */
function find(top: ConfigBlock, name: string, nth = 0): ConfigBlock {
  const block = [...allBlocks(top)].filter((candidate) => candidate.directive?.name === name)[nth];
  assert.ok(block, `no ${name} #${nth}`);
  return block;
}

const names = (entries: { directive: { name: string; args: { value: string }[] } }[]) =>
  entries.map((entry) => [entry.directive.name, ...entry.directive.args.map((argument) => argument.value)].join(' '));

describe('detectors/nginx-config', () => {
  describe('contexts', () => {
    it('infers the context of a file from what it holds', () => {
      assert.equal(inferContext(parse('user www-data;\nevents {}\nhttp {}\n').children), 'main');
      assert.equal(inferContext(parse('server { listen 80; location / {} }\n').children), 'http');
      assert.equal(inferContext(parse('server { listen 53 udp; proxy_pass dns; }\n').children), 'stream');
      assert.equal(inferContext(parse('location /api/ { proxy_pass http://api; }\n').children), 'server');
      assert.equal(inferContext(parse('listen 443 ssl;\nssl_certificate a.pem;\n').children), 'server');
      assert.equal(inferContext(parse('add_header X-Frame-Options DENY always;\n').children), 'other');
      assert.equal(inferContext(parse('').children), 'other');
    });

    it('gives every block its context and module', () => {
      const top = build(
        [
          'events { worker_connections 1024; }',
          'http {',
          '  map $uri $x { default 0; server 1; }',
          '  upstream app { server 127.0.0.1:8000; }',
          '  server { location / { if ($x) { return 404; } limit_except GET { deny all; } } }',
          '}',
          'stream { server { listen 12345; proxy_pass app; } }',
          'mail { server { listen 25; } }',
        ].join('\n'),
      );
      const summary = [...allBlocks(top)].map((block) => `${block.directive?.name ?? '(top)'}:${block.context}:${block.module}`);
      assert.deepEqual(summary, [
        '(top):main:null',
        'events:events:null',
        'http:http:http',
        'upstream:upstream:http',
        'server:server:http',
        'location:location:http',
        'if:if:http',
        'limit_except:limit_except:http',
        'stream:stream:stream',
        'server:server:stream',
        'mail:mail:mail',
        'server:server:mail',
      ]);
      // Map entries are data: not expanded, not directives.
      assert.equal(find(top, 'http').blocks[0]!.context, 'data');
    });
  });

  describe('includes', () => {
    it('expands includes in place, with the file each directive comes from', () => {
      const top = build('http {\n  include conf.d/*.conf;\n  server { include snippets/headers.conf; }\n}\n', {
        'conf.d/a.conf': 'limit_req_zone $binary_remote_addr zone=api:10m rate=100r/s;\n',
        'conf.d/b.conf': 'server { listen 443 ssl; }\n',
        'snippets/headers.conf': 'add_header X-Frame-Options DENY always;\n',
      });
      const http = find(top, 'http');
      assert.deepEqual(
        http.entries.map((entry) => `${entry.file}: ${entry.directive.name}`),
        ['conf.d/a.conf: limit_req_zone', 'conf.d/b.conf: server', 'nginx.conf: server'],
      );
      assert.deepEqual(names(find(top, 'server', 1).entries), ['add_header X-Frame-Options DENY always']);
      assert.equal(find(top, 'server', 0).file, 'conf.d/b.conf');
    });

    it('records includes it cannot read, and treats well-known packaged files as read', () => {
      const top = build(
        [
          'http {',
          '  include /etc/nginx/mime.types;',
          '  include /etc/nginx/conf.d/*.conf;',
          '  server {',
          '    include /etc/letsencrypt/options-ssl-nginx.conf;',
          '    include snippets/ssl-params.conf;',
          '    include $dynamic;',
          '    location ~ \\.php$ { include snippets/fastcgi-php.conf; fastcgi_pass unix:/run/php.sock; }',
          '  }',
          '}',
        ].join('\n'),
      );
      assert.deepEqual(names(find(top, 'http').unresolved), []);
      assert.deepEqual(names(find(top, 'http').unmatchedGlobs), ['include /etc/nginx/conf.d/*.conf']);
      assert.deepEqual(names(find(top, 'server').unresolved), ['include snippets/ssl-params.conf', 'include $dynamic']);
      assert.deepEqual(find(top, 'location').unresolved, []);
      assert.equal(isWellKnownInclude('fastcgi_params'), true);
      assert.equal(isWellKnownInclude('/etc/nginx/snippets/snakeoil.conf'), true);
      assert.equal(isWellKnownInclude('snippets/security.conf'), false);
    });

    it('stops include cycles', () => {
      const top = build('http { include a.conf; }\n', { 'a.conf': 'include b.conf;\ngzip on;\n', 'b.conf': 'include a.conf;\n' });
      assert.deepEqual(names(find(top, 'http').entries), ['gzip on']);
    });

    it('has no file access for text without a file', () => {
      const top = buildConfig(parse('server { include snippets/x.conf; }\n'), '<input>', NO_FILES);
      assert.equal(find(top, 'server').unresolved.length, 1);
    });
  });

  describe('inheritance', () => {
    const top = build(
      [
        'http {',
        '  add_header X-Frame-Options DENY always;',
        '  server {',
        '    location / { }',
        '    location /static/ {',
        '      add_header Cache-Control public;',
        '      location /static/img/ { }',
        '    }',
        '  }',
        '  server {',
        '    include missing.conf;',
        '    location / { }',
        '  }',
        '}',
      ].join('\n'),
    );

    it('inherits array directives only into levels that define none', () => {
      assert.deepEqual(names(inherited(find(top, 'location', 0), 'add_header').entries), ['add_header X-Frame-Options DENY always']);
      assert.deepEqual(names(inherited(find(top, 'location', 1), 'add_header').entries), ['add_header Cache-Control public']);
      const nested = inherited(find(top, 'location', 2), 'add_header');
      assert.deepEqual(names(nested.entries), ['add_header Cache-Control public']);
      assert.equal(nested.level, find(top, 'location', 1));
    });

    it('is unknown past an unread include', () => {
      const result = inherited(find(top, 'location', 3), 'add_header');
      assert.equal(result.unknown, true);
      assert.deepEqual(result.entries, []);
    });

    it('finds nothing above http, and nothing certain above a snippet', () => {
      assert.deepEqual(inherited(find(top, 'server'), 'limit_req'), { entries: [], level: null, unknown: false });
      const snippet = buildConfig(parse('location /api/ { proxy_pass http://api; }\n'), 's.conf', NO_FILES);
      assert.equal(inherited(find(snippet, 'location'), 'limit_req').unknown, true);
      const site = buildConfig(parse('server { location / { } }\n'), 'site.conf', NO_FILES);
      assert.equal(inherited(find(site, 'location'), 'limit_req').unknown, false);
    });

    it('takes the nearest value of a simple directive', () => {
      const config = build('http { ssl on; server { server_name a; } server { ssl off; } }\n');
      assert.equal(nearest(find(config, 'server', 0), 'ssl')?.directive.args[0]?.value, 'on');
      assert.equal(nearest(find(config, 'server', 1), 'ssl')?.directive.args[0]?.value, 'off');
      assert.equal(nearest(find(config, 'server', 0), 'gzip'), undefined);
    });
  });

  describe('servers', () => {
    it('parses listen addresses', () => {
      const listen = (text: string) => parseListen(parse(`listen ${text};`).children[0]!);
      assert.deepEqual(listen('80'), { port: 80, loopback: false, ssl: false, quic: false, http2: false });
      assert.deepEqual(listen('[::]:443 ssl http2'), { port: 443, loopback: false, ssl: true, quic: false, http2: true });
      assert.deepEqual(listen('443 quic reuseport'), { port: 443, loopback: false, ssl: false, quic: true, http2: false });
      assert.equal(listen('127.0.0.1')?.port, 80);
      assert.equal(listen('127.0.0.1:8080')?.loopback, true);
      assert.equal(listen('localhost:80')?.loopback, true);
      assert.equal(listen('[::1]:80')?.loopback, true);
      assert.equal(listen('*:80 default_server')?.port, 80);
      assert.equal(listen('example.com')?.port, 80);
      assert.equal(listen('10.0.0.5:8443 SSL')?.ssl, true);
      assert.deepEqual(listen('unix:/run/nginx.sock'), { port: null, loopback: true, ssl: false, quic: false, http2: false });
      assert.equal(listen('$port'), null);
    });

    it('classifies HTTPS servers', () => {
      const https = (body: string) => isHttpsServer(find(build(`http { server { ${body} } }`), 'server'));
      assert.equal(https('listen 443 ssl;'), true);
      assert.equal(https('listen 8443 ssl;'), true);
      assert.equal(https('listen 443 quic;'), true);
      assert.equal(https('listen 443;'), true);
      assert.equal(https('listen 8443; ssl on;'), true);
      assert.equal(https('listen 8443 http2; ssl_certificate a.pem;'), true);
      assert.equal(https('listen 80;'), false);
      assert.equal(https('listen 8080 http2;'), false);
      assert.equal(https(''), false);
      assert.equal(isHttpsServer(find(build('stream { server { listen 443 ssl; proxy_pass b; } }'), 'server')), false);
    });
  });

  describe('include paths', () => {
    it('tries the path with fewer leading segments, from the file folder up to the root', () => {
      const candidates = includeCandidates('/etc/nginx/snippets/h.conf', '/repo/deploy/sites', '/repo').map((candidate) =>
        path.join(candidate.dir, candidate.name),
      );
      assert.deepEqual(candidates, [
        '/repo/deploy/sites/etc/nginx/snippets/h.conf',
        '/repo/deploy/etc/nginx/snippets/h.conf',
        '/repo/etc/nginx/snippets/h.conf',
        '/repo/deploy/sites/nginx/snippets/h.conf',
        '/repo/deploy/nginx/snippets/h.conf',
        '/repo/nginx/snippets/h.conf',
        '/repo/deploy/sites/snippets/h.conf',
        '/repo/deploy/snippets/h.conf',
        '/repo/snippets/h.conf',
        '/repo/deploy/sites/h.conf',
        '/repo/deploy/h.conf',
        '/repo/h.conf',
      ]);
      assert.deepEqual(includeCandidates('../x.conf', '/repo/a', '/repo'), [
        { dir: '/repo', name: 'x.conf' },
        { dir: '/repo/a', name: 'x.conf' },
      ]);
      assert.deepEqual(includeCandidates('conf.d/*/x.conf', '/repo', '/repo'), []);
      assert.deepEqual(includeCandidates('/etc/nginx/conf.d/*.conf', '/repo', '/repo'), [
        { dir: '/repo/etc/nginx/conf.d', name: '*.conf' },
        { dir: '/repo/nginx/conf.d', name: '*.conf' },
        { dir: '/repo/conf.d', name: '*.conf' },
      ]);
      assert.deepEqual(includeCandidates('*.conf', '/repo', '/repo'), [{ dir: '/repo', name: '*.conf' }]);
    });

    it('matches globs as glob(3) does', () => {
      assert.equal(globToRegExp('*.conf').test('site.conf'), true);
      assert.equal(globToRegExp('*.conf').test('.hidden.conf'), false);
      assert.equal(globToRegExp('*.conf').test('site.conf.bak'), false);
      assert.equal(globToRegExp('site-?.conf').test('site-a.conf'), true);
      assert.equal(globToRegExp('[ab]*.conf').test('b.conf'), true);
      assert.equal(globToRegExp('[!ab]*.conf').test('b.conf'), false);
      assert.equal(globToRegExp('*').test('default'), true);
    });
  });

  describe('includes from disk', () => {
    const { root, write } = fixtureRepo('nginx');
    write('deploy/nginx/snippets/headers.conf', 'add_header X-Frame-Options DENY always;\n');
    write('deploy/nginx/conf.d/b.conf', 'gzip on;\n');
    write('deploy/nginx/conf.d/a.conf', 'gzip_types text/css;\n');
    write('deploy/nginx/conf.d/notes.txt', 'not included\n');
    fs.mkdirSync(path.join(root, 'deploy/nginx/sites-available'), { recursive: true });
    const site = path.join(root, 'deploy/nginx/sites-available/app.conf');

    it('finds the repository root', () => {
      assert.equal(findRoot(path.dirname(site), '/nowhere'), root);
    });

    it('resolves conf-prefix, absolute and glob includes against the folder tree', () => {
      const source = new DiskIncludes(root, new Map());
      const headers = path.join(root, 'deploy/nginx/snippets/headers.conf');
      assert.deepEqual(source.resolve('snippets/headers.conf', site), { files: [headers], found: true });
      assert.deepEqual(source.resolve('/etc/nginx/snippets/headers.conf', site), { files: [headers], found: true });
      assert.deepEqual(source.resolve('/etc/nginx/conf.d/*.conf', site), {
        files: [path.join(root, 'deploy/nginx/conf.d/a.conf'), path.join(root, 'deploy/nginx/conf.d/b.conf')],
        found: true,
      });
      assert.deepEqual(source.resolve('/etc/letsencrypt/options-ssl-nginx.conf', site), { files: [], found: false });
      assert.deepEqual(source.resolve('modules-enabled/*.conf', site), { files: [], found: false });
      assert.equal(source.load(headers)?.children[0]?.name, 'add_header');
      assert.equal(source.load(path.join(root, 'missing.conf')), null);
    });

    it('rereads a file after it changes', () => {
      const file = path.join(root, 'deploy/nginx/conf.d/b.conf');
      assert.equal(new DiskIncludes(root, new Map()).load(file)?.children[0]?.name, 'gzip');
      fs.writeFileSync(file, 'gzip_vary on;\n');
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
      assert.equal(new DiskIncludes(root, new Map()).load(file)?.children[0]?.name, 'gzip_vary');
    });

    it('serves the linted file from the editor, not from disk', () => {
      const live = parse('server { listen 80; }\n');
      assert.equal(new DiskIncludes(root, new Map([[site, live]])).load(site), live);
    });
  });
});
