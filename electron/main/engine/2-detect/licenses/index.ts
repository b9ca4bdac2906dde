export { detectLicenses, DEFAULT_TIME_BUDGET_MS, UNKNOWN_LICENSE } from './detect-licenses.js';
export { DETECTOR_VERSION } from './version.js';
export { referenceText, diffAgainstReference, type DiffSegment } from './diff-reference.js';
export type { DetectedFinding, DetectedKind, DetectOptions } from './types.js';
