import { prop, type Node } from '../../engine/json/tree.js';
import { HTTP_METHODS } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { nonExtensionEntries } from './ops-shared.js';

/** Pairwise comparisons for partially overlapping templates stop here (a 1 MB file can hold 20,000 paths). */
export const MAX_PARTIAL_COMPARISONS = 50_000;

interface PathInfo {
  path: string;
  keyNode: Node;
  pathItem: Node;
  methods: string[];
  /** Lowercase segments; a segment with a {variable} becomes a matcher. */
  segments: (string | Template)[];
  /** The template with every {variable} written as {}, lowercase. */
  shape: string;
}

/** A segment with {variables}: its static parts (before, between and after the variables). */
interface Template {
  parts: string[];
  prefix: string;
  suffix: string;
}

function segmentMatcher(segment: string): string | Template {
  if (!segment.includes('{')) return segment;
  const parts = segment.split(/\{[^{}]*\}/);
  return { parts, prefix: parts[0] ?? '', suffix: parts[parts.length - 1] ?? '' };
}

/**
 * Whether a static segment fits a template, each variable taking at least one character. Greedy
 * leftmost search is exact for such wildcards and linear, where a regular expression could backtrack.
 */
function fits(template: Template, text: string): boolean {
  const { parts } = template;
  if (parts.length < 2 || !text.startsWith(template.prefix)) return false;
  let position = template.prefix.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = text.indexOf(parts[i] as string, position + 1);
    if (found < 0) return false;
    position = found + (parts[i] as string).length;
  }
  return text.length - template.suffix.length >= position + 1 && text.endsWith(template.suffix);
}

/** Two segments can match the same request segment. */
function compatible(a: string | Template, b: string | Template): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (typeof a === 'string') return fits(b as Template, a);
  if (typeof b === 'string') return fits(a, b);
  // Two templates overlap when their static ends agree: "{id}.json" and "{x}-v.json" can, "A('{id}')" and "B('{id}')" cannot.
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixes && suffixes;
}

/** Every segment of `a` compatible with the same segment of `b` (paths with as many segments). */
function segmentsCompatible(a: PathInfo, b: PathInfo): boolean {
  for (let k = 0; k < a.segments.length; k++) {
    if (!compatible(a.segments[k] as string | Template, b.segments[k] as string | Template)) return false;
  }
  return true;
}

function hasTemplate(info: PathInfo): boolean {
  for (let k = 0; k < info.segments.length; k++) if (typeof info.segments[k] !== 'string') return true;
  return false;
}

/**
 * The first path `list[j]` (j < i, j < budget) that overlaps `list[i]`: a different shape, every
 * segment compatible and a shared method. Two paths without templates are compatible only when
 * equal ignoring case, which means the same shape: for such a path only the `templated` indexes
 * can overlap, so only they are compared (the result is the one a scan of every j would give).
 */
function firstOverlap(list: readonly PathInfo[], i: number, templated: readonly number[] | undefined, budget: number): { index: number; method: string } | undefined {
  const info = list[i] as PathInfo;
  const end = Math.min(i, budget);
  const count = templated ? templated.length : end;
  for (let t = 0; t < count; t++) {
    const j = templated ? (templated[t] as number) : t;
    if (j >= end) break;
    const other = list[j] as PathInfo;
    if (other.shape === info.shape || !segmentsCompatible(info, other)) continue;
    const method = info.methods.find((m) => other.methods.includes(m));
    if (method !== undefined) return { index: j, method };
  }
  return undefined;
}

function opLabel(info: PathInfo, method: string): string {
  const node = prop(info.pathItem, method) as Node;
  return operationLabel({ path: info.path, method, node, pathItem: info.pathItem });
}

export default defineRule({
  meta: {
    id: 'path-unique',
    criterion: 'definition',
    description: 'Paths are unique ignoring case, no two operations share an indistinguishable template; overlapping templates are a warning.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const line = (node: Node): number => file.doc.lines.position(node.offset).line;
    const infos: PathInfo[] = [];
    for (const { key: path, keyNode, value } of nonExtensionEntries(prop(file.doc.root, 'paths'))) {
      const lower = path.toLowerCase();
      infos.push({
        path,
        keyNode,
        pathItem: value,
        methods: HTTP_METHODS.filter((method) => prop(value, method)?.type === 'object'),
        segments: lower.split('/').map(segmentMatcher),
        shape: lower.replace(/\{[^{}]*\}/g, '{}'),
      });
    }

    const byLower = new Map<string, PathInfo>();
    const byShape = new Map<string, PathInfo[]>();
    const reported = new Set<PathInfo>();
    for (const info of infos) {
      const lower = info.path.toLowerCase();
      const same = byLower.get(lower);
      if (same && same.path !== info.path) {
        // (Identical keys are duplicate JSON keys: pkg-json-strict reports them.)
        reported.add(info);
        report({
          file,
          node: info.keyNode,
          message: `path ${quote(info.path)} repeats ${quote(same.path)} (line ${line(same.keyNode)}) with different capitalization; paths must be unique ignoring case: merge the two path items`,
        });
      } else if (!same) byLower.set(lower, info);
      if (reported.has(info)) continue;
      const shaped = byShape.get(info.shape) ?? [];
      for (const other of shaped) {
        if (other.path.toLowerCase() === lower) continue;
        const method = info.methods.find((m) => other.methods.includes(m));
        if (method === undefined) continue;
        reported.add(info);
        report({
          file,
          node: info.keyNode,
          message: `${opLabel(info, method)} and ${opLabel(other, method)} (line ${line(other.keyNode)}) have templates that differ only in variable names; routing cannot tell them apart: merge them or add a distinct static segment`,
        });
        break;
      }
      shaped.push(info);
      byShape.set(info.shape, shaped);
    }

    // Partial overlaps: same segment count, every segment compatible, a shared method.
    const bySize = new Map<number, PathInfo[]>();
    for (const info of infos) {
      const list = bySize.get(info.segments.length) ?? [];
      list.push(info);
      bySize.set(info.segments.length, list);
    }
    let budget = MAX_PARTIAL_COMPARISONS;
    for (const list of bySize.values()) {
      // Indexes (ascending) of the paths of this size seen so far that have a template segment.
      const templated: number[] = [];
      for (let i = 0; i < list.length && budget > 0; i++) {
        const info = list[i] as PathInfo;
        const literal = !hasTemplate(info);
        if (!reported.has(info)) {
          // Each earlier path j < i is one comparison of the budget, up to the first overlap.
          const overlap = firstOverlap(list, i, literal ? templated : undefined, budget);
          if (overlap) {
            budget -= overlap.index;
            report({
              file,
              node: info.keyNode,
              recommended: true,
              message: `${opLabel(info, overlap.method)} overlaps ${opLabel(list[overlap.index] as PathInfo, overlap.method)} (line ${line((list[overlap.index] as PathInfo).keyNode)}): a path value equal to a static segment of one can route to the other; make the static segments differ`,
            });
          } else budget -= Math.min(i, budget);
        }
        if (!literal) templated.push(i);
      }
    }
  },
});
