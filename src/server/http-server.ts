import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer, params: Record<string, string>) => Promise<void> | void;

export interface Route {
  method: string;
  /** An exact path, or segments like `/jobs/:id/cancel` whose `:name` parts become params. */
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
  sendBody(res, status, JSON.stringify(value));
}

/** Sends JSON that is already serialised. */
export function sendBody(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (!g) return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** A small HTTP server: path routes with params, bounded bodies, JSON errors, never a stack trace. */
export async function startServer(routes: readonly Route[], options: { host?: string; port?: number; onError?: (err: unknown) => void } = {}): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const matches = routes.flatMap((r) => {
      const params = matchPath(r.path, path);
      return params ? [{ route: r, params }] : [];
    });
    const found = matches.find((m) => m.route.method === req.method);
    if (!found) {
      const allowed = matches.map((m) => m.route.method);
      if (allowed.length) {
        res.setHeader('allow', allowed.join(', '));
        return sendJson(res, 405, { error: { code: 'method_not_allowed', message: `${req.method ?? ''} is not allowed on ${path}` } });
      }
      return sendJson(res, 404, { error: { code: 'not_found', message: `No route for ${path}` } });
    }
    const { route, params } = found;
    readBody(req, route.maxBody ?? 1024 * 1024)
      .then((body) => route.handler(req, res, body, params))
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
