import { RemixBrowser } from '@remix-run/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';

// React Router 6.30 with single fetch and lazy route discovery can reject a form's navigation
// promise with the AbortError of the navigation it interrupted (e.g. a live-update
// revalidation still loading when the user submits; remix-run/react-router#14203). Nothing is
// lost: the new navigation goes on. An aborted request is not an error the browser should report.
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof DOMException && event.reason.name === 'AbortError') event.preventDefault();
});

// Hydrated synchronously, not inside startTransition: a key pressed while a transition
// hydrates can make React 18.3 throw "Root did not complete" (#345).
hydrateRoot(
  document,
  <StrictMode>
    <RemixBrowser />
  </StrictMode>,
);
