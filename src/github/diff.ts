// Unified diffs: which lines of the new version a pull request added, and which lines GitHub lets
// a review comment sit on (the right side of a hunk: added and context lines).

export interface FileDiff {
  /** Right-side (new version) lines the change added or modified, 1-based. */
  added: Set<number>;
  /** Right-side line ranges of the hunks, inclusive: where a review comment may be placed. */
  hunks: { start: number; end: number }[];
  /**
   * The patch was not available (binary, too large): every line counts as changed for new-only,
   * and no line can carry a review comment.
   */
  wholeFile?: boolean;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Parses the hunks of one file's patch (the `patch` field of the pull request files API). */
export function parsePatch(patch: string): FileDiff {
  const diff: FileDiff = { added: new Set(), hunks: [] };
  let line = 0;
  let inHunk = false;
  for (const raw of patch.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = HUNK.exec(text);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      if (count > 0) diff.hunks.push({ start, end: start + count - 1 });
      line = start;
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const marker = text[0];
    if (marker === '+') diff.added.add(line++);
    else if (marker === ' ' || text === '') line++;
    // '-' lines exist only on the left side; '\ No newline at end of file' is not a line.
  }
  return diff;
}

/** Whether lines `from`..`to` all lie in one hunk (so one review comment can span them). */
export function inOneHunk(diff: FileDiff, from: number, to: number): boolean {
  return diff.hunks.some((hunk) => hunk.start <= from && to <= hunk.end);
}

/** Whether any line of `from`..`to` was added or changed by the pull request. */
export function touchesAdded(diff: FileDiff, from: number, to: number): boolean {
  if (diff.wholeFile) return true;
  for (let line = from; line <= to; line++) if (diff.added.has(line)) return true;
  return false;
}

/** Undoes git's C-style quoting of a path ("a\tb" → a<TAB>b, octal escapes as UTF-8 bytes). */
function unquoteGitPath(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = text[i + 1] as string;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface GitFileChange {
  /** New path; undefined when the file was deleted. */
  path?: string;
  /** Old path; undefined when the file was added. */
  previousPath?: string;
  diff: FileDiff;
}

/** Splits the output of `git diff` into files (new and old paths) with their parsed hunks. */
export function parseGitDiff(output: string): GitFileChange[] {
  const files: GitFileChange[] = [];
  let current: { path?: string; previousPath?: string; lines: string[]; binary: boolean } | undefined;
  const flush = () => {
    if (!current) return;
    const diff = parsePatch(current.lines.join('\n'));
    if (current.binary) diff.wholeFile = true;
    files.push({ path: current.path, previousPath: current.previousPath, diff });
  };
  for (const line of output.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush();
      current = { lines: [], binary: false };
      // "diff --git a/P b/P" (unquoted, same path): the only name an empty new file or a mode change has.
      const rest = line.slice(11);
      const half = (rest.length - 1) / 2;
      if (Number.isInteger(half) && rest.startsWith('a/') && rest.slice(half + 1).startsWith('b/') && rest.slice(2, half) === rest.slice(half + 3)) {
        current.path = current.previousPath = rest.slice(2, half);
      }
      continue;
    }
    if (!current) continue;
    if (current.lines.length === 0 && !line.startsWith('@@')) {
      if (line.startsWith('new file mode')) current.previousPath = undefined;
      else if (line.startsWith('deleted file mode')) current.path = undefined;
      else if (line.startsWith('--- ')) {
        const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
        current.previousPath = name === '/dev/null' ? undefined : name.replace(/^a\//, '');
      } else if (line.startsWith('+++ ')) {
        const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
        current.path = name === '/dev/null' ? undefined : name.replace(/^b\//, '');
      } else if (line.startsWith('rename from ')) current.previousPath = unquoteGitPath(line.slice(12));
      else if (line.startsWith('rename to ')) current.path = unquoteGitPath(line.slice(10));
      else if (line.startsWith('Binary files ')) {
        current.binary = true;
        const match = /^Binary files (.+) and (.+) differ$/.exec(line);
        if (match) {
          const [from, to] = [unquoteGitPath(match[1] as string), unquoteGitPath(match[2] as string)];
          current.previousPath = from === '/dev/null' ? undefined : from.replace(/^a\//, '');
          current.path = to === '/dev/null' ? undefined : to.replace(/^b\//, '');
        }
      }
      continue;
    }
    current.lines.push(line);
  }
  flush();
  return files;
}
