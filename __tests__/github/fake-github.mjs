// A fake GitHub REST API for the end-to-end tests: a real HTTP server on 127.0.0.1 (random port)
// with in-memory state, running in a worker thread so that it keeps answering while the test
// thread is blocked in spawnSync (runAction). Plain JavaScript: worker threads load it untranspiled.
// Driven from fake-github.ts through messages.
import http from 'node:http';
import { parentPort } from 'node:worker_threads';

let state;

function reset(options) {
  state = {
    token: options.token,
    nextId: 1000,
    pulls: {},
    reviews: [],
    reviewComments: [],
    issueComments: [],
    checkRuns: [],
    faults: [],
    requests: [],
  };
}
reset({ token: '' });

/** Right-side hunk ranges of a unified-diff patch (an independent, minimal parse). */
function hunksOf(patch) {
  const hunks = [];
  for (const line of (patch ?? '').split('\n')) {
    const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!match) continue;
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    if (count > 0) hunks.push([start, start + count - 1]);
  }
  return hunks;
}

function reply(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
  return status;
}

function paginate(res, url, items) {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const page = Number(url.searchParams.get('page') ?? 1);
  return reply(res, 200, items.slice((page - 1) * perPage, page * perPage));
}

const notFound = (res) => reply(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
const invalid = (res, message) => reply(res, 422, { message: 'Unprocessable Entity', errors: [message], status: '422' });

function route(req, res, url, body) {
  const method = req.method;
  const p = url.pathname;
  let m;
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(p)) && method === 'GET') {
    const pull = state.pulls[m[3]];
    return pull ? paginate(res, url, pull.files) : notFound(res);
  }
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/comments$/.exec(p)) && method === 'GET') {
    return paginate(res, url, state.reviewComments.filter((c) => c.pull_number === Number(m[3])));
  }
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/.exec(p)) && method === 'POST') {
    const pull = state.pulls[m[3]];
    if (!pull) return notFound(res);
    if (!['COMMENT', 'APPROVE', 'REQUEST_CHANGES'].includes(body.event)) return invalid(res, 'event');
    if (body.event === 'COMMENT' && !body.body) return invalid(res, 'body is required for COMMENT');
    const comments = body.comments ?? [];
    for (const comment of comments) {
      const file = pull.files.find((f) => f.filename === comment.path);
      if (!file || file.status === 'removed') return invalid(res, 'Path could not be resolved');
      if (comment.side !== 'RIGHT') return invalid(res, 'side');
      const start = comment.start_line ?? comment.line;
      const inDiff = hunksOf(file.patch).some(([a, b]) => a <= start && comment.line <= b);
      if (!inDiff || start > comment.line) return invalid(res, 'Pull request review thread line must be part of the diff');
    }
    const review = { id: state.nextId++, body: body.body, event: body.event, commit_id: body.commit_id, pull_number: Number(m[3]) };
    state.reviews.push(review);
    for (const comment of comments) {
      state.reviewComments.push({
        id: state.nextId++,
        pull_number: Number(m[3]),
        pull_request_review_id: review.id,
        path: comment.path,
        line: comment.line,
        start_line: comment.start_line ?? null,
        side: 'RIGHT',
        start_side: comment.start_line === undefined ? null : 'RIGHT',
        original_line: comment.line,
        commit_id: body.commit_id,
        body: comment.body,
        user: { login: 'github-actions[bot]' },
      });
    }
    return reply(res, 200, review);
  }
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/comments\/(\d+)$/.exec(p))) {
    const index = state.reviewComments.findIndex((c) => c.id === Number(m[3]));
    if (index < 0) return notFound(res);
    if (method === 'PATCH') {
      if (typeof body.body !== 'string') return invalid(res, 'body');
      state.reviewComments[index].body = body.body;
      return reply(res, 200, state.reviewComments[index]);
    }
    if (method === 'DELETE') {
      state.reviewComments.splice(index, 1);
      return reply(res, 204);
    }
  }
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(p))) {
    if (method === 'GET') return paginate(res, url, state.issueComments.filter((c) => c.issue_number === Number(m[3])));
    if (method === 'POST') {
      if (typeof body.body !== 'string' || body.body.length > 65536) return invalid(res, 'body is too long (maximum is 65536 characters)');
      const comment = { id: state.nextId++, issue_number: Number(m[3]), body: body.body, user: { login: 'github-actions[bot]' } };
      state.issueComments.push(comment);
      return reply(res, 201, comment);
    }
  }
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(p))) {
    const index = state.issueComments.findIndex((c) => c.id === Number(m[3]));
    if (index < 0) return notFound(res);
    if (method === 'PATCH') {
      if (typeof body.body !== 'string' || body.body.length > 65536) return invalid(res, 'body is too long (maximum is 65536 characters)');
      state.issueComments[index].body = body.body;
      return reply(res, 200, state.issueComments[index]);
    }
    if (method === 'DELETE') {
      state.issueComments.splice(index, 1);
      return reply(res, 204);
    }
  }
  const checkOutput = (output, run) => {
    if (!output) return undefined;
    if (!output.title || typeof output.summary !== 'string') return 'output needs title and summary';
    if (output.summary.length > 65535) return 'summary is too long';
    const annotations = output.annotations ?? [];
    if (annotations.length > 50) return 'at most 50 annotations per request';
    for (const a of annotations) {
      if (!a.path || !a.start_line || !a.end_line || !['notice', 'warning', 'failure'].includes(a.annotation_level) || !a.message) return 'bad annotation';
      if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) return 'columns on a multi-line annotation';
    }
    run.output = { title: output.title, summary: output.summary, annotations: [...(run.output?.annotations ?? []), ...annotations] };
    return undefined;
  };
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(p)) && method === 'POST') {
    if (!body.name || !body.head_sha) return invalid(res, 'name and head_sha are required');
    if (body.status === 'completed' && !body.conclusion) return invalid(res, 'conclusion is required when completed');
    const run = { id: state.nextId++, name: body.name, head_sha: body.head_sha, status: body.status ?? 'queued', conclusion: body.conclusion ?? null };
    const problem = checkOutput(body.output, run);
    if (problem) return invalid(res, problem);
    state.checkRuns.push(run);
    return reply(res, 201, run);
  }
  if ((m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/.exec(p)) && method === 'PATCH') {
    const run = state.checkRuns.find((r) => r.id === Number(m[3]));
    if (!run) return notFound(res);
    if (run.status === 'completed') return invalid(res, 'the check run is completed');
    if (body.status === 'completed' && !body.conclusion) return invalid(res, 'conclusion is required when completed');
    const problem = checkOutput(body.output, run);
    if (problem) return invalid(res, problem);
    if (body.status) run.status = body.status;
    if (body.conclusion) run.conclusion = body.conclusion;
    return reply(res, 200, run);
  }
  return notFound(res);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const text = Buffer.concat(chunks).toString('utf8');
    let body = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { unparsable: text };
    }
    const entry = { method: req.method, path: url.pathname, query: url.search, body: text ? body : undefined, at: Date.now(), status: 0 };
    state.requests.push(entry);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${state.token}` && auth !== `Bearer ${state.token}`) {
      entry.status = reply(res, 401, { message: 'Bad credentials' });
      return;
    }
    const fault = state.faults.find((f) => f.method === req.method && new RegExp(f.path).test(url.pathname) && f.times > 0);
    if (fault) {
      fault.times--;
      entry.status = reply(res, fault.status, fault.body ?? { message: 'fault' }, fault.headers ?? {});
      return;
    }
    entry.status = route(req, res, url, body);
  });
});

server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ ready: server.address().port });
});

parentPort.on('message', ({ id, command, args }) => {
  let result;
  switch (command) {
    case 'reset':
      reset(args);
      break;
    case 'state':
      result = state;
      break;
    case 'setPull':
      state.pulls[args.number] = { files: args.files };
      break;
    case 'fault':
      state.faults.push({ times: 1, ...args });
      break;
    case 'editReviewComment': {
      const comment = state.reviewComments.find((c) => c.id === args.id);
      Object.assign(comment, args.changes);
      break;
    }
    case 'clearRequests':
      state.requests = [];
      break;
    case 'close':
      server.close();
      server.closeAllConnections?.();
      break;
  }
  parentPort.postMessage({ id, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
});
