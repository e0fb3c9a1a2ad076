import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapiMessage } from '../../src/dataagent/capi-data-agent.js';

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
}

export interface FakeCapi {
  url: string;
  requests: CapiRequest[];
  /** Current agents by full name. */
  agents: Map<string, Record<string, unknown>>;
  conversations: Map<string, FakeConversation>;
  failCreate(status: number, message: string, options?: FailCreateOptions): void;
  /** The next request matching `match` has its connection dropped before any answer. */
  dropNext(match: (req: CapiRequest) => boolean): void;
  /** The next request matching `match` never gets an answer (until the fake closes). */
  stallNext(match: (req: CapiRequest) => boolean): void;
  /** Scripts the system messages streamed for questions the matcher accepts (latest script wins). */
  answer(matcher: string | RegExp | ((question: string) => boolean), messages: CapiMessage[]): void;
  close(): Promise<void>;
}

export interface FakeCapiOptions {
  /** Pause between streamed chunks; default 2 ms. */
  chunkDelayMs?: number;
}

const ID = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };
/** TextMessage.TextType: the client asks for enums as numbers ($alt=json;enum-encoding=int). */
const TEXT_TYPES: Record<string, number> = { TEXT_TYPE_UNSPECIFIED: 0, FINAL_RESPONSE: 1, THOUGHT: 2, PROGRESS: 3 };
/** DataAgentContext.ContextVersion, likewise. */
const CONTEXT_VERSIONS: Record<string, number> = { CONTEXT_VERSION_UNSPECIFIED: 0, STAGING: 1, PUBLISHED: 2 };

/** A scripted message as the service sends it to a client that asked for numeric enums. */
function withNumericEnums(m: CapiMessage): CapiMessage {
  const textType = m.systemMessage?.text?.textType;
  if (textType === undefined || !(textType in TEXT_TYPES)) return m;
  return { ...m, systemMessage: { ...m.systemMessage, text: { ...m.systemMessage?.text, textType: TEXT_TYPES[textType] as unknown as string } } };
}

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
 * A loopback fake of the Conversational Analytics API v1beta as its official client's REST
 * transport (google-gax fallback) calls it: every request with `$alt=json;enum-encoding=int`;
 * data agents through the synchronous methods (`:createSync` with request-id deduplication,
 * get, `:updateSync` honouring updateMask, `:deleteSync`), conversations, and `:chat` streaming
 * scripted messages as one JSON array cut into awkward chunks (mid-object, mid-character).
 */
export async function startFakeCapi(options: FakeCapiOptions = {}): Promise<FakeCapi> {
  const requests: CapiRequest[] = [];
  const agents = new Map<string, Record<string, unknown>>();
  const conversations = new Map<string, FakeConversation>();
  const createsByRequestId = new Map<string, Record<string, unknown>>();
  const scripts: Array<{ matches: (q: string) => boolean; messages: CapiMessage[] }> = [];
  const drops: Array<(req: CapiRequest) => boolean> = [];
  const stalls: Array<(req: CapiRequest) => boolean> = [];
  let failures: Array<{ status: number; message: string; afterCommit: boolean }> = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> => {
    // `$alt=json;enum-encoding=int` arrives with its `;` escaped; URLSearchParams decodes it.
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const method = req.method ?? '';
    const request: CapiRequest = { method, path, query, body, headers: req.headers };
    requests.push(request);
    const drop = drops.findIndex((d) => d(request));
    if (drop >= 0) {
      drops.splice(drop, 1);
      req.socket.destroy();
      return;
    }
    const stall = stalls.findIndex((d) => d(request));
    if (stall >= 0) {
      stalls.splice(stall, 1);
      return;
    }
    const send = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(value));
    };
    const fail = (status: number, message: string): void => send(status, { error: { code: status, message, status: STATUS[status] ?? 'UNKNOWN' } });
    // The official client's REST transport asks for JSON with enums as numbers on every call.
    if (query.$alt !== 'json;enum-encoding=int') return fail(400, `expected $alt=json;enum-encoding=int, got ${query.$alt ?? 'nothing'}`);

    const create = /^\/v1beta\/(projects\/[^/]+\/locations\/[^/]+)\/dataAgents:createSync$/.exec(path);
    if (method === 'POST' && create) {
      const parent = create[1] ?? '';
      const id = query.dataAgentId ?? '';
      const requestId = query.requestId;
      if (!ID.test(id)) return fail(400, `Invalid data agent id "${id}".`);
      if (requestId !== undefined && !UUID4.test(requestId)) return fail(400, 'request_id must be a UUID4.');
      const failure = failures.shift();
      if (failure && !failure.afterCommit) return fail(failure.status, failure.message);
      // A request id seen before gets the earlier request's answer, as CAPI does for an hour.
      const seen = requestId ? createsByRequestId.get(requestId) : undefined;
      if (seen) return failure?.afterCommit ? fail(failure.status, failure.message) : send(200, seen);
      const name = `${parent}/dataAgents/${id}`;
      if (agents.has(name)) return fail(409, `Resource '${name}' already exists`);
      const now = new Date().toISOString();
      const agent = { ...body, name, createTime: now, updateTime: now };
      agents.set(name, agent);
      if (requestId) createsByRequestId.set(requestId, agent);
      if (failure?.afterCommit) return fail(failure.status, failure.message);
      return send(200, agent);
    }

    const agentPath = /^\/v1beta\/(projects\/[^/]+\/locations\/[^/]+\/dataAgents\/[^/:]+)(:updateSync|:deleteSync)?$/.exec(path);
    if (agentPath) {
      const name = agentPath[1] ?? '';
      const verb = agentPath[2];
      const agent = agents.get(name);
      if (!agent) return fail(404, `Resource '${name}' was not found`);
      if (method === 'GET' && !verb) return send(200, agent);
      if (method === 'PATCH' && verb === ':updateSync') {
        if (query.requestId !== undefined && !UUID4.test(query.requestId)) return fail(400, 'request_id must be a UUID4.');
        const mask = query.updateMask?.split(',').filter(Boolean);
        if (mask) for (const p of mask) setPath(agent, p, getPath(body, p));
        else Object.assign(agent, body, { name });
        agent.updateTime = new Date().toISOString();
        return send(200, agent);
      }
      if (method === 'DELETE' && verb === ':deleteSync') {
        agents.delete(name);
        return send(200, {});
      }
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
      const ref = body.conversationReference as { conversation?: string; dataAgentContext?: { dataAgent?: string; contextVersion?: unknown } } | undefined;
      const conversation = conversations.get(ref?.conversation ?? '');
      if (!conversation) return fail(404, `Conversation '${ref?.conversation ?? ''}' was not found`);
      if (!conversation.agents.includes(ref?.dataAgentContext?.dataAgent ?? '')) return fail(400, 'dataAgentContext.dataAgent is not the agent of the conversation.');
      const version = ref?.dataAgentContext?.contextVersion;
      if (version !== undefined && !Object.values(CONTEXT_VERSIONS).includes(version as number)) return fail(400, `contextVersion must be a number with enum-encoding=int, got ${JSON.stringify(version)}.`);
      const incoming = (body.messages as CapiMessage[] | undefined) ?? [];
      const question = incoming[incoming.length - 1]?.userMessage?.text ?? '';
      const script = [...scripts].reverse().find((s) => s.matches(question));
      const reply: CapiMessage[] = script?.messages ?? [
        { systemMessage: { text: { parts: [`I can't answer "${question}" with the data I have.`], textType: 'FINAL_RESPONSE' } } },
      ];
      const stamped = reply.map((m) => ({ timestamp: new Date().toISOString(), ...m }));
      conversation.messages.push(...incoming, ...stamped);
      // Server streaming over REST: one JSON array whose elements arrive as they are ready.
      const bytes = Buffer.from(`[${stamped.map((m) => JSON.stringify(withNumericEnums(m))).join('\n,\r\n')}]`);
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
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
    dropNext(match) {
      drops.push(match);
    },
    stallNext(match) {
      stalls.push(match);
    },
    failCreate(status, message, failOptions = {}) {
      const entry = { status, message, afterCommit: failOptions.afterCommit ?? false };
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
