/**
 * The renderer's Content-Security-Policy: only our own scripts and styles, no inline script, no eval, no remote
 * content of any kind. Served as a header by `clearance serve` and injected as a meta tag into the built
 * index.html that Electron loads.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
