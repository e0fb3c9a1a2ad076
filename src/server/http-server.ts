import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

export interface Route {
  method: string;
  path: string;
  handler: Handler;
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBody?: number;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** A small HTTP server: exact-path routes, bounded bodies, JSON errors, never a stack trace. */
export async function startServer(routes: readonly Route[], options: { host?: string; port?: number; onError?: (err: unknown) => void } = {}): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => r.method === req.method && r.path === path);
    if (!route) {
      const allowed = routes.filter((r) => r.path === path).map((r) => r.method);
      if (allowed.length) {
        res.setHeader('allow', allowed.join(', '));
        return sendJson(res, 405, { error: { code: 'method_not_allowed', message: `${req.method ?? ''} is not allowed on ${path}` } });
      }
      return sendJson(res, 404, { error: { code: 'not_found', message: `No route for ${path}` } });
    }
    readBody(req, route.maxBody ?? 1024 * 1024)
      .then((body) => route.handler(req, res, body))
      .catch((err: unknown) => {
        if (err instanceof BodyTooLarge) return sendJson(res, 413, { error: { code: 'too_large', message: 'The request body is too large.' } });
        options.onError?.(err);
        if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Internal error.' } });
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeIdleConnections();
        server.close(() => resolve());
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
