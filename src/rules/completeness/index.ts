import type { Rule } from '../../engine/types.js';

export const completenessRules: Rule[] = [];
