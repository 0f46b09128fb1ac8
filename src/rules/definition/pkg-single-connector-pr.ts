import { defineRule, levels } from '../define.js';

/** The folders of Microsoft's connectors repository that hold one connector per sub-folder. */
const REPOSITORY_FOLDERS = new Set(['certified-connectors', 'independent-publisher-connectors', 'custom-connectors']);

/** "certified-connectors/Foo" for any path inside that connector folder, else undefined. */
function connectorFolderOf(file: string): string | undefined {
  const segments = file.split('/');
  for (let i = 0; i + 2 < segments.length; i++) {
    if (REPOSITORY_FOLDERS.has(segments[i] as string)) return segments.slice(0, i + 2).join('/');
  }
  return undefined;
}

function list(items: string[]): string {
  const shown = items.slice(0, 5).map((item) => `'${item}'`).join(', ');
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

export default defineRule({
  meta: {
    id: 'pkg-single-connector-pr',
    criterion: 'definition',
    description: "In Microsoft's connectors repository, a pull request changes one connector's package files and nothing else.",
    level: levels('error', 'error', 'off'),
  },
  check({ connector, options, report }) {
    const changed = options.changedFiles;
    const anchor = connector.files.swagger ?? connector.files.apiProperties;
    // Only in the public repository's layout, and only for a connector this pull request touches.
    if (!changed || !anchor || connectorFolderOf(`${connector.dir}/x`) !== connector.dir) return;
    const own = changed.filter((file) => file.startsWith(`${connector.dir}/`));
    if (own.length === 0) return;

    const others = [...new Set(changed.map(connectorFolderOf).filter((folder): folder is string => folder !== undefined && folder !== connector.dir))];
    if (others.length > 0) {
      report({
        file: anchor,
        message: `this pull request also changes ${others.length === 1 ? 'the connector' : `${others.length} other connectors:`} ${list(others)}; Microsoft reviews one connector per pull request: split it`,
      });
    }
    const outside = changed.filter((file) => connectorFolderOf(file) === undefined);
    if (outside.length > 0) {
      report({
        file: anchor,
        message: `this pull request also changes files outside the connector folders (${list(outside)}); a connector's pull request may not change the repository's own files: revert them`,
      });
    }
    const nested = own.filter((file) => file.slice(connector.dir.length + 1).includes('/'));
    if (nested.length > 0) {
      report({
        file: anchor,
        message: `this pull request adds files in sub-folders of the connector (${list(nested)}); only the package files belong in the folder (screenshots go in the pull request description): remove them`,
      });
    }
  },
});
