// A package that passes a group of rules, built from base documents and edited one property at a
// time, so each test names only what it breaks. Shared by the rule tests that work this way.
import type { Finding } from '../../src/engine/types.js';
import { findingsOf, json } from '../helpers.js';

export type Path = (string | number)[];
/** [path, value]: set the value at the path; `undefined` removes the property (JSON.stringify drops it). */
export type Edit = [Path, unknown];

export function apply(value: Record<string, unknown>, edits: Edit[]): Record<string, unknown> {
  for (const [where, replacement] of edits) {
    let node = value as Record<string | number, unknown>;
    for (const segment of where.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[where[where.length - 1] as string | number] = replacement;
  }
  return value;
}

export const FOLDER = {
  certified: 'certified-connectors/Contoso',
  ip: 'independent-publisher-connectors/Contoso',
  custom: 'custom-connectors/Contoso',
} as const;
export type Folder = keyof typeof FOLDER;

export interface Package {
  files: Record<string, string>;
  swaggerText: string;
  propsText: string;
  swaggerFile: string;
  propsFile: string;
}

/** A `pkg(folder, swaggerEdits, propsEdits)` builder over the given base documents. */
export function packageBuilder(baseSwagger: () => Record<string, unknown>, baseApiProperties: (color: string) => Record<string, unknown>) {
  return function pkg(folder: Folder, swaggerEdits: Edit[] = [], propsEdits: Edit[] = [], options: { swaggerText?: string } = {}): Package {
    const dir = FOLDER[folder];
    const swaggerText = options.swaggerText ?? json(apply(baseSwagger(), swaggerEdits));
    const propsText = json(apply(baseApiProperties(folder === 'ip' ? '#da3b01' : '#1a2b3c'), propsEdits));
    const swaggerFile = `${dir}/apiDefinition.swagger.json`;
    const propsFile = `${dir}/apiProperties.json`;
    return {
      files: { [swaggerFile]: swaggerText, [propsFile]: propsText, [`${dir}/readme.md`]: '# Contoso Frames\n' },
      swaggerText,
      propsText,
      swaggerFile,
      propsFile,
    };
  };
}

export function run(ruleId: string, p: Package): Finding[] {
  return findingsOf(ruleId, p.files);
}
