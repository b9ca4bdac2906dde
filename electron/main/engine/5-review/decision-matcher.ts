import picomatch from 'picomatch';
import type { Decision, DecisionMatch, DecisionSnapshot } from '../../../../shared/model/decision.js';
import { withoutVersion } from '../4-evaluate/purl-patterns.js';
import { snapshotChanges } from './snapshots.js';
import { versionInRange } from './version-range.js';

export interface ComponentSubjectInput {
  key: string;
  purl: string | null;
  version: string | null;
  ecosystem: string;
  projectId: number;
  /** Package root and manifest path, relative to the scanned root: what path decisions are matched against. */
  paths: string[];
  /** What the component looks like now, to tell whether it changed since a decision. */
  snapshot: NonNullable<DecisionSnapshot>;
}

export interface FindingSubjectInput {
  /** The finding's stable key (bare, or already as the subject key `finding:<key>`). */
  key: string;
  kind: string;
  path: string | null;
  projectId: number;
  snapshot: NonNullable<DecisionSnapshot>;
  /**
   * Subject keys of the findings that exist now. A decision on another finding of the same kind at the same path
   * stands in for a finding whose text changed only when that other finding is gone (two copyright lines in one
   * file are two subjects, not one that changed).
   */
  liveKeys?: ReadonlySet<string>;
}

/** Whether an exception's expiry date (YYYY-MM-DD, valid through that day, UTC) has passed. */
export function hasExpired(decision: Decision, now: Date): boolean {
  if (decision.state !== 'exception' || !decision.expiresAt) return false;
  return now.toISOString().slice(0, 10) > decision.expiresAt.slice(0, 10);
}

type Candidate = { decision: Decision; via: DecisionMatch['via']; carriedOverFrom: string | null; otherText?: boolean };

function agree(a: Decision, b: Decision): boolean {
  return a.state === b.state && (a.concludedLicense ?? '') === (b.concludedLicense ?? '');
}

/** Local decisions before imported ones, then the newest. */
function preferred(a: Decision, b: Decision): number {
  const local = (d: Decision) => (d.origin === 'local' ? 0 : 1);
  return local(a) - local(b) || b.seq - a.seq;
}

/** Workspace-wide: made without a project. A project-scoped decision whose project is not here is elsewhere. */
function isWide(d: Decision): boolean {
  return d.subject.type !== 'path' && d.subject.projectName === null;
}
function isHere(d: Decision, projectId: number): boolean {
  return !isWide(d) && d.projectId === projectId;
}
function isElsewhere(d: Decision, projectId: number): boolean {
  return !isWide(d) && d.projectId !== projectId;
}

function inProject(d: Decision): string {
  return d.subject.projectName ? ` in project ${d.subject.projectName}` : '';
}

/**
 * Finds the current decision that applies to a component or finding, and how: made for it (direct), through a
 * version range, a path pattern, or carried over from another project. Built once over the current decisions
 * and queried per subject.
 */
export class DecisionIndex {
  private readonly byKey = new Map<string, Decision[]>();
  private readonly rangesByBase = new Map<string, Decision[]>();
  private readonly findingsByLocator = new Map<string, Decision[]>();
  private readonly paths: { decision: Decision; matches: (path: string) => boolean }[] = [];

  constructor(
    current: Decision[],
    private readonly now: Date = new Date(),
  ) {
    const push = <K>(map: Map<K, Decision[]>, key: K, d: Decision) => map.set(key, [...(map.get(key) ?? []), d]);
    for (const d of current) {
      const s = d.subject;
      if (s.type === 'component') push(this.byKey, d.subjectKey, d);
      else if (s.type === 'component-range') push(this.rangesByBase, s.basePurl, d);
      else if (s.type === 'finding') {
        push(this.byKey, d.subjectKey, d);
        if (s.kind && s.path) push(this.findingsByLocator, `${s.kind}|${s.path}`, d);
      } else this.paths.push({ decision: d, matches: picomatch(s.pattern, { dot: true }) });
    }
  }

  forComponent(input: ComponentSubjectInput): DecisionMatch | null {
    const exact = this.byKey.get(input.key) ?? [];
    const base = withoutVersion(input.purl ?? input.key);
    const ranges = (this.rangesByBase.get(base) ?? []).filter((d) => {
      const s = d.subject;
      return s.type === 'component-range' && input.version !== null && versionInRange(input.version, s.range, input.ecosystem);
    });
    const rangeCandidate = (d: Decision, otherProject: boolean): Candidate => {
      const s = d.subject.type === 'component-range' ? d.subject : null;
      const sameVersion = s?.decidedOnVersion === input.version;
      const from = `${base}${s?.decidedOnVersion ? `@${s.decidedOnVersion}` : ''} (range ${s?.range})${otherProject ? inProject(d) : ''}`;
      return { decision: d, via: otherProject ? 'other-project' : sameVersion ? 'direct' : 'version-range', carriedOverFrom: otherProject || !sameVersion ? `carried over from ${from}` : null };
    };
    const paths = this.paths.filter((p) => p.decision.projectId === input.projectId && input.paths.some((path) => p.matches(path)));
    const levels: Candidate[][] = [
      exact.filter((d) => isHere(d, input.projectId)).map((d) => ({ decision: d, via: 'direct', carriedOverFrom: null })),
      exact.filter(isWide).map((d) => ({ decision: d, via: 'direct', carriedOverFrom: null })),
      ranges.filter((d) => isHere(d, input.projectId)).map((d) => rangeCandidate(d, false)),
      ranges.filter(isWide).map((d) => rangeCandidate(d, false)),
      paths.map((p) => ({ decision: p.decision, via: 'path-pattern', carriedOverFrom: null })),
      exact
        .filter((d) => isElsewhere(d, input.projectId))
        .map((d) => ({ decision: d, via: 'other-project', carriedOverFrom: `carried over from ${input.key}${inProject(d)}` })),
      ranges.filter((d) => isElsewhere(d, input.projectId)).map((d) => rangeCandidate(d, true)),
    ];
    return this.choose(levels, input.snapshot);
  }

  forFinding(input: FindingSubjectInput): DecisionMatch | null {
    // Decisions on findings are stored under `finding:<key>`; callers may pass the finding's bare key.
    const subjectKey = input.key.startsWith('finding:') ? input.key : `finding:${input.key}`;
    const exact = this.byKey.get(subjectKey) ?? [];
    const located = input.path
      ? (this.findingsByLocator.get(`${input.kind}|${input.path}`) ?? []).filter((d) => d.subjectKey !== subjectKey && !input.liveKeys?.has(d.subjectKey))
      : [];
    const paths = input.path === null ? [] : this.paths.filter((p) => p.decision.projectId === input.projectId && p.matches(input.path!));
    const levels: Candidate[][] = [
      exact.filter((d) => !isElsewhere(d, input.projectId)).map((d) => ({ decision: d, via: 'direct', carriedOverFrom: null })),
      // The same kind of finding at the same place, with other text: the earlier decision, marked as changed.
      located
        .filter((d) => !isElsewhere(d, input.projectId))
        .map((d) => ({ decision: d, via: 'direct', carriedOverFrom: null, otherText: true })),
      paths.map((p) => ({ decision: p.decision, via: 'path-pattern', carriedOverFrom: null })),
      exact
        .filter((d) => isElsewhere(d, input.projectId))
        .map((d) => ({ decision: d, via: 'other-project', carriedOverFrom: `carried over from project ${d.subject.projectName ?? '(unnamed)'}` })),
    ];
    return this.choose(levels, input.snapshot);
  }

  private choose(levels: Candidate[][], snapshot: NonNullable<DecisionSnapshot>): DecisionMatch | null {
    const level = levels.find((l) => l.length > 0);
    if (!level) return null;
    const ordered = [...level].sort((a, b) => preferred(a.decision, b.decision));
    const chosen = ordered[0]!;
    const changes = chosen.via === 'path-pattern' ? [] : snapshotChanges(chosen.decision.snapshot, snapshot);
    if (chosen.otherText && changes.length === 0) changes.push('the finding changed');
    return {
      decision: chosen.decision,
      via: chosen.via,
      carriedOverFrom: chosen.carriedOverFrom,
      changed: changes.length > 0,
      changes,
      expired: hasExpired(chosen.decision, this.now),
      conflicts: ordered.slice(1).map((c) => c.decision).filter((d) => !agree(d, chosen.decision)),
    };
  }
}
