import { GenericLanguage } from '../shared/generic-language.js';
import { parseRedisConfig } from './redis-parser.js';
import type { RedisConfig } from './redis-node.js';

export const redisLanguage = new GenericLanguage<RedisConfig>('redis', (text) => parseRedisConfig(text));
