import type { Rule } from '../../engine/types.js';
import iconAbsentIp from './icon-absent-ip.js';
import iconBackground from './icon-background.js';
import iconFormat from './icon-format.js';
import iconPresent from './icon-present.js';
import iconSize from './icon-size.js';
import iconUnique from './icon-unique.js';

export const iconRules: Rule[] = [iconPresent, iconFormat, iconSize, iconBackground, iconUnique, iconAbsentIp];
