import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { CancelledError, ModelOutputError, RemoteServiceError } from '../core/errors.js';
import type { StageId } from '../core/stage-ids.js';
import type { Logger } from '../logging/logger.js';
import { addUsage, emptyUsage, type Llm, type LlmRequest, type LlmResult, type LlmUsage } from './llm.js';
import { estimateCost, type Price } from './prices.js';

/** A strong model where judgement matters, a fast one for mechanical work. Override per stage. */
export const DEFAULT_MODELS: Record<StageId, string> = {
  research: 'claude-opus-5-5',
  story: 'claude-opus-5-5',
  model: 'claude-opus-5-5',
  data: 'claude-haiku-5-5',
  provision: 'claude-haiku-5-5',
  agent: 'claude-haiku-5-5',
  validate: 'claude-haiku-5-5',
};

export interface AnthropicLlmOptions {
  apiKey: string;
  /** ANTHROPIC_BASE_URL: tests point the SDK at a loopback fake. */
  baseURL?: string;
  models?: Partial<Record<StageId, string>>;
  /** Attempts after the first for 429, 5xx, 529 and connection errors (the SDK backs off with jitter and honours retry-after). */
  maxRetries?: number;
  /** Per call. */
  timeoutMs?: number;
  /** Extra calls that send the validation errors back for a corrected answer. */
  repairs?: number;
  prices?: Record<string, Price>;
  logger: Logger;
}

type Message = Anthropic.MessageParam;

function toolSchema(schema: z.ZodType): Anthropic.Tool.InputSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return { ...json, type: 'object' };
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('\n');
}

/**
 * Claude through the official SDK: the answer comes as a forced tool call whose
 * `input_schema` is the zod schema, and is validated with zod; an invalid answer goes back
 * with its validation errors for a bounded repair. Usage and estimated cost are summed.
 */
export class AnthropicLlm implements Llm {
  private readonly client: Anthropic;

  constructor(private readonly options: AnthropicLlmOptions) {
    this.client = new Anthropic({
      apiKey: options.apiKey,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      maxRetries: options.maxRetries ?? 4,
      timeout: options.timeoutMs ?? 120_000,
    });
  }

  modelFor(stage: StageId, override?: string): string {
    return override ?? this.options.models?.[stage] ?? DEFAULT_MODELS[stage];
  }

  async generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    const model = this.modelFor(request.stage, request.model);
    const where = `stage ${request.stage}, model ${model}`;
    const tool: Anthropic.Tool = { name: request.name, description: request.description, input_schema: toolSchema(request.schema) };
    const system: Anthropic.TextBlockParam[] = request.system.map((b) => ({ type: 'text', text: b.text, ...(b.cache ? { cache_control: { type: 'ephemeral' } } : {}) }));
    const messages: Message[] = [{ role: 'user', content: request.user }];
    let usage: LlmUsage = emptyUsage();
    const repairs = this.options.repairs ?? 2;

    for (let attempt = 0; ; attempt++) {
      let response: Anthropic.Message;
      try {
        response = await this.client.messages.create(
          { model, max_tokens: request.maxTokens ?? 8192, system, messages, tools: [tool], tool_choice: { type: 'tool', name: tool.name } },
          { ...(request.signal ? { signal: request.signal } : {}) },
        );
      } catch (err) {
        if (err instanceof Anthropic.APIUserAbortError || request.signal?.aborted) throw new CancelledError(undefined, { stage: request.stage, cause: err });
        const status: number | undefined = err instanceof Anthropic.APIError ? (err.status as number | undefined) : undefined;
        const hint = status === 401 || status === 403 ? ' Check ANTHROPIC_API_KEY.' : ' The service may be overloaded; the job can be retried.';
        throw new RemoteServiceError('llm_unavailable', `Claude did not answer (${where}): ${(err as Error).message}.${hint}`, { stage: request.stage, cause: err });
      }
      const u = response.usage;
      const tokens = { input: u.input_tokens, output: u.output_tokens, cacheRead: u.cache_read_input_tokens ?? 0, cacheWrite: u.cache_creation_input_tokens ?? 0 };
      usage = addUsage(usage, {
        calls: 1,
        inputTokens: tokens.input,
        outputTokens: tokens.output,
        cacheReadTokens: tokens.cacheRead,
        cacheWriteTokens: tokens.cacheWrite,
        costUsd: estimateCost(model, tokens, this.options.prices),
      });

      const call = response.content.find((c): c is Anthropic.ToolUseBlock => c.type === 'tool_use' && c.name === tool.name);
      const problem = call ? request.schema.safeParse(call.input) : undefined;
      if (call && problem?.success) return { value: problem.data, model, usage };

      const why = !call ? `the answer did not call ${tool.name}` : issues((problem as { error: z.ZodError }).error);
      if (attempt >= repairs) {
        throw new ModelOutputError('llm_invalid_output', `Claude's answer did not match the ${request.name} schema after ${repairs} repairs (${where}): ${why.split('\n')[0] ?? why}`, { stage: request.stage });
      }
      this.options.logger.warn('model output invalid; asking for a repair', { stage: request.stage, model, attempt, problems: why });
      messages.push({ role: 'assistant', content: response.content });
      messages.push(
        call
          ? { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, is_error: true, content: `The input does not match the schema:\n${why}\nCall ${tool.name} again with a corrected, complete input.` }] }
          : { role: 'user', content: `Answer by calling the ${tool.name} tool with a complete input.` },
      );
    }
  }
}
