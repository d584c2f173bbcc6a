import { randomBytes } from 'node:crypto';

import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

import { t } from '../app/i18n';

/** A fresh nonce per response, so Remix's inline hydration scripts pass the CSP. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/** formActionOrigins: where a form post may be redirected besides Koers itself (the identity providers' sign-out). */
export function securityHeaders({ development, formActionOrigins = [] }: { development: boolean; formActionOrigins?: string[] }) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        // Inline style attributes position the timeline bars; no inline <style> from users.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: development ? ["'self'", 'ws:', 'wss:'] : ["'self'", 'ws:', 'wss:'],
        formAction: ["'self'", ...formActionOrigins],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Same-origin pages only; no cross-origin isolation needed.
    crossOriginEmbedderPolicy: false,
    // 'no-referrer' would make Chromium send "Origin: null" on plain form posts (no
    // JavaScript), which the Origin check must refuse; same-origin leaks nothing outside.
    referrerPolicy: { policy: 'same-origin' },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for every state change: a request that
 * changes something must come from a page of Koers itself. Browsers send Origin on
 * every POST; when it is missing we fall back to Sec-Fetch-Site. Together with the
 * SameSite=Lax session cookie this closes CSRF without tokens in every form
 * (see docs/decisions/004-csrf-origin-check.md).
 */
export function sameOriginOnly(publicUrl: string | undefined) {
  const allowedOrigin = publicUrl ? new URL(publicUrl).origin : null;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const ownOrigin = allowedOrigin ?? `${req.protocol}://${req.get('host')}`;
    const ok = origin ? origin === ownOrigin : !fetchSite || fetchSite === 'same-origin' || fetchSite === 'none';
    if (ok) return next();
    res.status(403).type('text/plain; charset=utf-8').send(t.server.crossSiteRefused);
  };
}
