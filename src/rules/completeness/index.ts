import type { Rule } from '../../engine/types.js';
import opDescription from './op-description.js';
import opSummaryRequired from './op-summary-required.js';
import opVisibility from './op-visibility.js';
import opSummaryLength from './op-summary-length.js';
import opSummaryChars from './op-summary-chars.js';
import opSummaryHuman from './op-summary-human.js';
import opDescriptionStyle from './op-description-style.js';
import textNoProductNames from './text-no-product-names.js';
import textEnglishQuality from './text-english-quality.js';
import responseSchemaNonempty from './response-schema-nonempty.js';
import deprecationStyle from './deprecation-style.js';
import paramDescription from './param-description.js';
import paramXMsSummary from './param-x-ms-summary.js';
import responsePropertyMetadata from './response-property-metadata.js';
import readmeSections from './readme-sections.js';
import readmeOpsMatch from './readme-ops-match.js';
import connectionParamsUi from './connection-params-ui.js';

export const completenessRules: Rule[] = [
  opSummaryRequired,
  opDescription,
  opVisibility,
  opSummaryLength,
  opSummaryChars,
  opSummaryHuman,
  opDescriptionStyle,
  textNoProductNames,
  textEnglishQuality,
  responseSchemaNonempty,
  deprecationStyle,
  paramXMsSummary,
  paramDescription,
  responsePropertyMetadata,
  readmeSections,
  readmeOpsMatch,
  connectionParamsUi,
];
