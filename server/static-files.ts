import fs from 'node:fs';

import express from 'express';

/**
 * A folder's files, served by `express.static`, which is asked only for addresses under
 * the folder's own top-level names (`/assets/…`, `/favicon.svg`). Asked for every address,
 * it looks each page's path up on disk before the page is rendered: two `stat` calls per
 * page (the build's client folder and public/), about 4 % of the main thread's time for
 * a small page (docs/decisions/029). The names are read once, at start-up: in production
 * the folders do not change while Koers runs.
 */
export function staticFiles(folder: string, options: Parameters<typeof express.static>[1]): express.RequestHandler {
  const names = new Set(fs.existsSync(folder) ? fs.readdirSync(folder) : []);
  const serve = express.static(folder, options);
  return (req, res, next) => {
    const first = req.path.split('/', 2)[1] ?? '';
    if (names.has(first)) return serve(req, res, next);
    next();
  };
}
