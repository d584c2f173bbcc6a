import { useEffect, useRef } from 'react';

/** Wait this long after a keystroke before asking (typing on is one request, not many). */
export const SUGGEST_DELAY_MS = 150;

/**
 * Asking a suggestions route as one types, for the fields that name an action by search
 * (decisions 035, 037, 038, 039): `later` asks SUGGEST_DELAY_MS after the last call, `now` at
 * once; a newer call aborts the older request, and so does leaving the page. An answer
 * is JSON, or null when the request failed, was refused or was overtaken.
 */
export function useSuggestions<T>() {
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController | null>(null);
  const cancel = () => {
    clearTimeout(timer.current);
    request.current?.abort();
  };
  useEffect(() => cancel, []);

  const now = async (url: string): Promise<T | null> => {
    cancel();
    const controller = new AbortController();
    request.current = controller;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) return null;
      const answer = (await response.json()) as T;
      return controller.signal.aborted ? null : answer;
    } catch {
      // Aborted by a newer keystroke, or offline: no answer; what is typed still counts when the form is sent.
      return null;
    }
  };

  const later = (url: string, then: (answer: T) => void) => {
    cancel();
    timer.current = setTimeout(async () => {
      const answer = await now(url);
      if (answer !== null) then(answer);
    }, SUGGEST_DELAY_MS);
  };

  return { now, later, cancel };
}
