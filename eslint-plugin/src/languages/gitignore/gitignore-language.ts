import { GenericLanguage } from '../shared/generic-language.js';
import { parseGitignore } from './gitignore-parser.js';
import type { GitignoreFile } from './gitignore-node.js';

export const gitignoreLanguage = new GenericLanguage<GitignoreFile>('gitignore', (text) => parseGitignore(text));
