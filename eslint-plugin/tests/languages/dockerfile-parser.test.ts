import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/languages/dockerfile/dockerfile-parser.js';
import type { DockerInstruction, DockerStage } from '../../src/languages/dockerfile/dockerfile-node.js';

const TEXT = [
  'ARG BASE=python:3.11',
  'FROM ${BASE} AS build',
  '# build stage',
  'ENV A=1 B="two words"',
  'RUN apt-get update && \\',
  '    apt-get install -y curl',
  '',
  'from build',
  'USER app',
].join('\n');

describe('dockerfile parser', () => {
  it('groups instructions into stages after the global ARGs', () => {
    const { ast } = parseDockerfile(TEXT);
    assert.deepEqual(
      ast.children.map((child) =>
        child.type === 'Stage'
          ? `stage ${child.index} ${child.name ?? '-'}: ${(child as DockerStage).children.map((i) => i.keyword).join(',')}`
          : (child as DockerInstruction).keyword,
      ),
      ['ARG', 'stage 0 build: FROM,ENV,RUN', 'stage 1 -: FROM,USER'],
    );
  });

  it('reads ENV properties with their values and ranges', () => {
    const { ast } = parseDockerfile(TEXT);
    const env = (ast.children[1] as DockerStage).children[1]!;
    assert.deepEqual(
      env.children.map((property) => property.type === 'Property' && [property.name, property.value, TEXT.slice(...property.valueRange!)]),
      [
        ['A', '1', '1'],
        ['B', 'two words', '"two words"'],
      ],
    );
  });

  it('spans line continuations and collects comments', () => {
    const { ast, comments } = parseDockerfile(TEXT);
    const run = (ast.children[1] as DockerStage).children[2]!;
    assert.deepEqual([run.loc.start.line, run.loc.end.line], [5, 6]);
    assert.deepEqual(comments.map((comment) => [comment.value, comment.loc.start.line]), [[' build stage', 3]]);
  });

  it('never fails on half-typed or odd input', () => {
    for (const text of ['', 'FROM', 'USER', 'RUN echo \\', '\u0000\u0001binary', 'ENV =', 'FROM a AS']) {
      assert.doesNotThrow(() => parseDockerfile(text), JSON.stringify(text));
    }
  });
});
