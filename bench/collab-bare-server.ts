/**
 * The reference of the real-time benchmark: a bare `@y/websocket-server` (no
 * authentication, no persistence) in a process of its own, serving documents under the
 * same `/collab/<name>` path as Koers, so the clients differ only in the port.
 * Answers plain HTTP with 200 (the conductor polls that to know it is up).
 * Environment: PORT, HOST.
 */
import http from 'node:http';

import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const PATH_PREFIX = '/collab/';
const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('okay'));

server.on('upgrade', (req, socket, head) => {
  const pathname = (req.url ?? '/').split('?')[0]!;
  if (!pathname.startsWith(PATH_PREFIX)) return socket.destroy();
  const docName = decodeURIComponent(pathname.slice(PATH_PREFIX.length));
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName }));
});

server.listen(port, host, () => console.log(`bare y-websocket server on ${host}:${port}`));
process.on('SIGTERM', () => process.exit(0));
