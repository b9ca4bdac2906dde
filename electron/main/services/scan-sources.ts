import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors.js';
import type { ProjectSource } from '../../../shared/model/project.js';
// sniff.ts alone: the full SBOM module loads the XML schema validator, which a folder scan never needs.
import { sniffSbom } from '../engine/2-detect/sbom/sniff.js';

/** Enough of a file to recognise an SBOM's format and version from its content. */
const sniffBytes = 256 * 1024;

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const n = readSync(fd, buffer, 0, sniffBytes, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Decides, for each path the user gave, whether it is a folder to index or an SBOM to import — from the
 * file's content, not its name — and refuses anything else with the path and the cause.
 */
export function classifySources(paths: string[]): ProjectSource[] {
  return paths.map((given) => {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const cause = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'symbolic link loop' : (error as Error).message;
      throw new AppError('unreadable-input', `${given}: ${cause}`, { path: given });
    }
    if (stat.isDirectory()) return { path: absolute, kind: 'folder' };
    if (!stat.isFile()) throw new AppError('unreadable-input', `${given}: neither a directory nor a regular file`, { path: given });
    let head: Buffer;
    try {
      head = readHead(absolute);
    } catch (error) {
      throw new AppError('unreadable-input', `${given}: cannot read (${(error as Error).message})`, { path: given });
    }
    if (!sniffSbom(head, absolute)) {
      throw new AppError(
        'unreadable-input',
        `${given}: neither a directory nor an SBOM (expected CycloneDX JSON/XML or SPDX JSON/YAML/tag-value/JSON-LD)`,
        { path: given },
      );
    }
    return { path: absolute, kind: 'sbom' };
  });
}
