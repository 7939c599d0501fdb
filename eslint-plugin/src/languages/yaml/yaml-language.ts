import { GenericLanguage } from '../shared/generic-language.js';
import { parseYaml } from './yaml-parser.js';
import type { YamlStream } from './yaml-node.js';

export const yamlLanguage = new GenericLanguage<YamlStream>('yaml', (text, path) => parseYaml(text, path));
