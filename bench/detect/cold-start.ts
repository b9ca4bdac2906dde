// Cold start of the engine in a fresh process: load (reference index included) + first detect.
const t0 = performance.now();
const { detect } = await import('../../electron/main/engine/2-detect/detect.js');
const findings = detect('// SPDX-License-Identifier: MIT\n// Copyright (c) 2024 Cold Start\nReleased under the MIT license.\n');
console.log(`${(performance.now() - t0).toFixed(0)} ms (load + first detect, ${findings.length} findings)`);
export {};
