/**
 * Version of the detection results: a cache keyed by file content and this string is invalidated when it changes.
 * Bump on any change that alters findings (rules, thresholds, normalisation, the SPDX list version).
 */
export const DETECTOR_VERSION = 'clearance-detect-1.11.3';
