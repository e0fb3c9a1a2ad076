import { createHash, randomUUID } from 'node:crypto';
import { v1beta } from '@google-cloud/geminidataanalytics';
import { PassThroughClient } from 'google-auth-library';
// Types only: google-gax is the transport under @google-cloud/geminidataanalytics, which names these in its API.
import type { CallOptions, ClientOptions } from 'google-gax';
import { CancelledError, InternalError, RemoteServiceError } from '../core/errors.js';
import { isRetryableStatus, RETRY_POLICY, retryDelayMs } from '../core/retry-policy.js';
import { sleep } from '../core/sleep.js';
import type { AgentContext, ProvisionedDataset } from '../domain/artifacts.js';
import type { AgentAnswer, AgentConversation, DataAgentService, PublishedAgent } from './data-agent.js';

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
  /**
   * `CAPI_API_ENDPOINT`; default https://geminidataanalytics.googleapis.com. A loopback endpoint
   * is a fake and gets no credentials.
   */
  endpoint?: string;
  /** Project billed for quota (`x-goog-user-project`), when it differs from the caller's. */
  billingProjectId?: string;
  /** First retry delay, doubled per attempt; default RETRY_POLICY's. */
  retryDelayMs?: number;
  /** Attempts per request on 429, 5xx and connection failures; default RETRY_POLICY's (4). */
  maxAttempts?: number;
  /**
   * Per control-plane request; a chat turn gets `chatTimeoutMs` (default 5 minutes), which is
   * also sent as `x-server-timeout` (in seconds, at most 600, as Google's own sample does) so
   * the server keeps working on a long answer as long as we wait for it.
   */
  requestTimeoutMs?: number;
  chatTimeoutMs?: number;
}

const DEFAULT_ENDPOINT = 'https://geminidataanalytics.googleapis.com';
/** The longest `x-server-timeout` the chat API honours (600 s). */
export const MAX_CHAT_TIMEOUT_MS = 600_000;
// google.rpc.Code names by number, and the HTTP status each stands for (google/rpc/code.proto).
const CODE_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];
const CODE_HTTP = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401];
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const CONTEXT_VERSION_PUBLISHED = 'PUBLISHED' as const;

type AgentClient = v1beta.DataAgentServiceClient;
type ChatClient = v1beta.DataChatServiceClient;
/**
 * A failure of a call, whatever shape the client gave it. Its REST transport passes the HTTP
 * layer's error through as it is (a GaxiosError: the HTTP status in `status` and `code`, the
 * response body as the message) instead of a GoogleError with a google.rpc.Code, and a dropped
 * connection keeps Node's code (ECONNRESET); gax's own retries miss both for that reason
 * (gax-nodejs#1803, google-cloud-node#9346). This reads the three shapes alike.
 */
interface CallFailure {
  /** google.rpc.Code; undefined when the service never answered. */
  code?: number;
  httpStatus?: number;
  message: string;
}

function callFailure(err: unknown): CallFailure {
  const e = (err ?? {}) as Error & { code?: unknown; status?: unknown; details?: unknown };
  if (typeof e.status === 'number') {
    // GaxiosError: the body is Google's error JSON, whose `status` names the google.rpc.Code.
    let body: { error?: { message?: string; status?: string } } | undefined;
    try {
      body = JSON.parse(e.message) as typeof body;
    } catch {
      body = undefined;
    }
    const named = CODE_NAMES.indexOf(body?.error?.status ?? '');
    const byHttp = CODE_HTTP.findIndex((h, i) => i > 0 && h === e.status);
    return { code: named >= 0 ? named : byHttp >= 0 ? byHttp : 2, httpStatus: e.status, message: body?.error?.message ?? e.message };
  }
  if (typeof e.code === 'number') {
    // GoogleError: `details` holds the service's own words, the message prefixes the code.
    return { code: e.code, httpStatus: CODE_HTTP[e.code], message: typeof e.details === 'string' && e.details ? e.details : e.message };
  }
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return { message: cause?.code ?? cause?.message ?? (typeof e.code === 'string' ? e.code : e.message) };
}

function codeOf(err: unknown): number | undefined {
  return callFailure(err).code;
}

/** google.protobuf.Value as the client decodes it (toObject with oneofs), back to plain JSON. */
function plainValue(value: unknown): unknown {
  const v = (value ?? {}) as { kind?: string; nullValue?: unknown; numberValue?: number; stringValue?: string; boolValue?: boolean; structValue?: unknown; listValue?: { values?: unknown[] } };
  switch (v.kind) {
    case 'numberValue':
      return v.numberValue;
    case 'stringValue':
      return v.stringValue;
    case 'boolValue':
      return v.boolValue;
    case 'structValue':
      return plainStruct(v.structValue);
    case 'listValue':
      return (v.listValue?.values ?? []).map(plainValue);
    default:
      return null;
  }
}

function plainStruct(struct: unknown): Record<string, unknown> {
  const fields = (struct as { fields?: Record<string, unknown> } | null)?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, plainValue(v)]));
}

/** A chat `Message` as the client decodes it, in the API's JSON shape (rows as plain objects). */
function wireMessage(message: unknown): CapiMessage {
  const m = message as CapiMessage & { systemMessage?: { data?: { result?: { data?: unknown[] } | null } | null } | null };
  const result = m.systemMessage?.data?.result;
  if (!result?.data) return m;
  return { ...m, systemMessage: { ...m.systemMessage, data: { ...m.systemMessage?.data, result: { ...result, data: result.data.map(plainStruct) } } } };
}

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

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** A reason without its closing full stop, to end our own sentence with. */
function clause(s: string): string {
  return s.replace(/[.\s]+$/, '');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The Conversational Analytics API (Gemini Data Analytics v1beta) as a DataAgentService, through
 * Google's client (@google-cloud/geminidataanalytics) over its REST transport.
 */
export class CapiDataAgent implements DataAgentService {
  readonly kind = 'capi' as const;
  private readonly location: string;
  private readonly endpoint: string;
  private readonly agents: AgentClient;
  private readonly chats: ChatClient;

  constructor(private readonly options: CapiDataAgentOptions) {
    this.location = options.location ?? 'global';
    const raw = options.endpoint ?? DEFAULT_ENDPOINT;
    const url = new URL(raw.includes('://') ? raw : `https://${raw}`);
    this.endpoint = url.origin;
    const clientOptions: ClientOptions = {
      // REST (HTTP/1.1, JSON, enums as numbers) rather than gRPC: one transport for the service
      // and its fakes; chat then streams as one JSON array, which the client parses as it comes.
      fallback: true,
      ...(options.endpoint ? { apiEndpoint: url.hostname, port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443), protocol: url.protocol.slice(0, -1) } : {}),
      // A fake never gets a Google token: google-auth-library's client without credentials.
      ...(isLoopback(url) ? { authClient: new PassThroughClient() as unknown as ClientOptions['authClient'] } : {}),
    };
    this.agents = new v1beta.DataAgentServiceClient(clientOptions);
    this.chats = new v1beta.DataChatServiceClient(clientOptions);
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
    const dataAgent = dataAgentBody(context, dataset);
    const what = `creating data agent ${name}`;
    let requestId = createRequestId(agentId, dataAgent);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // createDataAgentSync: the agent in the answer, no long-running operation to poll.
        await this.call(what, options.signal, (o) => this.agents.createDataAgentSync({ parent: this.parent, dataAgentId: agentId, dataAgent, requestId }, o));
      } catch (err) {
        if (codeOf(err) === ALREADY_EXISTS) return this.update(agentId, dataAgent, options.signal);
        throw this.failure(what, err);
      }
      // CAPI answers a request id it saw in the last hour with that request's old result; if the
      // agent was deleted since, the create did nothing, so check and create afresh once.
      if (await this.exists(agentId, options.signal)) return { name, created: true };
      requestId = randomUUID();
    }
    throw new RemoteServiceError('agent_error', `Creating data agent ${name} reported success, but the agent does not exist.`);
  }

  private async update(agentId: string, body: CapiDataAgentBody, signal: AbortSignal | undefined): Promise<PublishedAgent> {
    const name = this.agentName(agentId);
    const what = `updating data agent ${name}`;
    const request = {
      dataAgent: { ...body, name },
      // The JSON names: the client's serializer puts paths on the wire as given, and a FieldMask's
      // JSON form is lowerCamelCase.
      updateMask: { paths: ['displayName', 'description', 'labels', 'dataAnalyticsAgent.publishedContext'] },
      // A fresh id per publish: a deterministic one would make CAPI ignore a switch back to an earlier payload.
      requestId: randomUUID(),
    };
    try {
      await this.call(what, signal, (o) => this.agents.updateDataAgentSync(request, o));
    } catch (err) {
      throw this.failure(what, err);
    }
    return { name, created: false };
  }

  async exists(agentId: string, signal?: AbortSignal): Promise<boolean> {
    const name = this.agentName(agentId);
    const what = `reading data agent ${name}`;
    try {
      await this.call(what, signal, (o) => this.agents.getDataAgent({ name }, o));
      return true;
    } catch (err) {
      if (codeOf(err) === NOT_FOUND) return false;
      throw this.failure(what, err);
    }
  }

  async delete(agentId: string): Promise<boolean> {
    const name = this.agentName(agentId);
    const what = `deleting data agent ${name}`;
    try {
      await this.call(what, undefined, (o) => this.agents.deleteDataAgentSync({ name, requestId: randomUUID() }, o));
      return true;
    } catch (err) {
      if (codeOf(err) === NOT_FOUND) return false;
      throw this.failure(what, err);
    }
  }

  async converse(agentId: string, options: { signal?: AbortSignal } = {}): Promise<AgentConversation> {
    const agent = this.agentName(agentId);
    const what = `starting a conversation with data agent ${agent}`;
    const conversationId = `c-${randomUUID()}`;
    let created: { name?: string | null };
    try {
      [created] = await this.call(what, options.signal, (o) => this.chats.createConversation({ parent: this.parent, conversationId, conversation: { agents: [agent] }, requestId: randomUUID() }, o));
    } catch (err) {
      throw this.failure(what, err);
    }
    const conversation = created.name || `${this.parent}/conversations/${conversationId}`;
    return { id: conversation, ask: (question, askOptions) => this.ask(agent, conversation, question, askOptions?.signal) };
  }

  private async ask(agent: string, conversation: string, question: string, signal: AbortSignal | undefined): Promise<AgentAnswer> {
    const what = `asking data agent ${agent}`;
    signal?.throwIfAborted();
    const timeoutMs = Math.min(this.options.chatTimeoutMs ?? 300_000, MAX_CHAT_TIMEOUT_MS);
    // The conversation keeps the history server-side, so each turn sends only its own message.
    const request = {
      parent: this.parent,
      messages: [{ userMessage: { text: question } }],
      // PUBLISHED: the context the agent stage published, never a staged draft.
      conversationReference: { conversation, dataAgentContext: { dataAgent: agent, contextVersion: CONTEXT_VERSION_PUBLISHED } },
    };
    // No retries: a turn is not idempotent (the conversation records it). x-server-timeout is
    // sent as a header through the client's call options; the client's REST transport has no
    // time limit of its own, so the stream is cut here when the turn takes longer.
    const stream = this.chats.chat(request, { ...this.callOptions({ 'x-server-timeout': String(Math.ceil(timeoutMs / 1000)) }), retry: null });
    let timedOut = false;
    const stop = (): void => void stream.cancel();
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    signal?.addEventListener('abort', stop, { once: true });
    const messages: CapiMessage[] = [];
    try {
      for await (const message of stream) {
        const m = wireMessage(message);
        // A failure after the stream began arrives as a google.rpc.Status element of the array.
        // The client decodes every element as a Message, so such an element comes out as a
        // message that is neither the user's nor the system's, and its reason is lost.
        if (!m.userMessage && !m.systemMessage) {
          throw new RemoteServiceError('agent_error', `${capitalize(what)} failed: the answer stream carried an error instead of a message (Google's client does not keep its reason).`, { httpStatus: 500 });
        }
        messages.push(m);
      }
      // A cancelled stream just ends: only these flags tell a cut answer from a whole one.
      if (signal?.aborted) throw new CancelledError();
      if (timedOut) throw new RemoteServiceError('agent_error', `${capitalize(what)}: no complete answer within ${timeoutMs / 1000} s.`, { httpStatus: 504 });
    } catch (err) {
      stream.cancel();
      if (err instanceof RemoteServiceError || err instanceof CancelledError) throw err;
      if (signal?.aborted) throw new CancelledError(undefined, { cause: err });
      throw this.failure(what, err);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
    return answerFromMessages(messages);
  }

  /** What every call sends: the quota project, when set, and any header of the call's own. */
  private callOptions(headers: Record<string, string> = {}): CallOptions {
    const billing = this.options.billingProjectId ? { 'x-goog-user-project': this.options.billingProjectId } : {};
    return { otherArgs: { headers: { ...billing, ...headers } } };
  }

  /**
   * One unary call, retried by RETRY_POLICY on 429/5xx and connection failures. The client's
   * own retries are off: when they run out it replaces the last error with "Exceeded maximum
   * number of retries" (code DEADLINE_EXCEEDED), losing the service's reason. Its REST transport
   * has no time limit per call and its promises cannot be cancelled, so the time limit and the
   * caller's signal stop the waiting here (the request itself is left to finish).
   */
  private async call<T>(what: string, signal: AbortSignal | undefined, fn: (options: CallOptions) => Promise<T>): Promise<T> {
    const attempts = Math.max(1, this.options.maxAttempts ?? RETRY_POLICY.attempts);
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new CancelledError();
      try {
        return await within(fn({ ...this.callOptions(), retry: null }), timeoutMs, signal, what);
      } catch (err) {
        if (signal?.aborted) throw new CancelledError(undefined, { cause: err });
        const status = callFailure(err).httpStatus;
        if ((status !== undefined && !isRetryableStatus(status)) || attempt >= attempts) throw err;
      }
      await sleep(retryDelayMs(attempt, this.options.retryDelayMs ?? RETRY_POLICY.baseDelayMs), signal);
    }
  }

  private failure(what: string, err: unknown): RemoteServiceError {
    if (err instanceof RemoteServiceError) return err;
    const { code, httpStatus, message } = callFailure(err);
    if (code === undefined) {
      return new RemoteServiceError('agent_error', `${capitalize(what)}: could not reach the Conversational Analytics API at ${this.endpoint} (${message}).`, { cause: err });
    }
    return new RemoteServiceError('agent_error', `${capitalize(what)} failed: ${CODE_NAMES[code] ?? `code ${code}`}: ${clause(message || 'no reason given')}.`, { httpStatus: httpStatus ?? CODE_HTTP[code] ?? 500, cause: err });
  }
}

/** Waits for `promise` at most `ms`, or until `signal` aborts. */
function within<T>(promise: Promise<T>, ms: number, signal: AbortSignal | undefined, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s while ${what}`)), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}
