import { defineRule, levels } from '../define.js';
import { inspectPng } from './png.js';

/** Microsoft's icon size (Learn "certification-submission", Design an icon; reviewer text "size is 230x230"). */
export const ICON_SIZE = 230;

export default defineRule({
  meta: {
    id: 'icon-size',
    criterion: 'icon',
    description: 'icon.png is exactly 230×230 pixels.',
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const icon = connector.files.icon;
    if (!icon || icon.readProblem) return;
    // The size comes from the IHDR, so it is known even when the pixels are not decoded.
    const header = inspectPng(icon).header;
    if (!header || (header.width === ICON_SIZE && header.height === ICON_SIZE)) return;
    const name = icon.path.split('/').pop() as string;
    report({ file: icon, message: `${name} is ${header.width}×${header.height}; Microsoft requires ${ICON_SIZE}×${ICON_SIZE}` });
  },
});
