import { t } from '../i18n';
import { ACTION_STATUSES, type ActionStatus } from '../models/tracker/action-status';
import { type DateWindow, parseWindowFilter } from '../models/tracker/deadline';
import { optionalIdField } from './ids';
import { limit } from './limits';
import { z } from './zod';

const m = t.lists.filters.errors;

export const ACTION_SORTS = ['code', 'titel', 'termijn', 'status', 'voortgang', 'gewijzigd'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];
export type SortDirection = 'op' | 'af';

/** The query parameters of the list views, as they appear in a shared link. */
export const FILTER_PARAMS = [
  'thema',
  'doel',
  'organisatie',
  'trekker',
  'status',
  'termijn',
  'telaat',
  'bereik',
  'q',
  'sort',
  'richting',
  'pagina',
  // The agenda period (?periode=2020-2024); resolved by the route, carried along by links and the form.
  'periode',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** Raw values as submitted: the form shows them again, links carry them on. */
export type FilterValues = Partial<Record<FilterParam, string | string[]>>;

/**
 * The filters of the action list, timeline and board: one schema, but each field is
 * checked on its own (see parseActionFilters) so a bad value drops only that filter.
 * The deadline window filter needs today's date for "dit kwartaal" and the like.
 */
export function actionFiltersSchema(today: string) {
  return z.object({
    thema: optionalIdField(m.theme),
    doel: optionalIdField(m.goal),
    organisatie: optionalIdField(m.organisation),
    trekker: optionalIdField(m.owner),
    status: z
      .array(z.enum(ACTION_STATUSES, { error: m.status }), { error: m.status })
      .optional()
      .transform((v) => [...new Set(v ?? [])] as ActionStatus[]),
    termijn: z
      .string()
      .max(...limit('deadline', m.text))
      .optional()
      .transform((v, ctx) => {
        const phrase = (v ?? '').trim();
        if (phrase === '') return null;
        const parsed = parseWindowFilter(phrase, today);
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.error });
          return z.NEVER;
        }
        return { phrase, start: parsed.start, end: parsed.end } satisfies DateWindow & { phrase: string };
      }),
    telaat: z
      .enum(['1', '0', 'ja', 'nee'], { error: m.overdue })
      .optional()
      .transform((v) => v === '1' || v === 'ja'),
    bereik: z
      .enum(['regionaal', 'lokaal'], { error: m.scope })
      .optional()
      .transform((v) => v ?? null),
    q: z
      .string()
      .trim()
      .max(...limit('search', m.text))
      .optional()
      .transform((v) => v ?? ''),
    sort: z
      .enum(ACTION_SORTS, { error: m.sort })
      .optional()
      .transform((v): ActionSort => v ?? 'code'),
    richting: z
      .enum(['op', 'af'], { error: m.direction })
      .optional()
      .transform((v): SortDirection => v ?? 'op'),
    pagina: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, { error: m.page })
      .transform(Number)
      .optional()
      .transform((v) => v ?? 1),
    periode: z.string().max(20).optional(),
  });
}

type Schema = ReturnType<typeof actionFiltersSchema>;

// Building the schema costs ~0.9 ms (bench/profile.ts on the action list), more than
// parsing with it; it only changes with the date, so the day's schema is kept.
let todaysSchema: { today: string; schema: Schema } | null = null;
function schemaFor(today: string): Schema {
  if (todaysSchema?.today !== today) todaysSchema = { today, schema: actionFiltersSchema(today) };
  return todaysSchema.schema;
}
type Parsed = z.output<Schema>;

export type ActionFilters = {
  themeId: number | null;
  goalId: number | null;
  organisationId: number | null;
  ownerUserId: number | null;
  statuses: ActionStatus[];
  window: { phrase: string; start: string | null; end: string | null } | null;
  overdueOnly: boolean;
  scope: 'regionaal' | 'lokaal' | null;
  text: string;
  sort: ActionSort;
  direction: SortDirection;
  page: number;
};

export type ParsedActionFilters = {
  filters: ActionFilters;
  /** Dutch messages per query parameter whose value was ignored. */
  fieldErrors: Partial<Record<FilterParam, string>>;
  values: FilterValues;
};

/** No filters at all: the whole list in agenda order. */
export const NO_FILTERS: ActionFilters = {
  themeId: null,
  goalId: null,
  organisationId: null,
  ownerUserId: null,
  statuses: [],
  window: null,
  overdueOnly: false,
  scope: null,
  text: '',
  sort: 'code',
  direction: 'op',
  page: 1,
};

/**
 * Reads the filters from a query string. Empty values (an untouched select) count as
 * absent; a bad value gets a message for its field and that filter alone is ignored,
 * so a shared link with one typo still shows a list — never a 500.
 */
export function parseActionFilters(searchParams: URLSearchParams, today: string): ParsedActionFilters {
  const shape = schemaFor(today).shape;
  const values: FilterValues = {};
  const parsed = {} as Record<FilterParam, unknown>;
  const fieldErrors: ParsedActionFilters['fieldErrors'] = {};
  for (const key of FILTER_PARAMS) {
    const all = searchParams.getAll(key).filter((v) => v.trim() !== '');
    const raw = key === 'status' ? (all.length > 0 ? all : undefined) : all[0];
    if (raw !== undefined) values[key] = raw;
    const field = shape[key] as z.ZodType;
    let result = field.safeParse(raw);
    if (!result.success) {
      fieldErrors[key] = result.error.issues[0]?.message ?? m.theme;
      result = field.safeParse(undefined);
    }
    parsed[key] = result.data;
  }
  const p = parsed as Parsed;
  return {
    filters: {
      themeId: p.thema,
      goalId: p.doel,
      organisationId: p.organisatie,
      ownerUserId: p.trekker,
      statuses: p.status,
      window: p.termijn,
      overdueOnly: p.telaat,
      scope: p.bereik,
      text: p.q,
      sort: p.sort,
      direction: p.richting,
      page: p.pagina,
    },
    fieldErrors,
    values,
  };
}
