import type Database from 'better-sqlite3';
import { initialSchema } from './0010-initial-schema.js';
import { sbomDocuments } from './0020-sbom-documents.js';
import { reviewTrail } from './0030-review-trail.js';
import { serviceDependencies } from './0040-service-dependencies.js';
import { findingsByContentFinding } from './0050-findings-by-content-finding.js';

export interface Migration {
  /** Strictly increasing; stored in PRAGMA user_version. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Ordered explicitly: a migration is never found by globbing. */
export const migrations: readonly Migration[] = [initialSchema, sbomDocuments, reviewTrail, serviceDependencies, findingsByContentFinding];

for (let i = 1; i < migrations.length; i++) {
  if (migrations[i]!.version <= migrations[i - 1]!.version) {
    throw new Error(`migration ${migrations[i]!.name} is out of order`);
  }
}
