// Lists the files where the detector misses an expected SPDX id or reports a wrong sibling: by default the scancode
// corpus's development split (lic1 + lic2, nuget/ excluded); with --npm the npm source-file notices set
// (npm-notices.ts). The held-out split (lic3 + lic4) is never listed: it is only measured by accuracy.ts.
// Run: npx tsx bench/detect/misses.ts [--single] [--npm]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detect } from '../../electron/main/engine/2-detect/detect.js';
import { decodeContent } from '../../electron/main/engine/2-detect/text/index.js';
import { npmSourceNotices } from './npm-notices.js';
import { corporaDir, judge, treeDir } from './shared.js';

interface Labelled {
  file: string;
  shown: string;
  expected: string[];
  notes?: string;
}

function scancodeDev(single: boolean): Labelled[] {
  const dir = path.join(corporaDir, 'scancode');
  if (!existsSync(dir)) throw new Error(`scancode corpus not found at ${dir}`);
  const out: Labelled[] = [];
  for (const line of readFileSync(path.join(dir, 'labels.jsonl'), 'utf8').trim().split('\n')) {
    const label = JSON.parse(line) as { file: string; expect: string[]; binary?: boolean; notes?: string };
    if (!/^lic[12]\//.test(label.file) || label.file.includes('/nuget/') || label.binary) continue;
    const expected = label.expect.filter((id) => !id.startsWith('LicenseRef-'));
    if (expected.length === 0 || (single && expected.length !== 1)) continue;
    out.push({ file: path.join(dir, label.file), shown: label.file, expected, ...(label.notes ? { notes: label.notes } : {}) });
  }
  return out;
}

const items: Labelled[] = process.argv.includes('--npm')
  ? npmSourceNotices().items.map((i) => ({ file: i.file, shown: path.relative(treeDir, i.file), expected: i.expected }))
  : scancodeDev(process.argv.includes('--single'));
let missed = 0;
for (const item of items) {
  const decoded = decodeContent(readFileSync(item.file));
  const findings = decoded.kind === 'text' ? detect(decoded.text, { timeBudgetMs: 10_000 }).filter((f) => f.kind !== 'copyright' && f.license) : [];
  const found = findings.map((f) => f.license!);
  if (item.expected.every((e) => judge(e, found, item.expected))) continue;
  missed++;
  console.log(`${item.shown}\texpected ${item.expected.join(', ')}\tfound ${findings.map((f) => `${f.license} [${f.kind} ${f.startLine}-${f.endLine} ${f.matchedBy}]`).join('; ') || '-'}${item.notes ? `\tnote: ${item.notes.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`);
}
console.log(`\n${missed} misses of ${items.length} files (${((100 * (items.length - missed)) / items.length).toFixed(1)}% right)`);
