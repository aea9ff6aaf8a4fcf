import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/supervisor/',
  plugins: [react()],
  // recharts asks for react-is as its peer; the hoisted copy is 17 (testing-library's), which knows
  // nothing of React 19's elements, so it resolves to this app's react-is 19 instead.
  resolve: { dedupe: ['react-is'] },
  // Fluent UI is most of the bundle; one chunk for a supervisor tool is fine.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npx vite` against a running server: the API stays same-origin through the proxy.
  server: { proxy: { '/api': server } },
});
