import { useEffect, useState } from 'react';

/**
 * True once React has hydrated the page. Forms that post in place (a fetcher) and take
 * their answer as data say so only then; before, and without JavaScript, the same form
 * is a plain post that redirects back.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
