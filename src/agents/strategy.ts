import { CancelledError, InternalError, ProvisionError } from '../core/errors.js';
import type { StageId } from '../core/stage-ids.js';
import type { StageContext } from '../pipeline/context.js';
import type { Stage, StageOutputs } from '../pipeline/stage.js';

/** The llm strategy of one stage: same input, same output as the heuristic one. */
export type LlmRun<K extends StageId, I> = (input: I, ctx: StageContext) => Promise<StageOutputs[K]>;

/** Errors after which the heuristic strategy may take over: the model, not the job, failed. */
function modelFailed(err: unknown): err is ProvisionError {
  return err instanceof ProvisionError && (err.code === 'llm_unavailable' || err.code === 'llm_invalid_output');
}

/**
 * A stage with both strategies behind one contract. The job's strategy picks; when the llm
 * strategy fails for good (the service stays down, or its output stays invalid after repair),
 * the heuristic strategy produces the output and the stage says so in a warning, unless the
 * job asked for no fallback. The trace records which strategy produced the output.
 */
export function withStrategies<K extends StageId, I>(heuristic: Stage<K, I>, llm: LlmRun<K, I>): Stage<K, I> {
  return {
    ...heuristic,
    run: async (input, ctx) => {
      if (ctx.job.strategy !== 'llm') {
        ctx.trace.strategy = 'heuristic';
        return heuristic.run(input, ctx);
      }
      if (!ctx.llm) throw new InternalError(`Stage ${heuristic.id} runs the llm strategy, but no model was configured.`);
      try {
        const output = await llm(input, ctx);
        ctx.trace.strategy = 'llm';
        return output;
      } catch (err) {
        if (ctx.signal.aborted || err instanceof CancelledError || !modelFailed(err) || ctx.job.noFallback) throw err;
        ctx.trace.strategy = 'heuristic';
        ctx.trace.fallback = `${err.code}: ${err.message}`;
        ctx.warn(`The llm strategy of ${heuristic.id} failed (${err.code}: ${err.message}); the heuristic strategy produced this stage's output instead.`);
        ctx.logger.warn('llm strategy failed; falling back to heuristic', { code: err.code, error: err.message });
        return heuristic.run(input, ctx);
      }
    },
  };
}
