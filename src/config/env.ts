import { z } from 'zod';
import { WarehouseKindSchema } from '../domain/data-model.js';
import type { StageId } from '../core/stage-ids.js';
import { RenderModeSchema, StrategySchema } from '../pipeline/job-spec.js';

/** A DuckDB memory setting: `128MB`, `1.5GB`, `512MiB`. */
const MEMORY_SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i;

/** Bytes of a size as DuckDB writes it (`128MB` is 10^6-based, `128MiB` 2^20-based). */
export function sizeBytes(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG])(i?)B$/i.exec(size.trim());
  if (!m) throw new Error(`Not a size: ${size}`);
  const power = { K: 1, M: 2, G: 3 }[m[2]!.toUpperCase() as 'K' | 'M' | 'G'];
  return Math.round(Number(m[1]) * (m[3] ? 1024 : 1000) ** power);
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')
  .optional();

/**
 * The job process's environment, parsed once. Cloud Run sets the CLOUD_RUN_* variables;
 * the trigger passes CUSTOMER_URL and JOB_ID as container overrides.
 */
export const JobEnvSchema = z.object({
  PROVISION_STATE_DIR: z.string().min(1).default('.provision'),
  PROVISION_STRATEGY: StrategySchema.optional(),
  PROVISION_WAREHOUSE: WarehouseKindSchema.default('duckdb'),
  PROVISION_SCALE: z.coerce.number().positive().default(1),
  PROVISION_ALLOW_PRIVATE_NETWORK: bool,
  /** When research renders pages in headless Chromium: `auto` (pages with too little text), `always`, `never`. */
  PROVISION_RENDER: RenderModeSchema.default('auto'),
  /** The Chromium executable; without it, `chromium` or `chromium-browser` on the PATH. */
  PROVISION_CHROMIUM: z.string().min(1).optional(),
  PROVISION_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR']).default('INFO'),
  /** Where JSON logs go besides the job's log file: `auto` = stderr unless it is a terminal. */
  PROVISION_LOG: z.enum(['auto', 'stderr', 'file']).default('auto'),
  CUSTOMER_URL: z.string().optional(),
  JOB_ID: z.string().optional(),
  CLOUD_RUN_TASK_ATTEMPT: z.coerce.number().int().nonnegative().default(0),
  CLOUD_RUN_EXECUTION: z.string().optional(),
  CLOUD_RUN_TASK_INDEX: z.coerce.number().int().nonnegative().optional(),
  CLOUD_RUN_TASK_COUNT: z.coerce.number().int().positive().optional(),
  /** Where stage checkpoints live: `file` (the state directory) or `firestore` (outside the container, for Cloud Run retries). */
  PROVISION_CHECKPOINT_STORE: z.enum(['file', 'firestore']).default('file'),
  GOOGLE_CLOUD_PROJECT: z.string().optional(),
  /** Caps DuckDB's buffer memory while loading (it spills to disk beyond): keeps a 10M-row job in a small container. */
  PROVISION_DUCKDB_MEMORY_LIMIT: z.string().regex(MEMORY_SIZE).default('128MB'),
  /**
   * Caps DuckDB's memory for each read-only query (validation, repair, chat). Apart from the load
   * limit: a read-only database does not spill to disk, so a golden query's joins and groups over a large
   * dataset need room that a streaming COPY does not. The loader is closed before any reader opens.
   */
  PROVISION_DUCKDB_QUERY_MEMORY_LIMIT: z.string().regex(MEMORY_SIZE).default('512MB'),
  /**
   * At most this much data as files at once (`1GB`); the data stage stops with a clear error
   * before writing more. On Cloud Run the disk is the container's memory, so jobs.yaml sets it.
   */
  PROVISION_MAX_DATA_SIZE: z.string().regex(MEMORY_SIZE).transform(sizeBytes).optional(),
  /** Batch mode: URLs separated by newlines or commas; each task runs its share. */
  PROVISION_URLS: z.string().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  /** Tests and proxies point the Anthropic SDK elsewhere. */
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  /** Per-stage model overrides: `research=claude-opus-5-5,agent=claude-haiku-5-5`. */
  PROVISION_LLM_MODELS: z
    .string()
    .regex(/^(\s*(research|story|model|data|provision|agent|validate)\s*=\s*[\w.-]+\s*)(,\s*(research|story|model|data|provision|agent|validate)\s*=\s*[\w.-]+\s*)*$/, 'stage=model pairs separated by commas')
    .optional(),
  /** Per model call, before the SDK retries. */
  PROVISION_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** Fail a stage whose model calls fail for good instead of falling back to the heuristic strategy. */
  PROVISION_NO_FALLBACK: bool,
  /** BigQuery: dataset location, API endpoint (tests), cost cap per query, table expiry. */
  PROVISION_BQ_LOCATION: z.string().default('US'),
  BIGQUERY_API_ENDPOINT: z.string().url().optional(),
  PROVISION_BQ_MAX_BYTES_BILLED: z.coerce.number().int().positive().default(10 * 1024 ** 3),
  PROVISION_BQ_TABLE_EXPIRATION_DAYS: z.coerce.number().positive().optional(),
  /** Conversational Analytics API: location of data agents, API endpoint (tests). */
  PROVISION_CAPI_LOCATION: z.string().default('global'),
  /** How long one chat turn may take, sent as `x-server-timeout`; the API honours at most 600 s. */
  PROVISION_CAPI_CHAT_TIMEOUT_S: z.coerce.number().int().positive().max(600).default(300),
  CAPI_API_ENDPOINT: z.string().url().optional(),
});
export type JobEnv = z.infer<typeof JobEnvSchema>;

const SECRET = /KEY|TOKEN|SECRET|PASSWORD/;

/** Parses the variables a schema names; an empty variable counts as unset. */
function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  return schema.parse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]])));
}

/** `research=a,agent=b` as a per-stage map. */
export function parseModels(text: string | undefined): Partial<Record<StageId, string>> {
  if (!text) return {};
  return Object.fromEntries(text.split(',').map((pair) => pair.split('=').map((s) => s.trim()) as [StageId, string]));
}

export function parseJobEnv(env: NodeJS.ProcessEnv = process.env): JobEnv {
  return parseEnv(JobEnvSchema, env);
}

/** The configuration as it can be printed: secrets redacted. */
export function redactedEnv(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, SECRET.test(k) && v !== undefined ? '[redacted]' : v]));
}

/** Where the job process sends its phase events. */
export const PublisherKindSchema = z.enum(['direct', 'local', 'pubsub']);

/** The job process's event settings. Without them, events go straight into the local SQLite store. */
export const EventsEnvSchema = z.object({
  PROVISION_PUBLISHER: PublisherKindSchema.optional(),
  PROVISION_PUSH_URL: z.string().url().optional(),
  PROVISION_EVENTS_TOPIC: z.string().optional(),
  GOOGLE_CLOUD_PROJECT: z.string().optional(),
  PROVISION_OUTBOX_FLUSH_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(10_000),
  PROVISION_WEBHOOK_SECRET: z.string().optional(),
});
export type EventsEnv = z.infer<typeof EventsEnvSchema>;

export function parseEventsEnv(env: NodeJS.ProcessEnv = process.env): EventsEnv & { publisher: z.infer<typeof PublisherKindSchema> } {
  const parsed = parseEnv(EventsEnvSchema, env);
  // Explicit beats inferred: a topic means Pub/Sub, a push URL means the local subscriber.
  const publisher = parsed.PROVISION_PUBLISHER ?? (parsed.PROVISION_EVENTS_TOPIC ? 'pubsub' : parsed.PROVISION_PUSH_URL ? 'local' : 'direct');
  if (publisher === 'pubsub' && (!parsed.PROVISION_EVENTS_TOPIC || !parsed.GOOGLE_CLOUD_PROJECT)) {
    throw new z.ZodError([{ code: 'custom', path: ['PROVISION_EVENTS_TOPIC'], message: 'the pubsub publisher needs PROVISION_EVENTS_TOPIC and GOOGLE_CLOUD_PROJECT', input: undefined }]);
  }
  if (publisher === 'local' && !parsed.PROVISION_PUSH_URL) {
    throw new z.ZodError([{ code: 'custom', path: ['PROVISION_PUSH_URL'], message: 'the local publisher needs PROVISION_PUSH_URL (the subscriber, e.g. http://127.0.0.1:8787/pubsub/push)', input: undefined }]);
  }
  return { ...parsed, publisher };
}

/** The `provision serve` process. */
export const ServerEnvSchema = z.object({
  PROVISION_STATE_DIR: z.string().min(1).default('.provision'),
  PROVISION_HOST: z.string().default('127.0.0.1'),
  /** Cloud Run sets PORT. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  PROVISION_STATUS_STORE: z.enum(['sqlite', 'firestore']).default('sqlite'),
  GOOGLE_CLOUD_PROJECT: z.string().optional(),
  /** `oidc` in the cloud; `none` for local and emulator pushes. Required beyond loopback. */
  PROVISION_PUSH_AUTH: z.enum(['none', 'oidc']).optional(),
  /** The push token's audience: the service URL without a path, or a custom audience of the service (Cloud Run accepts only those). */
  PROVISION_PUSH_AUDIENCE: z.string().optional(),
  PROVISION_PUSH_SERVICE_ACCOUNT: z.string().optional(),
  /** The service runs behind Cloud Run IAM (`--no-allow-unauthenticated`): Cloud Run verifies the push token and forwards it unsigned. */
  PROVISION_PUSH_BEHIND_IAM: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').default(false),
  PROVISION_WEBHOOK_SECRET: z.string().optional(),
  PROVISION_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR']).default('INFO'),
  /** Trigger: how jobs are started. */
  PROVISION_LAUNCHER: z.enum(['local', 'cloudrun']).default('local'),
  /** Trigger: bearer token for /jobs; required when listening beyond loopback. */
  PROVISION_API_TOKEN: z.string().optional(),
  /**
   * Trigger: how many proxies of ours sit in front of the server, each appending one entry to
   * X-Forwarded-For (Cloud Run alone: 1; an external HTTPS load balancer before it: 2). The
   * client address for rate limits is then the entry that many from the right. 0 (default):
   * the header is ignored and the socket address counts. `true` means 1.
   */
  PROVISION_TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|true|false)$/, 'a number of proxy hops (Cloud Run: 1), or true/false')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .default(0),
  /**
   * Trigger: how long a claimed job may go without a launch (its claimer died in between)
   * before a request with the same Idempotency-Key takes it over and launches it.
   */
  PROVISION_CLAIM_LEASE_MS: z.coerce.number().int().min(1000).default(600_000),
  /** Trigger: requests per minute per client address for POST /jobs. */
  PROVISION_TRIGGER_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  /** Local launcher: jobs running at once. */
  PROVISION_LOCAL_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** Trigger and jobs: accept and crawl loopback/private URLs (local demos and tests only). */
  PROVISION_ALLOW_PRIVATE_NETWORK: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  /** Cloud Run launcher. */
  PROVISION_REGION: z.string().default('us-central1'),
  PROVISION_JOB_NAME: z.string().default('provision'),
  CLOUD_RUN_API_ENDPOINT: z.string().optional(),
  /** Local launcher: jobs inherit it; without it the trigger refuses the llm strategy. */
  ANTHROPIC_API_KEY: z.string().optional(),
  /** Reconciler: how often running jobs are compared with their executions (0 = never). */
  PROVISION_RECONCILE_MS: z.coerce.number().int().nonnegative().default(30_000),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

export function parseServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return parseEnv(ServerEnvSchema, env);
}
