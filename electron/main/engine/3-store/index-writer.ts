import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WritableDb } from '../../db/db-types.js';
import { manifestKind } from '../2-detect/packages/index.js';
import type {
  ComponentFindingRecord,
  ComponentRecord,
  ContentRecord,
  EdgeRecord,
  FileRecord,
  WarningRecord,
} from './records.js';

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * The store stage: writes one scan's rows in batched transactions. Nothing written here is visible to
 * readers until the scan is marked finished (every "current" query reads the latest finished scan), and a
 * scan that does not finish has its rows purged, so a cancelled or killed scan is never half-visible.
 */
export class IndexWriter {
  private readonly componentIds = new Map<string, number>();
  private readonly statements: {
    contentVersion: Database.Statement;
    upsertContent: Database.Statement;
    detachOlderFindings: Database.Statement;
    deleteContentFindings: Database.Statement;
    insertContentFinding: Database.Statement;
    insertComponent: Database.Statement;
    insertEdge: Database.Statement;
    insertFile: Database.Statement;
    insertFinding: Database.Statement;
    insertWarning: Database.Statement;
  };

  constructor(
    private readonly db: WritableDb,
    readonly scanId: number,
    private readonly detectorVersion: string,
  ) {
    db.function('sha1_hex', { deterministic: true }, (text: unknown) => sha1Hex(String(text)));
    db.function('is_manifest', { deterministic: true }, (path: unknown) => (manifestKind(String(path)) === null ? 0 : 1));
    this.statements = {
      contentVersion: db.prepare('SELECT detector_version FROM contents WHERE sha256 = ?').pluck(),
      upsertContent: db.prepare(
        `INSERT INTO contents (sha256, sha1, size, type, encoding, detector_version, error)
         VALUES (@sha256, @sha1, @size, @type, @encoding, @detectorVersion, @error)
         ON CONFLICT (sha256) DO UPDATE SET sha1 = excluded.sha1, type = excluded.type, encoding = excluded.encoding,
           detector_version = excluded.detector_version, error = excluded.error`,
      ),
      // Earlier snapshots keep their evidence: their findings take the text of the cached rows about to be replaced.
      detachOlderFindings: db.prepare(
        `UPDATE findings SET text = cf.text, content_finding_id = NULL
         FROM content_findings cf WHERE cf.sha256 = ? AND findings.content_finding_id = cf.id`,
      ),
      deleteContentFindings: db.prepare('DELETE FROM content_findings WHERE sha256 = ?'),
      insertContentFinding: db.prepare(
        `INSERT INTO content_findings (sha256, kind, license, score, start_line, end_line, text, text_hash, matched_by, modified, details)
         VALUES (@sha256, @kind, @license, @score, @startLine, @endLine, @text, @textHash, @matchedBy, @modified, @details)`,
      ),
      insertComponent: db.prepare(
        `INSERT INTO components (scan_id, key, purl, namespace, name, version, ecosystem, scope, source_path, root_path, is_project_root,
           declared_verbatim, declared_expression, declared_normalised, description, supplier, author, cpe, hashes,
           external_refs, origins, extra, extra_format)
         VALUES (@scanId, @key, @purl, @namespace, @name, @version, @ecosystem, @scope, @sourcePath, @rootPath, @isProjectRoot,
           @declaredVerbatim, @declaredExpression, @declaredNormalised, @description, @supplier, @author, @cpe, @hashes,
           @externalRefs, @origins, @extra, @extraFormat)`,
      ),
      insertEdge: db.prepare(
        'INSERT OR IGNORE INTO dependencies (scan_id, from_id, to_id, scope) VALUES (?, ?, ?, ?)',
      ),
      insertFile: db.prepare(
        `INSERT INTO files (scan_id, source_path, path, size, mtime_ms, sha256, type, component_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFinding: db.prepare(
        `INSERT INTO findings (scan_id, component_id, file_id, path, kind, license, score, start_line, end_line, text, matched_by, modified, key)
         VALUES (@scanId, @componentId, NULL, @path, @kind, @license, @score, @startLine, @endLine, @text, @matchedBy, 0, @key)`,
      ),
      insertWarning: db.prepare('INSERT INTO scan_warnings (scan_id, path, location, message) VALUES (?, ?, ?, ?)'),
    };
  }

  /** True when this content was already detected by the current detector: its file need not be read again. */
  hasCurrentContent(sha256: string): boolean {
    return this.statements.contentVersion.get(sha256) === this.detectorVersion;
  }

  writeContents(batch: ContentRecord[]): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const content of batch) {
        if (s.contentVersion.get(content.sha256) === this.detectorVersion) continue;
        s.upsertContent.run({ ...content, detectorVersion: this.detectorVersion });
        s.detachOlderFindings.run(content.sha256);
        s.deleteContentFindings.run(content.sha256);
        for (const f of content.findings) {
          s.insertContentFinding.run({
            sha256: content.sha256,
            kind: f.kind,
            license: f.license,
            score: f.score,
            startLine: f.startLine,
            endLine: f.endLine,
            text: f.text,
            textHash: sha1Hex(f.text.replace(/\s+/g, ' ').trim()),
            matchedBy: f.matchedBy,
            modified: f.modified ? 1 : 0,
            details: detailsOf(f),
          });
        }
      }
    }).immediate();
  }

  writeComponents(components: ComponentRecord[], edges: EdgeRecord[]): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const c of components) {
        const { lastInsertRowid } = s.insertComponent.run({
          scanId: this.scanId,
          key: c.key,
          purl: c.purl,
          namespace: c.namespace,
          name: c.name,
          version: c.version,
          ecosystem: c.ecosystem,
          scope: c.scope,
          sourcePath: c.sourcePath,
          rootPath: c.rootPath,
          isProjectRoot: c.isProjectRoot ? 1 : 0,
          declaredVerbatim: c.declared.verbatim,
          declaredExpression: c.declared.expression,
          declaredNormalised: c.declared.normalised ? 1 : 0,
          description: c.description,
          supplier: c.supplier,
          author: c.author,
          cpe: c.cpe,
          hashes: JSON.stringify(c.hashes),
          externalRefs: JSON.stringify(c.externalReferences),
          origins: JSON.stringify(c.origins),
          extra: c.extra ? JSON.stringify(c.extra) : null,
          extraFormat: c.extraFormat,
        });
        this.componentIds.set(c.key, Number(lastInsertRowid));
      }
      for (const edge of edges) {
        const from = this.componentIds.get(edge.fromKey);
        const to = this.componentIds.get(edge.toKey);
        if (from !== undefined && to !== undefined && from !== to) s.insertEdge.run(this.scanId, from, to, edge.scope);
      }
    }).immediate();
  }

  componentId(key: string | null): number | null {
    return key === null ? null : (this.componentIds.get(key) ?? null);
  }

  writeFiles(batch: FileRecord[]): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const f of batch) {
        s.insertFile.run(this.scanId, f.sourcePath, f.path, f.size, f.mtimeMs, f.sha256, f.type, this.componentId(f.componentKey));
      }
    }).immediate();
  }

  /**
   * Carries the previous scan's rows of unchanged files into this scan in one statement, mapping each to this
   * scan's component of the same key: on a re-scan of an unchanged tree this is nearly all the writing there is.
   */
  copyUnchangedFiles(previousScanId: number, sourcePath: string, excluded: string[]): number {
    return this.db.transaction(() => {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS excluded_paths (path TEXT PRIMARY KEY) WITHOUT ROWID');
      this.db.exec('DELETE FROM temp.excluded_paths');
      const exclude = this.db.prepare('INSERT OR IGNORE INTO temp.excluded_paths (path) VALUES (?)');
      for (const p of excluded) exclude.run(p);
      const { changes } = this.db
        .prepare(
          `INSERT INTO files (scan_id, source_path, path, size, mtime_ms, sha256, type, component_id)
           SELECT @scanId, f.source_path, f.path, f.size, f.mtime_ms, f.sha256, f.type, now.id
           FROM files f
           LEFT JOIN components before ON before.id = f.component_id
           LEFT JOIN components now ON now.scan_id = @scanId AND now.key = before.key
           WHERE f.scan_id = @previousScanId AND f.source_path = @sourcePath
             AND f.path NOT IN (SELECT path FROM temp.excluded_paths)`,
        )
        .run({ scanId: this.scanId, previousScanId, sourcePath });
      this.db.exec('DELETE FROM temp.excluded_paths');
      return changes;
    }).immediate();
  }

  writeComponentFindings(batch: ComponentFindingRecord[]): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const f of batch) {
        s.insertFinding.run({
          scanId: this.scanId,
          componentId: this.componentId(f.componentKey),
          path: f.path,
          kind: f.kind,
          license: f.license,
          score: f.score,
          startLine: f.startLine,
          endLine: f.endLine,
          text: f.text,
          matchedBy: f.matchedBy,
          key: sha1Hex(`${f.kind}|${f.license ?? ''}|${f.componentKey ?? ''}|${f.path ?? ''}|${f.text}`),
        });
      }
    }).immediate();
  }

  writeWarnings(batch: WarningRecord[]): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const w of batch) s.insertWarning.run(this.scanId, w.path, w.location, w.message);
    }).immediate();
  }

  /**
   * Copies each file's content findings into this scan's findings, with the file's path and component, so the
   * review queries filter and sort one table. The key (kind, license, path, text) survives re-scans.
   */
  materializeFileFindings(): number {
    const result = this.db
      .prepare(
        `INSERT INTO findings (scan_id, component_id, file_id, content_finding_id, path, kind, license, score,
           start_line, end_line, text, matched_by, modified, key)
         SELECT f.scan_id, f.component_id, f.id, cf.id, f.path, cf.kind, cf.license, cf.score,
           cf.start_line, cf.end_line, NULL, cf.matched_by, cf.modified,
           sha1_hex(cf.kind || '|' || ifnull(cf.license, '') || '|' || f.path || '|' || cf.text_hash)
         FROM files f JOIN content_findings cf ON cf.sha256 = f.sha256
         WHERE f.scan_id = ?
           -- A manifest's "license" field is its component's declared license (a finding of its own); the
           -- detector's reading of the same line as a reference would only repeat it.
           AND NOT (cf.kind = 'license-reference' AND is_manifest(f.path))`,
      )
      .run(this.scanId);
    return result.changes;
  }
}

function detailsOf(f: ContentRecord['findings'][number]): string | null {
  const details: Record<string, unknown> = {};
  if (f.holders?.length) details['holders'] = f.holders;
  if (f.years) details['years'] = f.years;
  if (f.error) details['error'] = f.error;
  return Object.keys(details).length > 0 ? JSON.stringify(details) : null;
}
