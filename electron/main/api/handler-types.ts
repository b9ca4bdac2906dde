import type { ApiMethod, ApiResult, ApiValidParams } from '../../../shared/api/contract.js';
import type { AppContext } from '../app-context.js';

export type ApiHandler<M extends ApiMethod> = (params: ApiValidParams<M>, ctx: AppContext) => Promise<ApiResult<M>> | ApiResult<M>;

/** One handler per contract method; handlers.ts must satisfy this whole map. */
export type ApiHandlers = { [M in ApiMethod]: ApiHandler<M> };
