import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PolicyEvaluation, PolicyProblem } from '../../../shared/model/policy.js';
import { projectRefs } from '../db/repositories/review-subjects-repo.js';
import { evaluateProject, policyState, savePolicy } from '../services/policy-service.js';
import { CliError, usageError } from './cli-error.js';
import { openCliContext } from './open-context.js';
import { parseCliArgs, projectIdByName, service } from './review-cli-common.js';

function problemLine(file: string, p: PolicyProblem): string {
  const where = p.line !== null ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

function printEvaluation(e: PolicyEvaluation): void {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(`${e.projectName} (${e.distributionModel}, policy ${e.policyVersion === null ? 'default' : `v${e.policyVersion}`}): ${e.counts.deny} denied, ${e.counts.review} to review, ${e.counts.allow} allowed`);
  for (const r of e.results.filter((x) => x.action !== 'allow')) {
    out(`  ${r.action === 'deny' ? 'DENIED ' : 'REVIEW '} ${r.purl ?? r.componentKey}: ${r.reason} [${r.rule.id}]`);
  }
}

/** `clearance policy check|show|set`: evaluate for CI, print, or store a new version. */
export async function policyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        project: { type: 'string' },
        json: { type: 'boolean', default: false },
        version: { type: 'string' },
        comment: { type: 'string' },
      },
    }),
  );
  const [action, ...rest] = positionals;
  if (action !== 'check' && action !== 'show' && action !== 'set') throw usageError('policy: say check, show or set FILE');
  if (action === 'set' && rest.length !== 1) throw usageError('policy set: give one policy file (YAML)');
  if (action !== 'set' && rest.length > 0) throw usageError(`policy ${action}: unexpected argument "${rest[0]}"`);
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw usageError(`--version: expected a version number, got "${values.version}"`);

  let text: string | null = null;
  if (action === 'set') {
    try {
      text = readFileSync(rest[0]!, 'utf8');
    } catch (error) {
      throw new CliError(`${rest[0]}: cannot read (${(error as Error).message})`, 2);
    }
  }
  const ctx = openCliContext(values.db);
  try {
    if (action === 'show') {
      const state = service(() => policyState(ctx.db, version, ctx.resourcesDir));
      if (values.json) process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
      else process.stdout.write(`# policy ${state.version === null ? '(shipped default, never saved)' : `version ${state.version}, saved ${state.savedAt}`}\n${state.text}`);
      return 0;
    }
    if (action === 'set') {
      const result = service(() => savePolicy(ctx.db, text!, { ...(values.comment ? { comment: values.comment } : {}) }, ctx.resourcesDir));
      if (!result.ok) {
        const file = path.resolve(rest[0]!);
        throw new CliError(`${file}: the policy is not valid, nothing was stored:\n${result.problems.map((p) => problemLine(file, p)).join('\n')}`, 2);
      }
      process.stdout.write(`stored policy version ${result.version}\n`);
      return 0;
    }
    const only = projectIdByName(ctx.db, values.project, ctx.workspacePath);
    const projects = projectRefs(ctx.db).filter((p) => only === undefined || p.id === only);
    const evaluations = projects.map((p) => service(() => evaluateProject(ctx.db, p.id, undefined, ctx.resourcesDir)));
    if (values.json) process.stdout.write(`${JSON.stringify(evaluations, null, 2)}\n`);
    else if (evaluations.length === 0) process.stdout.write(`no projects in ${ctx.workspacePath}\n`);
    else evaluations.forEach(printEvaluation);
    return evaluations.some((e) => e.counts.deny > 0) ? 1 : 0;
  } finally {
    await ctx.close();
  }
}
