// Which findings become GitHub annotations. GitHub keeps at most 10 error, 10 warning and 10
// notice annotations per step and 50 per job, and silently drops the rest: choose them ourselves,
// most severe first, and leave room for one notice that says how many were left out.
import type { Finding, Level } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import { bySeverity, plural } from './text.js';

export interface AnnotationLimits {
  /** Per level and step (GitHub: 10). */
  perLevel: number;
  /** Per job (GitHub: 50). */
  perJob: number;
  /** Error slots kept free for errors sent after the findings (the step's own failure message). */
  reservedErrors?: number;
}

export const GITHUB_ANNOTATION_LIMITS: AnnotationLimits = { perLevel: 10, perJob: 50 };

export interface AnnotationPlan {
  /** Findings to annotate, errors first, then warnings, then notices. */
  annotations: Finding[];
  /** Findings left out; when above 0, add one notice saying so (a slot is kept free for it). */
  omitted: number;
}

function take(findings: readonly Finding[], noticeLimit: number, limits: AnnotationLimits, perJob: number): Finding[] {
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const errorLimit = Math.max(0, limits.perLevel - (limits.reservedErrors ?? 0));
  const limit: Record<Level, number> = { error: errorLimit, warning: limits.perLevel, notice: noticeLimit };
  const chosen: Finding[] = [];
  for (const finding of findings) {
    if (chosen.length >= perJob) break;
    if (used[finding.level] >= limit[finding.level]) continue;
    used[finding.level]++;
    chosen.push(finding);
  }
  return chosen;
}

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
const ruleRank = (ruleId: string): number => RULE_ORDER.get(ruleId) ?? RULES.length;

/**
 * Within each level, takes one finding per rule in turn, rules in registry order (broken JSON and
 * definitions before style), so that a few slots show as many different problems as possible.
 */
function spreadAcrossRules(sorted: readonly Finding[]): Finding[] {
  const result: Finding[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const queues = new Map<string, Finding[]>();
    for (const finding of sorted) {
      if (finding.level !== level) continue;
      const queue = queues.get(finding.ruleId);
      if (queue) queue.push(finding);
      else queues.set(finding.ruleId, [finding]);
    }
    const lists = [...queues.entries()].sort(([a], [b]) => ruleRank(a) - ruleRank(b)).map(([, list]) => list);
    for (let round = 0; lists.some((list) => round < list.length); round++) {
      for (const list of lists) if (round < list.length) result.push(list[round] as Finding);
    }
  }
  return result;
}

/**
 * Chooses the annotations to send. `findings` should be most severe first (they are sorted again,
 * stably, to be safe). Never exceeds either limit; when something is left out, one notice slot and
 * one job slot stay free for the overflow notice (`annotationOverflowMessage`).
 */
export function planAnnotations(findings: readonly Finding[], limits: AnnotationLimits = GITHUB_ANNOTATION_LIMITS): AnnotationPlan {
  const perLevel = Math.max(0, Math.floor(limits.perLevel));
  const perJob = Math.max(0, Math.floor(limits.perJob));
  const sorted = spreadAcrossRules(bySeverity(findings));
  const whole = { ...limits, perLevel };
  const reserved = limits.reservedErrors ?? 0;
  let annotations = take(sorted, perLevel, whole, perJob - reserved);
  if (annotations.length < sorted.length) {
    annotations = take(sorted, Math.max(0, perLevel - 1), whole, Math.max(0, perJob - 1 - reserved));
  }
  return { annotations, omitted: sorted.length - annotations.length };
}

/** The text of the overflow notice. */
export function annotationOverflowMessage(omitted: number): string {
  return `${plural(omitted, 'more finding')} not shown as annotations (GitHub shows only a few per step); see the job summary, the log, or the JSON / SARIF report for all of them.`;
}
