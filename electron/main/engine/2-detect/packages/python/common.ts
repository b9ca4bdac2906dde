import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { FoundPackage } from '../types.js';
import { makePackage } from '../common/builder.js';

export interface Requirement {
  name: string;
  extras: string[];
  /** The version specifier as written (">=2,<3"), or the direct URL after "@". */
  specifier: string | null;
  /** The exact version when the specifier pins one (==1.2.3 or ===1.2.3, no wildcard). */
  pinned: string | null;
  marker: string | null;
  url: string | null;
}

/** A PEP 508 requirement ("requests[socks] >=2.8.1, ==2.*; python_version < '3'"), or null if it is not one. */
export function parseRequirement(text: string): Requirement | null {
  const semi = text.indexOf(';');
  const main = (semi === -1 ? text : text.slice(0, semi)).trim();
  const marker = semi === -1 ? null : text.slice(semi + 1).trim() || null;
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(main);
  if (!m) return null;
  const rest = m[3]!.trim();
  let specifier: string | null = null;
  let url: string | null = null;
  if (rest.startsWith('@')) url = rest.slice(1).trim() || null;
  else if (rest !== '') {
    if (!/^\(?\s*(===|==|!=|~=|<=|>=|<|>)/.test(rest)) return null;
    specifier = rest.replace(/^\(\s*|\s*\)$/g, '').trim();
  }
  const pin = specifier ? /^===?\s*([^\s,*]+)$/.exec(specifier) : null;
  return {
    name: m[1]!,
    extras: m[2] ? m[2].split(',').map((e) => e.trim()).filter(Boolean) : [],
    specifier: specifier ?? url,
    pinned: pin ? pin[1]! : null,
    marker,
    url,
  };
}

/** Requirements guarded by `extra == "x"` are only installed with that extra: optional. */
export function requirementScope(req: Requirement, fallback: DependencyScope): DependencyScope {
  return req.marker && /\bextra\s*==/.test(req.marker) ? 'optional' : fallback;
}

export function pypiPackage(init: Omit<Parameters<typeof makePackage>[0], 'ecosystem' | 'purlType'>): FoundPackage {
  return makePackage({ ...init, ecosystem: 'pypi', purlType: 'pypi' });
}

/** PEP 503 normalised name, for matching names across a lockfile's entries. */
export function normalisePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
