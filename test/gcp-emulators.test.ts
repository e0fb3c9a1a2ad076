import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { startStatusService } from '../src/app/serve.js';
import { FirestoreCheckpointStore } from '../src/checkpoints/firestore-checkpoint-store.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { RunSummarySchema } from '../src/pipeline/summary.js';
import { serveSample } from '../src/samples/serve-site.js';
import { runCli } from './helpers/cli.js';
import { startFirestoreEmulator, startPubsubEmulator, type RunningEmulator } from './helpers/emulators.js';
import { tempDir } from './helpers/tmp.js';
import { until } from './helpers/wait.js';

const PROJECT = 'demo-provision';


// Started at the top level: `after(stop)` must attach to the file, not to a `before` hook,
// which would stop the emulator as soon as the hook ends.
const firestoreEmulator = startFirestoreEmulator();
const pubsubEmulator = startPubsubEmulator();

describe('Firestore checkpoints (emulator)', () => {
  let emulator: RunningEmulator | string;
  before(async () => (emulator = await firestoreEmulator));

  it('a retried task in a fresh container resumes from checkpoints kept in Firestore', async (t) => {
    if (typeof emulator === 'string') {
      console.log(`# SKIP firestore emulator not available: ${emulator}`);
      return t.skip(`firestore emulator not available: ${emulator}`);
    }
    const store = new FirestoreCheckpointStore({ projectId: PROJECT, emulatorHost: emulator.host });
    await store.save('cp-unit', 'story', { fingerprint: 'f1', savedAt: '2026-11-25T00:00:00Z', output: { deep: { nested: [1, { x: 'y' }] } } });
    assert.deepEqual((await store.load('cp-unit', 'story'))?.output, { deep: { nested: [1, { x: 'y' }] } });
    await store.clear('cp-unit');
    assert.equal(await store.load('cp-unit', 'story'), undefined);
    await store.close();

    const site = await serveSample('northwind-outfitters');
    try {
      const env = { PROVISION_CHECKPOINT_STORE: 'firestore', FIRESTORE_EMULATOR_HOST: emulator.host, GOOGLE_CLOUD_PROJECT: PROJECT };
      const args = (stateDir: string): string[] => ['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'fs-resume', '--until', 'model'];
      const first = await runCli(args(tempDir()), { env: { ...env, CLOUD_RUN_TASK_ATTEMPT: '0' } });
      assert.equal(first.code, 0, first.stderr);
      // A new attempt runs in a new container: a different, empty state directory.
      const second = await runCli(args(tempDir()), { env: { ...env, CLOUD_RUN_TASK_ATTEMPT: '1' } });
      assert.equal(second.code, 0, second.stderr);
      const summary = RunSummarySchema.parse(JSON.parse(second.stdout));
      assert.deepEqual(summary.stages.slice(0, 3).map((s) => s.resumed), [true, true, true]);
    } finally {
      await site.close();
    }
  });
});

describe('Pub/Sub end to end (emulator): publish, push, store', () => {
  let emulator: RunningEmulator | string;
  before(async () => (emulator = await pubsubEmulator));

  it('a job publishing to Pub/Sub reaches the status store through an ordered push subscription', async (t) => {
    if (typeof emulator === 'string') {
      console.log(`# SKIP pubsub emulator not available: ${emulator}`);
      return t.skip(`pubsub emulator not available: ${emulator}`);
    }
    const host = emulator.host;
    const stateDir = tempDir();
    const service = await startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: stateDir, PROVISION_RECONCILE_MS: '0', PROVISION_PUSH_AUTH: 'none' }), logger: silentLogger, sweepMs: 0 });
    const site = await serveSample('ledgerly');
    // Topic and push subscription through the emulator's REST surface, as deploy.sh does with gcloud.
    const admin = async (path: string, body: unknown): Promise<void> => {
      const res = await fetch(`http://${host}/v1/projects/${PROJECT}/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.ok(res.ok, `${path}: ${res.status} ${await res.text()}`);
    };
    try {
      await admin('topics/provision-events', {});
      await admin('subscriptions/provision-events-push', {
        topic: `projects/${PROJECT}/topics/provision-events`,
        pushConfig: { pushEndpoint: `${service.url}/pubsub/push` },
        enableMessageOrdering: true,
        ackDeadlineSeconds: 10,
      });
      const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'pubsub-e2e'], {
        env: { PROVISION_EVENTS_TOPIC: 'provision-events', GOOGLE_CLOUD_PROJECT: PROJECT, PUBSUB_EMULATOR_HOST: host },
      });
      assert.equal(run.code, 0, run.stderr);
      const state = await until('the job to complete in the store', async () => {
        const s = await service.store.get('pubsub-e2e');
        return s?.status === 'completed' ? s : undefined;
      }, 30_000);
      assert.deepEqual(state.stages.map((s) => s.status), Array(7).fill('completed'));
      assert.equal(state.meta.company, 'Ledgerly');
      assert.ok((await service.store.artifacts('pubsub-e2e')).validate, 'the validation report arrived');
    } finally {
      await site.close();
      await service.close();
    }
  });
});
