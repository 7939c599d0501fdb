import type { Range, TreeNode } from '../shared/tree.js';

export interface DockerfileRoot extends TreeNode {
  type: 'Dockerfile';
  /** Instructions before the first FROM (global ARGs), then one Stage per FROM. */
  children: (DockerInstruction | DockerStage)[];
}

export interface DockerStage extends TreeNode {
  type: 'Stage';
  /** 0-based position among the file's stages. */
  index: number;
  /** The `AS name` of the FROM line, lower-cased as Docker compares it. */
  name: string | null;
  /** The FROM instruction is the first child. */
  children: DockerInstruction[];
}

export interface DockerInstruction extends TreeNode {
  type: 'Instruction';
  /** Upper-cased keyword: `FROM`, `USER`, `ENV`, ... */
  keyword: string;
  /** Range of the keyword itself. */
  keywordRange: Range;
  /** `ENV`/`ARG`/`LABEL` have Property children; other instructions Argument children. */
  children: (DockerArgument | DockerProperty)[];
}

export interface DockerArgument extends TreeNode {
  type: 'Argument';
  /** The argument with quotes and escapes resolved, as Docker reads it. */
  value: string;
  children: [];
}

export interface DockerProperty extends TreeNode {
  type: 'Property';
  name: string;
  nameRange: Range;
  /** null for `ARG NAME` with no default. */
  value: string | null;
  valueRange: Range | null;
  children: [];
}

export function instructionArguments(instruction: DockerInstruction): DockerArgument[] {
  return instruction.children.filter((child): child is DockerArgument => child.type === 'Argument');
}

export function instructionProperties(instruction: DockerInstruction): DockerProperty[] {
  return instruction.children.filter((child): child is DockerProperty => child.type === 'Property');
}

/** The instruction's arguments joined as Docker sees them (`USER app:app`). */
export function argumentText(instruction: DockerInstruction): string {
  return instructionArguments(instruction)
    .map((argument) => argument.value)
    .join(' ');
}
