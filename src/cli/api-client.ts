import { RemoteServiceError } from '../core/errors.js';
import { UsageError } from './exit-status.js';

/** Where the provision API (`provision serve`) is: PROVISION_API_URL, default the local one. */
export function apiBase(env: NodeJS.ProcessEnv): string {
  const raw = env.PROVISION_API_URL ?? 'http://127.0.0.1:8787';
  try {
    return new URL(raw).href.replace(/\/+$/, '');
  } catch {
    throw new UsageError(`PROVISION_API_URL is not a URL: ${raw}`);
  }
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** One JSON request to the API, with the bearer token when PROVISION_API_TOKEN is set. */
export async function callApi(env: NodeJS.ProcessEnv, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const base = apiBase(env);
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(env.PROVISION_API_TOKEN ? { authorization: `Bearer ${env.PROVISION_API_TOKEN}` } : {}), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new RemoteServiceError('connection_failed', `Cannot reach the provision API at ${base} (${(err as Error).message}). Start it with \`provision serve\`, or set PROVISION_API_URL.`, { cause: err });
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = { error: { code: 'invalid_response', message: text.slice(0, 200) } };
  }
  return { status: res.status, body: json };
}

export function apiError(answer: ApiAnswer): string {
  const e = answer.body.error as { code?: string; message?: string } | undefined;
  return `HTTP ${answer.status}${e?.code ? ` [${e.code}]` : ''}${e?.message ? ` ${e.message}` : ''}`;
}
