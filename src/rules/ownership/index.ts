import type { Rule } from '../../engine/types.js';
import bizSaasOwnership from './biz-saas-ownership.js';
import ownershipWebsite from './ownership-website.js';
import hostProduction from './host-production.js';

export const ownershipRules: Rule[] = [bizSaasOwnership, ownershipWebsite, hostProduction];
