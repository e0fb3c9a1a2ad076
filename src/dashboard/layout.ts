import type { ServerResponse } from 'node:http';
import { html, type HtmlValue, type SafeHtml } from './html.js';

/** Scripts and styles only from this origin, nothing inline, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface PageOptions {
  title: string;
  /** Which navigation item is current. */
  nav?: 'jobs' | 'new';
  /** The API token, for the page's script to call the JSON API (only when one is configured). */
  apiToken?: string;
  /** `data-page` on <body>: tells the client script what to wire up. */
  page: string;
  /** Extra `data-*` attributes on <body>, already named. */
  data?: Record<string, string>;
}

export function page(options: PageOptions, body: HtmlValue): SafeHtml {
  const attrs = Object.entries(options.data ?? {}).map(([k, v]) => html` data-${k}="${v}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${options.apiToken ? html`<meta name="provision-token" content="${options.apiToken}">` : ''}
<title>${options.title} · provision</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body data-page="${options.page}"${attrs}>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/">provision</a>
  <nav aria-label="Main">
    <a href="/"${options.nav === 'jobs' ? html` aria-current="page"` : ''}>Jobs</a>
    <a href="/new"${options.nav === 'new' ? html` aria-current="page"` : ''}>New job</a>
  </nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

function securityHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...extra,
  };
}

export function sendHtml(res: ServerResponse, status: number, markup: SafeHtml): void {
  const body = markup.value;
  res.writeHead(status, securityHeaders({ 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) }));
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, securityHeaders({ 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), ...extra }));
  res.end(body);
}
