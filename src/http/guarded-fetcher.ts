import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { gunzipSync } from 'node:zlib';
import got, { CancelError, MaxRedirectsError, RequestError, TimeoutError, type Got, type OptionsInit, type Response } from 'got';
import { CancelledError, ProvisionError, RemoteServiceError, UserInputError } from '../core/errors.js';
import { isMetadataHost, refusalFor } from './address-guard.js';
import { decodeBody, looksBinary } from './decode.js';
import type { Page, PageFetcher } from './page-fetcher.js';

export const USER_AGENT = 'provision-bot/0.1 (+https://github.com/provision/provision; conversational-analytics demo builder)';

/** Limits applied to every request. Tests shorten them; the defaults are the product's. */
export interface FetchLimits {
  /** DNS lookup, then TCP connect, then TLS handshake: each within this. */
  connectTimeoutMs: number;
  /** One request, from the start to the last byte of the body. */
  responseTimeoutMs: number;
  /** Body cap, enforced while streaming (after decompression). */
  maxBytes: number;
  /** Body cap for robots.txt and sitemaps (a gzipped sitemap is capped after gunzip too). */
  maxTextBytes: number;
  maxRedirects: number;
  /** Extra attempts after a transient failure (connection reset or refused, connect timeout, 408, 429, 5xx). */
  retries: number;
  /** First backoff; doubled per attempt, with jitter. */
  retryBaseMs: number;
  /** Longest single wait, including a server's Retry-After (a longer one is not waited for). */
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
 * A DNS lookup for `http.request` (and got's `dnsLookup`) that refuses blocked addresses (SSRF
 * policy `refusalFor`). The socket connects to exactly the address that was checked, so there
 * is no window for DNS rebinding. `refuse` makes the error for a name that resolves only to
 * refused addresses.
 */
export function guardedLookup(resolver: HostResolver, allowPrivateNetwork: boolean, refuse: (why: string, hostname: string) => Error): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const usable = wanted.filter((a) => refusalFor(a.address, allowPrivateNetwork) === undefined);
        if (usable.length === 0) {
          if (wanted.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
          return callback(refuse(refusalFor(wanted[0]?.address ?? '', allowPrivateNetwork) ?? 'a blocked address', hostname), '', 4);
        }
        if (options.all) return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
        const first = usable[0] as ResolvedAddress;
        callback(null, first.address, first.family);
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, '', 4),
    );
  };
}

/**
 * Why a URL must not be fetched under the policy, or undefined when it may be. Checks only what
 * can be checked without a connection: metadata host names and IP literals (which never go
 * through a DNS lookup, so the lookup guard cannot see them).
 */
export function refusalForHost(url: URL, allowPrivateNetwork: boolean): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isMetadataHost(host)) return 'a cloud metadata service';
  return isIP(host) ? refusalFor(host, allowPrivateNetwork) : undefined;
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

/** The lookup guard's refusal, carried through got to where the hop's URL is known. */
class AddressRefused extends Error {
  constructor(
    readonly why: string,
    readonly hostname: string,
  ) {
    super(`${hostname} leads to ${why}`);
  }
}

/** Walks an error's causes (got wraps what hooks and lookups throw). */
function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = err; e instanceof Error && out.length < 8; e = e.cause) out.push(e);
  return out;
}

/** Socket errors worth another attempt (got's retry `errorCodes`); ETIMEDOUT is narrowed to connect timeouts below. */
const RETRY_ERROR_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH', 'EAI_AGAIN', 'ECONNABORTED', 'ETIMEDOUT'];
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const CONNECT_EVENTS = new Set(['lookup', 'connect', 'secureConnect']);

/**
 * The one retry policy of the crawler, for got's `retry.calculateDelay` (got has already applied
 * the limit, methods, codes and statuses, and refused a Retry-After beyond `retryMaxMs`):
 * exponential backoff with jitter, at least what the server asked for, never a retry of a
 * response that started and stalled (the time limit already said what there is to say).
 */
export function retryDelay(limits: FetchLimits, attempt: number, error: unknown, retryAfterMs: number | undefined): number {
  if (error instanceof TimeoutError && !CONNECT_EVENTS.has(error.event)) return 0;
  const backoff = Math.min(limits.retryMaxMs, limits.retryBaseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
  return Math.max(1, backoff, retryAfterMs ?? 0);
}

/** Maps a socket, DNS or TLS error to a stable code with a message a person can act on. */
function classify(err: unknown, url: string): ProvisionError {
  const e = (causes(err).find((c) => typeof (c as NodeJS.ErrnoException).code === 'string' && !(c instanceof RequestError)) ?? err) as NodeJS.ErrnoException;
  const code = e.code ?? (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME' || code === 'ENODATA') {
    return new RemoteServiceError('dns_failure', `The host name of ${url} could not be resolved (${code}). Check the spelling of the address; if it is right, DNS may be flaky here, so try again.`, { cause: err });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|HOSTNAME_MISMATCH|ERR_SSL|EPROTO/i.test(code)) {
    return new RemoteServiceError('tls_error', `The HTTPS certificate of ${url} could not be verified (${code}). The site's HTTPS setup is broken or self-signed; provision does not skip the check. Try the company's main domain, or ask them to fix the certificate.`, { cause: err });
  }
  const what = code === 'ECONNREFUSED' ? 'the connection was refused' : code === 'ECONNRESET' ? 'the connection was reset' : `the connection failed (${code || e.message})`;
  return new RemoteServiceError('connection_failed', `Could not read ${url}: ${what}. Check that the site is up and reachable from here, then try again.`, { cause: err });
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

type Want = 'page' | 'text' | 'resource';

/** A response as read: the final URL, status, headers and the decompressed body. */
export interface RawResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** What a browser asks for, passed through the crawler's guards (see `fetchResource`). */
export interface ResourceRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  signal?: AbortSignal;
  /** Shorter than the fetcher's response limit when the render time left is shorter. */
  timeoutMs?: number;
}

/**
 * The crawler's HTTP client, on got: http(s) only; the SSRF guard on every hop (IP literals and
 * metadata names refused before connecting, every other name through got's `dnsLookup` with the
 * guarded lookup, so the address checked is the one the socket connects to); redirects checked
 * hop by hop; lookup, connect and response time limits; a size cap enforced while streaming
 * (after decompression); content-type checks as soon as the headers arrive; charset decoding;
 * and got's retry with the crawler's policy (`retryDelay`) for transient failures.
 */
export class GuardedFetcher implements PageFetcher {
  readonly limits: FetchLimits;
  private readonly resolver: HostResolver;
  // Own connection pools: a pooled socket skips the lookup, so it must never serve a fetcher
  // with another policy. Four sockets per host match the crawler's four fetches at a time.
  private readonly agents = { http: new http.Agent({ keepAlive: true, maxSockets: 4 }), https: new https.Agent({ keepAlive: true, maxSockets: 4 }) };
  private readonly client: Got;

  constructor(private readonly options: GuardedFetcherOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.resolver = options.resolve ?? systemResolver;
    const limits = this.limits;
    const connect = limits.connectTimeoutMs;
    this.client = got.extend({
      agent: { http: this.agents.http, https: this.agents.https },
      dnsLookup: guardedLookup(this.resolver, options.allowPrivateNetwork, (why, hostname) => new AddressRefused(why, hostname)),
      headers: { 'user-agent': USER_AGENT },
      timeout: { lookup: connect, connect, secureConnect: connect, request: limits.responseTimeoutMs },
      maxRedirects: limits.maxRedirects,
      throwHttpErrors: false,
      responseType: 'buffer',
      decompress: true,
      retry: {
        limit: limits.retries,
        methods: ['GET'],
        statusCodes: RETRY_STATUSES,
        errorCodes: RETRY_ERROR_CODES,
        maxRetryAfter: limits.retryMaxMs,
        enforceRetryRules: true,
        calculateDelay: ({ attemptCount, error, retryAfter }) => retryDelay(limits, attemptCount, error, retryAfter),
      },
      ...(options.ca ? { https: { certificateAuthority: options.ca } } : {}),
    });
  }

  /** Closes idle pooled connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Refuses IP literals and metadata names before any connection is made. */
  private checkHost(url: URL, from: string): void {
    const why = refusalForHost(url, this.options.allowPrivateNetwork);
    if (why) throw blocked(url.href, why, from);
  }

  /** Checks a redirect's target before got follows it: scheme, credentials, loops, and the SSRF guard. */
  private checkRedirect(next: URL, previous: URL, start: URL, seen: Set<string>): void {
    next.hash = '';
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new UserInputError('invalid_url', `${previous.href} redirects to a ${next.protocol.replace(':', '')} address, which cannot be fetched. Give the company's http or https website.`);
    }
    if (next.username || next.password) throw new UserInputError('invalid_url', `${previous.href} redirects to an address with credentials, which provision does not follow.`);
    if (seen.has(next.href)) {
      throw new RemoteServiceError('http_error', `${start.href} redirects more than ${this.limits.maxRedirects} times (in a loop). The site is misconfigured; open it in a browser and give the address it ends up on.`);
    }
    seen.add(next.href);
    this.checkHost(next, start.href);
  }

  /**
   * One guarded request; redirects are followed here, each hop checked (a browser that follows a
   * redirect it was handed would not pass the target back through interception).
   */
  private async request(rawUrl: string, want: Want, signal: AbortSignal | undefined, resource: ResourceRequest = {}): Promise<RawResponse> {
    const start = parseTargetUrl(rawUrl);
    this.checkHost(start, start.href);
    const maxBytes = want === 'text' ? this.limits.maxTextBytes : this.limits.maxBytes;
    const seen = new Set([start.href]);
    let current = start;
    // Why we cancelled the request ourselves: got then rejects with a CancelError.
    let stopped: ProvisionError | undefined;
    const decided = new WeakMap<object, boolean>();
    const options: OptionsInit = {
      method: (resource.method ?? 'GET') as OptionsInit['method'],
      headers: {
        ...resource.headers,
        accept: want === 'page' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' : want === 'text' ? 'text/plain,application/xml,text/xml;q=0.9,*/*;q=0.1' : (resource.headers?.accept ?? '*/*'),
        'user-agent': USER_AGENT,
      },
      ...(resource.body && resource.body.length > 0 ? { body: resource.body } : {}),
      ...(signal ? { signal } : {}),
      // Checked before got follows (got refuses other schemes itself, but with its own words): a
      // refused hop ends the request with the 3xx in hand, and the refusal is thrown below. got
      // also asks this of every response (to judge its status), hence the guard and the memo.
      followRedirect: (response) => {
        if (!response.headers.location || response.statusCode < 300 || response.statusCode >= 400) return true;
        const known = decided.get(response);
        if (known !== undefined) return known;
        let follow = true;
        try {
          const next = new URL(Buffer.from(String(response.headers.location), 'binary').toString(), response.url);
          this.checkRedirect(next, current, start, seen);
          current = next;
        } catch (err) {
          stopped ??= err instanceof ProvisionError ? err : new RemoteServiceError('http_error', `${current.href} redirects to "${String(response.headers.location).slice(0, 100)}", which is not a valid address. The site is misconfigured; give its final address.`, { httpStatus: response.statusCode });
          follow = false;
        }
        decided.set(response, follow);
        return follow;
      },
      ...(want === 'resource' ? { retry: { limit: 0 }, timeout: { lookup: this.limits.connectTimeoutMs, connect: this.limits.connectTimeoutMs, secureConnect: this.limits.connectTimeoutMs, request: Math.max(1, Math.min(resource.timeoutMs ?? this.limits.responseTimeoutMs, this.limits.responseTimeoutMs)) } } : {}),
    };
    const responseTimeoutMs = want === 'resource' ? Math.min(resource.timeoutMs ?? this.limits.responseTimeoutMs, this.limits.responseTimeoutMs) : this.limits.responseTimeoutMs;
    const promise = this.client(start, { ...options, isStream: false, resolveBodyOnly: false, responseType: 'buffer' });
    const stop = (why: ProvisionError): void => {
      stopped ??= why;
      promise.cancel();
    };
    // As soon as the headers arrive: refuse what is not a page, or announces more than the cap.
    void promise.on('request', (req: http.ClientRequest) => {
      req.once('response', (res: http.IncomingMessage) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return;
        const contentType = String(res.headers['content-type'] ?? '');
        if (want === 'page' && contentType && !/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
          stop(new RemoteServiceError('not_html', `${current.href} is ${contentType.split(';')[0]?.trim()}, not a web page. Give the address of the company's website (its HTML home page).`));
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) stop(tooLarge(current.href, maxBytes));
      });
    });
    // got counts bytes after decompression, so a small gzip bomb is cut like a big body.
    void promise.on('downloadProgress', (progress: { transferred: number }) => {
      if (progress.transferred > maxBytes) stop(tooLarge(current.href, maxBytes));
    });
    let response: Response<Buffer>;
    try {
      response = await promise;
    } catch (err) {
      if (stopped) throw stopped;
      if (signal?.aborted) throw new CancelledError();
      const own = causes(err).find((c): c is ProvisionError => c instanceof ProvisionError);
      if (own) throw own;
      const hopUrl = err instanceof RequestError && err.options?.url ? String(err.options.url) : current.href;
      const refused = causes(err).find((c): c is AddressRefused => c instanceof AddressRefused);
      if (refused) throw blocked(hopUrl, refused.why, start.href);
      if (err instanceof CancelError) throw new CancelledError();
      if (err instanceof MaxRedirectsError) {
        throw new RemoteServiceError('http_error', `${start.href} redirects more than ${this.limits.maxRedirects} times. The site is misconfigured; open it in a browser and give the address it ends up on.`, { httpStatus: err.response?.statusCode });
      }
      if (err instanceof TimeoutError) {
        if (CONNECT_EVENTS.has(err.event)) {
          throw new RemoteServiceError('timeout', `${hopUrl} did not accept a connection within ${this.limits.connectTimeoutMs / 1000} s. The site may be down or blocking automated visitors; try again later.`, { cause: err });
        }
        throw new RemoteServiceError('timeout', `${hopUrl} did not finish answering within ${responseTimeoutMs / 1000} s. The site is slow or stalled; try again later, or give a lighter page such as its About page.`, { cause: err });
      }
      throw classify(err, hopUrl);
    }
    if (stopped) throw stopped;
    return { url: response.url, status: response.statusCode, headers: response.headers, body: response.rawBody ?? Buffer.alloc(0) };
  }

  async fetchPage(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<Page> {
    const res = await this.request(rawUrl, 'page', options.signal);
    if (res.status >= 300) throw httpStatusError(res.url, res.status);
    const contentType = String(res.headers['content-type'] ?? '');
    if (res.body.length === 0) {
      throw new RemoteServiceError('empty_content', `${res.url} answered with an empty page. Try another page of the site, such as its About page.`);
    }
    if (!contentType && looksBinary(res.body)) {
      throw new RemoteServiceError('not_html', `${res.url} is a binary file, not a web page. Give the address of the company's website (its HTML home page).`);
    }
    return { url: res.url, status: res.status, contentType, html: decodeBody(res.body, contentType) };
  }

  /**
   * Fetches robots.txt or a sitemap. Absent (4xx), oversized or binary answers give undefined; a
   * gzipped body (`sitemap.xml.gz` served as a file) is gunzipped under the same cap. A server
   * error (5xx, after retries) fails with http_error, and a site that cannot be reached fails as
   * fetchPage would, so the caller learns why early.
   */
  async fetchText(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    let res: RawResponse;
    try {
      res = await this.request(rawUrl, 'text', options.signal);
    } catch (err) {
      const code = (err as Partial<ProvisionError>).code;
      if (code === 'too_large' || code === 'http_error' || code === 'invalid_url') return undefined;
      throw err;
    }
    if (res.status >= 500) throw httpStatusError(res.url, res.status);
    if (res.status >= 300) return undefined;
    let body = res.body;
    if (body[0] === 0x1f && body[1] === 0x8b) {
      try {
        body = gunzipSync(body, { maxOutputLength: this.limits.maxTextBytes });
      } catch {
        // Over the cap once unpacked, or not really gzip: either way there is nothing to read.
        return undefined;
      }
    }
    if (looksBinary(body)) return undefined;
    return decodeBody(body, String(res.headers['content-type'] ?? ''));
  }

  /**
   * One request on behalf of a browser rendering a page: the same SSRF guard (every redirect hop
   * checked), size cap and time limit, no retries.
   * Any status is returned as is; failures throw the crawler's classified errors.
   */
  fetchResource(rawUrl: string, request: ResourceRequest = {}): Promise<RawResponse> {
    return this.request(rawUrl, 'resource', request.signal, request);
  }
}

function tooLarge(url: string, maxBytes: number): ProvisionError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new RemoteServiceError('too_large', `${url} is larger than ${size}; provision reads pages up to that size. Try a lighter page of the site, such as its About page.`);
}
