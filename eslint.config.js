import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'docs/**', '.tmp/**', 'packages/server/src/store/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The domain is pure: no SQL, no HTTP, no sockets (docs/architecture.md).
    files: ['packages/server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/**', '**/http/**', '**/realtime/**', '**/services/**', '**/jobs/**'], message: 'domain/ must not depend on outer layers' },
            { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'fastify', 'fastify-*', '@fastify/*', 'socket.io', 'ioredis'], message: 'domain/ is pure TypeScript' },
          ],
        },
      ],
    },
  },
  {
    // The shared client logic is pure: each app passes in its state, timers, storage and socket.
    files: ['packages/live/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'socket.io-client', '@tanstack/*'],
              message: 'packages/live is pure TypeScript',
            },
            { group: ['**/apps/**', '@switchboard/web'], message: 'packages/live must not depend on an app' },
          ],
        },
      ],
    },
  },
  {
    // The demo pages' plain scripts run in the browser as they are, unbuilt.
    files: ['apps/widget/demo/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        window: 'readonly',
        location: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['packages/server/src/main.ts', 'e2e/**/*.ts', 'scripts/**/*', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
