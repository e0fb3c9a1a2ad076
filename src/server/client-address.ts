import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address a request came from, as rate limits should count it.
 *
 * Behind Cloud Run every connection comes from Google's front end, so the socket's address
 * is the proxy's and says nothing about the client. The front end appends the address it
 * received the request from to `X-Forwarded-For`; anything to the left of that was written
 * by the client (or by proxies of its own) and can be forged. So the rule is: with
 * `trustedHops` = N proxies of ours in front of the server, each appending one entry, the
 * client is the N-th entry from the right, the right-most one no trusted proxy vouches for.
 *   - Cloud Run alone (`*.run.app`):           N = 1, `X-Forwarded-For: [forged, …,] client`
 *   - an external HTTPS load balancer in front: N = 2, it appends `client, lb-address`
 * With N = 0 (the default: nothing in front, e.g. `provision serve` on a laptop) the header is
 * ignored, since any client could set it. A header too short for N, or whose entry there is
 * not an IP address, means the request did not come through the configured proxies: the
 * socket address is used, which puts such requests in the proxy's bucket and never lets a
 * forged header pick a fresh one.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedHops: number): string {
  const socket = normalise(req.socket.remoteAddress ?? 'unknown');
  if (trustedHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  // Several headers are joined in order, as RFC 9110 allows for list fields.
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (!raw) return socket;
  const hops = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const entry = hops[hops.length - trustedHops];
  if (entry === undefined) return socket;
  const address = stripPort(entry);
  return isIP(address) ? normalise(address) : socket;
}

/** `1.2.3.4:5678` and `[::1]:5678` as some proxies write them. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1] ?? entry;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4 ? (v4[1] ?? entry) : entry;
}

/**
 * One key per client: IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 (one subscriber's
 * allocation), so a client cannot get a fresh bucket per request by rotating its interface id.
 */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1] ?? address;
  if (isIP(address) !== 6) return address;
  return `${expandV6(address).slice(0, 4).join(':')}::/64`;
}

function expandV6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [''];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
