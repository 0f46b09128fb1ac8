// Host names and domains for the ownership rules: normalising owned domains, label-boundary
// suffix matching, and reading the host out of a (possibly templated) URL.
import { entries, items, prop, str, type Node } from '../../engine/json/tree.js';
import type { ParsedJsonFile } from '../define.js';

/** `host` equals `domain` or is a subdomain of it ("evilcontoso.com" is not under "contoso.com"). */
export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function ownedBy(host: string, owned: readonly string[]): boolean {
  return owned.some((domain) => isUnder(host, domain));
}

/**
 * What can be known about the host of a URL or `host` value:
 * - `host`: fully static host name;
 * - `suffix`: the host is templated but ends in these static labels (https://{tenant}.contoso.com);
 * - `templated`: the host is chosen at run time (https://@connectionParameters('host')/api);
 * - `empty`: nothing that looks like a host.
 */
export type HostShape =
  | { kind: 'host'; host: string }
  | { kind: 'suffix'; suffix: string }
  | { kind: 'templated' }
  | { kind: 'empty' };

/** Policy expressions (@connectionParameters('x'), @queryParameters(...), @{...}) and {placeholders}. */
const TEMPLATE = /@[A-Za-z_]+\((?:[^()]|\([^()]*\))*\)|@\{[^}]*\}|\{[^{}]*\}/g;
const HOLE = '\uE000'; // a private-use character stands for each template expression

export function hostShape(value: string): HostShape {
  const text = value.trim().replace(TEMPLATE, HOLE);
  let rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  rest = rest.replace(/[/?#\\].*$/s, '');
  // userinfo@host (the '@' of expressions is already replaced by a hole)
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const host = rest.replace(/:(\d*|\uE000)$/, '').replace(/\.$/, '').toLowerCase();
  if (host === '') return { kind: 'empty' };
  const lastHole = host.lastIndexOf(HOLE);
  if (lastHole < 0) return { kind: 'host', host };
  // Only whole static labels after the last hole are known: "x-\0-api.contoso.com" → "contoso.com".
  const tail = host.slice(lastHole + 1);
  const dot = tail.indexOf('.');
  const suffix = dot < 0 ? '' : tail.slice(dot + 1);
  return suffix === '' ? { kind: 'templated' } : { kind: 'suffix', suffix };
}

export type Judgement = 'owned' | 'not-owned' | 'unknown';

export function judge(shape: HostShape, owned: readonly string[]): Judgement {
  switch (shape.kind) {
    case 'host':
      return ownedBy(shape.host, owned) ? 'owned' : 'not-owned';
    case 'suffix':
      if (ownedBy(shape.suffix, owned)) return 'owned';
      // "{x}.com" could still be "contoso.com": the known part is a parent of an owned domain.
      return owned.some((domain) => isUnder(domain, shape.suffix)) ? 'unknown' : 'not-owned';
    default:
      return 'unknown';
  }
}

export interface DynamicHostUrl {
  /** The urlTemplate value node. */
  node: Node;
  url: string;
  /** No x-ms-apimTemplate-operationName list: the policy rewrites every operation's host. */
  allOperations: boolean;
}

/**
 * Sign-in hosts: an OAuth or token endpoint proves nothing about who owns the API, so these are
 * never judged (a policy that fetches a token from login.microsoftonline.com is not a finding).
 */
const IDENTITY_PROVIDERS = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.windows.net',
  'login.microsoft.com',
  'login.live.com',
  'sts.windows.net',
  'accounts.google.com',
  'oauth2.googleapis.com',
];

export function isIdentityProvider(shape: HostShape): boolean {
  return shape.kind === 'host' && IDENTITY_PROVIDERS.includes(shape.host);
}

/** A host value that is not a DNS name at all ("DefinedInConnectionParameters", "none"). */
export function isPlaceholderHost(shape: HostShape): boolean {
  return shape.kind === 'host' && (!shape.host.includes('.') || !/^[a-z0-9.-]+$/.test(shape.host));
}

/** urlTemplate values of the `dynamichosturl` policies in apiProperties.json. */
export function dynamicHostUrls(file: ParsedJsonFile | undefined): DynamicHostUrl[] {
  const result: DynamicHostUrl[] = [];
  for (const instance of items(prop(prop(file?.doc.root, 'properties'), 'policyTemplateInstances'))) {
    if (str(prop(instance, 'templateId'))?.toLowerCase() !== 'dynamichosturl') continue;
    const parameters = entries(prop(instance, 'parameters'));
    const scoped = parameters.some(({ key, value }) => key.toLowerCase() === 'x-ms-apimtemplate-operationname' && items(value).length > 0);
    for (const { key, value } of parameters) {
      const url = str(value);
      if (key.toLowerCase() === 'x-ms-apimtemplateparameter.urltemplate' && url !== undefined) {
        result.push({ node: value, url, allOperations: !scoped });
      }
    }
  }
  return result;
}
