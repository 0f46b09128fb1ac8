import { pointerOf, prop, type Node } from '../../engine/json/tree.js';
import { forEachSchemaProperty, operations, responsesOf } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger } from '../define.js';
import { describeProblem, isInternal, operationLabel, textState, type TextState } from './shared.js';

const ADD_SUMMARY = '"x-ms-summary" (a short Title Case label)';
const ADD_DESCRIPTION = '"description" (a sentence)';
const ADD_BOTH = `${ADD_SUMMARY} and ${ADD_DESCRIPTION}`;

/** "has no x-ms-summary or description", "has an empty description"… */
function describeMissing(summary: TextState, description: TextState): string {
  if (summary === 'missing' && description === 'missing') return 'has no x-ms-summary or description';
  if (summary === 'ok') return describeProblem(description as Exclude<TextState, 'ok'>, 'description');
  const summaryProblem = describeProblem(summary, 'x-ms-summary');
  return description === 'ok' ? summaryProblem : `${summaryProblem} and ${describeProblem(description, 'description')}`;
}

export default defineRule({
  meta: {
    id: 'response-property-metadata',
    criterion: 'completeness',
    description: 'Properties of 2xx response schemas have an x-ms-summary and a description (the dynamic content users pick from).',
    level: levels('warning', 'warning', 'off'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    // One walk per connector: a schema shared by many responses is visited, and reported, once.
    const seen = new Set<Node>();
    const reported = new Set<Node>();
    for (const operation of operations(root)) {
      // Internal operations (webhook deletion, dynamic-value lookups) never show their outputs.
      if (isInternal(operation.node)) continue;
      for (const response of responsesOf(root, operation)) {
        if (!/^2\d\d$/.test(response.code)) continue;
        const where = `the ${response.code} response of ${operationLabel(operation)}`;
        forEachSchemaProperty(
          root,
          prop(response.node, 'schema'),
          (name, keyNode, schema) => {
            if (schema.type !== 'object' || reported.has(schema) || isInternal(schema)) return;
            const summary = textState(prop(schema, 'x-ms-summary'));
            const description = textState(prop(schema, 'description'));
            if (summary === 'ok' && description === 'ok') return;
            reported.add(schema);
            const problem = describeMissing(summary, description);
            const fix = summary === 'ok' ? ADD_DESCRIPTION : description === 'ok' ? ADD_SUMMARY : ADD_BOTH;
            const raw = keyNode.parent?.children?.[1];
            if (raw !== undefined && raw !== schema) {
              // Reached through $ref: the text belongs on the definition, which every use shows.
              report({
                file,
                node: schema,
                at: 'key',
                message: `#${pointerOf(schema)} (property '${name}' in ${where}) ${problem}; add ${fix} to the definition`,
              });
            } else {
              report({ file, node: keyNode, message: `property '${name}' in ${where} ${problem}; add ${fix}` });
            }
          },
          seen,
        );
      }
    }
  },
});
