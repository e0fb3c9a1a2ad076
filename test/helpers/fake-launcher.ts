import type { ExecutionStatus, JobLauncher, LaunchRequest, Launched } from '../../src/launch/job-launcher.js';

/** A launcher that starts nothing and remembers what it was asked; tests set `states` to steer it. */
export class RecordingLauncher implements JobLauncher {
  readonly kind = 'local' as const;
  readonly launched: LaunchRequest[] = [];
  readonly cancelled: string[] = [];
  readonly states = new Map<string, ExecutionStatus>();

  constructor(private readonly executionName: (n: number) => string = (n) => `projects/p/locations/l/jobs/provision/executions/exec-${n}`) {}

  launch(request: LaunchRequest): Promise<Launched> {
    this.launched.push(request);
    this.states.set(request.jobId, { state: 'running' });
    return Promise.resolve({ execution: this.executionName(this.launched.length) });
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
