// Bundles the Action and the CLI with @vercel/ncc: each is a small launcher (dist/index.js,
// dist/cli/index.js) and the bundle it runs in a worker thread (dist/worker/, dist/cli/worker/).
// Both bundles are committed: GitHub runs dist/ as it is, without installing anything.
// Builds into a temporary folder and swaps it in, so a failed or concurrent build never leaves
// a half-written or missing dist/ behind.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

const staging = `dist.building-${process.pid}`;
const ncc = (entry, out) =>
  execFileSync('npx', ['--no-install', 'ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });

try {
  ncc('src/index.ts', staging);
  ncc('src/action/worker.ts', `${staging}/worker`);
  ncc('src/cli/index.ts', `${staging}/cli`);
  ncc('src/cli/worker.ts', `${staging}/cli/worker`);
  rmSync('dist', { recursive: true, force: true });
  renameSync(staging, 'dist');
} finally {
  rmSync(staging, { recursive: true, force: true });
}
