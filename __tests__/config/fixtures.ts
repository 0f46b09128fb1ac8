// Fixtures of the config tests: a small repository of two certified connectors made from the
// clean example, where Fabrikam lacks x-ms-visibility on one operation (an op-visibility warning).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { runGate } from '../../src/engine/run.js';
import type { GateReport, Profile } from '../../src/engine/types.js';
import { lineOf, tempDir, writeTree } from '../helpers.js';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CONTOSO = 'certified-connectors/Contoso Frames';
export const FABRIKAM = 'certified-connectors/Fabrikam Frames';
export const FABRIKAM_SWAGGER = `${FABRIKAM}/apiDefinition.swagger.json`;
export const CONTOSO_SWAGGER = `${CONTOSO}/apiDefinition.swagger.json`;
export const CONFIG = '.github/connector-gate.yml';

/** Temp repository with both connectors (and `extra` files on top). */
export function repository(extra: Record<string, string> = {}): string {
  const root = tempDir();
  cpSync(path.join(REPO_ROOT, 'examples/contoso-frames'), path.join(root, CONTOSO), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'examples/contoso-frames'), path.join(root, FABRIKAM), { recursive: true });
  const swagger = path.join(root, FABRIKAM_SWAGGER);
  const text = readFileSync(swagger, 'utf8');
  // Only the first operation (GET /styles) loses its visibility. Fabrikam is its own connector:
  // its own title, and its own icon file (the same picture, with bytes after IEND, which PNG
  // readers ignore), so that pr-not-duplicate and icon-unique have nothing to say.
  writeFileSync(swagger, text.replace('"x-ms-visibility": "important",\n', '').replace('"title": "Contoso Frames"', '"title": "Fabrikam Frames"'));
  const icon = path.join(root, FABRIKAM, 'icon.png');
  writeFileSync(icon, Buffer.concat([readFileSync(icon), Buffer.from('Fabrikam')]));
  return writeTree(extra, root);
}

/** Line of `needle` in a file of the repository. */
export function lineIn(root: string, file: string, needle: string, occurrence = 1): number {
  return lineOf(readFileSync(path.join(root, file), 'utf8'), needle, occurrence);
}

export interface RunOptions {
  paths?: string[];
  profile?: Profile | 'auto';
  ownedDomains?: string[];
  /** null: no SLA declared (default 99.95). */
  sla?: number | null;
}

/** Runs the engine with `configText` as the config file (none when undefined). */
export function run(root: string, configText?: string, options: RunOptions = {}): GateReport {
  return runGate({
    root,
    paths: options.paths ?? ['.'],
    profile: options.profile ?? 'auto',
    options: { ownedDomains: options.ownedDomains ?? ['contoso.com'], ...(options.sla === null ? {} : { sla: options.sla ?? 99.95 }) },
    ...(configText === undefined ? {} : { config: parseConfig(configText, CONFIG) }),
  });
}

export function connectorOf(report: GateReport, dir: string) {
  const connector = report.connectors.find((c) => c.dir === dir);
  if (!connector) throw new Error(`no connector ${dir}`);
  return connector;
}

export function findingsOfRule(report: GateReport, ruleId: string) {
  return report.connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === ruleId);
}
