#!/usr/bin/env node
// Compiles the CycloneDX and SPDX JSON schema validators (ajv standalone code) into resources/schemas/compiled
// (not committed), so that even the first import on a machine does not pay ~250 ms per schema for compiling.
// Run by `npm run build`; without these files the engine compiles once into the user's cache instead.
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'resources/schemas/compiled');
rmSync(dir, { recursive: true, force: true });
process.env.CLEARANCE_SCHEMA_CACHE = dir;
process.env.CLEARANCE_SHIPPED_VALIDATORS = 'off';
const schemas = await import(pathToFileURL(path.join(root, 'electron/main/engine/2-detect/sbom/json-schema.ts')).href);
const keys = schemas.compileEverySchemaCheck();
// The user cache is private (0600); what ships with the app is read by every user of the machine.
chmodSync(dir, 0o755);
for (const name of readdirSync(dir)) chmodSync(path.join(dir, name), 0o644);
console.log(`compiled ${keys.length} schema validators into ${path.relative(root, dir)}`);
