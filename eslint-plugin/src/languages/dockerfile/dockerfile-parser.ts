import { DockerfileParser } from 'dockerfile-ast';
import type { Instruction, Property } from 'dockerfile-ast';
import type { Comment, Range } from '../shared/tree.js';
import { LineIndex, linkParents } from '../shared/tree.js';
import type { ParsedTree } from '../shared/generic-language.js';
import type {
  DockerArgument,
  DockerInstruction,
  DockerProperty,
  DockerStage,
  DockerfileRoot,
} from './dockerfile-node.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const PROPERTY_INSTRUCTIONS = new Set(['ENV', 'ARG', 'LABEL']);

/** Parses with dockerfile-ast, which already tolerates unknown or half-typed instructions. */
export function parseDockerfile(text: string): ParsedTree<DockerfileRoot> {
  const lines = new LineIndex(text);
  const offset = (position: { line: number; character: number }): number =>
    Math.min(text.length, (lines.lineStart(position.line + 1) ?? text.length) + position.character);
  const toRange = (range: LspRange): Range => [offset(range.start), offset(range.end)];

  const dockerfile = DockerfileParser.parse(text);
  const root: DockerfileRoot = { type: 'Dockerfile', range: [0, text.length], loc: lines.loc([0, text.length]), children: [] };
  let stage: DockerStage | undefined;
  let stageCount = 0;

  for (const instruction of dockerfile.getInstructions()) {
    const node = toInstruction(instruction, toRange, lines);
    if (node.keyword === 'FROM') {
      const args = node.children as DockerArgument[];
      const asIndex = args.findIndex((arg) => arg.value.toLowerCase() === 'as');
      stage = {
        type: 'Stage',
        index: stageCount++,
        name: asIndex >= 0 ? (args[asIndex + 1]?.value.toLowerCase() ?? null) : null,
        range: [node.range[0], node.range[1]],
        loc: node.loc,
        children: [],
      };
      root.children.push(stage);
    }
    if (stage) {
      stage.children.push(node);
      stage.range[1] = node.range[1];
      stage.loc = lines.loc(stage.range);
    } else {
      root.children.push(node);
    }
  }

  const comments: Comment[] = dockerfile.getComments().map((comment) => {
    const range = toRange(comment.getRange());
    const value = text.slice(range[0], range[1]).replace(/^\s*#/, '');
    return { type: 'Comment', value, range, loc: lines.loc(range) };
  });

  linkParents(root);
  return { ast: root, comments };
}

function toInstruction(
  instruction: Instruction,
  toRange: (range: LspRange) => Range,
  lines: LineIndex,
): DockerInstruction {
  const keyword = instruction.getKeyword().toUpperCase();
  const range = toRange(instruction.getRange());
  const children: (DockerArgument | DockerProperty)[] = [];
  const properties = (instruction as Instruction & { getProperties?: () => Property[] }).getProperties;
  if (PROPERTY_INSTRUCTIONS.has(keyword) && typeof properties === 'function') {
    for (const property of properties.call(instruction)) {
      const propertyRange = toRange(property.getRange());
      const valueRange = property.getValueRange();
      children.push({
        type: 'Property',
        name: property.getName(),
        nameRange: toRange(property.getNameRange()),
        value: property.getValue(),
        valueRange: valueRange ? toRange(valueRange) : null,
        range: propertyRange,
        loc: lines.loc(propertyRange),
        children: [],
      });
    }
  } else {
    for (const argument of instruction.getArguments()) {
      const argumentRange = toRange(argument.getRange());
      children.push({
        type: 'Argument',
        value: argument.getValue(),
        range: argumentRange,
        loc: lines.loc(argumentRange),
        children: [],
      });
    }
  }
  const keywordRange = toRange(instruction.getInstructionRange());
  return { type: 'Instruction', keyword, keywordRange, range, loc: lines.loc(range), children };
}
