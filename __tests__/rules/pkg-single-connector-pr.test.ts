// pkg-single-connector-pr: in Microsoft's repository layout, one connector's package files per pull request.
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/engine/run.js';
import { json, writeTree } from '../helpers.js';

const swagger = json({ swagger: '2.0', info: { title: 'Frames', version: '1.0' }, host: 'api.contoso.com', paths: {} });
const tree = {
  'certified-connectors/Frames/apiDefinition.swagger.json': swagger,
  'certified-connectors/Other/apiDefinition.swagger.json': swagger.replace('Frames', 'Other'),
  'independent-publisher-connectors/Shop/apiDefinition.swagger.json': swagger.replace('Frames', 'Shop'),
  'custom-connectors/Private/apiDefinition.swagger.json': swagger.replace('Frames', 'Private'),
  'enterprise/Inventory/apiDefinition.swagger.json': swagger.replace('Frames', 'Inventory'),
};

function findings(changedFiles: string[] | undefined) {
  const report = runGate({ root: writeTree(tree), paths: ['.'], profile: 'auto', options: { ownedDomains: [], ...(changedFiles ? { changedFiles } : {}) } });
  return report.connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === 'pkg-single-connector-pr').map((f) => `${f.level} ${f.file}:${f.line}:${f.column} ${f.message}`);
}

describe('pkg-single-connector-pr', () => {
  it('passes a pull request that changes only its connector package files', () => {
    expect(findings(['certified-connectors/Frames/apiDefinition.swagger.json', 'certified-connectors/Frames/readme.md'])).toEqual([]);
  });

  it('reports other connectors, repository files and sub-folders, on line 1 of each touched connector (sorted by message)', () => {
    const changed = [
      'certified-connectors/Frames/apiDefinition.swagger.json',
      'certified-connectors/Frames/screenshots/test.png',
      'independent-publisher-connectors/Shop/apiDefinition.swagger.json',
      'schemas/apiDefinition.swagger.schema.json',
    ];
    expect(findings(changed)).toEqual([
      "error certified-connectors/Frames/apiDefinition.swagger.json:1:1 this pull request adds files in sub-folders of the connector ('certified-connectors/Frames/screenshots/test.png'); only the package files belong in the folder (screenshots go in the pull request description): remove them",
      "error certified-connectors/Frames/apiDefinition.swagger.json:1:1 this pull request also changes files outside the connector folders ('schemas/apiDefinition.swagger.schema.json'); a connector's pull request may not change the repository's own files: revert them",
      "error certified-connectors/Frames/apiDefinition.swagger.json:1:1 this pull request also changes the connector 'independent-publisher-connectors/Shop'; Microsoft reviews one connector per pull request: split it",
      "error independent-publisher-connectors/Shop/apiDefinition.swagger.json:1:1 this pull request also changes files outside the connector folders ('schemas/apiDefinition.swagger.schema.json'); a connector's pull request may not change the repository's own files: revert them",
      "error independent-publisher-connectors/Shop/apiDefinition.swagger.json:1:1 this pull request also changes the connector 'certified-connectors/Frames'; Microsoft reviews one connector per pull request: split it",
    ]);
  });

  it('stays quiet without the list of changed files, for untouched connectors, for custom connectors and outside the repository layout', () => {
    expect(findings(undefined)).toEqual([]);
    // Other and Private are untouched or custom; Inventory lives in an enterprise layout: many connectors per pull request are normal there.
    expect(findings(['custom-connectors/Private/apiDefinition.swagger.json', 'enterprise/Inventory/apiDefinition.swagger.json', 'README.md'])).toEqual([]);
  });
});
