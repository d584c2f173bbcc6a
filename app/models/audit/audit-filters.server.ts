/**
 * The audit log's filters from a URL: the values as typed (to fill the form again), the
 * Dutch message per bad field, and the filters for the query — null when any field is
 * bad, so a half-applied filter never passes for the whole answer.
 */
import { AUDIT_FILTER_PARAMS, AuditFiltersSchema, type AuditFilterValues } from '../../schemas/audit-filters';
import { addDays, startOfDayNL } from '../../utils/date-time';
import type { FieldErrors } from '../../utils/forms';
import type { AuditFilters } from './audit-log.server';

export function readAuditFilters(params: URLSearchParams): {
  values: AuditFilterValues;
  fieldErrors: FieldErrors;
  filters: AuditFilters | null;
  page: number;
} {
  const values = Object.fromEntries(AUDIT_FILTER_PARAMS.map((key) => [key, (params.get(key) ?? '').trim()])) as AuditFilterValues;
  const pageParam = Number(params.get('pagina') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1_000_000 ? pageParam : 1;
  const parsed = AuditFiltersSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? '_form')] ??= issue.message;
    return { values, fieldErrors, filters: null, page };
  }
  const { van, tot, persoon, soort } = parsed.data;
  return {
    values,
    fieldErrors: {},
    page,
    filters: {
      from: van ? startOfDayNL(van) : null,
      until: tot ? startOfDayNL(addDays(tot, 1)) : null,
      personId: persoon,
      kind: soort,
    },
  };
}
