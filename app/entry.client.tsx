import { RemixBrowser } from '@remix-run/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';

// React Router 6.30 with single fetch and lazy route discovery can leave the AbortError of a
// navigation it interrupts (e.g. a live-update revalidation still loading when the user sends a
// form; remix-run/react-router#14203) uncaught: as a rejected promise, or thrown from the abort
// signal's listener while the new navigation starts. Nothing is lost — the new navigation goes
// on — so an aborted request is not an error the browser should report.
const isAbortError = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
window.addEventListener('unhandledrejection', (event) => {
  if (isAbortError(event.reason)) event.preventDefault();
});
window.addEventListener('error', (event) => {
  if (isAbortError(event.error)) event.preventDefault();
});

// Hydrated synchronously, not inside startTransition: a key pressed while a transition
// hydrates can make React 18.3 throw "Root did not complete" (#345).
hydrateRoot(
  document,
  <StrictMode>
    <RemixBrowser />
  </StrictMode>,
);
