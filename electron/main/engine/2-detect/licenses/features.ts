/**
 * Clauses that tell close relatives apart. A sibling whose reference has the clause requires it in the text;
 * one whose reference lacks it forbids it. These decide between siblings, not the raw alignment score.
 */
interface FeatureRule {
  name: string;
  clause: RegExp;
  requiredBy: RegExp;
  forbiddenFor: RegExp;
  /** Breaking it rules the id out even when no sibling fits: the text is then a near match, not this license. */
  strict?: boolean;
}

const RULES: FeatureRule[] = [
  {
    name: 'bsd-advertising-clause',
    clause: /advertising materials mentioning features or use of this software must display/,
    requiredBy: /^BSD-4-Clause/,
    forbiddenFor: /^(?:BSD-[123]-Clause|BSD-Source|Mup$|BSD-Mark-Modifications$)/,
  },
  // The one-clause BSD texts keep only the source clause: a binary-form clause makes the text a fuller BSD.
  {
    name: 'bsd-binary-clause',
    clause: /redistributions in binary form must reproduce/,
    requiredBy: /^$/,
    forbiddenFor: /^(?:BSD-1-Clause|BSD-Source-Code|BSD-Source-beginning-file|pnmstitch)$/,
  },
  // BSD-4-Clause-UC is the Regents' text: an acknowledgement naming the University of California makes it that one.
  {
    name: 'bsd-uc-acknowledgment',
    clause: /this product includes software developed by the university of california berkeley/,
    requiredBy: /^$/,
    forbiddenFor: /^BSD-4-Clause$/,
  },
  // …and a text whose acknowledgement and disclaimer name another organisation (an institute, a project) is not it.
  {
    name: 'bsd-uc-university',
    clause: /\b(?:university|regents|berkeley)\b/,
    requiredBy: /^BSD-4-Clause-UC$/,
    forbiddenFor: /^$/,
  },
  {
    name: 'bsd-endorsement-clause',
    clause: /(?:used|use) to endorse or promote products derived from this software/,
    requiredBy: /^BSD-[34]-Clause/,
    forbiddenFor: /^BSD-[12]-Clause/,
  },
  // A named two-clause variant (pkgconf's disclaimer, Darwin, Views …) is no fallback for a text with an endorsement clause.
  {
    name: 'bsd-endorsement-clause-in-named-variant',
    strict: true,
    clause: /(?:used|use) to endorse or promote products derived from this software/,
    requiredBy: /^$/,
    forbiddenFor: /^BSD-[12]-Clause-/,
  },
  {
    name: 'mit-notice-retention',
    // X.Org's "(including the next paragraph)" and Khronos's "included unaltered" are still the clause.
    clause: /above copyright (?:[a-z]+ ){0,3}?notice and this permission notice (?:[a-z]+ ){0,4}?shall be included (?:[a-z]+ ){0,2}?in all copies/,
    requiredBy: /^(?:MIT|X11)$/,
    forbiddenFor: /^MIT-0$/,
  },
  // MIT-0 grants without any condition: a text that still asks for the copyright notice in copies (even without
  // "this permission notice") is a modified MIT, not MIT-0.
  {
    name: 'mit-any-condition',
    clause: /\bsubject to the following conditions the above copyright\b|\babove copyright (?:[a-z]+ ){0,3}?notice (?:[a-z]+ ){0,6}?shall be included (?:[a-z]+ ){0,2}?in all copies\b/,
    requiredBy: /^$/,
    forbiddenFor: /^MIT-0$/,
  },
  {
    name: 'x11-name-clause',
    clause: /except as contained in this notice the name|\bthe names? of (?:[a-z]+ ){1,8}?shall not be used in advertising or otherwise to promote\b/,
    requiredBy: /^X11$/,
    forbiddenFor: /^(?:MIT|MIT-0)$/,
  },
  {
    name: 'x11-distribute-with-modifications',
    strict: true,
    clause: /\bdistribute distribute with modifications\b/,
    requiredBy: /^X11-distribute-modifications-variant$/,
    forbiddenFor: /^(?:X11|MIT)$/,
  },
  {
    name: 'json-good-not-evil',
    strict: true,
    clause: /the software shall be used for good not evil/,
    requiredBy: /^JSON$/,
    forbiddenFor: /^(?:MIT|X11|MIT-0)$/,
  },
  // 0BSD grants without conditions; "hereby granted, provided that …" is ISC, HPND or one of their kin.
  {
    name: 'conditional-grant',
    clause: /\bhereby granted provided that\b/,
    requiredBy: /^$/,
    forbiddenFor: /^0BSD$/,
  },
  {
    name: 'smlnj-warranty-disclaimer',
    strict: true,
    clause: /\bwarranty disclaimer appear in supporting documentation\b/,
    requiredBy: /^SMLNJ$/,
    forbiddenFor: /^$/,
  },
  {
    name: 'isc-notice-retention',
    clause: /provided that the above copyright notice and this permission notice appear in all copies/,
    requiredBy: /^ISC$/,
    forbiddenFor: /^0BSD$/,
  },
  // SPDX variants named after one steward: reported only when the text has the clause that makes them a variant.
  {
    name: 'hp-patent-infringement',
    strict: true,
    clause: /including but not limited to patent infringement/,
    requiredBy: /^BSD-3-Clause-HP$/,
    forbiddenFor: /^BSD-3-Clause$/,
  },
  {
    name: 'caldera-name',
    strict: true,
    clause: /\bcaldera\b/,
    requiredBy: /^Caldera(?:-no-preamble)?$/,
    forbiddenFor: /^$/,
  },
  {
    name: 'any-form-acknowledgment',
    strict: true,
    clause: /redistributions of any form whatsoever must retain the following acknowledg?ment/,
    requiredBy: /^BSD-Advertising-Acknowledgement$/,
    forbiddenFor: /^$/,
  },
  {
    name: 'freebsd-inclusion',
    strict: true,
    clause: /this work was done expressly for inclusion into freebsd/,
    requiredBy: /^libutil-David-Nugent$/,
    forbiddenFor: /^$/,
  },
  // MIT and HPND variants named after one project: each has a sentence the plain text lacks.
  ...(
    [
      ['MIT-feh', /acknowledgment shall be given in the documentation and software packages that this software was used/],
      ['MIT-advertising', /marketing and publicity materials and acknowledgment shall be given/],
      ['MIT-enna', /publicly documented acknowledgment must be given/],
      ['MIT-STK', /is asked to send the modifications to the original developer/],
      ['MIT-Wu', /all redistributions must retain an intact copy of this copyright notice and disclaimer/],
      ['MITNFA', /bug reporting email addresses/],
      ['MIT-Khronos-old', /may mean it no longer accurately reflects khronos standards/],
      ['Xnet', /shall be governed in all respects by the laws of the state of california/],
      ['X11-swapped', /shall not be used in advertising or otherwise to promote the sale use or other dealings in this software without prior written authorization the software is provided as is/],
      ['HPND-SMC', /distribute this python software/],
      ['SGI-B-2.0', /\bdates of first publication\b|\boss sgi com projects freeb\b/],
      // BSD variants named after one project, each a BSD text with its own clause or placement rule.
      ['BSD-Source-beginning-file', /immediately at the beginning of the file/],
      ['BSD-2-Clause-first-lines', /as the first lines of this file unmodified/],
      ['BSD-4.3TAHOE', /this paragraph are duplicated in all such forms/],
      ['Mup', /any additions deletions or changes to the original files must be clearly indicated/],
      ['BSD-Mark-Modifications', /all modifications to the source code must be clearly marked/],
      ['Mackerras-3-Clause', /disclaim all warranties with regard to this software/],
      ['ALGLIB-Documentation', /redistribution and use of this document/],
      ['MIT-testregex', /to any person obtaining a copy of this software file/],
      ['BSD-Systemics', /free for commercial and non ?commercial use/],
      ['BSD-Systemics-W3Works', /free for commercial and non ?commercial use/],
      ['OpenSSL-standalone', /\bopenssl project\b/],
      ['BSD-2-Clause-pkgconf-disclaimer', /provided as is and without any warranty express or implied/],
      ['BSD-4-Clause-Shortened', /retain the above copyright notice and this paragraph in its entirety/],
    ] as const
  ).map(([id, clause]): FeatureRule => ({ name: `${id.toLowerCase()}-clause`, strict: true, clause, requiredBy: new RegExp(`^${id}$`), forbiddenFor: /^$/ })),
  // The FSF's short permissive notices all grant "unlimited permission"; a GPL-style warranty paragraph is not one.
  {
    name: 'fsf-unlimited-permission',
    clause: /unlimited permission/,
    requiredBy: /^FSFUL/,
    forbiddenFor: /^$/,
    strict: true,
  },
];

/** Names of the strict rules (see FeatureRule.strict) among those broken. */
export function strictConflicts(broken: string[]): string[] {
  return broken.filter((name) => name === GRANT_MISMATCH || RULES.some((r) => r.name === name && r.strict));
}

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

/**
 * The grant sentences of the permissive families. A text granting in one of them is not a reference that grants in
 * none of them, however much of the shared disclaimer lines up (a BSD text is not OSSP or MIT-testregex).
 */
const GRANTS: RegExp[] = [
  /\bredistribution and use (?:of this software )?in source and binary forms\b/,
  /\bpermission is hereby granted free of charge to any person obtaining a copy\b/,
];

export const GRANT_MISMATCH = 'grant-sentence';

/** Which grant sentences a normalised text has, one bit each. */
export function grantsOf(normalizedText: string): number {
  let bits = 0;
  for (let i = 0; i < GRANTS.length; i++) if (GRANTS[i]!.test(normalizedText)) bits |= 1 << i;
  return bits;
}

/** GRANT_MISMATCH when the text has a grant sentence that the reference lacks. Always strict. */
export function grantConflicts(referenceGrants: number, textGrants: number): string[] {
  return (textGrants & ~referenceGrants) !== 0 ? [GRANT_MISMATCH] : [];
}
