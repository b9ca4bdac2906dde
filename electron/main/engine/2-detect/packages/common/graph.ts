import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { ManifestBuilder } from './builder.js';

/**
 * For lockfiles that do not flag dev packages: a package whose scope is still unknown becomes runtime if a
 * runtime root reaches it, else optional, else dev, else test. Roots are [ref, scope] of direct dependencies.
 */
export function scopeByReachability(b: ManifestBuilder, roots: [string, DependencyScope][]): void {
  const out = new Map<string, string[]>();
  for (const e of b.result().edges) {
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  for (const scope of ['runtime', 'optional', 'dev', 'test'] as const) {
    const queue = roots.filter(([, s]) => s === scope).map(([r]) => r);
    const seen = new Set<string>();
    while (queue.length > 0) {
      const ref = queue.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const p = b.get(ref);
      if (p && p.scope === 'unknown') p.scope = scope;
      for (const next of out.get(ref) ?? []) queue.push(next);
    }
  }
}

/** Marks the given refs direct and every other non-root package not direct. */
export function markDirect(b: ManifestBuilder, directRefs: Iterable<string>): void {
  let any = false;
  for (const ref of directRefs) {
    const p = b.get(ref);
    if (p) {
      p.direct = true;
      any = true;
    }
  }
  if (any) for (const p of b.all()) if (!p.isRoot) p.direct ??= false;
}
