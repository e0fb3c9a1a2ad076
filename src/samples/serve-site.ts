import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled sample company sites (see sites/README.md). */
export const SAMPLE_SITES = ['northwind-outfitters', 'ledgerly'] as const;
export type SampleSite = (typeof SAMPLE_SITES)[number];

export const SITES_DIR = fileURLToPath(new URL('./sites/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface ServedSite {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a directory of static pages on 127.0.0.1 (port 0 = any free port). `{{origin}}`
 * in robots.txt and sitemap.xml becomes the served origin.
 */
export async function serveSite(root: string, port = 0): Promise<ServedSite> {
  const base = normalize(root).replace(/[\\/]+$/, '');
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (!extname(file)) file = `${file}.html`;
      try {
        let body = await readFile(file, 'utf8');
        body = body.replaceAll('{{origin}}', origin);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Not found</h1>');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function serveSample(site: SampleSite, port = 0): Promise<ServedSite> {
  return serveSite(join(SITES_DIR, site), port);
}
