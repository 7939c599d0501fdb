import type { File, OkParseResult, ParseResult } from '@eslint/core';
import type { Comment, TreeNode } from './tree.js';
import { LineCommentSourceCode } from './line-comment-source-code.js';

export interface ParsedTree<Root extends TreeNode> {
  ast: Root;
  comments: Comment[];
}

/**
 * Every node type of our trees keeps its children in `children`; a Proxy answers
 * that for any type so selectors such as `:has()` work without listing types.
 */
const childrenVisitorKeys: Record<string, string[]> = new Proxy(
  {},
  { get: (_target, key) => (typeof key === 'string' ? ['children'] : undefined) },
);

/**
 * An ESLint language over one of our tolerant parsers. Parsing never throws for
 * bad input: a half-typed file still produces a tree, so rules keep running while
 * the user types; only a parser crash becomes a parse error.
 */
export class GenericLanguage<Root extends TreeNode> {
  readonly fileType = 'text' as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys = childrenVisitorKeys;
  readonly defaultLanguageOptions = {};

  constructor(
    readonly id: string,
    private readonly parseText: (text: string, path: string) => ParsedTree<Root>,
  ) {}

  validateLanguageOptions(languageOptions: Record<string, unknown>): void {
    const unknown = Object.keys(languageOptions);
    if (unknown.length > 0) {
      throw new TypeError(`The ${this.id} language takes no languageOptions (got: ${unknown.join(', ')}).`);
    }
  }

  parse(file: File): ParseResult<Root> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    try {
      const { ast, comments } = this.parseText(text, file.path);
      return { ok: true, ast, comments };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [{ message: `Could not parse this file as ${this.id}: ${message}`, line: 1, column: 1 }] };
    }
  }

  createSourceCode(file: File, input: OkParseResult<Root>): LineCommentSourceCode<Root> {
    return new LineCommentSourceCode({
      text: typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body),
      ast: input.ast,
      comments: input.comments as Comment[],
      languageId: this.id,
    });
  }
}
