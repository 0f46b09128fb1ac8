import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { infoObject, typeName } from './shared.js';

/** Microsoft's range for info.description (Swagger Validator FieldLengthNotInRange), inclusive. */
export const MIN_DESCRIPTION_LENGTH = 30;
export const MAX_DESCRIPTION_LENGTH = 500;
const RANGE = `${MIN_DESCRIPTION_LENGTH}–${MAX_DESCRIPTION_LENGTH}`;

export default defineRule({
  meta: {
    id: 'info-description-length',
    criterion: 'metadata',
    description: `info.description is present and has ${RANGE} characters.`,
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const info = infoObject(file, report, `a "description" of ${RANGE} characters`);
    if (!info) return;
    const description = prop(info, 'description');
    if (!description) {
      report({
        file,
        node: info,
        at: 'key',
        message: `info has no "description"; add ${RANGE} characters saying what the service does and what the connector offers`,
      });
      return;
    }
    const text = str(description);
    if (text === undefined) {
      report({ file, node: description, message: `info.description is ${typeName(description)}; it must be a string of ${RANGE} characters` });
      return;
    }
    if (text.length < MIN_DESCRIPTION_LENGTH) {
      report({
        file,
        node: description,
        message: `the description ${quote(text)} has ${text.length} characters; expand it to at least ${MIN_DESCRIPTION_LENGTH} (say what the service does and what the connector offers)`,
      });
    } else if (text.length > MAX_DESCRIPTION_LENGTH) {
      report({
        file,
        node: description,
        message: `the description ${quote(text, 60)} has ${text.length} characters; shorten it to ${MAX_DESCRIPTION_LENGTH} or fewer (move details to readme.md)`,
      });
    }
  },
});
