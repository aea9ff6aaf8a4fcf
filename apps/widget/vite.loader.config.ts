import { defineConfig } from 'vite';

/**
 * `loader.js`: the one script host pages embed. A self-contained IIFE next to the iframe app
 * in dist/ (built second, so it must not empty the folder).
 */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2019',
    lib: {
      entry: 'src/loader/loader.ts',
      name: 'SwitchboardLoader',
      formats: ['iife'],
      fileName: () => 'loader.js',
    },
  },
});
