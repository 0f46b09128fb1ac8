import { num, prop, str, type Node } from '../../engine/json/tree.js';
import { operations, type Operation } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { isDeprecated } from './ops-shared.js';

interface Member {
  operation: Operation;
  annotation?: Node;
  /** undefined = empty revision (counts as 1). */
  revision?: number;
  status?: string;
}

/** The connector's status: `x-ms-api-annotation.status` at the root (Learn) or in `info` (seen in merged files). */
function connectorStatus(root: Node): string | undefined {
  return str(prop(prop(root, 'x-ms-api-annotation'), 'status')) ?? str(prop(prop(prop(root, 'info'), 'x-ms-api-annotation'), 'status'));
}

export default defineRule({
  meta: {
    id: 'versioning-annotations',
    criterion: 'definition',
    description: 'x-ms-api-annotation families: unique revisions, at most two active operations, one empty revision, valid replacement and status.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const families = new Map<string, Member[]>();
    const plain: Member[] = [];
    const apiStatus = connectorStatus(root);
    for (const operation of operations(root)) {
      const annotation = prop(operation.node, 'x-ms-api-annotation');
      const id = str(prop(operation.node, 'operationId'));
      if (!annotation || annotation.type !== 'object') {
        // An operation without annotation is revision 1 of the family named after its operationId.
        if (id !== undefined) plain.push({ operation });
        continue;
      }
      const label = operationLabel(operation);
      const member: Member = { operation, annotation, revision: num(prop(annotation, 'revision')), status: str(prop(annotation, 'status')) };
      const family = str(prop(annotation, 'family')) ?? id;
      if (family !== undefined) families.set(family, [...(families.get(family) ?? []), member]);

      const replacement = prop(annotation, 'replacement');
      if (replacement) {
        if (!isDeprecated(operation.node)) {
          report({ file, node: replacement, at: 'key', message: `${label} names a replacement but is not deprecated; add "deprecated": true or remove "replacement"` });
        }
        for (const key of ['api', 'operationId']) {
          if (str(prop(replacement, key)) === undefined) {
            report({ file, node: replacement, at: 'key', message: `the replacement of ${label} has no "${key}"; a replacement needs both "api" and "operationId"` });
          }
        }
      }
      if (member.status?.toLowerCase() === 'production' && apiStatus?.toLowerCase() === 'preview') {
        report({
          file,
          node: prop(annotation, 'status') as Node,
          message: `${label} has status 'Production' while the connector is 'Preview'; an operation cannot be ahead of its connector: use "Preview"`,
        });
      }
      const revision = member.revision;
      if (revision !== undefined && revision >= 2 && id !== undefined && !new RegExp(`_?V${revision}$`, 'i').test(id)) {
        report({
          file,
          node: prop(operation.node, 'operationId') as Node,
          // Learn's example is GetItems_V2; the exact suffix the validator wants is not published.
          recommended: true,
          message: `operationId ${quote(id)} of ${label} is revision ${revision} of family ${quote(family ?? '')} but does not end with the revision suffix '_V${revision}'; e.g. ${quote(`${id.replace(/_?V\d+$/i, '')}_V${revision}`)}`,
        });
      }
    }
    for (const member of plain) {
      const id = str(prop(member.operation.node, 'operationId')) as string;
      families.get(id)?.push(member);
    }

    for (const [family, members] of families) {
      if (members.length < 2) continue;
      members.sort((a, b) => a.operation.node.offset - b.operation.node.offset);
      const revisions = new Map<number, Member>();
      let empty: Member | undefined;
      let active = 0;
      let production: Member | undefined;
      for (const member of members) {
        const label = operationLabel(member.operation);
        const at = member.annotation ? prop(member.annotation, 'revision') ?? member.annotation : member.operation.node;
        const atKey = member.annotation !== undefined && prop(member.annotation, 'revision') === undefined;
        if (member.revision === undefined) {
          if (empty) {
            report({ file, node: at, at: 'key', message: `family ${quote(family)} has several operations without a revision (${operationLabel(empty.operation)} and ${label}); give each a distinct "revision"` });
          } else empty = member;
        } else {
          const same = revisions.get(member.revision);
          if (same) {
            report({ file, node: at, at: atKey ? 'key' : 'value', message: `family ${quote(family)} uses revision ${member.revision} twice (${operationLabel(same.operation)} and ${label}); revisions must be unique` });
          } else revisions.set(member.revision, member);
        }
        if (isDeprecated(member.operation.node)) continue;
        if (++active > 2) {
          report({
            file,
            node: member.operation.node,
            at: 'key',
            message: `family ${quote(family)} has more than two operations that are not deprecated (${label} is number ${active}); deprecate the older revisions`,
          });
        }
        if ((member.status ?? '').toLowerCase() === 'production') {
          if (production) {
            report({
              file,
              node: prop(member.annotation, 'status') as Node,
              message: `family ${quote(family)} has several active operations in Production (${operationLabel(production.operation)} and ${label}); deprecate the previous revision`,
            });
          } else production = member;
        }
      }
    }
  },
});
