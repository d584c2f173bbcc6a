import { useNavigate } from '@remix-run/react';
import { type RefObject, useEffect, useRef } from 'react';

/**
 * Client-side navigation for the plain <a> links inside markup that React did not draw
 * element by element (the action tables' rows: components/tracker/action-rows-markup.ts).
 * A click on such a link goes through the router, as a <Link> would, instead of loading
 * the whole document. Clicks the browser should keep — with a modifier key or another
 * button (a new tab or window), on a link with a target or `download`, or to another
 * origin — stay the browser's. Without JavaScript the links simply load their page.
 *
 * Returns the ref to put on the element that holds the links.
 */
export function useRouterForPlainLinks<T extends HTMLElement>(): RefObject<T> {
  const ref = useRef<T>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || !container.contains(link)) return;
      if ((link.target && link.target !== '_self') || link.hasAttribute('download') || link.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(link.pathname + link.search + link.hash);
    };
    container.addEventListener('click', onClick);
    return () => container.removeEventListener('click', onClick);
  }, [navigate]);
  return ref;
}
