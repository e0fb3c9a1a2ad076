import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { ProvisionError } from '../src/core/errors.js';
import { AnthropicLlm } from '../src/llm/anthropic-llm.js';
import { estimateCost } from '../src/llm/prices.js';
import { ScriptedLlm } from '../src/llm/scripted-llm.js';
import { silentLogger } from '../src/logging/logger.js';

const Profile = z.object({ name: z.string().min(1), industry: z.enum(['retail', 'saas']), products: z.array(z.string()).min(1) });

type Reply = (body: Record<string, unknown>, res: ServerResponse) => void;

/** A loopback stand-in for the Messages API: answers from a queue and records every request. */
class FakeAnthropic {
  readonly requests: Array<{ headers: IncomingMessage['headers']; body: Record<string, unknown> }> = [];
  replies: Reply[] = [];
  private server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      this.requests.push({ headers: req.headers, body });
      const reply = this.replies.shift();
      if (!reply) return res.writeHead(500, { 'content-type': 'application/json' }).end('{"type":"error","error":{"type":"api_error","message":"unscripted"}}');
      reply(body, res);
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  close(): void {
    this.server.closeAllConnections();
    this.server.close();
  }
}

const toolAnswer = (input: unknown, usage = { input_tokens: 1000, output_tokens: 200, cache_read_input_tokens: 800, cache_creation_input_tokens: 0 }): Reply => (body, res) => {
  const tool = (body.tools as Array<{ name: string }>)[0]?.name ?? 'x';
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({ id: `msg_${Math.random()}`, type: 'message', role: 'assistant', model: body.model, stop_reason: 'tool_use', stop_sequence: null, content: [{ type: 'tool_use', id: 'toolu_1', name: tool, input }], usage }),
  );
};
const overloaded = (retryAfterMs = '5'): Reply => (_b, res) =>
  res.writeHead(529, { 'content-type': 'application/json', 'retry-after-ms': retryAfterMs }).end('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');

describe('AnthropicLlm against a loopback fake of the Messages API', () => {
  const fake = new FakeAnthropic();
  let llm: AnthropicLlm;
  before(async () => {
    llm = new AnthropicLlm({ apiKey: 'test-key', baseURL: await fake.start(), maxRetries: 2, timeoutMs: 5_000, logger: silentLogger });
  });
  after(() => fake.close());
  const request = { stage: 'research' as const, system: [{ text: 'You research companies.' }, { text: 'COMPANY CONTEXT', cache: true }], user: 'Profile this site.', schema: Profile, name: 'company_profile', description: 'The company profile.' };

  it('forces the schema tool, validates the answer, caches the shared context, and counts tokens and cost', async () => {
    fake.replies = [toolAnswer({ name: 'Northwind', industry: 'retail', products: ['Tents'] })];
    const result = await llm.generate(request);
    assert.deepEqual(result.value, { name: 'Northwind', industry: 'retail', products: ['Tents'] });
    assert.equal(result.model, 'claude-opus-5-5');
    const sent = fake.requests.at(-1)?.body as { tools: Array<{ name: string; input_schema: { type: string; properties: Record<string, unknown> } }>; tool_choice: unknown; system: Array<{ cache_control?: unknown }> };
    assert.equal(sent.tools[0]?.name, 'company_profile');
    assert.equal(sent.tools[0]?.input_schema.type, 'object');
    assert.deepEqual(Object.keys(sent.tools[0]?.input_schema.properties ?? {}).sort(), ['industry', 'name', 'products']);
    assert.deepEqual(sent.tool_choice, { type: 'tool', name: 'company_profile' });
    assert.equal(sent.system[0]?.cache_control, undefined);
    assert.deepEqual(sent.system[1]?.cache_control, { type: 'ephemeral' });
    const headers = fake.requests.at(-1)?.headers ?? {};
    assert.ok(headers['x-api-key'] === 'test-key' || headers.authorization === 'Bearer test-key', 'the API key is sent');
    assert.deepEqual({ ...result.usage, costUsd: undefined }, { calls: 1, inputTokens: 1000, outputTokens: 200, cacheReadTokens: 800, cacheWriteTokens: 0, costUsd: undefined });
    assert.equal(result.usage.costUsd, estimateCost('claude-opus-5-5', { input: 1000, output: 200, cacheRead: 800, cacheWrite: 0 }));
    assert.ok(result.usage.costUsd > 0);
  });

  it('sends an invalid answer back with its validation errors and accepts the repair', async () => {
    fake.replies = [toolAnswer({ name: '', industry: 'banking', products: [] }), toolAnswer({ name: 'Ledgerly', industry: 'saas', products: ['Invoices'] })];
    const before = fake.requests.length;
    const result = await llm.generate(request);
    assert.equal(result.value.name, 'Ledgerly');
    assert.equal(result.usage.calls, 2);
    const repair = fake.requests[before + 1]?.body as { messages: Array<{ role: string; content: unknown }> };
    const last = repair.messages.at(-1)?.content as Array<{ type: string; is_error: boolean; content: string }>;
    assert.equal(last[0]?.type, 'tool_result');
    assert.equal(last[0]?.is_error, true);
    assert.match(last[0]?.content ?? '', /industry/);
  });

  it('gives up with llm_invalid_output after the bounded repairs, naming stage and model', async () => {
    fake.replies = [toolAnswer({ nope: 1 }), toolAnswer({ nope: 2 }), toolAnswer({ nope: 3 })];
    await assert.rejects(llm.generate(request), (err: ProvisionError) => err.code === 'llm_invalid_output' && /stage research, model claude-opus-5-5/.test(err.message) && !err.retryable);
  });

  it('retries 529 with backoff (honouring retry-after) and succeeds', async () => {
    const before = fake.requests.length;
    fake.replies = [overloaded(), overloaded(), toolAnswer({ name: 'Acme', industry: 'retail', products: ['x'] })];
    const result = await llm.generate({ ...request, stage: 'agent' });
    assert.equal(result.value.name, 'Acme');
    assert.equal(result.model, 'claude-haiku-5-5', 'mechanical stages use the fast model');
    assert.equal(fake.requests.length - before, 3);
  });

  it('reports llm_unavailable (retryable) when the retries run out', async () => {
    fake.replies = [overloaded(), overloaded(), overloaded()];
    await assert.rejects(llm.generate(request), (err: ProvisionError) => err.code === 'llm_unavailable' && err.retryable && /stage research, model claude-opus-5-5/.test(err.message));
  });

  it('is cancelled through the abort signal', async () => {
    fake.replies = [(_b, res) => setTimeout(() => toolAnswer({ name: 'late', industry: 'retail', products: ['x'] })(_b, res), 2_000)];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(llm.generate({ ...request, signal: controller.signal }), (err: ProvisionError) => err.code === 'cancelled');
  });
});

describe('ScriptedLlm', () => {
  it('replays answers, records requests and fails loudly on an unscripted call', async () => {
    const llm = new ScriptedLlm([{ stage: 'story', value: { name: 'x', industry: 'saas', products: ['a'] } }]);
    const r = await llm.generate({ stage: 'story', system: [], user: 'u', schema: Profile, name: 'p', description: 'd' });
    assert.equal(r.value.industry, 'saas');
    assert.equal(llm.requests.length, 1);
    await assert.rejects(llm.generate({ stage: 'story', system: [], user: 'u', schema: Profile, name: 'p', description: 'd' }), /no answer scripted/);
    assert.deepEqual(llm.unused, []);
  });
});
