// A check run named "connector-gate" carrying every finding as an annotation. GitHub takes at most
// 50 annotations per request: the run is created with the first 50 and updated with the next.
import type { Finding, Level } from '../engine/types.js';
import { ruleDocUrl, TOOL_NAME } from '../report/links.js';
import { bySeverity, levelSummary, countLevels, truncate } from '../report/text.js';
import type { GitHubClient } from './client.js';

export const ANNOTATIONS_PER_REQUEST = 50;
/** More than this would cost over 40 requests; the rest are counted in the check's summary. */
export const MAX_CHECK_ANNOTATIONS = 2000;

const ANNOTATION_LEVEL: Record<Level, 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', notice: 'notice' };

export function checkAnnotation(finding: Finding) {
  const sameLine = finding.line === finding.endLine;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: finding.endLine,
    // GitHub accepts columns only on single-line annotations.
    ...(sameLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn) } : {}),
    annotation_level: ANNOTATION_LEVEL[finding.level],
    title: truncate(`${TOOL_NAME} ${finding.ruleId}`, 255),
    message: truncate(finding.message, 4000),
    raw_details: ruleDocUrl(finding.ruleId),
  };
}

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  findings: readonly Finding[];
  /** Markdown, at most 65,535 characters. */
  summary: string;
  conclusion: 'success' | 'failure';
}

/** Creates the check run and sends the annotations in batches; returns the number of requests. */
export async function publishCheckRun(client: GitHubClient, request: CheckRunRequest): Promise<{ id: number; batches: number }> {
  // Findings with a path outside the repository (an explicit path outside the workspace) cannot be annotated.
  const annotatable = bySeverity(request.findings).filter((finding) => !finding.file.startsWith('/') && !/^[A-Za-z]:/.test(finding.file));
  const annotations = annotatable.slice(0, MAX_CHECK_ANNOTATIONS).map(checkAnnotation);
  const left = annotatable.length - annotations.length;
  const batches: (typeof annotations)[] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const counts = countLevels(request.findings);
  const title = levelSummary(counts);
  const summary = left > 0 ? `${request.summary}\n\n_${left} more findings are not annotated here; the job summary and the JSON report list them._` : request.summary;
  const output = (batch: typeof annotations) => ({ title, summary, annotations: batch });
  const done = () => ({ status: 'completed', conclusion: request.conclusion, completed_at: new Date().toISOString() });
  const base = { owner: request.owner, repo: request.repo };
  const created = await client.request<{ id: number }>('POST /repos/{owner}/{repo}/check-runs', {
    ...base,
    name: TOOL_NAME,
    head_sha: request.headSha,
    ...(batches.length === 1 ? done() : { status: 'in_progress' }),
    output: output(batches[0] ?? []),
  });
  const id = created.data.id;
  try {
    for (let i = 1; i < batches.length; i++) {
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...base,
        check_run_id: id,
        ...(i === batches.length - 1 ? done() : {}),
        output: output(batches[i] ?? []),
      });
    }
  } catch (error) {
    // Never leave the check "in progress" for ever: complete it with what was sent, then report.
    await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...base, check_run_id: id, ...done() }).catch(() => undefined);
    throw error;
  }
  return { id, batches: batches.length };
}
