/**
 * Who may do what: the table of docs/permissions.md, written once as functions of an
 * actor. Pages ask them what to show; loaders, actions and the real-time server ask
 * them what to allow. No permission decision is written anywhere else (the table test,
 * permissions.test.ts, checks every function for every role). Browser-safe: no server imports.
 */
import { t } from '../i18n';
import { isPeriodClosed, type PeriodState } from './periods/period-rules';

export const ROLES = ['beheerder', 'werkgroeplid', 'gemeente', 'adviseur', 'lezer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = t.admin.roles;

/** Who is asking: enough of a user to decide any permission. */
export type Actor = { id: number; role: Role; organisationId: number };

/** Just the fields a decision needs, of a signed-in user (who carries more: name, e-mail). */
export function asActor<U extends Actor>(user: U): Actor {
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

/** An action is regional (municipalityId null) or a local action of one municipality. */
export type ActionScope = { municipalityId: number | null };

/**
 * The rules about the agenda's items take the period they belong to, when the caller
 * knows it: a closed period (afgesloten) is read-only for everyone, its comments included
 * (docs/decisions/017-agenda-periods.md). Without a period the item is taken to be in an
 * open one; the models check the stored period again when they write (period-guard.server.ts).
 */
const writable = (period: PeriodState | undefined) => period === undefined || !isPeriodClosed(period);

/** Commenting; on an agenda item, only while its period is open. */
export function canComment(actor: Actor, period?: PeriodState): boolean {
  return actor.role !== 'lezer' && writable(period);
}

/** Themes, goals and regional actions. */
export function canEditAgenda(actor: Actor, period?: PeriodState): boolean {
  return (actor.role === 'beheerder' || actor.role === 'werkgroeplid') && writable(period);
}

/** A municipality's local accent: the beheerder everywhere, its own people for their municipality. */
export function canEditAccent(actor: Actor, municipalityId: number, period?: PeriodState): boolean {
  if (!writable(period)) return false;
  if (actor.role === 'beheerder') return true;
  return (actor.role === 'werkgroeplid' || actor.role === 'gemeente') && actor.organisationId === municipalityId;
}

/** Creating or changing an action: regional ones follow the agenda, local ones the accent. */
export function canEditAction(actor: Actor, action: ActionScope, period?: PeriodState): boolean {
  if (action.municipalityId === null) return canEditAgenda(actor, period);
  return canEditAccent(actor, action.municipalityId, period);
}

/** May this actor create or edit at least some action (shows the "Nieuwe actie" entry)? */
export function canCreateAnyAction(actor: Actor, period?: PeriodState): boolean {
  return canEditAgenda(actor, period) || (actor.role === 'gemeente' && writable(period));
}

/** Drafting a new agenda (a concept period), closing a period, adopting a concept: who runs the agenda. */
export function canManagePeriods(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}

/** Reopening a closed period undoes a closing: the beheerder only (recorded in the history). */
export function canReopenPeriod(actor: Actor): boolean {
  return actor.role === 'beheerder';
}

export function canEditMeetings(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}

/**
 * The financial overview (/financien): the beheerder and werkgroepleden enter and correct
 * streams, allocations, commitments, spending and carry-over; everybody else reads it.
 */
export function canEditFinance(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}

/** An action item from a meeting's notes is a regional action: it takes both the notes and the agenda. */
export function canCreateActionItem(actor: Actor): boolean {
  return canEditMeetings(actor) && canEditAction(actor, { municipalityId: null });
}

/**
 * Werkgroepleden run the working group's meetings, invited or not: their calendar feed
 * holds every one of them (everybody else: the meetings they are invited to).
 */
export function runsWorkgroupMeetings(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'werkgroeplid';
}

/** Adding items to the library: everybody but the lezer. */
export function canAddLibraryItems(actor: Actor): boolean {
  return actor.role !== 'lezer';
}

/** Changing a library item: the agenda's editors any item; gemeente and adviseur their own. */
export function canEditLibraryItem(actor: Actor, item: { createdBy: number }): boolean {
  if (actor.role === 'beheerder' || actor.role === 'werkgroeplid') return true;
  return (actor.role === 'gemeente' || actor.role === 'adviseur') && item.createdBy === actor.id;
}

export function canManageAccounts(actor: Actor): boolean {
  return actor.role === 'beheerder';
}

/**
 * Nobody locks themself out: a change of one's own account that takes away the
 * beheerder role or deactivates it is refused, so there is always a beheerder who can
 * undo a mistake. (Everything else about accounts is canManageAccounts.)
 */
export function locksSelfOut(
  actor: Pick<Actor, 'id'>,
  user: { id: number; role: Role },
  change: { role?: Role; active?: boolean },
): boolean {
  if (user.id !== actor.id) return false;
  if (change.active === false) return true;
  return user.role === 'beheerder' && change.role !== undefined && change.role !== 'beheerder';
}

/** What a comment is about, with what deciding who may change that item needs. */
export type CommentTargetScope =
  | { targetType: 'goal' | 'meeting' | 'year-report' | 'indicator' }
  | { targetType: 'action'; municipalityId: number | null }
  | { targetType: 'accent'; municipalityId: number }
  | { targetType: 'library'; createdBy: number };

/** May the actor change the item a comment is about? (Its editors may resolve any thread on it.) */
export function canEditCommentTarget(actor: Actor, scope: CommentTargetScope): boolean {
  switch (scope.targetType) {
    case 'goal':
      return canEditAgenda(actor);
    case 'action':
      return canEditAction(actor, { municipalityId: scope.municipalityId });
    case 'accent':
      return canEditAccent(actor, scope.municipalityId);
    case 'library':
      return canEditLibraryItem(actor, { createdBy: scope.createdBy });
    case 'meeting':
      return canEditMeetings(actor);
    case 'year-report':
      return canManageYearReports(actor);
    case 'indicator':
      return canManageMonitor(actor);
  }
}

/** Editing or deleting a comment: its author; the beheerder may remove any (moderation). */
export function canEditComment(actor: Actor, comment: { authorId: number }): boolean {
  return actor.id === comment.authorId;
}

export function canDeleteComment(actor: Actor, comment: { authorId: number }): boolean {
  return actor.id === comment.authorId || actor.role === 'beheerder';
}

/**
 * Marking a thread resolved: whoever started it (often the adviser who asked),
 * and whoever may change the item it is about.
 */
export function canResolveThread(actor: Actor, thread: { authorId: number }, mayEditTarget: boolean): boolean {
  if (!canComment(actor)) return false;
  return actor.id === thread.authorId || mayEditTarget;
}

// ---------------------------------------------------------------------------------------
// The yearly report ("jaarrapportage", docs/decisions/022-year-reports.md)

/** Drafting a yearly report, adopting it, drafting a newer version, putting a steering question on an agenda: who runs the agenda. */
export function canManageYearReports(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}

// ---------------------------------------------------------------------------------------
// Real-time documents (app/models/collab/document-kinds.server.ts asks these for every
// kind of document, at the websocket upgrade and on the pages that show one).

/** What someone may do with a real-time document: nothing, read it (a read-only connection), or write in it. */
export type DocumentAccess = 'none' | 'read' | 'write';

/** A meeting's live notes: everybody signed in reads every meeting; who edits meetings writes (docs/permissions.md). */
export function meetingNotesAccess(actor: Actor): DocumentAccess {
  return canEditMeetings(actor) ? 'write' : 'read';
}

/** A chapter's narrative text of an agenda: who edits the agenda writes while its period is open; everybody else reads. */
export function agendaChapterAccess(actor: Actor, period: PeriodState): DocumentAccess {
  return canEditAgenda(actor, period) ? 'write' : 'read';
}

/** A narrative section of a yearly report: who drafts reports writes while it is a concept; everybody else, and everybody once adopted, reads. */
export function yearReportSectionAccess(actor: Actor, report: { status: 'concept' | 'vastgesteld' }): DocumentAccess {
  return canManageYearReports(actor) && report.status === 'concept' ? 'write' : 'read';
}

// ---------------------------------------------------------------------------------------
// Audit log and privacy duties (docs/permissions.md, "Audit log and privacy")

/** Reading the audit log and exporting it: the beheerder. */
export function canReadAuditLog(actor: Actor): boolean {
  return actor.role === 'beheerder';
}

/** A person's data export (AVG right of access), for the beheerder to hand over. */
export function canExportPersonData(actor: Actor): boolean {
  return actor.role === 'beheerder';
}

/** Removing a person (anonymising the account): the beheerder, never themself (there must stay a beheerder). */
export function canRemovePerson(actor: Actor, person: { id: number }): boolean {
  return actor.role === 'beheerder' && person.id !== actor.id;
}

/** Editing the privacy and accessibility statements: the beheerder. */
export function canEditStatements(actor: Actor): boolean {
  return actor.role === 'beheerder';
}

// ---------------------------------------------------------------------------------------
// Two-factor sign-in (docs/permissions.md, "Two-factor sign-in"; docs/decisions/018)

/** Setting per role whether two-factor sign-in is required: the beheerder. (Everyone sets up their own on Mijn account.) */
export function canSetTwoFactorRequirements(actor: Actor): boolean {
  return actor.role === 'beheerder';
}

/**
 * Turning off someone else's two-factor (a lost phone and lost recovery codes): the
 * beheerder, never their own — that takes the password or a code, on Mijn account.
 */
export function canResetTwoFactor(actor: Actor, person: { id: number }): boolean {
  return actor.role === 'beheerder' && person.id !== actor.id;
}

// ---------------------------------------------------------------------------------------
// The monitor (docs/permissions.md, "Monitor"; docs/decisions/020-monitor.md)

/**
 * Entering or correcting a figure of an area (a municipality, or null for the region):
 * the beheerder and the werkgroep every area; a gemeente user only its own municipality.
 */
export function canEnterFigure(actor: Actor, area: { municipalityId: number | null }): boolean {
  if (actor.role === 'beheerder' || actor.role === 'werkgroeplid') return true;
  return actor.role === 'gemeente' && area.municipalityId !== null && area.municipalityId === actor.organisationId;
}

/** Entering figures of at least some area (shows the form and the import). */
export function canEnterSomeFigures(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid' || actor.role === 'gemeente';
}

/** The indicator catalogue and the targets (streefwaarden): the beheerder and the werkgroep. */
export function canManageMonitor(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}
