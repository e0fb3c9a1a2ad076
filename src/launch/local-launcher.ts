import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logging/logger.js';
import type { ExecutionStatus, JobLauncher, LaunchRequest, Launched } from './job-launcher.js';

const BIN = fileURLToPath(new URL('../../bin/provision.js', import.meta.url));

export interface LocalLauncherOptions {
  stateDir: string;
  /** How many jobs run at once; the rest wait in order (default 2). */
  concurrency?: number;
  /** Environment for the job processes (PROVISION_PUSH_URL, ...), on top of this process's; read at each start. */
  env?: () => NodeJS.ProcessEnv;
  allowPrivateNetwork?: boolean;
  logger: Logger;
  /** Called when a job leaves the queue without running (cancelled while queued). */
  onDropped?: (jobId: string) => void;
}

interface Entry {
  request: LaunchRequest;
  child?: ChildProcess;
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  cancelled?: boolean;
}

/**
 * Runs each job as a child process (`provision run`), at most `concurrency` at a time, with
 * its output in `<stateDir>/jobs/<jobId>/process.log`. Cancel sends SIGTERM, which the
 * job turns into `job.cancelled` after flushing its events.
 */
export class LocalLauncher implements JobLauncher {
  readonly kind = 'local' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private running = 0;

  constructor(private readonly options: LocalLauncherOptions) {}

  launch(request: LaunchRequest): Promise<Launched> {
    const existing = this.entries.get(request.jobId);
    if (existing && !existing.exit && !existing.cancelled) return Promise.resolve({ execution: this.executionName(existing) });
    this.entries.set(request.jobId, { request });
    this.queue.push(request.jobId);
    this.pump();
    const entry = this.entries.get(request.jobId);
    return Promise.resolve({ execution: entry ? this.executionName(entry) : undefined });
  }

  private executionName(entry: Entry): string {
    return entry.child?.pid ? `local:${entry.child.pid}` : `local:queued:${entry.request.jobId}`;
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 2;
    while (this.running < limit && this.queue.length > 0) {
      const jobId = this.queue.shift() as string;
      const entry = this.entries.get(jobId);
      if (!entry || entry.cancelled) continue;
      this.start(entry);
    }
  }

  private start(entry: Entry): void {
    const { request } = entry;
    const stateDir = resolve(this.options.stateDir);
    const dir = join(stateDir, 'jobs', request.jobId);
    mkdirSync(dir, { recursive: true });
    const log = openSync(join(dir, 'process.log'), 'a');
    const args = [BIN, 'run', request.url, '--job-id', request.jobId, '--json', '--state-dir', stateDir, '--scale', String(request.scale), ...(request.strategy ? ['--strategy', request.strategy] : []), ...(request.warehouse ? ['--warehouse', request.warehouse] : [])];
    if (request.callbackUrl) args.push('--callback-url', request.callbackUrl);
    if (this.options.allowPrivateNetwork) args.push('--allow-private-network');
    const child = spawn(process.execPath, args, { stdio: ['ignore', log, log], env: { ...process.env, ...this.options.env?.(), PROVISION_LOG: 'stderr' } });
    closeSync(log);
    // Jobs are batch work and the API is interactive: run jobs at a lower CPU priority so the
    // trigger and the push endpoint stay responsive whatever the jobs do.
    if (child.pid) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not permitted here; the job still runs at normal priority.
      }
    }
    entry.child = child;
    this.running++;
    this.options.logger.info('job process started', { jobId: request.jobId, pid: child.pid });
    child.on('exit', (code, signal) => {
      entry.exit = { code, signal };
      this.running--;
      this.options.logger.info('job process ended', { jobId: request.jobId, code, signal });
      this.pump();
    });
    child.on('error', (err) => this.options.logger.error(`job process failed to start: ${err.message}`, { jobId: request.jobId }));
  }

  cancel(jobId: string): Promise<boolean> {
    const entry = this.entries.get(jobId);
    if (!entry || entry.exit || entry.cancelled) return Promise.resolve(false);
    entry.cancelled = true;
    if (entry.child) {
      entry.child.kill('SIGTERM');
    } else {
      const i = this.queue.indexOf(jobId);
      if (i >= 0) this.queue.splice(i, 1);
      this.options.onDropped?.(jobId);
    }
    return Promise.resolve(true);
  }

  status(jobId: string): Promise<ExecutionStatus> {
    const entry = this.entries.get(jobId);
    if (!entry) return Promise.resolve({ state: 'unknown' });
    if (!entry.child) return Promise.resolve({ state: entry.cancelled ? 'cancelled' : 'queued' });
    if (!entry.exit) return Promise.resolve({ state: 'running' });
    const { code, signal } = entry.exit;
    // The job binary exits 0 for "completed" and for failures a retry cannot fix (it has
    // reported them itself); only a crash or a kill ends it without a terminal event.
    if (code === 0) return Promise.resolve({ state: 'succeeded' });
    if (entry.cancelled) return Promise.resolve({ state: 'cancelled', reason: 'cancelled on request' });
    return Promise.resolve({ state: 'failed', reason: signal ? `the job process was killed (${signal})` : `the job process exited with status ${code}` });
  }

  /** Stops every job process (SIGTERM) and waits for them to exit. */
  async close(): Promise<void> {
    this.queue.length = 0;
    const waits: Array<Promise<void>> = [];
    for (const entry of this.entries.values()) {
      const child = entry.child;
      if (child && !entry.exit) {
        waits.push(new Promise((r) => child.once('exit', () => r())));
        child.kill('SIGTERM');
      }
    }
    await Promise.all(waits);
  }
}
