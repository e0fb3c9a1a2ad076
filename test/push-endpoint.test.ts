import assert from 'node:assert/strict';
import { generateKeyPairSync, createSign } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStatusService, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { toPushEnvelope } from '../src/notify/push-envelope.js';
import type { PhaseEvent } from '../src/notify/phase-event.js';
import { certsIdTokenVerifier, type PushAuth } from '../src/server/push-auth.js';
import { applyEvents } from '../src/status/apply-event.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import { StoreUnavailableError, type StatusStore } from '../src/status/status-store.js';
import { jobEvents, shuffle } from './helpers/events.js';
import { tempDir } from './helpers/tmp.js';

function push(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return fetch(`${url}/pubsub/push`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
}

/** A store that can be switched off, standing in for Firestore or a locked disk. */
function flakyStore(inner: StatusStore): StatusStore & { down: boolean } {
  const wrapper = Object.create(inner) as StatusStore & { down: boolean };
  wrapper.down = false;
  wrapper.apply = (e: PhaseEvent) => (wrapper.down ? Promise.reject(new StoreUnavailableError('down for the test')) : inner.apply(e));
  return wrapper;
}

async function start(store: StatusStore, auth: PushAuth = { mode: 'none' }): Promise<Service> {
  return startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir() }), logger: silentLogger, store, auth, sweepMs: 0 });
}

describe('POST /pubsub/push', () => {
  const store = new SqliteStatusStore(join(tempDir(), 'status.sqlite'));
  const flaky = flakyStore(store);
  let service: Service;
  before(async () => (service = await start(flaky)));
  after(async () => {
    await service.close();
    await store.close();
  });

  it('applies an event and answers 204', async () => {
    const [first] = jobEvents('push-one');
    assert.ok(first);
    assert.equal(await push(service.url, toPushEnvelope(first)), 204);
    assert.equal((await store.get('push-one'))?.status, 'running');
  });

  it('reaches the in-order state whatever the delivery order, with 20% duplicates, concurrently', async () => {
    const jobs = Array.from({ length: 10 }, (_, i) => `push-reorder-${i}`);
    const events = jobs.flatMap((j) => jobEvents(j));
    const deliveries = shuffle([...events, ...events.filter((_, i) => i % 5 === 0)], 42);
    const statuses = await Promise.all(deliveries.map((e) => push(service.url, toPushEnvelope(e))));
    assert.ok(statuses.every((s) => s === 204));
    for (const jobId of jobs) {
      const expected = applyEvents(undefined, events.filter((e) => e.jobId === jobId));
      assert.deepEqual(await store.get(jobId), expected, jobId);
    }
  });

  it('acknowledges poison messages and keeps them in the dead-letter table', async () => {
    const before = (await store.deadLetters()).length;
    assert.equal(await push(service.url, 'not json at all'), 204);
    assert.equal(await push(service.url, { message: { data: '!!!not base64 json' } }), 204);
    assert.equal(await push(service.url, { message: { data: Buffer.from(JSON.stringify({ v: 2, hello: 'world' })).toString('base64') } }), 204);
    const letters = await store.deadLetters();
    assert.equal(letters.length, before + 3);
    assert.match(letters[0]?.reason ?? '', /v1 schema/);
  });

  it('answers 503 while the store is down, and a redelivery afterwards recovers the state', async () => {
    const events = jobEvents('push-outage');
    flaky.down = true;
    const during = await Promise.all(events.map((e) => push(service.url, toPushEnvelope(e))));
    assert.ok(during.every((s) => s === 503));
    assert.equal(await store.get('push-outage'), undefined);
    flaky.down = false;
    // Pub/Sub redelivers what was not acknowledged, in any order.
    const afterwards = await Promise.all(shuffle(events, 7).map((e) => push(service.url, toPushEnvelope(e))));
    assert.ok(afterwards.every((s) => s === 204));
    assert.equal((await store.get('push-outage'))?.status, 'completed');
  });

  it('keeps the artifacts and the log tail for the job page', async () => {
    const artifacts = await store.artifacts('push-reorder-0');
    assert.deepEqual(artifacts.research, { stage: 'research', jobId: 'push-reorder-0' });
    assert.equal(Object.keys(artifacts).length, 7);
    const tail = await store.events('push-reorder-0', { limit: 3 });
    assert.deepEqual(tail.map((e) => e.type), ['stage.progress', 'stage.completed', 'job.completed']);
  });

  it('rejects other methods and oversized bodies', async () => {
    assert.equal((await fetch(`${service.url}/pubsub/push`)).status, 405);
    assert.equal(await push(service.url, JSON.stringify({ message: { data: 'x'.repeat(2 * 1024 * 1024) } })), 413);
  });
});

describe('push authentication (OIDC)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const audience = 'https://status.example.com/pubsub/push';
  const pushAccount = 'push@demo-project.iam.gserviceaccount.com';
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = (claims: Record<string, unknown>): string => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })}.${b64({ iss: 'https://accounts.google.com', aud: audience, sub: '123', iat: now, exp: now + 600, email: pushAccount, email_verified: true, ...claims })}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
  };
  const store = new SqliteStatusStore(join(tempDir(), 'status.sqlite'));
  let service: Service;
  before(async () => {
    service = await start(store, { mode: 'oidc', audience, serviceAccountEmail: pushAccount, verifier: certsIdTokenVerifier({ 'test-key': publicKey.export({ type: 'spki', format: 'pem' }).toString() }) });
  });
  after(async () => {
    await service.close();
    await store.close();
  });
  const envelope = (): unknown => toPushEnvelope(jobEvents(`auth-${Math.random().toString(36).slice(2, 8)}`)[0] as PhaseEvent);

  it('accepts a valid token from the push service account', async () => {
    assert.equal(await push(service.url, envelope(), { authorization: `Bearer ${token({})}` }), 204);
  });
  it('refuses a missing token, a wrong audience and a forged signature with 401', async () => {
    assert.equal(await push(service.url, envelope()), 401);
    assert.equal(await push(service.url, envelope(), { authorization: `Bearer ${token({ aud: 'https://elsewhere.example.com/' })}` }), 401);
    const forged = token({}).replace(/\.[^.]+$/, '.AAAA');
    assert.equal(await push(service.url, envelope(), { authorization: `Bearer ${forged}` }), 401);
  });
  it('refuses another account or an unverified email with 403', async () => {
    assert.equal(await push(service.url, envelope(), { authorization: `Bearer ${token({ email: 'someone@evil.example.com' })}` }), 403);
    assert.equal(await push(service.url, envelope(), { authorization: `Bearer ${token({ email_verified: false })}` }), 403);
  });
});

describe('push authentication behind Cloud Run IAM (the token forwarded with its signature removed)', () => {
  // Cloud Run accepts only the service URL (no path) or a custom audience as the audience.
  const audience = 'https://provision-api-abc123-ew.a.run.app';
  const pushAccount = 'provision-push@demo-project.iam.gserviceaccount.com';
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const unsigned = (claims: Record<string, unknown>): string => {
    const now = Math.floor(Date.now() / 1000);
    return `${b64({ alg: 'RS256', kid: 'google-key', typ: 'JWT' })}.${b64({ iss: 'https://accounts.google.com', aud: audience, azp: '1234', sub: '1234', iat: now - 10, exp: now + 3590, email: pushAccount, email_verified: true, ...claims })}`;
  };
  /** Exactly what Cloud Run hands the container after checking the token itself. */
  const forwarded = (claims: Record<string, unknown> = {}): string => `${unsigned(claims)}.SIGNATURE_REMOVED_BY_GOOGLE`;
  const signed = (claims: Record<string, unknown> = {}): string => {
    const body = unsigned(claims);
    return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
  };
  const envelope = (): unknown => toPushEnvelope(jobEvents(`iam-${Math.random().toString(36).slice(2, 8)}`)[0] as PhaseEvent);
  const store = new SqliteStatusStore(join(tempDir(), 'status.sqlite'));
  let iam: Service;
  let direct: Service;
  before(async () => {
    // The configuration deploy.sh gives the API service, read the way `provision serve` reads it.
    const env = parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_PUSH_AUTH: 'oidc', PROVISION_PUSH_AUDIENCE: audience, PROVISION_PUSH_SERVICE_ACCOUNT: pushAccount, PROVISION_PUSH_BEHIND_IAM: '1' });
    iam = await startStatusService({ env, logger: silentLogger, store, sweepMs: 0 });
    // No IAM in front: the app must verify the signature (here against a key Google never used).
    const { publicKey: other } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    direct = await start(store, { mode: 'oidc', audience, serviceAccountEmail: pushAccount, verifier: certsIdTokenVerifier({ 'google-key': other.export({ type: 'spki', format: 'pem' }).toString() }) });
  });
  after(async () => {
    await iam.close();
    await direct.close();
    await store.close();
  });

  it('accepts a push exactly as Cloud Run forwards it', async () => {
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${forwarded()}` }), 204);
  });
  it('refuses another service account or an unverified email with 403', async () => {
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${forwarded({ email: 'provision-job@demo-project.iam.gserviceaccount.com' })}` }), 403);
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${forwarded({ email_verified: false })}` }), 403);
  });
  it('refuses a wrong audience (the old /pubsub/push one too), another issuer and an expired token with 401', async () => {
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${forwarded({ aud: `${audience}/pubsub/push` })}` }), 401);
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${forwarded({ iss: 'https://evil.example.com' })}` }), 401);
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${forwarded({ exp: Math.floor(Date.now() / 1000) - 1 })}` }), 401);
  });
  it('refuses a token whose signature was not removed by Google, and no token at all', async () => {
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${signed()}` }), 401);
    assert.equal(await push(iam.url, envelope(), { authorization: `Bearer ${unsigned({})}.` }), 401);
    assert.equal(await push(iam.url, envelope()), 401);
  });
  it('without IAM in front, refuses the unsigned token and one signed by another key', async () => {
    assert.equal(await push(direct.url, envelope(), { authorization: `Bearer ${forwarded()}` }), 401);
    assert.equal(await push(direct.url, envelope(), { authorization: `Bearer ${unsigned({})}.` }), 401);
    assert.equal(await push(direct.url, envelope(), { authorization: `Bearer ${signed()}` }), 401);
  });
});
