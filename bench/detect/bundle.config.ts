// electron-vite config for the built-bundle benchmark: the app's main-process build (same entries, same bundler
// settings) plus the analyze pool and the detector as entries of their own, written to bench/.data/build/main (not
// committed).
// Used by `npx tsx bench/detect/speed.ts --built`, which runs `electron-vite build -c bench/detect/bundle.config.ts`.
import { resolve } from 'node:path';
import base from '../../electron.vite.config';

type MainConfig = { main: { build: { outDir: string; rolldownOptions: { input: Record<string, string> } } } };
const config = base as unknown as MainConfig;
const build = config.main.build;

export default {
  main: {
    ...config.main,
    build: {
      ...build,
      outDir: resolve('bench/.data/build/main'),
      rolldownOptions: {
        ...build.rolldownOptions,
        input: { ...build.rolldownOptions.input, 'analyze-pool': resolve('electron/main/workers/analyze-pool.ts'), detect: resolve('electron/main/engine/2-detect/detect.ts') },
      },
    },
  },
};
