import { entries, items, prop, str, type Node } from '../../engine/json/tree.js';
import { deref, operations, parametersOf, type Operation } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';

/** name + in; header names compare case-insensitively, as HTTP does. */
function identity(parameter: Node): string | undefined {
  const name = str(prop(parameter, 'name'));
  const location = str(prop(parameter, 'in'));
  if (name === undefined || location === undefined) return undefined;
  return `${location}\u0000${location === 'header' ? name.toLowerCase() : name}`;
}

/** Whether `path` ("a/b") names a property of a schema, following properties (and $refs) only. */
function hasPropertyPath(root: Node, schema: Node | undefined, path: string[]): boolean {
  let current = schema && deref(root, schema);
  for (const segment of path) {
    current = deref(root, prop(prop(current, 'properties'), segment));
    if (!current) return false;
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'param-uniqueness',
    criterion: 'definition',
    description: 'Parameters are unique by name and location, at most one body, never body and formData together, names not ambiguous with body property paths.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const reported = new Set<Node>();
    const once = (site: Node): boolean => {
      if (reported.has(site)) return false;
      reported.add(site);
      return true;
    };
    /** `where`: a path item's description, or the operation (labelled only when reported). */
    const duplicates = (list: Node | undefined, where: string | Operation, code: string): void => {
      const sites = items(list);
      if (sites.length < 2) return; // nothing to repeat
      const first = new Map<string, Node>();
      for (const site of sites) {
        const node = deref(root, site);
        const key = node && identity(node);
        if (!node || key === undefined) continue;
        const previous = first.get(key);
        if (previous === undefined) first.set(key, site);
        else if (once(site)) {
          const line = file.doc.lines.position(previous.offset).line;
          report({
            file,
            node: site,
            message: `${typeof where === 'string' ? where : operationLabel(where)} lists parameter ${quote(str(prop(node, 'name')) as string)} (${str(prop(node, 'in')) as string}) twice (first on line ${line}); remove one (${code})`,
          });
        }
      }
    };
    const checkBodies = (operation: Operation): void => {
      const label = (): string => operationLabel(operation);
      const parameters = parametersOf(root, operation);
      const bodies = parameters.filter((parameter) => parameter.in === 'body');
      for (const extra of bodies.slice(1)) {
        if (once(extra.site)) {
          report({
            file,
            node: extra.site,
            message: `${label()} has more than one body parameter (${bodies.map((b) => quote(b.name ?? '?')).join(', ')}); keep one and move the rest into its schema (OperationParametersContainMultipleBodyParameters)`,
          });
        }
      }
      const form = parameters.find((parameter) => parameter.in === 'formData');
      if (bodies[0] && form && once(form.site)) {
        report({
          file,
          node: form.site,
          message: `${label()} has both a body parameter ${quote(bodies[0].name ?? '?')} and formData parameter ${quote(form.name ?? '?')}; use one kind only (ParameterListContainsFormDataAndBody)`,
        });
      }
      // "body/id" as a parameter name reads the same as the property id of the body parameter "body".
      const body = bodies[0];
      if (!body?.name) return;
      const prefix = `${body.name}/`;
      for (const parameter of parameters) {
        if (parameter === body || !parameter.name?.startsWith(prefix)) continue;
        if (hasPropertyPath(root, prop(body.node, 'schema'), parameter.name.split('/').slice(1)) && once(parameter.site)) {
          report({
            file,
            node: prop(parameter.node, 'name') ?? parameter.site,
            message: `parameter name ${quote(parameter.name)} of ${label()} is also the path of a property of the body ${quote(body.name)}; rename the parameter (OperationParameterNameIsAmbiguous)`,
          });
        }
      }
    };
    const pathItems = new Set<Node>();
    for (const operation of operations(root)) {
      if (!pathItems.has(operation.pathItem)) {
        pathItems.add(operation.pathItem);
        duplicates(prop(operation.pathItem, 'parameters'), `path ${operation.path}`, 'PathParametersContainDuplicateParameter');
      }
      duplicates(prop(operation.node, 'parameters'), operation, 'OperationParametersContainDuplicateParameter');
      checkBodies(operation);
    }
    // Path items without operations still declare parameters.
    for (const { key, value } of entries(prop(root, 'paths'))) {
      if (!pathItems.has(value)) duplicates(prop(value, 'parameters'), `path ${key}`, 'PathParametersContainDuplicateParameter');
    }

  },
});
