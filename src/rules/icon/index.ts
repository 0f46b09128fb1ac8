import type { Rule } from '../../engine/types.js';
import iconAbsentIp from './icon-absent-ip.js';
import iconBackground from './icon-background.js';
import iconFormat from './icon-format.js';
import iconSize from './icon-size.js';

export const iconRules: Rule[] = [iconFormat, iconSize, iconBackground, iconAbsentIp];
