/**
 * Background compaction: folds a document's update log into its snapshot (and derives
 * the notes' text/JSON) outside the message handler, so relaying never waits for it.
 */
import { compactDocument } from '../../app/models/collab-document.server';

export class Compactor {
  private queued = new Map<string, NodeJS.Immediate>();

  constructor(private readonly onError: (name: string, error: unknown) => void) {}

  /** Compacts `name` on a later turn of the event loop; a document is queued at most once. */
  schedule(name: string, done?: (ok: boolean) => void) {
    if (this.queued.has(name)) return;
    this.queued.set(
      name,
      setImmediate(() => {
        this.queued.delete(name);
        done?.(this.runNow(name));
      }),
    );
  }

  /** Compacts at once (unload, shutdown). Returns whether it succeeded. */
  runNow(name: string): boolean {
    const pending = this.queued.get(name);
    if (pending) {
      clearImmediate(pending);
      this.queued.delete(name);
    }
    try {
      compactDocument(name);
      return true;
    } catch (error) {
      // The log is intact; the next compaction picks it up.
      this.onError(name, error);
      return false;
    }
  }

  cancelAll() {
    for (const immediate of this.queued.values()) clearImmediate(immediate);
    this.queued.clear();
  }
}
