// The rule list in README.md and the docs pages must follow the registry.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { PROFILES } from '../src/engine/types.js';

const REPO = path.resolve(__dirname, '..');

function rulesTable(): string {
  const rows = RULES.map(({ meta }) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.criterion} | ${PROFILES.map((p) => meta.level[p]).join(' | ')} | ${meta.description} |`);
  return ['| Rule | Criterion | certified | independent-publisher | custom | Checks |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

const RULES_SECTION = /<!-- rules:start -->\n([\s\S]*?)\n?<!-- rules:end -->/;

it('README lists every rule with its levels (UPDATE_DOCS=1 npx vitest run __tests__/docs.test.ts rewrites it)', () => {
  const file = path.join(REPO, 'README.md');
  let readme = readFileSync(file, 'utf8');
  if (process.env.UPDATE_DOCS) {
    readme = readme.replace(RULES_SECTION, `<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->`);
    writeFileSync(file, readme);
  }
  expect(RULES_SECTION.exec(readme)?.[1]?.trim()).toBe(rulesTable());
});

it('every rule has a docs page that names it and its levels', () => {
  for (const { meta } of RULES) {
    const page = path.join(REPO, 'docs/rules', `${meta.id}.md`);
    expect(existsSync(page), page).toBe(true);
    expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${meta.id}`);
  }
});

it('rule ids are unique kebab-case', () => {
  const ids = RULES.map((rule) => rule.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});
