import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The chat iframe app, served by Switchboard at /widget/. The loader has its own config. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/widget/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
