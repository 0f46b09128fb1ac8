import { parameterTextRule } from './parameter-text.js';

export default parameterTextRule(
  'param-x-ms-summary',
  'x-ms-summary',
  'Every visible non-body parameter has a non-empty x-ms-summary (body parameters: recommended).',
  'the field label users see, short and in Title Case',
);
