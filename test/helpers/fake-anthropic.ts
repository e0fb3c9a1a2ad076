import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A fault the fake answers with instead of the scripted answer: an HTTP status, an invalid answer, or no answer at all. */
export type Fault = number | 'invalid' | 'hang';

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    max_tokens: number;
    system?: Array<{ type: string; text: string; cache_control?: unknown }>;
    messages: Array<{ role: string; content: unknown }>;
    tools: Array<{ name: string; input_schema: Record<string, unknown> }>;
    tool_choice: unknown;
  };
  tool: string;
  usage?: { input_tokens: number; output_tokens: number; cache_read_input_tokens: number; cache_creation_input_tokens: number };
}

export interface LlmSession {
  site: string;
  warehouse: string;
  asOf: string;
  provenance: string;
  /** Answers by tool name; `sequence(a, b)` answers a, then b from then on. */
  answers: Record<string, unknown>;
}

export function loadSession(name: string): LlmSession {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/llm-sessions/${name}.json`, import.meta.url)), 'utf8')) as LlmSession;
}

const tokens = (text: string): number => Math.ceil(text.length / 4);

/**
 * A loopback stand-in for the Anthropic Messages API. It answers a forced tool call with the
 * session's answer for that tool, reports usage estimated at 4 characters per token (cached
 * system blocks are written once, then read), injects faults per tool, and records every request.
 */
export class FakeAnthropic {
  readonly requests: RecordedRequest[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly served = new Map<string, number>();
  private readonly cached = new Set<string>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  url = '';

  constructor(private answers: Record<string, unknown>) {}

  static async start(answers: Record<string, unknown>): Promise<FakeAnthropic> {
    const fake = new FakeAnthropic(answers);
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The next calls of `tool` get these faults, in order, before the scripted answers resume. */
  fail(tool: string, ...faults: Fault[]): void {
    this.faults.set(tool, [...(this.faults.get(tool) ?? []), ...faults]);
  }

  /** Replaces the answers; sequences start again from their first step. */
  setAnswers(answers: Record<string, unknown>): void {
    this.answers = answers;
    this.served.clear();
  }

  calls(tool?: string): RecordedRequest[] {
    return tool ? this.requests.filter((r) => r.tool === tool) : this.requests;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) return this.error(res, 404, 'not_found_error', `no route ${req.method} ${req.url}`);
      const body = JSON.parse(raw) as RecordedRequest['body'];
      const tool = body.tools[0]?.name ?? '';
      const recorded: RecordedRequest = { headers: req.headers, body, tool };
      this.requests.push(recorded);
      const fault = this.faults.get(tool)?.shift();
      if (fault === 'hang') {
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      if (typeof fault === 'number') {
        const type = fault === 429 ? 'rate_limit_error' : fault === 529 ? 'overloaded_error' : 'api_error';
        res.writeHead(fault, { 'content-type': 'application/json', 'retry-after-ms': '5' });
        return void res.end(JSON.stringify({ type: 'error', error: { type, message: `injected ${fault}` } }));
      }
      let input: unknown;
      if (fault === 'invalid') input = {};
      else {
        const scripted = this.answers[tool];
        if (scripted === undefined) return this.error(res, 400, 'invalid_request_error', `the fake has no answer for tool ${tool}`);
        const n = this.served.get(tool) ?? 0;
        this.served.set(tool, n + 1);
        const steps = (scripted as { __sequence?: unknown[] }).__sequence;
        input = steps ? steps[Math.min(n, steps.length - 1)] : scripted;
      }
      recorded.usage = this.usage(body, input);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `msg_${this.requests.length}`, type: 'message', role: 'assistant', model: body.model, stop_reason: 'tool_use', stop_sequence: null, content: [{ type: 'tool_use', id: `toolu_${this.requests.length}`, name: tool, input }], usage: recorded.usage }));
    });
  }

  private usage(body: RecordedRequest['body'], input: unknown): NonNullable<RecordedRequest['usage']> {
    let cacheRead = 0;
    let cacheWrite = 0;
    let plain = tokens(JSON.stringify(body.messages)) + tokens(JSON.stringify(body.tools));
    for (const block of body.system ?? []) {
      const n = tokens(block.text);
      if (!block.cache_control) {
        plain += n;
        continue;
      }
      const key = createHash('sha256').update(`${body.model}\n${block.text}`).digest('hex');
      if (this.cached.has(key)) cacheRead += n;
      else {
        this.cached.add(key);
        cacheWrite += n;
      }
    }
    return { input_tokens: plain, output_tokens: tokens(JSON.stringify(input)), cache_read_input_tokens: cacheRead, cache_creation_input_tokens: cacheWrite };
  }

  private error(res: ServerResponse, status: number, type: string, message: string): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type, message } }));
  }

  close(): void {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    this.server.close();
  }
}

/** Answers `tool` with each of `values` in turn (the last one from then on). */
export function sequence(...values: unknown[]): { __sequence: unknown[] } {
  return { __sequence: values };
}
