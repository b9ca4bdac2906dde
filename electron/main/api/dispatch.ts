import type { ApiEnvelope } from '../../../shared/api/errors.js';
import { AppError, isAppError } from '../../../shared/api/errors.js';
import type { ApiMethod } from '../../../shared/api/contract.js';
import { isApiMethod } from '../../../shared/api/methods.js';
import { paramSchemas } from '../../../shared/api/schemas.js';
import type { AppContext } from '../app-context.js';
import { offloadedMethods } from '../workers/query-worker-protocol.js';
import { logger } from '../log/logger.js';
import type { ApiHandler } from './handler-types.js';
import { handlers } from './handlers.js';

/**
 * The single entry for every transport: check the method exists, validate params against the contract's
 * schema, run the handler, and wrap the outcome in an envelope. Unknown exceptions are logged and reported as
 * 'internal' without their stack.
 */
export async function dispatch(ctx: AppContext, method: string, params: unknown): Promise<ApiEnvelope<unknown>> {
  if (ctx.queries && offloadedMethods.has(method)) return ctx.queries.call(method, params);
  try {
    if (!isApiMethod(method)) throw new AppError('not-found', `unknown API method "${method}"`);
    const parsed = paramSchemas[method].safeParse(params ?? undefined);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`);
      throw new AppError('bad-request', `invalid params for ${method}: ${issues.join('; ')}`, { issues });
    }
    const handler = handlers[method as ApiMethod] as ApiHandler<ApiMethod>;
    const value = await handler(parsed.data as never, ctx);
    return { ok: true, value };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toShape() };
    logger.error(`API ${method} failed`, error);
    return { ok: false, error: { code: 'internal', message: `internal error in ${method}: ${(error as Error).message}` } };
  }
}
