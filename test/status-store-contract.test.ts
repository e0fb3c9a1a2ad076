import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { STAGE_IDS, type StageId } from '../src/core/stage-ids.js';
import { EventSequencer, type PhaseEvent, type PhaseEventInput } from '../src/notify/phase-event.js';
import { applyEvents } from '../src/status/apply-event.js';
import { FirestoreStatusStore } from '../src/status/firestore-status-store.js';
import type { JobState, JobStatus } from '../src/status/job-state.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import { artifactOf, StoreUnavailableError, type JobChange, type JobListFilter, type StatusStore } from '../src/status/status-store.js';
import { startStatusService, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { jobIdForKey } from '../src/server/trigger.js';
import { silentLogger } from '../src/logging/logger.js';
import { RecordingLauncher } from './helpers/fake-launcher.js';
import { freePort, startFirestoreEmulator, type RunningEmulator } from './helpers/emulators.js';
import { tempDir } from './helpers/tmp.js';

/** How a contract run reaches one kind of store. */
interface StoreHarness {
  /** A fresh, empty store; each `open` is a separate handle on it, as another process would hold. */
  fresh(): { open(): StatusStore };
  /** Error names from trying to use a store that cannot be reached (opening included). */
  unreachable(): Promise<string[]>;
}


// ---------------------------------------------------------------------------------------------
// Scenario builders

const BASE_MS = Date.UTC(2026, 2, 1);

/** A fake clock for `EventSequencer`: one second per event. */
function clock(startMs: number): () => Date {
  let t = startMs;
  return () => new Date((t += 1000));
}

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function completed(seq: EventSequencer, stage: StageId, output: Record<string, unknown> = {}): PhaseEvent {
  return seq.next({ type: 'stage.completed', stage, metrics: { durationMs: 10 }, output: { ...output, artifact: { stage, attempt: seq.attempt, by: seq.jobId } } });
}

/**
 * Twenty events of one job, as its publishers stamp them. Five shapes: completed; failed
 * retryably and completed by a second attempt; failed for good; cancelled with a late event;
 * still running.
 */
function jobEvents(i: number): PhaseEvent[] {
  const jobId = `job-${String(i).padStart(3, '0')}`;
  const now = clock(BASE_MS + i * 60_000);
  const a0 = new EventSequencer(jobId, 0, now);
  const company = { company: `Company ${i} ${i % 2 ? 'Outfitters' : 'Analytics'}`, industry: 'Retail' };
  const events = [a0.next({ type: 'job.queued', output: { url: `https://company-${i}.example/` } }), a0.next({ type: 'job.started' })];
  let last = a0;
  const push = (seq: EventSequencer, input: PhaseEventInput) => events.push(seq.next(input));
  switch (i % 5) {
    case 0:
      for (const stage of STAGE_IDS) {
        push(a0, { type: 'stage.started', stage });
        events.push(completed(a0, stage, stage === 'research' ? company : {}));
      }
      push(a0, { type: 'job.completed', metrics: { durationMs: 14_000 }, output: { status: 'completed' } });
      break;
    case 1: {
      const timeout = { code: 'timeout' as const, message: 'slow', retryable: true };
      push(a0, { type: 'stage.started', stage: 'research' });
      events.push(completed(a0, 'research', company));
      push(a0, { type: 'stage.started', stage: 'story' });
      push(a0, { type: 'stage.failed', stage: 'story', error: timeout });
      push(a0, { type: 'job.failed', error: timeout });
      const a1 = new EventSequencer(jobId, 1, now);
      push(a1, { type: 'job.started' });
      events.push(completed(a1, 'research', { ...company, resumed: true }));
      for (const stage of STAGE_IDS.slice(1)) events.push(completed(a1, stage));
      push(a1, { type: 'job.completed', metrics: { durationMs: 9000 }, output: { status: 'completed' } });
      last = a1;
      break;
    }
    case 2:
      push(a0, { type: 'stage.started', stage: 'research' });
      push(a0, { type: 'stage.progress', stage: 'research', progress: 0.3 });
      push(a0, { type: 'stage.progress', stage: 'research', progress: 0.6 });
      push(a0, { type: 'stage.failed', stage: 'research', error: { code: 'http_error', message: '404', retryable: false } });
      push(a0, { type: 'job.failed', error: { code: 'http_error', message: '404', retryable: false } });
      break;
    case 3:
      push(a0, { type: 'stage.started', stage: 'research' });
      events.push(completed(a0, 'research', company));
      push(a0, { type: 'stage.started', stage: 'story' });
      push(a0, { type: 'job.cancelled', error: { code: 'cancelled', message: 'stop', retryable: false } });
      push(a0, { type: 'stage.progress', stage: 'story', progress: 0.5 });
      break;
    default:
      push(a0, { type: 'stage.started', stage: 'research' });
      events.push(completed(a0, 'research', company));
      push(a0, { type: 'stage.started', stage: 'story' });
      for (const progress of [0.25, 0.5, 0.75]) push(a0, { type: 'stage.progress', stage: 'story', progress });
  }
  while (events.length < 20) push(last, { type: 'log', message: `line ${events.length}` });
  return events;
}

/** The artifacts in-order delivery keeps: per stage, that of the event the stage state reflects. */
function expectedArtifacts(state: JobState, events: readonly PhaseEvent[]): Partial<Record<StageId, unknown>> {
  const out: Partial<Record<StageId, unknown>> = {};
  for (const stage of state.stages) {
    const source = events.find((e) => e.stage === stage.id && e.attempt === stage.version?.attempt && e.seq === stage.version.seq);
    const artifact = source ? artifactOf(source) : undefined;
    if (artifact !== undefined) out[stage.id] = artifact;
  }
  return out;
}

async function deliverConcurrently(store: StatusStore, events: readonly PhaseEvent[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) await store.apply(events[next++] as PhaseEvent);
    }),
  );
}

interface ListedJob {
  jobId: string;
  company?: string;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
}

const at = (minutes: number) => new Date(BASE_MS + minutes * 60_000).toISOString();

const LISTED: ListedJob[] = [
  { jobId: 'l-01', company: 'Acme Outfitters', status: 'completed', createdAt: at(0), updatedAt: at(30) },
  { jobId: 'l-02', company: 'ACME analytics', status: 'failed', createdAt: at(10), updatedAt: at(20) },
  { jobId: 'l-03', company: 'Big Acme Co', status: 'running', createdAt: at(20), updatedAt: at(45) },
  { jobId: 'l-04', company: 'Northwind', status: 'completed', createdAt: at(30), updatedAt: at(45) },
  { jobId: 'l-05', company: 'Ledgerly', status: 'queued', createdAt: at(40), updatedAt: at(41) },
  { jobId: 'l-06', status: 'cancelled', createdAt: at(50), updatedAt: at(55) },
  { jobId: 'l-07', company: '100% Juice_Bar', status: 'failed', createdAt: at(60), updatedAt: at(61) },
  { jobId: 'l-08', company: 'Acmeist', status: 'completed', createdAt: at(35), updatedAt: at(45) },
  { jobId: 'l-09', company: 'Northwind Outfitters', status: 'running', createdAt: at(80), updatedAt: at(90) },
  { jobId: 'l-10', company: 'Juicebar', status: 'queued', createdAt: at(90), updatedAt: at(90) },
  { jobId: 'l-11', company: 'acme', status: 'completed', createdAt: at(100), updatedAt: at(130) },
  { jobId: 'l-12', company: 'Ledgerly Labs', status: 'failed', createdAt: at(110), updatedAt: at(111) },
];

function listedEvents(job: ListedJob): PhaseEvent[] {
  let seq = 0;
  const ev = (ts: string, input: PhaseEventInput): PhaseEvent => ({ v: 1, eventId: `${job.jobId}-${seq}`, jobId: job.jobId, attempt: 0, seq: seq++, ts, ...input });
  const queued = ev(job.createdAt, { type: 'job.queued', output: { url: `https://${job.jobId}.example/`, ...(job.company ? { company: job.company } : {}) } });
  const error = { code: 'http_error' as const, message: 'gone', retryable: false };
  const last: Record<JobStatus, PhaseEventInput> = {
    queued: { type: 'log', message: 'waiting' },
    running: { type: 'job.started' },
    completed: { type: 'job.completed', metrics: { durationMs: 1 } },
    failed: { type: 'job.failed', error },
    cancelled: { type: 'job.cancelled', error: { ...error, code: 'cancelled' } },
  };
  return [queued, ev(job.updatedAt, last[job.status])];
}

function expectedList(filter: JobListFilter): string[] {
  const company = filter.company?.toLowerCase();
  return LISTED.filter(
    (j) =>
      (!filter.status || j.status === filter.status) &&
      (!company || (j.company ?? '').toLowerCase().includes(company)) &&
      (!filter.since || j.createdAt >= filter.since) &&
      (!filter.until || j.createdAt < filter.until),
  )
    .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.jobId < b.jobId ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1))
    .map((j) => j.jobId);
}

/** Follows `nextCursor` to the end, checking every page's size. */
async function listAll(store: StatusStore, filter: JobListFilter, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await store.list({ ...filter, limit: pageSize, ...(cursor ? { cursor } : {}) });
    assert.ok(result.jobs.length <= pageSize, `page of ${result.jobs.length} > ${pageSize}`);
    ids.push(...result.jobs.map((j) => j.jobId));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  assert.fail('paging did not end');
}

async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The name of what `call` failed with; a synchronous throw counts as a broken promise contract. */
async function failureOf(call: () => Promise<unknown>): Promise<string> {
  let promise: Promise<unknown>;
  try {
    promise = call();
  } catch (err) {
    return `threw synchronously: ${(err as Error).name}`;
  }
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return (err as Error).name;
  }
}

// ---------------------------------------------------------------------------------------------
// The contract

/**
 * Every `StatusStore` must pass these. `harness` resolves to a reason string when the store
 * cannot run on this machine; the cases then skip with that reason.
 */
function statusStoreContract(name: string, harness: () => Promise<StoreHarness | string>): void {
  describe(name, () => {
    let h: StoreHarness | string = 'not started';
    const stores: StatusStore[] = [];
    before(async () => {
      h = await harness();
    });
    after(async () => {
      await Promise.all(stores.map((s) => s.close()));
    });

    /** Runs a case with a fresh store, or skips it visibly. */
    const contract = (title: string, fn: (open: () => StatusStore, h: StoreHarness, t: TestContext) => Promise<void>): void => {
      it(title, async (t: TestContext) => {
        if (typeof h === 'string') {
          t.skip(h);
          return;
        }
        const backing = h.fresh();
        await fn(() => {
          const store = backing.open();
          stores.push(store);
          return store;
        }, h, t);
      });
    };

    contract('applies events and reads the job back', async (open) => {
      const store = open();
      const events = jobEvents(0);
      let last: JobState | undefined;
      for (const e of events) last = await store.apply(e);
      const expected = applyEvents(undefined, events);
      assert.deepEqual(last, expected);
      assert.deepEqual(await store.get('job-000'), expected);
      assert.equal(await store.get('no-such-job'), undefined);
      assert.equal(expected?.status, 'completed');
    });

    contract('ignores a redelivered event', async (open) => {
      const store = open();
      const events = jobEvents(4).slice(0, 6);
      for (const e of events) await store.apply(e);
      const previous = await store.get('job-004');
      const again = await store.apply(events[3] as PhaseEvent);
      assert.deepEqual(again, previous);
      assert.deepEqual(await store.get('job-004'), previous);
      assert.equal((await store.events('job-004')).length, events.length);
    });

    contract('applies 1,000 events for 50 jobs, delivered concurrently in random order with 20% duplicates, as in-order delivery does', async (open, _h, t) => {
      const store = open();
      const perJob = Array.from({ length: 50 }, (_, i) => jobEvents(i));
      const all = perJob.flat();
      assert.equal(all.length, 1000);
      const random = prng(20260301);
      const duplicates = shuffle(all, random).slice(0, 200);
      await deliverConcurrently(store, shuffle([...all, ...duplicates], random), 4);

      const jobs = await Promise.all(
        perJob.map(async (events, i) => {
          const jobId = events[0]?.jobId as string;
          const expected = applyEvents(undefined, events) as JobState;
          return { i, jobId, events, expected, state: await store.get(jobId) };
        }),
      );
      for (const { i, jobId, events, expected, state } of jobs) {
        // What the store itself owes, whatever the reducer does: every event applied and kept once, in order.
        assert.deepEqual(state?.appliedEventIds, events.map((e) => e.eventId).sort(), `${jobId} applied events`);
        const inOrder = [...events].sort((a, b) => a.attempt - b.attempt || a.seq - b.seq);
        assert.deepEqual((await store.events(jobId, { limit: 5000 })).map((e) => e.eventId), inOrder.map((e) => e.eventId), `${jobId} events`);
        assert.deepEqual(await store.artifacts(jobId), expectedArtifacts(expected, events), `${jobId} artifacts`);
        // Completed, cancelled and running jobs: the reducer folds these in any order.
        if (i % 5 === 0 || i % 5 >= 3) assert.deepEqual(state, expected, jobId);
      }
      const statuses = new Set(jobs.map((j) => j.expected.status));
      assert.deepEqual([...statuses].sort(), ['cancelled', 'completed', 'failed', 'running']);

      await t.test('every job reaches exactly its in-order state', () => {
        const differing = jobs.filter((j) => !isDeepStrictEqual(j.state, j.expected)).map((j) => `${j.jobId} (${j.expected.status}: ${j.state?.status})`);
        assert.deepEqual(differing, []);
      });
    });

    contract('lists by status, company and time range, and pages with no gaps or repeats', async (open) => {
      const store = open();
      for (const job of LISTED) for (const e of listedEvents(job)) await store.apply(e);

      const first = await store.list();
      assert.deepEqual(
        first.jobs.map((j) => j.jobId),
        expectedList({}),
      );
      assert.equal(first.nextCursor, undefined);

      const filters: JobListFilter[] = [
        {},
        { status: 'failed' },
        { status: 'completed' },
        { company: 'acme' },
        { company: 'ACME' },
        { company: 'outfitters' },
        { company: '%' },
        { company: '_b' },
        { since: at(30) },
        { until: at(30) },
        { since: at(20), until: at(90) },
        { status: 'completed', company: 'acme', since: at(5) },
        { status: 'queued', until: at(0) },
      ];
      for (const filter of filters) {
        const expected = expectedList(filter);
        for (const pageSize of [1, 3, 50]) {
          assert.deepEqual(await listAll(store, filter, pageSize), expected, `${JSON.stringify(filter)} in pages of ${pageSize}`);
        }
      }
      assert.ok(expectedList({ company: 'acme' }).length >= 4);
      // A cursor from elsewhere starts over instead of failing.
      assert.deepEqual((await store.list({ cursor: 'not-a-cursor' })).jobs.length, LISTED.length);
    });

    contract('returns the last N events oldest first, narrowed by type', async (open) => {
      const store = open();
      const now = clock(BASE_MS);
      const a0 = new EventSequencer('job-ev', 0, now);
      const a1 = new EventSequencer('job-ev', 1, now);
      const events = [
        a0.next({ type: 'job.started' }),
        ...Array.from({ length: 9 }, (_, i) => a0.next(i % 3 === 0 ? { type: 'stage.progress', stage: 'research', progress: i / 10 } : { type: 'log', message: `a0 ${i}` })),
        a1.next({ type: 'job.started' }),
        ...Array.from({ length: 4 }, (_, i) => a1.next({ type: 'log', message: `a1 ${i}` })),
      ];
      for (const e of shuffle(events, prng(7))) await store.apply(e);
      const ids = (list: PhaseEvent[]) => list.map((e) => e.eventId);

      assert.deepEqual(ids(await store.events('job-ev')), ids(events));
      assert.deepEqual(ids(await store.events('job-ev', { limit: 4 })), ids(events.slice(-4)));
      const logs = events.filter((e) => e.type === 'log');
      assert.deepEqual(ids(await store.events('job-ev', { limit: 3, types: ['log'] })), ids(logs.slice(-3)));
      const some = events.filter((e) => e.type === 'job.started' || e.type === 'stage.progress');
      assert.deepEqual(ids(await store.events('job-ev', { types: ['job.started', 'stage.progress'] })), ids(some));
      assert.deepEqual(await store.events('no-such-job'), []);
      assert.deepEqual((await store.events('job-ev', { limit: 1 }))[0], events.at(-1));
    });

    contract('keeps one artifact per stage; a late, older event does not replace a newer one', async (open) => {
      const store = open();
      const now = clock(BASE_MS);
      const a0 = new EventSequencer('job-art', 0, now);
      const a1 = new EventSequencer('job-art', 1, now);
      const old = a0.next({ type: 'stage.completed', stage: 'research', output: { company: 'Old', artifact: { name: 'old' } } });
      const story = a0.next({ type: 'stage.completed', stage: 'story', output: { artifact: { title: 'A story', questions: [['nested', 'array']] } } });
      const newer = a1.next({ type: 'stage.completed', stage: 'research', output: { company: 'New', artifact: { name: 'new' } } });
      const plain = a1.next({ type: 'stage.completed', stage: 'data', output: { rows: 3 } });
      // Bigger than one Firestore document, even compressed.
      const rows = Array.from({ length: 4 }, () => randomBytes(400_000).toString('base64'));
      const big = a1.next({ type: 'stage.completed', stage: 'model', output: { tables: 4, artifact: { rows } } });
      for (const e of [newer, story, plain, big, old]) await store.apply(e);

      const artifacts = await store.artifacts('job-art');
      assert.deepEqual(Object.keys(artifacts).sort(), ['model', 'research', 'story']);
      assert.deepEqual(artifacts.research, { name: 'new' });
      assert.deepEqual(artifacts.story, { title: 'A story', questions: [['nested', 'array']] });
      assert.deepEqual(artifacts.model, { rows });
      const state = await store.get('job-art');
      assert.equal(state?.meta.company, 'Old', 'meta follows delivery order; only the stage state is versioned');
      assert.deepEqual(state?.stages.find((s) => s.id === 'model')?.output, { tables: 4 }, 'the state carries no artifact');
      assert.deepEqual(await store.artifacts('no-such-job'), {});
    });

    contract('claims a job once among 50 concurrent claims from two handles, with its job.queued recorded in the same step', async (open) => {
      const handles = [open(), open()];
      const claims = Array.from({ length: 50 }, (_, i) => new EventSequencer('job-claimed', 0, clock(BASE_MS)).next({ type: 'job.queued', output: { url: `https://claim.example/${i}` } }));
      const results = await Promise.all(claims.map((e, i) => (handles[i % 2] as StatusStore).claim(e)));
      const winners = results.flatMap((r, i) => (r.claimed ? [i] : []));
      assert.equal(winners.length, 1, 'exactly one claim wins');
      const winner = claims[winners[0] as number] as PhaseEvent;
      for (const r of results) assert.equal(r.state.meta.url, winner.output && (winner.output as { url: string }).url, 'every caller sees the winning claim');
      const state = await (handles[0] as StatusStore).get('job-claimed');
      assert.deepEqual(state?.appliedEventIds, [winner.eventId]);
      assert.equal(state?.status, 'queued');
      assert.deepEqual((await (handles[1] as StatusStore).events('job-claimed')).map((e) => e.eventId), [winner.eventId]);
      // A claim on an existing job changes nothing, whatever the job has become since.
      await (handles[0] as StatusStore).apply(new EventSequencer('job-claimed', 0, clock(BASE_MS + 5000), 5).next({ type: 'job.started' }));
      const late = await (handles[1] as StatusStore).claim(new EventSequencer('job-claimed', 0).next({ type: 'job.queued' }));
      assert.equal(late.claimed, false);
      assert.equal(late.state.status, 'running');
    });

    contract('two trigger instances over this store: 50 concurrent POSTs with one Idempotency-Key launch once', async (open) => {
      const launchers = [new RecordingLauncher(), new RecordingLauncher()];
      for (const l of launchers) l.delayMs = 200;
      const env = parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_TRIGGER_RATE_LIMIT: '100000', PROVISION_RECONCILE_MS: '0' });
      const services: Service[] = await Promise.all(launchers.map((launcher) => startStatusService({ env, store: open(), logger: silentLogger, launcher, sweepMs: 0 })));
      try {
        const answers = await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const res = await fetch(`${(services[i % 2] as Service).url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'contract-key' }, body: JSON.stringify({ url: 'http://127.0.0.1:9/contract' }) });
            return { status: res.status, body: (await res.json()) as { jobId: string } };
          }),
        );
        assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
        assert.equal(new Set(answers.map((a) => a.body.jobId)).size, 1);
        const launches = launchers.reduce((n, l) => n + l.launched.length, 0);
        console.log(`# launches for one key under 50 concurrent requests over two instances: ${launches}`);
        assert.equal(launches, 1);
      } finally {
        await Promise.all(services.map((s) => s.close()));
      }
    });

    contract('takes over a claim that was never launched once its lease has passed: one of 20 concurrent takeovers wins', async (open) => {
      const handles = [open(), open()];
      const lease = 60_000;
      const first = new EventSequencer('job-orphan', 0, clock(BASE_MS)).next({ type: 'job.queued', output: { url: 'https://orphan.example/' } });
      assert.equal((await (handles[0] as StatusStore).claim(first, { takeoverAfterMs: lease })).claimed, true);
      // Within the lease the claimer may still be launching: nothing is taken over.
      const early = await (handles[1] as StatusStore).claim(new EventSequencer('job-orphan', 0, clock(BASE_MS + lease - 5000)).next({ type: 'job.queued' }), { takeoverAfterMs: lease });
      assert.deepEqual([early.claimed, early.takenOver], [false, undefined]);
      // Without a lease, an existing job is never taken over however old.
      assert.equal((await (handles[1] as StatusStore).claim(new EventSequencer('job-orphan', 0, clock(BASE_MS + 10 * lease)).next({ type: 'job.queued' }))).claimed, false);
      // The claimer died before launching; past the lease, concurrent requests race to take over.
      const takeovers = Array.from({ length: 20 }, (_, i) => new EventSequencer('job-orphan', 0, clock(BASE_MS + 2 * lease)).next({ type: 'job.queued', output: { url: `https://orphan.example/${i}` } }));
      const results = await Promise.all(takeovers.map((e, i) => (handles[i % 2] as StatusStore).claim(e, { takeoverAfterMs: lease })));
      const winners = results.flatMap((r, i) => (r.claimed ? [i] : []));
      assert.equal(winners.length, 1, 'exactly one takeover wins');
      assert.equal(results[winners[0] as number]?.takenOver, true);
      const winner = takeovers[winners[0] as number] as PhaseEvent;
      const state = await (handles[0] as StatusStore).get('job-orphan');
      assert.deepEqual(state?.appliedEventIds, [winner.eventId], 'the new claim replaces the old one');
      assert.equal(state?.meta.url, `https://orphan.example/${winners[0]}`);
      assert.deepEqual((await (handles[1] as StatusStore).events('job-orphan')).map((e) => e.eventId), [winner.eventId]);

      // A claim whose launch was recorded, or whose job reported, is never taken over.
      const launched = new EventSequencer('job-launched', 0, clock(BASE_MS)).next({ type: 'job.queued', output: { url: 'https://launched.example/' } });
      await (handles[0] as StatusStore).claim(launched);
      await (handles[0] as StatusStore).apply(new EventSequencer('job-launched', 0, clock(BASE_MS + 1000), 1).next({ type: 'job.queued', output: { execution: 'exec-1' } }));
      const started = new EventSequencer('job-started', 0, clock(BASE_MS)).next({ type: 'job.queued', output: { url: 'https://started.example/' } });
      await (handles[0] as StatusStore).claim(started);
      await (handles[0] as StatusStore).apply(new EventSequencer('job-started', 0, clock(BASE_MS + 1000), 5).next({ type: 'job.started' }));
      for (const jobId of ['job-launched', 'job-started']) {
        const late = await (handles[1] as StatusStore).claim(new EventSequencer(jobId, 0, clock(BASE_MS + 10 * lease)).next({ type: 'job.queued' }), { takeoverAfterMs: lease });
        assert.equal(late.claimed, false, jobId);
      }
    });

    contract('a trigger launches a job whose claimer died before launching, once, when its key comes back after the lease', async (open) => {
      const store = open();
      const url = 'http://127.0.0.1:9/orphan';
      const jobId = jobIdForKey(url, 'orphan-key');
      // Claimed an hour ago by an instance that died before launching.
      await store.claim(new EventSequencer(jobId, 0, clock(Date.now() - 3_600_000)).next({ type: 'job.queued', output: { url } }));
      const launchers = [new RecordingLauncher(), new RecordingLauncher()];
      for (const l of launchers) l.delayMs = 100;
      const env = parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_TRIGGER_RATE_LIMIT: '100000', PROVISION_RECONCILE_MS: '0' });
      const services: Service[] = await Promise.all(launchers.map((launcher) => startStatusService({ env, store: open(), logger: silentLogger, launcher, sweepMs: 0 })));
      try {
        const answers = await Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            const res = await fetch(`${(services[i % 2] as Service).url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'orphan-key' }, body: JSON.stringify({ url }) });
            return { status: res.status, body: (await res.json()) as { jobId: string } };
          }),
        );
        assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
        assert.deepEqual([...new Set(answers.map((a) => a.body.jobId))], [jobId]);
        assert.equal(launchers.reduce((n, l) => n + l.launched.length, 0), 1, 'launched once');
        assert.ok((await store.get(jobId))?.meta.execution, 'the launch is recorded');
      } finally {
        await Promise.all(services.map((s) => s.close()));
      }
    });

    contract('gives a claim back only while the claiming event is all the job holds', async (open) => {
      const store = open();
      const first = new EventSequencer('job-released', 0, clock(BASE_MS)).next({ type: 'job.queued', output: { url: 'https://released.example/' } });
      assert.equal((await store.claim(first)).claimed, true);
      assert.equal(await store.release('job-released', 'some-other-event'), false);
      assert.equal(await store.release('job-released', first.eventId), true);
      assert.equal(await store.get('job-released'), undefined);
      assert.deepEqual(await store.events('job-released'), []);
      const again = new EventSequencer('job-released', 0, clock(BASE_MS)).next({ type: 'job.queued' });
      assert.equal((await store.claim(again)).claimed, true, 'claimable again once given back');
      await store.apply(new EventSequencer('job-released', 0, clock(BASE_MS + 5000), 5).next({ type: 'job.started' }));
      assert.equal(await store.release('job-released', again.eventId), false, 'a job that started is never given back');
      assert.equal((await store.get('job-released'))?.status, 'running');
      assert.equal(await store.release('no-such-job', again.eventId), false);
    });

    contract('keeps dead letters, newest first', async (open) => {
      const store = open();
      for (let i = 0; i < 3; i++) await store.deadLetter({ receivedAt: at(i), reason: `reason ${i}`, body: `{"n":${i}` });
      assert.deepEqual(
        (await store.deadLetters()).map((d) => d.reason),
        ['reason 2', 'reason 1', 'reason 0'],
      );
      assert.deepEqual(await store.deadLetters(2), [
        { receivedAt: at(2), reason: 'reason 2', body: '{"n":2' },
        { receivedAt: at(1), reason: 'reason 1', body: '{"n":1' },
      ]);
    });

    contract('announces changes, including those another handle writes, and none from before subscribing', async (open) => {
      const store = open();
      const other = open();
      const seq = (jobId: string) => new EventSequencer(jobId, 0, clock(BASE_MS));
      await store.apply(seq('sub-before').next({ type: 'job.queued' }));
      await sleep(1000);
      const changes: JobChange[] = [];
      const unsubscribe = store.subscribe((c) => changes.push(c));
      const seen = (jobId: string, status?: JobStatus) => changes.some((c) => c.jobId === jobId && (!status || c.state.status === status));

      const own = seq('sub-own');
      await store.apply(own.next({ type: 'job.queued' }));
      await store.apply(own.next({ type: 'job.started' }));
      await waitFor(() => seen('sub-own', 'running'), 5000, 'its own change');
      await other.apply(seq('sub-other').next({ type: 'job.started' }));
      await waitFor(() => seen('sub-other', 'running'), 5000, "another handle's change");
      const change = changes.find((c) => c.jobId === 'sub-other');
      assert.deepEqual(change?.state, await store.get('sub-other'));

      unsubscribe();
      await store.apply(seq('sub-after').next({ type: 'job.queued' }));
      await other.apply(seq('sub-after-other').next({ type: 'job.queued' }));
      await sleep(600);
      assert.equal(seen('sub-before'), false, 'a change from before subscribing');
      assert.equal(seen('sub-after') || seen('sub-after-other'), false, 'a change after unsubscribing');
    });

    contract('fails with StoreUnavailableError once closed, through the returned promise', async (open) => {
      const store = open();
      const event = jobEvents(2)[0] as PhaseEvent;
      await store.apply(event);
      await store.close();
      const calls: Record<string, () => Promise<unknown>> = {
        apply: () => store.apply(event),
        claim: () => store.claim(event),
        get: () => store.get(event.jobId),
        list: () => store.list(),
        events: () => store.events(event.jobId),
        artifacts: () => store.artifacts(event.jobId),
        deadLetter: () => store.deadLetter({ receivedAt: at(0), reason: 'r', body: 'b' }),
        deadLetters: () => store.deadLetters(),
      };
      for (const [method, call] of Object.entries(calls)) assert.equal(await failureOf(call), StoreUnavailableError.name, method);
      await store.close();
    });

    contract('fails with StoreUnavailableError when the store cannot be reached', async (_open, h) => {
      const names = await h.unreachable();
      assert.ok(names.length > 0);
      for (const n of names) assert.equal(n, StoreUnavailableError.name);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The stores

statusStoreContract('SqliteStatusStore', () => {
  const dir = tempDir('provision-store-');
  let n = 0;
  return Promise.resolve({
    fresh() {
      const file = join(dir, `status-${++n}.sqlite`);
      return { open: () => new SqliteStatusStore(file) };
    },
    unreachable() {
      // A regular file where the database's directory should be.
      const blocker = join(dir, `not-a-directory-${++n}`);
      writeFileSync(blocker, '');
      const event = jobEvents(1)[0] as PhaseEvent;
      return Promise.all([failureOf(() => Promise.resolve().then(() => new SqliteStatusStore(join(blocker, 'status.sqlite')).apply(event)))]);
    },
  });
});

const PROJECT = 'provision-contract';
// Started while the SQLite cases run; the helper stops it when the file ends.
const firestoreEmulator = startFirestoreEmulator();

statusStoreContract('FirestoreStatusStore (emulator)', async () => {
  const started = Date.now();
  const emulator: RunningEmulator | string = await firestoreEmulator;
  if (typeof emulator === 'string') return `firestore emulator not available: ${emulator}`;
  console.log(`# firestore emulator on ${emulator.host} (ready ${Date.now() - started} ms after the cases asked)`);
  let n = 0;
  const run = `c${Date.now().toString(36)}`;
  return {
    fresh() {
      // A collection prefix per case keeps the cases apart on one emulator.
      const collectionPrefix = `${run}_${++n}`;
      // A small scan budget makes `list` page through its client-side filters.
      // The emulator serialises transactions, so contended ones wait longer than in the cloud.
      return { open: () => new FirestoreStatusStore({ projectId: PROJECT, emulatorHost: emulator.host, collectionPrefix, listScanLimit: 5, timeoutMs: 30_000 }) };
    },
    unreachable: () => unreachableFirestore(),
  };
});

/**
 * A Firestore client whose server is gone goes on retrying each call for about 45 s after
 * the store has answered `StoreUnavailableError`, which would hold this test file open; so
 * the check runs in a child process that is killed once it has reported.
 */
async function unreachableFirestore(): Promise<string[]> {
  const port = await freePort();
  const storeModule = pathToFileURL(fileURLToPath(new URL('../src/status/firestore-status-store.ts', import.meta.url))).href;
  const event = jobEvents(1)[0] as PhaseEvent;
  const script = `
    const { FirestoreStatusStore } = await import(${JSON.stringify(storeModule)});
    const store = new FirestoreStatusStore({ projectId: '${PROJECT}', emulatorHost: '127.0.0.1:${port}', timeoutMs: 1000 });
    const name = (p) => p.then(() => 'resolved', (err) => err.name);
    const names = await Promise.all([name(store.apply(${JSON.stringify(event)})), name(store.get('x')), name(store.list()), name(store.events('x'))]);
    process.stdout.write(JSON.stringify(names) + '\\n');
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    env: { ...process.env, FIRESTORE_EMULATOR_HOST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer from the child in 20 s: ${err.slice(-500)}`)), 20_000);
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n') && line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as string[]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the child exited (${code}) without answering: ${err.slice(-500)}`));
      });
    });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
