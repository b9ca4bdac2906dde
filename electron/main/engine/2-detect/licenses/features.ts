/**
 * Clauses that tell close relatives apart. A sibling whose reference has the clause requires it in the text;
 * one whose reference lacks it forbids it. These decide between siblings, not the raw alignment score.
 */
interface FeatureRule {
  name: string;
  clause: RegExp;
  requiredBy: RegExp;
  forbiddenFor: RegExp;
}

const RULES: FeatureRule[] = [
  {
    name: 'bsd-advertising-clause',
    clause: /advertising materials mentioning features or use of this software must display/,
    requiredBy: /^BSD-4-Clause/,
    forbiddenFor: /^BSD-[123]-Clause/,
  },
  {
    name: 'bsd-endorsement-clause',
    clause: /(?:used|use) to endorse or promote products derived from this software/,
    requiredBy: /^BSD-[34]-Clause/,
    forbiddenFor: /^BSD-[12]-Clause/,
  },
  {
    name: 'mit-notice-retention',
    clause: /above copyright notice and this permission notice shall be included in all copies/,
    requiredBy: /^(?:MIT|X11)$/,
    forbiddenFor: /^MIT-0$/,
  },
  {
    name: 'x11-name-clause',
    clause: /except as contained in this notice the name/,
    requiredBy: /^X11$/,
    forbiddenFor: /^(?:MIT|MIT-0)$/,
  },
  {
    name: 'isc-notice-retention',
    clause: /provided that the above copyright notice and this permission notice appear in all copies/,
    requiredBy: /^ISC$/,
    forbiddenFor: /^0BSD$/,
  },
];

/** Names of the rules the id breaks on this normalised text (empty when consistent). */
export function featureConflicts(id: string, normalizedText: string): string[] {
  const broken: string[] = [];
  for (const rule of RULES) {
    const required = rule.requiredBy.test(id);
    const forbidden = rule.forbiddenFor.test(id);
    if (!required && !forbidden) continue;
    const present = rule.clause.test(normalizedText);
    if ((required && !present) || (forbidden && present)) broken.push(rule.name);
  }
  return broken;
}
