import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

/**
 * No English may reach a page: every form schema in app/schemas, fed bad input of every
 * kind, answers in Dutch. A check without a message of its own gets the Dutch wording
 * of app/schemas/zod.ts; one that still says "Invalid input" fails here.
 */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./zod.ts'], { eager: true });

const isSchema = (value: unknown): value is z.ZodType =>
  typeof value === 'object' && value !== null && 'safeParse' in value && typeof (value as z.ZodType).safeParse === 'function';

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  '-5',
  '55.5',
  '1e3',
  'onbekend',
  'x'.repeat(100_000),
  'not an e-mail',
  '999999999999999999999',
  '0',
  -1,
  55.5,
  true,
  [],
  {},
  ['a', 'b'],
];

/** Words of Zod's English messages (and of English generally) that Dutch never uses. */
const ENGLISH =
  /\b(invalid|input|expected|received|required|must|should|string|number|too (big|small)|characters?|option|value|enter|please)\b/i;

function messagesFor(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const inputs: unknown[] = [...BAD_VALUES];
  if (shape) {
    for (const key of Object.keys(shape)) for (const bad of BAD_VALUES) inputs.push({ [key]: bad });
    for (const bad of BAD_VALUES) inputs.push(Object.fromEntries(Object.keys(shape).map((key) => [key, bad])));
  }
  const messages: string[] = [];
  for (const input of inputs) {
    const result = schema.safeParse(input);
    if (!result.success) messages.push(...result.error.issues.map((issue) => issue.message));
  }
  return messages;
}

describe('validation messages', () => {
  const schemas = Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => isSchema(value))
      .map(([name, value]) => [`${file} ${name}`, value as z.ZodType] as const),
  );

  it('finds the form schemas', () => {
    expect(schemas.length).toBeGreaterThan(20);
  });

  it.each(schemas)('%s answers bad input in Dutch only', (_name, schema) => {
    const english = [...new Set(messagesFor(schema))].filter((message) => ENGLISH.test(message));
    expect(english).toEqual([]);
  });

  it('reports an impossible percentage on "Voortgang melden" as the new-action form does', async () => {
    const { ProgressUpdateSchema, ActionFormSchema } = await import('./action');
    const fieldMessage = (schema: z.ZodType, input: object, field: string) => {
      const result = schema.safeParse(input);
      return result.success ? null : (result.error.issues.find((issue) => issue.path[0] === field)?.message ?? null);
    };
    for (const progress of ['-5', '55.5', '101', 'veel']) {
      const expected = fieldMessage(ActionFormSchema, { progress }, 'progress');
      expect(expected).toBe('Vul een percentage van 0 tot en met 100 in.');
      expect(fieldMessage(ProgressUpdateSchema, { body: 'Gedaan', progress }, 'progress')).toBe(expected);
    }
    expect(fieldMessage(ProgressUpdateSchema, { body: 'Gedaan', status: 'bestaat_niet' }, 'status')).toBe(
      fieldMessage(ActionFormSchema, { status: 'bestaat_niet' }, 'status'),
    );
    expect(ProgressUpdateSchema.parse({ body: 'Gedaan', status: '', progress: '' })).toEqual({
      body: 'Gedaan',
      status: null,
      progress: null,
    });
    expect(ProgressUpdateSchema.parse({ body: 'Gedaan', status: 'afgerond', progress: '40' })).toMatchObject({
      status: 'afgerond',
      progress: 40,
    });
  });
});
