import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../../../shared/api/errors.js';
import { findProjectByName } from '../db/repositories/projects-repo.js';
import { exportSbom, findingLines, type SbomExportFormat } from '../services/exports-service.js';
import { CliError, usageError } from './cli-error.js';
import { openCliContext } from './open-context.js';

function sbomFormat(kind: 'cyclonedx' | 'spdx', format: string | undefined, out: string): SbomExportFormat {
  const ext = out.toLowerCase();
  if (kind === 'cyclonedx') {
    const chosen = format ?? (ext.endsWith('.xml') ? 'xml' : 'json');
    if (chosen !== 'json' && chosen !== 'xml') throw usageError(`--format for cyclonedx must be json or xml, not "${chosen}"`);
    return chosen === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml';
  }
  const chosen = format ?? (ext.endsWith('.spdx') || ext.endsWith('.tv') ? 'tag-value' : ext.endsWith('.jsonld') ? 'jsonld' : 'json');
  if (chosen !== 'json' && chosen !== 'tag-value' && chosen !== 'jsonld') throw usageError(`--format for spdx must be json, tag-value or jsonld, not "${chosen}"`);
  return chosen === 'json' ? 'spdx-json' : chosen === 'jsonld' ? 'spdx-jsonld' : 'spdx-tag-value';
}

/** Writes beside the target and renames, so a failed export never leaves a truncated file behind. */
function writeAtomically(out: string, write: (fd: number) => void): void {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (error) {
    throw new CliError(`${out}: cannot write (${(error as Error).message})`, 2);
  }
  try {
    write(fd);
    closeSync(fd);
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export async function exportCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        project: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        spec: { type: 'string' },
      },
    });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const kind = positionals[0];
  if (kind !== 'cyclonedx' && kind !== 'spdx' && kind !== 'findings') throw usageError('export: say what to export: cyclonedx, spdx or findings');
  if (positionals.length > 1) throw usageError(`export: unexpected argument "${positionals[1]}"`);
  if (!values.out) throw usageError('export: --out FILE is required');
  const spec = values.spec ?? '1.6';
  if (spec !== '1.5' && spec !== '1.6' && spec !== '1.7') throw usageError(`--spec must be 1.5, 1.6 or 1.7, not "${spec}"`);
  // "--out -" writes to standard output (for pipes: `clearance export findings --out - | jq …`); the summary goes to stderr.
  const toStdout = values.out === '-';
  const out = toStdout ? '-' : path.resolve(values.out);
  const format = kind === 'findings' ? null : sbomFormat(kind, values.format, out);
  const write = (content: (fd: number) => void): void => (toStdout ? content(process.stdout.fd) : writeAtomically(out, content));
  const report = (line: string): void => void (toStdout ? process.stderr : process.stdout).write(`${line}\n`);

  const ctx = openCliContext(values.db);
  try {
    let projectId: number | undefined;
    if (values.project) {
      const project = findProjectByName(ctx.db, values.project);
      if (!project) throw new CliError(`export: no project named "${values.project}" in ${ctx.workspacePath}`, 2);
      projectId = project.id;
    }
    try {
      if (format === null) {
        let count = 0;
        write((fd) => {
          for (const line of findingLines(ctx, projectId)) {
            writeSync(fd, `${line}\n`);
            count++;
          }
        });
        report(`${count} findings written to ${toStdout ? 'standard output' : out}`);
      } else {
        const document = exportSbom(ctx, projectId, format, spec);
        write((fd) => writeFileSync(fd, document.content));
        report(`${format} written to ${toStdout ? 'standard output' : out}`);
      }
    } catch (error) {
      if (isAppError(error)) throw new CliError(error.message, error.code === 'internal' ? 1 : 2);
      throw error;
    }
    return 0;
  } finally {
    await ctx.close();
  }
}
