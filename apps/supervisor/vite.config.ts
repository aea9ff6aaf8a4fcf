import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/supervisor/',
  plugins: [react()],
  // Fluent UI is most of the bundle; one chunk for a supervisor tool is fine.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npx vite` against a running server: the API stays same-origin through the proxy.
  server: { proxy: { '/api': server } },
});
