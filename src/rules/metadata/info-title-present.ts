import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger } from '../define.js';
import { infoObject, typeName } from './shared.js';

export default defineRule({
  meta: {
    id: 'info-title-present',
    criterion: 'metadata',
    description: 'info.title is present and is a non-empty string.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const info = infoObject(file, report, 'a "title" (the service or product name, at most 30 characters)');
    if (!info) return;
    const title = prop(info, 'title');
    if (!title) {
      report({ file, node: info, at: 'key', message: 'info has no "title"; add the service or product name (at most 30 characters), e.g. "title": "Contoso Frames"' });
      return;
    }
    const text = str(title);
    if (text === undefined) {
      report({ file, node: title, message: `info.title is ${typeName(title)}; it must be a string naming the service, e.g. "Contoso Frames"` });
    } else if (text.trim() === '') {
      report({ file, node: title, message: 'info.title is empty; give the service or product name (at most 30 characters)' });
    }
  },
});
