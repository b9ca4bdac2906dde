/** A project is one audited thing: a scanned folder, an imported SBOM, or several of both. */
export type DistributionModel = 'internal' | 'saas' | 'binary' | 'source';

export interface ProjectSource {
  /** Absolute path of a folder or SBOM file, as the user gave it. */
  path: string;
  kind: 'folder' | 'sbom';
}

export interface Project {
  id: number;
  name: string;
  createdAt: string;
  distributionModel: DistributionModel;
  sources: ProjectSource[];
}

export interface ProjectSummary extends Project {
  /** The newest finished scan, the one every "current" view reads. */
  latestScanId: number | null;
  latestScanAt: string | null;
  componentCount: number;
  fileCount: number;
  findingCount: number;
  /** Components whose declared and detected licenses disagree, or have none. */
  attentionCount: number;
  runningJobId: string | null;
}
