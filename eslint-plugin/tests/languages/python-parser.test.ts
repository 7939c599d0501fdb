import assert from 'node:assert/strict';
import { initPythonParser, parsePython } from '../../src/languages/python/python-parser.js';

const SOURCE = `# FIXTURE: a module with most statement kinds.
import os
from typing import Optional

SECRET = os.getenv("SECRET")  # trailing comment


class Repository:
    """Docstring with ünïcödé and an emoji 😀."""

    def __init__(self, cursor):
        # a comment inside a method
        self.cursor = cursor

    def find(self, user_id: int) -> Optional[dict]:
        self.cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")
        return self.cursor.fetchone()


def handler(event, context):
    if event.get("debug"):
        print("debug")  # noqa
    return {"status": 200, "body": "ok" + str(context)}


@decorator(arg=1)
async def later():
    await something()
`;

/** A deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const PIECES = ['x', ' ', '\n', '(', ')', ':', '"', '#', 'def f():\n    pass\n', '    ', 'é', '😀', '', '\n\n'];

function snapshot(text: string, path?: string): string {
  const { ast, comments } = parsePython(text, path);
  return JSON.stringify({ ast, comments: comments.map((c) => [c.range, c.value, c.loc]) });
}

describe('python parser', () => {
  before(() => initPythonParser());

  it('gives the same tree when re-parsing incrementally as when parsing afresh', () => {
    const next = random(42);
    let text = SOURCE;
    snapshot(text, 'edited.py');
    for (let step = 0; step < 300; step++) {
      const start = Math.floor(next() * (text.length + 1));
      const length = next() < 0.5 ? 0 : Math.floor(next() * 8);
      const piece = PIECES[Math.floor(next() * PIECES.length)]!;
      text = text.slice(0, start) + piece + text.slice(start + length);
      if (step % 50 === 49) text = SOURCE;
      assert.equal(snapshot(text, 'edited.py'), snapshot(text), `after edit ${step} at ${start}`);
    }
  });

  it('gives the same tree after edits that keep the code valid (statements reused)', () => {
    const next = random(7);
    let text = SOURCE;
    snapshot(text, 'valid.py');
    for (let step = 0; step < 300; step++) {
      const lines = text.split('\n');
      const at = Math.floor(next() * lines.length);
      const line = lines[at]!;
      if (next() < 0.5) {
        // Rename: change one letter of the line.
        const letters = [...line.matchAll(/[a-z]/g)];
        const letter = letters[Math.floor(next() * letters.length)];
        if (letter) lines[at] = line.slice(0, letter.index) + 'q' + line.slice(letter.index + 1);
      } else {
        // Insert a statement at the indentation of the line it goes before.
        const indent = /^\s*/.exec(line)![0];
        lines.splice(at, 0, `${indent}value_${step} = compute(${step})  # step ${step}`);
      }
      text = lines.join('\n');
      if (step % 60 === 59) text = SOURCE;
      assert.equal(snapshot(text, 'valid.py'), snapshot(text), `after edit ${step} on line ${at + 1}`);
    }
  });

  it('returns the previous tree for unchanged text', () => {
    const first = parsePython(SOURCE, 'same.py');
    assert.equal(parsePython(SOURCE, 'same.py').ast, first.ast);
  });

  it('keeps statements, comments and locations in half-typed code', () => {
    const { ast, comments } = parsePython('def login(user, password:\n    x = 1  # note\nprint(x)\n');
    assert.ok(JSON.stringify(ast).includes('"call"'));
    assert.deepEqual(comments.map((c) => [c.value, c.loc.start]), [[' note', { line: 2, column: 11 }]]);
  });

  it('measures positions in UTF-16 code units, as ESLint does', () => {
    const text = 's = "😀"\nx = 1\n';
    const { ast } = parsePython(text);
    const second = ast.children[1]!;
    assert.deepEqual(second.range, [9, 14]);
    assert.deepEqual(second.loc, { start: { line: 2, column: 0 }, end: { line: 2, column: 5 } });
    assert.equal(text.slice(...second.range), 'x = 1');
  });
});
