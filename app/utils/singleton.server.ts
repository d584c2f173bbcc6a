/**
 * One object per process, however many copies of the module that asks for it exist.
 *
 * The Node server (server/, loaded by tsx) and the Remix build (a bundle of app/, loaded
 * by the server; in development Vite's module runner) are two module graphs in one
 * process: a module-level `const` in app/ exists once in each. Whatever must be shared by
 * both — the database connection, the registry through which the real-time server offers
 * itself to the app — is made once and kept on `globalThis` under its name. In tests and
 * CLIs there is one graph and this is just a lazily made value.
 */
const SINGLETONS = Symbol.for('koers.singletons');

type Holder = typeof globalThis & { [SINGLETONS]?: Map<string, unknown> };

/** The process-wide object called `name`, made by `factory` the first time any module graph asks. */
export function singleton<T>(name: string, factory: () => T): T {
  const holder = globalThis as Holder;
  const objects = (holder[SINGLETONS] ??= new Map());
  if (!objects.has(name)) objects.set(name, factory());
  return objects.get(name) as T;
}
