// The CLI edge: `connector-gate [paths...] [options]`. Exit 0 = pass, 1 = findings, 2 = usage error or tool failure.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../engine/discover.js';
import { runGate } from '../engine/run.js';
import { writeFixes } from './fix.js';
import { breakingOptions, openGitBase } from '../breaking/edge.js';
import { baselineConfigPath, baselineMessage, writeBaseline } from '../config/baseline.js';
import { ConfigError, loadConfigFile } from '../config/load.js';
import type { GateConfig } from '../config/types.js';
import type { ConnectorOptions, GateReport } from '../engine/types.js';
import { parseDomains, parseFailOn, parseProfile, parseSla, shouldFail } from '../options.js';
import { toolFailureMessage } from '../tool-failure.js';
import { formatGithub } from '../report/workflow-commands.js';
import { jsonReportChunks } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { pipeChunks, writeChunks } from '../report/output.js';
import { sarifChunks } from '../report/sarif.js';
import { stylishChunks } from '../report/stylish.js';
import { TOOL_VERSION } from '../report/links.js';
import { flatten } from '../report/text.js';

export const HELP = `Usage: connector-gate [paths...] [options]

Checks Power Platform / Logic Apps connector packages against Microsoft's certification criteria.
Every folder under the paths (default: .) that holds apiDefinition.swagger.json is a connector.

Options:
  --format <f>         stylish (default), json, sarif, github, markdown
  --output <file>      write the report to a file instead of standard output
  --profile <p>        auto (default: from the folder), certified, independent-publisher, custom
  --owned-domain <d>   a domain or host the publisher owns (repeat for several)
  --sla <percent>      the API's availability SLA, e.g. 99.95
  --fail-on <level>    error (default), warning, never
  --base <ref>         report breaking changes against this git revision (e.g. origin/main)
  --pr-title <title>   the pull request's title (runs pr-title-ip for independent publishers)
  --pr-body-file <f>   a file holding the pull request's body (runs pr-checklist)
  --fix                apply the safe mechanical fixes to the files, then report what is left
  --config <file>      configuration file (default: .github/connector-gate.yml when it exists)
  --write-baseline <file>
                       write today's findings as ignore entries into this config file, then exit 0
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error or tool failure.
`;

/** Each format as a stream of chunks (large reports are written as they are formatted). */
const FORMATS: Record<string, (report: GateReport, color: boolean) => Iterable<string>> = {
  stylish: (report, color) => stylishChunks(report, { color }),
  json: (report) => jsonReportChunks(report),
  sarif: (report) => sarifChunks(report),
  github: (report) => [formatGithub(report)],
  markdown: (report) => [formatMarkdown(report)],
};

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  /** Called once the gate has run, before any file is written (the launcher's `commitOutput`). */
  commit?: () => void;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      output: { type: 'string' },
      profile: { type: 'string', default: 'auto' },
      'owned-domain': { type: 'string', multiple: true, default: [] },
      sla: { type: 'string', default: '' },
      'fail-on': { type: 'string', default: 'error' },
      base: { type: 'string' },
      fix: { type: 'boolean', default: false },
      config: { type: 'string' },
      'write-baseline': { type: 'string' },
      'pr-title': { type: 'string' },
      'pr-body-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (!FORMATS[values.format]) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}; got "${values.format}"`);
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format: values.format,
    output: values.output,
    profile: parseProfile(values.profile),
    ownedDomains: parseDomains(values['owned-domain']),
    sla: parseSla(values.sla),
    failOn: parseFailOn(values['fail-on']),
    base: values.base,
    fix: values.fix,
    config: values.config,
    writeBaseline: values['write-baseline'],
    prTitle: values['pr-title'],
    prBodyFile: values['pr-body-file'],
    help: values.help,
    version: values.version,
  };
}

/** A pull request body file larger than this is refused (GitHub caps bodies at 65,536 characters). */
const MAX_PR_BODY_BYTES = 1024 * 1024;

/** The pull request for the PR rules, from --pr-title and --pr-body-file; undefined without either. */
function pullRequestFromFlags(cwd: string, title: string | undefined, bodyFile: string | undefined): ConnectorOptions['pullRequest'] {
  if (title === undefined && bodyFile === undefined) return undefined;
  let body = '';
  if (bodyFile !== undefined) {
    const file = path.resolve(cwd, bodyFile);
    try {
      if (!statSync(file).isFile()) throw new UsageError(`--pr-body-file ${bodyFile} is not a file`);
      if (statSync(file).size > MAX_PR_BODY_BYTES) throw new UsageError(`--pr-body-file ${bodyFile} is larger than 1 MiB`);
      body = readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--pr-body-file ${bodyFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return { title: title ?? '', body };
}

export function main(argv: string[], io: CliIo): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options: those are usage errors too.
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.stderr(`connector-gate: ${(error as Error).message}\nRun connector-gate --help for usage.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(HELP);
    return 0;
  }
  if (args.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  let config: GateConfig | undefined;
  try {
    const named = args.writeBaseline === undefined ? args.config : baselineConfigPath(io.cwd, args.config, args.writeBaseline);
    config = loadConfigFile(io.cwd, named);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`connector-gate: ${error instanceof ConfigError ? 'invalid config: ' : ''}${error.message}\n`);
    return 2;
  }

  let pullRequest: ReturnType<typeof pullRequestFromFlags>;
  try {
    pullRequest = pullRequestFromFlags(io.cwd, args.prTitle, args.prBodyFile);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`connector-gate: ${error.message}\n`);
    return 2;
  }

  // Breaking changes: the base revision from git (a one-line note when it is not available).
  const base = args.base === undefined ? undefined : openGitBase(io.cwd, args.base);
  if (base?.note) io.stderr(`${base.note.message}\n`);
  const gate = (): GateReport =>
    runGate({
      root: io.cwd,
      paths: args.paths,
      profile: args.profile,
      options: {
        ownedDomains: args.ownedDomains,
        ...(args.sla === undefined ? {} : { sla: args.sla }),
        ...breakingOptions(base, config),
        ...(pullRequest ? { pullRequest } : {}),
      },
      ...(config ? { config } : {}),
    });
  let report: GateReport;
  try {
    report = gate();
    io.commit?.();
    if (args.fix) {
      const fixed = writeFixes(io.cwd, report);
      const skipped = fixed.skipped > 0 ? `; ${fixed.skipped} overlapping fix(es) left for another --fix run` : '';
      io.stderr(`connector-gate: applied ${fixed.applied} fix(es) in ${fixed.files} file(s)${skipped}\n`);
      if (fixed.applied > 0) report = gate();
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`connector-gate: ${error.message}\n`);
    return 2;
  }
  for (const note of report.notes) io.stderr(`connector-gate: ${flatten(note)}\n`);
  for (const problem of base?.problems ?? []) io.stderr(`connector-gate: ${problem}\n`);
  if (args.writeBaseline !== undefined && report.internalErrors.length === 0) {
    io.stderr(`connector-gate: ${baselineMessage(writeBaseline(io.cwd, args.writeBaseline, report, config))}\n`);
    return 0;
  }

  const toFile = args.output !== undefined;
  const chunks = (FORMATS[args.format] as (report: GateReport, color: boolean) => Iterable<string>)(report, io.color && !toFile);
  if (toFile) writeChunks(path.resolve(io.cwd, args.output as string), chunks);
  else {
    let last = '';
    pipeChunks(chunks, (text) => {
      io.stdout(text);
      last = text;
    });
    if (!last.endsWith('\n')) io.stdout('\n');
  }

  if (report.internalErrors.length > 0) {
    io.stderr(`${toolFailureMessage(report.internalErrors.join('; '))}\n`);
    return 2;
  }
  return shouldFail(report, args.failOn) ? 1 : 0;
}
