// The precompiled validators in src/generated/ are committed; they must be exactly what
// scripts/compile-schemas.mjs makes of today's schemas, Ajv and options.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import configSchema from '../src/config/config.schema.json' with { type: 'json' };
import { BREAKING_LEVELS, CONFIG_LEVELS } from '../src/config/types.js';
import { PROFILES } from '../src/engine/types.js';
// @ts-expect-error: a plain .mjs script, also run as `npm run schemas`
import { compileSchemas, OUT_DIR, VALIDATORS } from '../scripts/compile-schemas.mjs';
import swagger2Validator from '../src/generated/swagger2-validator.js';

const STALE = 'is not what scripts/compile-schemas.mjs generates: run `npm run schemas` and commit src/generated/';

describe('generated schema validators', () => {
  const generated = compileSchemas() as Record<string, string>;

  it.each(Object.keys(generated))('src/generated/%s is up to date', (file) => {
    const committed = readFileSync(path.join(OUT_DIR as string, file), 'utf8');
    // A boolean, not toBe on the texts: a diff of 200 KB of one-line generated code helps no one.
    expect(committed === generated[file], `src/generated/${file} ${STALE}`).toBe(true);
  });

  it('src/generated holds no other module', () => {
    const modules = readdirSync(OUT_DIR as string).filter((file) => file.endsWith('.js'));
    expect(modules.sort(), `src/generated/ ${STALE}`).toEqual(Object.keys(generated).sort());
  });

  // config.schema.json is JSON so that the script can read it: its enums repeat the TypeScript lists.
  it('config.schema.json allows the profiles and levels the code knows', () => {
    const { properties } = configSchema;
    expect(properties.rules.additionalProperties.enum).toEqual([...CONFIG_LEVELS]);
    expect(properties.connectors.items.properties.rules.additionalProperties.enum).toEqual([...CONFIG_LEVELS]);
    expect(properties.connectors.items.properties.profile.enum).toEqual(['auto', ...PROFILES]);
    expect(properties.breaking.enum).toEqual([...BREAKING_LEVELS]);
  });
});

// The script starts Ajv's uniqueItems loops where they would first find a duplicate: the errors
// must be exactly those of Ajv's own code, compiled here without that change.
describe('uniqueItems in the generated Swagger 2.0 validator', () => {
  const options = VALIDATORS.find((v: { file: string }) => v.file === 'swagger2-validator.js');
  const ajv = options.ajv({});
  const unchanged = ajv.compile(JSON.parse(readFileSync(options.path, 'utf8')));
  const POOL: unknown[] = [0, -0, 1, '1', '', 'a', 'A', true, false, null, 1.5, { a: 1 }, { a: 1 }, [1], [1], [], { a: 1, b: [2, { c: 3 }] }, { b: [2, { c: 3 }], a: 1 }, { a: '1' }, ['1'], [[1]]];

  /**
   * A random enum from the pool: duplicates of every kind, objects and arrays now and then. Short
   * ones run Ajv's loop from the end; longer than 16, the script's one pass finds where it starts.
   */
  function randomEnum(random: () => number): unknown[] {
    const length = random() < 0.3 ? 17 + Math.floor(random() * 24) : Math.floor(random() * 9);
    return Array.from({ length }, () => structuredClone(POOL[Math.floor(random() * (random() < 0.8 ? 11 : POOL.length))]));
  }

  function document(random: () => number): object {
    return {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { parameters: [{ name: 'q', in: 'query', type: 'string', enum: randomEnum(random) }], responses: { 200: { description: 'OK' } } } } },
      definitions: { A: { type: 'string', enum: randomEnum(random) }, B: { type: 'array', items: { type: 'string', enum: randomEnum(random) } } },
    };
  }

  it('gives the errors of the unchanged loop on 3,000 random enums', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let invalid = 0;
    for (let n = 0; n < 1000; n++) {
      const doc = document(random);
      const valid = swagger2Validator(doc);
      expect(valid).toBe(unchanged(doc));
      expect(swagger2Validator.errors ?? null).toEqual(unchanged.errors ?? null);
      if (!valid) invalid++;
    }
    expect(invalid).toBeGreaterThan(500); // duplicates are common in the pool: both paths are exercised
  });
});

