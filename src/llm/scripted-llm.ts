import { InternalError, ModelOutputError } from '../core/errors.js';
import type { StageId } from '../core/stage-ids.js';
import { addUsage, emptyUsage, type Llm, type LlmRequest, type LlmResult } from './llm.js';

/** One canned answer: for a stage (and optionally a tool name), the raw value the model "returns". */
export interface ScriptedAnswer {
  stage: StageId;
  name?: string;
  value: unknown;
}

/**
 * A fake model for tests: replays canned answers in order, validates them against the
 * request's schema like the real adapter, records every request, and fails loudly on a
 * call nobody scripted.
 */
export class ScriptedLlm implements Llm {
  readonly requests: Array<LlmRequest<unknown>> = [];
  private readonly answers: ScriptedAnswer[];

  constructor(answers: ScriptedAnswer[]) {
    this.answers = [...answers];
  }

  generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    this.requests.push(request);
    const i = this.answers.findIndex((a) => a.stage === request.stage && (a.name === undefined || a.name === request.name));
    if (i < 0) return Promise.reject(new InternalError(`ScriptedLlm: no answer scripted for stage ${request.stage} (${request.name})`));
    const [answer] = this.answers.splice(i, 1);
    const parsed = request.schema.safeParse(answer?.value);
    if (!parsed.success) return Promise.reject(new ModelOutputError('llm_invalid_output', `scripted answer for ${request.stage} does not match ${request.name}`, { stage: request.stage }));
    return Promise.resolve({ value: parsed.data, model: 'scripted', usage: addUsage(emptyUsage(), { ...emptyUsage(), calls: 1 }) });
  }

  /** Answers nobody asked for: a test that scripted more than the code used should say so. */
  get unused(): readonly ScriptedAnswer[] {
    return this.answers;
  }
}
