import { isRetryableStatus, RETRY_POLICY, retryDelayMs } from '../core/retry-policy.js';
import { createHash, randomUUID } from 'node:crypto';
import { GoogleAuth } from 'google-auth-library';
import { CancelledError, InternalError, RemoteServiceError } from '../core/errors.js';
import type { AgentContext, ProvisionedDataset } from '../domain/artifacts.js';
import type { AgentAnswer, AgentConversation, DataAgentService, PublishedAgent } from './data-agent.js';
import { sleep } from '../core/sleep.js';

// Wire shapes of the Conversational Analytics API v1beta (REST, JSON names), as far as this
// adapter writes or reads them. Source: googleapis google/cloud/geminidataanalytics/v1beta/*.proto.

export interface CapiField {
  name: string;
  type?: string;
  description?: string;
  synonyms?: string[];
}

export interface CapiSchema {
  description?: string;
  synonyms?: string[];
  fields?: CapiField[];
}

export interface CapiTableReference {
  projectId: string;
  datasetId: string;
  tableId: string;
  schema?: CapiSchema;
}

export interface CapiSchemaRelationship {
  leftSchemaPaths: { tableFqn: string; paths: string[] };
  rightSchemaPaths: { tableFqn: string; paths: string[] };
}

/** `Context` of the API: what a data agent publishes and answers from. */
export interface CapiContext {
  systemInstruction: string;
  datasourceReferences: { bq: { tableReferences: CapiTableReference[] } };
  glossaryTerms: Array<{ displayName: string; description: string }>;
  exampleQueries: Array<{ naturalLanguageQuestion: string; sqlQuery: string }>;
  schemaRelationships: CapiSchemaRelationship[];
}

/** The writable part of a `DataAgent` resource, as this adapter sends it. */
export interface CapiDataAgentBody {
  name?: string;
  displayName: string;
  description: string;
  labels: Record<string, string>;
  dataAnalyticsAgent: { publishedContext: CapiContext };
}

/** `google.rpc.Status`, as carried by failed operations and error responses. */
export interface CapiStatus {
  code?: number;
  message?: string;
  status?: string;
}

export interface CapiOperation {
  name: string;
  done?: boolean;
  error?: CapiStatus;
  response?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface CapiDataResult {
  name?: string;
  schema?: { fields?: Array<{ name?: string; type?: string }> };
  data?: Array<Record<string, unknown>>;
}

/** One element of the `:chat` stream: a `Message` (or, mid-stream, an error envelope). */
export interface CapiMessage {
  timestamp?: string;
  userMessage?: { text?: string };
  systemMessage?: {
    text?: { parts?: string[]; textType?: string };
    schema?: Record<string, unknown>;
    data?: { query?: Record<string, unknown>; generatedSql?: string; result?: CapiDataResult; bigQueryJob?: Record<string, unknown> };
    analysis?: Record<string, unknown>;
    chart?: Record<string, unknown>;
    error?: { text?: string };
  };
  error?: CapiStatus;
}

export interface CapiDataAgentOptions {
  projectId: string;
  /** Default `global`. */
  location?: string;
  /** `CAPI_API_ENDPOINT`; default https://geminidataanalytics.googleapis.com. Loopback needs no credentials. */
  endpoint?: string;
  /** Project billed for quota (`x-goog-user-project`), when it differs from the caller's. */
  billingProjectId?: string;
  /** Between long-running operation polls; default 1000. */
  pollIntervalMs?: number;
  /** First retry delay, doubled per attempt; default 500. */
  retryDelayMs?: number;
  /** Attempts per request on 429, 5xx and connection failures; default 4. */
  maxAttempts?: number;
  /** How long to wait for one long-running operation; default 10 minutes. */
  operationTimeoutMs?: number;
  /**
   * Per control-plane request; a chat turn gets `chatTimeoutMs` (default 5 minutes), which is
   * also sent as `x-server-timeout` (in seconds, at most 600, as Google's own sample does) so
   * the server keeps working on a long answer as long as we wait for it.
   */
  requestTimeoutMs?: number;
  chatTimeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_ENDPOINT = 'https://geminidataanalytics.googleapis.com';
/** The longest `x-server-timeout` the chat API honours (600 s). */
export const MAX_CHAT_TIMEOUT_MS = 600_000;
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
// google.rpc.Code values: a failed operation reports a number, without the name.
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const CODE_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];

/** `project.dataset` → its parts. Project ids may contain dots (`example.com:p`), dataset ids cannot. */
function splitLocation(dataset: ProvisionedDataset): { projectId: string; datasetId: string } {
  const dot = dataset.location.lastIndexOf('.');
  if (dataset.warehouse !== 'bigquery' || dot <= 0) {
    throw new InternalError(`A CAPI data agent needs a BigQuery dataset (project.dataset); got ${dataset.warehouse} dataset "${dataset.location}".`);
  }
  return { projectId: dataset.location.slice(0, dot), datasetId: dataset.location.slice(dot + 1) };
}

function labelValue(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 63);
}

/**
 * The DataAgent resource for a context over a dataset: the YAML system instruction, one
 * BigQuery table reference per table of the dataset (with the context's descriptions and
 * synonyms where it has them), glossary terms, example queries and relationships. Pure.
 */
export function dataAgentBody(context: AgentContext, dataset: ProvisionedDataset): CapiDataAgentBody {
  const { projectId, datasetId } = splitLocation(dataset);
  const described = new Map(context.tables.map((t) => [t.name, t]));
  const tableFqn = (table: string): string => `bigquery.googleapis.com/projects/${projectId}/datasets/${datasetId}/tables/${table}`;
  const column = (ref: string): { table: string; column: string } => {
    const dot = ref.indexOf('.');
    return { table: ref.slice(0, dot), column: ref.slice(dot + 1) };
  };

  const tableReferences = dataset.tables.map((t): CapiTableReference => {
    const d = described.get(t.name);
    const ref: CapiTableReference = { projectId, datasetId, tableId: t.name };
    if (d) {
      ref.schema = {
        description: d.description,
        synonyms: d.synonyms,
        fields: d.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, synonyms: c.synonyms })),
      };
    }
    return ref;
  });
  const schemaRelationships = context.relationships.map((r): CapiSchemaRelationship => {
    const from = column(r.from);
    const to = column(r.to);
    return {
      leftSchemaPaths: { tableFqn: tableFqn(from.table), paths: [from.column] },
      rightSchemaPaths: { tableFqn: tableFqn(to.table), paths: [to.column] },
    };
  });

  return {
    displayName: context.agentName,
    description: `Conversational analytics over ${dataset.location} (${dataset.tables.length} tables), published by provision.`,
    labels: { 'managed-by': 'provision', dataset: labelValue(dataset.name) },
    dataAnalyticsAgent: {
      publishedContext: {
        systemInstruction: context.systemInstruction,
        datasourceReferences: { bq: { tableReferences } },
        glossaryTerms: context.glossary.map((g) => ({ displayName: g.term, description: g.definition })),
        exampleQueries: context.exampleQueries.map((e) => ({ naturalLanguageQuestion: e.question, sqlQuery: e.sql })),
        schemaRelationships,
      },
    },
  };
}

/**
 * A UUID4-shaped request id from the agent id and the payload: a create retried by another
 * attempt of the same job is recognised by CAPI as the same request instead of racing itself.
 */
export function createRequestId(agentId: string, body: unknown): string {
  const payloadHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const h = createHash('sha256').update(`${agentId}\n${payloadHash}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x40;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Splits a streamed JSON array (`[{…},{…}]`, arriving in arbitrary chunks) into its elements
 * as each one completes, so a long chat stream is read as it comes.
 */
export class JsonArraySplitter {
  private state: 'before' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element = '';

  /** Feeds the next piece of text; returns the elements it completed. */
  push(text: string): unknown[] {
    const out: unknown[] = [];
    for (const ch of text) {
      if (this.state === 'before') {
        if (isSpace(ch)) continue;
        if (ch !== '[') throw new SyntaxError(`expected a JSON array, got "${ch}"`);
        this.state = 'inside';
        continue;
      }
      if (this.state === 'after') {
        if (isSpace(ch)) continue;
        throw new SyntaxError(`unexpected "${ch}" after the end of the array`);
      }
      if (this.inString) {
        this.element += ch;
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (this.depth === 0 && (ch === ',' || ch === ']')) {
        this.flush(out);
        if (ch === ']') this.state = 'after';
        continue;
      }
      if (this.depth === 0 && this.element === '' && isSpace(ch)) continue;
      this.element += ch;
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        // An object is complete at its closing brace: hand it over without waiting for the comma.
        if (this.depth === 0) this.flush(out);
      }
    }
    return out;
  }

  /** Whether the closing bracket has been seen. */
  get complete(): boolean {
    return this.state === 'after';
  }

  private flush(out: unknown[]): void {
    const text = this.element.trim();
    this.element = '';
    if (text) out.push(JSON.parse(text));
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}

/**
 * Reads one chat turn's messages into an answer: final-response text, the last generated SQL,
 * and the last data result as columns and rows. Error messages are steps the agent may recover
 * from; they only make the turn unanswered when no result follows. Pure.
 */
export function answerFromMessages(messages: CapiMessage[]): AgentAnswer {
  const texts: string[] = [];
  const errors: string[] = [];
  let sql: string | undefined;
  let result: CapiDataResult | undefined;
  for (const m of messages) {
    const s = m.systemMessage;
    if (!s) continue;
    const textType = s.text?.textType ?? 'TEXT_TYPE_UNSPECIFIED';
    // Thoughts, progress notes and suggested follow-ups are not the answer.
    if (s.text?.parts && (textType === 'FINAL_RESPONSE' || textType === 'TEXT_TYPE_UNSPECIFIED')) texts.push(s.text.parts.join(''));
    if (s.data?.generatedSql) sql = s.data.generatedSql;
    if (s.data?.result) result = s.data.result;
    if (s.error?.text) errors.push(s.error.text);
  }
  const text = texts.join('\n').trim();
  if (!result) {
    return {
      text: text || (errors.length ? `The agent could not answer: ${errors.join('; ')}` : 'The agent returned no data.'),
      ...(sql ? { sql } : {}),
      columns: [],
      rows: [],
      unanswered: true,
    };
  }
  const data = result.data ?? [];
  const columns = result.schema?.fields?.length ? result.schema.fields.map((f) => f.name ?? '') : [...new Set(data.flatMap((r) => Object.keys(r)))];
  return { text, ...(sql ? { sql } : {}), columns, rows: data.map((r) => columns.map((c) => r[c] ?? null)) };
}

function isLoopback(endpoint: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
}

function reasonOf(status: number, body: unknown): string {
  const err = (body as { error?: CapiStatus } | undefined)?.error;
  if (err?.message) return `${err.status ?? `HTTP ${status}`}: ${clause(err.message)}`;
  return `HTTP ${status}`;
}

function retryable(status: number): boolean {
  return isRetryableStatus(status);
}

/** The Conversational Analytics API (Gemini Data Analytics v1beta, REST) as a DataAgentService. */
export class CapiDataAgent implements DataAgentService {
  readonly kind = 'capi' as const;
  private readonly endpoint: string;
  private readonly location: string;
  private readonly fetchImpl: typeof fetch;
  private auth: GoogleAuth | undefined;

  constructor(private readonly options: CapiDataAgentOptions) {
    this.endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
    if (!this.endpoint.includes('://')) this.endpoint = `https://${this.endpoint}`;
    this.location = options.location ?? 'global';
    this.fetchImpl = options.fetch ?? fetch;
  }

  private get parent(): string {
    return `projects/${this.options.projectId}/locations/${this.location}`;
  }

  /** The agent's full resource name. */
  agentName(agentId: string): string {
    return `${this.parent}/dataAgents/${agentId}`;
  }

  async publish(agentId: string, context: AgentContext, dataset: ProvisionedDataset, options: { signal?: AbortSignal } = {}): Promise<PublishedAgent> {
    const name = this.agentName(agentId);
    const body = dataAgentBody(context, dataset);
    const what = `creating data agent ${name}`;
    let requestId = createRequestId(agentId, body);
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await this.json('POST', `/v1beta/${this.parent}/dataAgents`, { query: { dataAgentId: agentId, requestId }, body, signal: options.signal, what });
      if (res.status === 409) return this.update(agentId, body, options.signal);
      if (!res.ok) throw this.failure(what, res.status, res.body);
      const op = await this.waitFor(res.body as CapiOperation, what, options.signal);
      if (op.error?.code === ALREADY_EXISTS) return this.update(agentId, body, options.signal);
      if (op.error) throw this.operationFailure(what, op.error);
      // CAPI answers a request id it saw in the last hour with that request's old result; if the
      // agent was deleted since, the create did nothing, so check and create afresh once.
      const check = await this.json('GET', `/v1beta/${name}`, { signal: options.signal, what: `reading data agent ${name}` });
      if (check.ok) return { name, created: true };
      if (check.status !== 404) throw this.failure(`reading data agent ${name}`, check.status, check.body);
      requestId = randomUUID();
    }
    throw new RemoteServiceError('agent_error', `Creating data agent ${name} reported success, but the agent does not exist.`);
  }

  private async update(agentId: string, body: CapiDataAgentBody, signal: AbortSignal | undefined): Promise<PublishedAgent> {
    const name = this.agentName(agentId);
    const what = `updating data agent ${name}`;
    // A fresh id per publish: a deterministic one would make CAPI ignore a switch back to an earlier payload.
    const query = { updateMask: 'displayName,description,labels,dataAnalyticsAgent.publishedContext', requestId: randomUUID() };
    const res = await this.json('PATCH', `/v1beta/${name}`, { query, body: { ...body, name }, signal, what });
    if (!res.ok) throw this.failure(what, res.status, res.body);
    const op = await this.waitFor(res.body as CapiOperation, what, signal);
    if (op.error) throw this.operationFailure(what, op.error);
    return { name, created: false };
  }

  async exists(agentId: string): Promise<boolean> {
    const name = this.agentName(agentId);
    const what = `reading data agent ${name}`;
    const res = await this.json('GET', `/v1beta/${name}`, { what });
    if (res.status === 404) return false;
    if (!res.ok) throw this.failure(what, res.status, res.body);
    return true;
  }

  async delete(agentId: string): Promise<boolean> {
    const name = this.agentName(agentId);
    const what = `deleting data agent ${name}`;
    const res = await this.json('DELETE', `/v1beta/${name}`, { query: { requestId: randomUUID() }, what });
    if (res.status === 404) return false;
    if (!res.ok) throw this.failure(what, res.status, res.body);
    const op = await this.waitFor(res.body as CapiOperation, what, undefined);
    if (op.error?.code === NOT_FOUND) return false;
    if (op.error) throw this.operationFailure(what, op.error);
    return true;
  }

  async converse(agentId: string, options: { signal?: AbortSignal } = {}): Promise<AgentConversation> {
    const agent = this.agentName(agentId);
    const what = `starting a conversation with data agent ${agent}`;
    const conversationId = `c-${randomUUID()}`;
    const res = await this.json('POST', `/v1beta/${this.parent}/conversations`, {
      query: { conversationId, requestId: randomUUID() },
      body: { agents: [agent] },
      signal: options.signal,
      what,
    });
    if (!res.ok) throw this.failure(what, res.status, res.body);
    const conversation = (res.body as { name?: string }).name ?? `${this.parent}/conversations/${conversationId}`;
    return { id: conversation, ask: (question, askOptions) => this.ask(agent, conversation, question, askOptions?.signal) };
  }

  private async ask(agent: string, conversation: string, question: string, signal: AbortSignal | undefined): Promise<AgentAnswer> {
    const what = `asking data agent ${agent}`;
    // The conversation keeps the history server-side, so each turn sends only its own message.
    const body = {
      parent: this.parent,
      messages: [{ userMessage: { text: question } }],
      // PUBLISHED: the context the agent stage published, never a staged draft.
      conversationReference: { conversation, dataAgentContext: { dataAgent: agent, contextVersion: 'PUBLISHED' } },
    };
    const timeoutMs = Math.min(this.options.chatTimeoutMs ?? 300_000, MAX_CHAT_TIMEOUT_MS);
    const res = await this.send('POST', `/v1beta/${this.parent}:chat`, { body, signal, what, timeoutMs, headers: { 'x-server-timeout': String(Math.ceil(timeoutMs / 1000)) } });
    if (!res.ok) throw this.failure(what, res.status, await readJson(res));
    const messages: CapiMessage[] = [];
    const splitter = new JsonArraySplitter();
    const decoder = new TextDecoder();
    const reader = res.body?.getReader();
    try {
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
        for (const m of splitter.push(decoder.decode(chunk.value, { stream: true }))) {
          const message = m as CapiMessage;
          // A failure after the stream began arrives as a google.rpc.Status element of the array.
          if (message.error) throw this.operationFailure(what, message.error);
          messages.push(message);
        }
      }
      splitter.push(decoder.decode());
    } catch (err) {
      // Stop reading a stream we no longer want, so its connection is freed.
      reader?.cancel().catch(() => undefined);
      if (err instanceof RemoteServiceError) throw err;
      if (signal?.aborted) throw new CancelledError(undefined, { cause: err });
      throw new RemoteServiceError('agent_error', `${capitalize(what)}: the answer stream broke (${(err as Error).message}).`, { cause: err });
    }
    if (!splitter.complete) throw new RemoteServiceError('agent_error', `${capitalize(what)}: the answer stream ended before it was complete.`);
    return answerFromMessages(messages);
  }

  /** Polls a long-running operation until it is done; returns it (with `error` or `response`). */
  private async waitFor(op: CapiOperation, what: string, signal: AbortSignal | undefined): Promise<CapiOperation> {
    const deadline = Date.now() + (this.options.operationTimeoutMs ?? 600_000);
    let current = op;
    while (!current.done) {
      if (Date.now() > deadline) throw new RemoteServiceError('agent_error', `${capitalize(what)}: operation ${current.name} did not finish in time.`);
      await sleep(this.options.pollIntervalMs ?? 1000, signal);
      const res = await this.json('GET', `/v1beta/${current.name}`, { signal, what });
      if (!res.ok) throw this.failure(what, res.status, res.body);
      current = res.body as CapiOperation;
    }
    return current;
  }

  private async json(method: string, path: string, request: CallOptions): Promise<{ ok: boolean; status: number; body: unknown }> {
    const res = await this.send(method, path, request);
    return { ok: res.ok, status: res.status, body: await readJson(res) };
  }

  /**
   * One HTTP exchange, retried with backoff on 429, 5xx and connection failures. Returns the
   * last response, whatever its status, for the caller to judge.
   */
  private async send(method: string, path: string, request: CallOptions): Promise<Response> {
    const url = new URL(`${this.endpoint}${path}`);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
    const headers = new Headers({ 'content-type': 'application/json' });
    if (this.options.billingProjectId) headers.set('x-goog-user-project', this.options.billingProjectId);
    for (const [k, v] of Object.entries(request.headers ?? {})) headers.set(k, v);
    if (!isLoopback(this.endpoint)) {
      try {
        this.auth ??= new GoogleAuth({ scopes: [SCOPE] });
        (await this.auth.getRequestHeaders(url.toString())).forEach((value, key) => headers.set(key, value));
      } catch (err) {
        throw new RemoteServiceError('agent_error', `${capitalize(request.what)}: no usable Google credentials (${(err as Error).message}).`, { cause: err });
      }
    }
    const attempts = Math.max(1, this.options.maxAttempts ?? RETRY_POLICY.attempts);
    for (let attempt = 1; ; attempt++) {
      if (request.signal?.aborted) throw new CancelledError();
      const timeout = AbortSignal.timeout(request.timeoutMs ?? this.options.requestTimeoutMs ?? 60_000);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      try {
        const res = await this.fetchImpl(url, { method, headers, body: request.body === undefined ? null : JSON.stringify(request.body), signal });
        if (!retryable(res.status) || attempt >= attempts) return res;
        await res.body?.cancel();
      } catch (err) {
        if (request.signal?.aborted) throw new CancelledError(undefined, { cause: err });
        if (attempt >= attempts) {
          throw new RemoteServiceError('agent_error', `${capitalize(request.what)}: could not reach the Conversational Analytics API at ${this.endpoint} (${causeMessage(err)}).`, { cause: err });
        }
      }
      await sleep(retryDelayMs(attempt, this.options.retryDelayMs ?? RETRY_POLICY.baseDelayMs), request.signal);
    }
  }

  private failure(what: string, status: number, body: unknown): RemoteServiceError {
    return new RemoteServiceError('agent_error', `${capitalize(what)} failed: ${reasonOf(status, body)}.`, { httpStatus: status });
  }

  private operationFailure(what: string, error: CapiStatus): RemoteServiceError {
    return new RemoteServiceError('agent_error', `${capitalize(what)} failed: ${error.status ?? CODE_NAMES[error.code ?? 2] ?? `code ${error.code ?? '?'}`}: ${clause(error.message ?? 'no reason given')}.`);
  }
}

interface CallOptions {
  what: string;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Proxies in front of Google answer errors in HTML; keep the start of it as the reason.
    return { error: { message: text.slice(0, 200) } };
  }
}

function causeMessage(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

/** A reason without its closing full stop, to end our own sentence with. */
function clause(s: string): string {
  return s.replace(/[.\s]+$/, '');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

