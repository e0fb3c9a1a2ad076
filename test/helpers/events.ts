import { STAGE_IDS } from '../../src/core/stage-ids.js';
import { EventSequencer, type PhaseEvent } from '../../src/notify/phase-event.js';

/** The events of one whole successful job, stamped as a job process would. */
export function jobEvents(jobId: string, options: { company?: string; callbackUrl?: string; start?: Date } = {}): PhaseEvent[] {
  let t = (options.start ?? new Date('2026-11-25T08:00:00Z')).getTime();
  const seq = new EventSequencer(jobId, 0, () => new Date((t += 1000)));
  const events = [seq.next({ type: 'job.started', output: { url: `https://${jobId}.example.com/`, ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}) } })];
  for (const stage of STAGE_IDS) {
    events.push(seq.next({ type: 'stage.started', stage }));
    events.push(seq.next({ type: 'stage.progress', stage, progress: 0.5, message: 'halfway' }));
    events.push(
      seq.next({
        type: 'stage.completed',
        stage,
        metrics: { durationMs: 5 },
        output: { ...(stage === 'research' ? { company: options.company ?? `Company ${jobId}`, industry: 'Retail & e-commerce' } : {}), artifact: { stage, jobId } },
      }),
    );
  }
  events.push(seq.next({ type: 'job.completed', metrics: { durationMs: 100 }, output: { status: 'completed' } }));
  return events;
}

/** Deterministic shuffle (so a failing order can be replayed). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
