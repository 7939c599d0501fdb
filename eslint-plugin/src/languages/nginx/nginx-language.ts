import { GenericLanguage } from '../shared/generic-language.js';
import { parseNginx } from './nginx-parser.js';
import type { NginxConfig } from './nginx-node.js';

export const nginxLanguage = new GenericLanguage<NginxConfig>('nginx', (text) => parseNginx(text));
