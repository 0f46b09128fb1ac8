// The pull request experience end to end: the bundled action (dist/index.js) against a fake GitHub
// REST API on 127.0.0.1, with a pull_request event payload on disk. Every request is recorded.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { gate, json, lineOf, tempDir } from '../helpers.js';
import { REPO, RUNTIMES, runAction, type ActionRun } from '../e2e/run-dist.js';
import { FakeGitHub, patchOf, pullRequestEnv, REPOSITORY, type PullFile, type PullRequestEvent, type RecordedRequest } from './fake-github.js';

// A token shaped like GitHub's installation tokens; it must never show up in any output.
const TOKEN = `ghs_${randomBytes(18).toString('hex')}`;
const NODE = RUNTIMES[0] as { name: string; bin: string };
const FRAMES = 'certified-connectors/Frames';
const SWAGGER = `${FRAMES}/apiDefinition.swagger.json`;
const BASE_SHA = 'a'.repeat(40);
const HEAD_1 = 'b'.repeat(40);
const HEAD_2 = 'c'.repeat(40);
const PR = 7;
const API = `/repos/${REPOSITORY}`;
const DOCS = 'https://github.com/connector-gate/connector-gate/blob/main/docs/rules/';

const CLEAN = readFileSync(path.join(REPO, 'examples/contoso-frames/apiDefinition.swagger.json'), 'utf8');
/** The base revision already has a problem (line 10) that the pull request does not touch. */
const BASE = CLEAN.replace('"support@contoso.com"', '"support(at)contoso.com"');
/** Head 1: a restricted word in the title (line 4), an upper-case visibility (line 30, fixable). */
const HEAD_TEXT_1 = BASE.replace('"title": "Contoso Frames"', '"title": "Contoso Frames API"').replace('"x-ms-visibility": "important"', '"x-ms-visibility": "Important"');
/** Head 2: the visibility fixed, a product name added to the description (line 5). */
const HEAD_TEXT_2 = HEAD_TEXT_1.replace('"x-ms-visibility": "Important"', '"x-ms-visibility": "important"').replace(
  'Contoso Frames makes custom picture frames.',
  'Contoso Frames makes custom picture frames for Power Automate.',
);

const TITLE_LINE = lineOf(HEAD_TEXT_1, '"title": "Contoso Frames API"');
const EMAIL_LINE = lineOf(BASE, 'support(at)contoso.com');
const VISIBILITY_LINE = lineOf(HEAD_TEXT_1, '"x-ms-visibility": "Important"');
const DESCRIPTION_LINE = lineOf(HEAD_TEXT_2, 'for Power Automate.');

let api: FakeGitHub;
beforeAll(async () => {
  api = await FakeGitHub.start(TOKEN);
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  await api.reset(TOKEN);
});

/** A checkout: Frames (the pull request's connector) and Broken (untouched, full of errors). */
function workspace(swagger: string): string {
  const root = tempDir();
  cpSync(path.join(REPO, 'examples/contoso-frames'), path.join(root, FRAMES), { recursive: true });
  cpSync(path.join(REPO, 'examples/broken-frames'), path.join(root, 'certified-connectors/Broken'), { recursive: true });
  writeFileSync(path.join(root, SWAGGER), swagger);
  return root;
}

const swaggerChange = (before: string, after: string): PullFile => ({ filename: SWAGGER, status: 'modified', patch: patchOf(before, after) });

/** The log without the ::add-mask:: commands (the runner consumes them; they are how masking works). */
const unmasked = (stdout: string): string => stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

function run(root: string, event: Partial<PullRequestEvent> = {}, inputs: Record<string, string> = {}, env: Record<string, string> = {}, bin = NODE.bin): ActionRun {
  const result = runAction(
    bin,
    root,
    { 'owned-domains': 'contoso.com', sla: '99.95', 'github-token': TOKEN, ...inputs },
    { ...pullRequestEnv(api, { number: PR, baseSha: BASE_SHA, headSha: HEAD_1, ...event }), ...env },
  );
  // Whatever happened, the token is in no output (log, summary, JSON report), except the runner's
  // own ::add-mask:: command, which the runner consumes and never shows.
  const report = result.outputs.report ? readFileSync(result.outputs.report, 'utf8') : '';
  expect(result.stdout.split('\n')).toContain(`::add-mask::${TOKEN}`);
  const log = unmasked(result.stdout);
  expect(log + result.stderr + result.summary + report).not.toContain(TOKEN);
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  return result;
}

const route = (request: RecordedRequest) => `${request.method} ${request.path}${request.query}`;
const writes = (requests: RecordedRequest[]) => requests.filter((request) => request.method !== 'GET');
const LIST = '?per_page=100&page=1';
const fileAnnotations = (result: ActionRun) => result.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command) && c.properties.file);

describe.each(RUNTIMES)('pull request features on $name', ({ bin }) => {
  it('reviews the diff lines (with a suggestion), posts one sticky comment, checks only the touched connector', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    const root = workspace(HEAD_TEXT_1);
    const result = run(root, {}, {}, {}, bin);

    // The verdict: Frames has errors (title, e-mail); Broken was not checked at all.
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::connector-gate: 2 error(s) and 1 warning(s); the gate fails on error');
    expect(result.summary).not.toContain('Broken');
    expect(fileAnnotations(result).map((c) => [c.command, c.properties.file, Number(c.properties.line)])).toEqual([
      ['error', SWAGGER, EMAIL_LINE],
      ['error', SWAGGER, TITLE_LINE],
      ['warning', SWAGGER, VISIBILITY_LINE],
    ]);

    const { requests, reviews, reviewComments, issueComments } = await api.state();
    expect(requests.map(route)).toEqual([
      `GET ${API}/pulls/${PR}/files${LIST}`,
      `GET ${API}/pulls/${PR}/comments${LIST}`,
      `POST ${API}/pulls/${PR}/reviews`,
      `GET ${API}/issues/${PR}/comments${LIST}`,
      `POST ${API}/issues/${PR}/comments`,
    ]);
    expect(requests.every((request) => request.status < 300)).toBe(true);

    // One review, two comments: the e-mail (line 10) is outside the diff, so it is in the summary only.
    const review = requests[2]?.body;
    expect(review).toMatchObject({ commit_id: HEAD_1, event: 'COMMENT' });
    expect(review?.body).toMatch(/^connector-gate: 2 problems on lines this pull request changes/);
    expect(review?.comments).toEqual([
      { path: SWAGGER, line: TITLE_LINE, side: 'RIGHT', body: expect.any(String) },
      { path: SWAGGER, line: VISIBILITY_LINE, side: 'RIGHT', body: expect.any(String) },
    ]);
    const [title, visibility] = review?.comments ?? [];
    expect(title?.body).toMatch(
      new RegExp(`^❌ \\*\\*error\\*\\* \\[\`info-title-words\`\\]\\(${DOCS}info-title-words\\.md\\) · connector-gate\n\nthe title &#39;Contoso Frames API&#39; contains the restricted word &#39;API&#39;`),
    );
    expect(title?.body).not.toContain('```suggestion');
    expect(title?.body).toMatch(/\n<!-- connector-gate:v1 [0-9a-f]{20} -->$/);
    // The suggestion is the line as the fix makes it, indentation and trailing comma included.
    const fixedLine = HEAD_TEXT_1.split('\n')[VISIBILITY_LINE - 1]?.replace('"Important"', '"important"');
    expect(visibility?.body).toContain(`[\`op-visibility\`](${DOCS}op-visibility.md)`);
    expect(visibility?.body).toContain(`\n\n\`\`\`suggestion\n${fixedLine}\n\`\`\`\n\n<!-- connector-gate:v1 `);
    expect(reviews).toHaveLength(1);
    expect(reviewComments).toHaveLength(2);

    // The sticky comment: marker first, the criteria table, both error findings, the commit.
    expect(issueComments).toHaveLength(1);
    const sticky = issueComments[0]?.body ?? '';
    expect(sticky.startsWith('<!-- connector-gate:v1 summary -->\n## ❌ connector-gate')).toBe(true);
    expect(sticky).toContain('| Connector | Profile | Eligible |');
    expect(sticky).toContain('| Frames | certified | ❌ no |');
    expect(sticky).toContain(`${SWAGGER}:${EMAIL_LINE}`);
    expect(sticky).toContain('_changed-only: 1 connector with files changed by pull request #7 was checked._');
    expect(sticky).toContain(`commit ${HEAD_1.slice(0, 7)}`);
    expect(result.stdout).toContain('connector-gate: review comments: 2 new, 0 updated, 0 deleted, 0 unchanged; 1 finding outside the diff is in the job summary');
  });
});

describe('pull request features', () => {
  it('a re-run changes nothing; a new push updates in place, deletes the fixed finding, adds the new one', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    const first = run(workspace(HEAD_TEXT_1));
    expect(first.status).toBe(1);
    const before = await api.state();
    const [titleComment, visibilityComment] = before.reviewComments;
    const sticky = before.issueComments[0];

    // Same commit, same files: reads only, not one write.
    await api.clearRequests();
    const again = run(workspace(HEAD_TEXT_1));
    expect(again.status).toBe(1);
    const second = await api.state();
    expect(second.requests.map(route)).toEqual([
      `GET ${API}/pulls/${PR}/files${LIST}`,
      `GET ${API}/pulls/${PR}/comments${LIST}`,
      `GET ${API}/issues/${PR}/comments${LIST}`,
    ]);
    expect(second.reviewComments).toEqual(before.reviewComments);
    expect(second.issueComments).toEqual(before.issueComments);
    expect(again.stdout).toContain('review comments: 0 new, 0 updated, 0 deleted, 2 unchanged');
    expect(again.stdout).toContain('pull request comment: unchanged.');

    // An older connector-gate wrote the title comment differently: it is updated in place.
    await api.editReviewComment(titleComment?.id as number, { body: `old text\n\n<!-- connector-gate:v1 ${/v1 ([0-9a-f]{20})/.exec(titleComment?.body ?? '')?.[1]} -->` });
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_2)]);
    await api.clearRequests();
    const pushed = run(workspace(HEAD_TEXT_2), { headSha: HEAD_2 });
    expect(pushed.status).toBe(1);
    const third = await api.state();
    expect(third.requests.map(route)).toEqual([
      `GET ${API}/pulls/${PR}/files${LIST}`,
      `GET ${API}/pulls/${PR}/comments${LIST}`,
      `POST ${API}/pulls/${PR}/reviews`,
      `PATCH ${API}/pulls/comments/${titleComment?.id}`,
      `DELETE ${API}/pulls/comments/${visibilityComment?.id}`,
      `GET ${API}/issues/${PR}/comments${LIST}`,
      `PATCH ${API}/issues/comments/${sticky?.id}`,
    ]);
    const newReview = third.requests[2]?.body;
    expect(newReview).toMatchObject({ commit_id: HEAD_2, event: 'COMMENT' });
    expect(newReview?.comments).toEqual([{ path: SWAGGER, line: DESCRIPTION_LINE, side: 'RIGHT', body: expect.stringContaining('[`info-description-words`]') }]);
    expect(third.requests[3]?.body?.body).toBe(titleComment?.body);
    // Two reviews in all (one per run that had something new), two comments now, one sticky comment.
    expect(third.reviews).toHaveLength(2);
    expect(third.reviewComments.map((c) => [c.id, c.line])).toEqual([
      [titleComment?.id, TITLE_LINE],
      [expect.any(Number), DESCRIPTION_LINE],
    ]);
    expect(third.issueComments.map((c) => c.id)).toEqual([sticky?.id]);
    expect(third.issueComments[0]?.body).toContain(`commit ${HEAD_2.slice(0, 7)}`);
    expect(third.issueComments[0]?.body).not.toContain('op-visibility');
  });

  it('a comment whose line moved (or went outdated) is replaced, not duplicated', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    run(workspace(HEAD_TEXT_1));
    const [titleComment, visibilityComment] = (await api.state()).reviewComments;
    // GitHub marks a comment outdated (line null) when its line changes in a later push.
    await api.editReviewComment(visibilityComment?.id as number, { line: null as unknown as number });
    await api.clearRequests();
    run(workspace(HEAD_TEXT_1));
    const { requests, reviewComments } = await api.state();
    expect(writes(requests).map(route)).toEqual([`POST ${API}/pulls/${PR}/reviews`, `DELETE ${API}/pulls/comments/${visibilityComment?.id}`]);
    expect(requests[2]?.body?.comments?.map((c) => c.line)).toEqual([VISIBILITY_LINE]);
    expect(reviewComments.map((c) => c.line)).toEqual([TITLE_LINE, VISIBILITY_LINE]);
    expect(reviewComments[0]?.id).toBe(titleComment?.id);
  });

  it('a token that cannot write (403) skips the writes with one log line; the verdict is unchanged', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    const denied = { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }, headers: { 'x-accepted-github-permissions': 'pull_requests=write' } };
    await api.fault({ method: 'POST', path: '/reviews$', ...denied });
    await api.fault({ method: 'POST', path: '/issues/\\d+/comments$', ...denied });
    await api.fault({ method: 'POST', path: '/check-runs$', ...denied, headers: { 'x-accepted-github-permissions': 'checks=write' } });
    const result = run(workspace(HEAD_TEXT_1), {}, { 'check-run': 'true' });
    const offline = run(workspace(HEAD_TEXT_1), {}, { 'review-comments': 'false', 'pr-comment': 'false' });

    expect(result.status).toBe(1);
    expect(result.status).toBe(offline.status);
    expect(result.outputs).toMatchObject({ errors: offline.outputs.errors, warnings: offline.outputs.warnings, eligible: 'false' });
    expect(fileAnnotations(result)).toEqual(fileAnnotations(offline));
    expect(result.stdout).toContain('::error::connector-gate: 2 error(s) and 1 warning(s); the gate fails on error');
    const lines = unmasked(result.stdout).split('\n').filter((line) => /403|skipped/.test(line));
    expect(lines).toEqual([
      '::warning::connector-gate: skipped review comments and the pull request comment (HTTP 403: Resource not accessible by integration: the token cannot do this (the job needs permissions: pull-requests: write)); ' +
        'the check run (HTTP 403: Resource not accessible by integration: the token cannot do this (the job needs permissions: checks: write)). Annotations, the job summary and the verdict are not affected.',
    ]);
    // A 403 without Retry-After is not retried.
    const { requests } = await api.state();
    expect(requests.filter((request) => request.status === 403)).toHaveLength(3);
    expect(writes(requests).filter((request) => request.status < 300)).toEqual([]);
  });

  it('with the default settings a 403 is an info line, not a warning annotation', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    await api.fault({ method: 'POST', path: '/reviews$', status: 403, body: { message: 'Resource not accessible by integration' } });
    const result = run(workspace(HEAD_TEXT_1));
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n').filter((line) => line.includes('skipped'));
    expect(lines).toEqual([expect.stringMatching(/^connector-gate: skipped review comments \(HTTP 403: Resource not accessible by integration: .*\)\. Annotations, the job summary and the verdict are not affected\.$/)]);
    expect((await api.state()).issueComments).toHaveLength(1);
  });

  it('a 422 on the review degrades to one log line; the sticky comment and the verdict are unaffected', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    await api.fault({ method: 'POST', path: '/reviews$', status: 422, body: { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] } });
    const result = run(workspace(HEAD_TEXT_1));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::connector-gate: 2 error(s) and 1 warning(s); the gate fails on error');
    expect(unmasked(result.stdout).split('\n').filter((line) => /422|skipped/.test(line))).toEqual([
      'connector-gate: skipped review comments (HTTP 422: Unprocessable Entity: "Pull request review thread line must be part of the diff"). Annotations, the job summary and the verdict are not affected.',
    ]);
    const { issueComments, reviewComments } = await api.state();
    expect(reviewComments).toEqual([]);
    expect(issueComments).toHaveLength(1);
  });

  it('honours Retry-After on a 429 and sends the request once more, not twice', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    await api.fault({ method: 'POST', path: '/issues/\\d+/comments$', status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit.' } });
    const result = run(workspace(HEAD_TEXT_1));
    expect(result.status).toBe(1);
    const { requests, issueComments } = await api.state();
    const posts = requests.filter((request) => route(request) === `POST ${API}/issues/${PR}/comments`);
    expect(posts.map((request) => request.status)).toEqual([429, 201]);
    expect((posts[1]?.at as number) - (posts[0]?.at as number)).toBeGreaterThanOrEqual(1000);
    expect(issueComments).toHaveLength(1);
    expect(result.stdout).toContain('retrying in 1 s');
  });

  it('a fork pull request: no write is attempted, one log line, annotations and summary as usual', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    const result = run(workspace(HEAD_TEXT_1), { headRepo: 'stranger/frames' }, { 'check-run': 'true' });
    expect(result.status).toBe(1);
    expect(fileAnnotations(result)).toHaveLength(3);
    expect(result.summary).toContain('| Frames | certified | ❌ no |');
    expect((await api.state()).requests.map(route)).toEqual([`GET ${API}/pulls/${PR}/files${LIST}`]);
    expect(result.stdout.split('\n').filter((line) => line.includes('skipped'))).toEqual([
      '::warning::connector-gate: skipped review comments, the pull request comment and the check run (the pull request comes from a fork, so the token is read-only). Annotations, the job summary and the verdict are not affected.',
    ]);
  });

  it('new-only: pre-existing findings neither annotate nor fail, and are listed in the summary', async () => {
    // The pull request only upper-cases the visibility; the broken e-mail was there before.
    const head = BASE.replace('"x-ms-visibility": "important"', '"x-ms-visibility": "Important"');
    await api.setPull(PR, [swaggerChange(BASE, head)]);
    const result = run(workspace(head), {}, { 'new-only': 'true', 'pr-comment': 'false' });
    const everything = run(workspace(head), {}, { 'review-comments': 'false', 'pr-comment': 'false' });

    expect(everything.status).toBe(1);
    expect(result.status).toBe(0);
    expect(fileAnnotations(result).map((c) => [c.command, c.properties.line])).toEqual([['warning', String(VISIBILITY_LINE)]]);
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(result.summary).toContain('<details><summary>1 pre-existing finding (on lines this pull request does not change: not annotated, not failing the check)</summary>');
    // file:line links to the file in the checked commit (GITHUB_SHA) on the run's server, in the findings and the pre-existing list.
    expect(result.summary).toContain(
      `- <a href="https://github.com/${REPOSITORY}/blob/${'f'.repeat(40)}/${SWAGGER}#L${VISIBILITY_LINE}"><code>${SWAGGER}:${VISIBILITY_LINE}</code></a> ⚠️ warning`,
    );
    expect(result.summary).toContain(
      `- <a href="https://github.com/${REPOSITORY}/blob/${'f'.repeat(40)}/${SWAGGER}#L${EMAIL_LINE}"><code>${SWAGGER}:${EMAIL_LINE}</code></a> ❌ error [info-contact]`,
    );
    // The JSON report still has every finding.
    const report = JSON.parse(readFileSync(result.outputs.report as string, 'utf8'));
    expect(report.connectors[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['info-contact', 'op-visibility']));
    const review = (await api.state()).requests.find((request) => request.path.endsWith('/reviews'));
    expect(review?.body?.comments?.map((c) => c.line)).toEqual([VISIBILITY_LINE]);
  });

  it('changed-only: a pull request that deletes a connector checks nothing and is not an error', async () => {
    await api.setPull(PR, [{ filename: 'certified-connectors/Gone/apiDefinition.swagger.json', status: 'removed', changes: 40 }]);
    const result = run(workspace(BASE));
    expect(result.status).toBe(0);
    expect(result.commands.filter((c) => c.command === 'warning' || c.command === 'error')).toEqual([]);
    expect(result.stdout).toContain('connector-gate: changed-only: pull request #7 changes no connector under .; nothing to check.');
    expect(result.summary).toContain('_changed-only: pull request #7 changes no connector package, so none was checked._');
    // Nothing checked and no earlier comment: no sticky comment is created.
    const { requests } = await api.state();
    expect(writes(requests)).toEqual([]);
  });

  it('changed files that are not in the workspace (a sub-folder checkout): everything is checked, nothing counts as pre-existing', async () => {
    await api.setPull(PR, [{ ...swaggerChange(BASE, HEAD_TEXT_1), filename: `connectors-repo/${SWAGGER}` }]);
    const result = run(workspace(HEAD_TEXT_1), {}, { 'new-only': 'true', 'pr-comment': 'false' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('connector-gate: none of the files pull request #7 changes is in the workspace');
    expect(result.summary).toContain('| Broken |');
    expect(result.summary).not.toContain('pre-existing');
    expect(writes((await api.state()).requests)).toEqual([]);
  });

  it('a repository checked out in a sub-folder (actions/checkout with path:): repository paths throughout', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    const root = tempDir();
    cpSync(workspace(HEAD_TEXT_1), path.join(root, 'checkout'), { recursive: true });
    execFileSync('git', ['init', '--quiet'], { cwd: path.join(root, 'checkout') });
    const result = run(root, {}, { path: 'checkout', 'pr-comment': 'false' });
    expect(result.status).toBe(1);
    expect(result.summary).not.toContain('Broken');
    expect(fileAnnotations(result).map((c) => [c.command, c.properties.file, Number(c.properties.line)])).toEqual([
      ['error', SWAGGER, EMAIL_LINE],
      ['error', SWAGGER, TITLE_LINE],
      ['warning', SWAGGER, VISIBILITY_LINE],
    ]);
    const review = (await api.state()).requests.find((request) => request.method === 'POST')?.body;
    expect(review?.comments?.map((comment: { path: string; line: number }) => [comment.path, comment.line])).toEqual([
      [SWAGGER, TITLE_LINE],
      [SWAGGER, VISIBILITY_LINE],
    ]);
  });

  it("a pull request that also changes another connector and the repository's own files fails pkg-single-connector-pr", async () => {
    await api.setPull(PR, [
      swaggerChange(CLEAN, CLEAN),
      { filename: 'certified-connectors/Broken/readme.md', status: 'modified', patch: '@@ -1 +1 @@\n-# Broken\n+# Broken Frames' },
      { filename: 'schemas/apiDefinition.swagger.schema.json', status: 'modified', patch: '@@ -1 +1 @@\n-{}\n+{ }' },
    ]);
    const result = run(workspace(CLEAN), {}, { 'review-comments': 'false', 'pr-comment': 'false' });
    // Every finding is in the JSON report (annotations are budgeted); both touched connectors get them.
    const report = JSON.parse(readFileSync(result.outputs.report as string, 'utf8'));
    const single = report.connectors
      .flatMap((c: { findings: Finding[] }) => c.findings)
      .filter((f: Finding) => f.ruleId === 'pkg-single-connector-pr')
      .map((f: Finding) => [f.level, f.file, f.line, f.message.split(';')[0]]);
    expect(single).toEqual([
      ['error', 'certified-connectors/Broken/apiDefinition.swagger.json', 1, "this pull request also changes files outside the connector folders ('schemas/apiDefinition.swagger.schema.json')"],
      ['error', 'certified-connectors/Broken/apiDefinition.swagger.json', 1, "this pull request also changes the connector 'certified-connectors/Frames'"],
      ['error', SWAGGER, 1, "this pull request also changes files outside the connector folders ('schemas/apiDefinition.swagger.schema.json')"],
      ['error', SWAGGER, 1, "this pull request also changes the connector 'certified-connectors/Broken'"],
    ]);
    expect(result.status).toBe(1);
  });

  it('on push, every connector is checked and no pull request request is sent', async () => {
    const result = run(workspace(HEAD_TEXT_1), {}, {}, { GITHUB_EVENT_NAME: 'push' });
    expect(result.status).toBe(1);
    expect(result.summary).toContain('| Broken |');
    expect(result.summary).toContain('| Frames |');
    expect((await api.state()).requests).toEqual([]);
  });

  it('without the files API (403), uses git diff when the checkout has the history', async () => {
    const root = workspace(BASE);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(path.join(root, SWAGGER), HEAD_TEXT_1);
    git('commit', '-q', '-am', 'head');
    const head = git('rev-parse', 'HEAD');
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    await api.fault({ method: 'GET', path: '/files$', status: 403, body: { message: 'Resource not accessible by integration' } });

    const result = run(root, { baseSha: base, headSha: head }, { 'pr-comment': 'false' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`the pull request files cannot be listed (HTTP 403: Resource not accessible by integration); using git diff ${base.slice(0, 7)}...${head.slice(0, 7)} instead.`);
    expect(result.summary).not.toContain('Broken');
    const review = (await api.state()).requests.find((request) => request.path.endsWith('/reviews'));
    expect(review?.body?.comments?.map((c) => [c.path, c.line])).toEqual([
      [SWAGGER, TITLE_LINE],
      [SWAGGER, VISIBILITY_LINE],
    ]);
  });

  it('check run: 300 findings go in 6 batches of 50, writes spaced a second apart, then the conclusion', async () => {
    const root = tempDir();
    const dir = path.join(root, 'certified-connectors/Many');
    cpSync(path.join(REPO, 'examples/contoso-frames'), dir, { recursive: true });
    const swagger = JSON.parse(CLEAN);
    const addOperations = (count: number) => {
      for (let i = 0; i < count; i++) {
        swagger.paths[`/things${i}`] = {
          get: { operationId: `GetThing${i}`, summary: `Get thing ${i}`, description: `Gets the thing number ${i} with its details.`, responses: { 200: { description: 'OK' } } },
        };
      }
      writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), json(swagger));
    };
    // Each added operation lacks x-ms-visibility (a warning); other rules may add a few findings
    // of their own (per file, per count of operations): adjust until there are exactly 300.
    const total = () => {
      const counts = gate(root, { ownedDomains: ['contoso.com'], sla: 99.95 }).counts;
      return counts.error + counts.warning + counts.notice;
    };
    let operations = 300;
    for (let attempt = 0; attempt < 5; attempt++) {
      swagger.paths = JSON.parse(CLEAN).paths;
      addOperations(operations);
      const found = total();
      if (found === 300) break;
      operations += 300 - found;
    }
    expect(total()).toBe(300);

    const result = runAction(
      NODE.bin,
      root,
      { 'owned-domains': 'contoso.com', sla: '99.95', 'github-token': TOKEN, 'check-run': 'true', 'fail-on': 'never' },
      { GITHUB_API_URL: api.url, GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: REPOSITORY, GITHUB_SHA: HEAD_1 },
    );
    expect(unmasked(result.stdout) + result.stderr + result.summary).not.toContain(TOKEN);
    expect(result.status).toBe(0);
    const { requests, checkRuns } = await api.state();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST ${API}/check-runs`,
      ...Array.from({ length: 5 }, () => `PATCH ${API}/check-runs/${checkRuns[0]?.id}`),
    ]);
    expect(requests.map((request) => request.body?.output?.annotations?.length)).toEqual([50, 50, 50, 50, 50, 50]);
    expect(requests[0]?.body).toMatchObject({ name: 'connector-gate', head_sha: HEAD_1, status: 'in_progress' });
    expect(requests.slice(1, 5).every((request) => request.body?.status === undefined)).toBe(true);
    expect(requests[5]?.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    for (let i = 1; i < requests.length; i++) expect((requests[i]?.at as number) - (requests[i - 1]?.at as number)).toBeGreaterThanOrEqual(900);
    expect(checkRuns).toHaveLength(1);
    expect(checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(checkRuns[0]?.output?.annotations).toHaveLength(300);
    const visibility = checkRuns[0]?.output?.annotations.filter((a) => a.title === 'connector-gate op-visibility');
    expect(visibility?.length).toBeGreaterThanOrEqual(290);
    expect(visibility?.[0]).toMatchObject({
      path: 'certified-connectors/Many/apiDefinition.swagger.json',
      annotation_level: 'warning',
      title: 'connector-gate op-visibility',
      raw_details: `${DOCS}op-visibility.md`,
    });
    expect(result.stdout).toContain('check run "connector-gate" completed (6 requests with annotations)');
  });

  it('check run on a pull request: on the head commit, completed in one request, failure when the gate fails', async () => {
    await api.setPull(PR, [swaggerChange(BASE, HEAD_TEXT_1)]);
    const result = run(workspace(HEAD_TEXT_1), {}, { 'check-run': 'true', 'review-comments': 'false', 'pr-comment': 'false' });
    expect(result.status).toBe(1);
    const { requests, checkRuns } = await api.state();
    expect(requests.map(route)).toEqual([`GET ${API}/pulls/${PR}/files${LIST}`, `POST ${API}/check-runs`]);
    expect(requests[1]?.body).toMatchObject({ name: 'connector-gate', head_sha: HEAD_1, status: 'completed', conclusion: 'failure' });
    expect(checkRuns[0]?.output?.title).toBe('2 errors, 1 warning, 0 notices');
    expect(checkRuns[0]?.output?.annotations.map((a) => [a.annotation_level, a.start_line, a.start_column, a.end_column])).toEqual([
      ['failure', TITLE_LINE, 18, 38],
      ['failure', EMAIL_LINE, 22, 46],
      ['warning', VISIBILITY_LINE, 36, 47],
    ]);
  });

  it('rejects a bad switch value as an input error', () => {
    const result = run(workspace(BASE), {}, { 'review-comments': 'maybe' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::connector-gate: invalid input: review-comments must be true, false or auto; got "maybe"');
  });
});
