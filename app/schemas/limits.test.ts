import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { AccentFormSchema } from './accent';
import { ActionFormSchema, ProgressUpdateSchema } from './action';
import { CreateOrganisationSchema, InviteUserSchema } from './admin';
import { CommentBodySchema } from './comment';
import { GoalFormSchema } from './goal';
import { LibraryItemFormSchema } from './library';
import { TEXT_LIMITS } from './limits';
import { LoginSchema } from './login';
import { AgendaPointSchema, MeetingFormSchema } from './meeting';
import { ActionItemSchema, DecisionSchema } from './notes';
import { StatementSchema } from './statement';
import { ThemeFormSchema } from './theme';
import type { z } from './zod';

/** The first message for `field` when it is one character longer than its limit (other fields valid). */
function messageFor(schema: z.ZodType, valid: Record<string, unknown>, field: string, max: number): string | undefined {
  const result = schema.safeParse({ ...valid, [field]: 'a'.repeat(max + 1) });
  if (result.success) return undefined;
  return result.error.issues.find((issue) => issue.path[0] === field)?.message;
}

const CASES: [string, z.ZodType, Record<string, unknown>, string, number][] = [
  ['accent', AccentFormSchema, {}, 'body', TEXT_LIMITS.accent],
  ['action title', ActionFormSchema, { goalId: '1', status: 'niet_gestart', progress: '0' }, 'title', TEXT_LIMITS.title],
  [
    'action description',
    ActionFormSchema,
    { title: 'x', goalId: '1', status: 'niet_gestart', progress: '0' },
    'description',
    TEXT_LIMITS.actionDescription,
  ],
  [
    'action deadline',
    ActionFormSchema,
    { title: 'x', goalId: '1', status: 'niet_gestart', progress: '0' },
    'deadline',
    TEXT_LIMITS.deadline,
  ],
  ['progress report', ProgressUpdateSchema, {}, 'body', TEXT_LIMITS.progressReport],
  ['invitee name', InviteUserSchema, { email: 'a@b.nl', role: 'lezer', organisationId: '1' }, 'name', TEXT_LIMITS.name],
  ['organisation', CreateOrganisationSchema, {}, 'name', TEXT_LIMITS.name],
  ['comment', CommentBodySchema, {}, 'body', TEXT_LIMITS.comment],
  ['goal text', GoalFormSchema, {}, 'title', TEXT_LIMITS.goalText],
  ['goal explanation', GoalFormSchema, { title: 'x' }, 'body', TEXT_LIMITS.goalBody],
  ['chapter text', ThemeFormSchema, { title: 'x' }, 'body', TEXT_LIMITS.longText],
  [
    'meeting title',
    MeetingFormSchema,
    { kind: 'werkgroep', date: '2027-01-05', time: '10:00', duration: '60' },
    'title',
    TEXT_LIMITS.shortTitle,
  ],
  [
    'meeting place',
    MeetingFormSchema,
    { title: 'x', kind: 'werkgroep', date: '2027-01-05', time: '10:00', duration: '60' },
    'place',
    TEXT_LIMITS.place,
  ],
  ['agenda point', AgendaPointSchema, {}, 'title', TEXT_LIMITS.title],
  ['presenter', AgendaPointSchema, { title: 'x' }, 'presenter', TEXT_LIMITS.label],
  ['action item', ActionItemSchema, { goalId: '1' }, 'title', TEXT_LIMITS.title],
  ['decision', DecisionSchema, {}, 'text', TEXT_LIMITS.decision],
  ['statement', StatementSchema, {}, 'body', TEXT_LIMITS.longText],
  ['sign-in password', LoginSchema, { email: 'a@b.nl' }, 'password', TEXT_LIMITS.passwordInput],
];

const LIBRARY_VALID = {
  kind: 'voorbeeld',
  title: 'x',
  summary: '',
  body: 'x',
  url: '',
  contactName: '',
  contactOrganisation: '',
  contactEmail: '',
  contactPhone: '',
  targetGroups: [],
  goalIds: [],
  actionIds: [],
  meetingIds: [],
};

describe('maximum text lengths', () => {
  it.each(CASES)('%s: one character over the limit is refused in Dutch, naming the limit', (_, schema, valid, field, max) => {
    const message = messageFor(schema, valid, field, max);
    expect(message).toBeDefined();
    expect(message).toContain(max.toLocaleString('nl-NL'));
    expect(message).toMatch(/hoogstens/);
    // Exactly at the limit is not too long (a deadline of 100 a's is still no deadline).
    const atLimit = schema.safeParse({ ...valid, [field]: 'a'.repeat(max) });
    const problems = atLimit.success ? [] : atLimit.error.issues.filter((issue) => issue.path[0] === field);
    expect(problems.filter((issue) => issue.message.includes('hoogstens'))).toEqual([]);
  });

  it.each([
    ['title', TEXT_LIMITS.shortTitle],
    ['summary', TEXT_LIMITS.summary],
    ['body', TEXT_LIMITS.longText],
  ])('library %s', (field, max) => {
    expect(messageFor(LibraryItemFormSchema, LIBRARY_VALID, field, max)).toContain(max.toLocaleString('nl-NL'));
  });

  it('a 30,000-character accent is refused with "hoogstens 10.000 tekens"', () => {
    const result = AccentFormSchema.safeParse({ body: 'woord'.repeat(6000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Het accent mag hoogstens 10.000 tekens lang zijn.');
  });
});

/** Every .tsx file under app/ (tests aside). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.tsx') && !path.includes('.test.') ? [path] : [];
  });
}

describe('every text field has a maxLength', () => {
  // The browser stops typing at the limit; the schema refuses a longer value sent without the browser.
  // A component that spreads its caller's props ({...props}) gets maxLength from its caller.
  const TEXT_TYPES = /type="(text|email|search|password|url|tel)"/;
  it.each(sourceFiles('app'))('%s', (path) => {
    const source = readFileSync(path, 'utf8');
    const elements = [...source.matchAll(/<(textarea|input)\b[^>]*?\/?>/gs)].map((m) => m[0]);
    const unbounded = elements.filter(
      (element) => (element.startsWith('<textarea') || TEXT_TYPES.test(element)) && !/maxLength=|readOnly|\{\.\.\.props\}/.test(element),
    );
    expect(unbounded).toEqual([]);
  });
});
