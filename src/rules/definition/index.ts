import type { Rule } from '../../engine/types.js';
import apipropsSchema from './apiprops-schema.js';
import operationIdRequiredUnique from './operationid-required-unique.js';
import pathSyntax from './path-syntax.js';
import pathUnique from './path-unique.js';
import operationIdStyle from './operationid-style.js';
import opResponsesPresent from './op-responses-present.js';
import responseDefaultNoSchema from './response-default-no-schema.js';
import responseOneSchema from './response-one-schema.js';
import responseDescription from './response-description.js';
import responseMisc from './response-misc.js';
import getNoBody from './get-no-body.js';
import triggerDefinition from './trigger-definition.js';
import pageable from './pageable.js';
import versioningAnnotations from './versioning-annotations.js';
import pkgFileReadable from './pkg-file-readable.js';
import pkgJsonStrict from './pkg-json-strict.js';
import pkgRequiredFiles from './pkg-required-files.js';
import pkgSingleConnectorPr from './pkg-single-connector-pr.js';
import pkgSwaggerSize from './pkg-swagger-size.js';
import refs from './refs.js';
import swaggerSchema from './swagger-schema.js';
import swaggerVersion from './swagger-version.js';
import extensionPrefix from './extension-prefix.js';
import unknownMsExtension from './unknown-ms-extension.js';
import hostFormat from './host-format.js';
import basepathFormat from './basepath-format.js';
import schemes from './schemes.js';
import mimeTypes from './mime-types.js';
import tagsUnique from './tags-unique.js';
import limitsCounts from './limits-counts.js';
import pkgFolderLocation from './pkg-folder-location.js';
import pkgPartnerCenterZip from './pkg-partner-center-zip.js';
import prNotDuplicate from './pr-not-duplicate.js';
import pkgFormatStyle from './pkg-format-style.js';
import pkgSettingsSchema from './pkg-settings-schema.js';
import scriptStructure from './script-structure.js';
import scriptNamespaces from './script-namespaces.js';
import scriptLimits from './script-limits.js';
import scriptOperationsConsistent from './script-operations-consistent.js';
import policyTemplates from './policy-templates.js';

import paramPath from './param-path.js';
import paramUrlEncoding from './param-url-encoding.js';
import paramUniqueness from './param-uniqueness.js';
import paramReserved from './param-reserved.js';
import paramBodySchema from './param-body-schema.js';
import paramFileBinary from './param-file-binary.js';
import paramInternalDefaults from './param-internal-defaults.js';
import paramKeywords from './param-keywords.js';
import schemaTypes from './schema-types.js';
import schemaEnums from './schema-enums.js';
import schemaConstraints from './schema-constraints.js';
import dynamicExtensions from './dynamic-extensions.js';
import testValuesNoSecrets from './test-values-no-secrets.js';
import introMd from './intro-md.js';
import prChecklist from './pr-checklist.js';
export const definitionRules: Rule[] = [
  pkgRequiredFiles,
  pkgFileReadable,
  pkgJsonStrict,
  pkgSwaggerSize,
  swaggerVersion,
  swaggerSchema,
  extensionPrefix,
  unknownMsExtension,
  hostFormat,
  basepathFormat,
  schemes,
  mimeTypes,
  tagsUnique,
  limitsCounts,
  refs,
  operationIdRequiredUnique,
  pathSyntax,
  pathUnique,
  operationIdStyle,
  opResponsesPresent,
  responseDefaultNoSchema,
  responseOneSchema,
  responseDescription,
  responseMisc,
  getNoBody,
  triggerDefinition,
  pageable,
  versioningAnnotations,
  apipropsSchema,
  pkgFolderLocation,
  pkgSingleConnectorPr,
  pkgPartnerCenterZip,
  prNotDuplicate,
  pkgFormatStyle,
  pkgSettingsSchema,
  scriptStructure,
  scriptNamespaces,
  scriptLimits,
  scriptOperationsConsistent,
  policyTemplates,
  paramPath,
  paramUrlEncoding,
  paramUniqueness,
  paramReserved,
  paramBodySchema,
  paramFileBinary,
  paramInternalDefaults,
  paramKeywords,
  schemaTypes,
  schemaEnums,
  schemaConstraints,
  dynamicExtensions,
  testValuesNoSecrets,
  introMd,
  prChecklist,
];
