import { t } from '../i18n';
import { TEXT_LIMITS } from './limits';
import { z } from './zod';

const m = t.search.errors;

/** What search finds, in the order of the kind filter. Adding a kind starts here. */
export const SEARCH_KINDS = ['theme', 'goal', 'action', 'accent', 'comment', 'library', 'notes', 'decision'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_QUERY_MAX = TEXT_LIMITS.search;
export const SEARCH_PAGE_SIZE = 20;

/**
 * The query string of /zoeken (?q=…&soort=action&soort=goal&pagina=2). Each field is
 * checked on its own (see readSearchParams): a bad kind or page drops only that value.
 */
export const SearchParamsSchema = z.object({
  q: z
    .string()
    .max(SEARCH_QUERY_MAX * 4, { error: m.tooLong(SEARCH_QUERY_MAX) }) // cheap bound before trimming; the real one follows
    .optional()
    .transform((v) => (v ?? '').trim())
    .refine((v) => v.length <= SEARCH_QUERY_MAX, { error: m.tooLong(SEARCH_QUERY_MAX) }),
  soort: z
    .array(z.enum(SEARCH_KINDS, { error: m.kind }), { error: m.kind })
    .optional()
    .transform((v) => SEARCH_KINDS.filter((kind) => v?.includes(kind))),
  pagina: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, { error: m.page })
    .optional()
    .transform((v) => (v ? Number(v) : 1)),
});

export type SearchParams = z.output<typeof SearchParamsSchema>;
export type SearchParamErrors = Partial<Record<keyof SearchParams, string>>;

/**
 * Reads /zoeken's query string. Never throws: a field with a problem falls back to its
 * default and gets a Dutch message; `values` are the raw values for the form.
 */
export function readSearchParams(params: URLSearchParams): {
  params: SearchParams;
  fieldErrors: SearchParamErrors;
  values: { q: string; soort: string[] };
} {
  const raw = { q: params.get('q') ?? undefined, soort: params.getAll('soort'), pagina: params.get('pagina') ?? undefined };
  const shape = SearchParamsSchema.shape;
  const fieldErrors: SearchParamErrors = {};
  const pick = <K extends keyof SearchParams>(key: K): SearchParams[K] => {
    const result = shape[key].safeParse(raw[key]);
    if (result.success) return result.data as SearchParams[K];
    fieldErrors[key] = result.error.issues[0]?.message;
    return shape[key].parse(undefined) as SearchParams[K];
  };
  const parsed: SearchParams = { q: pick('q'), soort: pick('soort'), pagina: pick('pagina') };
  // An unknown kind among known ones: keep the known ones.
  if (fieldErrors.soort) parsed.soort = SEARCH_KINDS.filter((kind) => raw.soort.includes(kind));
  return { params: parsed, fieldErrors, values: { q: (raw.q ?? '').slice(0, SEARCH_QUERY_MAX * 4), soort: raw.soort } };
}
