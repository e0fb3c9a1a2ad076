import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStatusService, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import type { ExecutionStatus, JobLauncher, LaunchRequest, Launched } from '../src/launch/job-launcher.js';
import { silentLogger } from '../src/logging/logger.js';
import { EventSequencer } from '../src/notify/phase-event.js';
import { tempDir } from './helpers/tmp.js';

/** Starts nothing: these tests feed the status store themselves. */
class IdleLauncher implements JobLauncher {
  readonly kind = 'local' as const;
  launch(_request: LaunchRequest): Promise<Launched> {
    return Promise.resolve({ execution: 'local:test' });
  }
  cancel(): Promise<boolean> {
    return Promise.resolve(true);
  }
  status(): Promise<ExecutionStatus> {
    return Promise.resolve({ state: 'running' });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface SseEvent {
  event: string;
  data: unknown;
}

/** A Server-Sent Events client over fetch: `next` waits for the next matching event. */
async function openSse(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; next(event: string, match?: (data: never) => boolean, timeoutMs?: number): Promise<SseEvent>; close(): void }> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const queue: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) queue.push({ event, data: JSON.parse(data) as unknown });
            for (const w of waiters.splice(0)) w();
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    async next(event, match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = queue.findIndex((e) => e.event === event && match(e.data as never));
        if (i >= 0) return queue.splice(0, i + 1).at(-1) as SseEvent;
        if (Date.now() > deadline) throw new Error(`no ${event} event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => abort.abort(),
  };
}

const AGENT = {
  context: { agentName: 'provision-acme', systemInstruction: 'system_instruction: |-\n  You are the analyst of <Acme>.\n', tables: [], relationships: [], glossary: [], exampleQueries: [] },
  yamlFile: '/tmp/x.yaml',
};

describe('dashboard HTTP endpoints', () => {
  let service: Service;
  before(async () => {
    service = await startStatusService({
      env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_RECONCILE_MS: '0' }),
      logger: silentLogger,
      launcher: new IdleLauncher(),
      sweepMs: 0,
    });
  });
  after(() => service.close());

  it('serves the pages with a strict content security policy, next to the JSON API', async () => {
    const seq = new EventSequencer('acme-job-1', 0);
    await service.store.apply(seq.next({ type: 'job.queued', output: { url: 'http://127.0.0.1:9/', company: 'Acme <b>Corp</b>', strategy: 'heuristic', warehouse: 'duckdb', scale: 2 } }));
    for (const path of ['/', '/new', '/jobs/acme-job-1/view', '/?status=queued&company=acme']) {
      const res = await fetch(`${service.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const text = await res.text();
      assert.ok(!text.includes('<b>Corp</b>'), `${path} escapes the company name`);
    }
    assert.match(await (await fetch(`${service.url}/`)).text(), /Acme &lt;b&gt;Corp&lt;\/b&gt;/);
    assert.match(await (await fetch(`${service.url}/jobs/acme-job-1/view`)).text(), /data-scale="2"/);
    assert.equal((await fetch(`${service.url}/jobs/nope-1/view`)).status, 404);
    // The JSON API keeps its paths.
    const api = await fetch(`${service.url}/jobs/acme-job-1`);
    assert.match(api.headers.get('content-type') ?? '', /json/);
    assert.equal(((await api.json()) as { job: { jobId: string } }).job.jobId, 'acme-job-1');
    for (const [path, type] of [['/assets/app.js', 'text/javascript'], ['/assets/app.css', 'text/css'], ['/assets/icon.svg', 'image/svg+xml']] as const) {
      const res = await fetch(`${service.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', new RegExp(type.replace('+', '\\+')));
      await res.arrayBuffer();
    }
    assert.equal((await fetch(`${service.url}/assets/../../package.json`)).status, 404);
  });

  it('streams a job: a snapshot, then every change, as rendered fragments', async () => {
    const seq = new EventSequencer('acme-job-2', 0);
    await service.store.apply(seq.next({ type: 'job.queued', output: { url: 'http://127.0.0.1:9/', strategy: 'heuristic', warehouse: 'duckdb' } }));
    const sse = await openSse(`${service.url}/jobs/acme-job-2/stream`);
    try {
      assert.equal(sse.status, 200);
      assert.match(sse.type, /^text\/event-stream/);
      const first = (await sse.next('state')).data as { status: string; timeline: string };
      assert.equal(first.status, 'queued');
      assert.match(first.timeline, /data-stage="research" data-status="pending"/);
      await service.store.apply(seq.next({ type: 'job.started' }));
      await service.store.apply(seq.next({ type: 'stage.started', stage: 'research', message: 'fetching <the> home page' }));
      const running = (await sse.next('state', (d: { timeline: string }) => d.timeline.includes('data-stage="research" data-status="running"'))).data as { timeline: string; log: string; terminal: boolean };
      assert.match(running.timeline, /fetching &lt;the&gt; home page/);
      assert.match(running.log, /stage\.started/);
      assert.equal(running.terminal, false);
      await service.store.apply(seq.next({ type: 'stage.failed', stage: 'research', error: { code: 'timeout', message: 'The site took 20 s.', retryable: true } }));
      await service.store.apply(seq.next({ type: 'job.failed', error: { code: 'timeout', message: 'The site took 20 s.', retryable: true } }));
      const failed = (await sse.next('state', (d: { status: string }) => d.status === 'failed')).data as { timeline: string; terminal: boolean; header: string };
      assert.equal(failed.terminal, true);
      assert.match(failed.timeline, /<code>timeout<\/code> The site took too long to answer\./);
      assert.match(failed.header, /Retrying could help/);
    } finally {
      sse.close();
    }
    assert.equal((await fetch(`${service.url}/jobs/missing-9/stream`)).status, 404);
  });

  it('streams the jobs list, filtered like the page', async () => {
    const all = await openSse(`${service.url}/stream`);
    const running = await openSse(`${service.url}/stream?status=running`);
    try {
      await all.next('ready');
      await running.next('ready');
      const seq = new EventSequencer('acme-job-3', 0);
      await service.store.apply(seq.next({ type: 'job.queued', output: { url: 'http://127.0.0.1:9/', company: 'Acme "Live" <i>Co</i>' } }));
      const row = (await all.next('job', (d: { jobId: string }) => d.jobId === 'acme-job-3')).data as { row: string; status: string };
      assert.equal(row.status, 'queued');
      assert.match(row.row, /^<tr id="job-acme-job-3"/);
      assert.match(row.row, /Acme &quot;Live&quot; &lt;i&gt;Co&lt;\/i&gt;/);
      const gone = (await running.next('job', (d: { jobId: string }) => d.jobId === 'acme-job-3')).data as { remove?: boolean };
      assert.equal(gone.remove, true, 'a queued job is not in the running list');
      await service.store.apply(seq.next({ type: 'job.started' }));
      const now = (await running.next('job', (d: { jobId: string; remove?: boolean }) => d.jobId === 'acme-job-3' && !d.remove)).data as { status: string };
      assert.equal(now.status, 'running');
    } finally {
      all.close();
      running.close();
    }
  });

  it('downloads the agent context as YAML', async () => {
    const seq = new EventSequencer('acme-job-4', 0);
    await service.store.apply(seq.next({ type: 'job.queued', output: { url: 'http://127.0.0.1:9/' } }));
    assert.equal((await fetch(`${service.url}/jobs/acme-job-4/agent.yaml`)).status, 404);
    await service.store.apply(seq.next({ type: 'stage.completed', stage: 'agent', output: { artifact: AGENT }, metrics: { durationMs: 3 } }));
    const res = await fetch(`${service.url}/jobs/acme-job-4/agent.yaml`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/yaml/);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="provision-acme.yaml"');
    assert.equal(await res.text(), AGENT.context.systemInstruction);
    const assets = await (await fetch(`${service.url}/jobs/acme-job-4/assets`)).text();
    assert.match(assets, /Download agent context \(YAML\)/);
    assert.match(assets, /You are the analyst of &lt;Acme&gt;\./);
  });
});

describe('dashboard behind the API token', () => {
  let service: Service;
  const token = 'dash-s3cret';
  before(async () => {
    service = await startStatusService({
      env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_API_TOKEN: token, PROVISION_RECONCILE_MS: '0' }),
      logger: silentLogger,
      launcher: new IdleLauncher(),
      sweepMs: 0,
    });
    await service.store.apply(new EventSequencer('tok-job-1', 0).next({ type: 'job.queued', output: { url: 'http://127.0.0.1:9/' } }));
  });
  after(() => service.close());

  it('asks for the token, takes it once from ?token=, and keeps it in an HttpOnly cookie', async () => {
    const denied = await fetch(`${service.url}/`);
    assert.equal(denied.status, 401);
    assert.match(await denied.text(), /<label for="token">API token<\/label>/);
    assert.equal((await fetch(`${service.url}/?token=wrong`, { redirect: 'manual' })).status, 401);
    const accepted = await fetch(`${service.url}/jobs/tok-job-1/view?token=${token}`, { redirect: 'manual' });
    assert.equal(accepted.status, 303);
    assert.equal(accepted.headers.get('location'), '/jobs/tok-job-1/view');
    const cookie = accepted.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const jar = cookie.split(';')[0] ?? '';
    const page = await fetch(`${service.url}/jobs/tok-job-1/view`, { headers: { cookie: jar } });
    assert.equal(page.status, 200);
    // The page's script calls the JSON API with the token as a bearer token.
    assert.match(await page.text(), new RegExp(`<meta name="provision-token" content="${token}">`));
    const sse = await openSse(`${service.url}/jobs/tok-job-1/stream`, { cookie: jar });
    assert.equal(sse.status, 200);
    await sse.next('state');
    sse.close();
    assert.equal((await fetch(`${service.url}/jobs/tok-job-1/stream`)).status, 401);
    assert.equal((await fetch(`${service.url}/stream`)).status, 401);
    assert.equal((await fetch(`${service.url}/jobs/tok-job-1/assets`)).status, 401);
    assert.equal((await fetch(`${service.url}/jobs/tok-job-1/agent.yaml`)).status, 401);
    // The cookie alone does not open the JSON API: it still needs the bearer header (no CSRF).
    assert.equal((await fetch(`${service.url}/jobs`, { headers: { cookie: jar } })).status, 401);
    assert.equal((await fetch(`${service.url}/jobs`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    // Static files carry no secrets and load before the token is given.
    assert.equal((await fetch(`${service.url}/assets/app.css`)).status, 200);
  });
});
