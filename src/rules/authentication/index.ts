import type { Rule } from '../../engine/types.js';
import authConsistency from './auth-consistency.js';
import authRequired from './auth-required.js';
import authSupported from './auth-supported.js';

export const authenticationRules: Rule[] = [authSupported, authRequired, authConsistency];
