/**
 * The order in which waiting requests get the thread that loads and renders them (the
 * render queue of the main thread, server/render-queue.ts, and the render threads' own
 * queue, server/render-threads): urgent ones first — someone opening a page or sending a
 * form — then the background ones, mostly live revalidations of a page already on screen.
 *
 * A background item that has waited `maxBackgroundWaitMs` goes next after an urgent one,
 * so on a full thread the two take turns. Without this a steady stream of documents starved
 * the revalidations: at 500 people the live pages were up to date seconds late (p95 3.7 s)
 * although their turns are short, and one of them (a shared answer's maker, decision 026)
 * answers everyone of its scope who waits for it (decision 027).
 */
export class UrgentFirstQueue<T> {
  private readonly urgent: { item: T; since: number }[] = [];
  private readonly background: { item: T; since: number }[] = [];
  private lastWasUrgent = false;

  constructor(private readonly maxBackgroundWaitMs: number) {}

  isEmpty(): boolean {
    return this.urgent.length === 0 && this.background.length === 0;
  }

  push(item: T, urgent: boolean) {
    (urgent ? this.urgent : this.background).push({ item, since: performance.now() });
  }

  /** The next item to run, by the rule above; undefined when none waits. */
  shift(): T | undefined {
    const overdue = this.background.length > 0 && performance.now() - this.background[0]!.since >= this.maxBackgroundWaitMs;
    const lane = this.lastWasUrgent && overdue ? this.background : this.urgent.length > 0 ? this.urgent : this.background;
    const next = lane.shift();
    if (next) this.lastWasUrgent = lane === this.urgent;
    return next?.item;
  }

  /** Takes out an item that no longer waits (its connection closed). */
  remove(item: T) {
    for (const lane of [this.urgent, this.background]) {
      const at = lane.findIndex((waiting) => waiting.item === item);
      if (at >= 0) lane.splice(at, 1);
    }
  }

  /** Takes out everything that waits, urgent first. */
  drain(): T[] {
    return [...this.urgent.splice(0), ...this.background.splice(0)].map((waiting) => waiting.item);
  }
}
