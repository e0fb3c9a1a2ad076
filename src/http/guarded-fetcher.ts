import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { CancelledError, RemoteServiceError, UserInputError, type ProvisionError } from '../core/errors.js';
import { isMetadataHost, refusalFor } from './address-guard.js';
import { decodeBody, looksBinary } from './decode.js';
import type { Page, PageFetcher } from './page-fetcher.js';
import { sleep } from '../core/sleep.js';

export const USER_AGENT = 'provision-bot/0.1 (+https://github.com/provision/provision; conversational-analytics demo builder)';

/** Limits applied to every request. Tests shorten them; the defaults are the product's. */
export interface FetchLimits {
  /** From starting the connection (DNS included) to the socket being connected. */
  connectTimeoutMs: number;
  /** From sending the request to the last byte of the body. */
  responseTimeoutMs: number;
  /** Body cap, enforced while streaming (after decompression). */
  maxBytes: number;
  /** Body cap for robots.txt and sitemaps. */
  maxTextBytes: number;
  maxRedirects: number;
  /** Extra attempts after a transient failure (connection reset or refused, 429, 5xx). */
  retries: number;
  /** First backoff; doubled per attempt, with jitter. */
  retryBaseMs: number;
  /** Longest single wait, including a server's Retry-After. */
  retryMaxMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  connectTimeoutMs: 5_000,
  responseTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxTextBytes: 512 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 300,
  retryMaxMs: 3_000,
};

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Resolves a host name to all its addresses. Injectable so tests can make any name
 * resolve to a private or metadata address, or fail, without a real DNS query.
 * Errors should carry a Node-style `code` (`ENOTFOUND`, `EAI_AGAIN`).
 */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * A DNS lookup for `http.request` that refuses blocked addresses (SSRF policy `refusalFor`).
 * The socket connects to exactly the address that was checked, so there is no window for
 * DNS rebinding. `refuse` makes the error for a name that resolves only to refused addresses.
 */
export function guardedLookup(resolver: HostResolver, allowPrivateNetwork: boolean, refuse: (why: string) => Error): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const usable = wanted.filter((a) => refusalFor(a.address, allowPrivateNetwork) === undefined);
        if (usable.length === 0) {
          if (wanted.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
          return callback(refuse(refusalFor(wanted[0]?.address ?? '', allowPrivateNetwork) ?? 'a blocked address'), '', 4);
        }
        if (options.all) return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
        const first = usable[0] as ResolvedAddress;
        callback(null, first.address, first.family);
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, '', 4),
    );
  };
}

export interface GuardedFetcherOptions {
  allowPrivateNetwork: boolean;
  limits?: Partial<FetchLimits>;
  resolve?: HostResolver;
  /** Extra trusted certificate authorities (PEM), for tests with their own CA. */
  ca?: string | Buffer;
}

/** Parses and checks a URL given by a user: http(s) only, no credentials. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  const trimmed = raw.trim();
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new UserInputError('invalid_url', `"${raw}" is not a URL. Give the company's website, for example https://www.example.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserInputError('invalid_url', `${raw} uses ${url.protocol.replace(':', '')}; only http and https websites can be researched. Give the company's website, for example https://www.example.com.`);
  }
  if (url.username || url.password) throw new UserInputError('invalid_url', `${raw} carries credentials; give the public website address without them.`);
  if (!url.hostname) throw new UserInputError('invalid_url', `${raw} has no host name. Give the company's website, for example https://www.example.com.`);
  url.hash = '';
  return url;
}

function blocked(url: string, why: string, from?: string): ProvisionError {
  const subject = from && from !== url ? `${from} redirects to ${url}, which` : url;
  const hint = why === 'a cloud metadata service'
    ? 'Give the company\'s public website.'
    : 'Give the company\'s public website; for a site on this machine or network, pass --allow-private-network.';
  return new UserInputError('blocked_address', `${subject} leads to ${why}, which provision does not fetch, to protect the network it runs in. ${hint}`);
}

/** Failures worth another attempt. Marked where they are made, never parsed from messages. */
const transient = new WeakSet<object>();
function markTransient<T extends object>(err: T): T {
  transient.add(err);
  return err;
}

const TRANSIENT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Maps a socket, DNS or TLS error to a stable code with a message a person can act on. */
function classify(err: unknown, url: string): ProvisionError {
  if (err instanceof RemoteServiceError || err instanceof UserInputError || err instanceof CancelledError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  let out: ProvisionError;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME' || code === 'ENODATA') {
    out = new RemoteServiceError('dns_failure', `The host name of ${url} could not be resolved (${code}). Check the spelling of the address; if it is right, DNS may be flaky here, so try again.`, { cause: err });
  } else if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|HOSTNAME_MISMATCH|ERR_SSL|EPROTO/i.test(code)) {
    out = new RemoteServiceError('tls_error', `The HTTPS certificate of ${url} could not be verified (${code}). The site's HTTPS setup is broken or self-signed; provision does not skip the check. Try the company's main domain, or ask them to fix the certificate.`, { cause: err });
  } else if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    out = new RemoteServiceError('timeout', `${url} did not accept a connection in time. The site may be down or blocking automated visitors; try again later.`, { cause: err });
  } else {
    const what = code === 'ECONNREFUSED' ? 'the connection was refused' : code === 'ECONNRESET' ? 'the connection was reset' : `the connection failed (${code || e.message})`;
    out = new RemoteServiceError('connection_failed', `Could not read ${url}: ${what}. Check that the site is up and reachable from here, then try again.`, { cause: err });
  }
  if (TRANSIENT_SOCKET_CODES.has(code) || out.code === 'timeout') markTransient(out);
  return out;
}

function httpStatusError(url: string, status: number): ProvisionError {
  const advice =
    status === 401 || status === 403
      ? 'The site refuses automated visitors; try another page of the site, or the llm strategy with notes about the company.'
      : status === 404 || status === 410
        ? 'The page does not exist; check the address.'
        : status === 429
          ? 'The site is rate-limiting visitors; try again in a few minutes.'
          : status >= 500
            ? 'The site is having trouble; try again later.'
            : 'Check the address.';
  return new RemoteServiceError('http_error', `${url} answered HTTP ${status}. ${advice}`, { httpStatus: status });
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Want = 'page' | 'text';

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The crawler's HTTP client: http(s) only, the SSRF guard on every hop (IP literals checked
 * before connecting, names through a guarded DNS lookup whose checked address is the one the
 * socket connects to, so there is no rebinding window), manual redirects, connect and response
 * timeouts, a size cap enforced while streaming, content-type checks before the body is read,
 * charset decoding, and bounded retries with backoff for transient failures.
 */
export class GuardedFetcher implements PageFetcher {
  readonly limits: FetchLimits;
  private readonly resolver: HostResolver;
  // Own connection pools: a pooled socket skips the lookup, so it must never serve a fetcher
  // with another policy. Four sockets per host match the crawler's four fetches at a time.
  private readonly agents = { http: new http.Agent({ keepAlive: true, maxSockets: 4 }), https: new https.Agent({ keepAlive: true, maxSockets: 4 }) };

  constructor(private readonly options: GuardedFetcherOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.resolver = options.resolve ?? systemResolver;
  }

  /** Closes idle pooled connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Refuses IP literals and metadata names before any connection is made. */
  private checkHost(url: URL, from: string): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isMetadataHost(host)) throw blocked(url.href, 'a cloud metadata service', from);
    if (isIP(host)) {
      const why = refusalFor(host, this.options.allowPrivateNetwork);
      if (why) throw blocked(url.href, why, from);
    }
  }

  private guardedLookup(url: string, from: string): LookupFunction {
    return guardedLookup(this.resolver, this.options.allowPrivateNetwork, (why) => blocked(url, why, from));
  }

  private requestOnce(url: URL, want: Want, signal: AbortSignal | undefined, from: string): Promise<RawResponse> {
    const limits = this.limits;
    const maxBytes = want === 'page' ? limits.maxBytes : limits.maxTextBytes;
    return new Promise<RawResponse>((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), limits.responseTimeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      let connectTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (): void => {
        settled = true;
        clearTimeout(timer);
        clearTimeout(connectTimer);
      };
      const fail = (err: unknown): void => {
        if (settled) return;
        finish();
        req.destroy();
        // Whatever the socket reports, an abort means cancellation or our own timeout.
        if (signal?.aborted) return reject(new CancelledError());
        if (timeout.signal.aborted) {
          return reject(new RemoteServiceError('timeout', `${url.href} did not finish answering within ${limits.responseTimeoutMs / 1000} s. The site is slow or stalled; try again later, or give a lighter page such as its About page.`));
        }
        reject(classify(err, url.href));
      };
      const done = (res: RawResponse): void => {
        if (settled) return;
        finish();
        resolve(res);
      };
      const req = lib.get(
        url,
        {
          agent: url.protocol === 'https:' ? this.agents.https : this.agents.http,
          lookup: this.guardedLookup(url.href, from),
          headers: { 'user-agent': USER_AGENT, accept: want === 'page' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' : 'text/plain,application/xml,text/xml;q=0.9,*/*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
          signal: combined,
          ...(this.options.ca ? { ca: this.options.ca } : {}),
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const empty = { status, headers: res.headers, body: Buffer.alloc(0) };
          // Redirects and errors: the status and headers are all we need.
          if ((status >= 300 && status < 400) || status >= 400) {
            // A small body is drained so the connection can be reused; a big or unannounced one is cut off.
            if (Number(res.headers['content-length'] ?? Number.NaN) <= 64 * 1024) res.resume();
            else res.destroy();
            return done(empty);
          }
          const contentType = String(res.headers['content-type'] ?? '');
          if (want === 'page' && contentType && !/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
            return fail(new RemoteServiceError('not_html', `${url.href} is ${contentType.split(';')[0]?.trim()}, not a web page. Give the address of the company's website (its HTML home page).`));
          }
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > maxBytes) return fail(tooLarge(url.href, maxBytes));
          let stream: Readable = res;
          const enc = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
          if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(createGunzip());
          else if (enc === 'deflate') stream = res.pipe(createInflate());
          else if (enc === 'br') stream = res.pipe(createBrotliDecompress());
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) return fail(tooLarge(url.href, maxBytes));
            chunks.push(chunk);
          });
          stream.on('error', fail);
          res.on('aborted', () => fail(Object.assign(new Error('the response was cut short'), { code: 'ECONNRESET' })));
          stream.on('end', () => done({ status, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(
          () => fail(markTransient(new RemoteServiceError('timeout', `${url.href} did not accept a connection within ${limits.connectTimeoutMs / 1000} s. The site may be down or blocking automated visitors; try again later.`))),
          limits.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(connectTimer));
      });
      req.on('error', fail);
    });
  }

  /** One hop with bounded retries for transient failures; the last failure or response wins. */
  private async requestWithRetry(url: URL, want: Want, signal: AbortSignal | undefined, from: string): Promise<RawResponse> {
    const limits = this.limits;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= limits.retries;
      let wait = Math.min(limits.retryMaxMs, limits.retryBaseMs * 2 ** attempt * (0.75 + Math.random() * 0.5));
      try {
        const res = await this.requestOnce(url, want, signal, from);
        if (last || !RETRY_STATUSES.has(res.status)) return res;
        const asked = retryAfterMs(res.headers['retry-after']);
        // A server asking for a longer pause than we are willing to wait gets its answer as is.
        if (asked !== undefined && asked > limits.retryMaxMs) return res;
        wait = Math.max(wait, asked ?? 0);
      } catch (err) {
        if (last || !transient.has(err as object)) throw err;
      }
      await sleep(wait, signal);
    }
  }

  /** Follows redirects hop by hop, checking every hop with the SSRF guard. */
  private async request(rawUrl: string, want: Want, signal?: AbortSignal): Promise<RawResponse & { url: URL }> {
    const start = parseTargetUrl(rawUrl);
    let url = start;
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      this.checkHost(url, start.href);
      seen.add(url.href);
      const res = await this.requestWithRetry(url, want, signal, start.href);
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) {
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new RemoteServiceError('http_error', `${url.href} redirects to "${location.slice(0, 100)}", which is not a valid address. The site is misconfigured; give its final address.`, { httpStatus: res.status });
        }
        next.hash = '';
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new UserInputError('invalid_url', `${url.href} redirects to a ${next.protocol.replace(':', '')} address, which cannot be fetched. Give the company's http or https website.`);
        }
        if (next.username || next.password) throw new UserInputError('invalid_url', `${url.href} redirects to an address with credentials, which provision does not follow.`);
        if (hop >= this.limits.maxRedirects || seen.has(next.href)) {
          throw new RemoteServiceError('http_error', `${start.href} redirects more than ${this.limits.maxRedirects} times${seen.has(next.href) ? ' (in a loop)' : ''}. The site is misconfigured; open it in a browser and give the address it ends up on.`, { httpStatus: res.status });
        }
        url = next;
        continue;
      }
      return { ...res, url };
    }
  }

  async fetchPage(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<Page> {
    const res = await this.request(rawUrl, 'page', options.signal);
    if (res.status >= 300) throw httpStatusError(res.url.href, res.status);
    const contentType = String(res.headers['content-type'] ?? '');
    if (res.body.length === 0) {
      throw new RemoteServiceError('empty_content', `${res.url.href} answered with an empty page. Try another page of the site, such as its About page.`);
    }
    if (!contentType && looksBinary(res.body)) {
      throw new RemoteServiceError('not_html', `${res.url.href} is a binary file, not a web page. Give the address of the company's website (its HTML home page).`);
    }
    return { url: res.url.href, status: res.status, contentType, html: decodeBody(res.body, contentType) };
  }

  /**
   * Fetches robots.txt or a sitemap. Absent (4xx), oversized or binary answers give undefined.
   * A server error (5xx, after retries) fails with http_error, and a site that cannot be reached
   * fails as fetchPage would, so the caller learns why early.
   */
  async fetchText(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    let res: RawResponse & { url: URL };
    try {
      res = await this.request(rawUrl, 'text', options.signal);
    } catch (err) {
      const code = (err as Partial<ProvisionError>).code;
      if (code === 'too_large' || code === 'http_error' || code === 'invalid_url') return undefined;
      throw err;
    }
    if (res.status >= 500) throw httpStatusError(res.url.href, res.status);
    if (res.status >= 300 || looksBinary(res.body)) return undefined;
    return decodeBody(res.body, String(res.headers['content-type'] ?? ''));
  }
}

function tooLarge(url: string, maxBytes: number): ProvisionError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new RemoteServiceError('too_large', `${url} is larger than ${size}; provision reads pages up to that size. Try a lighter page of the site, such as its About page.`);
}
