import { entries, items, prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties, parsedSwagger, quote } from '../define.js';

const P = 'x-ms-apimTemplateParameter.';
/**
 * Policy templates and their required parameters, from Microsoft's paconn-apiProperties.schema.json
 * (templateIds are matched without regard to case: the schema lists "dynamichosturl", "dynamicHostUrl"…).
 */
export const POLICY_TEMPLATES: Record<string, { name: string; required: readonly string[]; optional: readonly string[] }> = {
  convertarraytoobject: { name: 'convertarraytoobject', required: ['propertyParentPath', 'keyWithinCollectionPath', 'newPropertyPath'], optional: ['propertySubPath', 'retainKey'] },
  convertobjecttoarray: { name: 'convertobjecttoarray', required: ['propertyParentPath', 'newPropertyPath'], optional: ['propertySubPath', 'keyName', 'valueName'] },
  dynamichosturl: { name: 'dynamichosturl', required: ['urlTemplate'], optional: [] },
  encodepropertyvalue: { name: 'encodepropertyvalue', required: ['propertyParentPath', 'newPropertyPath'], optional: ['propertySubPath'] },
  pollingtrigger: { name: 'pollingtrigger', required: ['triggerConfig', 'triggerDataPath'], optional: [] },
  routerequesttoendpoint: { name: 'routerequesttoendpoint', required: ['newPath'], optional: ['httpMethod'] },
  setheader: { name: 'setheader', required: ['name', 'value'], optional: ['existsAction'] },
  setproperty: { name: 'setproperty', required: ['newPropertyParentPathTemplate', 'newPropertySubPathTemplate', 'propertyValuePathTemplate'], optional: [] },
  setqueryparameter: { name: 'setqueryparameter', required: ['name', 'value'], optional: ['existsAction'] },
  setvaluefromurl: { name: 'setvaluefromurl', required: ['parameterTemplate', 'parameterValueUrl', 'parameterValuePathTemplate'], optional: ['httpMethod'] },
  stringreplace: { name: 'stringreplace', required: ['propertyParentPath', 'sourceString', 'replacementString', 'newPropertyPath'], optional: ['propertySubPath'] },
  stringtoarray: { name: 'stringtoarray', required: ['propertyParentPath', 'delimiterList', 'childPropertyName', 'newPropertyPath'], optional: ['propertySubPath'] },
  updatenextlink: { name: 'updatenextlink', required: ['nextLinkPropertyName'], optional: ['nextLinkParentPropertyPath'] },
};
const COMMON = new Set(['x-ms-apimTemplate-operationName', 'x-ms-apimTemplate-policySection']);

export default defineRule({
  meta: {
    id: 'policy-templates',
    criterion: 'definition',
    description: 'Each policyTemplateInstances entry uses a known templateId with its required parameters, and its x-ms-apimTemplate-operationName entries are operationIds.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    const instances = items(prop(prop(file.doc.root, 'properties'), 'policyTemplateInstances'));
    if (instances.length === 0) return;
    // Only a definition that parsed completely tells which operationIds do not exist.
    const parsed = parsedSwagger(connector);
    const swagger = parsed && parsed.doc.problems.length === 0 ? parsed : undefined;
    const ids = new Set<string>();
    for (const operation of swagger ? operations(swagger.doc.root) : []) {
      const id = str(prop(operation.node, 'operationId'));
      if (id !== undefined) ids.add(id);
    }
    const caseless = new Map([...ids].map((id) => [id.toLowerCase(), id]));
    for (const instance of instances) {
      const idNode = prop(instance, 'templateId');
      const templateId = str(idNode);
      if (!idNode || templateId === undefined) continue; // apiprops-schema's business
      const template = POLICY_TEMPLATES[templateId.toLowerCase()];
      const parameters = prop(instance, 'parameters');
      if (!template) {
        report({ file, node: idNode, message: `templateId ${quote(templateId)} is not a policy template; use one of ${Object.keys(POLICY_TEMPLATES).join(', ')}` });
      } else {
        const keys = new Set(entries(parameters).map((e) => e.key));
        const missing = template.required.filter((name) => !keys.has(P + name));
        if (missing.length > 0) {
          report({
            file,
            node: parameters ?? idNode,
            at: parameters ? 'key' : 'value',
            message: `the ${template.name} policy lacks ${missing.map((m) => `"${P}${m}"`).join(', ')}; add ${missing.length > 1 ? 'them' : 'it'} to its "parameters"`,
          });
        }
        const allowed = new Set([...template.required, ...template.optional].map((name) => P + name));
        for (const { key, keyNode } of entries(parameters)) {
          if (COMMON.has(key) || allowed.has(key)) continue;
          const near = [...allowed, ...COMMON].find((k) => k.toLowerCase() === key.toLowerCase());
          report({
            file,
            node: keyNode,
            recommended: near === undefined,
            message: near
              ? `policy parameter ${quote(key)} must be spelled ${quote(near)}`
              : `the ${template.name} policy has no parameter ${quote(key)}; remove it (its parameters: ${[...allowed].map((k) => k.slice(P.length)).join(', ')})`,
            ...(near ? { fix: { offset: keyNode.offset, length: keyNode.length, text: JSON.stringify(near) } } : {}),
          });
        }
      }
      if (!swagger) continue;
      for (const item of items(prop(parameters, 'x-ms-apimTemplate-operationName'))) {
        const name = str(item);
        if (name === undefined || ids.has(name)) continue;
        const near = caseless.get(name.toLowerCase());
        report({
          file,
          node: item,
          message: near
            ? `x-ms-apimTemplate-operationName lists ${quote(name)}; the operationId is spelled ${quote(near)}`
            : `x-ms-apimTemplate-operationName lists ${quote(name)}, which is no operationId in the definition, so the ${template?.name ?? templateId} policy never runs for it; use an existing operationId or remove it`,
          ...(near ? { fix: { offset: item.offset, length: item.length, text: JSON.stringify(near) } } : {}),
        });
      }
    }
  },
});
