import type { Rule } from '../../engine/types.js';
import opDescription from './op-description.js';
import opSummaryRequired from './op-summary-required.js';
import opVisibility from './op-visibility.js';
import paramDescription from './param-description.js';
import paramXMsSummary from './param-x-ms-summary.js';
import responsePropertyMetadata from './response-property-metadata.js';

export const completenessRules: Rule[] = [
  opSummaryRequired,
  opDescription,
  opVisibility,
  paramXMsSummary,
  paramDescription,
  responsePropertyMetadata,
];
