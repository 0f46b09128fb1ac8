import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { emailProblem, httpUrlProblem, infoObject, typeName } from '../metadata/shared.js';

const FIELDS = ['name', 'url', 'email'] as const;
type Field = (typeof FIELDS)[number];
const WHAT: Record<Field, string> = {
  name: 'the support team or company name',
  url: 'an absolute https:// URL of the support page',
  email: 'a support e-mail address',
};
const TEMPLATE = '"contact": {"name": "…", "url": "https://…", "email": "support@…"}';

export default defineRule({
  meta: {
    id: 'info-contact',
    criterion: 'support',
    description: 'info.contact gives a support name, an absolute http(s) url and a valid email.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const info = infoObject(file, report, `a support ${TEMPLATE}`);
    if (!info) return;
    const contact = prop(info, 'contact');
    if (!contact) {
      report({ file, node: info, at: 'key', message: `info has no "contact"; add ${TEMPLATE} so users can reach support` });
      return;
    }
    if (contact.type !== 'object') {
      report({ file, node: contact, at: 'value', message: `info.contact is ${typeName(contact)}; it must be an object: ${TEMPLATE}` });
      return;
    }
    const missing: Field[] = [];
    for (const field of FIELDS) {
      const node = prop(contact, field);
      const text = str(node);
      if (!node) {
        missing.push(field);
        continue;
      }
      if (text === undefined) {
        report({ file, node, message: `info.contact.${field} is ${typeName(node)}; it must be a string: ${WHAT[field]}` });
        continue;
      }
      if (text.trim() === '') {
        report({ file, node, message: `info.contact.${field} is empty; give ${WHAT[field]}` });
        continue;
      }
      const problem = field === 'url' ? httpUrlProblem(text) : field === 'email' ? emailProblem(text) : undefined;
      if (problem) report({ file, node, message: `the contact ${field} ${quote(text)} ${problem}; give ${WHAT[field]}` });
    }
    if (missing.length > 0) {
      report({
        file,
        node: contact,
        at: 'key',
        message: `info.contact has no ${missing.map((f) => `"${f}"`).join(', ')}; add ${missing.map((f) => `"${f}" (${WHAT[f]})`).join(', ')}`,
      });
    }
  },
});
