// The precompiled validators in src/generated/ are committed; they must be exactly what
// scripts/compile-schemas.mjs makes of today's schemas, Ajv and options.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import configSchema from '../src/config/config.schema.json' with { type: 'json' };
import { BREAKING_LEVELS, CONFIG_LEVELS } from '../src/config/types.js';
import { PROFILES } from '../src/engine/types.js';
// @ts-expect-error: a plain .mjs script, also run as `npm run schemas`
import { compileSchemas, OUT_DIR } from '../scripts/compile-schemas.mjs';

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
