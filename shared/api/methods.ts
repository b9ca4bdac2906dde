import type { ApiResults } from './contract.js';
import { paramSchemas } from './schemas.js';

/** Every method name, at run time. Dispatch, the HTTP bridge and the contract test iterate this list. */
export const apiMethods = Object.keys(paramSchemas) as (keyof typeof paramSchemas)[];

// Compile-time check that the result map and the param schemas name the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Same<keyof ApiResults, keyof typeof paramSchemas> = true;
void sameKeys;

export function isApiMethod(name: string): name is (typeof apiMethods)[number] {
  return Object.prototype.hasOwnProperty.call(paramSchemas, name);
}
