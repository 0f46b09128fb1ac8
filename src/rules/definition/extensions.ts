// Where a Swagger 2.0 document has fixed-field objects (info, operations, parameters, schemas, …),
// which keys they define, and the `x-ms-*` extensions Microsoft documents. Shared by
// extension-prefix and unknown-ms-extension; one structural walk per file, linear in its size.
import { items, prop, type Node } from '../../engine/json/tree.js';
import { HTTP_METHODS } from '../../engine/swagger.js';
import { memoizeByObject } from '../../engine/memo.js';

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

/** /^\d{3}$/ without a regex: every response key of the file is asked, twice. */
function isThreeDigits(key: string): boolean {
  return key.length === 3 && isDigit(key.charCodeAt(0)) && isDigit(key.charCodeAt(1)) && isDigit(key.charCodeAt(2));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Keys that are not fields but names: paths in `paths`, status codes in `responses`. */
export function isNameKey(kind: ObjectKind, key: string): boolean {
  if (kind === 'paths') return key.startsWith('/');
  if (kind === 'responses') return isThreeDigits(key) || key === 'default';
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

/**
 * How a field holds fixed-field objects: one object, an object of them (by name), an array of them,
 * either of the first and last (a schema's items), or in the `schema` of an extension value.
 */
type Holds = 'one' | 'by name' | 'list' | 'one or list' | 'extension schema';

/** The fields that hold fixed-field objects, per kind of object (paths, path items and responses are keyed by names instead). */
const CHILD_FIELDS: Partial<Record<ObjectKind, ReadonlyMap<string, [Holds, ObjectKind]>>> = {
  root: new Map([
    ['info', ['one', 'info']],
    ['paths', ['one', 'paths']],
    ['definitions', ['by name', 'schema']],
    ['parameters', ['by name', 'parameter']],
    ['responses', ['by name', 'response']],
    ['securityDefinitions', ['by name', 'security scheme']],
    ['tags', ['list', 'tag']],
    ['externalDocs', ['one', 'external docs']],
  ]),
  info: new Map([
    ['contact', ['one', 'contact']],
    ['license', ['one', 'license']],
  ]),
  'path item': new Map([['parameters', ['list', 'parameter']]]),
  operation: new Map([
    ['parameters', ['list', 'parameter']],
    ['responses', ['one', 'responses']],
    ['externalDocs', ['one', 'external docs']],
    // The webhook payload schema: a real schema, but inside an extension value.
    ['x-ms-notification-content', ['extension schema', 'schema']],
  ]),
  parameter: new Map([
    ['schema', ['one', 'schema']],
    ['items', ['one', 'items']],
  ]),
  response: new Map([
    ['schema', ['one', 'schema']],
    ['headers', ['by name', 'header']],
  ]),
  header: new Map([['items', ['one', 'items']]]),
  items: new Map([['items', ['one', 'items']]]),
  schema: new Map([
    ['properties', ['by name', 'schema']],
    ['items', ['one or list', 'schema']],
    ['allOf', ['list', 'schema']],
    ['additionalProperties', ['one', 'schema']],
    ['xml', ['one', 'xml']],
    ['externalDocs', ['one', 'external docs']],
  ]),
  tag: new Map([['externalDocs', ['one', 'external docs']]]),
};

const METHODS = new Set<string>(HTTP_METHODS);

/**
 * A key of a fixed-field object that is none of its fields, no name (path, status code) and no
 * known x-ms extension: the only keys extension-prefix and unknown-ms-extension look at.
 */
export interface UnusualKey {
  key: string;
  keyNode: Node;
  /** The object that has the key. */
  object: FixedObject;
}

/**
 * The unusual keys of every fixed-field object of the document, in no particular order. One
 * iterative pass over the keys of those objects finds both the keys and the objects below them;
 * `$ref`s are not followed.
 */
export const unusualKeys: (root: Node) => readonly UnusualKey[] = memoizeByObject((root: Node) => Object.freeze(collectUnusualKeys(root)));

/** What a key of one kind of object is: a field Swagger defines, and whether it holds fixed-field objects. */
interface KeyRole {
  standard: boolean;
  holds?: [Holds, ObjectKind];
}

/** Per kind, the roles of its fields: one lookup per key tells both what collectUnusualKeys asks. */
const KEY_ROLES = {} as Record<ObjectKind, ReadonlyMap<string, KeyRole>>;
for (const kind of Object.keys(STANDARD_FIELDS) as ObjectKind[]) {
  const roles = new Map<string, KeyRole>();
  for (const key of STANDARD_FIELDS[kind]) roles.set(key, { standard: true });
  for (const [key, holds] of CHILD_FIELDS[kind] ?? []) roles.set(key, { standard: STANDARD_FIELDS[kind].has(key), holds });
  KEY_ROLES[kind] = roles;
}

function collectUnusualKeys(root: Node): UnusualKey[] {
  const result: UnusualKey[] = [];
  const stack: FixedObject[] = [];
  pushObject(stack, root, 'root', false);
  while (stack.length > 0) {
    const object = stack.pop() as FixedObject;
    const { node, kind, inExtension } = object;
    const roles = KEY_ROLES[kind];
    // Objects keyed by names (paths, status codes, methods) hold fixed-field objects under keys that are no fields.
    const named = kind === 'paths' || kind === 'responses' || kind === 'path item';
    const properties = node.children ?? [];
    // Indexed, as in forEachEntry: no iterator object per step while the code is not optimized.
    for (let i = 0; i < properties.length; i++) {
      const keyNode = properties[i]?.children?.[0];
      const value = properties[i]?.children?.[1];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      const role = roles.get(key);
      if (value) {
        if (role?.holds) pushField(stack, object, key, value, role.holds);
        else if (named) pushNamed(stack, kind, key, value, inExtension);
      }
      if (!role?.standard && !isNameKey(kind, key) && !KNOWN.has(key)) result.push({ key, keyNode, object });
    }
  }
  return result;
}

/** Pushes the object a name-keyed entry holds: a path item, a response, an operation. Every entry counts, duplicates included. */
function pushNamed(stack: FixedObject[], kind: ObjectKind, key: string, value: Node, inExtension: boolean): void {
  if (kind === 'paths') {
    if (key.startsWith('/')) pushObject(stack, value, 'path item', inExtension);
  } else if (kind === 'responses') {
    if (isNameKey(kind, key)) pushObject(stack, value, 'response', inExtension);
  } else if (METHODS.has(key)) pushObject(stack, value, 'operation', inExtension);
}

/** Pushes the fixed-field objects that the field `key: value` of `parent` holds. */
function pushField(stack: FixedObject[], parent: FixedObject, key: string, value: Node, [holds, childKind]: [Holds, ObjectKind]): void {
  const { node, inExtension } = parent;
  // A duplicated field counts once, with its last value (as prop() reads it).
  if (prop(node, key) !== value) return;
  switch (holds) {
    case 'one':
      return pushObject(stack, value, childKind, inExtension);
    case 'list':
      return pushList(stack, value, childKind, inExtension);
    case 'one or list':
      return value.type === 'array' ? pushList(stack, value, childKind, inExtension) : pushObject(stack, value, childKind, inExtension);
    case 'by name':
      if (value.type === 'object') for (const entry of value.children ?? []) pushObject(stack, entry.children?.[1], childKind, inExtension);
      return;
    case 'extension schema':
      return pushObject(stack, prop(value, 'schema'), childKind, true);
  }
}

function pushObject(stack: FixedObject[], node: Node | undefined, kind: ObjectKind, inExtension: boolean): void {
  if (node?.type === 'object') stack.push({ node, kind, inExtension });
}

function pushList(stack: FixedObject[], list: Node, kind: ObjectKind, inExtension: boolean): void {
  for (const node of items(list)) pushObject(stack, node, kind, inExtension);
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
