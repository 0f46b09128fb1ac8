import { createHash } from 'node:crypto';
import { defineRule, levels } from '../define.js';

/** Other folders named in one message at most (the rest are counted). */
const MAX_NAMED = 3;

export default defineRule({
  meta: {
    id: 'icon-unique',
    criterion: 'icon',
    description: "A certified connector's icon.png is not byte-for-byte the icon of another certified connector in the checked repository.",
    level: levels('error', 'off', 'off'),
  },
  check({ connector, repository, report }) {
    const { icon } = connector.files;
    if (!repository || !icon || icon.readProblem || icon.bytes.length === 0) return; // icon-present / icon-format report those
    const hash = createHash('sha256').update(icon.bytes).digest('hex');
    const others = repository
      .withIconSha256(hash)
      .filter((entry) => entry.dir !== connector.dir && entry.profile === 'certified')
      .map((entry) => entry.dir);
    if (others.length === 0) return;
    const name = icon.path.split('/').pop() as string;
    const named = others.slice(0, MAX_NAMED).map((dir) => `'${dir}'`).join(', ');
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    report({
      file: icon,
      message: `${name} is identical (same SHA-256) to the icon of the certified connector in ${named}${more}; each certified connector needs its own icon: use your service's logo on your brand colour`,
    });
  },
});
