import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { archiveKind, extractArchive } from './archives/index.js';
import { walkTree, type WalkedFile, type WalkWarning } from './repo-walker.js';

/** Archives inside archives are unpacked this many levels deep (a war holding jars holding a shaded jar). */
const maxDepth = 3;

export interface ExpandedTree {
  files: WalkedFile[];
  warnings: WalkWarning[];
  /** Removes the temporary folders; call when the scan no longer reads the files. */
  cleanup(): void;
}

/**
 * Unpacks the archives found in a walked tree into a temporary folder (safely: see archives/) and walks what they
 * hold, as if each archive were a folder: its files appear as `lib/x.jar!/META-INF/…`. Archives the extractor
 * refuses (path escapes, bombs) are reported and left as opaque files.
 */
export async function expandArchives(files: WalkedFile[], shouldStop: () => boolean, onArchive: (relPath: string) => void): Promise<ExpandedTree> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'clearance-extract-'));
  const result: WalkedFile[] = [];
  const warnings: WalkWarning[] = [];
  let counter = 0;
  const expand = async (level: WalkedFile[], depth: number): Promise<void> => {
    for (const file of level) {
      if (shouldStop()) return;
      if (archiveKind(file.relPath) === null || typeof file.absPath !== 'string') continue;
      onArchive(file.relPath);
      const dest = path.join(workDir, String(counter++));
      const extracted = await extractArchive(file.absPath, dest);
      if (!extracted.ok) {
        warnings.push({ relPath: file.relPath, message: `archive not unpacked: ${extracted.refusal ?? 'unreadable'}` });
        continue;
      }
      for (const skipped of extracted.skipped) warnings.push({ relPath: `${file.relPath}!/${skipped.path}`, message: `not unpacked: ${skipped.reason}` });
      const inner = walkTree(dest, { shouldStop });
      const prefixed = inner.files.map((f) => ({ ...f, relPath: `${file.relPath}!/${f.relPath}` }));
      warnings.push(...inner.warnings.map((w) => ({ ...w, relPath: `${file.relPath}!/${w.relPath}` })));
      result.push(...prefixed);
      if (depth + 1 < maxDepth) await expand(prefixed, depth + 1);
      else if (prefixed.some((f) => archiveKind(f.relPath) !== null)) warnings.push({ relPath: file.relPath, message: `archives nested deeper than ${maxDepth} levels are not unpacked` });
    }
  };
  try {
    await expand(files, 0);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return { files: result, warnings, cleanup: () => rmSync(workDir, { recursive: true, force: true }) };
}
