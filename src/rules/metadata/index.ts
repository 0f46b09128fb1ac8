import type { Rule } from '../../engine/types.js';

export const metadataRules: Rule[] = [];
