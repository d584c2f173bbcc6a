import { describe, expect, it } from 'vitest';

import * as permissions from './permissions';
import {
  type Actor,
  agendaChapterAccess,
  asActor,
  canAddLibraryItems,
  canComment,
  canCreateActionItem,
  canCreateAnyAction,
  canDeleteComment,
  canEditAccent,
  canEditAction,
  canEditAgenda,
  canEditComment,
  canEditCommentTarget,
  canEditFinance,
  canEditLibraryItem,
  canEditMeetings,
  canEditStatements,
  canEnterFigure,
  canEnterSomeFigures,
  canExportPersonData,
  canManageAccounts,
  canManageMonitor,
  canManagePeriods,
  canManageYearReports,
  canReadAuditLog,
  canRemovePerson,
  canReopenPeriod,
  canResetTwoFactor,
  canResolveThread,
  canSetTwoFactorRequirements,
  type DocumentAccess,
  locksSelfOut,
  meetingNotesAccess,
  type Role,
  ROLE_LABELS,
  ROLES,
  runsWorkgroupMeetings,
  yearReportSectionAccess,
} from './permissions';

// Organisation ids as in a fresh database: municipalities first (Haarlem = 3, Zandvoort = 7).
const HAARLEM = 3;
const ZANDVOORT = 7;
const PARTNER = 8;

const actorFor = (role: Role, organisationId: number, id = 100): Actor => ({ id, role, organisationId });
const home = (role: Role) => (role === 'adviseur' ? PARTNER : role === 'gemeente' ? ZANDVOORT : HAARLEM);

/** A period of each status, as the rules see it. */
const OPEN = { status: 'vastgesteld' } as const;
const CONCEPT = { status: 'concept' } as const;
const CLOSED = { status: 'afgesloten' } as const;

/**
 * The permission table of docs/permissions.md, row by row. Each expectation names the role and
 * the operation, so a failing row reads like the table itself.
 */
const TABLE: Record<string, Record<Role, boolean>> = {
  comment: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: true, lezer: false },
  'edit agenda (themes, goals, regional actions)': { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
  'edit accent of own municipality': { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
  'edit accent of another municipality': { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
  'edit local action of own municipality': { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
  'edit local action of another municipality': { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
  'edit regional action': { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
  'create some action': { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
  'edit meetings and notes': { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
  'manage accounts and settings': { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
};

function decide(operation: string, role: Role): boolean {
  // The "own" municipality of a beheerder or werkgroeplid in these rows is Haarlem, of the gemeente user Zandvoort.
  const actor = actorFor(role, home(role));
  const own = role === 'gemeente' ? ZANDVOORT : HAARLEM;
  const other = own === HAARLEM ? ZANDVOORT : HAARLEM;
  switch (operation) {
    case 'comment':
      return canComment(actor);
    case 'edit agenda (themes, goals, regional actions)':
      return canEditAgenda(actor);
    case 'edit accent of own municipality':
      return canEditAccent(actor, own);
    case 'edit accent of another municipality':
      return canEditAccent(actor, other);
    case 'edit local action of own municipality':
      return canEditAction(actor, { municipalityId: own });
    case 'edit local action of another municipality':
      return canEditAction(actor, { municipalityId: other });
    case 'edit regional action':
      return canEditAction(actor, { municipalityId: null });
    case 'create some action':
      return canCreateAnyAction(actor);
    case 'edit meetings and notes':
      return canEditMeetings(actor);
    case 'manage accounts and settings':
      return canManageAccounts(actor);
    default:
      throw new Error(`unknown operation ${operation}`);
  }
}

describe('the permission table', () => {
  const rows = Object.entries(TABLE).flatMap(([operation, byRole]) => ROLES.map((role) => [operation, role, byRole[role]] as const));
  it.each(rows)('%s — %s → %s', (operation, role, allowed) => {
    expect(decide(operation, role)).toBe(allowed);
  });

  it('an adviser of a partner organisation cannot edit any municipality accent, even one with the same id as their organisation', () => {
    expect(canEditAccent(actorFor('adviseur', ZANDVOORT), ZANDVOORT)).toBe(false);
  });
});

describe('comments', () => {
  const author = actorFor('adviseur', PARTNER, 1);
  const someoneElse = actorFor('werkgroeplid', HAARLEM, 2);
  const beheerder = actorFor('beheerder', HAARLEM, 3);

  it('only the author edits a comment', () => {
    expect(canEditComment(author, { authorId: 1 })).toBe(true);
    expect(canEditComment(someoneElse, { authorId: 1 })).toBe(false);
    expect(canEditComment(beheerder, { authorId: 1 })).toBe(false);
  });

  it('the author and the beheerder delete a comment', () => {
    expect(canDeleteComment(author, { authorId: 1 })).toBe(true);
    expect(canDeleteComment(beheerder, { authorId: 1 })).toBe(true);
    expect(canDeleteComment(someoneElse, { authorId: 1 })).toBe(false);
  });

  it('the adviser who started a thread may resolve it; others only when they may edit the item', () => {
    expect(canResolveThread(author, { authorId: 1 }, false)).toBe(true);
    expect(canResolveThread(someoneElse, { authorId: 1 }, true)).toBe(true);
    expect(canResolveThread(someoneElse, { authorId: 1 }, false)).toBe(false);
    expect(canResolveThread(actorFor('lezer', HAARLEM, 1), { authorId: 1 }, true)).toBe(false);
  });
});

describe('real-time documents', () => {
  /** Per kind of document, what each role may do with one that exists. */
  const DOCUMENTS: Record<string, { access: (actor: Actor) => DocumentAccess; byRole: Record<Role, DocumentAccess> }> = {
    'notes of a meeting': {
      access: meetingNotesAccess,
      byRole: { beheerder: 'write', werkgroeplid: 'write', gemeente: 'read', adviseur: 'read', lezer: 'read' },
    },
    'chapter text of a concept agenda': {
      access: (actor) => agendaChapterAccess(actor, CONCEPT),
      byRole: { beheerder: 'write', werkgroeplid: 'write', gemeente: 'read', adviseur: 'read', lezer: 'read' },
    },
    'narrative section of a concept yearly report': {
      access: (actor) => yearReportSectionAccess(actor, { status: 'concept' }),
      byRole: { beheerder: 'write', werkgroeplid: 'write', gemeente: 'read', adviseur: 'read', lezer: 'read' },
    },
    'narrative section of an adopted yearly report': {
      access: (actor) => yearReportSectionAccess(actor, { status: 'vastgesteld' }),
      byRole: { beheerder: 'read', werkgroeplid: 'read', gemeente: 'read', adviseur: 'read', lezer: 'read' },
    },
    'chapter text of a closed agenda': {
      access: (actor) => agendaChapterAccess(actor, CLOSED),
      byRole: { beheerder: 'read', werkgroeplid: 'read', gemeente: 'read', adviseur: 'read', lezer: 'read' },
    },
  };
  const rows = Object.entries(DOCUMENTS).flatMap(([kind, { access, byRole }]) =>
    ROLES.map((role) => [kind, role, byRole[role], access] as const),
  );
  it.each(rows)('%s — %s → %s', (_kind, role, expected, access) => {
    expect(access(actorFor(role, home(role)))).toBe(expected);
  });
});

/**
 * The rest of the rules, row by row against every role, as the table above: each row
 * names the rule it asks and how. The actor is the same as above (a beheerder or
 * werkgroeplid of Haarlem, the gemeente user of Zandvoort, the adviser of a partner).
 */
type Row = {
  rule: (...args: never[]) => unknown;
  allowed: Record<Role, boolean>;
  decide: (actor: Actor, own: number, other: number) => boolean;
};
const all = (allowed: boolean): Record<Role, boolean> => ({
  beheerder: allowed,
  werkgroeplid: allowed,
  gemeente: allowed,
  adviseur: allowed,
  lezer: allowed,
});
const SOMEONE = 999; // another user's id

const MORE: Record<string, Row> = {
  'create a concept agenda, close a period, adopt a concept': {
    rule: canManagePeriods,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canManagePeriods(actor),
  },
  'draft, adopt and redraft a yearly report; put a steering question on an agenda': {
    rule: canManageYearReports,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canManageYearReports(actor),
  },
  'reopen a closed period': {
    rule: canReopenPeriod,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canReopenPeriod(actor),
  },
  'edit the agenda of the current period': {
    rule: canEditAgenda,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditAgenda(actor, OPEN),
  },
  'edit the agenda of a concept period': {
    rule: canEditAgenda,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditAgenda(actor, CONCEPT),
  },
  'edit the agenda of a closed period': { rule: canEditAgenda, allowed: all(false), decide: (actor) => canEditAgenda(actor, CLOSED) },
  'edit a regional action of a closed period': {
    rule: canEditAction,
    allowed: all(false),
    decide: (actor) => canEditAction(actor, { municipalityId: null }, CLOSED),
  },
  'edit a local action of own municipality in a closed period': {
    rule: canEditAction,
    allowed: all(false),
    decide: (actor, own) => canEditAction(actor, { municipalityId: own }, CLOSED),
  },
  'edit the accent of own municipality in a closed period': {
    rule: canEditAccent,
    allowed: all(false),
    decide: (actor, own) => canEditAccent(actor, own, CLOSED),
  },
  'create an action in a closed period': {
    rule: canCreateAnyAction,
    allowed: all(false),
    decide: (actor) => canCreateAnyAction(actor, CLOSED),
  },
  'comment on an item of a closed period': { rule: canComment, allowed: all(false), decide: (actor) => canComment(actor, CLOSED) },
  'comment on an item of a concept period': {
    rule: canComment,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: true, lezer: false },
    decide: (actor) => canComment(actor, CONCEPT),
  },
  'add library items': {
    rule: canAddLibraryItems,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: true, lezer: false },
    decide: (actor) => canAddLibraryItems(actor),
  },
  'edit a library item one added': {
    rule: canEditLibraryItem,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: true, lezer: false },
    decide: (actor) => canEditLibraryItem(actor, { createdBy: actor.id }),
  },
  "edit someone else's library item": {
    rule: canEditLibraryItem,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditLibraryItem(actor, { createdBy: SOMEONE }),
  },
  'enter and correct the money of the financial overview': {
    rule: canEditFinance,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditFinance(actor),
  },
  'create an action item from meeting notes': {
    rule: canCreateActionItem,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canCreateActionItem(actor),
  },
  'every werkgroep meeting in the calendar feed': {
    rule: runsWorkgroupMeetings,
    allowed: { beheerder: false, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => runsWorkgroupMeetings(actor),
  },
  'edit own comment': { rule: canEditComment, allowed: all(true), decide: (actor) => canEditComment(actor, { authorId: actor.id }) },
  "edit someone else's comment": {
    rule: canEditComment,
    allowed: all(false),
    decide: (actor) => canEditComment(actor, { authorId: SOMEONE }),
  },
  'delete own comment': { rule: canDeleteComment, allowed: all(true), decide: (actor) => canDeleteComment(actor, { authorId: actor.id }) },
  "delete someone else's comment": {
    rule: canDeleteComment,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canDeleteComment(actor, { authorId: SOMEONE }),
  },
  'resolve a thread one started': {
    rule: canResolveThread,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: true, lezer: false },
    decide: (actor) => canResolveThread(actor, { authorId: actor.id }, false),
  },
  "resolve someone else's thread on a goal": {
    rule: canResolveThread,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canResolveThread(actor, { authorId: SOMEONE }, canEditCommentTarget(actor, { targetType: 'goal' })),
  },
  'edit the goal a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditCommentTarget(actor, { targetType: 'goal' }),
  },
  'edit the meeting a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditCommentTarget(actor, { targetType: 'meeting' }),
  },
  'edit the yearly report a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditCommentTarget(actor, { targetType: 'year-report' }),
  },
  'edit the indicator a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditCommentTarget(actor, { targetType: 'indicator' }),
  },
  'edit the regional action a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditCommentTarget(actor, { targetType: 'action', municipalityId: null }),
  },
  'edit the local action of own municipality a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
    decide: (actor, own) => canEditCommentTarget(actor, { targetType: 'action', municipalityId: own }),
  },
  'edit the accent of own municipality a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
    decide: (actor, own) => canEditCommentTarget(actor, { targetType: 'accent', municipalityId: own }),
  },
  'edit the accent of another municipality a comment is about': {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor, _own, other) => canEditCommentTarget(actor, { targetType: 'accent', municipalityId: other }),
  },
  "edit someone else's library item a comment is about": {
    rule: canEditCommentTarget,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditCommentTarget(actor, { targetType: 'library', createdBy: SOMEONE }),
  },
  "locked out: taking away one's own role for lezer": {
    rule: locksSelfOut,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => locksSelfOut(actor, { id: actor.id, role: actor.role }, { role: 'lezer' }),
  },
  "locked out: deactivating one's own account": {
    rule: locksSelfOut,
    allowed: all(true),
    decide: (actor) => locksSelfOut(actor, { id: actor.id, role: actor.role }, { active: false }),
  },
  "locked out: keeping one's own role, staying active": {
    rule: locksSelfOut,
    allowed: all(false),
    decide: (actor) => locksSelfOut(actor, { id: actor.id, role: actor.role }, { role: actor.role, active: true }),
  },
  'locked out: demoting or deactivating someone else': {
    rule: locksSelfOut,
    allowed: all(false),
    decide: (actor) =>
      locksSelfOut(actor, { id: SOMEONE, role: 'beheerder' }, { role: 'lezer' }) ||
      locksSelfOut(actor, { id: SOMEONE, role: 'beheerder' }, { active: false }),
  },
  'read and export the audit log': {
    rule: canReadAuditLog,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canReadAuditLog(actor),
  },
  "export a person's data": {
    rule: canExportPersonData,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canExportPersonData(actor),
  },
  'remove another person': {
    rule: canRemovePerson,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canRemovePerson(actor, { id: SOMEONE }),
  },
  'remove oneself': {
    rule: canRemovePerson,
    allowed: all(false),
    decide: (actor) => canRemovePerson(actor, { id: actor.id }),
  },
  'edit the privacy and accessibility statements': {
    rule: canEditStatements,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEditStatements(actor),
  },
  'set per role whether two-factor sign-in is required': {
    rule: canSetTwoFactorRequirements,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canSetTwoFactorRequirements(actor),
  },
  "turn off another person's two-factor": {
    rule: canResetTwoFactor,
    allowed: { beheerder: true, werkgroeplid: false, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canResetTwoFactor(actor, { id: SOMEONE }),
  },
  "turn off one's own two-factor without a code (the beheer page)": {
    rule: canResetTwoFactor,
    allowed: all(false),
    decide: (actor) => canResetTwoFactor(actor, { id: actor.id }),
  },
  'enter a monitor figure of own municipality': {
    rule: canEnterFigure,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
    decide: (actor, own) => canEnterFigure(actor, { municipalityId: own }),
  },
  'enter a monitor figure of another municipality': {
    rule: canEnterFigure,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor, _own, other) => canEnterFigure(actor, { municipalityId: other }),
  },
  'enter a region-wide monitor figure': {
    rule: canEnterFigure,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canEnterFigure(actor, { municipalityId: null }),
  },
  'enter or import some monitor figures': {
    rule: canEnterSomeFigures,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: true, adviseur: false, lezer: false },
    decide: (actor) => canEnterSomeFigures(actor),
  },
  'maintain the indicator catalogue and set targets': {
    rule: canManageMonitor,
    allowed: { beheerder: true, werkgroeplid: true, gemeente: false, adviseur: false, lezer: false },
    decide: (actor) => canManageMonitor(actor),
  },
};

/** The rules the first table asks, by its rows. */
const TABLE_RULES = [canComment, canEditAgenda, canEditAccent, canEditAction, canCreateAnyAction, canEditMeetings, canManageAccounts];
/** The rules the real-time documents table asks. */
const DOCUMENT_RULES = [meetingNotesAccess, agendaChapterAccess, yearReportSectionAccess];

describe('the rest of the permission rules', () => {
  const rows = Object.entries(MORE).flatMap(([operation, row]) => ROLES.map((role) => [operation, role, row.allowed[role]] as const));
  it.each(rows)('%s — %s → %s', (operation, role, allowed) => {
    const actor = actorFor(role, home(role));
    const own = role === 'gemeente' ? ZANDVOORT : HAARLEM;
    const other = own === HAARLEM ? ZANDVOORT : HAARLEM;
    expect(MORE[operation].decide(actor, own, other)).toBe(allowed);
  });

  it('has a row for every rule permissions.ts exports (a new rule needs its row here)', () => {
    const covered = new Set<unknown>([...TABLE_RULES, ...DOCUMENT_RULES, ...Object.values(MORE).map((row) => row.rule)]);
    const rules = Object.entries(permissions).filter(([name, value]) => typeof value === 'function' && name !== 'asActor');
    expect(rules.filter(([, rule]) => !covered.has(rule)).map(([name]) => name)).toEqual([]);
  });
});

describe('roles', () => {
  it('has a Dutch label for every role', () => {
    expect(ROLES.map((role) => ROLE_LABELS[role])).toEqual(['Beheerder', 'Werkgroeplid', 'Gemeente', 'Adviseur', 'Lezer']);
  });

  it('asActor keeps just what a decision needs, so a loader never sends more of the user to the page', () => {
    const user = { id: 5, role: 'gemeente' as const, organisationId: ZANDVOORT, email: 'x@y.nl', name: 'X' };
    expect(asActor(user)).toEqual({ id: 5, role: 'gemeente', organisationId: ZANDVOORT });
  });
});
