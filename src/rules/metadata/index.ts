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
import infoTitleNaming from './info-title-naming.js';
import infoDescriptionQuality from './info-description-quality.js';
import infoVersion from './info-version.js';
import publisherStackowner from './publisher-stackowner.js';
import readmePublisherConsistency from './readme-publisher-consistency.js';
import prTitleIp from './pr-title-ip.js';

export const metadataRules: Rule[] = [
  infoTitlePresent,
  infoTitleLength,
  infoTitleWords,
  infoTitleEnding,
  infoTitleNaming,
  infoDescriptionLength,
  infoDescriptionWords,
  infoDescriptionQuality,
  infoVersion,
  connectorMetadata,
  connectorCategories,
  brandColorFormat,
  brandColorCertified,
  brandColorIp,
  publisherStackowner,
  readmePublisherConsistency,
  prTitleIp,
];
