// `connector-gate --write-baseline FILE`: today's findings become ignore entries, so a repository
// with many legacy connectors can adopt the gate and fail only on new problems.
//
// FILE is written as the config the run used (its settings and comments kept) with its ignore list
// merged: entries that still match something are kept as written (with their reasons), stale ones
// (or stale pointers of them) are removed, and every finding still reported gets an entry, one per
// file and rule with the list of JSON pointers, reason "baseline YYYY-MM-DD". Reading FILE back
// (`--config FILE`) therefore reproduces the run with no finding left.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { UsageError } from '../engine/discover.js';
import { displayPath } from '../engine/files.js';
import type { GateReport } from '../engine/types.js';
import { escapeGlob } from './glob.js';
import { parseConfig } from './load.js';
import type { GateConfig } from './types.js';

/**
 * The config a baseline run reads: `--config` when given, else the baseline file itself when it
 * exists (its settings shape today's findings), else the default config file.
 */
export function baselineConfigPath(root: string, config: string | undefined, baseline: string): string | undefined {
  const target = path.resolve(root, baseline);
  if (baseline.trim() === '' || (existsSync(target) && !statSync(target).isFile())) {
    throw new UsageError(`--write-baseline needs a file to write; got "${baseline}"`);
  }
  if (config !== undefined && config.trim() !== '') return config;
  return existsSync(target) ? baseline : undefined;
}

export interface BaselineResult {
  /** As shown in messages (relative to the root). */
  file: string;
  /** Ignore entries added for findings reported today. */
  added: number;
  /** Findings those entries cover. */
  findings: number;
  /** Existing entries kept (they still match something, or lie outside the checked paths). */
  kept: number;
  /** Existing entries removed, and stale pointers removed from entries that were kept. */
  removedEntries: number;
  removedPointers: number;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface NewEntry {
  file: string;
  rule: string;
  pointer?: string | string[];
  reason: string;
}

/** One entry per file and rule; its pointers sorted; no pointer when a finding of the group has none. */
export function baselineEntries(report: GateReport, date: string): { entries: NewEntry[]; findings: number } {
  const groups = new Map<string, { file: string; rule: string; pointers: Set<string>; whole: boolean }>();
  let findings = 0;
  for (const connector of report.connectors) {
    for (const finding of connector.findings) {
      findings++;
      const key = `${finding.file}\u0000${finding.ruleId}`;
      let group = groups.get(key);
      if (!group) {
        group = { file: finding.file, rule: finding.ruleId, pointers: new Set(), whole: false };
        groups.set(key, group);
      }
      if (finding.pointer === undefined) group.whole = true;
      else group.pointers.add(finding.pointer);
    }
  }
  const entries = [...groups.values()]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    .map((group): NewEntry => {
      const pointers = [...group.pointers].sort();
      // Keys in this order in the YAML: file, rule, pointer, reason.
      return {
        file: escapeGlob(group.file),
        rule: group.rule,
        ...(group.whole ? {} : { pointer: pointers.length === 1 ? (pointers[0] as string) : pointers }),
        reason: `baseline ${date}`,
      };
    });
  return { entries, findings };
}

/** The text of the baseline file: the config's text with its ignore list merged. */
export function baselineText(report: GateReport, config: GateConfig | undefined, date: string): { text: string } & Omit<BaselineResult, 'file'> {
  const doc = config && config.text.trim() !== '' ? parseDocument(config.text) : new Document({});
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;

  // Stale pointers per entry index; `undefined` in the set = the entry itself (it has no pointer).
  const stale = new Map<number, Set<string | undefined>>();
  for (const item of report.suppressions?.stale ?? []) {
    const set = stale.get(item.entry) ?? new Set();
    set.add(item.pointer);
    stale.set(item.entry, set);
  }

  // The existing list node is reused, so comments attached to it stay.
  const existing = doc.get('ignore', true);
  const merged = isSeq(existing) ? existing : new YAMLSeq();
  const items = [...merged.items];
  merged.items = [];
  merged.flow = false;
  let kept = 0;
  let removedEntries = 0;
  let removedPointers = 0;
  if (isSeq(existing)) {
    items.forEach((item, index) => {
      const staleHere = stale.get(index);
      const entry = config?.ignore[index];
      if (!staleHere || !entry) {
        merged.items.push(item);
        kept++;
        return;
      }
      const pointerNode = isMap(item) ? item.get('pointer', true) : undefined;
      if (!entry.pointers || entry.pointers.every((pointer) => staleHere.has(pointer.pointer)) || !isSeq(pointerNode)) {
        removedEntries++;
        return;
      }
      const before = pointerNode.items.length;
      pointerNode.items = pointerNode.items.filter((node) => !(isScalar(node) && staleHere.has(String(node.value))));
      removedPointers += before - pointerNode.items.length;
      merged.items.push(item);
      kept++;
    });
  }
  const { entries, findings } = baselineEntries(report, date);
  for (const entry of entries) merged.items.push(doc.createNode(entry));
  doc.set('ignore', merged);
  const text = doc.toString({ lineWidth: 0 });
  return { text, added: entries.length, findings, kept, removedEntries, removedPointers };
}

/**
 * Writes the baseline to `target` (relative to the root). The text is read back with the config
 * parser before it is written: a file the gate could not read is never left behind.
 */
export function writeBaseline(root: string, target: string, report: GateReport, config: GateConfig | undefined, date = today()): BaselineResult {
  const absFile = path.resolve(root, target);
  const file = displayPath(root, absFile);
  const { text, ...counts } = baselineText(report, config, date);
  parseConfig(text, file, absFile);
  mkdirSync(path.dirname(absFile), { recursive: true });
  writeFileSync(absFile, text);
  return { file, ...counts };
}

export function baselineMessage(result: BaselineResult): string {
  const removed =
    result.removedEntries + result.removedPointers > 0
      ? `; removed ${result.removedEntries} stale entr${result.removedEntries === 1 ? 'y' : 'ies'} and ${result.removedPointers} stale pointer(s)`
      : '';
  return (
    `wrote ${result.file}: ${result.added} new ignore entr${result.added === 1 ? 'y' : 'ies'} for ${result.findings} finding(s), ` +
    `${result.kept} existing entr${result.kept === 1 ? 'y' : 'ies'} kept${removed}`
  );
}
