import { useCallback, useEffect, useState } from 'react';
import type { QueueStatus } from '../../../../shared/api/review-contract';
import { invoke, onEvent } from '../../api/api-client';

const allStatuses: QueueStatus[] = ['undecided', 'changed', 'expired', 'conflict', 'pending', 'decided'];

/** Review status per component id, from each project's review queue (components only). */
export function useComponentStatuses(projectIds: number[]): Map<number, QueueStatus> {
  const [statuses, setStatuses] = useState<Map<number, QueueStatus>>(new Map());
  const key = projectIds.join(',');
  const load = useCallback(async () => {
    const next = new Map<number, QueueStatus>();
    for (const projectId of key ? key.split(',').map(Number) : []) {
      for (let offset = 0; ; offset += 5000) {
        const page = await invoke('review.queue', { projectId, include: ['components'], statuses: allStatuses, offset, limit: 5000 });
        for (const item of page.items) next.set(item.id, item.status);
        if (offset + page.items.length >= page.total || page.items.length === 0) break;
      }
    }
    setStatuses(next);
  }, [key]);
  useEffect(() => {
    load().catch(() => setStatuses(new Map()));
    return onEvent('data.changed', ({ topics }) => {
      if (topics.some((t) => t === 'decisions' || t === 'policy' || t === 'components')) load().catch(() => undefined);
    });
  }, [load]);
  return statuses;
}
