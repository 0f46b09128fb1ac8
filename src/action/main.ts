// The GitHub Action edge: inputs in; annotations, job summary, outputs and reports out.
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../engine/discover.js';
import { ACTIONS_FETCH_HINT, breakingOptions, openGitBase } from '../breaking/edge.js';
import { findingsBySeverity, runGate } from '../engine/run.js';
import { ConfigError, loadConfigFile } from '../config/load.js';
import { suppressionLine } from '../config/summary.js';
import type { GateConfig } from '../config/types.js';
import type { Finding, GateReport } from '../engine/types.js';
import { locateCheckout } from '../github/checkout.js';
import { PullRequestRun, readGithubInputs } from '../github/index.js';
import { readPullRequestText } from '../github/pull-request-text.js';
import { parseDomains, parseFailOn, parseProfile, parseSla, shouldFail, splitList, splitWords } from '../options.js';
import { commitOutput } from '../launcher.js';
import { toolFailureMessage } from '../tool-failure.js';
import { annotationOverflowMessage, GITHUB_ANNOTATION_LIMITS, planAnnotations } from '../report/annotations.js';
import { jsonReportChunks } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { writeChunks } from '../report/output.js';
import { sarifChunks } from '../report/sarif.js';
import { linkToActionRepository, ruleDocUrl } from '../report/links.js';
import { flatten, inertForRunner } from '../report/text.js';

function readInputs() {
  return {
    paths: splitList(core.getInput('path') || '.'),
    profile: parseProfile(core.getInput('profile')),
    ownedDomains: parseDomains(splitWords(core.getInput('owned-domains'))),
    sla: parseSla(core.getInput('sla')),
    failOn: parseFailOn(core.getInput('fail-on')),
    sarifFile: core.getInput('sarif-file').trim(),
    reportFile: core.getInput('report-file').trim(),
    config: core.getInput('config').trim(),
    base: core.getInput('base').trim(),
    github: readGithubInputs(),
  };
}

function annotate(finding: Finding): void {
  const sameLine = finding.line === finding.endLine;
  const properties: core.AnnotationProperties = {
    title: `connector-gate ${finding.ruleId}`,
    file: finding.file,
    startLine: finding.line,
    endLine: finding.endLine,
    // GitHub honours columns only on single-line annotations.
    ...(sameLine ? { startColumn: finding.column, endColumn: Math.max(finding.endColumn, finding.column) } : {}),
  };
  const message = `${finding.message} (${ruleDocUrl(finding.ruleId)})`;
  if (finding.level === 'error') core.error(message, properties);
  else if (finding.level === 'warning') core.warning(message, properties);
  else core.notice(message, properties);
}

function emitAnnotations(report: GateReport, reportFile: string, willFail: boolean): void {
  // The step's failure message is an error annotation too: keep a slot for it.
  const limits = { ...GITHUB_ANNOTATION_LIMITS, reservedErrors: willFail ? 1 : 0 };
  const { annotations, omitted } = planAnnotations(findingsBySeverity(report), limits);
  for (const finding of annotations) annotate(finding);
  if (omitted > 0) {
    core.notice(`${annotationOverflowMessage(omitted)} JSON report: ${reportFile}`, { title: 'connector-gate: more findings' });
  }
}

export async function run(): Promise<void> {
  linkToActionRepository(process.env);
  let inputs: ReturnType<typeof readInputs>;
  try {
    inputs = readInputs();
  } catch (error) {
    if (error instanceof UsageError) return core.setFailed(`connector-gate: invalid input: ${error.message}`);
    throw error;
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  // Findings, the config, git and the pull request use the repository's folder; output files the workspace.
  const checkout = locateCheckout(workspace, inputs.paths, inputs.config);
  if (checkout.folder) core.info(inertForRunner(`connector-gate: the repository is checked out in ${flatten(checkout.folder)}; paths are reported relative to it`));
  let config: GateConfig | undefined;
  try {
    config = loadConfigFile(checkout.root, checkout.config);
  } catch (error) {
    if (error instanceof ConfigError) return core.setFailed(`connector-gate: invalid config: ${error.message}`);
    throw error;
  }

  // Pull requests: changed-only picks the connectors, new-only the findings that count (src/github).
  // Breaking changes: the base revision from git (action.yml defaults it to the PR base or the pushed-over commit).
  const base = openGitBase(checkout.root, inputs.base, { hint: ACTIONS_FETCH_HINT });
  if (base.note) (base.note.level === 'info' ? core.info : core.notice)(base.note.message);
  const pullRequest = await PullRequestRun.prepare(inputs.github, checkout.root, checkout.paths);
  const pullRequestText = readPullRequestText();
  let report: GateReport;
  try {
    report = runGate({
      root: checkout.root,
      paths: pullRequest.paths,
      // Cross-connector rules (pr-not-duplicate, icon-unique) compare with every connector under the inputs' paths.
      repositoryPaths: checkout.paths,
      profile: inputs.profile,
      options: {
        ownedDomains: inputs.ownedDomains,
        ...(inputs.sla === undefined ? {} : { sla: inputs.sla }),
        ...breakingOptions(base, config),
        // The PR rules (pr-title-ip, pr-checklist) run on pull_request events only.
        ...(pullRequestText ? { pullRequest: pullRequestText } : {}),
        ...(pullRequest.changedFiles ? { changedFiles: pullRequest.changedFiles } : {}),
      },
      ...(config ? { config } : {}),
    });
  } catch (error) {
    if (error instanceof UsageError) return core.setFailed(`connector-gate: invalid input: ${error.message}`);
    throw error;
  }
  // From here on the run writes files and calls the API: it must not be started again (src/launcher.ts).
  commitOutput();

  for (const note of report.notes) core.warning(`connector-gate: ${note}`);
  for (const problem of base.problems) core.warning(`connector-gate: ${problem}`);
  const { suppressions } = report;
  if (suppressions) {
    core.info(`connector-gate: ${suppressionLine(suppressions)}`);
    for (const stale of suppressions.stale) {
      core.notice(stale.message, { title: 'connector-gate stale ignore entry', file: suppressions.configFile, startLine: stale.line, startColumn: stale.column });
    }
  }
  if (report.connectors.length === 0 && !pullRequest.changedOnly) core.warning(`connector-gate: no connector package (apiDefinition.swagger.json) found under ${checkout.paths.join(', ')}`);

  const reportFile = path.resolve(workspace, inputs.reportFile || path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'connector-gate', 'report.json'));
  writeChunks(reportFile, jsonReportChunks(report));
  // The JSON report and SARIF keep every finding; annotations, review, summary and verdict follow new-only.
  const full = report;
  report = pullRequest.gate(full);
  const fails = shouldFail(report, inputs.failOn);
  emitAnnotations(report, reportFile, fails);
  if (inputs.sarifFile) {
    const sarifFile = path.resolve(workspace, inputs.sarifFile);
    writeChunks(sarifFile, sarifChunks(full));
    core.setOutput('sarif-file', sarifFile);
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    const { sourceUrl } = pullRequest;
    await core.summary.addRaw(formatMarkdown(report, sourceUrl ? { sourceUrl } : {}) + pullRequest.summaryMarkdown()).write();
  }

  const eligible = report.connectors.every((connector) => connector.eligible);
  core.setOutput('errors', report.counts.error);
  core.setOutput('warnings', report.counts.warning);
  core.setOutput('eligible', String(eligible && report.internalErrors.length === 0));
  core.setOutput('report', reportFile);
  core.setOutput('suppressed', suppressions ? suppressions.ignored + suppressions.off : 0);

  await pullRequest.publish(report, fails);
  const { error: errors, warning: warnings } = report.counts;
  core.info(`connector-gate: ${report.connectors.length} connector(s), ${errors} error(s), ${warnings} warning(s)`);
  if (report.internalErrors.length > 0) core.setFailed(toolFailureMessage(report.internalErrors.join('; ')));
  else if (fails) {
    core.setFailed(`connector-gate: ${errors} error(s) and ${warnings} warning(s); the gate fails on ${inputs.failOn}`);
  }
}
