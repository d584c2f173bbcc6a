import { describe, expect, it } from 'vitest';

import {
  type Actor,
  canComment,
  canCreateAnyAction,
  canDeleteComment,
  canEditAccent,
  canEditAction,
  canEditAgenda,
  canEditComment,
  canEditMeetings,
  canManageAccounts,
  canResolveThread,
  type DocumentAccess,
  meetingNotesAccess,
  type Role,
  ROLES,
} from './permissions';

// Organisation ids as in a fresh database: municipalities first (Haarlem = 3, Zandvoort = 7).
const HAARLEM = 3;
const ZANDVOORT = 7;
const PARTNER = 8;

const actorFor = (role: Role, organisationId: number, id = 100): Actor => ({ id, role, organisationId });
const home = (role: Role) => (role === 'adviseur' ? PARTNER : role === 'gemeente' ? ZANDVOORT : HAARLEM);

/**
 * The permission table of PRODUCT.md, row by row. Each expectation names the role and
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
  };
  const rows = Object.entries(DOCUMENTS).flatMap(([kind, { access, byRole }]) =>
    ROLES.map((role) => [kind, role, byRole[role], access] as const),
  );
  it.each(rows)('%s — %s → %s', (_kind, role, expected, access) => {
    expect(access(actorFor(role, home(role)))).toBe(expected);
  });
});
