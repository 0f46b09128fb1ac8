import { describe, expect, it } from 'vitest';
import { findingsOf, gate, json, lineOf, writeTree } from '../helpers.js';

const SWAGGER = 'apiDefinition.swagger.json';
const PROPS = 'apiProperties.json';
const FIX = 'switch to OAuth2 (authorization code), an API key or basic authentication';

function swagger(securityDefinitions?: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return json({
    swagger: '2.0',
    info: { title: 'Contoso Frames', description: 'Frames for Contoso customers, with orders and shipping.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {},
    ...(securityDefinitions ? { securityDefinitions } : {}),
    ...extra,
  });
}

function properties(connectionParameters: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): string {
  return json({ properties: { ...(connectionParameters ? { connectionParameters } : {}), publisher: 'Contoso', ...extra } });
}

const API_KEY_DEF = { api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } };
const API_KEY_PARAM = { api_key: { type: 'securestring', uiDefinition: { displayName: 'API Key' } } };
const OAUTH_DEF = { oauth2_auth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://login.contoso.com/authorize', tokenUrl: 'https://login.contoso.com/token', scopes: {} } };
const OAUTH_PARAM = { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', clientId: '[[DUMMY]]' } } };

function where(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  const line = lineOf(text, needle, occurrence);
  return { line, column: (text.split('\n')[line - 1] as string).indexOf(needle) + 1 };
}

function pkg(sw: string, props?: string, folder = 'certified-connectors/Contoso'): Record<string, string> {
  return { [`${folder}/${SWAGGER}`]: sw, ...(props === undefined ? {} : { [`${folder}/${PROPS}`]: props }) };
}

const C = 'certified-connectors/Contoso';

describe('auth-supported', () => {
  for (const [flow, kind] of [['application', 'client credentials'], ['password', 'resource owner password'], ['implicit', 'implicit']] as const) {
    it(`rejects the OAuth2 ${flow} flow on its flow value`, () => {
      const sw = swagger({ oauth: { type: 'oauth2', flow, tokenUrl: 'https://login.contoso.com/token', scopes: {} } });
      const findings = findingsOf('auth-supported', pkg(sw, properties(OAUTH_PARAM)));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'auth-supported', level: 'error', file: `${C}/${SWAGGER}`, ...where(sw, `"${flow}"`) });
      expect(findings[0]?.message).toContain(kind);
      expect(findings[0]?.message).toContain(FIX);
    });
  }

  it('accepts the authorization code flow, API keys and basic authentication', () => {
    expect(findingsOf('auth-supported', pkg(swagger(OAUTH_DEF), properties(OAUTH_PARAM)))).toEqual([]);
    expect(findingsOf('auth-supported', pkg(swagger(API_KEY_DEF), properties(API_KEY_PARAM)))).toEqual([]);
    const basic = properties({ username: { type: 'string' }, password: { type: 'securestring' } });
    expect(findingsOf('auth-supported', pkg(swagger({ basic: { type: 'basic' } }), basic))).toEqual([]);
  });

  it('rejects an unknown securityDefinitions type on the type value', () => {
    const sw = swagger({ oidc: { type: 'openIdConnect' } });
    const findings = findingsOf('auth-supported', pkg(sw, properties({})));
    expect(findings.map((f) => [f.file, f.line, f.column, f.level])).toEqual([[`${C}/${SWAGGER}`, ...Object.values(where(sw, '"openIdConnect"')), 'error']]);
    expect(findings[0]?.message).toContain("'openIdConnect'");
  });

  it('rejects a client-certificate connection parameter', () => {
    const props = properties({ certificate: { type: 'clientCertificate' } });
    const findings = findingsOf('auth-supported', pkg(swagger(), props));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', file: `${C}/${PROPS}`, ...where(props, '"clientCertificate"') });
    expect(findings[0]?.message).toContain(FIX);
  });

  it('rejects the aadcertificate identity provider, in connectionParameterSets too', () => {
    const props = properties(undefined, {
      connectionParameterSets: {
        values: [
          { name: 'key', parameters: API_KEY_PARAM },
          { name: 'cert', parameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aadcertificate', clientId: '[[DUMMY]]' } } } },
        ],
      },
    });
    const findings = findingsOf('auth-supported', pkg(swagger(API_KEY_DEF), props));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', file: `${C}/${PROPS}`, ...where(props, '"aadcertificate"') });
    expect(findings[0]?.message).toContain("'cert'");
  });

  it('rejects an OAuth client-credentials grant in oauthSettings (either spelling of the key)', () => {
    const props = properties({
      token: { type: 'oauthSetting', oauthSettings: { identityProvider: 'aad', customParameters: { grantType: { value: 'client_credentials' } } } },
    });
    const findings = findingsOf('auth-supported', pkg(swagger(OAUTH_DEF), props));
    expect(findings.map((f) => [f.file, f.line, f.column])).toEqual([[`${C}/${PROPS}`, ...Object.values(where(props, '"client_credentials"'))]]);
  });

  it('is an error for every profile', () => {
    const sw = swagger({ oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://login.contoso.com/token', scopes: {} } });
    for (const folder of ['independent-publisher-connectors/Contoso', 'custom-connectors/Contoso']) {
      expect(findingsOf('auth-supported', pkg(sw, properties(OAUTH_PARAM), folder)).map((f) => f.level)).toEqual(['error']);
    }
  });
});

describe('auth-required', () => {
  it('reports a connector without any authentication on the swagger root', () => {
    const sw = swagger();
    const findings = findingsOf('auth-required', pkg(sw, properties({})));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'auth-required', level: 'error', file: `${C}/${SWAGGER}`, line: 1, column: 1 });
  });

  it('points at an empty securityDefinitions and names a credential taken per action', () => {
    const sw = swagger({}, { paths: { '/orders': { get: { operationId: 'GetOrders', parameters: [{ name: 'access_token', in: 'query', type: 'string' }], responses: { 200: { description: 'OK' } } } } } });
    const findings = findingsOf('auth-required', pkg(sw, properties({})));
    expect(findings.map((f) => [f.line, f.column])).toEqual([Object.values(where(sw, '"securityDefinitions"'))]);
    expect(findings[0]?.message).toContain("'access_token'");
  });

  it('passes with a securityDefinitions entry or a credential connection parameter', () => {
    expect(findingsOf('auth-required', pkg(swagger(API_KEY_DEF), properties(API_KEY_PARAM)))).toEqual([]);
    expect(findingsOf('auth-required', pkg(swagger(), properties(OAUTH_PARAM)))).toEqual([]);
  });

  it('is an error for independent publishers and a warning for custom connectors', () => {
    const sw = swagger();
    expect(findingsOf('auth-required', pkg(sw, properties({}), 'independent-publisher-connectors/Contoso')).map((f) => f.level)).toEqual(['warning']);
    expect(findingsOf('auth-required', pkg(sw, properties({}), 'custom-connectors/Contoso')).map((f) => f.level)).toEqual(['warning']);
  });
});

describe('auth-consistency', () => {
  it('warns when an apiKey definition has no securestring parameter to fill it', () => {
    const sw = swagger(API_KEY_DEF);
    const findings = findingsOf('auth-consistency', pkg(sw, properties({})));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'auth-consistency', level: 'warning', file: `${C}/${SWAGGER}`, ...where(sw, '"api_key"') });
  });

  it('warns when an oauth2 definition has no oauthSetting parameter, in any set', () => {
    const sw = swagger(OAUTH_DEF);
    const findings = findingsOf('auth-consistency', pkg(sw, properties({ region: { type: 'string' } })));
    expect(findings.map((f) => [f.file, f.line, f.column])).toEqual([[`${C}/${SWAGGER}`, ...Object.values(where(sw, '"oauth2_auth"'))]]);
    const sets = properties(undefined, { connectionParameterSets: { values: [{ name: 'a', parameters: { region: { type: 'string' } } }, { name: 'b', parameters: OAUTH_PARAM }] } });
    expect(findingsOf('auth-consistency', pkg(sw, sets))).toEqual([]);
  });

  it('warns when basic authentication has no username and password parameters', () => {
    const sw = swagger({ basic_auth: { type: 'basic' } });
    const onlyPassword = properties({ password: { type: 'securestring' } });
    expect(findingsOf('auth-consistency', pkg(sw, onlyPassword)).map((f) => [f.line, f.column])).toEqual([Object.values(where(sw, '"basic_auth"'))]);
    const ok = properties({ username: { type: 'securestring' }, password: { type: 'securestring' } });
    expect(findingsOf('auth-consistency', pkg(sw, ok))).toEqual([]);
  });

  it('warns when an api_key parameter has no apiKey definition to send it', () => {
    const props = properties(API_KEY_PARAM);
    const findings = findingsOf('auth-consistency', pkg(swagger(), props));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', file: `${C}/${PROPS}`, ...where(props, '"api_key"') });
  });

  it('accepts an api_key that a policy sends itself, and matching pairs', () => {
    const policy = { policyTemplateInstances: [{ templateId: 'setheader', parameters: { 'x-ms-apimTemplateParameter.name': 'X-Api-Key', 'x-ms-apimTemplateParameter.value': "@connectionParameters('api_key')" } }] };
    expect(findingsOf('auth-consistency', pkg(swagger(), properties(API_KEY_PARAM, policy)))).toEqual([]);
    expect(findingsOf('auth-consistency', pkg(swagger(API_KEY_DEF), properties(API_KEY_PARAM)))).toEqual([]);
    expect(findingsOf('auth-consistency', pkg(swagger(OAUTH_DEF), properties(OAUTH_PARAM)))).toEqual([]);
  });

  it('is a warning for every profile and needs both files', () => {
    const sw = swagger(API_KEY_DEF);
    for (const folder of ['independent-publisher-connectors/Contoso', 'custom-connectors/Contoso']) {
      expect(findingsOf('auth-consistency', pkg(sw, properties({}), folder)).map((f) => f.level)).toEqual(['warning']);
    }
    expect(findingsOf('auth-consistency', pkg(sw))).toEqual([]);
    const report = gate(writeTree(pkg(sw, properties({}))));
    expect(report.connectors[0]?.verdicts.authentication).toBe('warn');
  });
});

describe('authentication rules on malformed input', () => {
  it('do not crash on wrong JSON types', () => {
    const sw = json({ swagger: '2.0', info: {}, host: 'api.contoso.com', paths: [], securityDefinitions: { a: 'x', b: { type: 7, flow: [] } } });
    const props = json({ properties: { connectionParameters: [1], connectionParameterSets: { values: [null, { parameters: 'x' }, { parameters: { t: { type: 'oauthSetting', oAuthSettings: 3 } } }] } } });
    const report = gate(writeTree(pkg(sw, props)));
    expect(report.internalErrors).toEqual([]);
    const rootArray = gate(writeTree(pkg('[]\n', '"x"\n')));
    expect(rootArray.internalErrors).toEqual([]);
  });
});
