import fs from 'node:fs';

import type { RequestHandler } from 'express';

/**
 * Opt-in log of server time per request (KOERS_TIMING_LOG=<file>): from the moment Node
 * has parsed the request until the last byte of the response is handed to the socket.
 * The page benchmark reads it to tell the server's own time from the time a request
 * waits in the queue of a saturated client. Lines: "<ms>\t<status>\t<method> <url>".
 */
export function requestTiming(file: string): RequestHandler {
  const out = fs.createWriteStream(file, { flags: 'a' });
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      out.write(`${ms.toFixed(3)}\t${res.statusCode}\t${req.method} ${req.originalUrl}\n`);
    });
    next();
  };
}
