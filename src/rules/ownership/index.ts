import type { Rule } from '../../engine/types.js';
import bizSaasOwnership from './biz-saas-ownership.js';
import ownershipWebsite from './ownership-website.js';

export const ownershipRules: Rule[] = [bizSaasOwnership, ownershipWebsite];
