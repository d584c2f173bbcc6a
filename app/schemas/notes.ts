import { t } from '../i18n';
import { deadlinePhrase } from './action';
import { idField, optionalIdField } from './ids';
import { z } from './zod';

const m = t.notes.errors;

/** "Actiepunt" in the notes: becomes a regional action of the chosen goal, from this meeting. */
export const ActionItemSchema = z.object({
  title: z.string().trim().min(1, { error: m.titleRequired }).max(300, { error: m.titleTooLong }),
  ownerUserId: optionalIdField(t.actions.errors.idInvalid),
  deadline: deadlinePhrase,
  goalId: idField(t.actions.errors.goalRequired),
});

export type ActionItemInput = z.output<typeof ActionItemSchema>;

/** "Besluit" in the notes: text, optionally about a goal or an action. */
export const DecisionSchema = z.object({
  text: z.string().trim().min(1, { error: m.textRequired }).max(2000, { error: m.textTooLong }),
  goalId: optionalIdField(t.actions.errors.idInvalid),
  actionId: optionalIdField(t.actions.errors.idInvalid),
});

export type DecisionInput = z.output<typeof DecisionSchema>;

/** The answer of the notes' resource routes: JSON, never cached (statuses change live). */
export function notesJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
