/**
 * A statement (or a set of them) built and prepared once, on first use, then run with new
 * values for its placeholders. Building a drizzle query's SQL text is JavaScript work on
 * every call (0.1–0.3 ms for a select with joins; ~8 % of the web process under the
 * capacity benchmark, docs/scaling.md); a prepared query skips it. Lazily, because the
 * tables exist only after the migrations ran. For the statements every page or every
 * request runs.
 */
export function preparedOnce<T>(build: () => T): () => T {
  let prepared: T | undefined;
  return () => (prepared ??= build());
}
