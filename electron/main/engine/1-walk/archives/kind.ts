import type { ArchiveKind } from './types.js';

const ZIP_EXTENSIONS = ['.zip', '.jar', '.war', '.ear', '.aar', '.whl', '.egg', '.nupkg', '.snupkg', '.vsix'];

/** The archive format from the file name, or null. Cheap: it runs for every file of a tree. */
export function archiveKind(relPath: string): ArchiveKind | null {
  const dot = relPath.lastIndexOf('.');
  if (dot === -1) return null;
  const ext = relPath.slice(dot).toLowerCase();
  if (ZIP_EXTENSIONS.includes(ext)) return 'zip';
  switch (ext) {
    case '.tgz':
    case '.crate':
      return 'tar.gz';
    case '.gem':
      return 'gem';
    case '.tar':
      return 'tar';
    case '.tbz':
    case '.tbz2':
      return 'tar.bz2';
    case '.gz':
      return relPath.toLowerCase().endsWith('.tar.gz') ? 'tar.gz' : null;
    case '.bz2':
      return relPath.toLowerCase().endsWith('.tar.bz2') ? 'tar.bz2' : null;
  }
  return null;
}
