import { readFileSync } from 'node:fs';
import path from 'node:path';
import { licenseCategories, type LicenseCategory } from '../../../../shared/model/policy.js';
import { AppError } from '../../../../shared/api/errors.js';
import { defaultResourcesDir } from '../../app-paths.js';

interface CategoryEntry {
  category: LicenseCategory;
  reason: string;
  osiApproved: boolean;
}

export interface ShippedCategories {
  inputs: string[];
  licenses: Record<string, CategoryEntry>;
}

const cache = new Map<string, ShippedCategories>();

export function policiesDir(resourcesDir = defaultResourcesDir): string {
  return path.join(resourcesDir, 'policies');
}

/** The generated classification of every SPDX id (resources/policies/license-categories.json). */
export function shippedCategories(resourcesDir = defaultResourcesDir): ShippedCategories {
  const cached = cache.get(resourcesDir);
  if (cached) return cached;
  const file = path.join(policiesDir(resourcesDir), 'license-categories.json');
  let data: ShippedCategories;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as ShippedCategories;
  } catch (error) {
    throw new AppError('internal', `${file}: cannot read the shipped license categories (${(error as Error).message})`);
  }
  for (const [id, entry] of Object.entries(data.licenses)) {
    if (!licenseCategories.includes(entry.category)) throw new AppError('internal', `${file}: ${id} has unknown category "${entry.category}"`);
  }
  cache.set(resourcesDir, data);
  return data;
}

/**
 * The shipped category of a license id. "GPL-2.0+" (a parsed id with `plus`) is looked up as written, then as
 * "-or-later"; ids nobody classified, and LicenseRef-…, are 'unknown'.
 */
export function shippedCategoryOf(id: string, plus = false, resourcesDir = defaultResourcesDir): CategoryEntry | null {
  const table = shippedCategories(resourcesDir).licenses;
  const candidates = plus ? [`${id}+`, `${id}-or-later`, id] : [id];
  for (const candidate of candidates) {
    const entry = table[candidate];
    if (entry) return entry;
  }
  return null;
}
