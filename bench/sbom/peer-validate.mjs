// Peer for the "read" case: @cyclonedx/cyclonedx-library's own JsonValidator (ajv, compiles per process) on the same file.
import { readFileSync } from 'node:fs';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

const text = readFileSync(process.argv[2], 'utf8');
const version = JSON.parse(text).specVersion;
const errors = await new Validation.JsonValidator(Spec.SpecVersionDict[version]?.version ?? version).validate(text);
console.log(JSON.stringify({ summary: errors === null ? 'valid' : 'invalid', maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
