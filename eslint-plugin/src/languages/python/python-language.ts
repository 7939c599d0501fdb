import { GenericLanguage } from '../shared/generic-language.js';
import { parsePython } from './python-parser.js';
import type { PythonNode } from './python-node.js';

export const pythonLanguage = new GenericLanguage<PythonNode>('python', (text, path) => parsePython(text, path));
