import { z } from 'zod';

import { t } from '../i18n';
import { deadlinePhrase, optionalId, requiredId } from './action';

const m = t.notes.errors;

/** "Actiepunt" in the notes: becomes a regional action of the chosen goal, from this meeting. */
export const ActionItemSchema = z.object({
  title: z.string().trim().min(1, { error: m.titleRequired }).max(300, { error: m.titleTooLong }),
  ownerUserId: optionalId,
  deadline: deadlinePhrase,
  goalId: requiredId(t.actions.errors.goalRequired),
});

export type ActionItemInput = z.output<typeof ActionItemSchema>;

/** "Besluit" in the notes: text, optionally about a goal or an action. */
export const DecisionSchema = z.object({
  text: z.string().trim().min(1, { error: m.textRequired }).max(2000, { error: m.textTooLong }),
  goalId: optionalId,
  actionId: optionalId,
});

export type DecisionInput = z.output<typeof DecisionSchema>;

/** `?ids=3,17,40` (the actions shown in the notes) → [3, 17, 40]; anything malformed is skipped. */
export function parseIdList(value: string | null): number[] {
  if (!value) return [];
  return value
    .split(',')
    .filter((part) => /^[1-9]\d{0,14}$/.test(part))
    .map(Number);
}

/** The answer of the notes' resource routes: JSON, never cached (statuses change live). */
export function notesJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
