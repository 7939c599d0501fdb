import assert from 'node:assert/strict';
import { parseNginx } from '../../src/languages/nginx/nginx-parser.js';
import type { NginxDirective } from '../../src/languages/nginx/nginx-node.js';

/** `name arg arg { ... }` per directive, to compare trees at a glance. */
function outline(directives: NginxDirective[]): string[] {
  return directives.map((directive) => {
    const head = [directive.name, ...directive.args.map((arg) => arg.value)].join(' ');
    return directive.block ? `${head} { ${outline(directive.block).join('; ')} }` : head;
  });
}

describe('nginx parser', () => {
  it('reads directives, blocks, quoted arguments and comments', () => {
    const text = [
      'http {',
      '  # security headers',
      '  server {',
      '    listen 443 ssl; server_name "shop.example.com";',
      "    ssl_ciphers 'HIGH:!aNULL'; # inline",
      '    location ~ ^/api/(v1|v2)/ { proxy_pass http://api:8000; }',
      '  }',
      '}',
    ].join('\n');
    const { ast, comments } = parseNginx(text);
    assert.deepEqual(outline(ast.children), [
      'http { server { listen 443 ssl; server_name shop.example.com; ssl_ciphers HIGH:!aNULL; location ~ ^/api/(v1|v2)/ { proxy_pass http://api:8000 } } }',
    ]);
    assert.deepEqual(
      comments.map((comment) => [comment.value, comment.loc.start]),
      [
        [' security headers', { line: 2, column: 2 }],
        [' inline', { line: 5, column: 31 }],
      ],
    );
  });

  it('gives each argument its own range, quotes included', () => {
    const text = "server {\n  ssl_ciphers 'HIGH:!aNULL';\n}\n";
    const server = parseNginx(text).ast.children[0]!;
    const argument = server.block![0]!.args[0]!;
    assert.equal(text.slice(...argument.range), "'HIGH:!aNULL'");
    assert.deepEqual(argument.loc, { start: { line: 2, column: 14 }, end: { line: 2, column: 27 } });
    assert.equal(argument.quoted, true);
  });

  it('keeps ${var}, escapes and # inside words', () => {
    const { ast } = parseNginx('set $x "a\\"b";\nreturn 301 https://${host}$request_uri#frag;\n');
    assert.deepEqual(outline(ast.children), ['set $x a"b', 'return 301 https://${host}$request_uri#frag']);
  });

  it('never fails on half-typed input', () => {
    assert.deepEqual(outline(parseNginx('server {\n  ssl_protocols TLSv1\n').ast.children), ['server { ssl_protocols TLSv1 }']);
    assert.deepEqual(outline(parseNginx('}\nlisten 80;\n}}').ast.children), ['listen 80']);
    assert.deepEqual(outline(parseNginx('add_header "X-Frame-Options').ast.children), ['add_header X-Frame-Options']);
    assert.deepEqual(outline(parseNginx('').ast.children), []);
    assert.deepEqual(outline(parseNginx('\u0000\u00ff{;}').ast.children), ['\u0000\u00ff {  }']);
  });

  it('ends an unclosed block at the end of the file', () => {
    const text = 'http {\n  server {\n    listen 443;\n';
    const http = parseNginx(text).ast.children[0]!;
    assert.equal(http.range[1], text.length);
    assert.equal(http.block![0]!.range[1], text.length);
  });
});
