import type { ExecutionStatus, JobLauncher, LaunchRequest, Launched } from '../../src/launch/job-launcher.js';

/** A launcher that starts nothing and remembers what it was asked; tests set `states` to steer it. */
export class RecordingLauncher implements JobLauncher {
  readonly kind = 'local' as const;
  readonly launched: LaunchRequest[] = [];
  readonly cancelled: string[] = [];
  readonly states = new Map<string, ExecutionStatus>();
  /** How long `launch` takes (Cloud Run's runJob takes a few hundred ms), so concurrent launches overlap. */
  delayMs = 0;
  /** The next `launch` calls fail, after this many. */
  failNext = 0;

  constructor(private readonly executionName: (n: number) => string = (n) => `projects/p/locations/l/jobs/provision/executions/exec-${n}`) {}

  async launch(request: LaunchRequest): Promise<Launched> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('the launcher is unavailable');
    }
    this.launched.push(request);
    this.states.set(request.jobId, { state: 'running' });
    return { execution: this.executionName(this.launched.length) };
  }
  cancel(jobId: string): Promise<boolean> {
    this.cancelled.push(jobId);
    this.states.set(jobId, { state: 'cancelled' });
    return Promise.resolve(true);
  }
  status(jobId: string): Promise<ExecutionStatus> {
    return Promise.resolve(this.states.get(jobId) ?? { state: 'unknown' });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
