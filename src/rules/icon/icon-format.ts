import { defineRule, levels } from '../define.js';
import { inspectPng } from './png.js';

export default defineRule({
  meta: {
    id: 'icon-format',
    criterion: 'icon',
    description: "A certified package's icon.png is a complete, decodable, still PNG image.",
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const { icon } = connector.files;
    if (!icon || icon.readProblem) return; // icon-present and pkg-file-readable report those
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
