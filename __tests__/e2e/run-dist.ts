// Runs the bundled dist/ the way a GitHub runner (or a shell) does, and collects what it wrote.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.js';
// @ts-expect-error: a plain .mjs helper shared with the bench script
import { runtimes } from '../../scripts/runtimes.mjs';

export const REPO = path.resolve(__dirname, '../..');
export const ACTION = path.join(REPO, 'dist/index.js');
export const CLI = path.join(REPO, 'dist/cli/index.js');

/** The runtime GitHub uses (node24, from the node@24 devDependency) and this machine's own Node. */
export const RUNTIMES: { name: string; bin: string }[] = runtimes(REPO);

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** Workflow commands on stdout, e.g. { command: 'error', properties: {file, line…}, message }. */
  commands: { command: string; properties: Record<string, string>; message: string }[];
  ms: number;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string);
    outputs[name as string] = value.join('\n');
  }
  return outputs;
}

const unescapeProperty = (value: string) =>
  value.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

export function parseCommands(stdout: string): ActionRun['commands'] {
  const commands: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    commands.push({ command: match[1] as string, properties, message: unescapeProperty(match[3] as string) });
  }
  return commands;
}

/** Runs dist/index.js with INPUT_* variables, a workspace, a step summary and an output file (`nodeArgs` go before it). */
export function runAction(bin: string, workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}, nodeArgs: string[] = []): ActionRun {
  const scratch = tempDir();
  const summaryFile = path.join(scratch, 'summary.md');
  const outputFile = path.join(scratch, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const start = performance.now();
  const result = spawnSync(bin, [...nodeArgs, ACTION], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: scratch,
      ...inputEnv,
      ...env,
    },
    timeout: 60_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    commands: parseCommands(result.stdout),
    ms: performance.now() - start,
  };
}

export function runCli(bin: string, cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(bin, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
