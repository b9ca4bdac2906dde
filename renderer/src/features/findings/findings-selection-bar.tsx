import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { useAppStore } from '../../stores/app-store';
import { useFindingsStore } from '../../stores/findings-store';
import { BulkDecisionDialog, type BulkSubject } from '../review/bulk-decision-dialog';
import { rowKey } from './findings-columns';
import type { DisplayRow } from './grouping';
import { subjectOf } from './use-triage';

const bulkLimit = 10_000;

interface Props {
  selected: Set<string>;
  rows: DisplayRow[];
  total: number | null;
  filtered: boolean;
  clear(): void;
}

/** Bulk decisions from the Findings view: on the selected rows, or on every finding the filter matches. */
export function FindingsSelectionBar({ selected, rows, total, filtered, clear }: Props) {
  const [bulk, setBulk] = useState<{ title: string; subjects: BulkSubject[] } | null>(null);
  const [collecting, setCollecting] = useState(false);
  const notify = useAppStore((s) => s.notify);
  const matchingIds = useFindingsStore((s) => s.matchingIds);

  const onSelection = (): void => {
    const subjects = rows
      .filter((r) => selected.has(rowKey(r)))
      .map(subjectOf)
      .filter((s): s is NonNullable<typeof s> => s !== null)
      .map(({ subject, label }) => ({ subject, label }));
    setBulk({ title: `Decide on ${subjects.length} selected`, subjects });
  };
  const onFilter = async (): Promise<void> => {
    setCollecting(true);
    try {
      const { ids, total: all } = await matchingIds(bulkLimit);
      if (all > bulkLimit) notify('info', `The filter matches ${all.toLocaleString()} findings; a bulk decision takes the first ${bulkLimit.toLocaleString()}.`);
      setBulk({ title: `Decide on ${ids.length.toLocaleString()} findings matching the filter`, subjects: ids.map(({ id, label }) => ({ subject: { type: 'finding', findingId: id }, label })) });
    } catch (e) {
      notify('error', errorMessage(e));
    } finally {
      setCollecting(false);
    }
  };

  return (
    <div className="selection-bar">
      {selected.size > 0 && (
        <>
          <span>{selected.size} selected</span>
          <button type="button" className="primary" onClick={onSelection}>
            Decide on selection…
          </button>
          <button type="button" onClick={clear}>
            Clear selection
          </button>
        </>
      )}
      {filtered && total !== null && total > 0 && (
        <button type="button" onClick={() => void onFilter()} disabled={collecting}>
          {collecting ? 'Collecting…' : `Decide on all ${total.toLocaleString()} matching…`}
        </button>
      )}
      {bulk && (
        <BulkDecisionDialog
          title={bulk.title}
          subjects={bulk.subjects}
          onClose={() => setBulk(null)}
          onRecorded={() => {
            setBulk(null);
            clear();
          }}
        />
      )}
    </div>
  );
}
