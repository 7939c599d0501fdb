import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { CST, Document, Pair, Scalar, YAMLError } from 'yaml';
import type { Comment, Range, SourceLocation, TreeNode } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import { linkAlias } from './yaml-node.js';
import type {
  YamlAlias,
  YamlContent,
  YamlDocument,
  YamlError,
  YamlMap,
  YamlPair,
  YamlScalar,
  YamlScalarStyle,
  YamlSeq,
  YamlStream,
} from './yaml-node.js';

type LibError = Pick<YAMLError, 'code' | 'message' | 'pos'>;

/** Where one document's text lies in the file. */
interface Chunk {
  start: number;
  end: number;
}

/** How many unclosed quotes of one document are repaired before giving up. */
const MAX_QUOTE_REPAIRS = 3;

/** What the `yaml` library makes of one chunk, in offsets relative to the chunk. */
interface ChunkParse {
  documents: Document.Parsed[];
  /** Errors the library attached to no document (the chunk then has none). */
  streamErrors: LibError[];
  comments: { offset: number; source: string }[];
  /** Unclosed quotes that were read as plain characters, and their "missing quote" errors. */
  repairs: { quote: number; error: LibError }[];
}

const SCALAR_STYLES: Record<string, YamlScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'quoted',
  QUOTE_DOUBLE: 'quoted',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** An empty scalar, as the `yaml` library gives for a missing key or value. */
function isEmpty(node: YamlContent | null): boolean {
  if (!node) return true;
  return node.type === 'YamlScalar' && node.value === null && node.range[0] === node.range[1] && !node.anchor && !node.tag;
}

/** `---` or `...` at column 0, followed by a space, a tab, a line break or the end of the text. */
function isMarker(text: string, offset: number, marker: '---' | '...'): boolean {
  if (!text.startsWith(marker, offset)) return false;
  const next = text.charCodeAt(offset + 3);
  return Number.isNaN(next) || isBlank(next);
}

/**
 * Cuts the text into one chunk per document. YAML forbids `---` and `...` at
 * column 0 inside any content, quoted and block scalars included, so the cut
 * is exact for valid YAML; for broken YAML it is what keeps an unclosed quote
 * or bracket in one document from swallowing the documents after it (the
 * `yaml` library alone lets `"abc` run on through later `---` lines).
 * Leading comments and `%` directives stay with the `---` that follows them.
 */
function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  // Whether the current chunk already has a `---` or content, so the next `---` starts another.
  let substance = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    const next = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    if (isMarker(text, lineStart, '---')) {
      if (substance) {
        chunks.push({ start, end: lineStart });
        start = lineStart;
      }
      substance = true;
    } else if (isMarker(text, lineStart, '...')) {
      const end = Math.min(next, text.length);
      chunks.push({ start, end });
      start = end;
      substance = false;
    } else if (!substance) {
      let first = lineStart;
      while (first < lineEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
      const ch = text[first];
      if (first < lineEnd && ch !== '#' && !(ch === '%' && first === lineStart)) substance = true;
    }
    lineStart = next;
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, end: text.length });
  return chunks;
}

/** Where CST tokens keep the tokens inside them (documents, collections, their items, scalars). */
const CST_CHILD_KEYS = ['start', 'key', 'sep', 'value', 'end', 'items', 'props'] as const;

/** Every `#` comment of a chunk, from the CST: exact, and never a `#` inside a scalar. */
function commentTokens(tokens: CST.Token[]): ChunkParse['comments'] {
  const comments: ChunkParse['comments'] = [];
  const stack: Record<string, unknown>[] = [];
  const take = (token: unknown): void => {
    if (typeof token !== 'object' || token === null) return;
    const record = token as Record<string, unknown>;
    if (record.type === 'comment') {
      if (typeof record.offset === 'number' && typeof record.source === 'string') {
        comments.push({ offset: record.offset, source: record.source });
      }
    } else if (typeof record.source !== 'string' || record.end !== undefined || record.props !== undefined) {
      // Not a plain source token (space, indicator, scalar without comments): it holds other tokens.
      stack.push(record);
    }
  };
  for (const token of tokens) take(token);
  while (stack.length > 0) {
    const record = stack.pop()!;
    for (const key of CST_CHILD_KEYS) {
      const child = record[key];
      if (Array.isArray(child)) for (const item of child as unknown[]) take(item);
      else take(child);
    }
  }
  return comments;
}

/** Turns the `yaml` library's documents of one chunk into our nodes, shifting offsets from the chunk into the file. */
class DocumentConverter {
  /** Anchors seen so far in document order: an alias means the last one before it. */
  readonly #anchors = new Map<string, YamlContent>();
  /** Where the chunk starts in the file: the `yaml` library's offsets are relative to it. */
  private readonly base: number;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly chunk: Chunk,
  ) {
    this.base = chunk.start;
  }

  #trimEnd(start: number, end: number): number {
    while (end > start && isBlank(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  #loc(start: number, end: number): SourceLocation {
    return { start: this.lines.position(start), end: this.lines.position(end) };
  }

  #anchor(anchor: string | undefined, node: YamlContent): string | null {
    if (!anchor) return null;
    this.#anchors.set(anchor, node);
    return anchor;
  }

  content(node: unknown): YamlContent | null {
    if (isScalar(node)) return this.#scalar(node);
    if (isAlias(node)) {
      if (!node.range) return null;
      const start = this.base + node.range[0];
      const end = this.#trimEnd(start, this.base + node.range[1]);
      const alias: YamlAlias = { type: 'YamlAlias', name: node.source, range: [start, end], loc: this.#loc(start, end), children: [] };
      const target = this.#anchors.get(node.source);
      if (target) linkAlias(alias, target);
      return alias;
    }
    if (isMap(node) || isSeq(node)) {
      if (!node.range) return null;
      const start = this.base + node.range[0];
      const flow = node.flow === true;
      const collection = {
        type: isMap(node) ? 'YamlMap' : 'YamlSeq',
        anchor: null,
        tag: node.tag ?? null,
        flow,
        range: [start, start],
        loc: this.#loc(start, start),
        children: [],
      } as YamlMap | YamlSeq;
      collection.anchor = this.#anchor(node.anchor, collection);
      for (const item of node.items as unknown[]) {
        if (collection.type === 'YamlMap') {
          const pair = isPair(item) ? this.#pair(item) : null;
          if (pair) collection.children.push(pair);
        } else if (isPair(item)) {
          // `[a: 1]` is a sequence of one-pair mappings.
          const pair = this.#pair(item);
          if (pair) {
            collection.children.push({
              type: 'YamlMap',
              anchor: null,
              tag: null,
              flow: true,
              range: [pair.range[0], pair.range[1]],
              loc: pair.loc,
              children: [pair],
            });
          }
        } else {
          const child = this.content(item);
          if (child) collection.children.push(child);
        }
      }
      const first = collection.children[0];
      const last = collection.children[collection.children.length - 1];
      // Error recovery can leave an entry starting before the collection (`?  key:` on a broken line).
      if (first && first.range[0] < start) {
        collection.range[0] = first.range[0];
        collection.loc.start = first.loc.start;
      }
      const end = flow || !last ? this.#trimEnd(start, this.base + node.range[1]) : last.range[1];
      collection.range[1] = Math.max(end, last?.range[1] ?? end);
      collection.loc.end = this.lines.position(collection.range[1]);
      return collection;
    }
    return null;
  }

  #scalar(node: Scalar): YamlScalar | null {
    if (!node.range) return null;
    let start = this.base + node.range[0];
    // An empty value sits right after its `:`, `-` or properties, not after the blanks that follow them.
    if (node.range[1] === node.range[0]) start = this.#trimEnd(this.base, start);
    const style = SCALAR_STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    const libEnd = Math.max(start, this.base + node.range[1]);
    const end = style === 'block' ? this.#blockScalarEnd(start, libEnd) : this.#trimEnd(start, libEnd);
    const raw: unknown = node.value;
    const value =
      raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? raw
        : typeof raw === 'bigint'
          ? Number(raw)
          : (node.source ?? this.text.slice(start, end));
    const scalar: YamlScalar = {
      type: 'YamlScalar',
      value,
      source: this.text.slice(start, end),
      style,
      anchor: null,
      tag: node.tag ?? null,
      range: [start, end],
      loc: this.#loc(start, end),
      children: [],
    };
    scalar.anchor = this.#anchor(node.anchor, scalar);
    return scalar;
  }

  /** A block scalar ends at its last non-blank content line, or at its header when it has no content. */
  #blockScalarEnd(start: number, end: number): number {
    const text = this.text;
    let headerEnd = start;
    if (text[headerEnd] === '|' || text[headerEnd] === '>') {
      headerEnd++;
      while (headerEnd < end && /[0-9+-]/.test(text[headerEnd]!)) headerEnd++;
    }
    let contentStart = headerEnd;
    while (contentStart < end && !isLineBreak(text.charCodeAt(contentStart))) contentStart++;
    const contentEnd = this.#trimEnd(contentStart, end);
    return contentEnd > contentStart ? contentEnd : headerEnd;
  }

  #pair(item: Pair): YamlPair | null {
    const key = this.content(item.key);
    const value = this.content(item.value);
    const first = key ?? value;
    const last = value ?? key;
    // Error recovery can leave a pair with neither key nor value: it says nothing.
    if (!first || !last || (isEmpty(key) && isEmpty(value))) return null;
    return {
      type: 'YamlPair',
      key,
      value,
      range: [first.range[0], last.range[1]],
      loc: { start: first.loc.start, end: last.loc.end },
      children: key && value ? [key, value] : [first],
    };
  }

  #document(doc: Document.Parsed, index: number): YamlDocument {
    // An empty document (`---` alone) comes as an empty null scalar.
    const root = doc.contents;
    const empty = isScalar(root) && root.value === null && !root.anchor && !root.tag && root.range?.[0] === root.range?.[1];
    const contents = empty ? null : this.content(root);
    const docStart = this.base + doc.range[0];
    const explicit = isMarker(this.text, docStart, '---');
    const start = explicit || !contents ? docStart : contents.range[0];
    const end = contents ? contents.range[1] : explicit ? start + 3 : this.#trimEnd(start, this.chunk.end);
    return {
      type: 'YamlDocument',
      index,
      errors: doc.errors.map((error) => this.#error(error)),
      contents,
      range: [start, Math.max(start, end)],
      loc: this.#loc(start, Math.max(start, end)),
      children: contents ? [contents] : [],
    };
  }

  /** The chunk's documents, numbered from `firstIndex`. */
  documents(parsed: ChunkParse, firstIndex: number): YamlDocument[] {
    const documents: YamlDocument[] = [];
    for (const doc of parsed.documents) {
      // Anchors belong to one document.
      this.#anchors.clear();
      documents.push(this.#document(doc, firstIndex + documents.length));
    }
    if (documents.length === 0 && parsed.streamErrors.length > 0) {
      documents.push(this.emptyDocument(firstIndex, parsed.streamErrors));
    }
    for (const { quote, error } of parsed.repairs) {
      const offset = this.base + quote;
      const document = documents.find((doc) => doc.range[0] <= offset && offset <= doc.range[1]) ?? documents[0];
      if (document) restoreQuote(this.text, document, offset, this.#error(error));
    }
    return documents;
  }

  /** A document with no contents, for errors the parser could not attach to any document. */
  emptyDocument(index: number, errors: LibError[]): YamlDocument {
    const end = this.#trimEnd(this.base, this.chunk.end);
    return {
      type: 'YamlDocument',
      index,
      errors: errors.map((error) => this.#error(error)),
      contents: null,
      range: [this.base, end],
      loc: this.#loc(this.base, end),
      children: [],
    };
  }

  /** Errors past the end of the document (a missing closing quote) point at the end of its content. */
  #error(error: LibError): YamlError {
    const limit = this.#trimEnd(this.base, this.chunk.end);
    const start = Math.min(this.base + error.pos[0], limit);
    const end = Math.max(start, Math.min(this.base + error.pos[1], limit));
    return { code: error.code, message: error.message, range: [start, end], loc: this.#loc(start, end) };
  }
}

/**
 * Parses one document's chunk. A quote left open while typing (`image: "nginx`)
 * would make the rest of the document one string (hiding every finding after
 * it) and lose the scalar's last character, so the chunk is parsed again with
 * that quote read as a plain character (same length: no offset moves); the
 * conversion then marks the scalar quoted again and the document keeps the
 * "missing closing quote" error, moved to the end of the quote's line.
 */
function parseChunk(source: string): ChunkParse {
  let patched = source;
  const repairs: ChunkParse['repairs'] = [];
  for (;;) {
    const tokens = Array.from(new Parser().parse(patched));
    const composer = new Composer({ prettyErrors: false });
    const documents = Array.from(composer.compose(tokens, false, patched.length));
    const repair = repairs.length < MAX_QUOTE_REPAIRS ? findUnclosedQuote(source, documents) : undefined;
    if (repair) {
      repairs.push(repair);
      patched = `${patched.slice(0, repair.quote)}x${patched.slice(repair.quote + 1)}`;
      continue;
    }
    const streamErrors = documents.length === 0 ? composer.streamInfo().errors : [];
    return { documents, streamErrors, comments: commentTokens(tokens), repairs };
  }
}

/** A quoted scalar that runs to the end of its chunk because its quote is never closed. */
function findUnclosedQuote(source: string, documents: Document.Parsed[]): ChunkParse['repairs'][number] | undefined {
  let end = source.length;
  while (end > 0 && isBlank(source.charCodeAt(end - 1))) end--;
  for (const doc of documents) {
    const missing = doc.errors.find((error) => error.code === 'MISSING_CHAR' && /quote/i.test(error.message));
    if (!missing) continue;
    let quote: number | undefined;
    visit(doc, {
      Scalar(_key, node) {
        const range = node.range;
        if (!range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || range[1] < end) return undefined;
        // A scalar closed by the last character of the chunk is not the unclosed one.
        if (end - range[0] > 1 && source[end - 1] === source[range[0]]) return undefined;
        quote = range[0];
        return visit.BREAK;
      },
    });
    if (quote === undefined) continue;
    let lineEnd = quote;
    while (lineEnd < source.length && !isLineBreak(source.charCodeAt(lineEnd))) lineEnd++;
    return { quote, error: { code: missing.code, message: missing.message, pos: [lineEnd, lineEnd] } };
  }
  return undefined;
}

/**
 * The last parse of each recently linted file, by chunk text. An editor
 * re-lints the file on every keystroke, usually with one document changed:
 * the `yaml` library (most of the parse time) then reads only that one again.
 * Only the chunks of the latest parse are kept, so nothing outlives its file's
 * current text.
 */
const recentParses = new Map<string, { text: string; result: ParsedTree<YamlStream>; chunks: Map<string, ChunkParse> }>();
const MAX_RECENT_PARSES = 8;

/**
 * Parses YAML into a YamlStream (see yaml-node.ts). It never throws: each
 * document is parsed on its own, a broken one keeps what the `yaml` library
 * recovered and records its errors, and the others are unaffected. Binary
 * content (a NUL character) and empty files give an empty stream. With a
 * `path`, unchanged documents reuse that file's previous parse.
 */
export function parseYaml(text: string, path?: string): ParsedTree<YamlStream> {
  const previous = path === undefined ? undefined : recentParses.get(path);
  if (previous?.text === text) return previous.result;

  const lines = new LineIndex(text);
  const stream: YamlStream = { type: 'YamlStream', range: [0, text.length], loc: lines.loc([0, text.length]), children: [] };
  const comments: Comment[] = [];
  const chunks = new Map<string, ChunkParse>();
  if (!text.includes('\u0000')) {
    for (const chunk of splitDocuments(text)) {
      const converter = new DocumentConverter(text, lines, chunk);
      try {
        const source = text.slice(chunk.start, chunk.end);
        const parsed = chunks.get(source) ?? previous?.chunks.get(source) ?? parseChunk(source);
        chunks.set(source, parsed);
        stream.children.push(...converter.documents(parsed, stream.children.length));
        for (const { offset, source: comment } of parsed.comments) {
          const value = comment.endsWith('\r') ? comment.slice(1, -1) : comment.slice(1);
          const range: Range = [chunk.start + offset, chunk.start + offset + 1 + value.length];
          comments.push({ type: 'Comment', value, range, loc: lines.loc(range) });
        }
      } catch (error) {
        const message = `The YAML parser failed on this document: ${error instanceof Error ? error.message : String(error)}`;
        const crash: LibError = { code: 'IMPOSSIBLE', message, pos: [0, chunk.end - chunk.start] };
        stream.children.push(converter.emptyDocument(stream.children.length, [crash]));
      }
    }
  }
  comments.sort((a, b) => a.range[0] - b.range[0]);
  linkParents(stream);

  const result = { ast: stream, comments };
  if (path !== undefined) {
    recentParses.delete(path);
    recentParses.set(path, { text, result, chunks });
    if (recentParses.size > MAX_RECENT_PARSES) recentParses.delete(recentParses.keys().next().value!);
  }
  return result;
}

function* descendants(node: TreeNode): Generator<TreeNode> {
  const stack: TreeNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
}

/** Marks the scalar re-read without its opening quote as quoted again, and records the missing quote. */
function restoreQuote(text: string, document: YamlDocument, offset: number, error: YamlError): void {
  document.errors.push(error);
  document.errors.sort((a, b) => a.range[0] - b.range[0]);
  for (const node of descendants(document)) {
    if (node.type === 'YamlScalar' && node.range[0] === offset) {
      const scalar = node as YamlScalar;
      scalar.style = 'quoted';
      scalar.source = text.slice(scalar.range[0], scalar.range[1]);
      scalar.value = scalar.source.slice(1);
      return;
    }
  }
}
