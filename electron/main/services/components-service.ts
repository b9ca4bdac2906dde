import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors.js';
import type { FileView } from '../../../shared/model/file.js';
import type { ApiHandlers } from '../api/handler-types.js';
import { getComponentDetail, listComponents } from '../db/repositories/components-repo.js';
import { fileTreeLevel, findFile } from '../db/repositories/files-repo.js';
import { decodeContent } from '../engine/2-detect/text/index.js';
import { concludedLicenseFor, concludedLicensesFor } from './decisions-service.js';

/** The file viewer shows at most this much text; the rest is cut with a note. */
const viewerLimit = 2 * 1024 * 1024;

export const componentsHandlers = {
  'components.list': ({ projectId }, ctx) => {
    const components = listComponents(ctx.db, projectId);
    const concluded = concludedLicensesFor(ctx.db, components);
    return components.map((c) => ({ ...c, concluded: concluded.get(c.id) ?? null }));
  },
  'components.get': ({ componentId }, ctx) => {
    const detail = getComponentDetail(ctx.db, componentId);
    if (!detail) throw new AppError('not-found', `no component with id ${componentId}`);
    return { ...detail, concluded: concludedLicenseFor(ctx.db, detail) };
  },
  'files.tree': ({ scanId, dir, componentId }, ctx) => fileTreeLevel(ctx.db, scanId, dir.replace(/^\/+|\/+$/g, ''), componentId ?? null),
  'files.get': ({ fileId }, ctx): FileView => {
    const file = findFile(ctx.db, fileId);
    if (!file) throw new AppError('not-found', `no file with id ${fileId}`);
    const { sourcePath, ...scanned } = file;
    if (file.type !== 'text') {
      return { file: scanned, text: null, truncated: false, textUnavailableReason: `this is a ${file.type} file; there is no text to show` };
    }
    if (file.path.includes('!/')) {
      return { file: scanned, text: null, truncated: false, textUnavailableReason: 'this file is inside an archive, which is unpacked only while scanning; its findings and their text are listed here' };
    }
    const absolute = path.join(sourcePath, file.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      return { file: scanned, text: null, truncated: false, textUnavailableReason: `${absolute}: cannot read (${(error as Error).message})` };
    }
    if (file.sha256 && createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
      return { file: scanned, text: null, truncated: false, textUnavailableReason: `${absolute} changed since this scan; re-scan the project to see it with its findings` };
    }
    const truncated = bytes.length > viewerLimit;
    const decoded = decodeContent(truncated ? bytes.subarray(0, viewerLimit) : bytes);
    if (decoded.kind !== 'text') return { file: scanned, text: null, truncated: false, textUnavailableReason: decoded.reason };
    return { file: scanned, text: decoded.text, truncated, textUnavailableReason: null };
  },
} satisfies Partial<ApiHandlers>;
