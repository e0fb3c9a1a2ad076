import { STAGE_IDS, type StageId } from '../core/stage-ids.js';
import type { EventPublisher } from '../notify/event-publisher.js';
import type { PhaseEvent } from '../notify/phase-event.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`.padStart(7);
}

function describe(output: unknown): string {
  if (typeof output !== 'object' || output === null) return '';
  const o = output as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const v = o[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const parts: string[] = [];
  for (const key of ['company', 'industry', 'dataset', 'agent']) {
    const v = text(key);
    if (v) parts.push(v);
  }
  const title = text('title');
  if (title) parts.push(`"${title}"`);
  for (const [key, label] of [['tables', 'tables'], ['rows', 'rows'], ['goldenSql', 'golden SQL']] as const) {
    const v = text(key);
    if (v) parts.push(`${v} ${label}`);
  }
  const passed = text('passed');
  if (passed) parts.push(`${passed}/${text('total') ?? '?'} golden queries pass`);
  return parts.join(' · ');
}

/**
 * Live per-stage progress on a terminal: one line per stage, the running one redrawn with
 * its elapsed time. Writes only to the stream it is given (stderr), never to stdout.
 */
export class ProgressView implements EventPublisher {
  private current: { stage: StageId; started: number; message: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;

  constructor(private readonly out: NodeJS.WriteStream) {}

  private line(text: string): void {
    this.out.write(`\r\x1b[2K${text}`);
  }

  private draw(): void {
    if (!this.current) return;
    const { stage, started, message } = this.current;
    const n = STAGE_IDS.indexOf(stage) + 1;
    this.line(`  ${SPINNER[this.frame++ % SPINNER.length]} ${n}/7 ${stage.padEnd(10)}${seconds(performance.now() - started)}  ${message}`);
  }

  publish(e: PhaseEvent): Promise<void> {
    const n = e.stage ? STAGE_IDS.indexOf(e.stage) + 1 : 0;
    switch (e.type) {
      case 'job.started':
        this.out.write(`provision ${String((e.output as { url?: string } | undefined)?.url ?? '')}  (job ${e.jobId})\n`);
        break;
      case 'stage.started':
        this.current = { stage: e.stage as StageId, started: performance.now(), message: '' };
        this.timer ??= setInterval(() => this.draw(), 100);
        this.timer.unref();
        this.draw();
        break;
      case 'stage.progress':
        if (this.current && e.message) this.current.message = e.message;
        this.draw();
        break;
      case 'stage.completed':
        this.current = undefined;
        this.line(`  ✓ ${n}/7 ${String(e.stage).padEnd(10)}${seconds(e.metrics?.durationMs ?? 0)}  ${e.message === 'resumed from checkpoint' ? '(resumed) ' : ''}${describe(e.output)}\n`);
        break;
      case 'stage.failed':
        this.current = undefined;
        this.line(`  ✗ ${n}/7 ${String(e.stage).padEnd(10)}${seconds(e.metrics?.durationMs ?? 0)}  [${e.error?.code ?? 'internal'}] ${e.error?.message ?? ''}\n`);
        break;
      default:
        break;
    }
    return Promise.resolve();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return Promise.resolve();
  }
}
