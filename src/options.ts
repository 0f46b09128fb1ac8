// Parsing and checking of user settings shared by the Action inputs and the CLI flags.
import { UsageError } from './engine/discover.js';
import { PROFILES, type GateReport, type Profile } from './engine/types.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Splits a list given as lines or commas ("a, b\nc"); items may contain spaces (folder names do). */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Splits a list of words given as lines, commas or spaces. */
export function splitWords(value: string): string[] {
  return splitList(value).flatMap((item) => item.split(/\s+/));
}

export function parseProfile(value: string): Profile | 'auto' {
  const profile = value.trim() || 'auto';
  if (profile === 'auto' || (PROFILES as readonly string[]).includes(profile)) return profile as Profile | 'auto';
  throw new UsageError(`profile must be auto, ${PROFILES.join(', ')}; got "${profile}"`);
}

export function parseFailOn(value: string): FailOn {
  const failOn = value.trim() || 'error';
  if ((FAIL_ON as readonly string[]).includes(failOn)) return failOn as FailOn;
  throw new UsageError(`fail-on must be one of ${FAIL_ON.join(', ')}; got "${failOn}"`);
}

/** "99.95" or "99.95%"; empty means not declared. */
export function parseSla(value: string): number | undefined {
  const text = value.trim().replace(/%$/, '');
  if (text === '') return undefined;
  const sla = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || sla > 100) throw new UsageError(`sla must be a percentage such as 99.95; got "${value.trim()}"`);
  return sla;
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Owned domains as lowercase host names; a pasted URL ("https://contoso.com/") is reduced to its host. */
export function parseDomains(values: string[]): string[] {
  const domains = values.map((value) => {
    const host = value.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, '').replace(/^\*\./, '').replace(/\.$/, '');
    if (!HOSTNAME.test(host)) throw new UsageError(`owned domain "${value}" is not a host name`);
    return host;
  });
  return [...new Set(domains)];
}

/** Whether the run fails: findings at or above the fail-on level, or a crash of the tool. */
export function shouldFail(report: GateReport, failOn: FailOn): boolean {
  if (report.internalErrors.length > 0) return true;
  if (failOn === 'never') return false;
  return report.counts.error > 0 || (failOn === 'warning' && report.counts.warning > 0);
}
