import { GenericLanguage } from '../shared/generic-language.js';
import { parseEnv } from './env-parser.js';
import type { EnvFile } from './env-node.js';

export const envLanguage = new GenericLanguage<EnvFile>('env', (text) => parseEnv(text));
