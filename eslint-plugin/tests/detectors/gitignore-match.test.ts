import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { IgnoreLayer } from '../../src/detectors/gitignore-match.js';
import { compilePattern, GitignoreRules, ignoreDecision, wildmatchSource } from '../../src/detectors/gitignore-match.js';

/** Layers from `{ folder: 'line\nline' }`; a line starting with `!` is a negation. */
function layers(files: Record<string, string>): IgnoreLayer[] {
  return Object.entries(files).map(([base, text]) => ({
    base,
    rules: new GitignoreRules(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => (line.startsWith('!') ? { source: line.slice(1), negated: true } : { source: line, negated: false })),
    ),
  }));
}

/** The paths (files) of `paths` that the .gitignore files ignore. Every expectation below was checked with `git check-ignore`. */
function ignored(files: Record<string, string> | string, paths: string[]): string[] {
  const stack = layers(typeof files === 'string' ? { '': files } : files);
  return paths.filter((path) => ignoreDecision(stack, path, false).ignored);
}

describe('detectors/gitignore-match', () => {
  describe('compilePattern', () => {
    it('reads a trailing slash as folders only and a middle slash as anchoring', () => {
      assert.deepEqual(
        ['certs/', '/.env', 'a/b', '*.key', '**/x', 'a/'].map((source) => {
          const { directoryOnly, anchored } = compilePattern({ source, negated: false });
          return `${source} ${directoryOnly ? 'dir' : 'any'} ${anchored ? 'anchored' : 'name'}`;
        }),
        ['certs/ dir name', '/.env any anchored', 'a/b any anchored', '*.key any name', '**/x any anchored', 'a/ dir name'],
      );
    });

    it('never matches a pattern git rejects', () => {
      assert.equal(compilePattern({ source: 'x\\', negated: false }).regex, null);
      assert.equal(compilePattern({ source: '[abc', negated: false }).regex, null);
      assert.equal(wildmatchSource('a[b'), null);
    });
  });

  describe('ignoreDecision', () => {
    it('matches a pattern without a slash at any depth', () => {
      assert.deepEqual(ignored('.env', ['.env', 'a/.env', 'a/b/.env', '.env.local', 'x.env']), ['.env', 'a/.env', 'a/b/.env']);
      assert.deepEqual(ignored('*.pem', ['a.pem', 'x/y/a.pem', 'a.pem.bak']), ['a.pem', 'x/y/a.pem']);
    });

    it('anchors a pattern with a leading or middle slash', () => {
      assert.deepEqual(ignored('/.env', ['.env', 'a/.env']), ['.env']);
      assert.deepEqual(ignored('a/b', ['a/b', 'x/a/b', 'a/b/c']), ['a/b', 'a/b/c']);
      assert.deepEqual(ignored('config/*.key', ['config/a.key', 'x/config/a.key', 'config/sub/a.key']), ['config/a.key']);
      assert.deepEqual(ignored('*/.env', ['a/.env', 'a/b/.env', '.env']), ['a/.env']);
    });

    it('matches folders only with a trailing slash, and everything inside them', () => {
      assert.deepEqual(ignored('certs/', ['certs/a.key', 'x/certs/a.key', 'certs']), ['certs/a.key', 'x/certs/a.key']);
      assert.deepEqual(ignored('.env/', ['.env']), []);
      assert.deepEqual(ignored('**/', ['a/.env', '.env']), ['a/.env']);
    });

    it('reads ** as any number of folders only as a whole segment', () => {
      assert.deepEqual(ignored('**/config/*.key', ['config/a.key', 'x/config/a.key', 'x/y/config/a.key']), [
        'config/a.key',
        'x/config/a.key',
        'x/y/config/a.key',
      ]);
      assert.deepEqual(ignored('a/**/b.key', ['a/b.key', 'a/x/b.key', 'a/x/y/b.key', 'c/a/b.key']), ['a/b.key', 'a/x/b.key', 'a/x/y/b.key']);
      assert.deepEqual(ignored('secrets/**', ['secrets/a', 'secrets/x/y', 'z/secrets/a']), ['secrets/a', 'secrets/x/y']);
      assert.deepEqual(ignored('docs/**/*.pem', ['docs/a.pem', 'docs/x/a.pem', 'a.pem']), ['docs/a.pem', 'docs/x/a.pem']);
      assert.deepEqual(ignored('**/secrets', ['secrets/a', 'x/secrets', 'x/secrets/a']), ['secrets/a', 'x/secrets', 'x/secrets/a']);
      assert.deepEqual(ignored('a**b', ['ab', 'axb', 'a/b', 'ax/yb']), ['ab', 'axb']);
    });

    it('supports ?, bracket expressions, ranges, classes and escapes', () => {
      assert.deepEqual(ignored('?.key', ['a.key', 'ab.key']), ['a.key']);
      assert.deepEqual(ignored('*.[kK][eE][yY]', ['a.key', 'a.KEY', 'a.kex']), ['a.key', 'a.KEY']);
      assert.deepEqual(ignored('*.[!p]em', ['a.pem', 'a.xem', 'a.em']), ['a.xem']);
      assert.deepEqual(ignored('[a-c].key', ['a.key', 'd.key', 'b.key']), ['a.key', 'b.key']);
      assert.deepEqual(ignored('[[:digit:]].key', ['1.key', 'a.key']), ['1.key']);
      assert.deepEqual(ignored('\\!important\n\\#x', ['!important', '#x']), ['!important', '#x']);
      assert.deepEqual(ignored('foo\\ ', ['foo ', 'foo']), ['foo ']);
    });

    it('lets the last matching pattern win and ! re-include', () => {
      assert.deepEqual(ignored('.env*\n!.env.example', ['.env', '.env.example', 'a/.env.example', 'a/.env.prod']), ['.env', 'a/.env.prod']);
      assert.deepEqual(ignored('id_*\n!id_*.pub', ['id_rsa', 'id_rsa.pub', 'x/id_ed25519']), ['id_rsa', 'x/id_ed25519']);
      assert.deepEqual(ignored('*.key\n!/keep.key', ['keep.key', 'x/keep.key']), ['x/keep.key']);
      // `a/` itself is ignored by `**`, so `a/.env.example` cannot come back.
      assert.deepEqual(ignored('**\n!.env.example', ['.env', '.env.example', 'a/.env.example']), ['.env', 'a/.env.example']);
      assert.deepEqual(ignored('*\n!*/\n!*.md', ['a.md', 'x/a.md', 'x/a.key']), ['x/a.key']);
      assert.deepEqual(ignored('a/\n!a/', ['a/b.key']), []);
    });

    it('never re-includes a file inside an ignored folder', () => {
      assert.deepEqual(ignored('/certs/\n!certs/pub.pem', ['certs/pub.pem', 'certs/a.key']), ['certs/pub.pem', 'certs/a.key']);
      assert.deepEqual(ignored('build/\n!build/x.key', ['build/x.key']), ['build/x.key']);
      // Re-including the folder `secrets/x/` does not re-include the files `secrets/**` matches in it.
      assert.deepEqual(ignored('secrets/**\n!secrets/x/', ['secrets/a', 'secrets/x/y']), ['secrets/a', 'secrets/x/y']);
      // `certs/*` ignores the files, not the folder: a file can come back.
      assert.deepEqual(ignored('certs/*\n!certs/pub.pem', ['certs/pub.pem', 'certs/a.key', 'x/certs/a.key']), ['certs/a.key']);
      assert.deepEqual(ignored('/*\n!/src', ['src/a.key', 'b.key', 'other/a.key']), ['b.key', 'other/a.key']);
    });

    it('lets a deeper .gitignore win, within its folder only', () => {
      assert.deepEqual(ignored({ '': '*.key', sub: '!*.key' }, ['a.key', 'sub/a.key', 'sub/x/a.key']), ['a.key']);
      assert.deepEqual(ignored({ '': '!*.key', sub: '*.key' }, ['a.key', 'sub/a.key']), ['sub/a.key']);
      assert.deepEqual(ignored({ '': 'sub/', sub: '!*.key' }, ['sub/a.key']), ['sub/a.key']);
      assert.deepEqual(ignored({ '': '/x.key', sub: '/x.key' }, ['x.key', 'sub/x.key', 'sub/y/x.key']), ['x.key', 'sub/x.key']);
      assert.deepEqual(ignored({ '': '.env', sub: '!.env', 'sub/deep': 'other' }, ['sub/deep/.env', '.env', 'sub/.env']), ['.env']);
    });

    it('says which layer and pattern decided', () => {
      const stack = layers({ '': '*.key\n!server.key', sub: 'server.key' });
      assert.deepEqual(ignoreDecision(stack, 'server.key', false), { ignored: false, layer: 0, pattern: 1, decidedAt: 'server.key' });
      assert.deepEqual(ignoreDecision(stack, 'sub/server.key', false), { ignored: true, layer: 1, pattern: 0, decidedAt: 'sub/server.key' });
      assert.deepEqual(ignoreDecision(layers({ '': 'certs/' }), 'certs/a/b.key', false), {
        ignored: true,
        layer: 0,
        pattern: 0,
        decidedAt: 'certs',
      });
      assert.deepEqual(ignoreDecision(stack, 'README.md', false), { ignored: false });
    });
  });
});
