// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc.
// Both bundles are committed: GitHub runs dist/ as it is, without installing anything.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ncc = (entry, out) =>
  execFileSync('npx', ['--no-install', 'ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli/index.ts', 'dist/cli');
