import type { DistributionModel } from '../../../../shared/model/project.js';
import type { LicenseCategory, PolicyAction, PolicySeverity } from '../../../../shared/model/policy.js';

/** The words used in verdicts: "GPL-3.0-only is strong copyleft; for distributed binaries strong copyleft is denied". */
export const categoryWords: Record<LicenseCategory, string> = {
  permissive: 'permissive',
  'public-domain': 'public domain',
  'weak-copyleft': 'weak copyleft',
  'strong-copyleft': 'strong copyleft',
  'network-copyleft': 'network copyleft',
  'non-commercial-or-proprietary': 'non-commercial or proprietary',
  unknown: 'of unknown category',
};

export const categoryNounWords: Record<LicenseCategory, string> = {
  ...categoryWords,
  unknown: 'a license of unknown category',
};

export const modelWords: Record<DistributionModel, string> = {
  internal: 'for internal use',
  saas: 'for software offered as a service',
  binary: 'for distributed binaries',
  source: 'for distributed source code',
};

export const actionWords: Record<PolicyAction, string> = { allow: 'allowed', review: 'to be reviewed', deny: 'denied' };

export const actionRank: Record<PolicyAction, number> = { allow: 0, review: 1, deny: 2 };

export function severityOf(action: PolicyAction): PolicySeverity {
  return action === 'deny' ? 'error' : action === 'review' ? 'warning' : 'info';
}
