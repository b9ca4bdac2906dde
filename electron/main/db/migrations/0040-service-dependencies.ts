import type { Migration } from './index.js';

/**
 * Dependency edges of an imported CycloneDX document that start or end at a service (JSON list of
 * `{ref, dependsOn}` in the document's refs): the components table holds only component→component edges, and
 * without these an export would carry the services but not what depends on them.
 */
export const serviceDependencies: Migration = {
  version: 40,
  name: '0040-service-dependencies',
  up(db) {
    db.exec(`ALTER TABLE sbom_documents ADD COLUMN service_dependencies TEXT NOT NULL DEFAULT '[]';`);
  },
};
