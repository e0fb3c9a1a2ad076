import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStatusService, unsupportedLocally, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { EventSequencer } from '../src/notify/phase-event.js';
import { reconcile } from '../src/server/reconciler.js';
import { jobIdForKey } from '../src/server/trigger.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import { RecordingLauncher } from './helpers/fake-launcher.js';
import { tempDir } from './helpers/tmp.js';

async function call(service: Service, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${service.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('trigger API', () => {
  const launcher = new RecordingLauncher();
  let service: Service;
  before(async () => {
    service = await startStatusService({
      env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_TRIGGER_RATE_LIMIT: '40', PROVISION_RECONCILE_MS: '0' }),
      logger: silentLogger,
      launcher,
      sweepMs: 0,
    });
  });
  after(() => service.close());

  it('answers 202 with a job id, launches one execution, and records job.queued with the execution name', async () => {
    const t0 = performance.now();
    const res = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/', options: { scale: 0.5, callbackUrl: 'http://127.0.0.1:9/hook' } });
    const ms = performance.now() - t0;
    assert.equal(res.status, 202);
    assert.ok(ms < 1000, `answered in ${ms.toFixed(0)} ms`);
    const jobId = String(res.json.jobId);
    assert.equal(res.json.statusUrl, `/jobs/${jobId}`);
    assert.equal(launcher.launched.at(-1)?.jobId, jobId);
    assert.equal(launcher.launched.at(-1)?.scale, 0.5);
    const detail = await call(service, 'GET', `/jobs/${jobId}`);
    const job = detail.json.job as { status: string; meta: Record<string, string> };
    assert.equal(job.status, 'queued');
    assert.match(job.meta.execution ?? '', /executions\/exec-/);
    assert.equal(job.meta.callbackUrl, 'http://127.0.0.1:9/hook');
  });

  it('returns the same job for the same Idempotency-Key, without launching twice', async () => {
    const before = launcher.launched.length;
    const a = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/idem' }, { 'idempotency-key': 'retry-me' });
    const b = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/idem' }, { 'idempotency-key': 'retry-me' });
    assert.equal(a.json.jobId, b.json.jobId);
    assert.equal(a.json.jobId, jobIdForKey('http://127.0.0.1:9/idem', 'retry-me'));
    assert.equal(launcher.launched.length, before + 1);
  });

  it('refuses bad requests with a clear code', async () => {
    const cases: Array<[unknown, string]> = [
      ['{not json', 'invalid_request'],
      [{ url: 'ftp://example.com/' }, 'invalid_url'],
      [{ url: 'https://example.com/', options: { scale: -1 } }, 'invalid_request'],
      [{ url: 'https://example.com/', extra: true }, 'invalid_request'],
      [{ url: 'https://example.com/', options: { strategy: 'llm' } }, 'invalid_request'],
    ];
    for (const [body, code] of cases) {
      const res = await call(service, 'POST', '/jobs', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((res.json.error as { code: string }).code, code, JSON.stringify(body));
    }
    // Local jobs inherit the server's environment: without a key or a project they could not run.
    assert.match(unsupportedLocally(parseServerEnv({}), { strategy: 'llm', warehouse: 'duckdb' }) ?? '', /needs ANTHROPIC_API_KEY/);
    assert.match(unsupportedLocally(parseServerEnv({}), { strategy: 'heuristic', warehouse: 'bigquery' }) ?? '', /needs GOOGLE_CLOUD_PROJECT/);
    // Cloud Run jobs carry their own key and project; a server with them launches locally too.
    assert.equal(unsupportedLocally(parseServerEnv({ PROVISION_LAUNCHER: 'cloudrun' }), { strategy: 'llm', warehouse: 'bigquery' }), undefined);
    assert.equal(unsupportedLocally(parseServerEnv({ ANTHROPIC_API_KEY: 'k', GOOGLE_CLOUD_PROJECT: 'p' }), { strategy: 'llm', warehouse: 'bigquery' }), undefined);
    const huge = await call(service, 'POST', '/jobs', { url: `https://example.com/${'a'.repeat(20_000)}` });
    assert.equal(huge.status, 413);
  });

  it('lists jobs and 404s unknown ones', async () => {
    const list = await call(service, 'GET', '/jobs?status=queued&limit=1');
    assert.equal((list.json.jobs as unknown[]).length, 1);
    assert.ok(typeof list.json.nextCursor === 'string');
    const next = await call(service, 'GET', `/jobs?status=queued&limit=1&cursor=${String(list.json.nextCursor)}`);
    assert.notDeepEqual((next.json.jobs as Array<{ jobId: string }>)[0]?.jobId, (list.json.jobs as Array<{ jobId: string }>)[0]?.jobId);
    assert.equal((await call(service, 'GET', '/jobs/nope-123456')).status, 404);
    assert.equal((await call(service, 'GET', '/jobs?status=sleeping')).status, 400);
  });

  it('cancels: asks the launcher to stop the execution; a job not started is recorded cancelled', async () => {
    const res = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/cancel' });
    const jobId = String(res.json.jobId);
    const cancel = await call(service, 'POST', `/jobs/${jobId}/cancel`);
    assert.equal(cancel.status, 202);
    assert.deepEqual(launcher.cancelled.at(-1), jobId);
    assert.equal(((await call(service, 'GET', `/jobs/${jobId}`)).json.job as { status: string }).status, 'cancelled');
    assert.equal((await call(service, 'POST', `/jobs/${jobId}/cancel`)).status, 409);
  });

  it('rate-limits POST /jobs per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/' })).status);
    assert.ok(statuses.includes(429), statuses.join(','));
  });
});

describe('trigger API safety', () => {
  it('refuses loopback and metadata URLs unless private networks are allowed', async () => {
    const service = await startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_RECONCILE_MS: '0' }), logger: silentLogger, launcher: new RecordingLauncher(), sweepMs: 0 });
    try {
      for (const url of ['http://127.0.0.1/', 'http://169.254.169.254/latest/', 'http://metadata.google.internal/', 'http://[::1]/', 'http://10.0.0.8/']) {
        const res = await call(service, 'POST', '/jobs', { url });
        assert.equal(res.status, 400, url);
        assert.equal((res.json.error as { code: string }).code, 'blocked_address', url);
      }
    } finally {
      await service.close();
    }
  });

  it('requires the bearer token when one is set, and refuses to listen beyond loopback without one', async () => {
    const service = await startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_API_TOKEN: 's3cret', PROVISION_RECONCILE_MS: '0' }), logger: silentLogger, launcher: new RecordingLauncher(), sweepMs: 0 });
    try {
      assert.equal((await call(service, 'GET', '/jobs')).status, 401);
      assert.equal((await call(service, 'GET', '/jobs', undefined, { authorization: 'Bearer wrong' })).status, 401);
      assert.equal((await call(service, 'GET', '/jobs', undefined, { authorization: 'Bearer s3cret' })).status, 200);
      assert.equal((await call(service, 'GET', '/healthz')).status, 200);
    } finally {
      await service.close();
    }
    await assert.rejects(
      startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_HOST: '0.0.0.0', PROVISION_PUSH_AUTH: 'none', PROVISION_STATE_DIR: tempDir() }), logger: silentLogger, launcher: new RecordingLauncher() }),
      /PROVISION_API_TOKEN/,
    );
  });
});

describe('reconciler', () => {
  it('marks a job failed when its execution ended without a terminal event', async () => {
    const store = new SqliteStatusStore(join(tempDir(), 'status.sqlite'));
    const launcher = new RecordingLauncher();
    try {
      const seq = new EventSequencer('crashed-job', 0, () => new Date(Date.now() - 60_000));
      await store.apply(seq.next({ type: 'job.started', output: { execution: 'executions/x' } }));
      await store.apply(new EventSequencer('healthy-job', 0, () => new Date(Date.now() - 60_000)).next({ type: 'job.started' }));
      launcher.states.set('crashed-job', { state: 'failed', reason: 'the container ran out of memory' });
      launcher.states.set('healthy-job', { state: 'running' });
      const marked = await reconcile({ store, launcher, logger: silentLogger });
      assert.deepEqual(marked, ['crashed-job']);
      const state = await store.get('crashed-job');
      assert.equal(state?.status, 'failed');
      assert.match(state?.error?.message ?? '', /out of memory/);
      assert.equal((await store.get('healthy-job'))?.status, 'running');
    } finally {
      await store.close();
    }
  });
});

describe('trigger reads after writes', () => {
  const launcher = new RecordingLauncher();
  let service: Service;
  const stateDir = tempDir();
  before(async () => {
    service = await startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: stateDir, PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_RECONCILE_MS: '0' }), logger: silentLogger, launcher, sweepMs: 0 });
  });
  after(() => service.close());
  const ids = (res: { json: Record<string, unknown> }): string[] => (res.json.jobs as Array<{ jobId: string }>).map((j) => j.jobId);

  it('a burst of POSTs is answered first and recorded right after; every read sees its own writes', async () => {
    const posted = await Promise.all(Array.from({ length: 20 }, (_, i) => call(service, 'POST', '/jobs', { url: `http://127.0.0.1:9/burst-${i}` })));
    const listed = await call(service, 'GET', '/jobs?limit=200');
    for (const p of posted) assert.ok(ids(listed).includes(String(p.json.jobId)));
    const one = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/one' });
    assert.equal((await call(service, 'GET', `/jobs/${String(one.json.jobId)}`)).status, 200);
  });

  it('serves a repeated list from its cache until the store changes, from this process or another', async () => {
    const first = await call(service, 'GET', '/jobs?limit=200');
    const again = await call(service, 'GET', '/jobs?limit=200');
    assert.deepEqual(again.json, first.json);
    const posted = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/after-cache' });
    assert.ok(ids(await call(service, 'GET', '/jobs?limit=200')).includes(String(posted.json.jobId)), 'a POST clears the cached list');
    // Another process writing the same SQLite file (a job with the direct publisher).
    const other = new SqliteStatusStore(join(stateDir, 'status.sqlite'));
    try {
      await other.apply(new EventSequencer('written-elsewhere', 0).next({ type: 'job.queued', output: { url: 'http://127.0.0.1:9/elsewhere' } }));
    } finally {
      await other.close();
    }
    const deadline = Date.now() + 3_000;
    while (!ids(await call(service, 'GET', '/jobs?limit=200')).includes('written-elsewhere')) {
      assert.ok(Date.now() < deadline, "another process's write shows within the store's change notice");
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});

describe('one launch per Idempotency-Key', () => {
  const post = (service: Service, key: string, url = 'http://127.0.0.1:9/once') => call(service, 'POST', '/jobs', { url }, { 'idempotency-key': key });
  const env = (stateDir: string) => parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: stateDir, PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_TRIGGER_RATE_LIMIT: '100000', PROVISION_RECONCILE_MS: '0' });

  it('50 concurrent POSTs with one key, against a launcher that takes 200 ms: one launch, one job id, job.queued recorded once', async () => {
    const launcher = new RecordingLauncher();
    launcher.delayMs = 200;
    const service = await startStatusService({ env: env(tempDir()), logger: silentLogger, launcher, sweepMs: 0 });
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => post(service, 'burst-key')));
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
      const ids = new Set(answers.map((a) => String(a.json.jobId)));
      assert.equal(ids.size, 1);
      assert.equal(launcher.launched.length, 1, 'exactly one launch');
      const jobId = [...ids][0] as string;
      const queued = (await service.store.events(jobId)).filter((e) => e.type === 'job.queued');
      assert.equal(queued.length, 2, 'the claim and the execution it launched, once each');
      assert.match((await service.store.get(jobId))?.meta.execution ?? '', /exec-1$/);
    } finally {
      await service.close();
    }
  });

  it('two API instances sharing one store: 50 concurrent POSTs with one key across both launch once', async () => {
    const stateDir = tempDir();
    const launchers = [new RecordingLauncher(), new RecordingLauncher()];
    for (const l of launchers) l.delayMs = 200;
    const services = await Promise.all(launchers.map((launcher) => startStatusService({ env: env(stateDir), logger: silentLogger, launcher, sweepMs: 0 })));
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(services[i % 2] as Service, 'shared-key')));
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
      assert.equal(new Set(answers.map((a) => String(a.json.jobId))).size, 1);
      assert.equal(launchers[0]!.launched.length + launchers[1]!.launched.length, 1, 'one launch across both instances');
    } finally {
      await Promise.all(services.map((s) => s.close()));
    }
  });

  it('a launch that fails gives the claim back: the retry with the same key launches', async () => {
    const launcher = new RecordingLauncher();
    launcher.failNext = 1;
    const service = await startStatusService({ env: env(tempDir()), logger: silentLogger, launcher, sweepMs: 0 });
    try {
      const failed = await post(service, 'flaky-key');
      assert.equal(failed.status, 500);
      assert.equal(await service.store.get(jobIdForKey('http://127.0.0.1:9/once', 'flaky-key')), undefined, 'no job is left claimed without an execution');
      const retried = await post(service, 'flaky-key');
      assert.equal(retried.status, 202);
      assert.equal(launcher.launched.length, 1);
      assert.equal(retried.json.jobId, jobIdForKey('http://127.0.0.1:9/once', 'flaky-key'));
    } finally {
      await service.close();
    }
  });

  it('records job.queued before answering: a store read right after the answer, by another handle, finds the job', async () => {
    const stateDir = tempDir();
    const service = await startStatusService({ env: env(stateDir), logger: silentLogger, launcher: new RecordingLauncher(), sweepMs: 0 });
    const other = new SqliteStatusStore(join(stateDir, 'status.sqlite'));
    try {
      const res = await call(service, 'POST', '/jobs', { url: 'http://127.0.0.1:9/durable' });
      const state = await other.get(String(res.json.jobId));
      assert.equal(state?.status, 'queued');
      assert.equal(state?.meta.url, 'http://127.0.0.1:9/durable');
    } finally {
      await other.close();
      await service.close();
    }
  });
});
