import { prop, str, type Node } from '../../engine/json/tree.js';
import type { JsonFile } from '../../engine/files.js';
import { defineRule, levels, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { parameterGroups, propCi, securityDefinitions } from '../authentication/credentials.js';
import { dynamicHostUrls, hostShape } from './domains.js';

/** Labels that name a non-production environment (reviewers refuse these hosts: PR #447, #1970). */
const ENVIRONMENT_WORDS: Record<string, string> = {
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  dev: 'development',
  develop: 'development',
  development: 'development',
  test: 'test',
  testing: 'test',
  tst: 'test',
  qa: 'QA',
  uat: 'user-acceptance test',
  sandbox: 'sandbox',
  preview: 'preview',
};

/** Two-label public suffixes: the registrable domain is then three labels ("contoso.co.uk"). */
const TWO_LABEL_SUFFIXES = new Set(['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.kr', 'com.br', 'com.cn', 'com.mx', 'co.za', 'co.in', 'com.sg', 'com.tr']);
/** Hosting platforms whose customers get a subdomain: that label is the customer's name and is checked. */
const PLATFORM_SUFFIXES = ['azurewebsites.net', 'azure-api.net', 'azurefd.net', 'cloudapp.net', 'herokuapp.com', 'appspot.com', 'vercel.app', 'netlify.app', 'onrender.com', 'web.app', 'firebaseapp.com'];
/** Tunnels and local addresses only work on one developer's machine. */
const TUNNELS = ['ngrok.io', 'ngrok-free.app', 'ngrok.app', 'loca.lt', 'trycloudflare.com', 'devtunnels.ms'];

/** Production hosts whose names contain an environment word (Azure DevOps lives at dev.azure.com). */
const PRODUCTION_HOSTS = ['dev.azure.com'];

/** Why a host is not production, or undefined. */
export function nonProduction(host: string): string | undefined {
  if (PRODUCTION_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return undefined;
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a local address';
  if (/^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|0\.0\.0\.0$)/.test(host) || host === '[::1]') return 'a local or private network address';
  if (TUNNELS.some((t) => host === t || host.endsWith(`.${t}`))) return 'a developer tunnel';
  const labels = host.split('.');
  const platform = PLATFORM_SUFFIXES.find((s) => host.endsWith(`.${s}`));
  const keep = platform ? platform.split('.').length : TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  // Only the labels left of the registrable domain describe an environment ("contoso.dev" is a domain).
  for (const label of labels.slice(0, Math.max(0, labels.length - keep))) {
    for (const token of label.split(/[-_]/)) {
      const word = ENVIRONMENT_WORDS[token.replace(/\d+$/, '')];
      if (word) return `a ${word} endpoint (${quote(token)})`;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'host-production',
    criterion: 'ownership',
    description: 'The API host and OAuth URLs are production endpoints: no staging, dev, test, QA, sandbox or preview hosts, no local addresses or tunnels.',
    level: levels('error', 'error', 'off'),
  },
  check({ connector, report }) {
    const check = (file: JsonFile, node: Node | undefined, what: string): void => {
      const value = str(node);
      if (!node || value === undefined) return;
      const shape = hostShape(value);
      const host = shape.kind === 'host' ? shape.host : shape.kind === 'suffix' ? shape.suffix : undefined;
      const why = host && nonProduction(host);
      if (!why) return;
      report({
        file,
        node,
        message: `${what} ${quote(value)} looks like ${why}; submitted connectors must call the production service: use its production URL (keep test hosts in a private copy)`,
      });
    };
    const swagger = parsedSwagger(connector);
    if (swagger) {
      check(swagger, prop(swagger.doc.root, 'host'), 'host');
      for (const definition of securityDefinitions(swagger)) {
        check(swagger, prop(definition.node, 'authorizationUrl'), `the authorizationUrl of ${quote(definition.name)}`);
        check(swagger, prop(definition.node, 'tokenUrl'), `the tokenUrl of ${quote(definition.name)}`);
      }
    }
    const apiProperties = parsedApiProperties(connector);
    if (!apiProperties) return;
    for (const group of parameterGroups(apiProperties)) {
      for (const parameter of group.parameters) {
        const custom = propCi(parameter.oauth, 'customParameters');
        for (const key of ['authorizationUrl', 'tokenUrl', 'refreshUrl']) {
          check(apiProperties, prop(propCi(custom, key), 'value'), `the OAuth ${key} of ${quote(parameter.name)}`);
        }
      }
    }
    for (const { node } of dynamicHostUrls(apiProperties)) check(apiProperties, node, 'the dynamichosturl urlTemplate');
  },
});
