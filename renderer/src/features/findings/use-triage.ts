import { useState } from 'react';
import type { DecisionSubjectParams } from '../../../../shared/api/review-contract';
import type { Decision, DecisionState } from '../../../../shared/model/decision';
import { errorMessage, invoke } from '../../api/api-client';
import type { TriageAction } from '../../lib/shortcuts';
import { useAppStore } from '../../stores/app-store';
import { useFindingsStore } from '../../stores/findings-store';
import { useRouteStore } from '../../stores/route-store';
import { useUiStore } from '../../stores/ui-store';
import { useUndoStore } from '../../stores/undo-store';
import { stateLabels } from '../review/decision-draft';
import type { QuickDecisionRequest } from '../review/quick-decision-dialog';
import { recordDecision } from '../review/record-decision';
import { undoPlan } from '../review/undo';
import { rowKey } from './findings-columns';
import { groupAt, type DisplayRow } from './grouping';

/** What a row's decision is about: the finding itself, or the component of a component group. */
export function subjectOf(row: DisplayRow | undefined): { subject: DecisionSubjectParams; label: string; license: string } | null {
  if (!row) return null;
  if (row.type === 'group') {
    if (row.group.componentId === null) return null;
    return { subject: { type: 'component', componentId: row.group.componentId }, label: `component ${row.group.label}`, license: '' };
  }
  const f = row.finding;
  const label = `${f.path ?? f.componentName ?? 'finding'}${f.startLine ? `:${f.startLine}` : ''} (${f.kind})`;
  return { subject: { type: 'finding', findingId: f.id }, label, license: f.decision?.concludedLicense ?? f.license ?? '' };
}

interface Options {
  rows: DisplayRow[];
  active: number;
  setActive(index: number): void;
  toggleSelected(key: string): void;
  focusSearch(): void;
}

/** The keyboard triage of the Findings view: every action a key can take, and the dialog some of them open. */
export function useTriage({ rows, active, setActive, toggleSelected, focusSearch }: Options) {
  const [quick, setQuick] = useState<QuickDecisionRequest | null>(null);
  const notify = useAppStore((s) => s.notify);
  const navigate = useRouteStore((s) => s.navigate);
  const toggleGroup = useFindingsStore((s) => s.toggleGroup);
  const setShortcutsOpen = useUiStore((s) => s.setShortcutsOpen);
  const row = rows[active];

  const afterDecision = (decision: Decision, label: string, subject: DecisionSubjectParams): void => {
    useUndoStore.getState().push({ label, subject, recorded: decision });
    notify('info', `${stateLabels[decision.state]}: ${label}. Press u to undo.`);
    // In a view that hides decided rows the next row moves up into place; otherwise step to it.
    const statuses = useFindingsStore.getState().view.statuses;
    if (statuses.length === 0 || statuses.includes('decided')) setActive(Math.min(rows.length - 1, active + 1));
  };

  const decideNow = async (state: DecisionState): Promise<void> => {
    const target = subjectOf(row);
    if (!target) return;
    try {
      afterDecision(await recordDecision({ subject: target.subject, state }), target.label, target.subject);
    } catch (e) {
      notify('error', errorMessage(e));
    }
  };

  const ask = (state: DecisionState, focus: QuickDecisionRequest['focus']): void => {
    const target = subjectOf(row);
    if (!target) return;
    const current = row?.type === 'finding' && row.finding.statusFrom === 'finding' ? row.finding.decision : null;
    const keepState = focus === 'license' && current ? (current.state as DecisionState) : state;
    setQuick({ label: target.label, subject: target.subject, state: keepState, concludedLicense: focus === 'license' ? target.license : '', focus });
  };

  const undo = async (): Promise<void> => {
    const entry = useUndoStore.getState().pop();
    if (!entry) return notify('info', 'Nothing to undo.');
    try {
      const history = await invoke('decisions.history', { subjectKey: entry.recorded.subjectKey });
      const plan = undoPlan(entry, history);
      if (plan.kind === 'impossible') return notify('error', `Cannot undo: ${plan.reason}`);
      const restored = await recordDecision(plan.params);
      notify('info', `Undone: ${entry.label} is ${stateLabels[restored.state]} again (recorded as a new decision that supersedes the undone one).`);
    } catch (e) {
      useUndoStore.getState().push(entry);
      notify('error', errorMessage(e));
    }
  };

  const open = (component: boolean): void => {
    if (!row) return;
    if (row.type === 'group') {
      if (row.group.componentId !== null) navigate('component', row.group.componentId);
      return;
    }
    const f = row.finding;
    if (!component && f.fileId) navigate('file', f.fileId, { finding: f.id });
    else if (f.componentId) navigate('component', f.componentId);
  };

  const run = (action: TriageAction): boolean => {
    const handlers: Record<TriageAction, () => void> = {
      next: () => setActive(Math.min(rows.length - 1, active + 1)),
      previous: () => setActive(Math.max(0, active - 1)),
      first: () => setActive(0),
      last: () => setActive(rows.length - 1),
      open: () => open(false),
      'open-component': () => open(true),
      approve: () => void decideNow('approved'),
      reject: () => ask('rejected', 'rationale'),
      legal: () => ask('needs-legal-review', 'rationale'),
      'not-applicable': () => ask('not-applicable', 'rationale'),
      'edit-license': () => ask('approved', 'license'),
      undo: () => void undo(),
      'toggle-select': () => row && toggleSelected(rowKey(row)),
      'toggle-group': () => {
        const group = groupAt(rows, active);
        if (group) toggleGroup(group.key);
      },
      'focus-search': focusSearch,
      help: () => setShortcutsOpen(true),
    };
    handlers[action]();
    return true;
  };

  const quickDone = (decision: Decision): void => {
    if (quick) afterDecision(decision, quick.label, quick.subject);
    setQuick(null);
  };

  return { run, quick, closeQuick: () => setQuick(null), quickDone };
}
