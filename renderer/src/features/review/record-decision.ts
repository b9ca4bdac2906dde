import type { ApiParams, ApiResult } from '../../../../shared/api/contract';
import { invoke } from '../../api/api-client';
import { useReviewerStore } from '../../stores/reviewer-store';

/** Records one signed decision, asking who decides (or for the key's passphrase) first when needed. */
export function recordDecision(params: ApiParams<'decisions.record'>): Promise<ApiResult<'decisions.record'>> {
  return useReviewerStore.getState().withReviewer(() => invoke('decisions.record', params));
}

/** Records (or, with preview, only computes) one decision for many subjects. */
export function recordBulk(params: ApiParams<'decisions.recordBulk'>): Promise<ApiResult<'decisions.recordBulk'>> {
  if (params.preview) return invoke('decisions.recordBulk', params);
  return useReviewerStore.getState().withReviewer(() => invoke('decisions.recordBulk', params));
}
