import { SEARCH_KINDS, type SearchKind } from '../../schemas/search';
import type { Actor } from '../permissions';

/**
 * The kinds an actor may find. Today every signed-in role reads everything
 * (docs/product.md), so this is all of them. It is also all the search page's loader
 * reads of the actor, and so the search page's permission scope (app/models/page-scope.ts):
 * people who may find the same kinds share one search answer.
 */
export function visibleKinds(_actor: Pick<Actor, 'role'>): SearchKind[] {
  return [...SEARCH_KINDS];
}
