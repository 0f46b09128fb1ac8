// Package, readme, script and apiProperties rules of the catalog (sections 1a, 1b, 1f). Each rule has
// a failing fixture and a passing one with the exact rule, file, line and column asserted; every fix
// is applied and the package re-checked.
import { describe, expect, it } from 'vitest';
import type { Finding, Profile } from '../../src/engine/types.js';
import { findingsOf, json, lineOf } from '../helpers.js';

type Json = Record<string, unknown>;
const DIR = { certified: 'certified-connectors/Contoso', 'independent-publisher': 'independent-publisher-connectors/Contoso', custom: 'custom-connectors/Contoso' } as const;

function swagger(extra: Json = {}): Json {
  return {
    swagger: '2.0',
    info: { title: 'Contoso Frames', description: 'Manage picture frames in your Contoso account.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/frames/{id}': { get: { operationId: 'GetFrame', summary: 'Get frame', responses: { '200': { description: 'OK' } } } },
      '/frames': { post: { operationId: 'CreateFrame', summary: 'Create frame', responses: { '200': { description: 'OK' } } } },
    },
    ...extra,
  };
}

function apiProperties(extra: Json = {}, parameters?: Json): Json {
  return {
    properties: {
      connectionParameters: parameters ?? {
        api_key: {
          type: 'securestring',
          uiDefinition: { displayName: 'API Key', description: 'The API key for Contoso', tooltip: 'Provide your API key', constraints: { clearText: false, required: 'true' } },
        },
      },
      iconBrandColor: '#e44719',
      capabilities: [],
      publisher: 'Contoso',
      stackOwner: 'Contoso',
      ...extra,
    },
  };
}

const OAUTH = {
  token: {
    type: 'oauthSetting',
    oAuthSettings: { identityProvider: 'oauth2', clientId: '[[DUMMY]]', scopes: [], redirectMode: 'GlobalPerConnector', properties: {}, customParameters: {} },
  },
};

const README = `# Contoso Frames
Contoso Frames sells picture frames. This connector orders and tracks frames.

## Publisher: Contoso

## Prerequisites
A Contoso account.

## Supported Operations
### Get frame
Gets a frame.
### Create frame
Creates a frame.

## Obtaining Credentials
1. Register an app at https://contoso.com/apps.
2. Set the redirect URI to https://global.consent.azure-apim.net/redirect.
3. Copy the client ID and client secret.

## Known Issues and Limitations
None.

## Deployment Instructions
Run \`paconn create\`.
`;

const SCRIPT = `using System.Net;
using Newtonsoft.Json.Linq;

public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
    }
}
`;

interface Pkg {
  profile?: Profile;
  dir?: string;
  swagger?: string;
  props?: string;
  readme?: string | undefined;
  script?: string;
  settings?: string;
}

function files(p: Pkg): Record<string, string> {
  const dir = p.dir ?? DIR[p.profile ?? 'certified'];
  const result: Record<string, string> = {
    [`${dir}/apiDefinition.swagger.json`]: p.swagger ?? json(swagger()),
    [`${dir}/apiProperties.json`]: p.props ?? json(apiProperties()),
  };
  if (!('readme' in p) || p.readme !== undefined) result[`${dir}/readme.md`] = p.readme ?? README;
  if (p.script !== undefined) result[`${dir}/script.csx`] = p.script;
  if (p.settings !== undefined) result[`${dir}/settings.json`] = p.settings;
  return result;
}

function run(ruleId: string, p: Pkg = {}): Finding[] {
  return findingsOf(ruleId, files(p));
}

function only(findings: Finding[]): Finding {
  expect(findings.map((f) => f.message)).toHaveLength(1);
  return findings[0] as Finding;
}

function at(ruleId: string, file: string, text: string, needle: string, level: string, occurrence = 1): Partial<Finding> {
  const line = lineOf(text, needle, occurrence);
  const column = (text.split('\n')[line - 1] as string).indexOf(needle) + 1;
  return { ruleId, file, line, column, level: level as Finding['level'] };
}

function applyFix(text: string, finding: Finding | undefined): string {
  const fix = finding?.fix;
  if (!fix) throw new Error(`no fix on ${finding?.message}`);
  return text.slice(0, fix.offset) + fix.text + text.slice(fix.offset + fix.length);
}

const SW = (profile: Profile = 'certified'): string => `${DIR[profile]}/apiDefinition.swagger.json`;
const AP = (profile: Profile = 'certified'): string => `${DIR[profile]}/apiProperties.json`;
const RM = (profile: Profile = 'certified'): string => `${DIR[profile]}/readme.md`;
const SC = (profile: Profile = 'certified'): string => `${DIR[profile]}/script.csx`;

const ALL = [
  'pkg-folder-location', 'pkg-format-style', 'pkg-settings-schema', 'readme-sections', 'readme-publisher-consistency', 'readme-oauth-steps',
  'readme-ops-match', 'script-structure', 'script-namespaces', 'script-limits', 'script-operations-consistent', 'ip-no-oauth', 'no-secrets',
  'oauth-redirect', 'policy-templates', 'connection-params-ui',
];

describe('the base package', () => {
  it.each(['certified', 'independent-publisher', 'custom'] as const)('passes every rule (%s)', (profile) => {
    const props = json(apiProperties({ scriptOperations: ['GetFrame'], ...(profile === 'independent-publisher' ? { iconBrandColor: '#da3b01' } : {}) }));
    for (const id of ALL) expect(run(id, { profile, props, script: SCRIPT, settings: json({ powerAppsApiVersion: '2016-11-01' }) }), id).toEqual([]);
  });
});

describe('pkg-folder-location', () => {
  const id = 'pkg-folder-location';
  it('is a notice on line 1 of the definition outside the known folders', () => {
    const f = only(run(id, { dir: 'connectors/Contoso' }));
    expect(f).toMatchObject({ ruleId: id, file: 'connectors/Contoso/apiDefinition.swagger.json', line: 1, column: 1, level: 'notice' });
    expect(f.message).toContain("'connectors/Contoso'");
  });
  it('flags a connector nested below its folder, and wrong letter case', () => {
    expect(only(run(id, { dir: 'certified-connectors/Contoso/v2' })).message).toContain('nested below');
    expect(only(run(id, { dir: 'Certified-Connectors/Contoso' })).message).toContain("spelled 'certified-connectors'");
  });
});

describe('pkg-format-style', () => {
  const id = 'pkg-format-style';
  it('reports trailing whitespace with a fix, then passes', () => {
    const text = json(swagger()).replace('"swagger": "2.0",', '"swagger": "2.0",   ');
    const f = only(run(id, { swagger: text }));
    expect(f).toMatchObject({ ruleId: id, file: SW(), line: 2, column: 20, level: 'warning' });
    expect(run(id, { swagger: applyFix(text, f) })).toEqual([]);
  });
  it('reports hard tabs with a fix to spaces, then passes', () => {
    const text = json(apiProperties()).replace('\n  "properties"', '\n\t"properties"');
    const f = only(run(id, { props: text }));
    expect(f).toMatchObject({ ruleId: id, file: AP(), line: 2, column: 1, level: 'warning' });
    const after = applyFix(text, f);
    expect(after.split('\n')[1]).toBe('    "properties": {');
    expect(run(id, { props: after })).toEqual([]);
  });
  it('caps the findings per file and sums up the rest', () => {
    const text = json(swagger()).replace(/,\n/g, ', \n');
    const findings = run(id, { swagger: text });
    expect(findings).toHaveLength(11);
    expect(findings[10]?.message).toMatch(/^\d+ more lines/);
    expect(findings[10]?.fix).toBeUndefined();
  });
  it('leaves non-strict JSON to pkg-json-strict', () => {
    expect(run(id, { swagger: json(swagger()).replace('"2.0",', '"2.0",  ').replace('"1.0"', '"1.0",') })).toEqual([]);
  });
});

describe('pkg-settings-schema', () => {
  const id = 'pkg-settings-schema';
  it('flags unknown keys, a bad environment and a wrong API version (with a fix)', () => {
    const settings = json({ environment: 'prod', powerAppsApiVersion: '2020-01-01', color: 'red' });
    const findings = run(id, { settings });
    const file = `${DIR.certified}/settings.json`;
    expect(findings.map((f) => [f.line, f.column, f.level, f.file])).toEqual([
      [2, 18, 'warning', file],
      [3, 26, 'warning', file],
      [4, 3, 'warning', file],
    ]);
    expect(findings[2]?.message).toContain("'color'");
    const fixed = applyFix(settings, findings[1]);
    expect(JSON.parse(fixed).powerAppsApiVersion).toBe('2016-11-01');
    expect(run(id, { settings: fixed }).map((f) => f.line)).toEqual([2, 4]);
  });
  it('accepts paconn settings with an environment GUID or a default environment', () => {
    const ok = { connectorId: 'shared_contoso-5f1a', environment: 'Default-72f988bf-86f1-41af-91ab-2d7cd011db47', apiProperties: 'apiProperties.json', apiDefinition: 'apiDefinition.swagger.json', icon: 'icon.png', script: 'script.csx', powerAppsUrl: 'https://api.powerapps.com', powerAppsApiVersion: '2016-11-01', flowUrl: 'https://api.flow.microsoft.com', flowApiVersion: '2016-11-01' };
    expect(run(id, { settings: json(ok) })).toEqual([]);
    expect(run(id, { settings: json({ ...ok, environment: '72f988bf-86f1-41af-91ab-2d7cd011db47' }) })).toEqual([]);
  });
});

describe('readme-sections', () => {
  const id = 'readme-sections';
  it('reports a missing Known Issues section on the H1 (an error for independent publishers)', () => {
    const readme = README.replace('## Known Issues and Limitations\nNone.\n', '');
    const f = only(run(id, { profile: 'independent-publisher', readme }));
    expect(f).toMatchObject({ ...at(id, RM('independent-publisher'), readme, 'Contoso Frames', 'error'), line: 1, column: 3 });
    expect(f.message).toContain('"Known Issues and Limitations"');
  });
  it('requires Deployment Instructions for certified (a recommendation) but not for independent publishers', () => {
    const readme = README.replace(/## Deployment Instructions[\s\S]*$/, '');
    expect(only(run(id, { readme }))).toMatchObject({ ruleId: id, file: RM(), line: 1, column: 3, level: 'warning' });
    expect(run(id, { profile: 'independent-publisher', readme })).toEqual([]);
  });
  it('keeps Prerequisites an error for certified connectors', () => {
    const readme = README.replace('## Prerequisites\nA Contoso account.\n', '');
    expect(only(run(id, { readme }))).toMatchObject({ ruleId: id, file: RM(), line: 1, column: 3, level: 'error' });
  });
  it('reports a missing H1 on the first heading, and a missing section on line 1 without any H1', () => {
    const readme = README.replace('# Contoso Frames\n', '');
    const findings = run(id, { profile: 'independent-publisher', readme });
    expect(only(findings)).toMatchObject({ ruleId: id, line: lineOf(readme, '## Publisher'), column: 4, level: 'error' });
    const bare = readme.replace('## Prerequisites\n', '');
    expect(run(id, { profile: 'independent-publisher', readme: bare }).map((f) => [f.line, f.column])).toEqual([[1, 1], [lineOf(bare, '## Publisher'), 4]]);
  });
  it('accepts the variants merged connectors use, and ignores headings inside code blocks', () => {
    const readme = README.replace('## Prerequisites', '## Pre-requisites').replace('## Publisher: Contoso', '## Publisher\nContoso').replace('## Obtaining Credentials', '# How to get credentials');
    expect(run(id, { readme })).toEqual([]);
    const fenced = README.replace('## Prerequisites\nA Contoso account.\n', '```\n## Prerequisites\n```\n');
    expect(only(run(id, { readme: fenced })).message).toContain('"Prerequisites"');
  });
  it('is a warning for custom connectors', () => {
    expect(only(run(id, { profile: 'custom', readme: README.replace('## Prerequisites', '## Setup') })).level).toBe('warning');
  });
});

describe('readme-publisher-consistency', () => {
  const id = 'readme-publisher-consistency';
  it('flags a readme publisher that differs from apiProperties.json', () => {
    const readme = README.replace('Publisher: Contoso', 'Publisher: Fabrikam');
    const f = only(run(id, { readme }));
    expect(f).toMatchObject({ ...at(id, RM(), readme, 'Fabrikam', 'warning') });
    expect(f.message).toContain("'Fabrikam'");
    expect(f.message).toContain("'Contoso'");
  });
  it('flags the template placeholder', () => {
    expect(only(run(id, { readme: README.replace('Publisher: Contoso', "Publisher: Publisher's Name") })).message).toContain('placeholder');
  });
  it('accepts legal suffixes, accents, and an independent publisher among several names', () => {
    expect(run(id, { readme: README.replace('Publisher: Contoso', 'Publisher: **Contoso Ltd.**') })).toEqual([]);
    const ip = json(apiProperties({ publisher: 'Timo Pertila', iconBrandColor: '#da3b01' }));
    expect(run(id, { profile: 'independent-publisher', props: ip, readme: README.replace('Publisher: Contoso', 'Publisher: Timo Pertilä, Forward Forever') })).toEqual([]);
    expect(only(run(id, { props: ip, readme: README.replace('Publisher: Contoso', 'Publisher: Timo Pertilä, Forward Forever') })).level).toBe('warning');
  });
});

describe('readme-oauth-steps', () => {
  const id = 'readme-oauth-steps';
  const props = json(apiProperties({}, OAUTH));
  it('flags an OAuth connector whose credentials section has no app-registration steps', () => {
    const readme = README.replace(/1\. Register[\s\S]*?secret\.\n/, 'Sign up at contoso.com.\n');
    const f = only(run(id, { profile: 'independent-publisher', props, readme }));
    expect(f).toMatchObject(at(id, RM('independent-publisher'), readme, 'Obtaining Credentials', 'error'));
    expect(only(run(id, { props, readme })).level).toBe('warning');
  });
  it('passes with steps, and for connectors without OAuth', () => {
    expect(run(id, { profile: 'independent-publisher', props })).toEqual([]);
    expect(run(id, { readme: README.replace(/1\. Register[\s\S]*?secret\.\n/, 'Sign up.\n') })).toEqual([]);
  });
});

describe('readme-ops-match', () => {
  const id = 'readme-ops-match';
  it('flags a renamed operation on its heading, naming the summary', () => {
    const readme = README.replace('### Get frame', '### Get a frame');
    const f = only(run(id, { readme }));
    expect(f).toMatchObject(at(id, RM(), readme, 'Get a frame', 'warning'));
    expect(f.message).toContain("'Get frame'");
  });
  it('flags an unknown operation and a missing one separately', () => {
    const readme = README.replace('### Create frame\nCreates a frame.\n', '### Delete everything\nGone.\n');
    const findings = run(id, { readme });
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [lineOf(readme, '## Supported Operations'), 4],
      [lineOf(readme, '### Delete everything'), 5],
    ]);
    expect(findings[0]?.message).toContain("'Create frame'");
  });
  it('reads list items and group headings, and skips internal operations', () => {
    const list = README.replace('### Get frame\nGets a frame.\n### Create frame\nCreates a frame.\n', '- **Get frame**: gets a frame\n- `Create frame` - creates one\n');
    expect(run(id, { readme: list })).toEqual([]);
    // Plain names followed by what they do: the part before ": " or " - " is the name.
    const described = README.replace('### Get frame', '### Get frame: gets a frame').replace('### Create frame', '### Create frame - creates one');
    expect(run(id, { readme: described })).toEqual([]);
    const plain = README.replace('### Get frame\nGets a frame.\n### Create frame\nCreates a frame.\n', '- Get frame: gets a frame\n- Create frame — creates one\n');
    expect(run(id, { readme: plain })).toEqual([]);
    const grouped = README.replace('### Get frame', '### Actions\n#### Get frame').replace('### Create frame', '#### Create frame');
    expect(run(id, { readme: grouped })).toEqual([]);
    const s = swagger();
    ((s.paths as Json)['/frames'] as Json).post = { operationId: 'CreateFrame', summary: 'Hidden', 'x-ms-visibility': 'internal', responses: {} };
    expect(run(id, { swagger: json(s), readme: README.replace('### Create frame\nCreates a frame.\n', '') })).toEqual([]);
  });
});

describe('script-structure', () => {
  const id = 'script-structure';
  it('flags a script without a ScriptBase class on line 1', () => {
    const script = 'public class Helper\n{\n}\n';
    expect(only(run(id, { script }))).toMatchObject({ ruleId: id, file: SC(), line: 1, column: 1, level: 'error' });
  });
  it('flags a missing ExecuteAsync override on the class name, and a class not named Script', () => {
    const script = SCRIPT.replace('public override async', 'public async').replace('class Script', 'class Handler');
    const findings = run(id, { script });
    expect(findings.map((f) => [f.line, f.column, f.level])).toEqual([
      [4, 14, 'error'],
      [4, 14, 'warning'],
    ]);
  });
  it('ignores classes in comments and strings', () => {
    const script = `// public class Script : ScriptBase\nvar s = "class Script : ScriptBase { override ExecuteAsync( }";\n`;
    expect(only(run(id, { script })).line).toBe(1);
  });
});

describe('script-namespaces', () => {
  const id = 'script-namespaces';
  it('flags an unsupported namespace on the name', () => {
    const script = `using System.Globalization;\n${SCRIPT}`;
    const f = only(run(id, { script }));
    expect(f).toMatchObject({ ruleId: id, file: SC(), line: 1, column: 7, level: 'error' });
    expect(f.message).toContain("'System.Globalization'");
  });
  it('accepts supported namespaces, aliases to their types, and using statements', () => {
    const script = `using System.Text.RegularExpressions;\nusing static System.Math;\nusing J = Newtonsoft.Json.JsonConvert;\n// using Foo.Bar;\n${SCRIPT}`.replace('return await', 'using (var x = new System.IO.MemoryStream()) { }\n        return await');
    expect(run(id, { script })).toEqual([]);
  });
});

describe('script-limits', () => {
  const id = 'script-limits';
  it('flags new HttpClient as a recommendation, on the expression', () => {
    const script = SCRIPT.replace('return await', 'var client = new HttpClient();\n        return await');
    const f = only(run(id, { script }));
    expect(f).toMatchObject({ ...at(id, SC(), script, 'new HttpClient', 'warning') });
  });
  it('flags a script above 1 MB on line 1', () => {
    const script = SCRIPT + `// ${'x'.repeat(1024 * 1024)}\n`;
    expect(only(run(id, { script }))).toMatchObject({ ruleId: id, file: SC(), line: 1, column: 1, level: 'error' });
  });
  it('ignores HttpClient in comments', () => {
    expect(run(id, { script: SCRIPT.replace('return await', '// new HttpClient()\n        return await') })).toEqual([]);
  });
  it('ignores HttpClient in strings and character literals but not in an interpolation hole', () => {
    const lines = [
      'var a = @"new HttpClient() "" new HttpClient()";',
      'var b = """ new HttpClient() """; var c = \'"\'; /* new HttpClient() */',
      'var d = $@"{{ new HttpClient() }} {x + "new HttpClient()"} {new HttpClient().BaseAddress}";',
    ];
    const script = SCRIPT.replace('return await', `${lines.join('\n        ')}\n        return await`);
    const line = lineOf(script, 'var d');
    const column = (script.split('\n')[line - 1] as string).lastIndexOf('new HttpClient') + 1;
    expect(only(run(id, { script }))).toMatchObject({ ruleId: id, file: SC(), line, column, level: 'warning' });
  });
});

describe('script-operations-consistent', () => {
  const id = 'script-operations-consistent';
  it('flags an unknown operationId on its entry, with a case fix when one is near', () => {
    const props = json(apiProperties({ scriptOperations: ['getframe', 'Nope'] }));
    const findings = run(id, { props, script: SCRIPT });
    expect(findings.map((f) => [f.line, f.column, f.level])).toEqual([
      [lineOf(props, '"getframe"'), 7, 'error'],
      [lineOf(props, '"Nope"'), 7, 'error'],
    ]);
    expect(JSON.parse(applyFix(props, findings[0])).properties.scriptOperations).toEqual(['GetFrame', 'Nope']);
  });
  it('flags scriptOperations without a script, and a script without scriptOperations (recommendation)', () => {
    const props = json(apiProperties({ scriptOperations: [] }));
    expect(only(run(id, { props }))).toMatchObject(at(id, AP(), props, '"scriptOperations"', 'error'));
    const plain = json(apiProperties());
    expect(only(run(id, { props: plain, script: SCRIPT }))).toMatchObject({ ...at(id, AP(), plain, '"properties"', 'warning') });
  });
});

describe('ip-no-oauth', () => {
  const id = 'ip-no-oauth';
  it('flags an OAuth connection parameter of an independent publisher on its type', () => {
    const props = json(apiProperties({ iconBrandColor: '#da3b01' }, OAUTH));
    expect(only(run(id, { profile: 'independent-publisher', props }))).toMatchObject(at(id, AP('independent-publisher'), props, '"oauthSetting"', 'error'));
    expect(run(id, { props })).toEqual([]);
  });
  it('flags an oauth2 security definition when apiProperties has none', () => {
    const text = json(swagger({ securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://x.contoso.com', tokenUrl: 'https://x.contoso.com', scopes: {} } } }));
    expect(only(run(id, { profile: 'independent-publisher', swagger: text }))).toMatchObject(at(id, SW('independent-publisher'), text, '"oauth2"', 'error'));
  });
});

describe('no-secrets', () => {
  const id = 'no-secrets';
  const SECRET = 'Jq8~xK2pLm9vRt4wYz7bNc3dFg6hQs1aEu5iOo0T';
  it('flags a real client secret without printing it, with a [[DUMMY]] fix', () => {
    const props = json(apiProperties({}, { token: { ...OAUTH.token, oAuthSettings: { ...OAUTH.token.oAuthSettings, clientSecret: SECRET } } }));
    const f = only(run(id, { props }));
    expect(f).toMatchObject(at(id, AP(), props, `"${SECRET}"`, 'error'));
    expect(f.message).not.toContain(SECRET);
    expect(f.message).not.toContain(SECRET.slice(0, 8));
    expect(run(id, { props: applyFix(props, f) })).toEqual([]);
  });
  it('flags a GUID client ID in a submission but not in a custom connector', () => {
    const props = json(apiProperties({}, { token: { ...OAUTH.token, oAuthSettings: { ...OAUTH.token.oAuthSettings, clientId: '945e244d-b5ea-4b33-9231-ed9737c5f124' } } }));
    const f = only(run(id, { props }));
    expect(f.message).not.toContain('945e244d');
    expect(run(id, { profile: 'custom', props })).toEqual([]);
  });
  it('accepts placeholders', () => {
    for (const value of ['[[DUMMY]]', '<client-id>', '{{ client id }}', 'Please enter your client id', 'PLACEHOLDER_CLIENTID', '']) {
      const props = json(apiProperties({}, { token: { ...OAUTH.token, oAuthSettings: { ...OAUTH.token.oAuthSettings, clientId: value, clientSecret: value } } }));
      expect(run(id, { props }), value).toEqual([]);
    }
  });
  it('flags keys in the readme and the definition on their position', () => {
    const key = 'AKIAIOSFODNN7EXAMPLQ';
    const readme = README.replace('None.', `Use key ${key} to test.`);
    const f = only(run(id, { readme }));
    expect(f).toMatchObject(at(id, RM(), readme, key, 'error'));
    expect(f.message).not.toContain(key);
    const text = json(swagger({ 'x-note': `Authorization: Bearer ${SECRET}Zx` }));
    expect(only(run(id, { swagger: text }))).toMatchObject({ ruleId: id, file: SW(), line: lineOf(text, 'x-note'), column: 13 });
    expect(run(id, { readme: README.replace('None.', 'Send "Authorization: Bearer <your token>" and api_key=YOUR_API_KEY.') })).toEqual([]);
  });
});

describe('oauth-redirect', () => {
  const id = 'oauth-redirect';
  it('flags OAuth settings without redirectMode for certified connectors only', () => {
    const settings = { ...OAUTH.token.oAuthSettings } as Json;
    delete settings.redirectMode;
    const props = json(apiProperties({}, { token: { type: 'oauthSetting', oAuthSettings: settings } }));
    expect(only(run(id, { props }))).toMatchObject(at(id, AP(), props, '"oAuthSettings"', 'error'));
    expect(run(id, { profile: 'custom', props })).toEqual([]);
  });
  it('fixes the letter case of a known mode', () => {
    const props = json(apiProperties({}, { token: { ...OAUTH.token, oAuthSettings: { ...OAUTH.token.oAuthSettings, redirectMode: 'globalperconnector' } } }));
    const f = only(run(id, { props }));
    expect(f).toMatchObject(at(id, AP(), props, '"globalperconnector"', 'error'));
    expect(run(id, { props: applyFix(props, f) })).toEqual([]);
  });
});

describe('policy-templates', () => {
  const id = 'policy-templates';
  const instances = (list: unknown[]): string => json(apiProperties({ policyTemplateInstances: list }));
  it('flags an unknown templateId and missing required parameters', () => {
    const props = instances([
      { templateId: 'teleport', title: 'x', parameters: {} },
      { templateId: 'setheader', title: 'h', parameters: { 'x-ms-apimTemplateParameter.name': 'X-Id' } },
    ]);
    const findings = run(id, { props });
    expect(findings.map((f) => [f.line, f.column, f.level])).toEqual([
      [lineOf(props, '"teleport"'), 23, 'error'],
      [lineOf(props, '"parameters"', 2), 9, 'error'],
    ]);
    expect(findings[1]?.message).toContain('x-ms-apimTemplateParameter.value');
  });
  it('flags operation names that are no operationIds, with a case fix', () => {
    const props = instances([{ templateId: 'dynamichosturl', title: 'h', parameters: { 'x-ms-apimTemplateParameter.urlTemplate': 'https://x.contoso.com', 'x-ms-apimTemplate-operationName': ['getFrame', 'Gone'] } }]);
    const findings = run(id, { props });
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [lineOf(props, '"getFrame"'), 13],
      [lineOf(props, '"Gone"'), 13],
    ]);
    expect(applyFix(props, findings[0])).toContain('"GetFrame"');
  });
  it('accepts known templates in any letter case, and warns on unknown parameters', () => {
    expect(run(id, { props: instances([{ templateId: 'SetHeader', title: 'h', parameters: { 'x-ms-apimTemplateParameter.name': 'a', 'x-ms-apimTemplateParameter.value': 'b', 'x-ms-apimTemplate-policySection': 'Request' } }]) })).toEqual([]);
    const props = instances([{ templateId: 'routerequesttoendpoint', title: 'r', parameters: { 'x-ms-apimTemplateParameter.newPath': '/x', 'x-ms-apimTemplateParameter.colour': 'red' } }]);
    expect(only(run(id, { props }))).toMatchObject(at(id, AP(), props, '"x-ms-apimTemplateParameter.colour"', 'warning'));
  });
});

describe('connection-params-ui', () => {
  const id = 'connection-params-ui';
  it('flags missing UI texts on the uiDefinition key', () => {
    const props = json(apiProperties({}, { api_key: { type: 'securestring', uiDefinition: { displayName: 'API Key', constraints: { required: 'true' } } } }));
    const f = only(run(id, { props }));
    expect(f).toMatchObject(at(id, AP(), props, '"uiDefinition"', 'warning'));
    expect(f.message).toContain('"description", "tooltip"');
  });
  it('fixes a boolean constraints.required and a secret shown in clear text', () => {
    const ui = { displayName: 'Password', description: 'Your password', tooltip: 'Your password', constraints: { required: true, clearText: true } };
    const props = json(apiProperties({}, { password: { type: 'securestring', uiDefinition: ui } }));
    const findings = run(id, { props });
    const valueAt = (key: string): [number, number] => {
      const line = lineOf(props, key);
      return [line, (props.split('\n')[line - 1] as string).indexOf('true') + 1];
    };
    expect(findings.map((f) => [f.line, f.column])).toEqual([valueAt('"required"'), valueAt('"clearText"')]);
    let fixed = applyFix(props, findings[1]);
    fixed = applyFix(fixed, findings[0]);
    expect(run(id, { props: fixed })).toEqual([]);
  });
  it('flags a secret typed as string, but not OAuth or hidden parameters', () => {
    const ui = { displayName: 'Key', description: 'Key', tooltip: 'Key' };
    const props = json(apiProperties({}, { apiKey: { type: 'string', uiDefinition: ui }, hidden: { type: 'string', uiDefinition: { constraints: { hidden: 'true' } } }, ...OAUTH }));
    expect(only(run(id, { props }))).toMatchObject(at(id, AP(), props, '"string"', 'warning'));
  });
});
