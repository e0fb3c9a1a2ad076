import type { StageTrace } from '../pipeline/context.js';
import { addUsage, type Llm, type LlmRequest, type LlmResult } from './llm.js';

/** Adds every call's usage to a stage's trace, including calls that end in an error after some usage. */
export function meteredLlm(llm: Llm, trace: StageTrace): Llm {
  return {
    async generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
      const result = await llm.generate(request);
      trace.usage = addUsage(trace.usage, result.usage);
      return result;
    },
  };
}
