// Applying the config in the engine: per-connector settings (profile, owned domains, SLA, rule
// levels) and suppression (ignore entries, rules turned off), counted so the report can say how
// many findings were suppressed and by what, and which ignore entries matched nothing.
import { profileFromPath } from '../engine/discover.js';
import type {
  ConnectorOptions,
  ConnectorPackage,
  Finding,
  Profile,
  Rule,
  RuleLevel,
  StaleIgnore,
  SuppressionReport,
  SuppressionSource,
} from '../engine/types.js';
import type { GateConfig, IgnoreEntry, IgnorePointer, LevelOverride } from './types.js';

/** What the engine asks while checking one connector. */
export interface ConnectorPolicy {
  /** The rule's level for this connector: the config's override, else the rule's level for the profile. */
  levelOf(rule: Rule, profile: Profile): RuleLevel;
  /** Counts a problem of a rule the config turned off (the engine drops it). */
  silenced(ruleId: string): void;
  /** True (and counted) when an ignore entry covers the finding: the engine drops it. */
  ignored(finding: Finding): boolean;
}

/** No config: every rule at its level, nothing suppressed. */
export const NO_POLICY: ConnectorPolicy = {
  levelOf: (rule, profile) => rule.meta.level[profile],
  silenced: () => undefined,
  ignored: () => false,
};

export interface ConnectorSettings {
  profile: Profile;
  options: ConnectorOptions;
  policy: ConnectorPolicy;
}

function pointerMatches(entry: IgnorePointer, pointer: string | undefined): boolean {
  if (pointer === undefined) return false;
  if (pointer === entry.base) return true;
  return entry.subtree && pointer.startsWith(`${entry.base}/`);
}

function describeEntry(entry: IgnoreEntry, pointer?: IgnorePointer): string {
  return `ignore entry for rule "${entry.ruleId}" on "${entry.file.pattern}"${pointer ? ` at "${pointer.pointer}"` : ''}`;
}

/** The config applied to one run. Create one per run: it counts. */
export class ConfigRun {
  /** Entries whose file has no wildcard, by `file \0 rule`; the rest by rule. */
  private readonly literal = new Map<string, IgnoreEntry[]>();
  private readonly globbed = new Map<string, IgnoreEntry[]>();
  /** Per entry: matches per pointer (one slot when the entry has no pointer). */
  private readonly hits: number[][];
  private readonly offCounts = new Map<LevelOverride, number>();
  private readonly checkedFiles = new Set<string>();
  private readonly checkedDirs = new Set<string>();

  constructor(readonly config: GateConfig) {
    this.hits = config.ignore.map((entry) => new Array<number>(entry.pointers?.length ?? 1).fill(0));
    for (const entry of config.ignore) {
      const index = entry.file.literal === undefined ? this.globbed : this.literal;
      const key = entry.file.literal === undefined ? entry.ruleId : `${entry.file.literal}\u0000${entry.ruleId}`;
      const list = index.get(key) ?? [];
      list.push(entry);
      index.set(key, list);
    }
  }

  /** The connector's profile, options and policy: global rules, then every matching entry in order. */
  settingsFor(connector: ConnectorPackage, base: ConnectorOptions): ConnectorSettings {
    const levels = new Map<string, LevelOverride>();
    for (const override of this.config.rules) levels.set(override.ruleId, override);
    let profile = connector.profile;
    let options = base;
    for (const entry of this.config.connectors) {
      if (!entry.match.some((glob) => glob.test(connector.dir))) continue;
      if (entry.profile !== undefined) profile = entry.profile === 'auto' ? profileFromPath(connector.dir) : entry.profile;
      if (entry.ownedDomains !== undefined) options = { ...options, ownedDomains: entry.ownedDomains };
      if (entry.sla !== undefined) options = { ...options, sla: entry.sla };
      if (entry.breakingAllow) options = { ...options, breaking: { ...options.breaking, allow: [...(options.breaking?.allow ?? []), ...entry.breakingAllow] } };
      for (const override of entry.rules) levels.set(override.ruleId, override);
    }
    this.checkedDirs.add(connector.dir);
    for (const file of Object.values(connector.files)) if (file) this.checkedFiles.add(file.path);

    const policy: ConnectorPolicy = {
      levelOf: (rule, forProfile) => levels.get(rule.meta.id)?.level ?? rule.meta.level[forProfile],
      silenced: (ruleId) => {
        const override = levels.get(ruleId);
        if (override) this.offCounts.set(override, (this.offCounts.get(override) ?? 0) + 1);
      },
      ignored: (finding) => this.ignore(finding),
    };
    return { profile, options, policy };
  }

  /** The first entry (in config order) that covers the finding takes it. */
  private ignore(finding: Finding): boolean {
    const candidates = [
      ...(this.literal.get(`${finding.file}\u0000${finding.ruleId}`) ?? []),
      ...(this.globbed.get(finding.ruleId) ?? []).filter((entry) => entry.file.test(finding.file)),
    ];
    if (candidates.length > 1) candidates.sort((a, b) => a.index - b.index);
    for (const entry of candidates) {
      const slots = this.hits[entry.index] as number[];
      if (!entry.pointers) {
        slots[0] = (slots[0] as number) + 1;
        return true;
      }
      const at = entry.pointers.findIndex((pointer) => pointerMatches(pointer, finding.pointer));
      if (at !== -1) {
        slots[at] = (slots[at] as number) + 1;
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the run looked at the entry's files at all. Entries for connectors outside the checked
   * paths are not stale: a run on one folder says nothing about a baseline of the whole repository.
   */
  private inScope(entry: IgnoreEntry): boolean {
    const literal = entry.file.literal;
    if (literal !== undefined) {
      if (this.checkedFiles.has(literal)) return true;
      for (const dir of this.checkedDirs) if (dir === '.' || literal.startsWith(`${dir}/`)) return true;
      return false;
    }
    for (const file of this.checkedFiles) if (entry.file.test(file)) return true;
    return false;
  }

  summary(): SuppressionReport {
    const sources: SuppressionSource[] = [];
    const stale: StaleIgnore[] = [];
    let ignored = 0;
    for (const entry of this.config.ignore) {
      const slots = this.hits[entry.index] as number[];
      const count = slots.reduce((sum, hits) => sum + hits, 0);
      ignored += count;
      if (count > 0) {
        sources.push({ kind: 'ignore', ruleId: entry.ruleId, line: entry.line, column: entry.column, file: entry.file.pattern, reason: entry.reason, count });
      }
      if (slots.every((hits) => hits > 0) || !this.inScope(entry)) continue;
      const base = { entry: entry.index, ruleId: entry.ruleId, file: entry.file.pattern };
      if (!entry.pointers) {
        stale.push({ ...base, line: entry.line, column: entry.column, message: `${describeEntry(entry)} matched no finding; remove it` });
        continue;
      }
      entry.pointers.forEach((pointer, i) => {
        if ((slots[i] as number) > 0) return;
        stale.push({
          ...base,
          pointer: pointer.pointer,
          line: pointer.line,
          column: pointer.column,
          message: `${describeEntry(entry, pointer)} matched no finding; remove it`,
        });
      });
    }
    let off = 0;
    for (const [override, count] of this.offCounts) {
      off += count;
      sources.push({ kind: 'off', ruleId: override.ruleId, line: override.line, column: override.column, count });
    }
    sources.sort((a, b) => a.line - b.line || a.column - b.column);
    return { configFile: this.config.file, ignored, off, sources, stale };
  }
}
