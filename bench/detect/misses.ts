// Lists the scancode corpus files of the development split (lic1 + lic2, nuget/ excluded) where the detector misses an
// expected SPDX id or reports a wrong sibling. The held-out split (lic3 + lic4) is never listed: it is only measured
// by accuracy.ts. Run: npx tsx bench/detect/misses.ts [--single]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detect } from '../../electron/main/engine/2-detect/detect.js';
import { decodeContent } from '../../electron/main/engine/2-detect/text/index.js';
import { corporaDir, judge } from './shared.js';

const dir = path.join(corporaDir, 'scancode');
if (!existsSync(dir)) throw new Error(`scancode corpus not found at ${dir}`);
const single = process.argv.includes('--single');
let n = 0;
let missed = 0;
for (const line of readFileSync(path.join(dir, 'labels.jsonl'), 'utf8').trim().split('\n')) {
  const label = JSON.parse(line) as { file: string; expect: string[]; binary?: boolean; notes?: string };
  if (!/^lic[12]\//.test(label.file) || label.file.includes('/nuget/') || label.binary) continue;
  const expected = label.expect.filter((id) => !id.startsWith('LicenseRef-'));
  if (expected.length === 0 || (single && expected.length !== 1)) continue;
  n++;
  const decoded = decodeContent(readFileSync(path.join(dir, label.file)));
  const findings = decoded.kind === 'text' ? detect(decoded.text, { timeBudgetMs: 10_000 }).filter((f) => f.kind !== 'copyright' && f.license) : [];
  const found = findings.map((f) => f.license!);
  if (expected.every((e) => judge(e, found, expected))) continue;
  missed++;
  console.log(`${label.file}\texpected ${expected.join(', ')}\tfound ${findings.map((f) => `${f.license} [${f.kind} ${f.startLine}-${f.endLine} ${f.matchedBy}]`).join('; ') || '-'}${label.notes ? `\tnote: ${label.notes.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`);
}
console.log(`\n${missed} misses of ${n} dev files (${((100 * (n - missed)) / n).toFixed(1)}% right)`);
