import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapiMessage, CapiOperation } from '../../src/dataagent/capi-data-agent.js';

export interface CapiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeConversation {
  name: string;
  agents: string[];
  /** Every message of the conversation, user and system, in order. */
  messages: CapiMessage[];
}

export interface FailCreateOptions {
  /** How many creates fail; default 1. */
  times?: number;
  /** Create the agent, then answer with the failure: an answer lost after the work was done. */
  afterCommit?: boolean;
  /** Accept the request, but finish its operation with this error (`status` is then a google.rpc code). */
  inOperation?: boolean;
}

export interface FakeCapi {
  url: string;
  requests: CapiRequest[];
  /** Current agents by full name. */
  agents: Map<string, Record<string, unknown>>;
  conversations: Map<string, FakeConversation>;
  failCreate(status: number, message: string, options?: FailCreateOptions): void;
  /** Scripts the system messages streamed for questions the matcher accepts (latest script wins). */
  answer(matcher: string | RegExp | ((question: string) => boolean), messages: CapiMessage[]): void;
  close(): Promise<void>;
}

export interface FakeCapiOptions {
  /** Pause between streamed chunks; default 2 ms. */
  chunkDelayMs?: number;
  /** Polls an operation answers `done: false` before it is done; default 1. */
  pendingPolls?: number;
}

const ID = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

/** Byte sizes for splitting a stream where a parser is least likely to expect it. */
const CHUNK_SIZES = [1, 7, 3, 29, 2, 13, 64, 5];

/** Cuts at irregular sizes, and inside every multi-byte UTF-8 character. */
function awkwardChunks(bytes: Buffer): Buffer[] {
  const cuts = new Set<number>();
  for (let at = 0, i = 0; at < bytes.length; i++) cuts.add((at += CHUNK_SIZES[i % CHUNK_SIZES.length] ?? 8));
  bytes.forEach((b, i) => {
    if (b >= 0xc0) cuts.add(i + 1);
  });
  const sorted = [...cuts].filter((c) => c < bytes.length).sort((a, b) => a - b);
  return [0, ...sorted].map((from, i) => bytes.subarray(from, sorted[i] ?? bytes.length));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/**
 * A loopback fake of the Conversational Analytics API v1beta (REST): data agents (create with
 * request-id deduplication, get, patch honouring updateMask, delete), long-running operations
 * that are not done on their first poll, conversations, and `:chat` streaming scripted
 * messages as a JSON array cut into awkward chunks (mid-object, mid-character).
 */
export async function startFakeCapi(options: FakeCapiOptions = {}): Promise<FakeCapi> {
  const requests: CapiRequest[] = [];
  const agents = new Map<string, Record<string, unknown>>();
  const conversations = new Map<string, FakeConversation>();
  const operations = new Map<string, { polls: number; result: Pick<CapiOperation, 'error' | 'response'> }>();
  const createsByRequestId = new Map<string, CapiOperation>();
  const scripts: Array<{ matches: (q: string) => boolean; messages: CapiMessage[] }> = [];
  let failures: Array<{ status: number; message: string; afterCommit: boolean; inOperation: boolean }> = [];
  let counter = 0;

  const operation = (parent: string, result: Pick<CapiOperation, 'error' | 'response'>): CapiOperation => {
    const name = `${parent}/operations/op-${++counter}`;
    operations.set(name, { polls: 0, result });
    return { name, done: false, metadata: { '@type': 'type.googleapis.com/google.cloud.geminidataanalytics.v1beta.OperationMetadata' } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const method = req.method ?? '';
    requests.push({ method, path, query, body, headers: req.headers });
    const send = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    const fail = (status: number, message: string): void => send(status, { error: { code: status, message, status: STATUS[status] ?? 'UNKNOWN' } });

    const create = /^\/v1beta\/(projects\/[^/]+\/locations\/[^/]+)\/dataAgents$/.exec(path);
    if (method === 'POST' && create) {
      const parent = create[1] ?? '';
      const id = query.dataAgentId ?? '';
      const requestId = query.requestId;
      if (!ID.test(id)) return fail(400, `Invalid data agent id "${id}".`);
      if (requestId !== undefined && !UUID4.test(requestId)) return fail(400, 'request_id must be a UUID4.');
      const failure = failures.shift();
      if (failure && !failure.afterCommit && !failure.inOperation) return fail(failure.status, failure.message);
      // A request id seen before gets the earlier request's operation, as CAPI does for an hour.
      const seen = requestId ? createsByRequestId.get(requestId) : undefined;
      if (seen) return failure?.afterCommit ? fail(failure.status, failure.message) : send(200, seen);
      const name = `${parent}/dataAgents/${id}`;
      if (agents.has(name)) return fail(409, `Resource '${name}' already exists`);
      if (failure?.inOperation) return send(200, operation(parent, { error: { code: failure.status, message: failure.message } }));
      const now = new Date().toISOString();
      const agent = { ...body, name, createTime: now, updateTime: now };
      agents.set(name, agent);
      const op = operation(parent, { response: { '@type': 'type.googleapis.com/google.cloud.geminidataanalytics.v1beta.DataAgent', ...agent } });
      if (requestId) createsByRequestId.set(requestId, op);
      if (failure?.afterCommit) return fail(failure.status, failure.message);
      return send(200, op);
    }

    const agentPath = /^\/v1beta\/((projects\/[^/]+\/locations\/[^/]+)\/dataAgents\/[^/:]+)$/.exec(path);
    if (agentPath) {
      const name = agentPath[1] ?? '';
      const parent = agentPath[2] ?? '';
      const agent = agents.get(name);
      if (!agent) return fail(404, `Resource '${name}' was not found`);
      if (method === 'GET') return send(200, agent);
      if (method === 'PATCH') {
        if (query.requestId !== undefined && !UUID4.test(query.requestId)) return fail(400, 'request_id must be a UUID4.');
        const mask = query.updateMask?.split(',').filter(Boolean);
        if (mask) for (const p of mask) setPath(agent, p, getPath(body, p));
        else Object.assign(agent, body, { name });
        agent.updateTime = new Date().toISOString();
        return send(200, operation(parent, { response: { ...agent } }));
      }
      if (method === 'DELETE') {
        agents.delete(name);
        return send(200, operation(parent, { response: { '@type': 'type.googleapis.com/google.protobuf.Empty' } }));
      }
    }

    const op = /^\/v1beta\/(projects\/[^/]+\/locations\/[^/]+\/operations\/[^/]+)$/.exec(path);
    if (method === 'GET' && op) {
      const entry = operations.get(op[1] ?? '');
      if (!entry) return fail(404, 'operation not found');
      entry.polls++;
      if (entry.polls <= (options.pendingPolls ?? 1)) return send(200, { name: op[1], done: false });
      return send(200, { name: op[1], done: true, ...entry.result });
    }

    const conv = /^\/v1beta\/(projects\/[^/]+\/locations\/[^/]+)\/conversations$/.exec(path);
    if (method === 'POST' && conv) {
      const id = query.conversationId ?? `conv-${randomUUID()}`;
      if (!ID.test(id)) return fail(400, `Invalid conversation id "${id}".`);
      const name = `${conv[1] ?? ''}/conversations/${id}`;
      if (conversations.has(name)) return fail(409, `Resource '${name}' already exists`);
      const wanted = Array.isArray(body.agents) ? (body.agents as string[]) : [];
      if (wanted.length !== 1) return fail(400, 'A conversation needs exactly one agent.');
      if (!agents.has(wanted[0] ?? '')) return fail(404, `Data agent '${wanted[0] ?? ''}' was not found`);
      const conversation = { name, agents: wanted, messages: [] };
      conversations.set(name, conversation);
      return send(200, { name, agents: wanted, createTime: new Date().toISOString() });
    }

    const chat = /^\/v1beta\/(projects\/[^/]+\/locations\/[^/]+):chat$/.exec(path);
    if (method === 'POST' && chat) {
      if (body.parent !== chat[1]) return fail(400, 'parent does not match the URL.');
      const ref = body.conversationReference as { conversation?: string; dataAgentContext?: { dataAgent?: string } } | undefined;
      const conversation = conversations.get(ref?.conversation ?? '');
      if (!conversation) return fail(404, `Conversation '${ref?.conversation ?? ''}' was not found`);
      if (!conversation.agents.includes(ref?.dataAgentContext?.dataAgent ?? '')) return fail(400, 'dataAgentContext.dataAgent is not the agent of the conversation.');
      const incoming = (body.messages as CapiMessage[] | undefined) ?? [];
      const question = incoming[incoming.length - 1]?.userMessage?.text ?? '';
      const script = [...scripts].reverse().find((s) => s.matches(question));
      const reply: CapiMessage[] = script?.messages ?? [
        { systemMessage: { text: { parts: [`I can't answer "${question}" with the data I have.`], textType: 'FINAL_RESPONSE' } } },
      ];
      const stamped = reply.map((m) => ({ timestamp: new Date().toISOString(), ...m }));
      conversation.messages.push(...incoming, ...stamped);
      const bytes = Buffer.from(`[${stamped.map((m) => JSON.stringify(m)).join('\n,\r\n')}]`);
      res.writeHead(200, { 'content-type': 'application/json' });
      for (const chunk of awkwardChunks(bytes)) {
        res.write(chunk);
        await new Promise((r) => setTimeout(r, options.chunkDelayMs ?? 2));
      }
      res.end();
      return;
    }

    fail(404, `no route ${method} ${path}`);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 500, message: String(err), status: 'INTERNAL' } }));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    agents,
    conversations,
    failCreate(status, message, failOptions = {}) {
      const entry = { status, message, afterCommit: failOptions.afterCommit ?? false, inOperation: failOptions.inOperation ?? false };
      failures = [...failures, ...Array.from({ length: failOptions.times ?? 1 }, () => entry)];
    },
    answer(matcher, messages) {
      const matches = typeof matcher === 'function' ? matcher : typeof matcher === 'string' ? (q: string) => q.includes(matcher) : (q: string) => matcher.test(q);
      scripts.push({ matches, messages });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
