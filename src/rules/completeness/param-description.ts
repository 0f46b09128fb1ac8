import { parameterTextRule } from './parameter-text.js';

export default parameterTextRule(
  'param-description',
  'description',
  'Every visible non-body parameter has a non-empty description (body parameters: recommended).',
  'a sentence explaining the value, shown as the field tooltip',
);
