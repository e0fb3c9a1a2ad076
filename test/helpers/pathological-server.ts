import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const FIXTURES = new URL('../fixtures/', import.meta.url);
export const TLS_CERT = readFileSync(new URL('tls/self-signed-cert.pem', FIXTURES));
const TLS_KEY = readFileSync(new URL('tls/self-signed-key.pem', FIXTURES));

const PAGE = (title: string, body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main>${body}</main></body></html>`;

const OK_PAGE = PAGE(
  'Fernhill Bakery | Bread and pastries in Portland',
  '<h1>Fernhill Bakery</h1><p>Fernhill Bakery bakes sourdough bread, croissants and seasonal pastries every morning in Portland, Oregon. Order online for pickup, or visit our café for brunch and coffee.</p>',
  '<meta name="description" content="Fernhill Bakery is a neighbourhood bakery and café in Portland, Oregon.">',
);

/** A JavaScript-only shell with nothing but a title and a root div. */
const BARE_SHELL = '<!doctype html><html><head><title>App</title><script src="/static/js/main.3f9a1c.js" defer></script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>';

/** A JavaScript-only shell that still carries meta, Open Graph and JSON-LD data. */
const RICH_SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading…</title>
<meta name="description" content="Quillstone is an online bookkeeping and payroll software for small businesses, with a free trial and plans billed annually.">
<meta property="og:site_name" content="Quillstone">
<meta property="og:description" content="Bookkeeping and payroll software for small businesses.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Quillstone","description":"Online bookkeeping and payroll software (SaaS) for small businesses.","address":{"@type":"PostalAddress","addressLocality":"Toronto","addressRegion":"ON","addressCountry":"CA"}}</script>
<script type="module" src="/assets/index-8d1e.js"></script></head><body><div id="app"></div></body></html>`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface PathologicalServer {
  /** http://127.0.0.1:port (no trailing slash). */
  origin: string;
  /** A server whose robots.txt disallows everything. */
  denyAllOrigin: string;
  /** An https server with a self-signed certificate for localhost/127.0.0.1. */
  tlsOrigin: string;
  /** A port on 127.0.0.1 where nothing listens. */
  refusedOrigin: string;
  /** Requests per path, to check retries and that disallowed pages were not fetched. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A loopback server for every way a website can go wrong: HTTP errors, redirect loops,
 * binary and PDF bodies, empty and 60 MB bodies, headers that never come, a body that drips,
 * JavaScript shells, odd charsets, page text with injection attempts; plus a robots-deny-all
 * server, a self-signed TLS server and a port where nothing listens.
 */
export async function startPathologicalServer(): Promise<PathologicalServer> {
  const hits = new Map<string, number>();
  const stalled = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const html = (res: ServerResponse, body: string, status = 200, type = 'text/html; charset=utf-8'): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
  };
  const routes: Record<string, Handler> = {
    '/robots.txt': (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
    '/ok': (_q, res) => html(res, OK_PAGE),
    '/not-found': (_q, res) => html(res, PAGE('Not found', '<h1>Page not found</h1>'), 404),
    '/server-error': (_q, res) => html(res, PAGE('Error', '<h1>Internal Server Error</h1>'), 500),
    '/flaky': (req, res) => ((hits.get(req.url ?? '') ?? 0) <= 1 ? res.writeHead(503, { 'retry-after': '0' }).end() : html(res, OK_PAGE)),
    '/redirect-loop': (_q, res) => res.writeHead(302, { location: '/redirect-loop-b' }).end(),
    '/redirect-loop-b': (_q, res) => res.writeHead(301, { location: '/redirect-loop' }).end(),
    '/redirect-metadata': (_q, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/redirect-metadata-name': (_q, res) => res.writeHead(307, { location: 'http://metadata.google.internal/computeMetadata/v1/' }).end(),
    '/redirect-sneaky': (_q, res) => res.writeHead(302, { location: 'http://sneaky.example/' }).end(),
    '/redirect-file': (_q, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/redirect-ok': (_q, res) => res.writeHead(301, { location: '/ok' }).end(),
    '/binary': (_q, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 3, 255, 254, 0, 0])),
    '/binary-untyped': (_q, res) => res.writeHead(200).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    '/pdf': (_q, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'),
    '/empty': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': '0' }).end(),
    // 60 MB of HTML, chunked (no length announced), written as fast as the client reads.
    '/huge': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let left = 60 * 1024 * 1024;
      const pump = (): void => {
        while (left > 0 && !res.destroyed) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      res.write('<!doctype html><html><body><p>');
      pump();
    },
    '/huge-declared': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(60 * 1024 * 1024) });
      res.write('<html>');
      stalled.add(res);
    },
    '/no-headers': (_q, res) => void stalled.add(res),
    '/drip': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      stalled.add(res);
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('<')), 2_000);
      timers.add(t);
      res.write('<');
    },
    '/shell': (_q, res) => html(res, BARE_SHELL),
    '/rich-shell': (_q, res) => html(res, RICH_SHELL),
    '/latin1': (_q, res) => {
      const body = PAGE('Café Rivière | Paris', '<h1>Café Rivière</h1><p>Le Café Rivière sert le petit-déjeuner et le déjeuner au bord de la Seine. Menu du jour : EUR 18, vin compris ; réservez une table en ligne ou passez nous voir après une promenade sur les quais.</p>');
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from(body, 'latin1'));
    },
    '/meta-charset': (_q, res) => {
      const body = PAGE('Crème & Co | Pâtisserie', '<h1>Crème &amp; Co</h1><p>Pâtisserie in Montréal: croissants, éclairs and crème brûlée, baked every morning since 1998 for our neighbours in the Plateau. Order a cake for pickup, or sit down for a café au lait.</p>').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">');
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from(body, 'latin1'));
    },
    '/gzip': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(OK_PAGE)),
    '/injection': (_q, res) => html(res, readFileSync(new URL('pages/injection.html', FIXTURES), 'utf8')),
    '/private/page': (_q, res) => html(res, OK_PAGE),
    // A site whose home page answers but whose About page never does.
    '/slow-site/': (_q, res) =>
      html(res, PAGE('Brightline Dental | Family dentist', '<nav><a href="/slow-site/about.html">About us</a> <a href="/slow-site/services.html">Services</a></nav><h1>Brightline Dental</h1><p>Brightline Dental is a family dental clinic offering checkups, cleanings, fillings and orthodontics to patients of all ages. Accepting new patients; book an appointment online.</p>')),
    '/slow-site/about.html': (_q, res) => void stalled.add(res),
    '/slow-site/services.html': (_q, res) => html(res, PAGE('Services | Brightline Dental', '<h1>Services</h1><h2>Checkups and cleanings</h2><h2>Fillings and crowns</h2><h2>Orthodontics</h2><p>Our clinic accepts most dental insurance plans and offers payment plans for larger treatments.</p>')),
  };
  const handle: Handler = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    (routes[path] ?? ((_q, r: ServerResponse) => html(r, PAGE('Not found', '<h1>Not found</h1>'), 404)))(req, res);
  };
  const main = createServer(handle);
  const denyAll = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(`deny-all${path}`, (hits.get(`deny-all${path}`) ?? 0) + 1);
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n');
    html(res, OK_PAGE);
  });
  const tls = createHttpsServer({ key: TLS_KEY, cert: TLS_CERT }, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/robots.txt') return void res.writeHead(404).end();
    html(res, OK_PAGE);
  });
  const refused = createServer();
  const [origin, denyAllOrigin, tlsOrigin, refusedHost] = await Promise.all([listen(main), listen(denyAll), listen(tls), listen(refused)]);
  await new Promise<void>((resolve) => refused.close(() => resolve()));
  const servers = [main, denyAll, tls];
  return {
    origin: `http://${origin}`,
    denyAllOrigin: `http://${denyAllOrigin}`,
    tlsOrigin: `https://${tlsOrigin}`,
    refusedOrigin: `http://${refusedHost}`,
    hits,
    close: async () => {
      for (const t of timers) clearInterval(t);
      for (const res of stalled) res.destroy();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
