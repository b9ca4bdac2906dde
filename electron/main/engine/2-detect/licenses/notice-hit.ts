/** A notice or reference found in the normalised words; lines are 0-based. */
export interface NoticeHit {
  kind: 'license-notice' | 'license-reference';
  license: string;
  first: number;
  last: number;
  matchedBy: string;
  /** The license is an exception id, to be combined with the license it follows. */
  exception?: boolean;
  /**
   * A GNU mention without a version ('unversioned': any versioned mention nearby outranks it) or with a version but
   * neither "only" nor "or later" ('version-only': an explicit notice nearby outranks it).
   */
  weak?: 'unversioned' | 'version-only';
  /** Confidence, 1 unless the reading rests on a convention ("BSD-style" read as BSD-3-Clause). */
  score?: number;
  /** Character range in the joined words, for rules that look around a hit. */
  start: number;
  end: number;
}
