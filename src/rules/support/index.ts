import type { Rule } from '../../engine/types.js';
import infoContact from './info-contact.js';

export const supportRules: Rule[] = [infoContact];
