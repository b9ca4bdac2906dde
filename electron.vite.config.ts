import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/main/host/content-security-policy';

/** Electron loads the built renderer from file://, where no server sends headers: the CSP goes in a meta tag. */
function cspMetaTag(): Plugin {
  return {
    name: 'clearance-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // JSON data imported by shared/ is bundled: Node cannot import an external .json without import attributes.
      externalizeDeps: { exclude: ['spdx-exceptions', 'spdx-license-list'] },
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/main/cli/main.ts'),
          'index-worker': resolve('electron/main/workers/index-worker.ts'),
          'analyze-worker': resolve('electron/main/workers/analyze-worker.ts'),
          'query-worker': resolve('electron/main/workers/query-worker.ts'),
        },
        // Flat output: app-paths.ts finds the project root two levels above every chunk.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
