import { prop, str, type Node } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { findWords, PRODUCT_NAMES } from '../metadata/shared.js';
import { allParameters, isInternal, operationLabel, parameterLabel } from './shared.js';

/** The texts each owner shows; constant arrays, not one per operation or parameter. */
const OPERATION_TEXTS = ['summary', 'description'] as const;
const PARAMETER_TEXTS = ['x-ms-summary', 'description'] as const;

export default defineRule({
  meta: {
    id: 'text-no-product-names',
    criterion: 'completeness',
    description: 'Operation and parameter summaries and descriptions do not name Power Platform products.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    /**
     * `what` and `hidden` are asked only when a name is found: building every label and reading
     * every visibility up front cost more than the search itself, and nearly every text is clean.
     */
    const check = (owner: Node, key: string, what: () => string, hidden: () => boolean): void => {
      const node = prop(owner, key);
      const text = str(node);
      if (!node || text === undefined) return;
      const matches = findWords(text, PRODUCT_NAMES);
      if (matches.length === 0) return;
      const names = [...new Set(matches.map((m) => m.word))].join(', ');
      report({
        file,
        node,
        // Hidden strings are never shown: advice.
        recommended: hidden(),
        message: `the ${key} of ${what()} names ${names} (${quote(matches[0]?.found ?? '')}); describe what it does without naming Power Platform products`,
      });
    };
    for (const operation of operations(root)) {
      const label = (): string => operationLabel(operation);
      const hidden = (): boolean => isInternal(operation.node);
      for (const key of OPERATION_TEXTS) check(operation.node, key, label, hidden);
    }
    for (const site of allParameters(root)) {
      const label = (): string => parameterLabel(site);
      const hidden = (): boolean => isInternal(site.node) || (site.usedBy.length > 0 && site.usedBy.every((op) => isInternal(op.node)));
      for (const key of PARAMETER_TEXTS) check(site.node, key, label, hidden);
    }
  },
});
