// A synthetic data room for the indexer benchmark: N repositories of mixed ecosystems, each with manifests,
// real SPDX license texts (from the npm package spdx-license-list), vendored code and plain source files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const requireFromHere = createRequire(import.meta.url);
const licensesDir = path.join(path.dirname(requireFromHere.resolve('spdx-license-list/package.json')), 'licenses');
const ids = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'GPL-2.0-only', 'LGPL-2.1-only', 'MPL-2.0', 'BSD-2-Clause', 'GPL-3.0-only', 'Zlib'];
const texts = Object.fromEntries(ids.map((id) => [id, JSON.parse(readFileSync(path.join(licensesDir, `${id}.json`), 'utf8')).licenseText]));

function write(file, content) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export function generateDataRoom(room, { repositories, filesPerRepository }) {
  const marker = path.join(room, `.generated-${repositories}x${filesPerRepository}`);
  if (existsSync(marker)) return { repositories, files: repositories * filesPerRepository };
  for (let r = 0; r < repositories; r++) {
    const repo = path.join(room, `repo-${String(r).padStart(2, '0')}`);
    const license = ids[r % ids.length];
    write(path.join(repo, 'LICENSE'), texts[license]);
    write(path.join(repo, 'package.json'), JSON.stringify({ name: `repo-${r}`, version: '1.0.0', license }));
    let written = 2;
    for (let v = 0; written < filesPerRepository && v < 40; v++) {
      const vendored = path.join(repo, 'vendor', `lib-${v}`);
      const vl = ids[(r + v) % ids.length];
      write(path.join(vendored, 'package.json'), JSON.stringify({ name: `lib-${v}`, version: `0.${v}.0`, license: vl }));
      write(path.join(vendored, 'LICENSE'), texts[vl]);
      written += 2;
      for (let f = 0; f < 20 && written < filesPerRepository; f++, written++) {
        write(path.join(vendored, 'src', `f${f}.js`), `// SPDX-License-Identifier: ${vl}\n// Copyright (c) ${2000 + (f % 20)} Lib ${v} Authors\nexport const value${f} = ${f};\n`);
      }
    }
    for (let f = 0; written < filesPerRepository; f++, written++) {
      write(path.join(repo, 'src', `d${f % 50}`, `m${f}.ts`), `/* Copyright ${2010 + (f % 15)} Repo ${r} Inc. */\nexport function m${f}(x: number): number {\n  return x * ${f};\n}\n`);
    }
  }
  write(marker, '');
  return { repositories, files: repositories * filesPerRepository };
}
