import { t } from '../../i18n';
import { type ActionFormInput, type ActionFormOptions, ActionFormSchema, type ActionFormValues } from '../../schemas/action';
import { type FieldErrors, parseForm } from '../../utils/forms';
import { ForbiddenError } from '../errors';
import { type Actor, canEditAction } from '../permissions';
import { type ActionDetail, findActionReferenceErrors, listActionFormOptions } from './action.server';

/** The choices of the action form; the scope list holds only the scopes this actor may use. */
export function getActionFormOptions(
  actor: Actor,
  current?: Pick<ActionDetail, 'ownerUserId' | 'ownerUserName' | 'ownerOrganisationId'>,
): ActionFormOptions {
  const options = listActionFormOptions();
  const scopes: ActionFormOptions['scopes'] = [
    { municipalityId: null, name: t.actions.scopeRegional },
    ...options.organisations.filter((o) => o.kind === 'gemeente').map((o) => ({ municipalityId: o.id, name: o.name })),
  ].filter((scope) => canEditAction(actor, scope));
  // Keep a deactivated owner selectable, so saving the form does not silently drop them.
  const users =
    current?.ownerUserId != null && !options.users.some((u) => u.id === current.ownerUserId)
      ? [...options.users, { id: current.ownerUserId, name: current.ownerUserName ?? '?', organisationId: -1 }]
      : options.users;
  return { goals: options.goals, users, organisations: options.organisations, scopes };
}

/** An existing action as form values. */
export function actionFormValues(action: ActionDetail): ActionFormValues {
  const id = (n: number | null) => (n === null ? '' : String(n));
  return {
    title: action.title,
    description: action.description,
    goalId: String(action.goalId),
    ownerUserId: id(action.ownerUserId),
    ownerOrganisationId: id(action.ownerOrganisationId),
    partners: action.partners,
    deadline: action.deadlinePhrase ?? '',
    status: action.status,
    progress: String(action.progress),
    municipalityId: id(action.municipalityId),
  };
}

export type ActionFormResult =
  { ok: true; input: ActionFormInput } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted action form for this actor. The chosen scope is checked first:
 * a scope the actor may not use is refused (ForbiddenError: a 403, nothing saved),
 * whatever else is wrong. Bad values and ids that point nowhere come back as field errors.
 */
export function readActionForm(actor: Actor, formData: FormData): ActionFormResult {
  const scope = ActionFormSchema.shape.municipalityId.safeParse(formData.get('municipalityId') ?? undefined);
  if (scope.success && !canEditAction(actor, { municipalityId: scope.data })) throw new ForbiddenError('action scope');
  const form = parseForm(ActionFormSchema, formData);
  if (!form.ok) return form;
  const fieldErrors = findActionReferenceErrors(form.data);
  if (Object.keys(fieldErrors).length > 0) {
    const values: Record<string, string> = {};
    for (const [key, value] of formData.entries()) if (typeof value === 'string') values[key] = value;
    return { ok: false, fieldErrors, values };
  }
  return { ok: true, input: form.data };
}
