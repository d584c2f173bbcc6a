import { describe, expect, it } from 'vitest';

import { parseChange } from './live-feed';
import { liveRevalidationSpares, markLiveRevalidation, takeLiveRevalidation } from './live-revalidation';

describe('parseChange', () => {
  it('reads the version, spread window, unread count and the actions whose pages changed', () => {
    expect(parseChange('{"version":"12","spreadMs":240,"unread":3,"actions":[7,9]}')).toEqual({
      version: '12',
      spreadMs: 240,
      unread: 3,
      actions: [7, 9],
    });
    expect(parseChange('{"version":"12","spreadMs":0,"unread":0,"actions":[]}').actions).toEqual([]);
  });

  it('leaves out actions it cannot trust, which reads as "any page may have changed"', () => {
    for (const actions of ['"7"', '["7"]', '[7.5]', '[0]', '[-1]', 'null', '{}'])
      expect(parseChange(`{"version":"12","spreadMs":0,"actions":${actions}}`)).not.toHaveProperty('actions');
    expect(parseChange('{"version":"12","spreadMs":0}')).not.toHaveProperty('actions');
  });

  it('reads a bare version from an older server', () => {
    expect(parseChange('41')).toEqual({ version: '41', spreadMs: 0 });
  });
});

describe('the live revalidation mark (app/root.tsx, routes/acties.$actionId.tsx)', () => {
  it('spares the page of an action the events did not name, during the pass the root took the mark in', async () => {
    markLiveRevalidation({ changedActions: new Set([7]) });
    expect(takeLiveRevalidation()).not.toBeNull();
    expect(liveRevalidationSpares([8])).toBe(true);
    expect(liveRevalidationSpares([8, 7])).toBe(false);
    // The pass is over once Remix awaits: a later revalidation is not spared by this mark.
    await Promise.resolve();
    expect(liveRevalidationSpares([8])).toBe(false);
  });

  it('spares nothing when an event did not name its actions, or when no live event started the revalidation', () => {
    markLiveRevalidation({ changedActions: null });
    takeLiveRevalidation();
    expect(liveRevalidationSpares([8])).toBe(false);
    expect(takeLiveRevalidation()).toBeNull(); // one-shot
    expect(liveRevalidationSpares([8])).toBe(false);
  });
});
