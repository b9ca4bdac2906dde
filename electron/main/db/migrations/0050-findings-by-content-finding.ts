import type { Migration } from './index.js';

/**
 * A content re-detected by a newer detector replaces its cached findings; the findings of earlier snapshots that
 * point at the old rows are detached first (they keep their text). This index finds them without a table scan.
 */
export const findingsByContentFinding: Migration = {
  version: 50,
  name: '0050-findings-by-content-finding',
  up(db) {
    db.exec('CREATE INDEX findings_by_content_finding ON findings(content_finding_id) WHERE content_finding_id IS NOT NULL;');
  },
};
