/** The two public statements: their keys (site_texts.key), which are also their addresses. Browser-safe. */
export const STATEMENT_KEYS = ['privacy', 'toegankelijkheid'] as const;
export type StatementKey = (typeof STATEMENT_KEYS)[number];

export function isStatementKey(value: string | undefined): value is StatementKey {
  return (STATEMENT_KEYS as readonly string[]).includes(value ?? '');
}
