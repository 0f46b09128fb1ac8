// Wrong JSON types anywhere: every value of the example package replaced, one at a time, by values
// of other types (and a ref to the root), with the whole rule set running in process. No rule may
// throw ("trees may hold any JSON type anywhere", CONTRIBUTING.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadConnector } from '../../src/engine/discover.js';
import { checkConnector } from '../../src/engine/run.js';
import { RULES } from '../../src/rules/index.js';
import { writeTree } from '../helpers.js';
import { API_PROPERTIES, EXAMPLE, SWAGGER } from './harness.js';

const REPLACEMENTS: unknown[] = [null, 'x', [[]], { $ref: '#' }];

it('no rule throws when any value of the package has another JSON type', () => {
  const files = Object.fromEntries([SWAGGER, API_PROPERTIES, 'icon.png', 'readme.md'].map((name) => [name, readFileSync(path.join(EXAMPLE, name))]));
  const crashes = new Set<string>();
  const root = writeTree(files);
  for (const name of [SWAGGER, API_PROPERTIES]) {
    const original: unknown = JSON.parse((files[name] as Buffer).toString('utf8'));
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, at: (string | number)[]): void => {
      if (at.length > 0) paths.push(at);
      if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...at, Array.isArray(value) ? Number(key) : key]);
    };
    walk(original, []);
    for (const at of paths) {
      for (const replacement of REPLACEMENTS) {
        const copy = structuredClone(original) as Record<string | number, unknown>;
        let parent = copy;
        for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[at[at.length - 1] as string | number] = structuredClone(replacement);
        writeTree({ ...files, [name]: JSON.stringify(copy, null, 2) }, root);
        const internalErrors: string[] = [];
        checkConnector(loadConnector(root, root, 'certified'), { ownedDomains: ['contoso.com'], sla: 99.95 }, RULES, internalErrors);
        for (const error of internalErrors) crashes.add(`${error} (${name} /${at.join('/')} = ${JSON.stringify(replacement)})`);
      }
    }
  }
  expect([...crashes]).toEqual([]);
});
