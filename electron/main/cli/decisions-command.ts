import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Decision, ImportReport } from '../../../shared/model/decision.js';
import { listDecisions } from '../db/repositories/decisions-repo.js';
import { importDecisionLines } from '../engine/5-review/trail-import.js';
import { exportDecisionLines } from '../services/decisions-service.js';
import { CliError, usageError } from './cli-error.js';
import { openCliContext } from './open-context.js';
import { parseCliArgs, service } from './review-cli-common.js';

function row(d: Decision): string {
  const license = d.concludedLicense ?? '-';
  const scope = 'projectName' in d.subject && d.subject.projectName ? ` [${d.subject.projectName}]` : '';
  const origin = d.origin === 'local' ? '' : ` (${d.origin})`;
  const expires = d.expiresAt ? ` until ${d.expiresAt}` : '';
  return `#${d.seq}  ${d.state}${expires}  ${d.subjectKey}${scope}  license: ${license}  by ${d.reviewer.name} <${d.reviewer.email}> ${d.decidedAt.slice(0, 10)}${origin}`;
}

function printReport(report: ImportReport): void {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(`${report.file}: ${report.imported} imported, ${report.duplicates} already present, ${report.conflicts.length} in conflict, ${report.rejected.length} rejected`);
  if (!report.fileTrail.ok) out(`warning: the file's own trail is broken: ${report.fileTrail.message}`);
  for (const r of report.rejected) out(`rejected line ${r.line}: ${r.reason}`);
  for (const c of report.conflicts) {
    out(`conflict on ${c.local.subjectKey}:`);
    out(`  here:     ${row(c.local)}${c.local.rationale ? ` — ${c.local.rationale}` : ''}`);
    out(`  incoming: ${row(c.incoming)}${c.incoming.rationale ? ` — ${c.incoming.rationale}` : ''}`);
  }
}

/** `clearance decisions [export --out FILE | import FILE]`: list, share and take in decisions. */
export async function decisionsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, out: { type: 'string' } },
    }),
  );
  const [action, ...rest] = positionals;
  if (action !== undefined && action !== 'export' && action !== 'import' && action !== 'list') throw usageError(`decisions: unknown action "${action}" (list, export or import)`);
  if (action === 'export' && !values.out) throw usageError('decisions export: --out FILE is required');
  if (action === 'import' && rest.length !== 1) throw usageError('decisions import: give one file');
  if (action !== 'import' && rest.length > 0) throw usageError(`decisions: unexpected argument "${rest[0]}"`);

  const ctx = openCliContext(values.db);
  try {
    if (action === 'export') {
      const out = path.resolve(values.out!);
      const lines = service(() => exportDecisionLines(ctx.db));
      const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
      try {
        const fd = openSync(temp, 'w');
        for (const line of lines) writeSync(fd, `${line}\n`);
        closeSync(fd);
        renameSync(temp, out);
      } catch (error) {
        rmSync(temp, { force: true });
        throw new CliError(`${out}: cannot write (${(error as Error).message})`, 2);
      }
      process.stdout.write(`${lines.length} decisions written to ${out}\n`);
      return 0;
    }
    if (action === 'import') {
      const file = path.resolve(rest[0]!);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliError(`${file}: cannot read (${(error as Error).message})`, 2);
      }
      const report = service(() => importDecisionLines(ctx.db, content, file));
      if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printReport(report);
      return report.conflicts.length > 0 || report.rejected.length > 0 ? 1 : 0;
    }
    const decisions = listDecisions(ctx.db, { includeSuperseded: values.all }).map(({ consistent: _c, ...d }) => d);
    if (values.json) process.stdout.write(`${JSON.stringify(decisions, null, 2)}\n`);
    else if (decisions.length === 0) process.stdout.write(`no decisions in ${ctx.workspacePath}\n`);
    else for (const d of decisions) process.stdout.write(`${row(d)}${d.supersededBy ? `  (superseded by ${d.supersededBy})` : ''}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
}
