import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { supportRules } from '../../src/rules/support/index.js';
import { findingsOf, json, lineOf } from '../helpers.js';

const ID = 'info-contact';
const CONTACT = { name: 'Contoso Support', url: 'https://contoso.com/support', email: 'support@contoso.com' };

function swagger(info: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    swagger: '2.0',
    info,
    host: 'frames.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {},
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://contoso.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://contoso.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Productivity' },
    ],
  };
}

function info(contact: unknown): Record<string, unknown> {
  return {
    title: 'Contoso Frames',
    description: 'Contoso Frames sells picture frames; order, track and return frames from your flows.',
    version: '1.0',
    contact,
  };
}

const FOLDERS = {
  certified: 'certified-connectors/Contoso',
  ip: 'independent-publisher-connectors/Contoso',
  custom: 'custom-connectors/Contoso',
} as const;

function check(folder: keyof typeof FOLDERS, doc: Record<string, unknown>): { findings: Finding[]; text: string; file: string } {
  const dir = FOLDERS[folder];
  const text = json(doc);
  const file = `${dir}/apiDefinition.swagger.json`;
  const props = json({ properties: { iconBrandColor: folder === 'ip' ? '#da3b01' : '#1a2b3c', publisher: 'Contoso', stackOwner: 'Contoso', connectionParameters: {} } });
  const findings = findingsOf(ID, { [file]: text, [`${dir}/apiProperties.json`]: props, [`${dir}/readme.md`]: '# Contoso\n' });
  return { findings, text, file };
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
}

describe('info-contact', () => {
  it('passes a complete contact in every profile', () => {
    for (const folder of ['certified', 'ip', 'custom'] as const) expect(check(folder, swagger(info(CONTACT))).findings, folder).toEqual([]);
  });

  it('points at the "info" key when contact is missing: error for certified and IP, warning for custom', () => {
    for (const [folder, level] of [
      ['certified', 'error'],
      ['ip', 'error'],
      ['custom', 'warning'],
    ] as const) {
      const { findings, text, file } = check(folder, swagger(info(undefined)));
      const f = only(findings);
      expect(f, folder).toMatchObject({ ruleId: ID, file, line: lineOf(text, '"info"'), column: 3, level });
      expect(f.message).toContain('no "contact"');
    }
  });

  it('points at the root when info itself is missing', () => {
    const { findings, file } = check('certified', swagger(undefined));
    expect(only(findings)).toMatchObject({ ruleId: ID, file, line: 1, column: 1 });
  });

  it('points at the "contact" key and names every missing field', () => {
    const { findings, text, file } = check('ip', swagger(info({ email: 'support@contoso.com' })));
    const f = only(findings);
    expect(f).toMatchObject({ ruleId: ID, file, line: lineOf(text, '"contact"'), column: 5, level: 'error' });
    expect(f.message).toContain('no "name", "url"');
  });

  it('flags a url that is not an absolute http(s) URL, on the value', () => {
    for (const url of ['contoso.com/support', 'mailto:support@contoso.com', 'https://', '/support']) {
      const { findings, text, file } = check('certified', swagger(info({ ...CONTACT, url })));
      const f = only(findings);
      expect(f, url).toMatchObject({ ruleId: ID, file, line: lineOf(text, '"url"'), column: 14, level: 'error' });
      expect(f.message).toContain(`the contact url '${url}'`);
    }
  });

  it('flags an invalid email on the value', () => {
    for (const email of ['mailto:support@contoso.com', 'support@contoso', 'support at contoso.com', 'support@@contoso.com', '.support@contoso.com', 'support@contoso..com']) {
      const { findings, text, file } = check('certified', swagger(info({ ...CONTACT, email })));
      expect(only(findings), email).toMatchObject({ ruleId: ID, file, line: lineOf(text, '"email"'), column: 16, level: 'error' });
    }
  });

  it('flags an empty or non-string name on the value', () => {
    for (const name of ['', 7]) {
      const { findings, text } = check('certified', swagger(info({ ...CONTACT, name })));
      expect(only(findings)).toMatchObject({ line: lineOf(text, '"name"'), column: 15 });
    }
  });

  it('flags a contact that is not an object', () => {
    const { findings, text } = check('certified', swagger(info('support@contoso.com')));
    expect(only(findings)).toMatchObject({ line: lineOf(text, '"contact"'), column: 16 });
  });

  it('accepts plus-addressing, sub-domains and http URLs', () => {
    const contact = { name: 'Contoso', url: 'http://help.eu.contoso.co.uk/frames?x=1', email: 'frames+support@eu.contoso.co.uk' };
    expect(check('certified', swagger(info(contact))).findings).toEqual([]);
  });

  it('has a docs page', () => {
    for (const rule of supportRules) expect(existsSync(path.resolve(__dirname, '../../docs/rules', `${rule.meta.id}.md`))).toBe(true);
  });
});
