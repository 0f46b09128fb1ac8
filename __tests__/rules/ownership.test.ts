import { describe, expect, it } from 'vitest';
import { findingsOf, gate, json, lineOf, writeTree } from '../helpers.js';

const SWAGGER = 'apiDefinition.swagger.json';
const PROPS = 'apiProperties.json';

function swagger(extra: Record<string, unknown> = {}): string {
  return json({
    swagger: '2.0',
    info: { title: 'Contoso Frames', description: 'Frames for Contoso customers, with orders and shipping.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {},
    securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://www.contoso.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://www.contoso.com/privacy' },
    ],
    ...extra,
  });
}

function properties(extra: Record<string, unknown> = {}): string {
  return json({ properties: { connectionParameters: { api_key: { type: 'securestring' } }, publisher: 'Contoso', ...extra } });
}

function dynamicHost(url: string, operations?: string[]): Record<string, unknown> {
  const parameters: Record<string, unknown> = { 'x-ms-apimTemplateParameter.urlTemplate': url };
  if (operations) parameters['x-ms-apimTemplate-operationName'] = operations;
  return { policyTemplateInstances: [{ templateId: 'dynamichosturl', title: 'host', parameters }] };
}

/** 1-based line and column where `needle` starts (the value node of a JSON string starts at its quote). */
function where(text: string, needle: string): { line: number; column: number } {
  const line = lineOf(text, needle);
  return { line, column: (text.split('\n')[line - 1] as string).indexOf(needle) + 1 };
}

function pkg(sw: string, props = properties(), folder = 'certified-connectors/Contoso'): Record<string, string> {
  return { [`${folder}/${SWAGGER}`]: sw, [`${folder}/${PROPS}`]: props };
}

describe('biz-saas-ownership', () => {
  it('without owned domains reports one unverified notice on the host, saying how to declare them', () => {
    const sw = swagger();
    const findings = findingsOf('biz-saas-ownership', pkg(sw));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'biz-saas-ownership',
      level: 'notice',
      unverified: true,
      file: `certified-connectors/Contoso/${SWAGGER}`,
      ...where(sw, '"api.contoso.com"'),
    });
    expect(findings[0]?.message).toContain('`owned-domains`');
    expect(findings[0]?.message).toContain('`--owned-domain`');
    const report = gate(writeTree(pkg(sw)));
    expect(report.connectors[0]?.verdicts.ownership).toBe('unverified');
  });

  it('passes a host under an owned domain, case-insensitively', () => {
    expect(findingsOf('biz-saas-ownership', pkg(swagger({ host: 'API.Contoso.COM' })), { ownedDomains: ['contoso.com'] })).toEqual([]);
    expect(findingsOf('biz-saas-ownership', pkg(swagger({ host: 'contoso.com' })), { ownedDomains: ['contoso.com'] })).toEqual([]);
    const report = gate(writeTree(pkg(swagger())), { ownedDomains: ['contoso.com'] });
    expect(report.connectors[0]?.verdicts.ownership).toBe('pass');
  });

  it('rejects a look-alike domain that only ends with the owned name', () => {
    const sw = swagger({ host: 'api.evilcontoso.com' });
    const findings = findingsOf('biz-saas-ownership', pkg(sw), { ownedDomains: ['contoso.com'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'biz-saas-ownership', level: 'error', file: `certified-connectors/Contoso/${SWAGGER}`, ...where(sw, '"api.evilcontoso.com"') });
    expect(findings[0]?.message).toContain("'api.evilcontoso.com'");
    expect(findings[0]?.unverified).toBeUndefined();
  });

  it('strips the port before judging the host', () => {
    expect(findingsOf('biz-saas-ownership', pkg(swagger({ host: 'api.contoso.com:8443' })), { ownedDomains: ['contoso.com'] })).toEqual([]);
    const sw = swagger({ host: 'api.fabrikam.com:443' });
    const findings = findingsOf('biz-saas-ownership', pkg(sw), { ownedDomains: ['contoso.com'] });
    expect(findings.map((f) => [f.level, f.line, f.column])).toEqual([['error', ...Object.values(where(sw, '"api.fabrikam.com:443"'))]]);
  });

  it('accepts an exact owned host but not its siblings', () => {
    expect(findingsOf('biz-saas-ownership', pkg(swagger()), { ownedDomains: ['api.contoso.com'] })).toEqual([]);
    const sw = swagger({ host: 'www.contoso.com' });
    expect(findingsOf('biz-saas-ownership', pkg(sw), { ownedDomains: ['api.contoso.com'] }).map((f) => f.level)).toEqual(['error']);
  });

  it('judges the static part of a dynamichosturl template', () => {
    const sw = swagger({ host: 'placeholder.example.com' });
    const good = properties(dynamicHost("https://@connectionParameters('tenant').contoso.com/api"));
    expect(findingsOf('biz-saas-ownership', pkg(sw, good), { ownedDomains: ['contoso.com'] })).toEqual([]);
    const braces = properties(dynamicHost('https://{tenant}.contoso.com'));
    expect(findingsOf('biz-saas-ownership', pkg(sw, braces), { ownedDomains: ['contoso.com'] })).toEqual([]);

    const bad = properties(dynamicHost("https://@connectionParameters('tenant').fabrikam.com/api"));
    const findings = findingsOf('biz-saas-ownership', pkg(sw, bad), { ownedDomains: ['contoso.com'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', file: `certified-connectors/Contoso/${PROPS}`, ...where(bad, '"https://@connectionParameters') });
    expect(findings[0]?.message).toContain("'fabrikam.com'");
  });

  it('gives an unverified notice for a fully templated dynamic host', () => {
    const props = properties(dynamicHost("@connectionParameters('instanceUrl')/api"));
    const findings = findingsOf('biz-saas-ownership', pkg(swagger(), props), { ownedDomains: ['contoso.com'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'notice', unverified: true, file: `certified-connectors/Contoso/${PROPS}`, ...where(props, '"@connectionParameters') });
  });

  it('still judges the swagger host when the dynamic host policy covers only some operations', () => {
    const sw = swagger({ host: 'api.fabrikam.com' });
    const props = properties(dynamicHost('https://eu.contoso.com', ['GetOrders']));
    const findings = findingsOf('biz-saas-ownership', pkg(sw, props), { ownedDomains: ['contoso.com'] });
    expect(findings.map((f) => [f.file, f.line, f.level])).toEqual([[`certified-connectors/Contoso/${SWAGGER}`, lineOf(sw, '"host"'), 'error']]);
  });

  it('does not judge identity-provider URLs', () => {
    const props = json({
      properties: {
        connectionParameters: {
          token: {
            type: 'oauthSetting',
            oAuthSettings: {
              identityProvider: 'aad',
              customParameters: { loginUri: { value: 'https://login.microsoftonline.com' } },
            },
          },
        },
        ...dynamicHost('https://login.microsoftonline.com', ['GetToken']),
      },
    });
    expect(findingsOf('biz-saas-ownership', pkg(swagger(), props), { ownedDomains: ['contoso.com'] })).toEqual([]);
  });

  it('is off for independent publishers and custom connectors', () => {
    const sw = swagger({ host: 'api.fabrikam.com' });
    for (const folder of ['independent-publisher-connectors/Contoso', 'custom-connectors/Contoso']) {
      expect(findingsOf('biz-saas-ownership', pkg(sw, properties(), folder), { ownedDomains: ['contoso.com'] })).toEqual([]);
      expect(findingsOf('biz-saas-ownership', pkg(sw, properties(), folder))).toEqual([]);
    }
    // The same package is an error when certified: the exemption above is the profile's doing.
    expect(findingsOf('biz-saas-ownership', pkg(sw), { ownedDomains: ['contoso.com'] })).toHaveLength(1);
  });
});

describe('ownership-website', () => {
  it('warns when the Website is outside the owned domains', () => {
    const sw = swagger({ 'x-ms-connector-metadata': [{ propertyName: 'Website', propertyValue: 'https://www.fabrikam.com/frames' }] });
    const findings = findingsOf('ownership-website', pkg(sw), { ownedDomains: ['contoso.com'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'ownership-website',
      level: 'warning',
      file: `certified-connectors/Contoso/${SWAGGER}`,
      ...where(sw, '"https://www.fabrikam.com/frames"'),
    });
  });

  it('passes a Website under an owned domain, and says nothing without owned domains', () => {
    expect(findingsOf('ownership-website', pkg(swagger()), { ownedDomains: ['contoso.com'] })).toEqual([]);
    const sw = swagger({ 'x-ms-connector-metadata': [{ propertyName: 'Website', propertyValue: 'https://www.fabrikam.com' }] });
    expect(findingsOf('ownership-website', pkg(sw))).toEqual([]);
  });

  it('is certified-only', () => {
    const sw = swagger({ 'x-ms-connector-metadata': [{ propertyName: 'Website', propertyValue: 'https://www.fabrikam.com' }] });
    expect(findingsOf('ownership-website', pkg(sw, properties(), 'independent-publisher-connectors/Contoso'), { ownedDomains: ['contoso.com'] })).toEqual([]);
    expect(findingsOf('ownership-website', pkg(sw, properties(), 'custom-connectors/Contoso'), { ownedDomains: ['contoso.com'] })).toEqual([]);
  });
});

describe('ownership rules on malformed input', () => {
  it('do not crash on wrong JSON types', () => {
    const sw = json({ swagger: '2.0', host: 42, 'x-ms-connector-metadata': { propertyName: 'Website' } });
    const props = json({ properties: { policyTemplateInstances: [null, { templateId: 'dynamichosturl', parameters: [] }, { templateId: 'dynamichosturl', parameters: { 'x-ms-apimTemplateParameter.urlTemplate': 5 } }] } });
    expect(gate(writeTree(pkg(sw, props)), { ownedDomains: ['contoso.com'] }).internalErrors).toEqual([]);
    expect(gate(writeTree(pkg('[]\n', '[]\n')), { ownedDomains: ['contoso.com'] }).internalErrors).toEqual([]);
  });
});
