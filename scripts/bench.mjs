// npm run bench: wall time and peak memory of the bundled CLI, process start included, on the
// runtime GitHub uses (Node 24, from the node@24 devDependency) and on this machine's Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimes as findRuntimes } from './runtimes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
const cli = path.join(root, 'dist/cli/index.js');
const preload = path.join(root, 'scripts/bench-rss.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 7);

if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run npm run bundle first');

const scratch = mkdtempSync(path.join(tmpdir(), 'connector-gate-bench-'));
const trivial = path.join(scratch, 'trivial');
mkdirSync(trivial);
writeFileSync(
  path.join(trivial, 'apiDefinition.swagger.json'),
  JSON.stringify({
    swagger: '2.0',
    info: { title: 'Trivial', version: '1.0' },
    host: 'api.contoso.com',
    paths: { '/ping': { get: { operationId: 'Ping', responses: { 200: { description: 'OK' } } } } },
  }),
);

const cases = [
  { name: 'shared corpus (130 connectors, 14 MB)', target: corpus, budget: { ms: 1500, mib: 200 } },
  { name: 'Encodian (1.1 MB, 219 operations)', target: path.join(corpus, 'certified-connectors/Encodian'), budget: { ms: 500 } },
  { name: 'trivial one-operation connector', target: trivial, budget: { ms: 300 } },
];

const runtimes = findRuntimes(root).map((runtime) => ({ ...runtime, name: `${runtime.name} (${spawnSync(runtime.bin, ['--version'], { encoding: 'utf8' }).stdout.trim()})` }));

function measure(bin, target) {
  const rssFile = path.join(scratch, 'rss');
  const start = performance.now();
  const result = spawnSync(bin, ['--import', preload, cli, target, '--format', 'json', '--output', path.join(scratch, 'out.json'), '--fail-on', 'never'], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`connector-gate exited ${result.status}: ${result.stderr}`);
  return { ms, mib: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`connector-gate bench: ${runs} runs per case, median wall time and peak RSS, process start included\n`);
console.log('| runtime | case | wall (median) | wall (min) | peak RSS | budget |');
console.log('|---|---|---|---|---|---|');
for (const runtime of runtimes) {
  for (const { name, target, budget } of cases) {
    measure(runtime.bin, target); // warm the file cache
    const samples = Array.from({ length: runs }, () => measure(runtime.bin, target));
    const wall = median(samples.map((s) => s.ms));
    const min = Math.min(...samples.map((s) => s.ms));
    const rss = Math.max(...samples.map((s) => s.mib));
    const budgetText = [budget.ms && `${budget.ms} ms`, budget.mib && `${budget.mib} MiB`].filter(Boolean).join(', ');
    const over = wall > budget.ms || (budget.mib && rss > budget.mib);
    console.log(`| ${runtime.name} | ${name} | ${wall.toFixed(0)} ms | ${min.toFixed(0)} ms | ${rss.toFixed(0)} MiB | ${budgetText}${over ? ' (over)' : ''} |`);
  }
}
rmSync(scratch, { recursive: true, force: true });
