// Test helpers: build connector packages in a temp folder and run the real engine on them.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runGate } from '../src/engine/run.js';
import type { ConnectorOptions, Finding, GateReport, Profile } from '../src/engine/types.js';

/** The shared corpus of real connectors (read-only, outside the repository). */
export const CORPUS = path.resolve(__dirname, '../../shared/corpus');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'connector-gate-'));
  made.push(dir);
  return dir;
}

/** Writes files (path relative to the root → content) and returns the root. */
export function writeTree(files: Record<string, string | Buffer>, root = tempDir()): string {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export interface GateOptions extends Partial<ConnectorOptions> {
  profile?: Profile | 'auto';
  paths?: string[];
}

export function gate(root: string, options: GateOptions = {}): GateReport {
  return runGate({
    root,
    paths: options.paths ?? ['.'],
    profile: options.profile ?? 'auto',
    options: { ownedDomains: options.ownedDomains ?? [], ...(options.sla === undefined ? {} : { sla: options.sla }) },
  });
}

/** Findings of one rule for a package made of `files`, as "file:line:col message" is too loose: full objects. */
export function findingsOf(ruleId: string, files: Record<string, string | Buffer>, options: GateOptions = {}): Finding[] {
  const report = gate(writeTree(files), options);
  return report.connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === ruleId);
}

/** Pretty JSON, so a fixture's line numbers are predictable: each key on its own line. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The 1-based line of the first line in `text` that contains `needle` (to keep line asserts honest). */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found`);
}

/** 1-based line and column of the first character of the `occurrence`-th `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}
