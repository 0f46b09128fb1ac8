// Near misses at scale: every real connector of the corpus, compared with itself and with a
// reformatted copy (other indentation, so every line moves), has no breaking change.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS } from '../helpers.js';
import { parseJsonDocument } from '../../src/engine/json/document.js';
import { compareApiProperties, compareSwagger, type ParsedDocument } from '../../src/breaking/compare.js';

const FILES = [
  ['apiDefinition.swagger.json', compareSwagger],
  ['apiProperties.json', compareApiProperties],
] as const;

it('finds no breaking change between a corpus file and itself, reformatted', () => {
  const flagged: string[] = [];
  let compared = 0;
  for (const group of ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors']) {
    const folder = path.join(CORPUS, group);
    for (const name of existsSync(folder) ? readdirSync(folder) : []) {
      for (const [file, compare] of FILES) {
        const absFile = path.join(folder, name, file);
        if (!existsSync(absFile)) continue;
        const text = readFileSync(absFile, 'utf8').replace(/^\uFEFF/, '');
        const original = parseJsonDocument(text);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          continue; // not strict JSON: pkg-json-strict's business
        }
        if (original.root?.type !== 'object') continue;
        const reformatted = parseJsonDocument(JSON.stringify(value, null, 1));
        compared++;
        for (const change of [...compare(original as ParsedDocument, original as ParsedDocument), ...compare(original as ParsedDocument, reformatted as ParsedDocument)]) {
          flagged.push(`${group}/${name}/${file}: ${change.message}`);
        }
      }
    }
  }
  expect(compared).toBeGreaterThan(100);
  expect(flagged).toEqual([]);
});
