export { detectCopyrights } from './detect-copyrights.js';
export { dedupeCopyrights } from './dedupe.js';
