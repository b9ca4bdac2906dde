#!/usr/bin/env node
// Precomputes the license detector's reference index from the installed SPDX npm packages into
// resources/spdx/reference-index.bin (about 6 MB, not committed). Run by `npm run build`; the engine falls back
// to building the index at run time (about 0.5 s) when the file is missing or stale.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const module = await import(pathToFileURL(path.join(root, 'electron/main/engine/2-detect/licenses/precomputed-index.ts')).href);
const file = module.writePrecomputedIndex(path.join(root, 'resources/spdx'));
console.log(`wrote ${path.relative(root, file)} (${module.indexStamp()})`);
