import { entries, items, prop, propertiesNamed, str, type Node } from '../../engine/json/tree.js';
import { deref, forEachSchemaProperty, MAX_SCHEMA_DEPTH, operations, parametersOf, responsesOf, type Operation } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { allParameters, isInternal, operationLabel } from '../completeness/shared.js';
import { enclosingOperation, replaceFix, typeOf } from './schema-shared.js';

type Kind = 'x-ms-dynamic-values' | 'x-ms-dynamic-list' | 'x-ms-dynamic-schema' | 'x-ms-dynamic-properties';
const KINDS: Kind[] = ['x-ms-dynamic-values', 'x-ms-dynamic-list', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'];
/** The newer extension that states references unambiguously, per older one. */
const SUCCESSOR: Partial<Record<Kind, Kind>> = { 'x-ms-dynamic-values': 'x-ms-dynamic-list', 'x-ms-dynamic-schema': 'x-ms-dynamic-properties' };
const TREE = 'x-ms-dynamic-tree';
const ALL_KEYS = new Set<string>([...KINDS, TREE, 'x-ms-editor']);

type PathResult = { node: Node } | 'missing' | 'unknown';

/** Follows a path string ("value/items") through `properties` of a schema; 'unknown' where the schema does not say. */
function followPath(root: Node, schema: Node | undefined, path: string): PathResult {
  let current = schema && deref(root, schema);
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length > MAX_SCHEMA_DEPTH) return 'unknown';
  for (const segment of segments) {
    if (!current || current.type !== 'object' || !prop(current, 'properties')) return 'unknown';
    if (KINDS.some((kind) => prop(current, kind)) || items(prop(current, 'allOf')).length > 0) return 'unknown';
    const properties = prop(current, 'properties');
    // Property names are matched as the runtime reads JSON: exactly, else ignoring case.
    const lower = segment.toLowerCase();
    const next = prop(properties, segment) ?? entries(properties).find((entry) => entry.key.toLowerCase() === lower)?.value;
    if (!next) {
      const closed = properties !== undefined && (prop(current, 'additionalProperties') === undefined || prop(current, 'additionalProperties')?.value === false);
      return closed ? 'missing' : 'unknown';
    }
    current = deref(root, next);
  }
  return current ? { node: current } : 'unknown';
}

/** The schema of the first 2xx response that has one. */
function successSchema(root: Node, operation: Operation): Node | undefined {
  for (const response of responsesOf(root, operation)) {
    if (/^2\d\d$/.test(response.code)) {
      const schema = prop(response.node, 'schema');
      if (schema) return schema;
    }
  }
  return undefined;
}

/** Every object that holds a dynamic extension, wherever it is (parameters, schemas, definitions), in file order. */
function dynamicExtensionHolders(root: Node): Set<Node> {
  const holders = new Set<Node>();
  const extensions = [...ALL_KEYS].flatMap((key) => propertiesNamed(root, key)).sort((a, b) => a.offset - b.offset);
  for (const property of extensions) if (property.parent) holders.add(property.parent);
  return holders;
}

export default defineRule({
  meta: {
    id: 'dynamic-extensions',
    criterion: 'definition',
    description: 'x-ms-dynamic-values/-list/-schema/-properties/-tree call existing operations with existing parameters and read paths their responses have.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const holders = dynamicExtensionHolders(root);
    // Most definitions use no dynamic extension: then the operations need no index.
    if (holders.size === 0) return;
    const byId = new Map<string, Operation>();
    for (const operation of operations(root)) {
      const id = str(prop(operation.node, 'operationId'));
      if (id !== undefined && !byId.has(id)) byId.set(id, operation);
    }
    const usedBy = new Map<Node, readonly Operation[]>();
    for (const site of allParameters(root)) usedBy.set(site.node, site.usedBy);
    const bodyNames = new Map<Operation, Set<string>>();
    const bodyPropertiesOf = (operation: Operation): Set<string> => {
      let names = bodyNames.get(operation);
      if (!names) {
        const found = new Set<string>();
        for (const parameter of parametersOf(root, operation)) {
          if (parameter.in === 'body') forEachSchemaProperty(root, prop(parameter.node, 'schema'), (name) => found.add(name));
        }
        bodyNames.set(operation, (names = found));
      }
      return names;
    };

    /** Checks one call description ({operationId, parameters, ...}); returns the target operation. */
    const checkCall = (holder: Node, kind: string, call: Node, sources: readonly Operation[]): Operation | undefined => {
      const idNode = prop(call, 'operationId');
      const id = str(idNode);
      if (id === undefined) {
        report({ file, node: idNode ?? call, at: idNode ? 'value' : 'key', message: `${kind} has no operationId; name the operation that returns the values` });
        return undefined;
      }
      const target = byId.get(id);
      if (!target) {
        report({ file, node: idNode as Node, message: `${kind} calls the operationId ${quote(id)}, which no operation in this file has; use an existing operationId (OperationIdNotFound)` });
        return undefined;
      }
      const targetParameters = parametersOf(root, target);
      const targetNames = new Set(targetParameters.map((parameter) => parameter.name));
      const supplied = new Set<string>();
      const newStyle = kind === 'x-ms-dynamic-list' || kind === 'x-ms-dynamic-properties' || kind.startsWith(TREE);
      for (const { key, keyNode, value } of entries(prop(call, 'parameters'))) {
        const first = key.split('/')[0] as string;
        supplied.add(key);
        supplied.add(first);
        if (!targetNames.has(key) && !targetNames.has(first)) {
          report({ file, node: keyNode, message: `${kind} passes ${quote(key)} to ${operationLabel(target)}, which has no parameter of that name; use one of its parameter names (OperationParameterNameNotFound)` });
        }
        const referenceNode = prop(value, 'parameter') ?? prop(value, 'parameterReference');
        const reference = str(referenceNode);
        if (reference === undefined || referenceNode === undefined) continue;
        for (const source of sources) {
          const sourceParameters = parametersOf(root, source);
          const head = reference.split('/')[0] as string;
          const parameter = sourceParameters.find((p) => p.name === reference) ?? sourceParameters.find((p) => p.name === head);
          const isBodyProperty = bodyPropertiesOf(source).has(reference) || bodyPropertiesOf(source).has(head) || bodyPropertiesOf(source).has(reference.split(/[/.]/).pop() as string);
          if (parameter) {
            if (isInternal(parameter.node) && !isInternal(source.node)) {
              report({
                file,
                node: referenceNode,
                message: `${kind} refers to ${quote(reference)}, an internal parameter of ${operationLabel(source)}, which users cannot fill; make it visible or pass a static "value" instead (SourcePropertyInternal)`,
              });
            } else if (!newStyle && parameter.in !== 'body' && bodyPropertiesOf(source).has(reference) && !prop(holder, SUCCESSOR[kind as Kind] as string)) {
              report({
                file,
                node: referenceNode,
                recommended: true,
                message: `${kind} refers to ${quote(reference)}, both a parameter and a body property of ${operationLabel(source)}; add ${SUCCESSOR[kind as Kind] as string} with a "parameterReference" path (DynamicListExtensionRequiredForAmbiguousReferences)`,
              });
            }
          } else if (isBodyProperty) {
            if (!newStyle && !prop(holder, SUCCESSOR[kind as Kind] as string)) {
              report({
                file,
                node: referenceNode,
                recommended: true,
                message: `${kind} refers to ${quote(reference)}, a body property of ${operationLabel(source)}; add ${SUCCESSOR[kind as Kind] as string} with "parameterReference": "<body>/${reference}" (DynamicListExtensionRequiredForNonParameterReferences)`,
              });
            }
          } else {
            report({
              file,
              node: referenceNode,
              message: `${kind} refers to ${quote(reference)}, which is neither a parameter nor a body property of ${operationLabel(source)}; reference an existing one (OperationParameterNameNotFound)`,
            });
          }
          break; // one source is enough to judge a shared definition's reference
        }
      }
      const missing = targetParameters.filter(
        (parameter) =>
          parameter.in !== 'body' && parameter.name !== undefined && prop(parameter.node, 'required')?.value === true && prop(parameter.node, 'default') === undefined && !supplied.has(parameter.name),
      );
      if (missing.length > 0) {
        report({
          file,
          node: prop(call, 'parameters') ?? call,
          at: 'key',
          message: `${kind} calls ${operationLabel(target)} without its required parameter${missing.length > 1 ? 's' : ''} ${missing.map((p) => quote(p.name as string)).join(', ')}; add ${missing.length > 1 ? 'them' : 'it'} to "parameters" (OperationMissingRequiredProperty)`,
        });
      }
      return target;
    };

    /** The response of `target` must hold what the extension reads. */
    const checkResponse = (kind: string, call: Node, target: Operation): void => {
      const schema = successSchema(root, target);
      if (!schema) return;
      const pathNode = (key: string): [Node | undefined, string | undefined] => [prop(call, key), str(prop(call, key))];
      const where = `the success response of ${operationLabel(target)}`;
      if (kind === 'x-ms-dynamic-values' || kind === 'x-ms-dynamic-list') {
        const [collectionNode, collection] = pathNode(kind === 'x-ms-dynamic-values' ? 'value-collection' : 'itemsPath');
        const found = collection !== undefined && collection !== '' ? followPath(root, schema, collection) : { node: deref(root, schema) as Node };
        // An object without properties says nothing about its shape: only a declared non-array type counts.
        const declared = found !== 'missing' && found !== 'unknown' ? typeOf(found.node) : undefined;
        const shapeless = found !== 'missing' && found !== 'unknown' && declared === 'object' && !prop(found.node, 'properties');
        if (found === 'missing' || (declared !== undefined && declared !== 'array' && !shapeless)) {
          report({
            file,
            node: collectionNode ?? call,
            at: collectionNode ? 'value' : 'key',
            recommended: true,
            message: `${kind} expects an array at ${quote(collection ?? '(the root)')} of ${where}, which ${found === 'missing' ? 'has no such property' : 'is not an array there'}; fix the path or the response schema (InvokedOperationShouldProduceArray)`,
          });
          return;
        }
        if (found === 'unknown' || !found.node) return;
        const itemSchema = prop(found.node, 'items');
        for (const key of kind === 'x-ms-dynamic-values' ? ['value-path', 'value-title'] : ['itemValuePath', 'itemTitlePath']) {
          const [node, path] = pathNode(key);
          if (node && path !== undefined && path !== '' && followPath(root, itemSchema, path) === 'missing') {
            report({ file, node, recommended: true, message: `${kind} reads ${quote(path)} from the items of ${where}, which have no such property; fix the path or the response schema (InvokedOperationShouldProduceProperty)` });
          }
        }
      } else {
        const [node, path] = pathNode(kind === 'x-ms-dynamic-schema' ? 'value-path' : 'itemValuePath');
        if (node && path !== undefined && path !== '' && followPath(root, schema, path) === 'missing') {
          report({ file, node, recommended: true, message: `${kind} reads the schema at ${quote(path)} of ${where}, which has no such property; fix the path or the response schema (InvokedOperationShouldProduceProperty)` });
        }
      }
    };

    for (const holder of holders) {
      const enclosing = enclosingOperation(root, holder);
      const sources = enclosing ? [enclosing] : (usedBy.get(holder) ?? []);
      const isParameter = str(prop(holder, 'in')) !== undefined && str(prop(holder, 'name')) !== undefined;
      for (const kind of KINDS) {
        const call = prop(holder, kind);
        if (!call || call.type !== 'object') continue;
        if (isParameter && str(prop(holder, 'in')) === 'body') {
          report({ file, node: call, at: 'key', message: `${kind} is declared on the body parameter itself; move it into the body's schema (DynamicExtensionDefinitionNotAllowedInParameter)` });
          continue;
        }
        const target = checkCall(holder, kind, call, sources);
        if (target) checkResponse(kind, call, target);
      }
      const values = prop(holder, 'x-ms-dynamic-values');
      if (str(prop(values, 'capability')) === 'file-picker' && !prop(holder, TREE)) {
        report({ file, node: values as Node, at: 'key', message: `x-ms-dynamic-values has the file-picker capability but there is no x-ms-dynamic-tree; add x-ms-dynamic-tree with "open" and "browse" (DynamicTreeExtensionMissing)` });
      }
      const schemaExtension = prop(holder, 'x-ms-dynamic-schema');
      const properties = prop(holder, 'x-ms-dynamic-properties');
      const valuePath = str(prop(schemaExtension, 'value-path'));
      if (schemaExtension?.type === 'object' && valuePath !== undefined && /(^|\/)properties$/.test(valuePath) && !properties) {
        report({
          file,
          node: prop(schemaExtension, 'value-path') as Node,
          message: `x-ms-dynamic-schema has value-path ${quote(valuePath)}, which points at schema properties; add x-ms-dynamic-properties with "itemValuePath": "${valuePath.replace(/\/?properties$/, '')}" (DynamicPropertiesExtensionRequiredForPropertiesValuePath)`,
        });
      }
      if (schemaExtension?.type === 'object' && properties?.type === 'object' && valuePath !== undefined) {
        const expected = valuePath.replace(/\/?properties$/, '');
        const itemNode = prop(properties, 'itemValuePath');
        const item = str(itemNode);
        if (itemNode && item !== undefined && item !== expected) {
          report({
            file,
            node: itemNode,
            message: `x-ms-dynamic-properties has itemValuePath ${quote(item)} but x-ms-dynamic-schema reads ${quote(valuePath)}; use ${JSON.stringify(expected)} (DynamicPropertiesItemValuePathMismatch)`,
            fix: replaceFix(itemNode, JSON.stringify(expected)),
          });
        }
      }
      const tree = prop(holder, TREE);
      if (tree?.type === 'object') {
        for (const { key, value } of entries(tree)) {
          if (value.type !== 'object' || (key !== 'open' && key !== 'browse')) continue;
          checkCall(holder, `${TREE} ${key}`, value, sources);
        }
        const stackTree: Node[] = [tree];
        while (stackTree.length > 0) {
          const node = stackTree.pop() as Node;
          const selected = prop(node, 'selectedItemValuePath');
          if (selected && node !== prop(tree, 'browse')) {
            report({ file, node: selected, at: 'key', message: `selectedItemValuePath is only allowed in the "browse" operation of x-ms-dynamic-tree; move or remove it (SelectedItemValuePathNotAllowedInThisPosition)` });
          }
          for (const { value } of entries(node)) if (value.type === 'object') stackTree.push(value);
        }
      }
      const editor = prop(holder, 'x-ms-editor');
      if (str(editor) === 'dictionary') {
        const type = typeOf(holder);
        const additional = prop(holder, 'additionalProperties');
        if ((type !== undefined && type !== 'object') || additional?.value === false) {
          report({
            file,
            node: editor as Node,
            message: `x-ms-editor "dictionary" needs an object schema that allows additional properties; make it "type": "object" with "additionalProperties" or remove the editor (InvalidCustomEditorExtensionDictionaryValue)`,
          });
        }
      }
    }
  },
});
