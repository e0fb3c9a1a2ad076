import type { z } from 'zod';
import type { StageId } from '../core/stage-ids.js';

/** Tokens and estimated cost of one or more model calls. */
export interface LlmUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Estimated from list prices (see `prices.ts`); not a bill. */
  costUsd: number;
}

export interface LlmRequest<T> {
  /** Which stage asks: errors and accounting name it. */
  stage: StageId;
  /** Overrides the stage's default model. */
  model?: string;
  /**
   * System content. Blocks marked `cache` (the shared company context reused across stages)
   * are sent with prompt caching.
   */
  system: Array<{ text: string; cache?: boolean }>;
  user: string;
  /** The output's shape; the model answers through a tool with this schema, and the answer is validated. */
  schema: z.ZodType<T>;
  /** The tool's name, e.g. `company_profile`. */
  name: string;
  description: string;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface LlmResult<T> {
  value: T;
  model: string;
  usage: LlmUsage;
}

/**
 * The model port: structured generation against a zod schema. Errors are `llm_unavailable`
 * (the service failed after bounded retries) or `llm_invalid_output` (the answer stayed
 * invalid after bounded repair), each naming the stage and the model.
 */
export interface Llm {
  generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>>;
}

export function emptyUsage(): LlmUsage {
  return { calls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
}

export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return {
    calls: a.calls + b.calls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    costUsd: Math.round((a.costUsd + b.costUsd) * 1e6) / 1e6,
  };
}
