import {
  ConfigCommentParser,
  Directive,
  TextSourceCodeBase,
  VisitNodeStep,
} from '@eslint/plugin-kit';
import type { DirectiveType, FileProblem, RulesConfig } from '@eslint/core';
import type { Comment, SourceLocation, TreeNode } from './tree.js';
import { parentOf } from './tree.js';

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

export interface LineCommentSourceCodeInit<Root extends TreeNode> {
  text: string;
  ast: Root;
  comments: Comment[];
  languageId: string;
}

/**
 * SourceCode for the languages whose comments run to the end of the line
 * (`#` in Python, Dockerfile, nginx). It gives ESLint traversal over `children`
 * and the inline-config trio, so `# eslint-disable-next-line hardening/<id> -- why`
 * behaves exactly as `//` does in JavaScript.
 */
export class LineCommentSourceCode<Root extends TreeNode = TreeNode> extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Root;
  SyntaxElementWithLoc: TreeNode | Comment;
  ConfigNode: Comment;
}> {
  override ast: Root;
  readonly comments: Comment[];
  /** Which of the plugin's languages produced this tree; rules dispatch on it. */
  readonly languageId: string;
  #inlineConfigComments: Comment[] | undefined;

  constructor({ text, ast, comments, languageId }: LineCommentSourceCodeInit<Root>) {
    super({ text, ast });
    this.ast = ast;
    this.comments = comments;
    this.languageId = languageId;
  }

  override getLoc(node: TreeNode | Comment): SourceLocation {
    return node.loc;
  }

  override getRange(node: TreeNode | Comment): [number, number] {
    return node.range;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return parentOf(node);
  }

  getText(node?: TreeNode | Comment): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  getInlineConfigNodes(): Comment[] {
    this.#inlineConfigComments ??= this.comments.filter((comment) => INLINE_CONFIG.test(comment.value));
    return this.#inlineConfigComments;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(comment.value) ?? {};
      switch (label) {
        case 'eslint-disable':
        case 'eslint-enable':
        case 'eslint-disable-next-line':
        case 'eslint-disable-line':
          directives.push(
            new Directive({
              type: label.slice('eslint-'.length) as DirectiveType,
              node: comment,
              value: value ?? '',
              justification: justification ?? '',
            }),
          );
          break;
        default:
          break;
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): {
    problems: FileProblem[];
    configs: { config: { rules: RulesConfig }; loc: SourceLocation }[];
  } {
    const problems: FileProblem[] = [];
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(comment.value);
      if (directive?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(directive.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }

  /**
   * Yields each step as ESLint consumes it (once, in order) rather than building
   * an array of two steps per node: on a 2,000-line file that array was tens of
   * thousands of objects kept alive for the whole lint, and most of the GC time.
   * Visitors get the node alone; rules read `node.parent`.
   */
  *traverse(): Iterable<VisitNodeStep> {
    // An explicit stack: deeply nested input must not overflow the call stack.
    const stack: { node: TreeNode; exit: boolean }[] = [{ node: this.ast, exit: false }];
    while (stack.length > 0) {
      const { node, exit } = stack.pop()!;
      yield new VisitNodeStep({ target: node, phase: exit ? 2 : 1, args: [node] });
      if (exit) continue;
      stack.push({ node, exit: true });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false });
    }
  }
}
