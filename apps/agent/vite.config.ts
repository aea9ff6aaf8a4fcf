import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/agent/',
  plugins: [react()],
  // Fluent UI is most of the bundle; one chunk, loaded once per shift, is fine.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  // `npx vite` against a running server: the API and Socket.IO stay same-origin through the proxy.
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
