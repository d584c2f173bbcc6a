import type { Tx } from '../../app/models/history.server';

/** Filled in below: progress, comments, accents and local actions of the demo workspace. */
export function seedDemoHistory(_tx: Tx) {}
