import { num, prop, str, type Node } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { forEachSchema, removeFix, schemaName } from './schema-shared.js';

const RANGES = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
] as const;
const EXCLUSIVE_BOUNDS = [
  ['exclusiveMaximum', 'maximum'],
  ['exclusiveMinimum', 'minimum'],
] as const;
const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];
/** Text keywords whose empty value says nothing (RequiredValueEmpty). */
const TEXT_KEYWORDS = ['title', 'description', 'x-ms-summary', 'format', 'pattern', 'x-ms-visibility'];
/** Parameter text is the completeness rules' business (param-x-ms-summary, param-description). */
const PARAMETER_TEXT = new Set(['description', 'x-ms-summary']);
/** What each keyword read here is: a constraint (checked when present) or text (checked when blank). */
const KEYWORDS = new Map<string, 'constraint' | 'text'>([
  ...TEXT_KEYWORDS.map((keyword) => [keyword, 'text'] as const),
  // After the text keywords: "pattern" is both, and a constraint is checked when present.
  ...[...RANGES.flat(), ...COUNTS, 'multipleOf', 'exclusiveMaximum', 'exclusiveMinimum', 'pattern'].map((keyword) => [keyword, 'constraint'] as const),
]);

/** Bits of what a schema has that this rule may report on. */
const HAS_CONSTRAINT = 1;
const HAS_BLANK_TEXT = 2;

/**
 * What a schema has that this rule may report on: a constraint keyword, a blank text keyword, both or
 * neither. Both are rare, so one pass over the keys (one lookup each) spares most schemas the
 * lookups of every keyword, and a schema with blank text only (most of those reported) skips the
 * constraint checks.
 */
function reportableKeywords(node: Node): number {
  let found = 0;
  const properties = node.children ?? [];
  for (let i = 0; i < properties.length; i++) {
    const kind = KEYWORDS.get(properties[i]?.children?.[0]?.value as string);
    const value = properties[i]?.children?.[1];
    if (kind === 'constraint') found |= HAS_CONSTRAINT;
    else if (kind === 'text' && value?.type === 'string' && (value.value as string).trim() === '') found |= HAS_BLANK_TEXT;
  }
  return found;
}

/**
 * .NET regular expression syntax that JavaScript lacks: inline options "(?i)", atomic groups "(?>",
 * conditionals "(?(", comments "(?#", possessive-free anchors \A \Z \z, class subtraction "-[".
 * Patterns using them cannot be judged here.
 */
const DOTNET_ONLY = /\(\?[imnsx-]+[):]|\(\?>|\(\?\(|\(\?#|\\[AZzG]|-\[/;

function invalidPattern(pattern: string): string | undefined {
  if (DOTNET_ONLY.test(pattern)) return undefined;
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

export default defineRule({
  meta: {
    id: 'schema-constraints',
    criterion: 'definition',
    description: 'Consistent min/max constraints, multipleOf > 0, exclusive bounds with their bound, valid patterns, no empty text values.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    /** The min/max, count, multipleOf, exclusive-bound and pattern checks. */
    const checkConstraints = (node: Node, label: () => string): void => {
      for (const [low, high] of RANGES) {
        const min = num(prop(node, low));
        const max = num(prop(node, high));
        if (min !== undefined && max !== undefined && min > max) {
          report({ file, node: prop(node, low) as Node, message: `${label()} has ${low} ${min} above ${high} ${max}; swap or correct them` });
        }
      }
      for (const keyword of COUNTS) {
        const value = num(prop(node, keyword));
        if (value !== undefined && value < 0) {
          report({ file, node: prop(node, keyword) as Node, message: `${label()} has ${keyword} ${value}; it must be 0 or more (${keyword[0]?.toUpperCase()}${keyword.slice(1)}MustBeGreaterThanOrEqualToZero)` });
        }
      }
      const multipleOf = prop(node, 'multipleOf');
      if (multipleOf?.type === 'number' && (multipleOf.value as number) <= 0) {
        report({ file, node: multipleOf, message: `${label()} has multipleOf ${String(multipleOf.value)}; it must be greater than zero (MultipleOfMustBeGreaterThanZero)` });
      }
      for (const [exclusive, bound] of EXCLUSIVE_BOUNDS) {
        const flag = prop(node, exclusive);
        if (flag && !prop(node, bound)) {
          const code = `${exclusive[0]?.toUpperCase()}${exclusive.slice(1)}Requires${bound[0]?.toUpperCase()}${bound.slice(1)}`;
          const fix = removeFix(flag);
          report({
            file,
            node: flag,
            at: 'key',
            message: `${label()} has ${exclusive} without ${bound}; add "${bound}" or remove "${exclusive}" (${code})`,
            ...(fix ? { fix } : {}),
          });
        }
      }
      const pattern = str(prop(node, 'pattern'));
      if (pattern !== undefined && pattern !== '') {
        const problem = invalidPattern(pattern);
        if (problem !== undefined) {
          report({ file, node: prop(node, 'pattern') as Node, message: `${label()} has the pattern ${quote(pattern, 60)}, which is not a valid regular expression (${problem}); correct it (PatternShouldBeValidRegularExpression)` });
        }
      }
    };
    forEachSchema(root, ({ node, role, parameter, via, first }) => {
      if (!first) return;
      const found = reportableKeywords(node);
      if (found === 0) return;
      const label = (): string => schemaName(root, node);
      if (found & HAS_CONSTRAINT) checkConstraints(node, label);
      if (!(found & HAS_BLANK_TEXT)) return;
      // Indexed: no iterator per schema while this code is not optimized.
      for (let i = 0; i < TEXT_KEYWORDS.length; i++) {
        const keyword = TEXT_KEYWORDS[i] as string;
        const value = prop(node, keyword);
        if (value?.type !== 'string' || (value.value as string).trim() !== '') continue;
        if (parameter && via === 'root' && PARAMETER_TEXT.has(keyword)) continue;
        // Response properties' text is response-property-metadata's business.
        if (role === 'response' && via === 'property' && PARAMETER_TEXT.has(keyword)) continue;
        const fix = removeFix(value);
        report({
          file,
          node: value,
          recommended: true,
          message: `${label()} has an empty ${keyword}; write a value or remove the key (RequiredValueEmpty)`,
          ...(fix ? { fix } : {}),
        });
      }
    });
  },
});
