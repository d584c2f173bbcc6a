import { useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

import { t } from '../../i18n';
import { DEBOUNCE_MS, revalidationDelayMs, subscribeToLiveFeed, withNamedActions } from '../../utils/live-feed';
import { markLiveRevalidation } from '../../utils/live-revalidation';

/** Short interruptions (a server restart, a flaky network) pass without a word. */
const SILENT_DOWNTIME_MS = 15_000;
const RESTORED_NOTICE_MS = 5_000;

/**
 * Keeps the page current while others work: when workspace data changes, the loaders
 * of the page run again (Remix revalidation), so lists, the board and detail pages
 * show the new state within a second, without a reload. Uncontrolled form fields keep
 * what the viewer typed. Also announces the change to other parts of the page as the
 * window event `koers:changed` (the meeting notes refresh action statuses on it).
 * Rendered once, for signed-in users; see docs/decisions/009-live-workspace.md.
 */
export function LiveUpdates({ onUnread }: { onUnread: (count: number) => void }) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // A revalidation or navigation in flight may have read the data before the change: wait, then once more.
  const busy = revalidator.state !== 'idle' || navigation.state !== 'idle';
  const latest = useRef({ busy, revalidate: revalidator.revalidate });
  latest.current = { busy, revalidate: revalidator.revalidate };
  /**
   * `rootToo`: the root loader must run as well — after changes the stream may have missed
   * (it was down), whose events did not bring the unread count. `changedActions`: the
   * actions the events since the last revalidation named, null once one did not name them
   * (any page may have changed); an action page showing none of them need not reload.
   */
  const pending = useRef<Pending>(nothingPending());
  const onUnreadRef = useRef(onUnread);
  onUnreadRef.current = onUnread;
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [status, setStatus] = useState<'up' | 'down' | 'restored'>('up');

  const flush = () => {
    timer.current = undefined;
    // A hidden tab catches up when it is shown again; it need not render what nobody sees.
    if (document.visibilityState === 'hidden') return;
    if (pending.current.announce) {
      pending.current.announce = false;
      window.dispatchEvent(new CustomEvent('koers:changed'));
    }
    if (!pending.current.revalidate || latest.current.busy) return;
    if (!pending.current.rootToo) markLiveRevalidation({ changedActions: pending.current.changedActions });
    pending.current = nothingPending(); // announced above
    latest.current.revalidate();
  };
  /**
   * A revalidation already waiting covers the changes heard meanwhile (it reads the data
   * when it runs), so it keeps its time: with a spread window about as long as the time
   * between writes, restarting the wait would put the page off again and again.
   */
  const schedule = (delayMs = DEBOUNCE_MS) => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(flush, delayMs);
  };
  const scheduleRef = useRef(schedule);
  scheduleRef.current = schedule;

  useEffect(() => {
    let downTimer: ReturnType<typeof setTimeout> | undefined;
    let restoredTimer: ReturnType<typeof setTimeout> | undefined;
    let shownDown = false;
    const unsubscribe = subscribeToLiveFeed((signal) => {
      if (signal.type === 'change') {
        if (signal.unread !== undefined) onUnreadRef.current(signal.unread);
        const before = pending.current;
        pending.current = {
          announce: true,
          revalidate: true,
          rootToo: before.rootToo || signal.unread === undefined,
          changedActions: withNamedActions(before.changedActions, signal.actions),
        };
        scheduleRef.current(revalidationDelayMs(signal.spreadMs));
        return;
      }
      if (!signal.up) {
        downTimer ??= setTimeout(() => {
          shownDown = true;
          setStatus('down');
        }, SILENT_DOWNTIME_MS);
        return;
      }
      clearTimeout(downTimer);
      downTimer = undefined;
      if (!shownDown) return;
      shownDown = false;
      setStatus('restored');
      clearTimeout(restoredTimer);
      restoredTimer = setTimeout(() => setStatus('up'), RESTORED_NOTICE_MS);
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible' && (pending.current.announce || pending.current.revalidate)) scheduleRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(downTimer);
      clearTimeout(restoredTimer);
      clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    if (!busy && pending.current.revalidate) scheduleRef.current();
  }, [busy]);

  const message = status === 'down' ? t.live.interrupted : status === 'restored' ? t.live.restored : '';
  return (
    // Always in the page, so screen readers announce the text when it appears. No role
    // "status": the pages have their own status messages, and tests find those by role.
    <div
      aria-live="polite"
      aria-atomic="true"
      className={message ? 'notice live-status' : 'live-status'}
      style={message ? STATUS_STYLE : undefined}
    >
      {message}
    </div>
  );
}

type Pending = { announce: boolean; revalidate: boolean; rootToo: boolean; changedActions: ReadonlySet<number> | null };

function nothingPending(): Pending {
  return { announce: false, revalidate: false, rootToo: false, changedActions: new Set() };
}

/** A small note at the bottom of the screen that covers nothing important and moves nothing. */
const STATUS_STYLE = { position: 'fixed', insetInline: '1rem', bottom: '1rem', margin: 0, maxWidth: '40rem', zIndex: 10 } as const;
