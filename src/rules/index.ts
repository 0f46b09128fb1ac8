// The rule registry. Each criterion's folder lists its rules; the order here is the report order
// of rules within a line.
import type { Rule } from '../engine/types.js';
import { authenticationRules } from './authentication/index.js';
import { availabilityRules } from './availability/index.js';
import { completenessRules } from './completeness/index.js';
import { definitionRules } from './definition/index.js';
import { iconRules } from './icon/index.js';
import { metadataRules } from './metadata/index.js';
import { ownershipRules } from './ownership/index.js';
import { supportRules } from './support/index.js';
import { breakingRules } from '../breaking/rules.js';

export const RULES: readonly Rule[] = [
  ...definitionRules,
  ...ownershipRules,
  ...authenticationRules,
  ...supportRules,
  ...availabilityRules,
  ...completenessRules,
  ...iconRules,
  ...metadataRules,
  // Compatibility: only run when the edge supplies a base revision (breaking-change detection).
  ...breakingRules,
];
