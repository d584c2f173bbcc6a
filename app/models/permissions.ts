/**
 * The permission table of PRODUCT.md, written once. Pages use it to decide what to
 * show; loaders, actions (and later the websocket server) use it to decide what to
 * allow. Browser-safe: no server imports.
 */
export const ROLES = ['beheerder', 'werkgroeplid', 'gemeente', 'adviseur', 'lezer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'Beheerder',
  werkgroeplid: 'Werkgroeplid',
  gemeente: 'Gemeente',
  adviseur: 'Adviseur',
  lezer: 'Lezer',
};

/** Who is asking: enough of a user to decide any permission. */
export type Actor = { id: number; role: Role; organisationId: number };

/** An action is regional (municipalityId null) or a local action of one municipality. */
export type ActionScope = { municipalityId: number | null };

export function canComment(actor: Actor): boolean {
  return actor.role !== 'lezer';
}

/** Themes, goals and regional actions. */
export function canEditAgenda(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}

/** A municipality's local accent: the beheerder everywhere, its own people for their municipality. */
export function canEditAccent(actor: Actor, municipalityId: number): boolean {
  if (actor.role === 'beheerder') return true;
  return (actor.role === 'werkgroeplid' || actor.role === 'gemeente') && actor.organisationId === municipalityId;
}

/** Creating or changing an action: regional ones follow the agenda, local ones the accent. */
export function canEditAction(actor: Actor, action: ActionScope): boolean {
  if (action.municipalityId === null) return canEditAgenda(actor);
  return canEditAccent(actor, action.municipalityId);
}

/** May this actor create or edit at least some action (shows the "Nieuwe actie" entry)? */
export function canCreateAnyAction(actor: Actor): boolean {
  return canEditAgenda(actor) || actor.role === 'gemeente';
}

export function canEditMeetings(actor: Actor): boolean {
  return actor.role === 'beheerder' || actor.role === 'werkgroeplid';
}

/** Adding items to the library: everybody but the lezer (PRODUCT.md, "library items"). */
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
// Real-time documents (app/models/collab/document-kinds.server.ts asks these for every
// kind of document, at the websocket upgrade and on the pages that show one).

/** What someone may do with a real-time document: nothing, read it (a read-only connection), or write in it. */
export type DocumentAccess = 'none' | 'read' | 'write';

/** A meeting's live notes: everybody signed in reads every meeting; who edits meetings writes (docs/permissions.md). */
export function meetingNotesAccess(actor: Actor): DocumentAccess {
  return canEditMeetings(actor) ? 'write' : 'read';
}
