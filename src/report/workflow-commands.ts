// GitHub Actions workflow commands (`::error file=…::message`), escaped exactly as the Actions
// toolkit does, so text from the files can neither end the command nor start a new one.
import type { Finding, GateReport } from '../engine/types.js';
import { annotationOverflowMessage, planAnnotations } from './annotations.js';
import { TOOL_NAME } from './links.js';
import { bySeverity } from './text.js';

/** Escaping of a command's message (the toolkit's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property value (the toolkit's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Command = 'error' | 'warning' | 'notice';

/** `::name key=value,…::message`; properties with an empty value are left out, as the toolkit does. */
export function workflowCommand(command: Command, properties: [string, string | number | undefined][], message: string): string {
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/**
 * One finding as an annotation command. Columns are sent only when the finding starts and ends on
 * the same line (GitHub ignores them otherwise).
 */
export function formatWorkflowCommand(finding: Finding): string {
  const sameLine = finding.endLine === finding.line;
  return workflowCommand(
    finding.level,
    [
      ['file', finding.file],
      ['line', finding.line],
      ['col', sameLine ? finding.column : undefined],
      ['endLine', finding.endLine],
      ['endColumn', sameLine ? finding.endColumn : undefined],
      ['title', `${TOOL_NAME} ${finding.ruleId}`],
    ],
    finding.message,
  );
}

/**
 * `--format github`: every finding as a workflow command, the annotated ones first (as
 * `planAnnotations` chooses them), then the overflow notice, then the rest (still printed, so the
 * log has them all, but past GitHub's limits), then notes and internal errors.
 */
export function formatGithub(report: GateReport): string {
  const all = bySeverity(report.connectors.flatMap((connector) => connector.findings));
  const { annotations, omitted } = planAnnotations(all);
  // Counted, not a set: a hand-made report may hold the same finding object twice.
  const pending = new Map<Finding, number>();
  for (const finding of annotations) pending.set(finding, (pending.get(finding) ?? 0) + 1);
  const lines = annotations.map(formatWorkflowCommand);
  if (omitted > 0) lines.push(workflowCommand('notice', [['title', TOOL_NAME]], annotationOverflowMessage(omitted)));
  for (const finding of all) {
    const left = pending.get(finding) ?? 0;
    if (left > 0) pending.set(finding, left - 1);
    else lines.push(formatWorkflowCommand(finding));
  }
  for (const note of report.notes) lines.push(workflowCommand('notice', [['title', `${TOOL_NAME} note`]], note));
  const { suppressions } = report;
  for (const stale of suppressions?.stale ?? []) {
    const where: [string, string | number][] = [['file', suppressions?.configFile ?? ''], ['line', stale.line], ['col', stale.column]];
    lines.push(workflowCommand('notice', [...where, ['title', `${TOOL_NAME} stale ignore entry`]], stale.message));
  }
  for (const error of report.internalErrors) lines.push(workflowCommand('error', [['title', `${TOOL_NAME} internal error`]], error));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
