import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { metadataEntry } from './shared.js';

/** The categories Microsoft accepts (rules.md row 41, Learn certification-submission step 3b). */
export const CATEGORIES = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
] as const;
export const MAX_CATEGORIES = 2;

const BY_LOWER = new Map<string, string>(CATEGORIES.map((c) => [c.toLowerCase(), c]));

export default defineRule({
  meta: {
    id: 'connector-categories',
    criterion: 'metadata',
    description: `The Categories metadata holds 1–${MAX_CATEGORIES} ";"-separated values from Microsoft's category list.`,
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    // A missing, non-string or empty Categories entry is connector-metadata's business.
    const valueNode = prop(metadataEntry(file.doc.root, 'Categories'), 'propertyValue');
    const value = str(valueNode);
    if (!valueNode || value === undefined || value.trim() === '') return;
    const problems: string[] = [];
    const seen = new Set<string>();
    const parts = value.split(';').map((part) => part.trim());
    if (parts.some((part) => part === '')) problems.push('has an empty category (a stray ";")');
    const values = parts.filter((part) => part !== '');
    for (const part of values) {
      const canonical = BY_LOWER.get(part.replace(/\s+/g, ' ').toLowerCase());
      if (canonical === undefined) problems.push(`${quote(part)} is not a category`);
      else if (canonical !== part) problems.push(`${quote(part)} must be spelled ${quote(canonical)}`);
      if (canonical !== undefined && seen.has(canonical)) problems.push(`${quote(canonical)} is listed twice`);
      if (canonical !== undefined) seen.add(canonical);
    }
    if (values.length > MAX_CATEGORIES) problems.push(`has ${values.length} categories; at most ${MAX_CATEGORIES} are allowed`);
    if (problems.length === 0) return;
    const unknown = values.some((part) => !BY_LOWER.has(part.replace(/\s+/g, ' ').toLowerCase()));
    const fix = unknown ? `use 1–${MAX_CATEGORIES} of: ${CATEGORIES.join(', ')}` : `keep 1–${MAX_CATEGORIES} distinct categories`;
    report({ file, node: valueNode, message: `Categories ${quote(value)}: ${problems.join('; ')}; ${fix}, separated by ";"` });
  },
});
