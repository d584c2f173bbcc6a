/**
 * Remix options, shared by the Vite plugin (vite.config.ts). Kept in its own file
 * so the options a Remix developer looks for are where they expect them.
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  // KOERS_BUILD_DIR lets parallel builds (e.g. several test runs) use separate folders.
  buildDirectory: process.env.KOERS_BUILD_DIR ?? 'build',
  ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx', '**/.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
