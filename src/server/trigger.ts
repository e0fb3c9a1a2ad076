import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { z } from 'zod';
import { UserInputError, RemoteServiceError, ProvisionError } from '../core/errors.js';
import { WarehouseKindSchema } from '../domain/data-model.js';
import { isMetadataHost, refusalFor } from '../http/address-guard.js';
import { parseTargetUrl } from '../http/guarded-fetcher.js';
import type { JobLauncher, Launched, LaunchRequest } from '../launch/job-launcher.js';
import type { Logger } from '../logging/logger.js';
import { EventSequencer, type PhaseEventInput } from '../notify/phase-event.js';
import { newJobId, StrategySchema } from '../pipeline/job-spec.js';
import { isTerminal, type JobState, type JobStatus } from '../status/job-state.js';
import type { StatusStore } from '../status/status-store.js';
import { bearerMatches } from './bearer.js';
import { sendBody, sendJson, type Route } from './http-server.js';
import { clientAddress } from './client-address.js';
import { RateLimiter } from './rate-limit.js';

export const CreateJobSchema = z
  .object({
    url: z.string().min(1).max(2048),
    options: z
      .object({
        // Unset, the job's environment decides: Claude when it has a key, jobs.yaml's warehouse in the cloud.
        strategy: StrategySchema.optional(),
        warehouse: WarehouseKindSchema.optional(),
        scale: z.number().positive().max(100).default(1),
        callbackUrl: z.string().url().max(2048).optional(),
      })
      .strict()
      .default({ scale: 1 }),
  })
  .strict();

export interface TriggerDeps {
  store: StatusStore;
  launcher: JobLauncher;
  logger: Logger;
  /** Required on every /jobs request when set. */
  apiToken?: string;
  rateLimitPerMinute: number;
  /** Proxies of ours in front that append to X-Forwarded-For (PROVISION_TRUST_PROXY); 0 trusts none. */
  trustProxyHops?: number;
  allowPrivateNetwork: boolean;
  /**
   * How long a claimed job may go without a launch before a request with the same key takes it
   * over and launches it (the process that claimed it died in between). Default 10 minutes:
   * far above the seconds a launch takes, so a launch still in flight is never doubled.
   */
  claimLeaseMs?: number;
  /** Why jobs launched from here cannot run these options (no key, no project), if they cannot. */
  unsupported?: (options: { strategy?: string; warehouse?: string }) => string | undefined;
}

/** A job in a list: what the jobs table shows, without stage outputs (lists stay light). */
export function jobListView(state: JobState): Record<string, unknown> {
  return {
    jobId: state.jobId,
    status: state.status,
    url: state.url,
    meta: state.meta,
    attempt: state.attempt,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    ...(state.startedAt ? { startedAt: state.startedAt } : {}),
    ...(state.endedAt ? { endedAt: state.endedAt } : {}),
    ...(state.durationMs !== undefined ? { durationMs: state.durationMs } : {}),
    ...(state.error ? { error: state.error } : {}),
    stages: state.stages.map((s) => ({ id: s.id, status: s.status, ...(s.durationMs !== undefined ? { durationMs: s.durationMs } : {}) })),
    statusUrl: `/jobs/${state.jobId}`,
  };
}

/** The job as the API shows it: the state without its bookkeeping. */
export function jobView(state: JobState): Omit<JobState, 'appliedEventIds' | 'version'> & { statusUrl: string } {
  const { appliedEventIds: _ids, version: _version, ...view } = state;
  return { ...view, stages: view.stages.map(({ version: _v, startedVersion: _sv, ...s }) => s), statusUrl: `/jobs/${state.jobId}` };
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** The same Idempotency-Key always names the same job, across restarts and instances. */
export function jobIdForKey(url: string, key: string): string {
  return newJobId(url, { suffix: createHash('sha256').update(key).digest('hex').slice(0, 10) });
}

/**
 * Checks a URL with the crawler's rules before any job is started: http(s), no credentials,
 * and a host that does not resolve to a loopback, private, link-local or metadata address.
 */
export async function checkJobUrl(raw: string, allowPrivateNetwork: boolean): Promise<string> {
  const url = parseTargetUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const blocked = (why: string): UserInputError =>
    new UserInputError('blocked_address', `${url.href} resolves to ${why}, which provision does not fetch. Give the company's public website.`);
  if (isMetadataHost(host)) throw blocked('a cloud metadata service');
  // With private networks allowed, only metadata addresses remain refused; names resolve when crawled.
  if (allowPrivateNetwork && !isIP(host)) return url.href;
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then(
    (r) => r.map((a) => a.address),
    (err: NodeJS.ErrnoException) => {
      throw new RemoteServiceError('dns_failure', `The name in ${url.href} could not be resolved (${err.code ?? err.message}). Check the address.`);
    },
  );
  for (const a of addresses) {
    const why = refusalFor(a, allowPrivateNetwork);
    if (why) throw blocked(why);
  }
  return url.href;
}

/** Records an event the trigger itself knows (queued, cancelled before it ran). */
async function record(store: StatusStore, jobId: string, input: PhaseEventInput, seq: number): Promise<JobState> {
  // Trigger events use sequence numbers below the job process's own; `job.queued` never moves a job backwards.
  return store.apply(new EventSequencer(jobId, 0, undefined, seq).next(input));
}

/** See `TriggerDeps.claimLeaseMs`. */
export const DEFAULT_CLAIM_LEASE_MS = 10 * 60_000;

const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];

/** What a create request is answered with; requests coalesced on one key share it. */
interface CreateAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Runs one `fn` per key at a time in this process: concurrent requests with one
 * Idempotency-Key wait for the first one's answer instead of racing it to the store. Across
 * processes and instances the store's claim decides; this only saves them the round trip.
 */
class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const p = fn().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }
}

/**
 * Job lists as sent, by query, until the store next changes. Dashboards and scripts poll the
 * same few lists far more often than jobs change, and a burst of identical requests should
 * cost one query and one serialisation. Changes made through this process clear it at once;
 * another process's writes within the store's change notice (SQLite: 200 ms).
 */
class ListCache {
  private readonly bodies = new Map<string, string>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly store: StatusStore) {}

  get(key: string): string | undefined {
    return this.bodies.get(key);
  }

  set(key: string, body: string): void {
    // Listen only once someone lists; keep a handful of queries.
    this.unsubscribe ??= this.store.subscribe(() => this.bodies.clear());
    if (this.bodies.size >= 64) this.bodies.clear();
    this.bodies.set(key, body);
  }
}

export function triggerRoutes(deps: TriggerDeps): Route[] {
  const limiter = new RateLimiter(deps.rateLimitPerMinute);
  const flights = new SingleFlight<CreateAnswer>();
  const lists = new ListCache(deps.store);
  // zod compiles a schema's parser on its first use: pay for that now, not in the first request.
  CreateJobSchema.safeParse({ url: 'https://www.example.com/', options: { strategy: 'heuristic', warehouse: 'duckdb', scale: 1, callbackUrl: 'https://www.example.com/hook' } });
  const guard = (handler: Route['handler']): Route['handler'] => (req, res, body, params) => {
    if (!bearerMatches(req, deps.apiToken)) {
      res.setHeader('www-authenticate', 'Bearer');
      return error(res, 401, 'unauthorized', 'A valid bearer token (PROVISION_API_TOKEN) is required.');
    }
    return handler(req, res, body, params);
  };

  const create: Route['handler'] = async (req, res, body) => {
    if (!limiter.take(clientAddress(req, deps.trustProxyHops ?? 0))) {
      res.setHeader('retry-after', '5');
      return error(res, 429, 'rate_limited', 'Too many job requests from this address; try again in a few seconds.');
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return error(res, 400, 'invalid_request', 'The body must be JSON: {"url": "https://www.example.com", "options": {...}}.');
    }
    const parsed = CreateJobSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return error(res, 400, 'invalid_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    }
    const { options } = parsed.data;
    const unsupported = deps.unsupported?.(options);
    if (unsupported) return error(res, 400, 'invalid_request', unsupported);
    let url: string;
    try {
      url = await checkJobUrl(parsed.data.url, deps.allowPrivateNetwork);
      if (options.callbackUrl) await checkJobUrl(options.callbackUrl, deps.allowPrivateNetwork);
    } catch (err) {
      const e = err instanceof ProvisionError ? err : new UserInputError('invalid_url', String(err));
      return error(res, 400, e.code, e.message);
    }

    const key = req.headers['idempotency-key'];
    const keyed = typeof key === 'string' && key.length > 0;
    const jobId = keyed ? jobIdForKey(url, key) : newJobId(url);
    const chosen = { ...(options.strategy ? { strategy: options.strategy } : {}), ...(options.warehouse ? { warehouse: options.warehouse } : {}) };
    const request = { jobId, url, ...chosen, scale: options.scale, ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}) };
    const answer = await flights.run(jobId, () => claimAndLaunch(request));
    sendJson(res, answer.status, answer.body);
  };

  /**
   * Claim, then launch. The claim writes `job.queued` durably before anything starts, and
   * only its winner launches: one execution per job id, however many requests, processes or
   * instances race on one key. A launch that fails gives the claim back, so the client's
   * retry with the same key can launch.
   */
  const claimAndLaunch = async (request: LaunchRequest): Promise<CreateAnswer> => {
    const { jobId, url } = request;
    const { jobId: _id, url: _url, ...options } = request;
    const claimEvent = new EventSequencer(jobId, 0).next({ type: 'job.queued', message: `Queued ${url}`, output: { url, ...options } });
    const { claimed, takenOver, state } = await deps.store.claim(claimEvent, { takeoverAfterMs: deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS });
    if (takenOver) deps.logger.warn('taking over a claimed job that was never launched', { jobId });
    if (!claimed) {
      return { status: 202, body: { jobId, statusUrl: `/jobs/${jobId}`, status: state.status, ...(state.meta.execution ? { execution: state.meta.execution } : {}) } };
    }
    let launched: Launched;
    try {
      launched = await deps.launcher.launch(request);
    } catch (err) {
      await deps.store.release(jobId, claimEvent.eventId).catch((e: unknown) => deps.logger.warn(`could not release the claim of a job that did not launch: ${(e as Error).message}`, { jobId }));
      throw err;
    }
    if (launched.execution) {
      try {
        // Trigger events sit below the job process's own sequence numbers; this one only adds the execution's name.
        await record(deps.store, jobId, { type: 'job.queued', message: `Launched ${launched.execution}`, output: { execution: launched.execution } }, 1);
      } catch (err) {
        // The job is claimed and running; without its execution name, cancel and the reconciler find it by job id.
        deps.logger.warn(`could not record the execution of a launched job: ${(err as Error).message}`, { jobId });
      }
    }
    deps.logger.info('job launched', { jobId, url, execution: launched.execution });
    return { status: 202, body: { jobId, statusUrl: `/jobs/${jobId}`, status: 'queued', ...(launched.execution ? { execution: launched.execution } : {}) } };
  };

  const list: Route['handler'] = async (req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const status = q.get('status') ?? undefined;
    if (status && !JOB_STATUSES.includes(status as JobStatus)) return error(res, 400, 'invalid_request', `status must be one of ${JOB_STATUSES.join(', ')}`);
    const limit = q.get('limit') ? Number(q.get('limit')) : undefined;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 200)) return error(res, 400, 'invalid_request', 'limit must be 1..200');
    const key = req.url ?? '/jobs';
    const cached = lists.get(key);
    if (cached !== undefined) return sendBody(res, 200, cached);
    const page = await deps.store.list({
      ...(status ? { status: status as JobStatus } : {}),
      ...(q.get('company') ? { company: q.get('company') as string } : {}),
      ...(q.get('since') ? { since: q.get('since') as string } : {}),
      ...(q.get('until') ? { until: q.get('until') as string } : {}),
      ...(limit ? { limit } : {}),
      ...(q.get('cursor') ? { cursor: q.get('cursor') as string } : {}),
    });
    const body = JSON.stringify({ jobs: page.jobs.map(jobListView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
    lists.set(key, body);
    sendBody(res, 200, body);
  };

  const detail: Route['handler'] = async (req, res, _body, params) => {
    const jobId = params.id ?? '';
    const state = await deps.store.get(jobId);
    if (!state) return error(res, 404, 'not_found', `No job ${jobId}.`);
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const events = await deps.store.events(jobId, { limit: Math.min(Number(q.get('events') ?? 50) || 50, 1000) });
    const artifacts = q.get('artifacts') === '1' ? await deps.store.artifacts(jobId) : undefined;
    sendJson(res, 200, { job: jobView(state), events, ...(artifacts ? { artifacts } : {}) });
  };

  const cancel: Route['handler'] = async (_req, res, _body, params) => {
    const jobId = params.id ?? '';
    const state = await deps.store.get(jobId);
    if (!state) return error(res, 404, 'not_found', `No job ${jobId}.`);
    if (isTerminal(state.status)) return error(res, 409, 'already_ended', `Job ${jobId} has already ${state.status}.`);
    await deps.launcher.cancel(jobId, state.meta.execution);
    // A job cancelled before its process started will never report; record it here.
    const execution = await deps.launcher.status(jobId, state.meta.execution);
    if (state.status === 'queued' && (execution.state === 'cancelled' || execution.state === 'unknown')) {
      await record(deps.store, jobId, { type: 'job.cancelled', message: 'Cancelled before it started.', error: { code: 'cancelled', message: 'Cancelled before it started.', retryable: false } }, 1);
    }
    sendJson(res, 202, { jobId, cancelling: true, statusUrl: `/jobs/${jobId}` });
  };

  return [
    { method: 'POST', path: '/jobs', handler: guard(create), maxBody: 16 * 1024 },
    { method: 'GET', path: '/jobs', handler: guard(list) },
    { method: 'GET', path: '/jobs/:id', handler: guard(detail) },
    { method: 'POST', path: '/jobs/:id/cancel', handler: guard(cancel), maxBody: 1024 },
  ];
}
