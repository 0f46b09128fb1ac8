import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
var external_node_v8_default = /*#__PURE__*/__nccwpck_require__.n(external_node_v8_namespaceObject);
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/engine/types.ts
const PROFILES = (/* unused pure expression or super */ null && (['certified', 'independent-publisher', 'custom']));
/** Levels a finding can have, most severe first. */
const types_LEVELS = (/* unused pure expression or super */ null && (['error', 'warning', 'notice']));
/** Sort key of a level: most severe first. */
const types_LEVEL_RANK = { error: 0, warning: 1, notice: 2 };
/** Certification criteria, in the order the summary shows them. */
const CRITERIA = (/* unused pure expression or super */ null && ([
    'definition',
    'ownership',
    'authentication',
    'support',
    'availability',
    'completeness',
    'icon',
    'metadata',
    /** Breaking changes against a base revision (src/breaking): only judged when a base is given. */
    'compatibility',
]));

;// CONCATENATED MODULE: ./src/report/text.ts
// Shared helpers for text that comes from connector files: it is hostile (newlines, control
// characters, terminal escapes, bidi overrides, huge strings) and must stay on one line.

const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// Remaining C0/C1 controls (incl. ESC, so no terminal escape sequence survives) and bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** One line of plain text: line breaks and tabs become spaces, other control characters U+FFFD. */
function flatten(text) {
    return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '\uFFFD');
}
// The GitHub Actions runner reads every line a step prints (stdout and stderr): a line that starts
// with `::` after whitespace (`::error::…`, `::stop-commands::…`, `::add-mask::…`) or that holds
// `##[` anywhere (the legacy `##[error]…` form) runs a workflow command. It compares strings
// culture-sensitively, so zero-width and other ignorable characters do not separate `#` from `[`.
// Controls (C0/C1), format characters (Cf) and default-ignorable code points, minus tab, ESC
// (colours) and line breaks:
// eslint-disable-next-line no-control-regex
const RUNNER_IGNORABLE = /(?![\t\n\r\u001b])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * A cheap superset of what the two functions below change: the BMP ranges of Cc (but tab and
 * line breaks, which neither changes), Cf and Default_Ignorable_Code_Point spelt out, any astral
 * character, `##[` and `::`. Scanning a large report with the Unicode-property regex is slow; most
 * reports contain none of these at all.
 * (__tests__/report/text.test.ts checks every BMP code point the full pattern matches.)
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- code points listed one by one on purpose
const MAYBE_RUNNER_SENSITIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ud800-\udbff]|##\[|::/;
/** The same without `::`, which only matters at the start of a line: JSON lines never start with it. */
// eslint-disable-next-line no-misleading-character-class -- the same code points, listed one by one on purpose
const MAYBE_UNSAFE_IN_JSON = new RegExp(MAYBE_RUNNER_SENSITIVE.source.slice(0, -'|::'.length));
/**
 * Plain-text output made inert for the Actions runner, line by line: ignorable characters become
 * U+FFFD, `##[` becomes `#\uFFFD#[`, and a line that would start with `::` starts with U+FFFD.
 * Text we write ourselves never contains these; only text from the files changes.
 */
function inertForRunner(text) {
    if (!MAYBE_RUNNER_SENSITIVE.test(text))
        return text;
    return text
        .split('\n')
        .map((line) => {
        const safe = line.replace(RUNNER_IGNORABLE, '\uFFFD').replace(/##\[/g, '#\uFFFD#[');
        return /^\s*::/.test(safe) ? `\uFFFD${safe}` : safe;
    })
        .join('\n');
}
/**
 * Whether every character is ASCII. Buffer.byteLength counts in native code, several times faster
 * than any regex over a large report; a report is nearly all ASCII.
 */
function isAscii(text) {
    return Buffer.byteLength(text, 'utf8') === text.length;
}
/**
 * JSON text made inert for the Actions runner without changing what it parses to: ignorable
 * characters and the `[` of `##[` become `\u` escapes (both can only occur inside strings, and
 * JSON lines never start with `::`). In ASCII JSON only DEL and `##[` can matter: JSON has no raw
 * C0 control characters outside whitespace.
 */
function inertJson(json) {
    if (isAscii(json) ? !json.includes('##[') && !json.includes('\u007f') : !MAYBE_UNSAFE_IN_JSON.test(json))
        return json;
    return json
        .replace(/(?![\n\r\t])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''))
        .replace(/##\[/g, '##\\u005b');
}
/** At most `max` UTF-16 units (a surrogate pair is never split), ending in `…` when shortened. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - 1);
    const last = text.charCodeAt(end - 1);
    if (end > 0 && last >= 0xd800 && last <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}
/** `flatten` then `truncate`: how every human-readable format shows file text. */
function oneLine(text, max) {
    return truncate(flatten(text), max);
}
/** Findings counted per level (counted from the findings, so a hand-made report cannot disagree). */
function countLevels(findings) {
    const counts = Object.fromEntries(LEVELS.map((level) => [level, 0]));
    for (const finding of findings)
        counts[finding.level]++;
    return counts;
}
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
/** "3 errors, 2 warnings, 1 notice". */
function levelSummary(counts) {
    return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`;
}
/** Stable sort, most severe first; order within a level is kept. */
function bySeverity(findings) {
    return findings
        .map((finding, index) => ({ finding, index }))
        .sort((a, b) => LEVEL_RANK[a.finding.level] - LEVEL_RANK[b.finding.level] || a.index - b.index)
        .map(({ finding }) => finding);
}

;// CONCATENATED MODULE: ./src/tool-failure.ts
// Kept apart from everything else so the small launchers (src/launcher.ts) can use it alone.
/** Message for a failure of connector-gate itself: never the user's fault, never a stack trace. */
function toolFailureMessage(detail) {
    return `connector-gate failed: ${detail}. This is a bug in connector-gate, not in your connector; please report it.`;
}

;// CONCATENATED MODULE: ./src/launcher.ts
// Both entry points (dist/index.js for the Action, dist/cli/index.js for the CLI) are small
// launchers that run the real bundle in a worker thread. The reason is memory: V8 sizes a
// process's young generation by allocation rate (up to 128 MiB on Node 24), and the gate
// allocates fast and briefly (a parse tree per file). A worker's heap can be given a small young
// generation at start, which the main thread's cannot (V8 reads those flags once, at start-up).
// The launcher imports nothing heavy, so the bundle is loaded and compiled only once, in the worker.






/**
 * The worker's heap. V8 lets the old generation grow to a multiple of what survived the last full
 * collection, and the multiple depends on the heap's maximum: up to 4 for a large maximum, less for
 * a small one. Measured on the shared corpus (npm run bench, Node 24): V8's defaults peak at about
 * 450 MiB RSS; an 8 MiB young generation at 200–290 MiB; with a 1 GiB old generation as well at
 * 150–265 MiB. A 16 MiB young and 512 MiB old generation is as fast (three rounds of alternating
 * runs: 1.60–1.65 s against 1.64–1.65 s) and keeps the worst run lower (180–193 MiB against 204–264).
 */
const YOUNG_GENERATION_MB = 16;
const OLD_GENERATION_MB = 512;
/**
 * The worker's young generation at its full size from the start: half of it is the semi-space objects
 * are allocated in (8 MiB of 16, as V8 reports it). V8 starts one at 1 MiB and doubles it as objects
 * survive, so loading the bundle and the first connectors took a scavenge every few megabytes. Set
 * before the worker starts (a heap's sizes are read when it is made); on Node 24 that costs start-up
 * nothing, unlike the flags in WORKER_GC_FLAGS (measured on the trivial connector). Alternating runs: the
 * corpus 30–65 ms faster (three rounds of 12–16), Encodian ~20 ms, the same RSS.
 */
const YOUNG_SEMI_SPACE_FLAG = `--min-semi-space-size=${YOUNG_GENERATION_MB / 2}`;
/** Node 20's worker start-up is ~40 ms slower with that flag (measured); Node 24's, which the Action runs on, is not. */
const youngAtFullSize = (nodeVersion) => Number(nodeVersion.split('.')[0]) >= 24;
/**
 * How the worker's full collections run. By default V8 marks the old generation concurrently, while
 * the gate goes on; everything allocated meanwhile (the tree of the file being checked) counts as
 * live for that collection, and V8 sets the next limit from that count. In some runs this snowballs
 * (measured with --trace-gc: 47 → 40, 77 → 68, 122 → 110 MB "live" in a row, where a collection
 * between connectors finds 12 MB), and those runs peaked at 210–260 MiB RSS. Atomic collections
 * count only what is live, and a growing factor of 2 (V8's own is 1.1–1.4 for this heap) keeps
 * them few: 6 a corpus run, ~20 ms each (9 with V8's factor, 45–85 ms slower). Alternating runs on the
 * corpus: as fast (1.486 s against 1.499 s, lower halves of 14 runs), peak RSS 152–183 MiB
 * (median 158) against 162–227 (median 181).
 */
const WORKER_GC_FLAGS = (/* unused pure expression or super */ null && (['--no-incremental-marking', '--heap-growing-percent=100']));
/**
 * Called by each worker entry first thing. V8 flags are process-wide and these are read whenever a
 * collection is planned, so the worker sets them for itself (the launcher's thread only waits). Set
 * by the launcher before the worker starts, they made start-up 35–40 ms slower (most likely the
 * worker's built-in modules then load without their code cache, which V8 checks against the flags).
 */
function tuneGarbageCollection() {
    for (const flag of WORKER_GC_FLAGS)
        v8.setFlagsFromString(flag);
}
/** Called in the worker once the gate has run, before any file, report or API call (see LauncherData). */
function commitOutput() {
    const data = workerData;
    if (data?.committed)
        Atomics.store(data.committed, 0, 1);
}
/** Why a run starts again: what the first one printed may show twice. */
const RETRY_NOTE = 'connector-gate: the run outgrew its bounded memory before writing any result; running it again without the bound (lines above may repeat)';
/**
 * Runs `entry` (a path relative to the launcher's bundle) in a worker with the process's arguments;
 * the process exits with the worker's exit code. A run that needs more than the bounded old generation
 * (a hostile 30 MB file can) runs again without that limit, after a note that lines it printed may
 * repeat, so a small heap does not make a run fail; but not once it has committed (see LauncherData),
 * since what it wrote or posted must not happen twice. When the worker dies without handling it (out
 * of memory then, an uncaught error), the run fails with a message that blames the tool.
 */
function runInWorker(entry, options, bounded = true) {
    if (youngAtFullSize(process.versions.node))
        external_node_v8_default().setFlagsFromString(YOUNG_SEMI_SPACE_FLAG);
    const committed = new Int32Array(new SharedArrayBuffer(4));
    const workerData = { stdoutIsTTY: Boolean(process.stdout.isTTY), committed };
    // A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to copy.
    const worker = new external_node_worker_threads_namespaceObject.Worker(external_node_path_default().join(external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)), entry), {
        argv: process.argv.slice(2),
        workerData,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(bounded ? { maxOldGenerationSizeMb: OLD_GENERATION_MB } : {}) },
    });
    let failed = false;
    let retry = false;
    worker.on('error', (error) => {
        if (bounded && error.code === 'ERR_WORKER_OUT_OF_MEMORY' && Atomics.load(committed, 0) === 0) {
            retry = true;
            return;
        }
        failed = true;
        const detail = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
        options.fail(inertForRunner(toolFailureMessage(detail.replace(/\s+/g, ' ').slice(0, 1000))));
    });
    worker.on('exit', (code) => {
        if (retry) {
            options.say(RETRY_NOTE);
            runInWorker(entry, options, false);
        }
        else
            process.exitCode = failed ? options.failureCode : code;
    });
}

;// CONCATENATED MODULE: ./src/index.ts
// Entry point of the GitHub Action (bundled to dist/index.js): runs the Action (src/action/worker.ts,
// bundled to dist/worker/index.js) in a worker (see src/launcher.ts).

/** A workflow command's message, escaped as @actions/core does. */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
runInWorker('worker/index.js', {
    fail: (message) => process.stdout.write(`::error::${escapeData(message)}\n`),
    failureCode: 1,
    // A line of the step's log: nothing in it can start a workflow command.
    say: (line) => process.stdout.write(`${line}\n`),
});

