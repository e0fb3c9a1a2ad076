import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { CancelledError, RemoteServiceError, UserInputError, type ProvisionError } from '../core/errors.js';
import { blockedReason, isMetadataHost } from './address-guard.js';
import type { Page, PageFetcher } from './page-fetcher.js';

export const USER_AGENT = 'provision-bot/0.1 (+https://github.com/provision/provision; conversational-analytics demo builder)';

export interface FetchLimits {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { connectTimeoutMs: 5_000, responseTimeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/** Parses and checks a URL given by a user: http(s) only, no credentials. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    throw new UserInputError('invalid_url', `"${raw}" is not a URL. Give the company's website, for example https://www.example.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserInputError('invalid_url', `${raw} uses ${url.protocol.replace(':', '')}; only http and https websites can be researched.`);
  }
  if (url.username || url.password) throw new UserInputError('invalid_url', `${raw} carries credentials; give the public website address without them.`);
  url.hash = '';
  return url;
}

function blocked(url: string, why: string): ProvisionError {
  return new UserInputError('blocked_address', `${url} resolves to ${why}, which provision does not fetch, to protect the network it runs in. Give the company's public website; for a site on this machine, pass --allow-private-network.`);
}

/** A DNS lookup that refuses blocked addresses; the connection uses exactly the checked address. */
function guardedLookup(url: string, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const usable = allowPrivate ? addresses : addresses.filter((a) => blockedReason(a.address) === undefined);
      if (usable.length === 0) {
        const why = blockedReason(addresses[0]?.address ?? '') ?? 'a blocked address';
        return callback(Object.assign(blocked(url, why), { code: 'EBLOCKED' }), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      const first = usable[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function classify(err: unknown, url: string): ProvisionError {
  if (err instanceof RemoteServiceError || err instanceof UserInputError || err instanceof CancelledError) return err;
  const e = err as NodeJS.ErrnoException & { cause?: unknown };
  if (e.code === 'EBLOCKED') return err as ProvisionError;
  const code = e.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return new RemoteServiceError('dns_failure', `The name in ${url} could not be resolved (${code}). Check the spelling of the address, or try again if DNS is flaky.`, { cause: err });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|HOSTNAME_MISMATCH/i.test(code)) {
    return new RemoteServiceError('tls_error', `The TLS certificate of ${url} could not be verified (${code}). The site's HTTPS setup is broken; try the http:// address or another domain of the company.`, { cause: err });
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new RemoteServiceError('timeout', `${url} did not answer in time. The site may be slow or blocking automated visitors; try again later.`, { cause: err });
  }
  return new RemoteServiceError('connection_failed', `Could not connect to ${url} (${code || e.message}). Check that the site is up and reachable from here.`, { cause: err });
}

function charsetOf(contentType: string, head: string): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  const label = (fromHeader ?? fromMeta ?? 'utf-8').toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * The crawler's HTTP client: http(s) only, a guarded DNS lookup on every hop (the socket
 * connects to the address that was checked, so there is no rebinding window), manual
 * redirects, connect and response timeouts, and a size cap enforced while streaming.
 */
export class GuardedFetcher implements PageFetcher {
  constructor(
    private readonly options: { allowPrivateNetwork: boolean; limits?: Partial<FetchLimits> },
  ) {}

  private get limits(): FetchLimits {
    return { ...DEFAULT_LIMITS, ...this.options.limits };
  }

  private checkHost(url: URL): void {
    if (this.options.allowPrivateNetwork) return;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isMetadataHost(host)) throw blocked(url.href, 'a cloud metadata service');
    if (isIP(host)) {
      const why = blockedReason(host);
      if (why) throw blocked(url.href, why);
    }
  }

  private requestOnce(url: URL, signal: AbortSignal | undefined): Promise<RawResponse> {
    const limits = this.limits;
    return new Promise<RawResponse>((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const timeout = AbortSignal.timeout(limits.responseTimeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let settled = false;
      const fail = (err: unknown): void => {
        if (settled) return;
        settled = true;
        req.destroy();
        reject(err instanceof Error ? err : new Error(String(err)));
      };
      const req = lib.get(
        url,
        {
          lookup: guardedLookup(url.href, this.options.allowPrivateNetwork),
          headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
          signal: combined,
        },
        (res) => {
          let stream: Readable = res;
          const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
          if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(createGunzip());
          else if (enc === 'deflate') stream = res.pipe(createInflate());
          else if (enc === 'br') stream = res.pipe(createBrotliDecompress());
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limits.maxBytes) {
              fail(new RemoteServiceError('too_large', `${url.href} is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB; provision reads pages up to that size. Try a lighter page of the site, such as its About page.`));
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (err) => fail(classify(err, url.href)));
          stream.on('end', () => {
            if (settled) return;
            settled = true;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          });
        },
      );
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => fail(new RemoteServiceError('timeout', `${url.href} did not accept a connection within ${limits.connectTimeoutMs / 1000} s. The site may be down or blocking automated visitors.`)), limits.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      req.on('error', (err) => {
        if (signal?.aborted) return fail(new CancelledError());
        if (timeout.aborted) return fail(new RemoteServiceError('timeout', `${url.href} did not finish answering within ${limits.responseTimeoutMs / 1000} s. The site may be slow; try again later.`));
        fail(classify(err, url.href));
      });
    });
  }

  /** Follows redirects hop by hop, checking each one. */
  private async request(rawUrl: string, signal?: AbortSignal): Promise<RawResponse & { url: URL }> {
    let url = parseTargetUrl(rawUrl);
    for (let hop = 0; ; hop++) {
      this.checkHost(url);
      const res = await this.requestOnce(url, signal);
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) {
        if (hop >= this.limits.maxRedirects) {
          throw new RemoteServiceError('http_error', `${rawUrl} redirects more than ${this.limits.maxRedirects} times. Give the final address of the site.`, { httpStatus: res.status });
        }
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new UserInputError('invalid_url', `${url.href} redirects to ${next.protocol} which cannot be fetched.`);
        url = next;
        continue;
      }
      return { ...res, url };
    }
  }

  async fetchPage(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<Page> {
    const res = await this.request(rawUrl, options.signal);
    if (res.status >= 400) {
      throw new RemoteServiceError('http_error', `${res.url.href} answered HTTP ${res.status}. ${res.status === 403 || res.status === 401 ? 'The site refuses automated visitors.' : res.status >= 500 ? 'The site is having trouble; try again later.' : 'Check the address.'}`, { httpStatus: res.status });
    }
    const contentType = String(res.headers['content-type'] ?? '');
    if (contentType && !/text\/html|application\/xhtml\+xml/i.test(contentType)) {
      throw new RemoteServiceError('not_html', `${res.url.href} is ${contentType.split(';')[0]}, not a web page. Give the address of the company's website.`);
    }
    const head = res.body.subarray(0, 2048).toString('latin1');
    const html = new TextDecoder(charsetOf(contentType, head)).decode(res.body);
    return { url: res.url.href, status: res.status, contentType, html };
  }

  async fetchText(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    try {
      const res = await this.request(rawUrl, options.signal);
      if (res.status >= 400) return undefined;
      return res.body.toString('utf8');
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      return undefined;
    }
  }
}
