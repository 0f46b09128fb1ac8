// The bundled launchers (dist/index.js, dist/cli/index.js) run the real bundle in a worker with a
// small young generation. Here each launcher is copied next to a stand-in worker, so the test can
// make the worker exit, report what it sees, or crash.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { OLD_GENERATION_MB, RETRY_NOTE, YOUNG_GENERATION_MB, youngAtFullSize } from '../../src/launcher.js';
import { CORPUS, tempDir } from '../helpers.js';
import { ACTION, CLI, parseCommands, runAction, RUNTIMES } from './run-dist.js';

const MODULE = JSON.stringify({ type: 'module' });

function launcherWith(launcher: string, worker: string): string {
  const dir = tempDir();
  copyFileSync(launcher, path.join(dir, 'index.js'));
  writeFileSync(path.join(dir, 'package.json'), MODULE);
  mkdirSync(path.join(dir, 'worker'));
  writeFileSync(path.join(dir, 'worker', 'index.js'), worker);
  writeFileSync(path.join(dir, 'worker', 'package.json'), MODULE);
  return path.join(dir, 'index.js');
}

const REPORTING_WORKER = `
import v8 from 'node:v8';
import { resourceLimits, workerData, isMainThread } from 'node:worker_threads';
const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
process.stdout.write(JSON.stringify({ isMainThread, argv: process.argv.slice(2), young: resourceLimits.maxYoungGenerationSizeMb, old: resourceLimits.maxOldGenerationSizeMb, newSpace, workerData }) + '\\n');
process.exitCode = 3;
`;

// Prints, then fills the bounded old generation before it commits; run again without the bound, it
// says so and succeeds. With COMMIT set it commits first, as the real bundles do once the gate has run.
const GREEDY_WORKER = `
import { resourceLimits, workerData } from 'node:worker_threads';
process.stderr.write('log line\\n');
if (resourceLimits.maxOldGenerationSizeMb === ${OLD_GENERATION_MB}) {
  if (process.env.COMMIT) Atomics.store(workerData.committed, 0, 1);
  process.stdout.write('bounded run\\n');
  const hog = [];
  for (;;) hog.push(new Array(1 << 20).fill(1.5));
}
process.stdout.write('unbounded run\\n');
`;

const CRASHING_WORKER = `setTimeout(() => { throw new Error('boom\\n::error::injected ##[error] at line 2'); }, 1);`;

for (const runtime of RUNTIMES) {
  describe(`launchers on ${runtime.name}`, () => {
    it('run the bundle in a worker with the bounded young generation, its arguments and its exit code', () => {
      // On Node 24 the young generation is at its full size from the start (YOUNG_SEMI_SPACE_FLAG): V8's own starts at 1 MiB.
      const version = spawnSync(runtime.bin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
      const fullSize = (YOUNG_GENERATION_MB / 2) * 1024 * 1024;
      for (const launcher of [CLI, ACTION]) {
        const run = spawnSync(runtime.bin, [launcherWith(launcher, REPORTING_WORKER), 'examples', '--format', 'json'], { encoding: 'utf8' });
        expect(run.status).toBe(3);
        const reported = JSON.parse(run.stdout) as { newSpace: number };
        if (youngAtFullSize(version)) expect(reported.newSpace).toBe(fullSize);
        else expect(reported.newSpace).toBeLessThan(fullSize);
        expect(reported).toEqual({
          isMainThread: false,
          argv: ['examples', '--format', 'json'],
          young: YOUNG_GENERATION_MB,
          old: OLD_GENERATION_MB,
          newSpace: expect.any(Number),
          workerData: { stdoutIsTTY: false, committed: { 0: 0 } },
        });
      }
    });

    it('run a worker that outgrows the bounded heap before it commits again without the bound, saying why lines repeat', () => {
      const cli = spawnSync(runtime.bin, [launcherWith(CLI, GREEDY_WORKER)], { encoding: 'utf8' });
      expect(cli.stdout).toBe('bounded run\nunbounded run\n');
      expect(cli.stderr).toBe(`log line\n${RETRY_NOTE}\nlog line\n`);
      expect(cli.status).toBe(0);
      // The Action says it in the step's log, as a plain line.
      const action = spawnSync(runtime.bin, [launcherWith(ACTION, GREEDY_WORKER)], { encoding: 'utf8' });
      expect(action.stdout).toBe(`bounded run\n${RETRY_NOTE}\nunbounded run\n`);
      expect(parseCommands(action.stdout)).toEqual([]);
      expect(action.status).toBe(0);
    });

    it('never run again a worker that committed (it may have written files): a tool failure, nothing printed twice', () => {
      for (const [launcher, failureCode] of [[CLI, 2], [ACTION, 1]] as const) {
        const run = spawnSync(runtime.bin, [launcherWith(launcher, GREEDY_WORKER)], { encoding: 'utf8', env: { ...process.env, COMMIT: '1' } });
        expect(run.status).toBe(failureCode);
        expect(run.stderr.startsWith('log line\n')).toBe(true);
        const failure = 'connector-gate failed: it ran out of memory. This is a bug in connector-gate, not in your connector; please report it.';
        if (launcher === CLI) {
          expect(run.stdout).toBe('bounded run\n');
          expect(run.stderr).toBe(`log line\n${failure}\n`);
        } else {
          expect(run.stdout).toBe(`bounded run\n::error::${failure}\n`);
        }
      }
    });

    it('run the real bundles with atomic full collections (WORKER_GC_FLAGS): no incremental marking in --trace-gc', () => {
      // The corpus's independent publishers (4.5 MB) take full collections, incremental ones without
      // the flags. The first may have started while the bundle loaded, before the worker set them.
      const folder = 'independent-publisher-connectors';
      const cli = spawnSync(runtime.bin, ['--trace-gc', CLI, path.join(CORPUS, folder), '--format', 'json', '--output', path.join(tempDir(), 'report.json'), '--fail-on', 'never'], { encoding: 'utf8' });
      const action = runAction(runtime.bin, CORPUS, { path: folder, 'fail-on': 'never' }, {}, ['--trace-gc']);
      for (const run of [cli, action]) {
        expect(run.status).toBe(0);
        const fullCollections = run.stdout.split('\n').filter((line) => line.includes('Mark-Compact'));
        const incremental = (line: string): boolean => line.includes('since start of marking');
        expect(fullCollections.filter((line) => !incremental(line)).length).toBeGreaterThan(0);
        expect(fullCollections.slice(1).filter(incremental)).toEqual([]);
      }
    });

    it('CLI: a worker that dies is a tool failure: exit 2, one line on stderr, no stack trace', () => {
      const run = spawnSync(runtime.bin, [launcherWith(CLI, CRASHING_WORKER)], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'connector-gate failed: boom ::error::injected #\uFFFD#[error] at line 2. This is a bug in connector-gate, not in your connector; please report it.\n',
      );
    });

    it('Action: a worker that dies fails the step with one error command that blames the tool', () => {
      const run = spawnSync(runtime.bin, [launcherWith(ACTION, CRASHING_WORKER)], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(parseCommands(run.stdout)).toEqual([
        {
          command: 'error',
          properties: {},
          message: 'connector-gate failed: boom ::error::injected #\uFFFD#[error] at line 2. This is a bug in connector-gate, not in your connector; please report it.',
        },
      ]);
      expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    });
  });
}

describe('the CLI commits (src/cli/main.ts)', () => {
  it('once, after the gate has run and before it writes its first file or line', () => {
    const events: string[] = [];
    const output = path.join(tempDir(), 'report.json');
    const code = main(['examples', '--format', 'json', '--output', output, '--fail-on', 'never'], {
      cwd: path.resolve(__dirname, '../..'),
      stdout: () => events.push('stdout'),
      stderr: () => events.push('stderr'),
      color: false,
      commit: () => events.push(existsSync(output) ? 'commit after the report' : 'commit'),
    });
    expect(code).toBe(0);
    expect(events).toEqual(['commit']);
    expect(existsSync(output)).toBe(true);
  });
});
