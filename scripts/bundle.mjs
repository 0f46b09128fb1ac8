// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc.
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
  ncc('src/cli/index.ts', `${staging}/cli`);
  rmSync('dist', { recursive: true, force: true });
  renameSync(staging, 'dist');
} finally {
  rmSync(staging, { recursive: true, force: true });
}
