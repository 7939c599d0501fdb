import type { TSESLint } from '@typescript-eslint/utils';
import type { DockerInstruction, DockerStage, DockerfileRoot } from '../languages/dockerfile/dockerfile-node.js';
import {
  argumentText,
  instructionArguments,
  instructionProperties,
} from '../languages/dockerfile/dockerfile-node.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';

export type Options = [{ allowedBaseImages?: string[] }];
export type MessageIds = 'noUser' | 'rootUser' | 'addSystemUser' | 'switchToNumericUser' | 'switchBackToUser';

/** Tags that image publishers use for images whose default user is not root. */
const NON_ROOT_IMAGE = /(?:^|[:/_.-])non-?root(?:$|[:/_.-])/i;
const ROOT_USER = /^(?:root|0)(?::.*)?$/i;
const UNPRIVILEGED_UID = '10001';

interface Resolution {
  /** The effective user when the stage ends, if a USER sets it. */
  user: string | null;
  /** The instruction that set it. */
  instruction: DockerInstruction | null;
  /** The external image at the bottom of the FROM chain. */
  baseImage: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-non-root-user',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.dockerfile],
    docs: {
      description: 'Require the final stage of a Dockerfile to run as a non-root user',
      recommended: true,
      guide: ['AMAS › 7.1 Docker Best Practices', 'AMAS › 7.2 Kubernetes Security'],
      cwe: ['CWE-250'],
      howToFix:
        'Create an unprivileged user in the final stage and switch to it before `CMD`/`ENTRYPOINT` (`RUN useradd --system app`, then `USER app`), or use a numeric user such as `USER 10001:10001`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowedBaseImages: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions for base images whose default user is already non-root (matched against the FROM image).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      noUser:
        'The final stage has no USER instruction, so the container runs as root. Switch to an unprivileged user before CMD/ENTRYPOINT.',
      rootUser:
        'The final stage ends with USER {{user}}, so the container runs as root. Switch to an unprivileged user before CMD/ENTRYPOINT.',
      addSystemUser: 'Create a system user "app" and switch to it.',
      switchToNumericUser: `Switch to the numeric non-root user ${UNPRIVILEGED_UID}:${UNPRIVILEGED_UID}.`,
      switchBackToUser: 'Switch back to "{{user}}" before the container starts.',
    },
  },
  defaultOptions: [{ allowedBaseImages: [] }],
  create(context, [{ allowedBaseImages = [] }]) {
    const sourceCode = treeSourceCode<DockerfileRoot>(context);
    const allowed = allowedBaseImages.map((pattern) => new RegExp(pattern, 'u'));

    function resolveArgs(value: string, scope: Map<string, string>): string {
      return value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}?/g, (whole, name: string) => scope.get(name) ?? whole);
    }

    function resolveStage(stage: DockerStage, stages: DockerStage[], scope: Map<string, string>): Resolution {
      const image = resolveArgs(instructionArguments(stage.children[0]!)[0]?.value ?? '', scope);
      const parentStage = stages.find((candidate) => candidate.index < stage.index && candidate.name === image.toLowerCase());
      const inherited: Resolution = parentStage
        ? resolveStage(parentStage, stages, scope)
        : { user: null, instruction: null, baseImage: image };
      const stageScope = new Map(scope);
      let result = inherited;
      for (const instruction of stage.children) {
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
          for (const property of instructionProperties(instruction)) {
            if (property.value !== null) stageScope.set(property.name, resolveArgs(property.value, stageScope));
          }
        } else if (instruction.keyword === 'USER') {
          result = { ...result, user: resolveArgs(argumentText(instruction), stageScope), instruction };
        }
      }
      return result;
    }

    function runsAsNonRootByDefault(image: string): boolean {
      return NON_ROOT_IMAGE.test(image) || allowed.some((pattern) => pattern.test(image));
    }

    /** Where to switch user: before the stage's CMD/ENTRYPOINT, or after its last instruction. */
    function insertionPoint(stage: DockerStage, after: DockerInstruction | null): { offset: number; before: boolean } {
      const start = after ? stage.children.indexOf(after) + 1 : 1;
      const launch = stage.children.slice(start).find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
      if (launch) return { offset: launch.range[0], before: true };
      return { offset: stage.children[stage.children.length - 1]!.range[1], before: false };
    }

    function insertLines(lines: string[], point: { offset: number; before: boolean }) {
      const text = lines.join('\n');
      return (fixer: TSESLint.RuleFixer) =>
        fixer.insertTextAfterRange(
          [point.offset, point.offset],
          point.before ? `${text}\n` : `\n${text}`,
        );
    }

    function createUserCommand(baseImage: string): string | null {
      if (/^scratch$|distroless/i.test(baseImage)) return null;
      if (/alpine|busybox/i.test(baseImage)) return 'RUN addgroup -S app && adduser -S -G app app';
      return 'RUN groupadd --system app && useradd --system --gid app --no-create-home app';
    }

    return {
      'Dockerfile:exit'(root: DockerfileRoot) {
        const stages = root.children.filter((child): child is DockerStage => child.type === 'Stage');
        const finalStage = stages[stages.length - 1];
        if (!finalStage) return;
        const globalScope = new Map<string, string>();
        for (const child of root.children) {
          if (child.type !== 'Instruction' || child.keyword !== 'ARG') continue;
          for (const property of instructionProperties(child)) {
            if (property.value !== null) globalScope.set(property.name, property.value);
          }
        }
        const resolution = resolveStage(finalStage, stages, globalScope);
        const lastUserHere = [...finalStage.children].reverse().find((i) => i.keyword === 'USER') ?? null;
        const point = insertionPoint(finalStage, lastUserHere);
        const createUser = createUserCommand(resolution.baseImage);
        const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (createUser) suggestions.push({ messageId: 'addSystemUser', fix: insertLines([createUser, 'USER app'], point) });
        suggestions.push({
          messageId: 'switchToNumericUser',
          fix: insertLines([`USER ${UNPRIVILEGED_UID}:${UNPRIVILEGED_UID}`], point),
        });

        if (resolution.user === null) {
          if (runsAsNonRootByDefault(resolution.baseImage)) return;
          context.report({ loc: finalStage.children[0]!.loc, messageId: 'noUser', suggest: suggestions });
          return;
        }
        if (!ROOT_USER.test(resolution.user.trim())) return;

        const earlierUser = [...finalStage.children]
          .filter((i) => i.keyword === 'USER' && i !== lastUserHere)
          .map(argumentText)
          .reverse()
          .find((user) => !ROOT_USER.test(user) && !user.includes('$'));
        if (earlierUser) {
          suggestions.unshift({
            messageId: 'switchBackToUser',
            data: { user: earlierUser },
            fix: insertLines([`USER ${earlierUser}`], point),
          });
        }
        const reportAt = resolution.instruction ?? finalStage.children[0]!;
        context.report({
          loc: reportAt.loc,
          messageId: 'rootUser',
          data: { user: sourceCode.getText(reportAt).replace(/^\s*USER\s+/i, '').trim() },
          suggest: suggestions,
        });
      },
    };
  },
});
