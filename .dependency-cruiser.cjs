/**
 * The dependency rules of Koers (`npm run lint:deps`, part of `npm test`).
 * Layers, from the edge inward: routes → components → models → schema. Server code
 * (server/) may use the app; the app reaches the real-time server only through the
 * bridge it implements (app/models/collab/live-bridge.server.ts).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles make the load order matter and the code hard to move.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'models-not-to-ui',
      severity: 'error',
      comment: 'Domain code must not depend on pages or UI pieces.',
      from: { path: '^app/models/' },
      to: { path: '^app/(routes|components)/' },
    },
    {
      name: 'schemas-not-to-models-server',
      severity: 'error',
      comment: 'Form schemas run in the browser too: only browser-safe rules from models.',
      from: { path: '^app/schemas/' },
      to: { path: '(\\.server\\.ts$|^app/routes/|^app/components/|^db/)' },
    },
    {
      name: 'browser-safe-models',
      severity: 'error',
      comment: 'A model without .server in its name is imported by the browser: no server modules, no database.',
      from: { path: '^app/(models|utils|i18n)/.*(?<!\\.server)(?<!\\.test)\\.tsx?$' },
      to: { path: '(\\.server\\.tsx?$|^db/|^server/|^node:|better-sqlite3|drizzle-orm)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-not-to-server',
      severity: 'error',
      comment: 'The Remix app does not import the Node server; the server registers itself with the app (bridge).',
      from: { path: '^app/' },
      to: { path: '^server/' },
    },
    {
      name: 'collab-store-knows-names-only',
      severity: 'error',
      comment:
        'The real-time store and the live bridge know documents by name only: which documents exist and who may open them is decided above them, in the registry of document kinds (app/models/collab/document-kinds.server.ts). The notes node contract is browser-safe and imports nothing back.',
      from: { path: '^app/models/collab/', pathNot: '^app/models/collab/document-kinds\\.server\\.ts$' },
      to: { path: '^app/models/(?!collab/)', pathNot: '^app/models/meetings/notes/notes-nodes\\.ts$' },
    },
    {
      name: 'no-tests-in-production',
      severity: 'error',
      from: { path: '^(app|server|db|scripts)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(\\.test\\.tsx?$|^tests/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|node_modules|bench/\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
