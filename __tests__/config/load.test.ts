import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig } from '../../src/config/load.js';
import { RULES } from '../../src/rules/index.js';
import { tempDir, writeTree } from '../helpers.js';
import { CONFIG, REPO_ROOT } from './fixtures.js';

/** The message of the ConfigError that parsing `text` throws. */
function errorOf(text: string): string {
  try {
    parseConfig(text, CONFIG);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('no error');
}

describe('config parsing', () => {
  it('parses the example of docs/configuration.md, with positions', () => {
    const docs = readFileSync(path.join(REPO_ROOT, 'docs/configuration.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(docs)?.[1] as string;
    const config = parseConfig(example, CONFIG);
    const lines = example.split('\n');
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;

    expect(config.rules).toEqual([
      { ruleId: 'op-visibility', level: 'error', line: lineOf('op-visibility: error'), column: 3 },
      { ruleId: 'response-property-metadata', level: 'off', line: lineOf('response-property-metadata: off'), column: 3 },
    ]);
    expect(config.connectors).toHaveLength(2);
    const [contoso, ip] = config.connectors;
    expect(contoso).toMatchObject({ ownedDomains: ['contoso.com', 'contoso.net'], sla: 99.95, rules: [], line: lineOf('match: certified-connectors/Contoso*'), column: 5 });
    expect(contoso?.match.map((glob) => glob.test('certified-connectors/Contoso Frames'))).toEqual([true]);
    expect(ip?.profile).toBe('independent-publisher');
    expect(ip?.match.map((glob) => glob.pattern)).toEqual(['independent-publisher-connectors/**', 'legacy/*']);
    expect(ip?.rules).toEqual([{ ruleId: 'info-description-words', level: 'warning', line: lineOf('info-description-words: warning'), column: 7 }]);
    expect(config.ignore).toHaveLength(2);
    expect(config.ignore[0]).toMatchObject({
      index: 0,
      ruleId: 'op-description',
      reason: 'the description is reviewed with Microsoft (ticket 1234)',
      pointers: [{ pointer: '/paths/~1frames~1{frameId}/get', subtree: false, base: '/paths/~1frames~1{frameId}/get', line: lineOf('pointer: /paths'), column: 14 }],
    });
    expect(config.ignore[0]?.file.literal).toBe('certified-connectors/Contoso Frames/apiDefinition.swagger.json');
    expect(config.ignore[1]?.pointers).toBeUndefined();
    expect(config.ignore[1]?.file.test('certified-connectors/Fabrikam/apiDefinition.swagger.json')).toBe(true);
    expect(config.breaking).toBe('error');
  });

  it('parses the example of the README', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] as string;
    const config = parseConfig(example, CONFIG);
    expect(config.rules.map((override) => override.ruleId)).toEqual(['op-visibility', 'response-property-metadata']);
    expect(config.connectors.map((entry) => entry.profile)).toEqual([undefined, 'custom']);
    expect(config.ignore[0]?.pointers?.[0]?.pointer).toBe('/paths/~1frames~1{frameId}/get');
    expect(config.breaking).toBe('error');
  });

  it('reads subtree pointers, pointer lists, domain strings and SLA strings', () => {
    const config = parseConfig(
      [
        'connectors:',
        '  - match: "*"',
        '    owned-domains: contoso.com, https://api.fabrikam.com/',
        '    sla: "99.9%"',
        'ignore:',
        '  - file: a.json',
        '    rule: refs',
        '    pointer:',
        '      - /paths/**',
        '      - ""',
        '    reason: legacy',
      ].join('\n'),
      CONFIG,
    );
    expect(config.connectors[0]).toMatchObject({ ownedDomains: ['contoso.com', 'api.fabrikam.com'], sla: 99.9 });
    expect(config.ignore[0]?.pointers).toMatchObject([
      { pointer: '/paths/**', subtree: true, base: '/paths', line: 9, column: 9 },
      { pointer: '', subtree: false, base: '', line: 10, column: 9 },
    ]);
  });

  it('takes an empty file, or one of comments only, as an empty config', () => {
    for (const text of ['', '# nothing yet\n']) {
      expect(parseConfig(text, CONFIG)).toMatchObject({ rules: [], connectors: [], ignore: [] });
      expect(parseConfig(text, CONFIG).breaking).toBeUndefined();
    }
  });

  it.each([
    ['an unknown key', 'rules:\n  op-visibility: off\nrulez: {}\n', '3:1: unknown key "rulez"; expected rules, connectors, ignore, breaking'],
    ['an unknown key in an entry', 'connectors:\n  - match: a\n    profiles: custom\n', '3:5: connectors[0]: unknown key "profiles"; expected match, profile, owned-domains, sla, rules'],
    ['a wrong type', 'connectors:\n  - match: a\n    sla: [1]\n', '3:10: connectors[0].sla: must be a number or a string, not a list'],
    ['a mapping expected', 'rules: off\n', '1:8: rules: must be a mapping, not a string ("off")'],
    ['a list at the top', '- a\n', '1:1: the config must be a mapping, not a list'],
    ['a bad level', 'rules:\n  op-visibility: fatal\n', '2:18: rules.op-visibility: "fatal" is not one of off, notice, warning, error'],
    ['a bad profile', 'connectors:\n  - match: a\n    profile: gold\n', '3:14: connectors[0].profile: "gold" is not one of auto, certified, independent-publisher, custom'],
    ['a bad breaking level', 'breaking: maybe\n', '1:11: breaking: "maybe" is not one of error, warning, off'],
    ['a missing match', 'connectors:\n  - sla: 99.9\n', '2:5: connectors[0]: missing "match"'],
    ['an empty match list', 'connectors:\n  - match: []\n', '2:12: connectors[0].match: must not be empty'],
    ['a missing reason', 'ignore:\n  - file: a\n    rule: refs\n', '2:5: ignore[0]: missing "reason"'],
    ['a blank reason', 'ignore:\n  - file: a\n    rule: refs\n    reason: "  "\n', '4:13: ignore[0].reason: must say why the finding is accepted (it is blank)'],
    ['a pointer that is not one', 'ignore:\n  - file: a\n    rule: refs\n    pointer: paths/x\n    reason: r\n', '4:14: ignore[0].pointer: "paths/x" is not a JSON pointer'],
    ['a bad escape in a pointer', 'ignore:\n  - file: a\n    rule: refs\n    pointer: [/a~2b]\n    reason: r\n', '4:15: ignore[0].pointer[0]: "/a~2b" is not a JSON pointer'],
    ['a bad domain', 'connectors:\n  - match: a\n    owned-domains: [contoso.com, "not a host"]\n', '3:20: connectors[0].owned-domains: owned domain "not a host" is not a host name'],
    ['a bad SLA', 'connectors:\n  - match: a\n    sla: high\n', '3:10: connectors[0].sla: sla must be a percentage such as 99.95; got "high"'],
    ['an impossible glob', "connectors:\n  - match: ['ok', '[z-a]']\n", '2:19: connectors[0].match[1]: invalid glob "[z-a]"'],
    ['a duplicate key', 'rules:\n  op-visibility: off\n  op-visibility: error\n', '3:3: not valid YAML: Map keys must be unique'],
    ['broken YAML', 'rules: [op-visibility\n', '2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a nested compact mapping', 'rules:\n  refs: off: on\n', '2:9: not valid YAML: Nested mappings are not allowed in compact mappings'],
  ])('reports %s with file, line and column', (_name, text, expected) => {
    const message = errorOf(text);
    expect(message.startsWith(`${CONFIG}:${expected}`), message).toBe(true);
  });

  it.each([
    ['rules', 'rules:\n  op-visiblity: warning\n', '2:3: rules: unknown rule "op-visiblity" (did you mean "op-visibility"?)'],
    ['a connector entry', 'connectors:\n  - match: a\n    rules:\n      nope: off\n', '4:7: connectors[0].rules: unknown rule "nope"; valid rules: '],
    ['an ignore entry', 'ignore:\n  - file: a\n    rule: nope\n    reason: r\n', '3:11: ignore[0].rule: unknown rule "nope"; valid rules: '],
  ])('rejects an unknown rule id in %s, listing the valid ids', (_name, text, expected) => {
    const message = errorOf(text);
    expect(message.startsWith(`${CONFIG}:${expected}`), message).toBe(true);
    expect(message).toContain(`valid rules: ${RULES.map((rule) => rule.meta.id).join(', ')}`);
  });
});

describe('config file', () => {
  it('reads .github/connector-gate.yml when present, and says nothing when it is absent', () => {
    expect(loadConfigFile(tempDir())).toBeUndefined();
    expect(loadConfigFile(tempDir(), '')).toBeUndefined();
    const root = writeTree({ [CONFIG]: 'rules:\n  refs: warning\n' });
    const config = loadConfigFile(root);
    expect(config).toMatchObject({ file: CONFIG, absFile: path.join(root, CONFIG), rules: [{ ruleId: 'refs', level: 'warning' }] });
  });

  it('requires a file named explicitly to exist', () => {
    expect(() => loadConfigFile(tempDir(), 'conf/gate.yml')).toThrow(new ConfigError('config file not found', 'conf/gate.yml'));
    expect(() => loadConfigFile(tempDir(), 'conf/gate.yml')).toThrow('conf/gate.yml: config file not found');
  });

  it('reads a file named explicitly instead of the default one', () => {
    const root = writeTree({ [CONFIG]: 'rules:\n  refs: warning\n', 'other.yml': 'rules:\n  refs: notice\n' });
    expect(loadConfigFile(root, 'other.yml')?.rules[0]?.level).toBe('notice');
  });

  it('names the file in errors, relative to the root', () => {
    const root = writeTree({ 'conf/gate.yml': 'rules:\n  refs: loud\n' });
    expect(() => loadConfigFile(root, 'conf/gate.yml')).toThrow(/^conf\/gate\.yml:2:9: rules\.refs: "loud" is not one of/);
  });

  it('refuses a default config that links outside the workspace, and a folder', () => {
    const outside = writeTree({ 'secret.yml': 'rules: {}\n' });
    const root = tempDir();
    mkdirSync(path.join(root, '.github'));
    symlinkSync(path.join(outside, 'secret.yml'), path.join(root, CONFIG));
    expect(() => loadConfigFile(root)).toThrow(/^\.github\/connector-gate\.yml: is a symbolic link to a file outside the workspace/);
    const folder = tempDir();
    mkdirSync(path.join(folder, CONFIG), { recursive: true });
    expect(() => loadConfigFile(folder)).toThrow(/^\.github\/connector-gate\.yml: is not a regular file/);
  });

  it('refuses a file that is not UTF-8', () => {
    const root = tempDir();
    mkdirSync(path.join(root, '.github'));
    writeFileSync(path.join(root, CONFIG), Buffer.from([0x72, 0x75, 0x6c, 0x65, 0x73, 0x3a, 0xff, 0x0a]));
    expect(() => loadConfigFile(root)).toThrow(/^\.github\/connector-gate\.yml: contains bytes that are not valid UTF-8/);
  });
});
