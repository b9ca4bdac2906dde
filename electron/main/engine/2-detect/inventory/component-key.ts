import type { Ecosystem } from '../../../../../shared/model/component.js';

/**
 * The identity of a component within a project, stable across scans: the purl without qualifiers and subpath
 * when there is one, else ecosystem, name and version, else the folder it lives in.
 */
export function componentKey(input: {
  purl: string | null;
  ecosystem: Ecosystem;
  name: string;
  version: string | null;
  rootPath?: string | null;
}): string {
  if (input.purl) return input.purl.replace(/[?#].*$/, '');
  if (input.ecosystem !== 'generic' || input.version) return `${input.ecosystem}:${input.name}@${input.version ?? ''}`;
  return `path:${input.rootPath ?? input.name}`;
}
