import { describe, expect, it } from 'vitest';
import { detectLicenses } from '../../../../electron/main/engine/2-detect/licenses/index.js';
import type { DetectedFinding } from '../../../../electron/main/engine/2-detect/licenses/types.js';
import { comment, licenseText, lineOf } from './helpers.js';

const texts = (text: string): DetectedFinding[] => detectLicenses(text).filter((f) => f.kind === 'license-text');

/**
 * The SPDX BSD-4-Clause text as a project writes it: its own holder in the disclaimer and a long acknowledgement
 * naming a laboratory and an institute where the reference has "<organization>".
 */
function bsd4(holder: string, acknowledgement: string, disclaimerHolder = holder.toUpperCase()): string {
  let text = licenseText('BSD-4-Clause', holder);
  const edits: Array<[string, string]> = [
    ['developed by the organization.', `developed by\n${acknowledgement}.`],
    ['Neither the name of the copyright holder', `Neither the name of ${holder}`],
    ['PROVIDED BY COPYRIGHT HOLDER', `PROVIDED BY ${disclaimerHolder} AND CONTRIBUTORS`],
    ['SHALL COPYRIGHT HOLDER', `SHALL ${disclaimerHolder} OR CONTRIBUTORS`],
  ];
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`BSD-4-Clause reference text lacks "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

describe('a license text repeated back to back under different holders', () => {
  const first = bsd4('Northwind Signal Processing Group', 'the Northwind Signal Processing Group at the Department of Acoustics and Vibration, Lakeshore Polytechnic, and its contributors');
  const second = bsd4('Harbor Institute of Applied Cartography', 'the Harbor Institute of Applied Cartography, Coastal Survey Laboratory, Field Station Division and its contributors');
  const file = `/*\n${comment(first, ' *')}\n */\n\n/*\n${comment(second, ' *')}\n */\nint main(void) { return 0; }\n`;

  it('reports each copy whole as BSD-4-Clause, modified, not a sibling or a fragment', () => {
    const found = texts(file);
    expect(found.map((f) => f.license)).toEqual(['BSD-4-Clause', 'BSD-4-Clause']);
    for (const f of found) {
      expect(f.modified).toBe(true);
      expect(f.score).toBeLessThan(1);
      expect(f.score).toBeGreaterThan(0.85);
    }
    expect(found[0]!.startLine).toBeLessThanOrEqual(lineOf(file, 'Redistribution and use'));
    expect(found[1]!.startLine).toBeLessThanOrEqual(lineOf(file, 'Redistribution and use', found[0]!.endLine));
    expect(found[1]!.endLine).toBeGreaterThanOrEqual(lineOf(file, 'SUCH DAMAGE', found[0]!.endLine));
  });
});

describe('identical BSD texts placed one after another', () => {
  const copy = (holder: string): string => licenseText('BSD-3-Clause', holder);
  const holders = ['Alpine Routing Project', 'Bayside Compiler Guild', 'Cedar Storage Collective', 'Delta Mesh Networks', 'Evergreen Parser Works'];
  const file = holders.map((h) => `Copyright (C) 2004 ${h}\nAll rights reserved.\n\n${copy(h)}`).join('\n\n');

  it('finds every copy as BSD-3-Clause, none as a named variant', () => {
    expect(texts(file).map((f) => f.license)).toEqual(holders.map(() => 'BSD-3-Clause'));
  });
});

describe('an acknowledgement that names another organisation', () => {
  it('is the generic BSD-4-Clause, not the University of California text', () => {
    // Longer than a name substitution: the acknowledgement is extra text, and its "and its contributors" ending
    // lines up with the Regents' text.
    const acknowledgement = 'the Computational Hydrology Laboratory and the Sediment Transport Group, Institute of Riverine Ecology, Lakeshore Polytechnic and its contributors';
    const text = bsd4('the Institute', acknowledgement, 'THE INSTITUTE');
    expect(texts(text).map((f) => f.license)).toEqual(['BSD-4-Clause']);
  });
});

describe('a source-only BSD text between two BSD-2-Clause texts', () => {
  const twoClause = licenseText('BSD-2-Clause', 'Upland Telemetry');
  let sourceOnly = licenseText('BSD-3-Clause', 'Quarry Lane Software');
  const edits: Array<[RegExp | string, string]> = [
    [/\n2\. Redistributions in binary form[\s\S]*?distribution\.\n/, '\n'],
    ['3. Neither the name of the copyright holder nor the names of its contributors may', '2. The name of the author may not'],
    ['PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS', 'PROVIDED BY QUARRY LANE SOFTWARE, INC. AND CONTRIBUTORS'],
    ['SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS', 'SHALL THE COMPANY OR CONTRIBUTORS'],
  ];
  for (const [from, to] of edits) {
    const next = sourceOnly.replace(from, to);
    if (next === sourceOnly) throw new Error(`BSD-3-Clause reference text lacks ${String(from)}`);
    sourceOnly = next;
  }

  // BSD-Source-beginning-file aligns at 0.95 without its placement sentence: no verbatim fit that hides its siblings.
  it('is BSD-Source-Code, not a near match of the variant that lacks a phrase nor BSD-3-Clause with a clause gone', () => {
    const found = texts(`${twoClause}\n\n${sourceOnly}\n\n${twoClause}\n`);
    expect(found.map((f) => f.license)).toEqual(['BSD-2-Clause', 'BSD-Source-Code', 'BSD-2-Clause']);
    expect(found[1]!.modified).toBe(true);
  });
});
