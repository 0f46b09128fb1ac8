import { prop, str } from '../../engine/json/tree.js';
import { operations, parametersOf } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { allParameters, operationLabel, parameterLabel } from '../completeness/shared.js';
import { insertPropertyFix, pathVariables, replaceFix } from './schema-shared.js';

export default defineRule({
  meta: {
    id: 'param-path',
    criterion: 'definition',
    description: 'Path parameters are required and appear in the path template; every template variable has a path parameter.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const text = file.doc.text;
    const notInTemplate = new Set<string>();
    for (const operation of operations(root)) {
      const variables = pathVariables(operation.path);
      const pathParameters = parametersOf(root, operation).filter((parameter) => parameter.in === 'path');
      const declared = new Set(pathParameters.map((parameter) => parameter.name));
      const missing = variables.filter((variable, index) => !declared.has(variable) && variables.indexOf(variable) === index);
      if (missing.length > 0) {
        const names = missing.map((variable) => `{${variable}}`).join(', ');
        report({
          file,
          node: operation.node,
          at: 'key',
          message: `${operationLabel(operation)} has no path parameter for ${names} in its path; add a parameter with "in": "path", "required": true and that name (OperationMissingPathParameter)`,
        });
      }
      for (const parameter of pathParameters) {
        if (parameter.name === undefined || variables.includes(parameter.name)) continue;
        // A #/parameters definition used by several operations of one path is reported once per path.
        const key = `${parameter.node.offset}\u0000${operation.path}`;
        if (notInTemplate.has(key)) continue;
        notInTemplate.add(key);
        report({
          file,
          node: prop(parameter.node, 'name') ?? parameter.node,
          message: `path parameter ${quote(parameter.name)} of ${operationLabel(operation)} is not in the path template ${quote(operation.path)}; add {${parameter.name}} to the path or change "in" (PathParameterNotDefinedInTemplate)`,
        });
      }
    }
    for (const site of allParameters(root)) {
      if (site.in !== 'path') continue;
      const required = prop(site.node, 'required');
      if (required?.type === 'boolean' && required.value === true) continue;
      const label = parameterLabel(site);
      if (!required) {
        report({
          file,
          node: site.node,
          at: 'key',
          message: `${label} is a path parameter without "required": true; add it, path values are always required (PathParameterMustBeRequired)`,
          fix: insertPropertyFix(text, site.node, 'required', 'true'),
        });
      } else {
        const shown = str(required) !== undefined ? quote(str(required) as string) : text.slice(required.offset, required.offset + required.length);
        report({
          file,
          node: required,
          message: `${label} is a path parameter with "required": ${shown}; set it to true, path values are always required (PathParameterMustBeRequired)`,
          fix: replaceFix(required, 'true'),
        });
      }
    }
  },
});
