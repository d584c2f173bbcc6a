import type { z } from 'zod';

/** Per-field messages (first problem of each field), keyed by field name. */
export type FieldErrors = Partial<Record<string, string>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * Validates submitted form data with the form's Zod schema (the same schema the
 * browser uses), returning Dutch messages per field so the page can show them
 * beside the fields, and the submitted values so nothing the user typed is lost.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string') values[key] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, values };
}
