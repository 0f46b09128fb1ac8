// Where a connector declares its authentication: securityDefinitions in the swagger, and connection
// parameters in apiProperties.json (connectionParameters and every connectionParameterSets value).
import { entries, items, prop, str, type Node } from '../../engine/json/tree.js';
import type { ParsedJsonFile } from '../define.js';

/** Value of `key` in an object, matched case-insensitively (both "oAuthSettings" and "oauthSettings" occur). */
export function propCi(node: Node | undefined, key: string): Node | undefined {
  const wanted = key.toLowerCase();
  let found: Node | undefined;
  for (const entry of entries(node)) if (entry.key.toLowerCase() === wanted) found = entry.value;
  return found;
}

export interface SecurityDefinition {
  name: string;
  keyNode: Node;
  node: Node;
  type?: string;
}

export function securityDefinitions(file: ParsedJsonFile | undefined): SecurityDefinition[] {
  return entries(prop(file?.doc.root, 'securityDefinitions')).map(({ key, keyNode, value }) => ({
    name: key,
    keyNode,
    node: value,
    type: str(prop(value, 'type')),
  }));
}

export interface ConnectionParameter {
  name: string;
  keyNode: Node;
  node: Node;
  type?: string;
  typeNode?: Node;
  /** The oAuthSettings object of an oauthSetting parameter. */
  oauth?: Node;
}

export interface ParameterGroup {
  /** "connectionParameters" or the set's name. */
  label: string;
  parameters: ConnectionParameter[];
}

function parametersOf(object: Node | undefined): ConnectionParameter[] {
  return entries(object).map(({ key, keyNode, value }) => {
    const typeNode = prop(value, 'type');
    return { name: key, keyNode, node: value, type: str(typeNode), typeNode, oauth: propCi(value, 'oAuthSettings') };
  });
}

/** connectionParameters, then each connectionParameterSets value: the ways a user can connect. */
export function parameterGroups(file: ParsedJsonFile | undefined): ParameterGroup[] {
  const properties = prop(file?.doc.root, 'properties');
  const groups: ParameterGroup[] = [];
  const top = prop(properties, 'connectionParameters');
  if (top) groups.push({ label: 'connectionParameters', parameters: parametersOf(top) });
  items(prop(prop(properties, 'connectionParameterSets'), 'values')).forEach((set, index) => {
    groups.push({ label: str(prop(set, 'name')) ?? `connectionParameterSets value ${index + 1}`, parameters: parametersOf(prop(set, 'parameters')) });
  });
  return groups;
}

export const isOAuth = (p: ConnectionParameter): boolean => p.type?.toLowerCase() === 'oauthsetting';
export const isSecure = (p: ConnectionParameter): boolean => p.type?.toLowerCase() === 'securestring';
export const isCertificate = (p: ConnectionParameter): boolean => /certificate/i.test(p.type ?? '');

/** Names that hold a credential even when typed as a plain string. */
export const CREDENTIAL_NAME = /api[_-]?key|token|secret|password|passwd|credential|auth/i;

/** A parameter a user fills with a credential (or an OAuth sign-in). */
export function bearsCredential(p: ConnectionParameter): boolean {
  return isOAuth(p) || isSecure(p) || isCertificate(p) || CREDENTIAL_NAME.test(p.name);
}
