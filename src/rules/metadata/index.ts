import type { Rule } from '../../engine/types.js';
import brandColorCertified from './brand-color-certified.js';
import brandColorFormat from './brand-color-format.js';
import brandColorIp from './brand-color-ip.js';
import connectorCategories from './connector-categories.js';
import connectorMetadata from './connector-metadata.js';
import infoDescriptionLength from './info-description-length.js';
import infoDescriptionWords from './info-description-words.js';
import infoTitleEnding from './info-title-ending.js';
import infoTitleLength from './info-title-length.js';
import infoTitlePresent from './info-title-present.js';
import infoTitleWords from './info-title-words.js';
import publisherStackowner from './publisher-stackowner.js';

export const metadataRules: Rule[] = [
  infoTitlePresent,
  infoTitleLength,
  infoTitleWords,
  infoTitleEnding,
  infoDescriptionLength,
  infoDescriptionWords,
  connectorMetadata,
  connectorCategories,
  brandColorFormat,
  brandColorCertified,
  brandColorIp,
  publisherStackowner,
];
