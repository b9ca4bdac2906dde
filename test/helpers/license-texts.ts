import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const requireFromHere = createRequire(import.meta.url);
const licensesDir = path.join(path.dirname(requireFromHere.resolve('spdx-license-list/package.json')), 'licenses');

/** The real SPDX license text shipped in the npm package `spdx-license-list`. */
export function spdxText(id: string): string {
  return (JSON.parse(readFileSync(path.join(licensesDir, `${id}.json`), 'utf8')) as { licenseText: string }).licenseText;
}

/** The text as a project would commit it: template placeholders filled in with a holder and year. */
export function filledText(id: string, holder = 'Jane Doe', year = '2021'): string {
  return spdxText(id)
    .replace(/<year>|\[yyyy\]|\[year\]/gi, year)
    .replace(/<copyright holders>|<owner>|\[name of copyright owner\]|\[fullname\]|<name of author>/gi, holder);
}
