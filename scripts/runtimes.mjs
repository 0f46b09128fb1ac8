// The Node runtimes to measure and test dist/ on: the one GitHub uses (node24, from the node@24
// devDependency) and the machine's own. Under `npm run`, node_modules/.bin/node (the node@24
// package) comes first on PATH, so the machine's Node is the first `node` outside node_modules.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export function runtimes(repo) {
  const node24 = path.join(repo, 'node_modules/node/bin/node');
  const system = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'node'))
    .find((bin) => existsSync(bin) && !realpathSync(bin).includes(`${path.sep}node_modules${path.sep}`));
  const found = [];
  if (existsSync(node24)) found.push({ name: 'node 24', bin: node24 });
  if (system && realpathSync(system) !== (existsSync(node24) ? realpathSync(node24) : '')) found.push({ name: 'system node', bin: system });
  return found;
}
