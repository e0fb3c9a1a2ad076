import { parseModels, type JobEnv } from '../config/env.js';
import type { AnthropicLlmOptions } from '../llm/anthropic-llm.js';
import type { Llm } from '../llm/llm.js';
import type { Logger } from '../logging/logger.js';
import type { CapiDataAgent } from '../dataagent/capi-data-agent.js';
import type { BigQueryWarehouse } from '../warehouse/bigquery-warehouse.js';

/** The Google project, BigQuery and CAPI settings of `--warehouse bigquery`. */
export interface GoogleSettings {
  projectId: string;
  bigqueryLocation: string;
  bigqueryEndpoint?: string;
  maximumBytesBilled: number;
  tableExpirationMs?: number;
  capiLocation: string;
  /** One chat turn at most, sent as x-server-timeout (PROVISION_CAPI_CHAT_TIMEOUT_S). */
  capiChatTimeoutMs?: number;
  capiEndpoint?: string;
}

export type AnthropicSettings = Omit<AnthropicLlmOptions, 'logger'>;

/** Claude's settings from the environment; undefined without ANTHROPIC_API_KEY. */
export function anthropicSettingsFrom(env: JobEnv): AnthropicSettings | undefined {
  if (!env.ANTHROPIC_API_KEY) return undefined;
  return { apiKey: env.ANTHROPIC_API_KEY, ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}), models: parseModels(env.PROVISION_LLM_MODELS), timeoutMs: env.PROVISION_LLM_TIMEOUT_MS };
}

/** Claude, loaded only when asked for: the SDK takes a third of a second to import. */
export async function loadAnthropicLlm(settings: AnthropicSettings, logger: Logger): Promise<Llm> {
  const { AnthropicLlm } = await import('../llm/anthropic-llm.js');
  return new AnthropicLlm({ ...settings, logger });
}

/** The settings from the job environment; undefined without GOOGLE_CLOUD_PROJECT. */
export function googleSettingsFrom(env: JobEnv): GoogleSettings | undefined {
  if (!env.GOOGLE_CLOUD_PROJECT) return undefined;
  return {
    projectId: env.GOOGLE_CLOUD_PROJECT,
    bigqueryLocation: env.PROVISION_BQ_LOCATION,
    maximumBytesBilled: env.PROVISION_BQ_MAX_BYTES_BILLED,
    ...(env.PROVISION_BQ_TABLE_EXPIRATION_DAYS ? { tableExpirationMs: Math.round(env.PROVISION_BQ_TABLE_EXPIRATION_DAYS * 86_400_000) } : {}),
    ...(env.BIGQUERY_API_ENDPOINT ? { bigqueryEndpoint: env.BIGQUERY_API_ENDPOINT } : {}),
    capiLocation: env.PROVISION_CAPI_LOCATION,
    capiChatTimeoutMs: env.PROVISION_CAPI_CHAT_TIMEOUT_S * 1000,
    ...(env.CAPI_API_ENDPOINT ? { capiEndpoint: env.CAPI_API_ENDPOINT } : {}),
  };
}

/** BigQuery, loaded only for `--warehouse bigquery`: a local job never loads a Google client. */
export async function bigQueryWarehouse(google: GoogleSettings): Promise<BigQueryWarehouse> {
  const { BigQueryWarehouse } = await import('../warehouse/bigquery-warehouse.js');
  return new BigQueryWarehouse({
    projectId: google.projectId,
    location: google.bigqueryLocation,
    maximumBytesBilled: google.maximumBytesBilled,
    ...(google.bigqueryEndpoint ? { endpoint: google.bigqueryEndpoint } : {}),
    ...(google.tableExpirationMs ? { defaultTableExpirationMs: google.tableExpirationMs } : {}),
  });
}

export async function capiDataAgent(google: GoogleSettings): Promise<CapiDataAgent> {
  const { CapiDataAgent } = await import('../dataagent/capi-data-agent.js');
  return new CapiDataAgent({ projectId: google.projectId, location: google.capiLocation, chatTimeoutMs: google.capiChatTimeoutMs, ...(google.capiEndpoint ? { endpoint: google.capiEndpoint } : {}) });
}
