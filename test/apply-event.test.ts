import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STAGE_IDS } from '../src/core/stage-ids.js';
import type { PhaseEvent, PhaseEventInput } from '../src/notify/phase-event.js';
import { applyEvent, applyEvents } from '../src/status/apply-event.js';

let counter = 0;
function ev(seq: number, input: PhaseEventInput, attempt = 0): PhaseEvent {
  return { v: 1, eventId: `e${++counter}`, jobId: 'job-1', attempt, seq, ts: new Date(Date.UTC(2026, 0, 1, 0, 0, attempt * 100 + seq)).toISOString(), ...input };
}

/** A whole successful run: started, every stage started and completed, completed. */
function successfulRun(attempt = 0): PhaseEvent[] {
  const events = [ev(0, { type: 'job.started', output: { url: 'https://example.com/' } }, attempt)];
  let seq = 1;
  for (const stage of STAGE_IDS) {
    events.push(ev(seq++, { type: 'stage.started', stage }, attempt));
    events.push(ev(seq++, { type: 'stage.progress', stage, progress: 0.5, message: 'halfway' }, attempt));
    events.push(ev(seq++, { type: 'stage.completed', stage, metrics: { durationMs: 10 }, output: stage === 'research' ? { company: 'Example', industry: 'Retail' } : {} }, attempt));
  }
  events.push(ev(seq, { type: 'job.completed', metrics: { durationMs: 70 }, output: { status: 'completed' } }, attempt));
  return events;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('applyEvent', () => {
  it('builds the job state of a successful run', () => {
    const state = applyEvents(undefined, successfulRun());
    assert.equal(state?.status, 'completed');
    assert.deepEqual(state?.stages.map((s) => s.status), STAGE_IDS.map(() => 'completed'));
    assert.equal(state?.meta.company, 'Example');
    assert.equal(state?.url, 'https://example.com/');
    assert.equal(state?.durationMs, 70);
  });

  it('ignores a repeated eventId and returns the same state object', () => {
    const events = successfulRun();
    const once = applyEvents(undefined, events);
    const again = applyEvent(once, events[3] as PhaseEvent);
    assert.equal(again, once);
  });

  it('reaches the same state whatever the order, with duplicates', () => {
    const events = successfulRun();
    const expected = applyEvents(undefined, events);
    for (let seed = 1; seed <= 25; seed++) {
      const withDuplicates = [...events, ...events.filter((_, i) => i % 3 === seed % 3)];
      assert.deepEqual(applyEvents(undefined, shuffled(withDuplicates, seed)), expected, `order ${seed}`);
    }
  });

  it('keeps a terminal state when a late non-terminal event arrives', () => {
    const events = successfulRun();
    const done = applyEvents(undefined, events);
    const late = applyEvent(done, ev(1, { type: 'stage.started', stage: 'research' }));
    assert.equal(late?.status, 'completed');
    assert.equal(late?.stages[0]?.status, 'completed');
  });

  it('lets a later attempt revive a job that failed with a retryable error', () => {
    const first = [
      ev(0, { type: 'job.started' }),
      ev(1, { type: 'stage.started', stage: 'research' }),
      ev(2, { type: 'stage.failed', stage: 'research', error: { code: 'timeout', message: 'slow', retryable: true } }),
      ev(3, { type: 'job.failed', error: { code: 'timeout', message: 'slow', retryable: true } }),
    ];
    const failed = applyEvents(undefined, first);
    assert.equal(failed?.status, 'failed');
    const retried = applyEvents(failed, successfulRun(1));
    assert.equal(retried?.status, 'completed');
    assert.equal(retried?.attempt, 1);
    assert.equal(retried?.error, undefined);
  });

  it('does not revive a job that failed for good, nor a cancelled one', () => {
    for (const terminal of [
      ev(3, { type: 'job.failed', error: { code: 'invalid_url', message: 'bad', retryable: false } }),
      ev(3, { type: 'job.cancelled', error: { code: 'cancelled', message: 'stop', retryable: false } }),
    ]) {
      const state = applyEvents(undefined, [ev(0, { type: 'job.started' }), terminal]);
      const after = applyEvents(state, successfulRun(1));
      assert.equal(after?.status, state?.status);
    }
  });

  it('starts queued and moves to running on stage activity before job.started arrives', () => {
    const queued = applyEvent(undefined, ev(0, { type: 'job.queued', output: { url: 'https://a.example/' } }));
    assert.equal(queued.status, 'queued');
    const running = applyEvent(queued, ev(5, { type: 'stage.started', stage: 'story' }));
    assert.equal(running.status, 'running');
    assert.equal(running.stages[1]?.status, 'running');
  });

  it('records a stage failure with its error', () => {
    const state = applyEvents(undefined, [
      ev(0, { type: 'job.started' }),
      ev(1, { type: 'stage.started', stage: 'research' }),
      ev(2, { type: 'stage.failed', stage: 'research', error: { code: 'http_error', message: '404', retryable: false }, metrics: { durationMs: 5 } }),
      ev(3, { type: 'job.failed', error: { code: 'http_error', message: '404', retryable: false } }),
    ]);
    assert.equal(state?.status, 'failed');
    assert.equal(state?.stages[0]?.status, 'failed');
    assert.equal(state?.stages[0]?.error?.code, 'http_error');
    assert.equal(state?.error?.code, 'http_error');
  });
});
