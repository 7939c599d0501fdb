import { GenericLanguage } from '../shared/generic-language.js';
import { parseDockerfile } from './dockerfile-parser.js';
import type { DockerfileRoot } from './dockerfile-node.js';

export const dockerfileLanguage = new GenericLanguage<DockerfileRoot>('dockerfile', (text) => parseDockerfile(text));
