// One-line texts about what the config suppressed, shared by the report formats and the edges.
import type { SuppressionReport } from '../engine/types.js';

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "12 findings suppressed by .github/connector-gate.yml: 10 by ignore entries, 2 by rules turned off". */
export function suppressionLine(suppressions: SuppressionReport): string {
  const total = suppressions.ignored + suppressions.off;
  return (
    `${count(total, 'finding')} suppressed by ${suppressions.configFile}: ` +
    `${suppressions.ignored} by ignore entries, ${suppressions.off} by rules turned off`
  );
}

/** "file:line:col: message" of a stale ignore entry. */
export function staleLine(suppressions: SuppressionReport, stale: SuppressionReport['stale'][number]): string {
  return `${suppressions.configFile}:${stale.line}:${stale.column}: ${stale.message}`;
}
