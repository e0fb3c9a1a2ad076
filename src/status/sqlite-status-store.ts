import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StageId } from '../core/stage-ids.js';
import type { PhaseEvent } from '../notify/phase-event.js';
import { applyEvent } from './apply-event.js';
import type { JobState } from './job-state.js';
import { FileCheckpointStore } from '../checkpoints/file-checkpoint-store.js';
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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jobs (
    job_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS jobs_updated ON jobs (updated_at DESC, job_id DESC);
  CREATE INDEX IF NOT EXISTS jobs_rev ON jobs (rev);
  CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    ts TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_job ON events (job_id, attempt, seq);
  CREATE TABLE IF NOT EXISTS artifacts (
    job_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (job_id, stage)
  );
  CREATE TABLE IF NOT EXISTS dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    body TEXT NOT NULL
  );
`;

/** What one write did: the job's state after it, and whether it changed (with its revision). */
interface WriteOutcome {
  state: JobState;
  changed: boolean;
  /** A claim that replaced an abandoned one. */
  takenOver?: boolean;
  rev?: number;
}

/** How often other processes' writes are looked for while someone listens. */
const POLL_MS = 200;

/** The embedded status store: one SQLite file in WAL mode (`<stateDir>/status.sqlite`). */
export class SqliteStatusStore implements StatusStore {
  private readonly db: Database.Database;
  private readonly applyTx: (event: PhaseEvent) => WriteOutcome;
  private readonly claimTx: (event: PhaseEvent, options: ClaimOptions) => WriteOutcome;
  private readonly batchTx: <T>(ops: Array<() => T>) => T[];
  private pendingWrites: Array<{ op: () => WriteOutcome; resolve: (r: WriteOutcome) => void; reject: (err: unknown) => void }> = [];
  private readonly releaseTx: (jobId: string, eventId: string) => boolean;
  /** Revisions this process already announced, so the poller does not announce them twice. */
  private readonly announced = new Set<number>();
  private readonly emitter = new EventEmitter();
  private readonly statements = new Map<string, Database.Statement>();
  private poller: NodeJS.Timeout | undefined;
  private seenRev = 0;

  /** The jobs' checkpoints, where stage outputs live: files beside the database (`<stateDir>/jobs/`). */
  private readonly checkpoints: FileCheckpointStore | undefined;

  constructor(file: string) {
    this.checkpoints = file === ':memory:' ? undefined : new FileCheckpointStore(dirname(file));
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA);
    } catch (err) {
      throw new StoreUnavailableError(`The status database ${file} cannot be opened: ${(err as Error).message}`, { cause: err });
    }
    this.emitter.setMaxListeners(0);
    const getState = this.db.prepare<[string], { state: string }>('SELECT state FROM jobs WHERE job_id = ?');
    const insertEvent = this.db.prepare('INSERT OR IGNORE INTO events (event_id, job_id, attempt, seq, type, ts, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const upsertJob = this.db.prepare(
      `INSERT INTO jobs (job_id, status, company, created_at, updated_at, rev, state)
       VALUES (@jobId, @status, @company, @createdAt, @updatedAt, (SELECT COALESCE(MAX(rev), 0) + 1 FROM jobs), @state)
       ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, company = excluded.company, created_at = excluded.created_at,
         updated_at = excluded.updated_at, rev = excluded.rev, state = excluded.state`,
    );
    const revOf = this.db.prepare<[string], { rev: number }>('SELECT rev FROM jobs WHERE job_id = ?');
    const upsertArtifact = this.db.prepare('INSERT INTO artifacts (job_id, stage, body) VALUES (?, ?, ?) ON CONFLICT (job_id, stage) DO UPDATE SET body = excluded.body');
    this.applyTx = this.db.transaction((event: PhaseEvent) => {
      const row = getState.get(event.jobId);
      const current = row ? (JSON.parse(row.state) as JobState) : undefined;
      const next = applyEvent(current, event);
      if (current && next === current) return { state: current, changed: false };
      insertEvent.run(event.eventId, event.jobId, event.attempt, event.seq, event.type, event.ts, JSON.stringify(event));
      upsertJob.run({ jobId: next.jobId, status: next.status, company: next.meta.company ?? '', createdAt: next.createdAt, updatedAt: next.updatedAt, state: JSON.stringify(next) });
      const artifact = artifactOf(event);
      const stage = next.stages.find((s) => s.id === event.stage);
      // Only the artifact of the event the stage state now reflects: a late, older one loses.
      if (artifact !== undefined && stage?.version?.attempt === event.attempt && stage.version.seq === event.seq) {
        upsertArtifact.run(event.jobId, event.stage, JSON.stringify(artifact));
      }
      return { state: next, changed: true, rev: revOf.get(next.jobId)?.rev ?? 0 };
    });
    // The primary key decides who claims: of concurrent claims (in this process or another
    // writing the same file) exactly one inserts; the others find the row and change nothing.
    const claimJob = this.db.prepare(
      `INSERT INTO jobs (job_id, status, company, created_at, updated_at, rev, state)
       VALUES (@jobId, @status, @company, @createdAt, @updatedAt, (SELECT COALESCE(MAX(rev), 0) + 1 FROM jobs), @state)
       ON CONFLICT (job_id) DO NOTHING`,
    );
    const deleteJobEvents = this.db.prepare('DELETE FROM events WHERE job_id = ?');
    this.claimTx = this.db.transaction((event: PhaseEvent, options: ClaimOptions) => {
      const next = applyEvent(undefined, event);
      const row = { jobId: next.jobId, status: next.status, company: next.meta.company ?? '', createdAt: next.createdAt, updatedAt: next.updatedAt, state: JSON.stringify(next) };
      // The insert comes first: it takes the write lock, so the read below cannot go stale.
      const inserted = claimJob.run(row);
      if (inserted.changes === 0) {
        const existing = JSON.parse(getState.get(event.jobId)?.state ?? 'null') as JobState;
        if (options.takeoverAfterMs === undefined || !abandonedClaim(existing, event.ts, options.takeoverAfterMs)) return { state: existing, changed: false };
        // A claim that never launched: this one replaces it, its event and all.
        deleteJobEvents.run(event.jobId);
        upsertJob.run(row);
        insertEvent.run(event.eventId, event.jobId, event.attempt, event.seq, event.type, event.ts, JSON.stringify(event));
        return { state: next, changed: true, takenOver: true, rev: revOf.get(next.jobId)?.rev ?? 0 };
      }
      insertEvent.run(event.eventId, event.jobId, event.attempt, event.seq, event.type, event.ts, JSON.stringify(event));
      return { state: next, changed: true, rev: revOf.get(next.jobId)?.rev ?? 0 };
    });
    // Inside it, applyTx and claimTx run as savepoints (better-sqlite3 nests transactions so).
    this.batchTx = this.db.transaction(<T>(ops: Array<() => T>): T[] => ops.map((op) => op())) as <T>(ops: Array<() => T>) => T[];
    const deleteJob = this.db.prepare('DELETE FROM jobs WHERE job_id = ?');
    const deleteEvents = this.db.prepare('DELETE FROM events WHERE job_id = ?');
    this.releaseTx = this.db.transaction((jobId: string, eventId: string) => {
      const row = getState.get(jobId);
      if (!row) return false;
      const state = JSON.parse(row.state) as JobState;
      if (state.appliedEventIds.length !== 1 || state.appliedEventIds[0] !== eventId) return false;
      deleteJob.run(jobId);
      deleteEvents.run(jobId);
      return true;
    });
  }

  /**
   * Prepared statements, made once per SQL text: reads on the request path (job pages, lists,
   * the change poller) should not prepare SQL each time. List filters give a few dozen variants.
   */
  private statement<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw this.guardError(err);
    }
  }

  private guardError(err: unknown): unknown {
    if (err instanceof Database.SqliteError && /BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY/.test(err.code)) {
      return new StoreUnavailableError(`The status database is unavailable (${err.code}).`, { cause: err });
    }
    if (err instanceof TypeError && /not open/.test(err.message)) return new StoreUnavailableError('The status database is closed.', { cause: err });
    return err;
  }

  /** Runs `fn` and reports its outcome through a promise: the port's methods never throw synchronously. */
  private run<T>(fn: () => T): Promise<T> {
    return new Promise((resolve) => resolve(this.guard(fn)));
  }

  apply(event: PhaseEvent): Promise<JobState> {
    return this.write(() => this.applyTx(event)).then((r) => r.state);
  }

  claim(event: PhaseEvent, options: ClaimOptions = {}): Promise<ClaimResult> {
    return this.write(() => this.claimTx(event, options)).then((r) => ({ claimed: r.changed, ...(r.takenOver ? { takenOver: true } : {}), state: r.state }));
  }

  /**
   * Group commit: writes asked for in the same turn of the event loop (a burst of POSTs, a
   * batch of pushes) share one transaction, each in its own savepoint so one failure fails
   * only its caller. A commit costs far more than the statements in it.
   */
  private write(op: () => WriteOutcome): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.pendingWrites.push({ op, resolve, reject });
      if (this.pendingWrites.length === 1) setImmediate(() => this.commitWrites());
    });
  }

  private commitWrites(): void {
    const batch = this.pendingWrites;
    this.pendingWrites = [];
    let outcomes: Array<{ ok: WriteOutcome } | { err: unknown }>;
    try {
      outcomes = this.guard(() =>
        this.batchTx(
          batch.map((w) => () => {
            try {
              return { ok: w.op() };
            } catch (err) {
              return { err };
            }
          }),
        ),
      );
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    outcomes.forEach((o, i) => {
      const w = batch[i] as (typeof batch)[number];
      if ('err' in o) return w.reject(this.guardError(o.err));
      const { state, changed, rev } = o.ok;
      if (changed) {
        if (this.poller && rev !== undefined) this.announced.add(rev);
        this.emitter.emit('change', { jobId: state.jobId, state } satisfies JobChange);
      }
      w.resolve(o.ok);
    });
  }

  release(jobId: string, claimEventId: string): Promise<boolean> {
    return this.run(() => this.releaseTx(jobId, claimEventId));
  }

  get(jobId: string): Promise<JobState | undefined> {
    return this.run(() => {
      const row = this.statement<[string], { state: string }>('SELECT state FROM jobs WHERE job_id = ?').get(jobId);
      return row ? (JSON.parse(row.state) as JobState) : undefined;
    });
  }

  list(filter: JobListFilter = {}): Promise<JobPage> {
    return this.run(() => this.listNow(filter));
  }

  private listNow(filter: JobListFilter): JobPage {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: limit + 1 };
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.company) {
      where.push("company LIKE @company ESCAPE '\\'");
      params.company = `%${filter.company.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (filter.since) {
      where.push('created_at >= @since');
      params.since = filter.since;
    }
    if (filter.until) {
      where.push('created_at < @until');
      params.until = filter.until;
    }
    const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    if (cursor) {
      where.push('(updated_at < @cUpdated OR (updated_at = @cUpdated AND job_id < @cJob))');
      params.cUpdated = cursor.updatedAt;
      params.cJob = cursor.jobId;
    }
    const sql = `SELECT state FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, job_id DESC LIMIT @limit`;
    const rows = this.statement<[Record<string, string | number>], { state: string }>(sql).all(params);
    const jobs = rows.slice(0, limit).map((r) => JSON.parse(r.state) as JobState);
    const last = jobs.at(-1);
    return rows.length > limit && last ? { jobs, nextCursor: encodeCursor(last) } : { jobs };
  }

  events(jobId: string, options: { limit?: number; types?: PhaseEvent['type'][] } = {}): Promise<PhaseEvent[]> {
    const limit = Math.min(Math.max(options.limit ?? 200, 1), 5000);
    const types = options.types ?? [];
    const typeFilter = types.length ? `AND type IN (${types.map(() => '?').join(', ')})` : '';
    return this.run(() =>
      this.statement<unknown[], { body: string }>(
          `SELECT body FROM (SELECT body, attempt, seq FROM events WHERE job_id = ? ${typeFilter} ORDER BY attempt DESC, seq DESC LIMIT ?) ORDER BY attempt, seq`,
        )
        .all(jobId, ...types, limit)
        .map((r) => JSON.parse(r.body) as PhaseEvent),
    );
  }

  artifacts(jobId: string): Promise<Partial<Record<StageId, unknown>>> {
    return this.run(() => {
      const rows = this.statement<[string], { stage: StageId; body: string }>('SELECT stage, body FROM artifacts WHERE job_id = ?').all(jobId);
      return Object.fromEntries(rows.map((r) => [r.stage, JSON.parse(r.body) as unknown]));
    }).then((stored) => resolveArtifacts(jobId, stored, this.checkpoints));
  }

  deadLetter(entry: DeadLetter): Promise<void> {
    return this.run(() => {
      this.statement('INSERT INTO dead_letters (received_at, reason, body) VALUES (?, ?, ?)').run(entry.receivedAt, entry.reason, entry.body);
    });
  }

  deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.run(() => this.statement<[number], DeadLetter>('SELECT received_at AS receivedAt, reason, body FROM dead_letters ORDER BY id DESC LIMIT ?').all(limit));
  }

  subscribe(listener: (change: JobChange) => void): () => void {
    this.emitter.on('change', listener);
    if (!this.poller) {
      this.seenRev = this.maxRev();
      // Other processes (a `provision run` next door) write the same file; pick their changes up.
      this.poller = setInterval(() => this.pollOtherWriters(), POLL_MS);
      this.poller.unref();
    }
    return () => {
      this.emitter.off('change', listener);
      if (this.emitter.listenerCount('change') === 0 && this.poller) {
        clearInterval(this.poller);
        this.poller = undefined;
        this.announced.clear();
      }
    };
  }

  private maxRev(): number {
    return this.statement<[], { rev: number | null }>('SELECT MAX(rev) AS rev FROM jobs').get()?.rev ?? 0;
  }

  private pollOtherWriters(): void {
    try {
      const rows = this.statement<[number], { rev: number; state: string }>('SELECT rev, state FROM jobs WHERE rev > ? ORDER BY rev').all(this.seenRev);
      for (const row of rows) {
        this.seenRev = Math.max(this.seenRev, row.rev);
        if (this.announced.delete(row.rev)) continue;
        const state = JSON.parse(row.state) as JobState;
        this.emitter.emit('change', { jobId: state.jobId, state } satisfies JobChange);
      }
      // A job updated twice between polls shows only its newest revision.
      for (const rev of this.announced) if (rev <= this.seenRev) this.announced.delete(rev);
    } catch {
      // A busy database is polled again next tick.
    }
  }

  close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
    this.emitter.removeAllListeners();
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
