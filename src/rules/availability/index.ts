import type { Rule } from '../../engine/types.js';
import bizAvailability from './biz-availability.js';

export const availabilityRules: Rule[] = [bizAvailability];
