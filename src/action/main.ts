// The GitHub Action edge: inputs in; annotations, job summary, outputs and reports out.
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../engine/discover.js';
import { findingsBySeverity, runGate } from '../engine/run.js';
import type { Finding, GateReport } from '../engine/types.js';
import { parseDomains, parseFailOn, parseProfile, parseSla, shouldFail, splitList, toolFailureMessage } from '../options.js';
import { annotationOverflowMessage, GITHUB_ANNOTATION_LIMITS, planAnnotations } from '../report/annotations.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { ruleDocUrl } from '../report/links.js';

function readInputs() {
  return {
    paths: splitList(core.getInput('path') || '.'),
    profile: parseProfile(core.getInput('profile')),
    ownedDomains: parseDomains(splitList(core.getInput('owned-domains'))),
    sla: parseSla(core.getInput('sla')),
    failOn: parseFailOn(core.getInput('fail-on')),
    sarifFile: core.getInput('sarif-file').trim(),
    reportFile: core.getInput('report-file').trim(),
    config: core.getInput('config').trim(),
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

function writeFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export async function run(): Promise<void> {
  let inputs: ReturnType<typeof readInputs>;
  try {
    inputs = readInputs();
  } catch (error) {
    if (error instanceof UsageError) return core.setFailed(`connector-gate: invalid input: ${error.message}`);
    throw error;
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  if (inputs.config) core.warning(`connector-gate: the config input (${inputs.config}) is not read by this version yet; it is ignored.`);

  let report: GateReport;
  try {
    report = runGate({
      root: workspace,
      paths: inputs.paths,
      profile: inputs.profile,
      options: { ownedDomains: inputs.ownedDomains, ...(inputs.sla === undefined ? {} : { sla: inputs.sla }) },
    });
  } catch (error) {
    if (error instanceof UsageError) return core.setFailed(`connector-gate: invalid input: ${error.message}`);
    throw error;
  }

  for (const note of report.notes) core.warning(`connector-gate: ${note}`);
  if (report.connectors.length === 0) core.warning(`connector-gate: no connector package (apiDefinition.swagger.json) found under ${inputs.paths.join(', ')}`);

  const reportFile = path.resolve(workspace, inputs.reportFile || path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'connector-gate', 'report.json'));
  writeFile(reportFile, formatJson(report));
  const fails = shouldFail(report, inputs.failOn);
  emitAnnotations(report, reportFile, fails);
  if (inputs.sarifFile) {
    const sarifFile = path.resolve(workspace, inputs.sarifFile);
    writeFile(sarifFile, formatSarif(report));
    core.setOutput('sarif-file', sarifFile);
  }
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(formatMarkdown(report)).write();

  const eligible = report.connectors.every((connector) => connector.eligible);
  core.setOutput('errors', report.counts.error);
  core.setOutput('warnings', report.counts.warning);
  core.setOutput('eligible', String(eligible && report.internalErrors.length === 0));
  core.setOutput('report', reportFile);

  const { error: errors, warning: warnings } = report.counts;
  core.info(`connector-gate: ${report.connectors.length} connector(s), ${errors} error(s), ${warnings} warning(s)`);
  if (report.internalErrors.length > 0) core.setFailed(toolFailureMessage(report.internalErrors.join('; ')));
  else if (fails) {
    core.setFailed(`connector-gate: ${errors} error(s) and ${warnings} warning(s); the gate fails on ${inputs.failOn}`);
  }
}
