import { RemixBrowser } from '@remix-run/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';

// Hydrated synchronously, not inside startTransition: a key pressed while a transition
// hydrates can make React 18.3 throw "Root did not complete" (#345).
hydrateRoot(
  document,
  <StrictMode>
    <RemixBrowser />
  </StrictMode>,
);
