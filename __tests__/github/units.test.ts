// The pieces of the pull request features that need no server: diffs, suggestions, fingerprints, retries.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { retryDelay, describeError } from '../../src/github/client.js';
import { inOneHunk, parseGitDiff, parsePatch, touchesAdded } from '../../src/github/diff.js';
import { fingerprint, fingerprints, markerOf, findingMarker } from '../../src/github/markers.js';
import { SourceTexts, suggestionBlock, suggestionFor } from '../../src/github/suggestion.js';
import { touchedConnectors } from '../../src/github/changes.js';
import { sourceUrlOf, type RunContext } from '../../src/github/context.js';
import { isNewFinding } from '../../src/github/index.js';
import { tempDir, writeTree } from '../helpers.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'op-visibility',
  criterion: 'completeness',
  level: 'warning',
  message: 'm',
  connector: 'c',
  file: 'c/apiDefinition.swagger.json',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 2,
  ...over,
});

describe('parsePatch', () => {
  it('finds added lines and right-side hunk ranges', () => {
    const diff = parsePatch(['@@ -1,4 +1,5 @@', ' a', '-b', '+B', '+C', ' d', ' e', '@@ -20,2 +21,0 @@', '-x', '-y', '@@ -40 +40 @@', '-z', '+Z', '\\ No newline at end of file'].join('\n'));
    expect([...diff.added]).toEqual([2, 3, 40]);
    expect(diff.hunks).toEqual([
      { start: 1, end: 5 },
      { start: 40, end: 40 },
    ]);
    expect(inOneHunk(diff, 1, 5)).toBe(true);
    expect(inOneHunk(diff, 5, 6)).toBe(false);
    expect(touchesAdded(diff, 4, 5)).toBe(false);
    expect(touchesAdded(diff, 3, 4)).toBe(true);
  });

  it('reads git diff output: renames, deletions, binaries, quoted paths', () => {
    const output = [
      'diff --git a/x/old.json b/x/new.json',
      'similarity index 90%',
      'rename from x/old.json',
      'rename to x/new.json',
      '--- a/x/old.json',
      '+++ b/x/new.json',
      '@@ -1 +1 @@',
      '-1',
      '+2',
      'diff --git a/gone/apiDefinition.swagger.json b/gone/apiDefinition.swagger.json',
      'deleted file mode 100644',
      '--- a/gone/apiDefinition.swagger.json',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-{}',
      'diff --git a/c/icon.png b/c/icon.png',
      'Binary files a/c/icon.png and b/c/icon.png differ',
      'diff --git "a/c/t\\303\\251st.md" "b/c/t\\303\\251st.md"',
      '--- "a/c/t\\303\\251st.md"',
      '+++ "b/c/t\\303\\251st.md"',
      '@@ -0,0 +1 @@',
      '+hi',
    ].join('\n');
    const files = parseGitDiff(output);
    expect(files.map((f) => [f.previousPath, f.path, [...f.diff.added], Boolean(f.diff.wholeFile)])).toEqual([
      ['x/old.json', 'x/new.json', [1], false],
      ['gone/apiDefinition.swagger.json', undefined, [], false],
      ['c/icon.png', 'c/icon.png', [], true],
      ['c/tést.md', 'c/tést.md', [1], false],
    ]);
  });
});

describe('new-only', () => {
  it('counts a finding as new on an added line, and a breaking change as new wherever it sits', () => {
    const diffs = new Map([['c/apiDefinition.swagger.json', parsePatch(['@@ -1,2 +1,3 @@', ' a', '+b', ' c'].join('\n'))]]);
    expect(isNewFinding(finding({ line: 2, endLine: 2 }), diffs)).toBe(true);
    expect(isNewFinding(finding({ line: 3, endLine: 3 }), diffs)).toBe(false);
    expect(isNewFinding(finding({ file: 'c/apiProperties.json' }), diffs)).toBe(false);
    // A deleted operation is reported on its unchanged parent line: still the pull request's doing.
    expect(isNewFinding(finding({ ruleId: 'breaking-operation-removed', criterion: 'compatibility', line: 3, endLine: 3 }), diffs)).toBe(true);
  });
});

describe('suggestions', () => {
  it('applies a one-line fix to its line, keeping CRLF files and inserted lines apart', () => {
    const text = '{\r\n  "get": {\r\n    "summary": "x"\r\n  }\r\n}\r\n';
    const root = writeTree({ 'c/apiDefinition.swagger.json': text });
    const offset = text.indexOf('{', 3) + 1;
    const fixed = suggestionFor(finding({ fix: { offset, length: 0, text: '\r\n    "x-ms-visibility": "important",' } }), new SourceTexts(root));
    expect(fixed).toEqual({ startLine: 2, endLine: 2, lines: ['  "get": {', '    "x-ms-visibility": "important",'] });
  });

  it('refuses a fix that spans lines, and fences around backticks', () => {
    const text = 'a\nbc\nd\n';
    const root = writeTree({ 'c/apiDefinition.swagger.json': text });
    expect(suggestionFor(finding({ fix: { offset: 2, length: 3, text: 'z' } }), new SourceTexts(root))).toBeUndefined();
    expect(suggestionFor(finding({ fix: { offset: 2, length: 2, text: 'z' } }), new SourceTexts(root))?.lines).toEqual(['z']);
    expect(suggestionBlock(['a ``` b'])).toBe('````suggestion\na ``` b\n````');
    expect(suggestionFor(finding({ file: '../etc/passwd', fix: { offset: 0, length: 0, text: '' } }), new SourceTexts(root))).toBeUndefined();
  });
});

describe('fingerprints', () => {
  it('ignore the line, tell duplicates apart, and round-trip through the marker', () => {
    expect(fingerprint(finding({ line: 2 }))).toBe(fingerprint(finding({ line: 90, endLine: 90 })));
    expect(fingerprint(finding())).not.toBe(fingerprint(finding({ message: 'other' })));
    const ids = fingerprints([finding(), finding()]);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(markerOf(`text\n\n${findingMarker(ids[1] as string)}`)).toBe(ids[1]);
    expect(markerOf('no marker')).toBeUndefined();
  });
});

describe('retries', () => {
  const failure = (status: number, headers: Record<string, string> = {}, message = 'x') => Object.assign(new Error(message), { status, response: { headers } });
  it('waits Retry-After or until the rate-limit reset; never retries a plain 403', () => {
    expect(retryDelay(failure(429, { 'retry-after': '1' }), 0)).toBe(1000);
    expect(retryDelay(failure(403, { 'retry-after': '3' }), 0)).toBe(3000);
    expect(retryDelay(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' }), 0, 1_000_000)).toBe(11_000);
    expect(retryDelay(failure(403), 0)).toBeUndefined();
    expect(retryDelay(failure(422), 0)).toBeUndefined();
    expect(retryDelay(failure(502), 0)).toBe(1000);
    expect(retryDelay(failure(502), 2)).toBeUndefined();
  });
  it('never repeats the token', () => {
    expect(describeError(failure(401, {}, 'bad token ghs_secret here'), 'ghs_secret')).toBe('HTTP 401: bad token *** here');
  });
});

describe('touchedConnectors', () => {
  it('maps changed files to the nearest connector folder inside the paths; deleted folders count for nothing', () => {
    const root = writeTree(
      {
        'a/One/apiDefinition.swagger.json': '{}',
        'a/One/docs/notes.md': '',
        'a/Two/apiProperties.json': '{}',
        'b/Three/apiDefinition.swagger.json': '{}',
      },
      tempDir(),
    );
    const changed = ['a/One/docs/notes.md', 'a/Two/apiProperties.json', 'b/Three/apiDefinition.swagger.json', 'a/Gone/apiDefinition.swagger.json', '../x', 'README.md'];
    expect(touchedConnectors(root, ['a'], changed)).toEqual(['a/One', 'a/Two']);
    expect(touchedConnectors(root, ['.'], changed)).toEqual(['a/One', 'a/Two', 'b/Three']);
    expect(touchedConnectors(path.join(root), ['b/Three/apiDefinition.swagger.json'], changed)).toEqual(['b/Three']);
  });
});

describe('sourceUrlOf', () => {
  const sha = 'a'.repeat(40);
  const context: RunContext = { eventName: 'push', owner: 'octo', repo: 'frames', sha };

  it('links a file and line in the checked commit, each path segment encoded', () => {
    const url = sourceUrlOf(context, {});
    expect(url?.('certified-connectors/Contoso Frames/apiDefinition.swagger.json', 12)).toBe(
      `https://github.com/octo/frames/blob/${sha}/certified-connectors/Contoso%20Frames/apiDefinition.swagger.json#L12`,
    );
    expect(url?.('a#b/c?d.json', 3)).toBe(`https://github.com/octo/frames/blob/${sha}/a%23b/c%3Fd.json#L3`);
  });

  it('uses the run\'s server (GitHub Enterprise Server), without a trailing slash', () => {
    expect(sourceUrlOf(context, { GITHUB_SERVER_URL: 'https://ghe.example.com/' })?.('x.json', 1)).toBe(`https://ghe.example.com/octo/frames/blob/${sha}/x.json#L1`);
  });

  it('gives no links without a repository, a commit, or an http(s) server', () => {
    expect(sourceUrlOf({ ...context, owner: '' }, {})).toBeUndefined();
    expect(sourceUrlOf({ ...context, sha: '' }, {})).toBeUndefined();
    expect(sourceUrlOf({ ...context, sha: 'main' }, {})).toBeUndefined();
    expect(sourceUrlOf(context, { GITHUB_SERVER_URL: 'javascript:alert(1)' })).toBeUndefined();
  });
});
