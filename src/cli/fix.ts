// `connector-gate --fix`: writes the mechanical fixes of a report into the files they belong to.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes } from '../engine/fix.js';
import { decodeText, readBytesSafely } from '../engine/files.js';
import type { Fix, GateReport } from '../engine/types.js';

export interface FixSummary {
  files: number;
  applied: number;
  skipped: number;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function writeFixes(root: string, report: GateReport): FixSummary {
  const byFile = new Map<string, Fix[]>();
  for (const connector of report.connectors) {
    for (const finding of connector.findings) {
      if (!finding.fix) continue;
      const list = byFile.get(finding.file) ?? [];
      list.push(finding.fix);
      byFile.set(finding.file, list);
    }
  }
  const summary: FixSummary = { files: 0, applied: 0, skipped: 0 };
  for (const [file, fixes] of byFile) {
    const absPath = path.resolve(root, file);
    // The same checks as reading for the gate: regular files inside the workspace only.
    const raw = readBytesSafely(root, absPath);
    if (!raw.bytes) continue;
    const { text, problem } = decodeText(raw.bytes);
    if (problem) continue;
    const result = applyFixes(text, fixes);
    summary.skipped += result.skipped;
    if (result.applied === 0) continue;
    // Offsets are in the text without its BOM: put the BOM back if the file had one.
    const hadBom = raw.bytes.subarray(0, 3).equals(UTF8_BOM);
    writeFileSync(absPath, hadBom ? Buffer.concat([UTF8_BOM, Buffer.from(result.text)]) : result.text);
    summary.files++;
    summary.applied += result.applied;
  }
  return summary;
}

