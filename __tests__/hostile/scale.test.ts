// Many connectors in one run: 2,000 synthetic packages complete, and memory does not grow with
// their number beyond the report itself. Measured in the bundled CLI for 200 and for 2,000
// connectors: peak RSS (preload: sandbox.mjs), and the heap after each full garbage collection
// (--trace-gc), which shows what the run keeps alive. Each package carries 40
// definitions (a tree of several hundred kilobytes), so keeping packages alive would show at once.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { json, tempDir } from '../helpers.js';
import { RUNTIMES, runCli } from '../e2e/run-dist.js';
import { API_PROPERTIES, EXAMPLE, sandboxed, swagger, SWAGGER } from './harness.js';

/** `count` small packages; every one has an error (no icon), so the report grows with the count. */
function manyConnectors(count: number): string {
  const root = tempDir();
  const properties = readFileSync(path.join(EXAMPLE, API_PROPERTIES));
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `connector-${String(i).padStart(5, '0')}`);
    mkdirSync(dir);
    const document = swagger({ info: { title: `Frames ${i}`, description: `Contoso Frames number ${i} makes frames.`, version: '1.0' } });
    const definitions = document.definitions as Record<string, unknown>;
    for (let d = 0; d < 40; d++) {
      definitions[`Extra${d}`] = { type: 'object', description: `Extra ${d}.`, properties: { id: { type: 'string', description: 'The id.', 'x-ms-summary': 'ID' } } };
    }
    writeFileSync(path.join(dir, SWAGGER), json(document));
    writeFileSync(path.join(dir, API_PROPERTIES), properties);
  }
  return root;
}

// The runtime GitHub uses (the first of run-dist.ts's list): memory figures are about that one.
const runtime = RUNTIMES[0] as (typeof RUNTIMES)[number];

/**
 * The heap (MiB) after each full collection, from --trace-gc lines ("Mark-Compact a (b) -> c (d) MB"):
 * the median of the second half of the run's collections, which is what the run keeps alive by
 * then, and the peak. A single collection can count much more than is live: objects allocated while
 * the concurrent marker works count as live until the next one, and on a busy machine (CI runs test
 * files side by side) the marker is slow: one CI run's peak was 110 MiB for 2,000 connectors, where
 * other runs of the same build peak at 33–69 MiB and most collections leave 15–31 MiB. Kept
 * packages would raise every later collection (a test build that kept them: 302 MiB).
 */
function liveAfterFullGcMiB(traceGc: string): { late: number; peak: number } {
  const sizes = [...traceGc.matchAll(/Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)].map((m) => Number(m[1]));
  const late = sizes.slice(Math.floor(sizes.length / 2)).sort((a, b) => a - b);
  return { late: late[Math.floor(late.length / 2)] ?? 0, peak: Math.max(0, ...sizes) };
}

describe(`many connectors on ${runtime.name}`, () => {
  it('checks 2,000 connectors with memory that does not grow with their number beyond the report', () => {
    const measure = (count: number) => {
      const root = manyConnectors(count);
      const sandbox = sandboxed(runtime.bin, { nodeFlags: ['--trace-gc'] });
      const output = path.join(tempDir(), 'report.json');
      const started = performance.now();
      const run = runCli(sandbox.bin, root, ['.', '--owned-domain', 'contoso.com', '--sla', '99.95', '--format', 'json', '--output', output]);
      const seconds = (performance.now() - started) / 1000;
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
      return { seconds, rssMiB: sandbox.record().maxRssKiB / 1024, live: liveAfterFullGcMiB(run.stdout), reportMiB: statSync(output).size / 1048576, report };
    };
    const small = measure(200);
    const large = measure(2000);
    const figures = (label: string, m: typeof small) =>
      `${label}: ${m.seconds.toFixed(1)} s, peak RSS ${m.rssMiB.toFixed(0)} MiB, heap after full collections ${m.live.late.toFixed(1)} MiB (second half's median), ${m.live.peak.toFixed(1)} MiB (peak), JSON report ${m.reportMiB.toFixed(2)} MiB`;
    console.log(`[hostile/scale] ${runtime.name}: ${figures('200 connectors', small)}; ${figures('2,000 connectors', large)}`);

    expect(large.report.summary.connectors).toBe(2000);
    expect(large.report.internalErrors).toEqual([]);
    expect(large.report.connectors.every((c) => c.findings.some((f) => f.ruleId === 'icon-present'))).toBe(true);
    // The live heap grows by about the report (its objects take a few times its JSON size); keeping
    // each package's text and tree (hundreds of kilobytes each) would add gigabytes.
    expect(large.live.late).toBeGreaterThan(0);
    expect(large.live.late - small.live.late).toBeLessThan(8 * large.reportMiB + 16);
    // Peak RSS also holds V8's young generation, which it sizes by allocation rate: a sane bound.
    expect(large.rssMiB).toBeLessThan(small.rssMiB + 300);
    expect(large.seconds).toBeLessThan(60);
  });
});
