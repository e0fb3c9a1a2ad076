import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Timestamp, type Firestore } from '@google-cloud/firestore';
import { EventSequencer } from '../src/notify/phase-event.js';
import { applyEvent } from '../src/status/apply-event.js';
import { FirestoreStatusStore } from '../src/status/firestore-status-store.js';
import type { JobChange } from '../src/status/status-store.js';

/**
 * The snapshots a Firestore listener delivers, scripted. The contract suite runs the real
 * listener against the emulator; this replays one sequence the emulator produces only now and
 * then, under load: when a write lands while the listen is being set up it sends a reset and an
 * empty current result, so the first snapshot is empty and the documents that existed before
 * subscribing come next, as `added`.
 */
class ScriptedWatch {
  private next: ((snap: unknown) => void) | undefined;
  readonly firestore = {
    collection: () => ({
      where: () => ({
        onSnapshot: (onNext: (snap: unknown) => void) => {
          this.next = onNext;
          return () => (this.next = undefined);
        },
      }),
    }),
  } as unknown as Firestore;

  /** Delivers one snapshot read at `readMs`, with these changes. */
  deliver(readMs: number, changes: Array<{ type: 'added' | 'modified' | 'removed'; jobId: string; status: 'queued' | 'running'; updateMs: number }>): void {
    assert.ok(this.next, 'nobody listens');
    const docChanges = changes.map((c) => {
      const event = new EventSequencer(c.jobId, 0).next({ type: c.status === 'queued' ? 'job.queued' : 'job.started' });
      const state = JSON.stringify(applyEvent(undefined, event));
      const doc = { ref: { path: `provision_jobs/${c.jobId}` }, updateTime: Timestamp.fromMillis(c.updateMs), get: (field: string) => (field === 'state' ? state : undefined) };
      return { type: c.type, doc };
    });
    // `docs` is what the first snapshot holds; these scripts start from an empty one.
    this.next({ readTime: Timestamp.fromMillis(readMs), docs: [], docChanges: () => docChanges });
  }
}

describe('FirestoreStatusStore.subscribe', () => {
  it('announces no document written before subscribing, whichever snapshot brings it, and each version once', async () => {
    const watch = new ScriptedWatch();
    const store = new FirestoreStatusStore({ firestore: watch.firestore });
    const changes: JobChange[] = [];
    const subscribedAt = Date.now();
    const unsubscribe = store.subscribe((c) => changes.push(c));

    watch.deliver(subscribedAt + 50, []);
    watch.deliver(subscribedAt + 300, [
      { type: 'added', jobId: 'before', status: 'queued', updateMs: subscribedAt - 1000 },
      { type: 'added', jobId: 'after', status: 'queued', updateMs: subscribedAt + 200 },
    ]);
    // A reset that drops and brings back what was delivered already is no change.
    watch.deliver(subscribedAt + 400, [
      { type: 'removed', jobId: 'before', status: 'queued', updateMs: subscribedAt - 1000 },
      { type: 'removed', jobId: 'after', status: 'queued', updateMs: subscribedAt + 200 },
    ]);
    watch.deliver(subscribedAt + 500, [
      { type: 'added', jobId: 'before', status: 'queued', updateMs: subscribedAt - 1000 },
      { type: 'added', jobId: 'after', status: 'queued', updateMs: subscribedAt + 200 },
    ]);
    watch.deliver(subscribedAt + 700, [
      { type: 'modified', jobId: 'before', status: 'running', updateMs: subscribedAt + 600 },
      { type: 'modified', jobId: 'after', status: 'running', updateMs: subscribedAt + 650 },
    ]);

    assert.deepEqual(
      changes.map((c) => `${c.jobId}:${c.state.status}`),
      ['after:queued', 'before:running', 'after:running'],
    );
    unsubscribe();
    await store.close();
  });
});
