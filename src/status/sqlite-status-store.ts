import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PhaseEvent } from '../notify/phase-event.js';
import { applyEvent } from './apply-event.js';
import type { JobState } from './job-state.js';
import type { JobListFilter, StatusStore } from './status-store.js';

/** The embedded status store: one SQLite file in WAL mode (`<stateDir>/status.sqlite`). */
export class SqliteStatusStore implements StatusStore {
  private readonly db: Database.Database;
  private readonly applyTx: (event: PhaseEvent) => JobState;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (
        job_id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        state TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS jobs_updated ON jobs (updated_at DESC);
      CREATE TABLE IF NOT EXISTS events (
        event_id TEXT PRIMARY KEY,
        job_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        ts TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS events_job ON events (job_id, attempt, seq);
    `);
    const getState = this.db.prepare<[string], { state: string }>('SELECT state FROM jobs WHERE job_id = ?');
    const insertEvent = this.db.prepare('INSERT OR IGNORE INTO events (event_id, job_id, attempt, seq, ts, body) VALUES (?, ?, ?, ?, ?, ?)');
    const upsertJob = this.db.prepare(
      `INSERT INTO jobs (job_id, status, created_at, updated_at, state) VALUES (@jobId, @status, @createdAt, @updatedAt, @state)
       ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, created_at = excluded.created_at, updated_at = excluded.updated_at, state = excluded.state`,
    );
    this.applyTx = this.db.transaction((event: PhaseEvent): JobState => {
      const row = getState.get(event.jobId);
      const current = row ? (JSON.parse(row.state) as JobState) : undefined;
      const next = applyEvent(current, event);
      if (next === current && current) return current;
      insertEvent.run(event.eventId, event.jobId, event.attempt, event.seq, event.ts, JSON.stringify(event));
      upsertJob.run({ jobId: next.jobId, status: next.status, createdAt: next.createdAt, updatedAt: next.updatedAt, state: JSON.stringify(next) });
      return next;
    });
  }

  apply(event: PhaseEvent): Promise<JobState> {
    return Promise.resolve(this.applyTx(event));
  }

  get(jobId: string): Promise<JobState | undefined> {
    const row = this.db.prepare<[string], { state: string }>('SELECT state FROM jobs WHERE job_id = ?').get(jobId);
    return Promise.resolve(row ? (JSON.parse(row.state) as JobState) : undefined);
  }

  list(filter: JobListFilter = {}): Promise<JobState[]> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const offset = Math.max(filter.offset ?? 0, 0);
    const rows = filter.status
      ? this.db.prepare<[string, number, number], { state: string }>('SELECT state FROM jobs WHERE status = ? ORDER BY updated_at DESC LIMIT ? OFFSET ?').all(filter.status, limit, offset)
      : this.db.prepare<[number, number], { state: string }>('SELECT state FROM jobs ORDER BY updated_at DESC LIMIT ? OFFSET ?').all(limit, offset);
    return Promise.resolve(rows.map((r) => JSON.parse(r.state) as JobState));
  }

  events(jobId: string, limit = 200): Promise<PhaseEvent[]> {
    const rows = this.db
      .prepare<[string, number], { body: string }>('SELECT body FROM (SELECT body, attempt, seq FROM events WHERE job_id = ? ORDER BY attempt DESC, seq DESC LIMIT ?) ORDER BY attempt, seq')
      .all(jobId, limit);
    return Promise.resolve(rows.map((r) => JSON.parse(r.body) as PhaseEvent));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
