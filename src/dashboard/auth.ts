import { bearerMatches, sameSecret } from '../server/bearer.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TOKEN_COOKIE = 'provision_token';


export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The request carries the API token: as a bearer header (scripts) or the dashboard cookie (browsers). */
export function hasToken(req: IncomingMessage, token: string | undefined): boolean {
  if (!token || bearerMatches(req, token)) return true;
  const cookie = cookieValue(req, TOKEN_COOKIE);
  return cookie !== undefined && sameSecret(cookie, token);
}

/**
 * `?token=` on a page URL: when it is the API token, remember it in an HttpOnly,
 * SameSite=Strict cookie and redirect to the same URL without it (so the token leaves the
 * address bar and history). Returns true when it answered.
 */
export function acceptTokenQuery(req: IncomingMessage, res: ServerResponse, token: string | undefined): boolean {
  if (!token) return false;
  const url = new URL(req.url ?? '/', 'http://x');
  const given = url.searchParams.get('token');
  if (given === null || !sameSecret(given, token)) return false;
  url.searchParams.delete('token');
  const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  res.writeHead(303, {
    location: `${url.pathname}${url.search}`,
    'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${60 * 60 * 24 * 30}${secure}`,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end();
  return true;
}
