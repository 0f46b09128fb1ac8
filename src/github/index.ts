// The pull request side of the Action: which connectors to check (changed-only), which findings
// count (new-only), and what to publish through the REST API (review comments, the sticky pull
// request comment, the check run). Nothing here can fail the job: a refused or failed request is
// reported in one log line, and annotations, the job summary and the verdict stay as they are.
import * as core from '@actions/core';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../engine/discover.js';
import type { Finding, GateReport } from '../engine/types.js';
import { findingLine, formatMarkdown, type SourceUrl } from '../report/markdown.js';
import { countLevels, plural } from '../report/text.js';
import { changesFromApi, changesFromGit, touchedConnectors, type Changes } from './changes.js';
import { publishCheckRun } from './checks.js';
import { describeError, GitHubClient, statusOf } from './client.js';
import { readRunContext, sourceUrlOf, type RunContext } from './context.js';
import { touchesAdded } from './diff.js';
import { PULL_REQUEST_RULE_IDS } from './pull-request-text.js';
import { planReview, syncReview, type PullRef } from './review.js';
import { syncSticky } from './sticky.js';
import { SourceTexts } from './suggestion.js';

export type Switch = boolean | 'auto';

export interface GithubInputs {
  token: string;
  changedOnly: Switch;
  newOnly: boolean;
  reviewComments: Switch;
  checkRun: boolean;
  prComment: Switch;
}

function parseSwitch(name: string, value: string, fallback: Switch, allowAuto: boolean): Switch {
  const text = value.trim().toLowerCase();
  if (text === '') return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (allowAuto && text === 'auto') return 'auto';
  throw new UsageError(`${name} must be true, false${allowAuto ? ' or auto' : ''}; got "${value.trim().slice(0, 40)}"`);
}

/** The pull request inputs (action.yml). Throws UsageError on a bad value. */
export function readGithubInputs(): GithubInputs {
  const token = core.getInput('github-token').trim();
  // The runner masks secrets it passed in, but not a token that reached us another way.
  if (token) core.setSecret(token);
  return {
    token,
    changedOnly: parseSwitch('changed-only', core.getInput('changed-only'), 'auto', true),
    newOnly: parseSwitch('new-only', core.getInput('new-only'), false, false) === true,
    reviewComments: parseSwitch('review-comments', core.getInput('review-comments'), 'auto', true),
    checkRun: parseSwitch('check-run', core.getInput('check-run'), false, false) === true,
    prComment: parseSwitch('pr-comment', core.getInput('pr-comment'), 'auto', true),
  };
}

/** Byte budgets: GitHub refuses comment and check summary bodies above 65,536 characters. */
const COMMENT_MARKDOWN_BYTES = 50_000;
const PRE_EXISTING_BYTES = 8_000;
const SUMMARY_PRE_EXISTING_BYTES = 60_000;

const short = (sha: string) => sha.slice(0, 7);

/** Whether a finding is the pull request's doing: on a line it added or changed, or a breaking change. */
export function isNewFinding(finding: Finding, diffs: Changes['diffs']): boolean {
  // A breaking change is new by definition, even when it sits on an unchanged parent line (a deletion).
  if (finding.criterion === 'compatibility') return true;
  // The pull request's title and body: line 1 of the definition stands in for them.
  if (PULL_REQUEST_RULE_IDS.has(finding.ruleId)) return true;
  const diff = diffs.get(finding.file);
  return diff !== undefined && touchesAdded(diff, finding.line, finding.endLine);
}

export class PullRequestRun {
  private preExisting: Finding[] = [];
  private newOnlyApplied = false;

  private constructor(
    private readonly inputs: GithubInputs,
    private readonly context: RunContext,
    private readonly root: string,
    private readonly client: GitHubClient | undefined,
    private readonly changes: Changes | undefined,
    /** Connector folders changed-only keeps; undefined: every connector. */
    private readonly touched: string[] | undefined,
    /** Paths for the engine. */
    readonly paths: string[],
  ) {}

  /** The files the pull request changes (repository-relative, sorted), when they were listed. */
  get changedFiles(): readonly string[] | undefined {
    return this.changes ? [...this.changes.paths].sort() : undefined;
  }

  /** Where the job summary and the pull request comment link a finding's file and line (see sourceUrlOf). */
  get sourceUrl(): SourceUrl | undefined {
    return sourceUrlOf(this.context);
  }

  /** Whether only connectors touched by the pull request are checked. */
  get changedOnly(): boolean {
    return this.touched !== undefined;
  }

  /** Reads the event, lists the pull request's changes when a feature needs them, and picks the paths to check. */
  static async prepare(inputs: GithubInputs, workspace: string, inputPaths: string[]): Promise<PullRequestRun> {
    const context = readRunContext();
    const root = realpathSync(workspace);
    const client = inputs.token ? new GitHubClient(inputs.token) : undefined;
    const pr = context.pullRequest;
    if (context.problem) core.info(`connector-gate: ${context.problem}; checking every connector, without pull request features.`);
    const changedOnly = inputs.changedOnly === 'auto' ? pr !== undefined : inputs.changedOnly;
    if (!pr) {
      if (!context.problem && (inputs.changedOnly === true || inputs.newOnly)) {
        core.info(`connector-gate: changed-only and new-only apply to pull requests; this ${context.eventName || 'local'} run checks every connector and reports every finding.`);
      }
      return new PullRequestRun(inputs, context, root, client, undefined, undefined, inputPaths);
    }
    const needChanges = changedOnly || inputs.newOnly || inputs.reviewComments !== false;
    let changes = needChanges ? await loadChanges(client, context, pr, root) : undefined;
    if (changes && changes.diffs.size > 0 && ![...changes.diffs.keys()].some((file) => existsSync(path.join(root, ...file.split('/'))))) {
      // Repository paths that are not workspace paths (a checkout in a sub-folder, or of another
      // commit): matching them would check nothing and count nothing as new. Check everything.
      core.info(`connector-gate: none of the files pull request #${pr.number} changes is in the workspace (a checkout in a sub-folder, or of the base commit?); checking every connector and reporting every finding.`);
      changes = undefined;
    }
    if (!changes && (changedOnly || inputs.newOnly)) {
      return new PullRequestRun(inputs, context, root, client, undefined, undefined, inputPaths);
    }
    let touched: string[] | undefined;
    if (changedOnly && changes) {
      touched = touchedConnectors(root, inputPaths, changes.paths);
      const listed = touched.slice(0, 10).join(', ') + (touched.length > 10 ? `, … (${touched.length - 10} more)` : '');
      core.info(
        touched.length === 0
          ? `connector-gate: changed-only: pull request #${pr.number} changes no connector under ${inputPaths.join(', ')}; nothing to check.`
          : `connector-gate: changed-only: checking ${plural(touched.length, 'connector')} with files changed by pull request #${pr.number}: ${listed}`,
      );
    }
    return new PullRequestRun(inputs, context, root, client, changes, touched, touched ?? inputPaths);
  }

  /**
   * The report the gate judges: with new-only, the findings on lines the pull request added or
   * changed; the others are kept aside as pre-existing (summary only). Verdicts stay those of
   * every finding: they describe the connector, not the pull request.
   */
  gate(full: GateReport): GateReport {
    if (!this.inputs.newOnly || !this.changes) return full;
    this.newOnlyApplied = true;
    const diffs = this.changes.diffs;
    const connectors = full.connectors.map((connector) => {
      const kept: Finding[] = [];
      for (const finding of connector.findings) (isNewFinding(finding, diffs) ? kept : this.preExisting).push(finding);
      return { ...connector, findings: kept };
    });
    const counts = countLevels(connectors.flatMap((connector) => connector.findings));
    if (this.preExisting.length > 0) {
      core.info(`connector-gate: new-only: ${plural(this.preExisting.length, 'pre-existing finding')} on lines this pull request does not change (job summary only).`);
    }
    return { ...full, connectors, counts };
  }

  /** Markdown added after the job summary: what changed-only checked, the pre-existing findings. */
  summaryMarkdown(maxBytes = SUMMARY_PRE_EXISTING_BYTES): string {
    const parts: string[] = [];
    const number = this.context.pullRequest?.number;
    if (this.touched) {
      parts.push(
        this.touched.length === 0
          ? `_changed-only: pull request #${number} changes no connector package, so none was checked._`
          : `_changed-only: ${plural(this.touched.length, 'connector')} with files changed by pull request #${number} ${this.touched.length === 1 ? 'was' : 'were'} checked._`,
      );
    }
    if (this.newOnlyApplied && this.preExisting.length > 0) {
      const lines: string[] = [];
      let used = 0;
      for (const finding of this.preExisting) {
        const line = findingLine(finding, this.sourceUrl);
        if (used + Buffer.byteLength(line) + 1 > maxBytes) break;
        used += Buffer.byteLength(line) + 1;
        lines.push(line);
      }
      const left = this.preExisting.length - lines.length;
      parts.push(
        [
          `<details><summary>${plural(this.preExisting.length, 'pre-existing finding')} (on lines this pull request does not change: not annotated, not failing the check)</summary>`,
          '',
          ...lines,
          ...(left > 0 ? [`- … and ${left} more (see the JSON report)`] : []),
          '',
          '</details>',
        ].join('\n'),
      );
    }
    return parts.length > 0 ? `\n${parts.join('\n\n')}\n` : '';
  }

  /**
   * Review comments, the sticky comment and the check run, each when enabled and allowed.
   * Never throws; whatever was skipped or refused is said in one log line.
   */
  async publish(report: GateReport, fails: boolean): Promise<void> {
    const skipped = new Map<string, string[]>();
    let loud = false;
    const skip = (feature: string, setting: Switch, reason: string) => {
      skipped.set(reason, [...(skipped.get(reason) ?? []), feature]);
      if (setting === true) loud = true;
    };
    const { context, client } = this;
    const pr = context.pullRequest;
    const allowed = (feature: string, setting: Switch, needsPullRequest: boolean): boolean => {
      if (setting === false) return false;
      if (needsPullRequest && !pr) {
        if (setting === true) skip(feature, setting, `not a pull request run (${context.eventName || 'local'})`);
        return false;
      }
      // A pull_request run from a fork gets a read-only token whatever the workflow asks for.
      const reason = !client
        ? 'no github-token'
        : !context.owner || !context.repo
          ? 'GITHUB_REPOSITORY is not set'
          : pr?.fromFork && context.eventName === 'pull_request'
            ? 'the pull request comes from a fork, so the token is read-only'
            : undefined;
      if (reason) skip(feature, setting, reason);
      return reason === undefined;
    };
    const refused = (feature: string, setting: Switch, error: unknown, permission: string) => {
      const status = statusOf(error);
      const detail = describeError(error, this.inputs.token);
      skip(feature, setting, status === 403 || status === 404 ? `${detail}: the token cannot do this (the job needs permissions: ${permission})` : detail);
    };
    const sourceUrl = this.sourceUrl;
    const markdown = (maxBytes: number) => `${formatMarkdown(report, { maxBytes, ...(sourceUrl ? { sourceUrl } : {}) })}${this.summaryMarkdown(PRE_EXISTING_BYTES)}`;

    if (pr && allowed('review comments', this.inputs.reviewComments, true)) {
      const ref: PullRef = { owner: context.owner, repo: context.repo, number: pr.number, headSha: pr.headSha };
      try {
        if (!this.changes) throw new Error('the pull request diff is not available');
        const findings = report.connectors.flatMap((connector) => connector.findings);
        const plan = planReview(findings, this.changes.diffs, new SourceTexts(this.root));
        const outcome = await syncReview(client as GitHubClient, ref, plan);
        const outside = plan.outside + plan.overflow;
        core.info(
          `connector-gate: review comments: ${outcome.created} new, ${outcome.updated} updated, ${outcome.deleted} deleted, ${outcome.kept} unchanged` +
            (outside > 0 ? `; ${plural(outside, 'finding')} outside the diff ${outside === 1 ? 'is' : 'are'} in the job summary` : ''),
        );
      } catch (error) {
        refused('review comments', this.inputs.reviewComments, error, 'pull-requests: write');
      }
    }

    if (pr && allowed('the pull request comment', this.inputs.prComment, true)) {
      const ref: PullRef = { owner: context.owner, repo: context.repo, number: pr.number, headSha: pr.headSha };
      try {
        const body = `${markdown(COMMENT_MARKDOWN_BYTES)}\n<sub>connector-gate · commit ${short(pr.headSha)}</sub>\n`;
        const outcome = await syncSticky(client as GitHubClient, ref, body, report.connectors.length > 0);
        core.info(`connector-gate: pull request comment: ${outcome}.`);
      } catch (error) {
        refused('the pull request comment', this.inputs.prComment, error, 'pull-requests: write');
      }
    }

    if (allowed('the check run', this.inputs.checkRun, false)) {
      try {
        const headSha = pr?.headSha ?? context.sha;
        if (!headSha) throw new Error('GITHUB_SHA is not set');
        const { batches } = await publishCheckRun(client as GitHubClient, {
          owner: context.owner,
          repo: context.repo,
          headSha,
          findings: report.connectors.flatMap((connector) => connector.findings),
          summary: markdown(COMMENT_MARKDOWN_BYTES),
          conclusion: fails ? 'failure' : 'success',
        });
        core.info(`connector-gate: check run "connector-gate" completed (${plural(batches, 'request')} with annotations).`);
      } catch (error) {
        refused('the check run', this.inputs.checkRun, error, 'checks: write');
      }
    }

    if (skipped.size > 0) {
      const reasons = [...skipped.entries()].map(([reason, features]) => `${joinAnd(features)} (${reason})`);
      const line = `connector-gate: skipped ${reasons.join('; ')}. Annotations, the job summary and the verdict are not affected.`;
      if (loud) core.warning(line);
      else core.info(line);
    }
  }
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

async function loadChanges(client: GitHubClient | undefined, context: RunContext, pr: NonNullable<RunContext['pullRequest']>, root: string): Promise<Changes | undefined> {
  let problem: string;
  if (!client) problem = 'no github-token to list the pull request files';
  else {
    try {
      const changes = await changesFromApi(client, context.owner, context.repo, pr);
      if (changes !== 'truncated') return changes;
      problem = 'the pull request changes more than 3,000 files, more than the API lists';
    } catch (error) {
      problem = `the pull request files cannot be listed (${describeError(error, client.token)})`;
    }
  }
  const fromGit = changesFromGit(root, pr);
  if (fromGit) {
    core.info(`connector-gate: ${problem}; using git diff ${short(pr.baseSha)}...${short(pr.headSha)} instead.`);
    return fromGit;
  }
  core.info(
    `connector-gate: ${problem}, and the checkout lacks the base commit for git diff (actions/checkout with fetch-depth: 0 has it); checking every connector and reporting every finding.`,
  );
  return undefined;
}
