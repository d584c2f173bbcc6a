import { t } from '../i18n';
import { isActionStatus } from '../models/tracker/action-status';
import { parseId } from '../utils/ids';
import { deadlinePhrase } from './action';
import { idField, optionalIdField } from './ids';
import { limit } from './limits';
import { actionChoiceField } from './meeting';
import { z } from './zod';

const m = t.notes.errors;

/** The "Trekker" choice of an action item: a person (`user:<id>`) or an organisation (`organisation:<id>`), or nobody. */
const ownerChoice = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const none = { userId: null, organisationId: null };
    if (value === undefined || value === '') return none;
    const match = /^(user|organisation):(\d+)$/.exec(value);
    const id = match ? parseId(match[2]) : null;
    if (!match || id === null) {
      ctx.addIssue({ code: 'custom', message: t.actions.errors.idInvalid });
      return z.NEVER;
    }
    return match[1] === 'user' ? { ...none, userId: id } : { ...none, organisationId: id };
  });

/**
 * "Actiepunt" in the notes: becomes a regional action of the chosen goal, from this
 * meeting. Its trekker is `owner` (a person or an organisation); `ownerUserId` is the
 * older field for a person, still accepted.
 */
export const ActionItemSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, { error: m.titleRequired })
      .max(...limit('title', m.titleTooLong)),
    owner: ownerChoice,
    ownerUserId: optionalIdField(t.actions.errors.idInvalid),
    deadline: deadlinePhrase,
    goalId: idField(t.actions.errors.goalRequired),
  })
  .transform(({ owner, ownerUserId, ...rest }) => ({
    ...rest,
    ownerUserId: owner.userId ?? ownerUserId,
    ownerOrganisationId: owner.organisationId,
  }));

export type ActionItemInput = z.output<typeof ActionItemSchema>;

/**
 * "Besluit" in the notes: text, optionally about a goal or an action. The action is typed
 * (a code, "#123", a title or a suggestion's label) and resolved by the route within the
 * meeting's period (resolveActionChoice, decision 037).
 */
export const DecisionSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, { error: m.textRequired })
      .max(...limit('decision', m.textTooLong)),
    goalId: optionalIdField(t.actions.errors.idInvalid),
    actionChoice: actionChoiceField,
    /** The select of before decision 037 (a page opened before it, still posting): read as "#<id>". */
    actionId: optionalIdField(t.actions.errors.idInvalid),
    /** The linked action's new status, offered when it waits for a decision ("besluit nodig"); '' keeps it. */
    actionStatus: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return null;
        if (!isActionStatus(value)) {
          ctx.addIssue({ code: 'custom', message: t.actions.errors.idInvalid });
          return z.NEVER;
        }
        return value;
      }),
  })
  .transform(({ actionId, actionChoice, ...rest }) => ({
    ...rest,
    actionChoice: actionChoice.trim() === '' && actionId !== null ? `#${actionId}` : actionChoice,
  }));

/** The decision form as posted; the action is still text. */
export type DecisionForm = z.output<typeof DecisionSchema>;
/** A decision as the models write it: the action resolved to its id (null: none). */
export type DecisionInput = Omit<DecisionForm, 'actionChoice'> & { actionId: number | null };

/** The answer of the notes' resource routes: JSON, never cached (statuses change live). */
export function notesJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
