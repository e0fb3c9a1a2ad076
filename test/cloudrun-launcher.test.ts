import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStatusService, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { EventSequencer } from '../src/notify/phase-event.js';
import { reconcile } from '../src/server/reconciler.js';
import { FakeCloudRun } from './helpers/fake-cloud-run.js';
import { tempDir } from './helpers/tmp.js';

describe('Cloud Run launcher against a fake Cloud Run Admin API', () => {
  const fake = new FakeCloudRun();
  let service: Service;
  before(async () => {
    const endpoint = await fake.start();
    service = await startStatusService({
      env: parseServerEnv({
        PORT: '0',
        PROVISION_STATE_DIR: tempDir(),
        PROVISION_LAUNCHER: 'cloudrun',
        GOOGLE_CLOUD_PROJECT: 'demo-project',
        PROVISION_REGION: 'europe-west1',
        PROVISION_JOB_NAME: 'provision',
        CLOUD_RUN_API_ENDPOINT: endpoint,
        PROVISION_ALLOW_PRIVATE_NETWORK: '1',
        PROVISION_RECONCILE_MS: '0',
      }),
      logger: silentLogger,
      sweepMs: 0,
    });
  });
  after(async () => {
    await service.close();
    fake.close();
  });

  const post = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, string> }> => {
    const res = await fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, string> };
  };
  /** Reads a job through the API, as a client would (the trigger records `job.queued` just after answering). */
  const job = async (jobId: string | undefined): Promise<{ status: string; meta: Record<string, string> }> => {
    const res = await fetch(`${service.url}/jobs/${jobId ?? ''}`);
    return ((await res.json()) as { job: { status: string; meta: Record<string, string> } }).job;
  };

  it('POST /jobs calls runJob with the overrides and returns at once with the execution recorded', async () => {
    const t0 = performance.now();
    const res = await post('/jobs', { url: 'http://127.0.0.1:9/', options: { scale: 2, callbackUrl: 'http://127.0.0.1:9/hook' } });
    assert.equal(res.status, 202);
    assert.ok(performance.now() - t0 < 2000, 'the trigger does not wait for the execution');
    const run = fake.requests.find((r) => r.path.endsWith(':run'));
    assert.equal(run?.path, '/v2/projects/demo-project/locations/europe-west1/jobs/provision:run');
    assert.equal(run?.authorization, 'Bearer loopback-test-token');
    const container = (run?.body.overrides as { containerOverrides: Array<{ args: string[]; env: Array<{ name: string; value: string }> }>; taskCount: number }).containerOverrides[0];
    assert.deepEqual(container?.args.slice(0, 4), ['run', 'http://127.0.0.1:9/', '--job-id', res.json.jobId]);
    assert.ok(container?.args.includes('--callback-url'));
    // Not asked for: the job's own configuration (jobs.yaml: bigquery; Claude with its key) decides.
    assert.ok(!container?.args.includes('--strategy') && !container?.args.includes('--warehouse'), container?.args.join(' '));
    assert.deepEqual(container?.env, [{ name: 'CUSTOMER_URL', value: 'http://127.0.0.1:9/' }, { name: 'JOB_ID', value: res.json.jobId }]);
    assert.match(res.json.execution ?? '', /^projects\/demo-project\/locations\/europe-west1\/jobs\/provision\/executions\/exec-\d+$/);
    assert.equal((await job(res.json.jobId)).meta.execution, res.json.execution);
  });

  it('retries a lost runJob answer without launching twice', async () => {
    const runsBefore = fake.requests.filter((r) => r.path.endsWith(':run')).length;
    fake.failNextRuns = 1;
    const res = await post('/jobs', { url: 'http://127.0.0.1:9/flaky' });
    assert.equal(res.status, 202);
    assert.equal(fake.requests.filter((r) => r.path.endsWith(':run')).length, runsBefore + 1, 'one runJob');
    assert.ok(fake.requests.some((r) => r.path.endsWith('/executions') && r.method === 'GET'), 'looked for the execution first');
    assert.ok(res.json.execution, 'the execution the lost answer started is recorded');
  });

  it('cancel calls cancelExecution on the recorded execution', async () => {
    const res = await post('/jobs', { url: 'http://127.0.0.1:9/cancel' });
    const cancel = await post(`/jobs/${res.json.jobId}/cancel`, {});
    assert.equal(cancel.status, 202);
    assert.ok(fake.requests.some((r) => r.method === 'POST' && r.path === `/v2/${res.json.execution}:cancel`));
  });

  it('the reconciler reads getExecution and marks a job whose execution died without reporting', async () => {
    const res = await post('/jobs', { url: 'http://127.0.0.1:9/oom' });
    const execution = fake.executions.get(res.json.execution ?? '');
    assert.ok(execution);
    assert.equal((await job(res.json.jobId)).status, 'queued');
    Object.assign(execution, { runningCount: 0, failedCount: 1, completionTime: new Date().toISOString(), conditions: [{ type: 'Completed', state: 'CONDITION_FAILED', message: 'Task exec-4-task0 failed: memory limit of 2Gi exceeded' }] });
    // The job started an hour ago and never reported an end.
    await service.store.apply(new EventSequencer(res.json.jobId ?? '', 0, () => new Date(Date.now() - 3_600_000), 1).next({ type: 'job.started' }));
    const marked = await reconcile({ store: service.store, launcher: service.launcher, logger: silentLogger, now: () => Date.now() + 3_600_000 });
    assert.ok(marked.includes(res.json.jobId ?? ''));
    const state = await service.store.get(res.json.jobId ?? '');
    assert.equal(state?.status, 'failed');
    assert.match(state?.error?.message ?? '', /memory limit of 2Gi exceeded/);
    assert.ok(fake.requests.some((r) => r.method === 'GET' && r.path === `/v2/${res.json.execution}`));
  });
});

describe('Cloud Run launcher: one execution per Idempotency-Key', () => {
  it('50 concurrent POSTs with one key, runJob taking 200 ms: exactly one runJob', async () => {
    const fake = new FakeCloudRun();
    fake.runDelayMs = 200;
    const endpoint = await fake.start();
    const service = await startStatusService({
      env: parseServerEnv({
        PORT: '0',
        PROVISION_STATE_DIR: tempDir(),
        PROVISION_LAUNCHER: 'cloudrun',
        GOOGLE_CLOUD_PROJECT: 'demo-project',
        CLOUD_RUN_API_ENDPOINT: endpoint,
        PROVISION_ALLOW_PRIVATE_NETWORK: '1',
        PROVISION_TRIGGER_RATE_LIMIT: '100000',
        PROVISION_RECONCILE_MS: '0',
      }),
      logger: silentLogger,
      sweepMs: 0,
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const res = await fetch(`${service.url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'one-key' }, body: JSON.stringify({ url: 'http://127.0.0.1:9/once' }) });
          return { status: res.status, json: (await res.json()) as Record<string, string> };
        }),
      );
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
      assert.equal(new Set(answers.map((a) => a.json.jobId)).size, 1);
      const runs = fake.requests.filter((r) => r.path.endsWith(':run'));
      console.log(`# launches for one key under 50 concurrent requests (Cloud Run fake, 200 ms runJob): ${runs.length}`);
      assert.equal(runs.length, 1, 'exactly one runJob');
    } finally {
      await service.close();
      fake.close();
    }
  });
});
