import { gunzipSync, gzipSync } from 'node:zlib';
import {
  FieldPath,
  FieldValue,
  Firestore,
  Timestamp,
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
} from '@google-cloud/firestore';
import { FirestoreCheckpointStore } from '../checkpoints/firestore-checkpoint-store.js';
import type { StageId } from '../core/stage-ids.js';
import { createFirestore } from '../gcp/firestore-client.js';
import type { PhaseEvent } from '../notify/phase-event.js';
import { applyEvent } from './apply-event.js';
import type { JobState } from './job-state.js';
import {
  abandonedClaim,
  artifactOf,
  decodeCursor,
  encodeCursor,
  resolveArtifacts,
  StoreUnavailableError,
  type ClaimOptions,
  type ClaimResult,
  type DeadLetter,
  type JobChange,
  type JobListFilter,
  type JobPage,
  type StatusStore,
} from './status-store.js';

export interface FirestoreStatusStoreOptions {
  /** Google Cloud project; default `GOOGLE_CLOUD_PROJECT`, else the client detects it. */
  projectId?: string;
  /** Firestore database id (default `(default)`). */
  databaseId?: string;
  /** Collections are `<prefix>_jobs` and `<prefix>_dead_letters` (default `provision`). */
  collectionPrefix?: string;
  /**
   * `host:port` of a Firestore emulator; no credentials are used then.
   * `FIRESTORE_EMULATOR_HOST` wins over it, as it does in the client.
   */
  emulatorHost?: string;
  /** How long one operation may take before the store counts as unavailable (default 10 s). */
  timeoutMs?: number;
  /** At most this many job documents are read by one `list` call that filters client-side (default 1000). */
  listScanLimit?: number;
  /** Use this client instead of building one; `close` then leaves it open. */
  firestore?: Firestore;
  /** Where the jobs' checkpoints (the stage outputs artifacts refer to) are: default `provision_checkpoints`, as the jobs write them. */
  checkpointCollection?: string;
}

/**
 * Firestore layout (every value the store reads back is JSON it wrote, so states round-trip exactly):
 *
 *   <prefix>_jobs/{jobId}                  jobId, status, company, companyLower, createdAt, updatedAt,
 *                                          writtenAt (server time), state (the JobState as JSON)
 *   <prefix>_jobs/{jobId}/events/{eventId} jobId, type, attempt, seq, pos, ts, body (the event as JSON,
 *                                          without `output.artifact`, which lives in `artifacts`)
 *   <prefix>_jobs/{jobId}/artifacts/{stage} stage, attempt, seq, encoding, body | data + parts
 *                                          (chunks `{stage}~1`, `{stage}~2`… when over one document)
 *   <prefix>_dead_letters/{auto}           receivedAt, reason, body, writtenAt
 *
 * Indexes a real database needs beyond the automatic single-field ones:
 *   jobs: (status ASC, updatedAt DESC, __name__ DESC)  — `list({ status })`
 *   events (collection group scope not needed): (type ASC, pos DESC) — `events({ types })`
 * Exempting `state` and `body` from single-field indexing saves index storage; nothing queries them.
 */
const EVENTS = 'events';
const ARTIFACTS = 'artifacts';
/** Firestore refuses documents over 1 MiB; leave room for the other fields and the name. */
const STATE_LIMIT_BYTES = 1_000_000;
const ARTIFACT_CHUNK_BYTES = 900_000;
const DEAD_LETTER_BODY_BYTES = 256 * 1024;
/** The subscription's query window reaches back this far, to absorb clock skew with the server. */
const CLOCK_SKEW_MS = 60_000;
const RELISTEN_MS = 1000;
/** How far our clock may run ahead of Firestore's when judging what was written after subscribing. */
const SUBSCRIBE_SKEW_MS = 250;

/** gRPC codes that mean "try again later": DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE. */
/** gRPC ALREADY_EXISTS: a `create` found the document there. */
const ALREADY_EXISTS = 6;

const RETRY_LATER_CODES = new Set<unknown>([4, 8, 10, 14, 'DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED', 'ABORTED', 'UNAVAILABLE']);
const NETWORK_ERRNOS = new Set<unknown>(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

function toStoreError(err: unknown, what: string): unknown {
  if (err instanceof StoreUnavailableError || !(err instanceof Error)) return err;
  const { code } = err as { code?: unknown };
  if (RETRY_LATER_CODES.has(code) || NETWORK_ERRNOS.has(code) || /has already been terminated/.test(err.message)) {
    return new StoreUnavailableError(`Firestore is unavailable (${what}): ${err.message}`, { cause: err });
  }
  return err;
}

/**
 * A document id for any job or event id: `/` would start a sub-path and `.`, `..`, `__x__`
 * are reserved. Plain ids (letters, digits, dashes, UUIDs) are kept as they are, so the
 * document order is the id order that `list` pages by.
 */
function docId(id: string): string {
  const escaped = id.replace(/[%/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return escaped === '.' || escaped === '..' || /^__.*__$/.test(escaped) ? `%${escaped}` : escaped;
}

/** Sorts like `(attempt, seq)`. */
function position(event: PhaseEvent): string {
  return `${String(event.attempt).padStart(10, '0')}.${String(event.seq).padStart(15, '0')}`;
}

function withoutArtifact(event: PhaseEvent): PhaseEvent {
  if (artifactOf(event) === undefined) return event;
  const { artifact: _artifact, ...output } = event.output as Record<string, unknown>;
  return { ...event, output };
}

function eventDoc(event: PhaseEvent): DocumentData {
  return {
    jobId: event.jobId,
    type: event.type,
    attempt: event.attempt,
    seq: event.seq,
    pos: position(event),
    ts: event.ts,
    body: JSON.stringify(withoutArtifact(event)),
  };
}

function readState(snap: DocumentSnapshot): JobState {
  const json: unknown = snap.get('state');
  if (typeof json !== 'string') throw new Error(`Firestore document ${snap.ref.path} holds no job state.`);
  return JSON.parse(json) as JobState;
}

function jobDoc(state: JobState): DocumentData {
  const json = JSON.stringify(state);
  const bytes = Buffer.byteLength(json);
  if (bytes > STATE_LIMIT_BYTES) {
    throw new Error(`The state of job ${state.jobId} has grown to ${bytes} bytes, over Firestore's 1 MiB document limit.`);
  }
  const company = state.meta.company ?? '';
  return {
    jobId: state.jobId,
    status: state.status,
    company,
    companyLower: company.toLowerCase(),
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    writtenAt: FieldValue.serverTimestamp(),
    state: json,
  };
}

/** One document when the artifact fits, else gzip split over several. */
function artifactDocs(stage: StageId, event: PhaseEvent, artifact: unknown): [string, DocumentData][] {
  const json = JSON.stringify(artifact);
  const head = { stage, attempt: event.attempt, seq: event.seq, eventId: event.eventId };
  if (Buffer.byteLength(json) <= ARTIFACT_CHUNK_BYTES) return [[stage, { ...head, encoding: 'json', body: json }]];
  const data = gzipSync(json);
  const parts = Math.ceil(data.length / ARTIFACT_CHUNK_BYTES);
  const chunk = (i: number) => data.subarray(i * ARTIFACT_CHUNK_BYTES, (i + 1) * ARTIFACT_CHUNK_BYTES);
  const docs: [string, DocumentData][] = [[stage, { ...head, encoding: 'json+gzip', parts, data: chunk(0) }]];
  for (let i = 1; i < parts; i++) docs.push([`${stage}~${i}`, { stage, part: i, data: chunk(i) }]);
  return docs;
}

function readArtifacts(docs: DocumentSnapshot[]): Partial<Record<StageId, unknown>> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out: Partial<Record<StageId, unknown>> = {};
  for (const doc of docs) {
    const stage = doc.get('stage') as StageId | undefined;
    if (!stage || doc.id !== stage) continue;
    if (doc.get('encoding') === 'json') {
      out[stage] = JSON.parse(doc.get('body') as string) as unknown;
      continue;
    }
    const parts = doc.get('parts') as number;
    const chunks: Buffer[] = [doc.get('data') as Buffer];
    for (let i = 1; i < parts; i++) {
      const part = byId.get(`${stage}~${i}`);
      if (!part) throw new Error(`Firestore artifact ${doc.ref.path} is missing part ${i} of ${parts}.`);
      chunks.push(part.get('data') as Buffer);
    }
    out[stage] = JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as unknown;
  }
  return out;
}

function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  return `${bytes.subarray(0, maxBytes).toString('utf8')}…[truncated from ${bytes.length} bytes]`;
}

/**
 * The cloud status store. `apply` is one transaction per event: read the job, fold the event
 * with `applyEvent`, write the state, the event (its id is the document id) and, when the stage
 * state now reflects this event, its artifact. Concurrent deliveries for one job conflict and
 * are retried by the transaction, so any order of delivery reaches the same state.
 */
export class FirestoreStatusStore implements StatusStore {
  private readonly db: Firestore;
  private readonly ownsClient: boolean;
  private readonly jobs: CollectionReference;
  private readonly deadLetterCollection: CollectionReference;
  /** The jobs' checkpoints, where the stage outputs that artifacts refer to live. */
  private readonly checkpoints: FirestoreCheckpointStore;
  private readonly timeoutMs: number;
  private readonly listScanLimit: number;
  private readonly listeners = new Set<(change: JobChange) => void>();
  private unlisten: (() => void) | undefined;
  private relisten: NodeJS.Timeout | undefined;
  /** Server time of the newest snapshot seen: a re-established listener's query reaches back from there. */
  private lastReadMs: number | undefined;
  /** On the server's clock, when `subscribe` was called: writes before it are not changes. */
  private announceFromMs: number | undefined;
  /**
   * The newest version (`updateTime.valueOf()`, full precision) of each job document already
   * seen, announced or there before subscribing, by path. The watch may deliver a document it
   * has delivered before as `added` again: the emulator, when a write lands while the listen
   * is being set up, sends a reset and an empty current result, then the documents.
   */
  private readonly seenVersions = new Map<string, string>();
  private closed = false;
  /** Operations still running in the client, which `terminate` must not cut off. */
  private readonly inflight = new Set<Promise<void>>();

  constructor(options: FirestoreStatusStoreOptions = {}) {
    const prefix = options.collectionPrefix ?? 'provision';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.listScanLimit = Math.max(options.listScanLimit ?? 1000, 1);
    this.ownsClient = options.firestore === undefined;
    if (options.firestore) {
      this.db = options.firestore;
    } else {
      this.db = createFirestore({
        ...(options.projectId ? { projectId: options.projectId } : {}),
        ...(options.databaseId ? { databaseId: options.databaseId } : {}),
        ...(options.emulatorHost ? { emulatorHost: options.emulatorHost } : {}),
      });
    }
    this.checkpoints = new FirestoreCheckpointStore({ projectId: options.projectId ?? '', firestore: this.db, ...(options.checkpointCollection ? { collection: options.checkpointCollection } : {}) });
    this.jobs = this.db.collection(`${prefix}_jobs`);
    this.deadLetterCollection = this.db.collection(`${prefix}_dead_letters`);
  }

  /**
   * Runs one operation with a deadline, reporting unreachability as `StoreUnavailableError`.
   * The client goes on retrying in the background after the deadline (its own budget is
   * several seconds); `expired` lets a transaction stop at its next attempt.
   */
  private async op<T>(what: string, fn: (expired: () => boolean) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('The Firestore status store is closed.');
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    const work = fn(() => expired);
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inflight.add(settled);
    void settled.then(() => this.inflight.delete(settled));
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new StoreUnavailableError(`Firestore did not answer ${what} within ${this.timeoutMs} ms.`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } catch (err) {
      throw toStoreError(err, what);
    } finally {
      clearTimeout(timer);
    }
  }

  private jobRef(jobId: string): DocumentReference {
    return this.jobs.doc(docId(jobId));
  }

  apply(event: PhaseEvent): Promise<JobState> {
    return this.op('apply', (expired) =>
      this.db.runTransaction(
        async (tx) => {
          // Past the deadline the caller has been told to retry; stop the client's retrying too.
          if (expired()) throw new Error('The caller stopped waiting for this transaction.');
          const jobRef = this.jobRef(event.jobId);
          const snap = await tx.get(jobRef);
          const current = snap.exists ? readState(snap) : undefined;
          const next = applyEvent(current, event);
          if (current && next === current) return current;
          tx.set(jobRef, jobDoc(next));
          tx.set(jobRef.collection(EVENTS).doc(docId(event.eventId)), eventDoc(event));
          const artifact = artifactOf(event);
          const stage = next.stages.find((s) => s.id === event.stage);
          // Only the artifact of the event the stage state now reflects: a late, older one loses.
          if (artifact !== undefined && stage?.version?.attempt === event.attempt && stage.version.seq === event.seq) {
            for (const [id, doc] of artifactDocs(stage.id, event, artifact)) tx.set(jobRef.collection(ARTIFACTS).doc(id), doc);
          }
          return next;
        },
        // Deliveries for one job contend for its document; give them room before calling it unavailable.
        { maxAttempts: 25 },
      ),
    );
  }

  claim(event: PhaseEvent, options: ClaimOptions = {}): Promise<ClaimResult> {
    return this.op('claim', async () => {
      const jobRef = this.jobRef(event.jobId);
      const state = applyEvent(undefined, event);
      // `create` fails when the document exists, on the server: of concurrent claims from any
      // number of instances exactly one commits. The event is written in the same batch.
      const batch = this.db.batch();
      batch.create(jobRef, jobDoc(state));
      batch.set(jobRef.collection(EVENTS).doc(docId(event.eventId)), eventDoc(event));
      try {
        await batch.commit();
        return { claimed: true, state };
      } catch (err) {
        if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err;
      }
      const takeoverAfterMs = options.takeoverAfterMs;
      if (takeoverAfterMs === undefined) {
        const snap = await jobRef.get();
        // Released between our create and this read: report the claim as lost, with the event's state.
        return { claimed: false, state: snap.exists ? readState(snap) : state };
      }
      // A claim that never launched is replaced in a transaction: of concurrent takeovers one
      // commits, and the others, retried, find a fresh claim that is not abandoned.
      return this.db.runTransaction(async (tx): Promise<ClaimResult> => {
        const snap = await tx.get(jobRef);
        if (!snap.exists) return { claimed: false, state };
        const existing = readState(snap);
        if (!abandonedClaim(existing, event.ts, takeoverAfterMs)) return { claimed: false, state: existing };
        for (const id of existing.appliedEventIds) tx.delete(jobRef.collection(EVENTS).doc(docId(id)));
        tx.set(jobRef, jobDoc(state));
        tx.set(jobRef.collection(EVENTS).doc(docId(event.eventId)), eventDoc(event));
        return { claimed: true, takenOver: true, state };
      });
    });
  }

  release(jobId: string, claimEventId: string): Promise<boolean> {
    return this.op('release', () =>
      this.db.runTransaction(async (tx) => {
        const jobRef = this.jobRef(jobId);
        const snap = await tx.get(jobRef);
        if (!snap.exists) return false;
        const state = readState(snap);
        if (state.appliedEventIds.length !== 1 || state.appliedEventIds[0] !== claimEventId) return false;
        tx.delete(jobRef);
        tx.delete(jobRef.collection(EVENTS).doc(docId(claimEventId)));
        return true;
      }),
    );
  }

  get(jobId: string): Promise<JobState | undefined> {
    return this.op('get', async () => {
      const snap = await this.jobRef(jobId).get();
      return snap.exists ? readState(snap) : undefined;
    });
  }

  /**
   * Status is filtered by the query. Company and time range are checked here, on a bounded
   * scan: a page may come back short (even empty) with a `nextCursor` when the scan budget
   * ran out, and paging on from it misses nothing. `since` also narrows the query, because a
   * job's `updatedAt` is never before its `createdAt`.
   */
  list(filter: JobListFilter = {}): Promise<JobPage> {
    return this.op('list', async () => {
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
      const company = filter.company?.toLowerCase();
      const { since, until } = filter;
      const clientSide = Boolean(company || since || until);
      const matches = (s: JobState) =>
        (!company || (s.meta.company ?? '').toLowerCase().includes(company)) && (!since || s.createdAt >= since) && (!until || s.createdAt < until);

      let query: Query = this.jobs;
      if (filter.status) query = query.where('status', '==', filter.status);
      if (since) query = query.where('updatedAt', '>=', since);
      query = query.orderBy('updatedAt', 'desc').orderBy(FieldPath.documentId(), 'desc');

      const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
      let after: [string, string] | undefined = cursor ? [cursor.updatedAt, docId(cursor.jobId)] : undefined;
      const jobs: JobState[] = [];
      let scanned = 0;
      for (;;) {
        const batch = clientSide ? Math.min(Math.max(limit + 1, 100), this.listScanLimit - scanned) : limit + 1;
        const snap = await (after ? query.startAfter(...after) : query).limit(batch).get();
        let last: JobState | undefined;
        for (const doc of snap.docs) {
          const state = readState(doc);
          if (matches(state)) {
            if (jobs.length === limit) return { jobs, nextCursor: encodeCursor(jobs[limit - 1] as JobState) };
            jobs.push(state);
          }
          last = state;
        }
        scanned += snap.size;
        if (snap.size < batch || !last) return { jobs };
        if (scanned >= this.listScanLimit) return { jobs, nextCursor: encodeCursor(last) };
        after = [last.updatedAt, docId(last.jobId)];
      }
    });
  }

  events(jobId: string, options: { limit?: number; types?: PhaseEvent['type'][] } = {}): Promise<PhaseEvent[]> {
    return this.op('events', async () => {
      const limit = Math.min(Math.max(options.limit ?? 200, 1), 5000);
      let query: Query = this.jobRef(jobId).collection(EVENTS);
      if (options.types?.length) query = query.where('type', 'in', [...new Set(options.types)]);
      const snap = await query.orderBy('pos', 'desc').limit(limit).get();
      return snap.docs.map((d) => JSON.parse(d.get('body') as string) as PhaseEvent).reverse();
    });
  }

  artifacts(jobId: string): Promise<Partial<Record<StageId, unknown>>> {
    return this.op('artifacts', async () => resolveArtifacts(jobId, readArtifacts((await this.jobRef(jobId).collection(ARTIFACTS).get()).docs), this.checkpoints));
  }

  deadLetter(entry: DeadLetter): Promise<void> {
    return this.op('deadLetter', async () => {
      await this.deadLetterCollection.add({
        receivedAt: entry.receivedAt,
        reason: truncateUtf8(entry.reason, 4096),
        // A poison message can be as large as Pub/Sub allows (10 MB); keep enough to inspect.
        body: truncateUtf8(entry.body, DEAD_LETTER_BODY_BYTES),
        writtenAt: FieldValue.serverTimestamp(),
      });
    });
  }

  deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.op('deadLetters', async () => {
      const snap = await this.deadLetterCollection.orderBy('writtenAt', 'desc').limit(Math.min(Math.max(Math.trunc(limit), 1), 1000)).get();
      return snap.docs.map((d) => ({ receivedAt: d.get('receivedAt') as string, reason: d.get('reason') as string, body: d.get('body') as string }));
    });
  }

  /**
   * Listens to job documents written since shortly before now. Every snapshot, the first
   * included, is judged the same way: a document version is announced once, and only when it
   * was written after `subscribe` was called (on the server's clock). The first snapshot is not
   * trusted to hold every document that existed already; under load the emulator delivers an
   * empty one and the existing documents as `added` in the next.
   */
  subscribe(listener: (change: JobChange) => void): () => void {
    this.listeners.add(listener);
    if (!this.unlisten && !this.relisten && !this.closed) this.listen(Date.now());
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopListening();
    };
  }

  private listen(subscribedAt: number): void {
    const windowStart = Math.min(Date.now(), this.lastReadMs ?? Infinity) - CLOCK_SKEW_MS;
    const emit = (snap: DocumentSnapshot) => {
      try {
        const state = readState(snap);
        for (const l of [...this.listeners]) l({ jobId: state.jobId, state });
      } catch {
        // A listener's failure (or a foreign document) must not end the subscription for the others.
      }
    };
    this.unlisten = this.jobs.where('writtenAt', '>=', Timestamp.fromMillis(windowStart)).onSnapshot(
      (snap) => {
        const readMs = snap.readTime.toMillis();
        // The read time minus our whole wait for the first snapshot under-estimates the moment
        // of subscribing when the wait was mostly delivery (a loaded machine): then documents
        // written well before subscribing would pass. Our own clock bounds it too, allowing for
        // modest skew. A re-established listener keeps the first one's.
        this.announceFromMs ??= Math.max(readMs - (Date.now() - subscribedAt), subscribedAt - SUBSCRIBE_SKEW_MS);
        const from = this.announceFromMs;
        for (const change of snap.docChanges()) {
          if (change.type === 'removed') continue;
          const { doc } = change;
          const version = doc.updateTime.valueOf();
          const seen = this.seenVersions.get(doc.ref.path);
          if (seen !== undefined && version <= seen) continue;
          this.seenVersions.set(doc.ref.path, version);
          if (doc.updateTime.toMillis() >= from) emit(doc);
        }
        this.lastReadMs = readMs;
      },
      () => {
        // The client retries transient errors itself; this one was final. Start over shortly.
        this.unlisten = undefined;
        if (this.closed || this.listeners.size === 0) return;
        this.relisten = setTimeout(() => {
          this.relisten = undefined;
          if (!this.closed && this.listeners.size > 0) this.listen(subscribedAt);
        }, RELISTEN_MS);
        this.relisten.unref();
      },
    );
  }

  private stopListening(): void {
    this.unlisten?.();
    this.unlisten = undefined;
    if (this.relisten) clearTimeout(this.relisten);
    this.relisten = undefined;
    this.lastReadMs = undefined;
    this.announceFromMs = undefined;
    this.seenVersions.clear();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.stopListening();
    if (!this.ownsClient) return;
    // `terminate` while a call is still retrying makes the client reject a promise nobody holds
    // (an unhandled rejection), so let calls in flight finish first, without waiting on them long.
    const pending = Promise.all(this.inflight);
    const terminate = () => this.db.terminate().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      pending.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.min(this.timeoutMs, 2000));
      }),
    ]);
    clearTimeout(timer);
    if (drained) await terminate();
    else void pending.then(terminate);
  }
}
