// Where a Swagger 2.0 document has fixed-field objects (info, operations, parameters, schemas, …),
// which keys they define, and the `x-ms-*` extensions Microsoft documents. Shared by
// extension-prefix and unknown-ms-extension; one structural walk per file, linear in its size.
import { entries, items, prop, type Node } from '../../engine/json/tree.js';
import { HTTP_METHODS } from '../../engine/swagger.js';

export type ObjectKind =
  | 'root'
  | 'info'
  | 'contact'
  | 'license'
  | 'paths'
  | 'path item'
  | 'operation'
  | 'parameter'
  | 'responses'
  | 'response'
  | 'header'
  | 'schema'
  | 'items'
  | 'xml'
  | 'external docs'
  | 'tag'
  | 'security scheme';

const VALIDATION = ['maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf'];
const PRIMITIVE = ['type', 'format', 'items', 'collectionFormat', 'default', ...VALIDATION];

/** The fields Swagger 2.0 defines for each object (the official schema's `properties`). */
export const STANDARD_FIELDS: Record<ObjectKind, ReadonlySet<string>> = {
  root: new Set(['swagger', 'info', 'host', 'basePath', 'schemes', 'consumes', 'produces', 'paths', 'definitions', 'parameters', 'responses', 'security', 'securityDefinitions', 'tags', 'externalDocs']),
  info: new Set(['title', 'version', 'description', 'termsOfService', 'contact', 'license']),
  contact: new Set(['name', 'url', 'email']),
  license: new Set(['name', 'url']),
  paths: new Set(),
  'path item': new Set(['$ref', ...HTTP_METHODS, 'parameters']),
  operation: new Set(['tags', 'summary', 'description', 'externalDocs', 'operationId', 'produces', 'consumes', 'parameters', 'responses', 'schemes', 'deprecated', 'security']),
  parameter: new Set(['$ref', 'name', 'in', 'description', 'required', 'schema', 'allowEmptyValue', ...PRIMITIVE]),
  responses: new Set(),
  response: new Set(['$ref', 'description', 'schema', 'headers', 'examples']),
  header: new Set([...PRIMITIVE, 'description']),
  schema: new Set(['$ref', 'format', 'title', 'description', 'default', ...VALIDATION, 'maxProperties', 'minProperties', 'required', 'additionalProperties', 'type', 'items', 'allOf', 'properties', 'discriminator', 'readOnly', 'xml', 'externalDocs', 'example']),
  items: new Set(PRIMITIVE),
  xml: new Set(['name', 'namespace', 'prefix', 'attribute', 'wrapped']),
  'external docs': new Set(['description', 'url']),
  tag: new Set(['name', 'description', 'externalDocs']),
  'security scheme': new Set(['type', 'description', 'name', 'in', 'flow', 'authorizationUrl', 'tokenUrl', 'scopes']),
};

/** Keys that are not fields but names: paths in `paths`, status codes in `responses`. */
export function isNameKey(kind: ObjectKind, key: string): boolean {
  if (kind === 'paths') return key.startsWith('/');
  if (kind === 'responses') return /^\d{3}$/.test(key) || key === 'default';
  return false;
}

export interface FixedObject {
  node: Node;
  kind: ObjectKind;
  /**
   * Held by an extension (the schema in x-ms-notification-content): the Swagger 2.0 schema treats
   * extension values as opaque, so swagger-schema never looks inside.
   */
  inExtension: boolean;
}

const cache = new WeakMap<Node, FixedObject[]>();

/** Value nodes of an object's properties, without allocating entries. */
function values(node: Node | undefined): Node[] {
  if (node?.type !== 'object') return [];
  const result: Node[] = [];
  for (const property of node.children ?? []) {
    const value = property.children?.[1];
    if (value) result.push(value);
  }
  return result;
}

/** Every fixed-field object of the document, in no particular order. Iterative; `$ref`s are not followed. */
export function fixedObjects(root: Node): FixedObject[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const result: FixedObject[] = [];
  const stack: FixedObject[] = [{ node: root, kind: 'root', inExtension: false }];
  const push = (node: Node | undefined, kind: ObjectKind, inExtension: boolean): void => {
    if (node?.type === 'object') stack.push({ node, kind, inExtension });
  };
  const pushAll = (list: Node[], kind: ObjectKind, inExtension: boolean): void => {
    for (const node of list) push(node, kind, inExtension);
  };
  while (stack.length > 0) {
    const current = stack.pop() as FixedObject;
    const { node, kind, inExtension: ext } = current;
    result.push(current);
    switch (kind) {
      case 'root':
        push(prop(node, 'info'), 'info', ext);
        push(prop(node, 'paths'), 'paths', ext);
        pushAll(values(prop(node, 'definitions')), 'schema', ext);
        pushAll(values(prop(node, 'parameters')), 'parameter', ext);
        pushAll(values(prop(node, 'responses')), 'response', ext);
        pushAll(values(prop(node, 'securityDefinitions')), 'security scheme', ext);
        pushAll(items(prop(node, 'tags')), 'tag', ext);
        push(prop(node, 'externalDocs'), 'external docs', ext);
        break;
      case 'info':
        push(prop(node, 'contact'), 'contact', ext);
        push(prop(node, 'license'), 'license', ext);
        break;
      case 'paths':
        for (const { key, value } of entries(node)) if (key.startsWith('/')) push(value, 'path item', ext);
        break;
      case 'path item':
        for (const { key, value } of entries(node)) if ((HTTP_METHODS as readonly string[]).includes(key)) push(value, 'operation', ext);
        pushAll(items(prop(node, 'parameters')), 'parameter', ext);
        break;
      case 'operation':
        pushAll(items(prop(node, 'parameters')), 'parameter', ext);
        push(prop(node, 'responses'), 'responses', ext);
        push(prop(node, 'externalDocs'), 'external docs', ext);
        // The webhook payload schema: a real schema, but inside an extension value.
        push(prop(prop(node, 'x-ms-notification-content'), 'schema'), 'schema', true);
        break;
      case 'parameter':
        push(prop(node, 'schema'), 'schema', ext);
        push(prop(node, 'items'), 'items', ext);
        break;
      case 'responses':
        for (const { key, value } of entries(node)) if (isNameKey('responses', key)) push(value, 'response', ext);
        break;
      case 'response':
        push(prop(node, 'schema'), 'schema', ext);
        pushAll(values(prop(node, 'headers')), 'header', ext);
        break;
      case 'header':
      case 'items':
        push(prop(node, 'items'), 'items', ext);
        break;
      case 'schema': {
        pushAll(values(prop(node, 'properties')), 'schema', ext);
        const schemaItems = prop(node, 'items');
        if (schemaItems?.type === 'array') pushAll(items(schemaItems), 'schema', ext);
        else push(schemaItems, 'schema', ext);
        pushAll(items(prop(node, 'allOf')), 'schema', ext);
        push(prop(node, 'additionalProperties'), 'schema', ext);
        push(prop(node, 'xml'), 'xml', ext);
        push(prop(node, 'externalDocs'), 'external docs', ext);
        break;
      }
      case 'tag':
        push(prop(node, 'externalDocs'), 'external docs', ext);
        break;
      default:
        break;
    }
  }
  cache.set(root, result);
  return result;
}

/**
 * The `x-ms-*` extensions a connector may use. Documented by Microsoft: Learn "Extend an OpenAPI
 * definition for a custom connector" (openapi-extensions), "Fix Swagger Validator errors"
 * (certification-swagger-validator-rules), the repository schema
 * (schemas/apiDefinition.swagger.schema.json) and rules.md; a few seen in Microsoft's own merged
 * connectors (shared/corpus). Also the AutoRest (Azure SDK) extensions
 * that definitions generated from Azure specs carry: the platform ignores them, they are not typos.
 */
export const KNOWN_MS_EXTENSIONS: readonly string[] = [
  // Power Platform connectors
  'x-ms-summary',
  'x-ms-visibility',
  'x-ms-api-annotation',
  'x-ms-operation-context',
  'x-ms-capabilities',
  'x-ms-trigger',
  'x-ms-trigger-hint',
  'x-ms-trigger-metadata',
  'x-ms-notification',
  'x-ms-notification-content',
  'x-ms-notification-url',
  'x-ms-url-encoding',
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
  'x-ms-dynamic-tree',
  'x-ms-editor',
  'x-ms-editor-options',
  'x-ms-enum-values',
  'x-ms-test-value',
  'x-ms-connector-metadata',
  'x-ms-pageable',
  'x-ms-no-generic-test',
  'x-ms-deployment-version',
  'x-ms-openai-data',
  'x-ms-openai-manifest',
  // Seen in Microsoft's own merged connectors
  'x-ms-safe-operation',
  // AutoRest
  'x-ms-enum',
  'x-ms-mutability',
  'x-ms-client-name',
  'x-ms-client-flatten',
  'x-ms-client-default',
  'x-ms-client-request-id',
  'x-ms-discriminator-value',
  'x-ms-parameter-location',
  'x-ms-parameter-grouping',
  'x-ms-parameterized-host',
  'x-ms-skip-url-encoding',
  'x-ms-api-version',
  'x-ms-long-running-operation',
  'x-ms-long-running-operation-options',
  'x-ms-azure-resource',
  'x-ms-identifiers',
  'x-ms-secret',
  'x-ms-examples',
  'x-ms-paths',
  'x-ms-odata',
  'x-ms-error-response',
  'x-ms-external',
  'x-ms-header-collection-prefix',
  'x-ms-request-id',
  'x-ms-text',
  'x-ms-code-generation-settings',
];

const KNOWN = new Set(KNOWN_MS_EXTENSIONS);

export function isKnownMsExtension(key: string): boolean {
  return KNOWN.has(key);
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Lowercase with `_`, `.` and spaces as `-`: "X_MS_Summary" → "x-ms-summary". */
function normalize(key: string): string {
  return key.toLowerCase().replace(/[_.\s]+/g, '-');
}

const BY_NORMAL = new Map(KNOWN_MS_EXTENSIONS.map((name) => [normalize(name), name]));

/**
 * The known extensions closest to `key`: one exact match when only case or separators differ,
 * else every name at the smallest edit distance (at most 2, or 1 for short tails).
 */
export function closestMsExtensions(key: string): string[] {
  const normal = normalize(key);
  const same = BY_NORMAL.get(normal);
  if (same) return [same];
  const max = normal.length >= 12 ? 2 : 1;
  let best = max + 1;
  let names: string[] = [];
  for (const [candidate, name] of BY_NORMAL) {
    const distance = editDistance(normal, candidate, max);
    if (distance < best) {
      best = distance;
      names = [name];
    } else if (distance === best && distance <= max) names.push(name);
  }
  return best <= max ? names : [];
}

/**
 * The known extension a key that lacks a proper "x-" prefix was meant to be: "X-MS-Summary",
 * "x_ms_summary", "xms-summary", "ms-visibility". Undefined when the key is not recognisable.
 */
export function misprefixedExtension(key: string): string | undefined {
  const normal = normalize(key);
  const candidates = [normal, normal.replace(/^xms-/, 'x-ms-'), normal.replace(/^ms-/, 'x-ms-'), normal.replace(/^x-?ms-?/, 'x-ms-')];
  for (const candidate of candidates) {
    const name = BY_NORMAL.get(candidate);
    if (name) return name;
  }
  return undefined;
}
