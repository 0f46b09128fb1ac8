import { defineRule, levels } from '../define.js';
import { inspectPng } from './png.js';

export default defineRule({
  meta: {
    id: 'icon-format',
    criterion: 'icon',
    description: 'A certified package ships icon.png: a complete, decodable, still PNG image.',
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const { icon, apiProperties, swagger } = connector.files;
    if (!icon) {
      // A missing file has no line of its own: the finding sits on a file that exists.
      const anchor = apiProperties ?? swagger;
      if (anchor) report({ file: anchor, message: 'icon.png is missing from the connector folder; certified connectors need a 230×230 PNG icon' });
      return;
    }
    if (icon.readProblem) return; // pkg-file-readable reports it
    const name = icon.path.split('/').pop() as string;
    if (name !== 'icon.png') {
      report({ file: icon, recommended: true, message: `the icon is named '${name}'; rename it to icon.png (file names are case-sensitive)` });
    }
    const info = inspectPng(icon);
    if (info.problem) {
      report({ file: icon, message: `${name} ${info.problem.message}` });
      return;
    }
    if (info.animation) {
      report({
        file: icon,
        recommended: true,
        message: `${name} is an animated PNG (acTL chunk, ${info.animation.frames} frame${info.animation.frames === 1 ? '' : 's'}); use a still image`,
      });
    }
  },
});
