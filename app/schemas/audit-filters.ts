/**
 * The filters of the audit log page (/beheer/auditlog?van=…&tot=…&persoon=…&soort=…),
 * shared by the page, its CSV export and the browser. `soort` is a group
 * ("groep:signin") or one action ("sign_in.failed").
 */
import { z } from 'zod';

import { t } from '../i18n';
import { AUDIT_CATEGORIES, type AuditAction, type AuditCategory, isAuditAction } from '../models/audit/audit-actions';

const f = t.audit.filters;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: f.dateInvalid })
  .refine(
    (value) => {
      const [y, m, d] = value.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { error: f.dateInvalid },
  );

/** An empty field is no filter (null); anything else must pass `schema`, with its message. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.string().transform((value, ctx): z.output<T> | null => {
    if (value === '') return null;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    ctx.addIssue({ code: 'custom', message: result.error.issues[0]?.message ?? '' });
    return z.NEVER;
  });

export type AuditKind = { action: AuditAction } | { category: AuditCategory };

export const CATEGORY_PREFIX = 'groep:';

export function parseAuditKind(value: string): AuditKind | null {
  if (value.startsWith(CATEGORY_PREFIX)) {
    const category = value.slice(CATEGORY_PREFIX.length);
    return (AUDIT_CATEGORIES as readonly string[]).includes(category) ? { category: category as AuditCategory } : null;
  }
  return isAuditAction(value) ? { action: value } : null;
}

export const AuditFiltersSchema = z
  .object({
    van: optional(isoDate),
    tot: optional(isoDate),
    persoon: optional(
      z
        .string()
        .regex(/^[1-9]\d{0,9}$/, { error: f.personInvalid })
        .transform(Number),
    ),
    soort: optional(
      z.string().transform((value, ctx) => parseAuditKind(value) ?? (ctx.addIssue({ code: 'custom', message: f.kindInvalid }), z.NEVER)),
    ),
  })
  .refine((v) => !v.van || !v.tot || v.van <= v.tot, { error: f.rangeInvalid, path: ['tot'] });

export type AuditFilterValues = { van: string; tot: string; persoon: string; soort: string };
export const AUDIT_FILTER_PARAMS = ['van', 'tot', 'persoon', 'soort'] as const;

/** The query string of a filter set (without the page), "" when empty. */
export function auditFilterQuery(values: AuditFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
