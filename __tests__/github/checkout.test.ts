// A repository checked out in a sub-folder of the workspace (actions/checkout with `path:`): the run
// takes the repository's folder as its root, so reported paths are repository paths.
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateCheckout } from '../../src/github/checkout.js';
import { tempDir } from '../helpers.js';
import { git, repoWith } from '../breaking/git-repo.js';

/** A workspace (not a repository) with a repository in `connectors/` holding one connector folder. */
function workspaceWithCheckout(): { workspace: string; repository: string } {
  const workspace = tempDir();
  const repository = path.join(workspace, 'connectors');
  mkdirSync(path.join(repository, 'certified-connectors', 'Frames'), { recursive: true });
  writeFileSync(path.join(repository, 'certified-connectors', 'Frames', 'apiDefinition.swagger.json'), '{}');
  git(repository, ['init', '--quiet']);
  return { workspace, repository: realpathSync(repository) };
}

describe('locateCheckout', () => {
  it('takes the repository below the workspace as the root and rebases the path and config inputs', () => {
    const { workspace, repository } = workspaceWithCheckout();
    expect(locateCheckout(workspace, ['connectors/certified-connectors/Frames'], 'connectors/.github/gate.yml')).toEqual({
      root: repository,
      paths: ['certified-connectors/Frames'],
      config: '.github/gate.yml',
      folder: 'connectors',
    });
    // The repository folder itself, a file in it, and no config (the repository's default file).
    expect(locateCheckout(workspace, ['connectors', 'connectors/certified-connectors/Frames/apiDefinition.swagger.json'], '')).toEqual({
      root: repository,
      paths: ['.', 'certified-connectors/Frames/apiDefinition.swagger.json'],
      config: '',
      folder: 'connectors',
    });
  });

  it('keeps the workspace when it is a repository itself (the usual checkout)', () => {
    const { root } = repoWith({ 'certified-connectors/Frames/apiDefinition.swagger.json': '{}' });
    expect(locateCheckout(root, ['certified-connectors'], 'x.yml')).toEqual({ root, paths: ['certified-connectors'], config: 'x.yml' });
  });

  it('keeps the workspace when the inputs are not all in one repository below it', () => {
    const { workspace } = workspaceWithCheckout();
    mkdirSync(path.join(workspace, 'other'));
    git(path.join(workspace, 'other'), ['init', '--quiet']);
    mkdirSync(path.join(workspace, 'plain'));
    for (const paths of [['connectors', 'other'], ['connectors', 'plain'], ['.'], ['connectors/missing'], []]) {
      expect(locateCheckout(workspace, paths, '')).toEqual({ root: workspace, paths, config: '' });
    }
  });
});
