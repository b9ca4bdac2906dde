export { decodeContent, type DecodedContent, type TextEncodingName } from './decode.js';
export { LineIndex } from './lines.js';
