// Breaking-change detection: the base and the new definition of one connector, both parsed with
// positions, compared the way Microsoft's change validator does (rules.md §4). Operations are
// matched by operationId, parameters by name + in; request and response schemas are walked in
// pairs through `$ref`s, iteratively, with a depth bound and a budget, so cycles and hostile
// files are safe. Every change is positioned in the NEW file: where it shows, or for a deletion the
// parent that lost the item, and the message quotes the removed item with its line in the base.
import type { JsonDocument } from '../engine/json/document.js';
import { bool, entries, items, keyOf, prop, str, type Node } from '../engine/json/tree.js';
import { deref, MAX_SCHEMA_DEPTH, operations, parametersOf, responsesOf, type Operation, type Parameter } from '../engine/swagger.js';
import type { BaseFileKind, Change, ChangeKind } from './types.js';

/** Most schema pairs one comparison visits (a hostile file could fan out through allOf). */
export const MAX_SCHEMA_PAIRS = 50_000;
/** Most allOf members merged into one schema's property list. */
const MAX_ALLOF = 64;
/** Most removed enum values quoted in one message. */
const MAX_QUOTED = 5;

export type ParsedDocument = JsonDocument & { root: Node };

function quote(value: string, max = 80): string {
  return `'${value.length > max ? `${value.slice(0, max - 1)}…` : value}'`;
}

/** Microsoft's operation versioning, the remedy for every operation-level break. */
function versioning(operation: string): string {
  const next = /^[A-Za-z_]\w*$/.test(operation) ? `${operation}_V2` : 'Name_V2';
  return (
    `keep ${quote(operation)} as it was with "deprecated": true and add the new shape ` +
    `as a new operation (for example ${quote(next)}) with x-ms-api-annotation family/revision`
  );
}

function versioningHint(operation: string): string {
  return `; to change it without breaking flows, ${versioning(operation)}`;
}

type Mode = 'input' | 'output';

interface OperationInfo {
  op: Operation;
  id?: string;
  /** operationId, or "GET /path" when there is none. */
  name: string;
  deprecated: boolean;
}

interface SchemaPair {
  old: Node | undefined;
  new: Node | undefined;
  /** Field path for messages ("address.city", "items[]"); empty at the root. */
  path: string;
  depth: number;
}

interface Shape {
  properties: Map<string, Node>;
  required: Map<string, Node>;
  /** The `properties` object that holds them (the parent to blame for a deletion). */
  container?: Node;
}

function typeOf(schema: Node): { type?: string; node?: Node } {
  const node = prop(schema, 'type');
  const type = str(node);
  if (type !== undefined) return { type, node };
  if (prop(schema, 'properties')) return { type: 'object' };
  if (prop(schema, 'items')) return { type: 'array' };
  return {};
}

function literalKey(node: Node): string | undefined {
  return node.type === 'object' || node.type === 'array' ? undefined : `${node.type}:${String(node.value)}`;
}

function literalText(node: Node): string {
  return node.type === 'string' ? quote(String(node.value)) : String(node.value);
}

function normalizedPath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

export class Comparison {
  readonly changes: Change[] = [];
  private readonly keys = new Set<string>();
  private readonly seen: Record<Mode, Map<Node, Set<Node>>> = { input: new Map(), output: new Map() };
  private pairs = 0;

  constructor(
    readonly file: BaseFileKind,
    readonly oldDoc: ParsedDocument,
    readonly newDoc: ParsedDocument,
  ) {}

  /** "line 38 in the base": where an old node (its key, for a property value) starts. */
  protected base(node: Node): string {
    const key = keyOf(node);
    return `line ${this.oldDoc.lines.position((key ?? node).offset).line} in the base`;
  }

  protected add(kind: ChangeKind, node: Node, message: string, targets: (string | undefined)[], at?: 'key' | 'value'): void {
    const clean = targets.filter((t): t is string => t !== undefined);
    const key = `${kind}\u0000${node.offset}\u0000${at ?? ''}\u0000${clean.join('\u0000')}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.changes.push({ kind, file: this.file, node, message, targets: clean, ...(at ? { at } : {}) });
  }

  /** The nearest existing node of the new document along a chain of keys (for a deletion's parent). */
  protected nearest(...path: string[]): Node {
    let current: Node = this.newDoc.root;
    for (const key of path) {
      const next = prop(current, key);
      if (!next) break;
      current = next;
    }
    return current;
  }

  protected firstVisit(mode: Mode, oldNode: Node, newNode: Node): boolean {
    let seen = this.seen[mode].get(oldNode);
    if (!seen) this.seen[mode].set(oldNode, (seen = new Set()));
    if (seen.has(newNode)) return false;
    seen.add(newNode);
    return ++this.pairs <= MAX_SCHEMA_PAIRS;
  }

  /** A schema's properties and required names, allOf members merged (bounded). */
  protected shape(root: Node, schema: Node): Shape {
    const shape: Shape = { properties: new Map(), required: new Map() };
    const queue: Node[] = [schema];
    const visited = new Set<Node>();
    for (let next = 0; next < queue.length && next < MAX_ALLOF * 4 && visited.size < MAX_ALLOF; next++) {
      const node = deref(root, queue[next]);
      if (!node || node.type !== 'object' || visited.has(node)) continue;
      visited.add(node);
      const container = prop(node, 'properties');
      if (container?.type === 'object' && !shape.container) shape.container = container;
      for (const { key, value } of entries(container)) if (!shape.properties.has(key)) shape.properties.set(key, value);
      for (const item of items(prop(node, 'required'))) {
        if (item.type === 'string' && !shape.required.has(item.value as string)) shape.required.set(item.value as string, item);
      }
      for (const member of items(prop(node, 'allOf'))) if (queue.length < MAX_ALLOF * 4) queue.push(member);
    }
    return shape;
  }
}

export class SwaggerComparison extends Comparison {
  constructor(oldDoc: ParsedDocument, newDoc: ParsedDocument) {
    super('swagger', oldDoc, newDoc);
  }

  run(): Change[] {
    this.compareOperations();
    this.compareSecurity();
    return this.changes;
  }

  private infos(root: Node): OperationInfo[] {
    return operations(root).map((op) => {
      const id = str(prop(op.node, 'operationId'));
      return { op, id, name: id ?? `${op.method.toUpperCase()} ${op.path}`, deprecated: bool(prop(op.node, 'deprecated')) === true };
    });
  }

  private compareOperations(): void {
    const key = (info: OperationInfo) => info.id ?? `\u0000${info.op.method} ${info.op.path}`;
    const slot = (info: OperationInfo) => `${info.op.method} ${info.op.path}`;
    const byKey = new Map<string, OperationInfo>();
    const bySlot = new Map<string, OperationInfo>();
    for (const info of this.infos(this.newDoc.root)) {
      if (!byKey.has(key(info))) byKey.set(key(info), info);
      bySlot.set(slot(info), info);
    }
    const oldKeys = new Set<string>();
    const oldInfos = this.infos(this.oldDoc.root).filter((info) => !oldKeys.has(key(info)) && oldKeys.add(key(info)));
    for (const old of oldInfos) {
      const now = byKey.get(key(old));
      if (now) {
        this.compareOperation(old, now);
        continue;
      }
      const replacement = bySlot.get(slot(old));
      if (replacement && !oldKeys.has(key(replacement)) && replacement.id !== undefined) {
        this.add(
          'operation-removed',
          prop(replacement.op.node, 'operationId') ?? replacement.op.node,
          `operation ${quote(old.name)} (${this.base(old.op.node)}) was renamed to ${quote(replacement.name)}: for existing flows ` +
            `that deletes ${quote(old.name)}${versioningHint(old.name)}`,
          [old.name],
        );
        continue;
      }
      const parent = prop(prop(this.newDoc.root, 'paths'), old.op.path) ?? this.nearest('paths');
      this.add(
        'operation-removed',
        parent,
        `operation ${quote(old.name)} (${this.base(old.op.node)}) was deleted; flows that use it will break${versioningHint(old.name)}`,
        [old.name],
        parent === this.newDoc.root ? undefined : 'key',
      );
    }
  }

  private compareOperation(old: OperationInfo, now: OperationInfo): void {
    const name = now.name;
    const hint = versioningHint(name);
    // Path template (parameter names aside: a renamed path parameter shows as parameter changes) and method.
    if (normalizedPath(old.op.path) !== normalizedPath(now.op.path) || old.op.method !== now.op.method) {
      const samePath = normalizedPath(old.op.path) === normalizedPath(now.op.path);
      this.add(
        'path-changed',
        samePath ? now.op.node : now.op.pathItem,
        `operation ${quote(name)} moved from ${quote(`${old.op.method.toUpperCase()} ${old.op.path}`)} (${this.base(old.op.node)}) ` +
          `to ${quote(`${now.op.method.toUpperCase()} ${now.op.path}`)}; existing flows still call the old one${hint}`,
        [name],
        'key',
      );
    }
    // Trigger kind: x-ms-trigger single / batch, or absent (an action).
    const oldTrigger = prop(old.op.node, 'x-ms-trigger');
    const newTrigger = prop(now.op.node, 'x-ms-trigger');
    if (str(oldTrigger) !== str(newTrigger) && (oldTrigger || newTrigger)) {
      const kind = (node: Node | undefined) => (node ? `a ${str(node) === undefined ? 'malformed' : quote(str(node) as string)} trigger` : 'an action');
      this.add(
        'trigger-changed',
        newTrigger ?? now.op.node,
        `operation ${quote(name)} changed from ${kind(oldTrigger)}${oldTrigger ? ` (${this.base(oldTrigger)})` : ''} to ${kind(newTrigger)}; ` +
          `flows built on it must be rebuilt${hint}`,
        [name],
        newTrigger ? undefined : 'key',
      );
    }
    this.checkVisibility(prop(old.op.node, 'x-ms-visibility'), prop(now.op.node, 'x-ms-visibility'), now, `operation ${quote(name)}`, now.op.node, [name]);

    this.compareParameters(old, now);
    this.compareResponses(old, now);
  }

  /** Visible (anything but internal) → internal: the designer hides it from existing flows. Deprecated operations may. */
  private checkVisibility(oldNode: Node | undefined, newNode: Node | undefined, op: OperationInfo, what: string, owner: Node, targets: string[]): void {
    if (op.deprecated || str(newNode) !== 'internal' || str(oldNode) === 'internal' || !newNode) return;
    this.add(
      'visibility-internal',
      newNode,
      `${what} changed x-ms-visibility from ${oldNode ? `${quote(str(oldNode) ?? '?')} (${this.base(oldNode)})` : 'visible (unset)'} to 'internal'; ` +
        `existing flows that show or set it lose it in the designer; hide an operation only together with "deprecated": true` +
        (owner === op.op.node ? ' and a replacement (x-ms-api-annotation family/revision)' : ''),
      targets,
    );
  }

  private compareParameters(old: OperationInfo, now: OperationInfo): void {
    const name = now.name;
    const hint = versioningHint(name);
    const paramKey = (p: Parameter) => `${p.in}\u0000${p.name}`;
    const oldParams = parametersOf(this.oldDoc.root, old.op).filter((p) => p.name !== undefined && p.in !== undefined);
    const newParams = parametersOf(this.newDoc.root, now.op).filter((p) => p.name !== undefined && p.in !== undefined);
    const newByKey = new Map(newParams.map((p) => [paramKey(p), p]));
    const oldByKey = new Map(oldParams.map((p) => [paramKey(p), p]));
    const moved = new Set<Parameter>();
    const list = prop(now.op.node, 'parameters');

    for (const oldParam of oldParams) {
      const label = `parameter ${quote(oldParam.name as string)}`;
      const same = newByKey.get(paramKey(oldParam));
      if (same) {
        this.compareParameter(oldParam, same, now);
        continue;
      }
      const elsewhere = newParams.find((p) => p.name === oldParam.name && !oldByKey.has(paramKey(p)) && !moved.has(p));
      if (elsewhere) {
        moved.add(elsewhere);
        this.add(
          'parameter-location',
          prop(elsewhere.node, 'in') ?? elsewhere.site,
          `${label} of operation ${quote(name)} moved from ${quote(oldParam.in as string)} (${this.base(prop(oldParam.node, 'in') ?? oldParam.node)}) ` +
            `to ${quote(elsewhere.in as string)}; existing flows keep sending it in the old place${hint}`,
          [name, oldParam.name],
        );
        continue;
      }
      // An internal parameter is never set by a flow: dropping it breaks nothing the flow sends.
      if (str(prop(oldParam.node, 'x-ms-visibility')) === 'internal') continue;
      const parent = list ?? now.op.node;
      this.add(
        'parameter-removed',
        parent,
        `${label} (in ${oldParam.in}, ${this.base(oldParam.site === oldParam.node ? (prop(oldParam.node, 'name') ?? oldParam.site) : oldParam.site)}) ` +
          `was removed from operation ${quote(name)}; ` +
          `flows that set it send a value the API no longer expects${hint}`,
        [name, oldParam.name],
        'key',
      );
    }

    for (const param of newParams) {
      if (oldByKey.has(paramKey(param)) || moved.has(param) || bool(prop(param.node, 'required')) !== true) continue;
      // Microsoft's pattern for a constant: internal with a default, filled in by the platform, never by a flow.
      if (str(prop(param.node, 'x-ms-visibility')) === 'internal' && prop(param.node, 'default')) continue;
      const required = prop(param.node, 'required');
      this.add(
        'required-input-added',
        param.site === param.node && required ? required : param.site,
        `operation ${quote(name)} has a new required parameter ${quote(param.name as string)} (in ${param.in}); existing flows do not send it` +
          `; make it optional, or ${versioning(name)}`,
        [name, param.name],
      );
    }
  }

  private compareParameter(old: Parameter, now: Parameter, op: OperationInfo): void {
    const label = `parameter ${quote(now.name as string)} of operation ${quote(op.name)}`;
    const targets = [op.name, now.name as string];
    const oldRequired = prop(old.node, 'required');
    const newRequired = prop(now.node, 'required');
    if (bool(oldRequired) !== true && bool(newRequired) === true && newRequired) {
      this.add(
        'input-became-required',
        newRequired,
        `${label} changed from optional${oldRequired ? ` (${this.base(oldRequired)})` : ''} to required; existing flows that leave it empty will fail` +
          versioningHint(op.name),
        targets,
      );
    }
    this.checkVisibility(prop(old.node, 'x-ms-visibility'), prop(now.node, 'x-ms-visibility'), op, label, now.node, targets);
    if (now.in === 'body') this.walk('input', prop(old.node, 'schema'), prop(now.node, 'schema'), op, now.name as string, label);
    else this.walk('input', old.node, now.node, op, now.name as string, label);
  }

  private compareResponses(old: OperationInfo, now: OperationInfo): void {
    const newResponses = responsesOf(this.newDoc.root, now.op);
    const success = (code: string) => /^2\d\d$/.test(code);
    for (const response of responsesOf(this.oldDoc.root, old.op)) {
      const schema = deref(this.oldDoc.root, prop(response.node, 'schema'));
      if (!schema || schema.type !== 'object' || (schema.children ?? []).length === 0) continue;
      const match =
        newResponses.find((r) => r.code === response.code) ?? (success(response.code) ? newResponses.find((r) => success(r.code)) : undefined);
      const label = `response ${quote(response.code)} of operation ${quote(now.name)}`;
      if (!match || !prop(match.node, 'schema')) {
        const parent = match?.node ?? prop(now.op.node, 'responses') ?? now.op.node;
        this.add(
          'output-removed',
          parent,
          `the ${match ? 'schema of ' : ''}${label} (${this.base(match ? (prop(response.node, 'schema') as Node) : response.node)}) was deleted; ` +
            `flows that use its outputs will break${versioningHint(now.name)}`,
          [now.name, response.code],
          'key',
        );
        continue;
      }
      this.walk('output', prop(response.node, 'schema'), prop(match.node, 'schema'), now, '', label);
    }
  }

  /** Walks an old and a new schema in pairs (iterative, bounded, each pair once per mode). */
  private walk(mode: Mode, oldRoot: Node | undefined, newRoot: Node | undefined, op: OperationInfo, rootName: string, rootLabel: string): void {
    const stack: SchemaPair[] = [{ old: oldRoot, new: newRoot, path: '', depth: 0 }];
    const hint = versioningHint(op.name);
    while (stack.length > 0) {
      const pair = stack.pop() as SchemaPair;
      const oldNode = deref(this.oldDoc.root, pair.old);
      const newNode = deref(this.newDoc.root, pair.new);
      if (!oldNode || !newNode || oldNode.type !== 'object' || newNode.type !== 'object' || pair.depth > MAX_SCHEMA_DEPTH) continue;
      if (!this.firstVisit(mode, oldNode, newNode)) continue;
      const field = pair.path === '' ? rootLabel : `${mode} field ${quote(pair.path)} of ${rootLabel}`;
      const targets = [op.name, join(rootName, pair.path)].filter((t) => t !== '');
      // Where a change to this schema shows: its key when it is a property (else the node itself).
      const at = 'key';

      const oldType = typeOf(oldNode);
      const newType = typeOf(newNode);
      if (oldType.type !== undefined && newType.type !== undefined && oldType.type !== newType.type) {
        const widened = mode === 'input' && oldType.type === 'integer' && newType.type === 'number';
        if (!widened) {
          this.add(
            mode === 'input' ? 'input-type-narrowed' : 'output-type-changed',
            newType.node ?? pair.new ?? newNode,
            `${field} changed type from ${quote(oldType.type)} (${this.base(oldType.node ?? oldNode)}) to ${quote(newType.type)}; ` +
              `${mode === 'input' ? 'existing flows may send values of the old type' : 'flows that use it expect the old type'}${hint}`,
            targets,
            newType.node ? undefined : at,
          );
          continue;
        }
      }

      const oldEnum = prop(oldNode, 'enum');
      const newEnum = prop(newNode, 'enum');
      if (mode === 'input' && newEnum?.type === 'array') {
        if (!oldEnum) {
          this.add(
            'input-enum-added',
            newEnum,
            `${field} now has an enum (${items(newEnum).slice(0, MAX_QUOTED).map(literalText).join(', ')}); before, any value was allowed, ` +
              `and existing flows may send others${hint}`,
            targets,
          );
        } else if (oldEnum.type === 'array') {
          const kept = new Set(items(newEnum).map(literalKey));
          const removed = items(oldEnum).filter((value) => literalKey(value) !== undefined && !kept.has(literalKey(value)));
          if (removed.length > 0) {
            const listed = removed.slice(0, MAX_QUOTED).map((value) => `${literalText(value)} (${this.base(value)})`);
            const more = removed.length > MAX_QUOTED ? ` and ${removed.length - MAX_QUOTED} more` : '';
            this.add(
              'input-enum-value-removed',
              newEnum,
              `enum value${removed.length > 1 ? 's' : ''} ${listed.join(', ')}${more} ${removed.length > 1 ? 'were' : 'was'} removed from ${field}; ` +
                `existing flows may still send ${removed.length > 1 ? 'them' : 'it'}${hint}`,
              targets,
            );
          }
        }
      }
      if (mode === 'output' && oldEnum?.type === 'array' && !newEnum) {
        this.add(
          'output-enum-removed',
          pair.new ?? newNode,
          `${field} lost its enum (${this.base(oldEnum)}); flows that branch on its values lose them${hint}`,
          targets,
          at,
        );
      }

      const oldShape = this.shape(this.oldDoc.root, oldNode);
      const newShape = this.shape(this.newDoc.root, newNode);
      const next: SchemaPair[] = [];
      for (const [name, oldValue] of oldShape.properties) {
        const path = join(pair.path, name);
        const newValue = newShape.properties.get(name);
        const fieldTargets = [op.name, join(rootName, path)].filter((t) => t !== '');
        if (!newValue) {
          const parent = newShape.container ?? pair.new ?? newNode;
          const fieldLabel = `${mode} field ${quote(path)} (${this.base(oldValue)})`;
          if (mode === 'output') {
            this.add('output-removed', parent, `${fieldLabel} of ${rootLabel} was deleted; flows that use it will break${hint}`, fieldTargets, 'key');
          } else if (bool(prop(deref(this.oldDoc.root, oldValue), 'readOnly')) !== true && str(prop(deref(this.oldDoc.root, oldValue), 'x-ms-visibility')) !== 'internal') {
            this.add('parameter-removed', parent, `${fieldLabel} was removed from ${rootLabel}; flows that set it send a value the API no longer expects${hint}`, fieldTargets, 'key');
          }
          continue;
        }
        if (mode === 'input') {
          const required = newShape.required.get(name);
          if (required && !oldShape.required.has(name)) {
            this.add(
              'input-became-required',
              required,
              `input field ${quote(path)} of ${rootLabel} changed from optional to required; existing flows that leave it empty will fail${hint}`,
              fieldTargets,
            );
          }
          const oldDeref = deref(this.oldDoc.root, oldValue);
          const newDeref = deref(this.newDoc.root, newValue);
          this.checkVisibility(
            oldDeref && prop(oldDeref, 'x-ms-visibility'),
            newDeref && prop(newDeref, 'x-ms-visibility'),
            op,
            `input field ${quote(path)} of ${rootLabel}`,
            newValue,
            fieldTargets,
          );
        }
        next.push({ old: oldValue, new: newValue, path, depth: pair.depth + 1 });
      }
      if (mode === 'input') {
        for (const [name, newValue] of newShape.properties) {
          const required = newShape.required.get(name);
          if (oldShape.properties.has(name) || !required) continue;
          const path = join(pair.path, name);
          this.add(
            'required-input-added',
            newValue,
            `${rootLabel} has a new required input field ${quote(path)}; existing flows do not send it; make it optional, or ${versioning(op.name)}`,
            [op.name, join(rootName, path)],
            'key',
          );
        }
      }
      const itemsPath = `${pair.path}[]`;
      next.push({ old: prop(oldNode, 'items'), new: prop(newNode, 'items'), path: itemsPath, depth: pair.depth + 1 });
      const oldExtra = prop(oldNode, 'additionalProperties');
      const newExtra = prop(newNode, 'additionalProperties');
      if (oldExtra?.type === 'object' && newExtra?.type === 'object') {
        next.push({ old: oldExtra, new: newExtra, path: join(pair.path, '*'), depth: pair.depth + 1 });
      }
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as SchemaPair);
    }
  }

  /** Authentication type: the securityDefinitions' types (and OAuth flows). */
  private compareSecurity(): void {
    const signature = (root: Node) =>
      entries(prop(root, 'securityDefinitions'))
        .map(({ key, value }) => {
          const type = str(prop(value, 'type')) ?? '?';
          const flow = type === 'oauth2' ? str(prop(value, 'flow')) : undefined;
          return { name: key, value, type: flow ? `${type}/${flow}` : type };
        })
        .filter((definition) => definition.value.type === 'object');
    const old = signature(this.oldDoc.root);
    const now = signature(this.newDoc.root);
    const describe = (list: typeof old) => (list.length === 0 ? 'none' : [...new Set(list.map((d) => d.type))].sort().join(' + '));
    if (describe(old) === describe(now)) return;
    const changed = now.find((d) => !old.some((o) => o.type === d.type));
    const node = (changed && (prop(changed.value, 'type') ?? changed.value)) ?? this.nearest('securityDefinitions');
    const first = old[0];
    this.add(
      'auth-changed',
      node,
      `the authentication type changed from ${quote(describe(old))}${first ? ` (${this.base(first.value)})` : ''} to ${quote(describe(now))}; ` +
        'existing connections stop working and Microsoft does not allow it for a published connector; keep the authentication type (a new one needs a new connector)',
      ['securityDefinitions'],
      node === this.newDoc.root ? undefined : changed && prop(changed.value, 'type') ? undefined : 'key',
    );
  }
}

/** Connection parameters of apiProperties.json: names, types and identity providers, per parameter set. */
export class ApiPropertiesComparison extends Comparison {
  constructor(oldDoc: ParsedDocument, newDoc: ParsedDocument) {
    super('apiProperties', oldDoc, newDoc);
  }

  run(): Change[] {
    const oldProps = prop(this.oldDoc.root, 'properties');
    const newProps = prop(this.newDoc.root, 'properties');
    this.compareParameters(prop(oldProps, 'connectionParameters'), prop(newProps, 'connectionParameters'), '', ['properties', 'connectionParameters']);
    const oldSets = prop(oldProps, 'connectionParameterSets');
    const newSets = prop(newProps, 'connectionParameterSets');
    if (!oldSets && !newSets) return this.changes;
    if (!oldSets || !newSets) {
      const node = newSets ?? this.nearest('properties', 'connectionParameters');
      this.add(
        'auth-changed',
        node,
        newSets
          ? 'connectionParameterSets were added; existing connections were made without choosing a set and stop working; keep the authentication as it was (a new one needs a new connector)'
          : `connectionParameterSets (${this.base(oldSets as Node)}) were removed; existing connections made with one of the sets stop working; keep them`,
        ['connectionParameterSets'],
        'key',
      );
      return this.changes;
    }
    const setsOf = (sets: Node) => {
      const map = new Map<string, Node>();
      for (const set of items(prop(sets, 'values'))) {
        const name = str(prop(set, 'name'));
        if (name !== undefined && !map.has(name)) map.set(name, set);
      }
      return map;
    };
    const oldByName = setsOf(oldSets);
    const newByName = setsOf(newSets);
    for (const [name, oldSet] of oldByName) {
      const newSet = newByName.get(name);
      if (!newSet) {
        this.add(
          'auth-changed',
          prop(newSets, 'values') ?? newSets,
          `connection parameter set ${quote(name)} (${this.base(oldSet)}) was removed; existing connections made with it stop working; keep it`,
          [name],
          'key',
        );
        continue;
      }
      this.compareParameters(prop(oldSet, 'parameters'), prop(newSet, 'parameters'), ` of set ${quote(name)}`, [], newSet);
    }
    return this.changes;
  }

  private compareParameters(oldList: Node | undefined, newList: Node | undefined, where: string, parentPath: string[], parent?: Node): void {
    const container = newList ?? parent ?? this.nearest(...parentPath);
    const newEntries = new Map(entries(newList).map((e) => [e.key, e.value]));
    const oldEntries = new Map(entries(oldList).map((e) => [e.key, e.value]));
    const tail = 'existing connections stop working and Microsoft does not allow changing the authentication of a published connector; keep it as it was';
    for (const [name, oldParam] of oldEntries) {
      const newParam = newEntries.get(name);
      if (!newParam) {
        this.add('auth-changed', container, `connection parameter ${quote(name)}${where} (${this.base(oldParam)}) was removed; ${tail}`, [name], container === this.newDoc.root ? undefined : 'key');
        continue;
      }
      const oldType = prop(oldParam, 'type');
      const newType = prop(newParam, 'type');
      if (str(oldType) !== str(newType)) {
        this.add(
          'auth-changed',
          newType ?? newParam,
          `connection parameter ${quote(name)}${where} changed type from ${quote(str(oldType) ?? 'none')}${oldType ? ` (${this.base(oldType)})` : ''} to ${quote(str(newType) ?? 'none')}; ${tail}`,
          [name],
          newType ? undefined : 'key',
        );
        continue;
      }
      const oldProvider = prop(prop(oldParam, 'oAuthSettings'), 'identityProvider');
      const newProvider = prop(prop(newParam, 'oAuthSettings'), 'identityProvider');
      if (str(oldProvider) !== str(newProvider) && (oldProvider || newProvider)) {
        this.add(
          'auth-changed',
          newProvider ?? newParam,
          `connection parameter ${quote(name)}${where} changed its identity provider from ${quote(str(oldProvider) ?? 'none')}` +
            `${oldProvider ? ` (${this.base(oldProvider)})` : ''} to ${quote(str(newProvider) ?? 'none')}; ${tail}`,
          [name],
          newProvider ? undefined : 'key',
        );
      }
    }
    for (const [name, newParam] of newEntries) {
      if (oldEntries.has(name)) continue;
      const required = prop(prop(prop(newParam, 'uiDefinition'), 'constraints'), 'required');
      if (str(required) !== 'true' && bool(required) !== true) continue;
      this.add(
        'auth-changed',
        newParam,
        `new required connection parameter ${quote(name)}${where}: existing connections do not have it and stop working; make it optional or keep the connection parameters as they were`,
        [name],
        'key',
      );
    }
  }
}

/** Breaking changes between the base and the new swagger (both parsed). */
export function compareSwagger(oldDoc: ParsedDocument, newDoc: ParsedDocument): Change[] {
  return new SwaggerComparison(oldDoc, newDoc).run();
}

/** Breaking changes between the base and the new apiProperties.json (connection parameters). */
export function compareApiProperties(oldDoc: ParsedDocument, newDoc: ParsedDocument): Change[] {
  return new ApiPropertiesComparison(oldDoc, newDoc).run();
}
