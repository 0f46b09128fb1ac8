import { defineRule, levels } from '../define.js';

/** Microsoft's recommended uptime for certified connectors (GA later asks for 99.95%). */
export const MIN_SLA = 99.9;

const HOW_TO_DECLARE = 'declare it with the action input `sla: 99.95` or the CLI flag `--sla 99.95` (or `sla:` per connector in .github/connector-gate.yml)';

export default defineRule({
  meta: {
    id: 'biz-availability',
    criterion: 'availability',
    description: `The declared availability SLA is at least ${MIN_SLA}%.`,
    level: levels('warning', 'off', 'off'),
  },
  check({ connector, options, report }) {
    // The SLA is not in the files: the finding sits on line 1 of the definition.
    const file = connector.files.swagger ?? connector.files.apiProperties;
    if (!file) return;
    const { sla } = options;
    if (sla === undefined) {
      report({ file, unverified: true, message: `availability is not verified: no SLA is declared; ${HOW_TO_DECLARE}` });
    } else if (!Number.isFinite(sla) || sla < 0 || sla > 100) {
      report({ file, message: `the declared SLA ${String(sla)} is not a percentage; ${HOW_TO_DECLARE}` });
    } else if (sla < MIN_SLA) {
      report({
        file,
        message: `the declared SLA ${sla}% is below the ${MIN_SLA}% uptime Microsoft expects of certified connectors; raise the service's availability to at least ${MIN_SLA}% (99.95% for general availability)`,
      });
    }
  },
});
