import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

import remixConfig from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [!process.env.VITEST && remix(remixConfig)],
  server: { port: Number(process.env.PORT ?? 3000) },
  // The notes editor's packages, pre-bundled up front: discovered on first use, Vite would
  // re-optimise and reload, and hydration fails ("reading 'useState'") (a trap recorded while choosing the stack).
  optimizeDeps: {
    include: [
      'yjs',
      'y-websocket',
      'y-indexeddb',
      '@tiptap/core',
      '@tiptap/react',
      '@tiptap/starter-kit',
      '@tiptap/extension-collaboration',
      '@tiptap/extension-collaboration-caret',
    ],
  },
  test: {
    include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'eslint-rules/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/test-env.ts', 'tests/setup/fail-on-console-error.ts'],
    // Each test file gets its own SQLite file (tests/setup/test-db.ts); files run in parallel forks.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
