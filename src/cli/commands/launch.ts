import { z } from 'zod';
import { WarehouseKindSchema } from '../../domain/data-model.js';
import { StrategySchema } from '../../pipeline/job-spec.js';
import { apiBase, apiError, callApi } from '../api-client.js';
import { UsageError } from '../exit-status.js';
import { parseCommand } from '../program.js';
import { printJson, type CliIO } from '../io.js';

/** `provision launch <url…>`: starts jobs through the API's launcher and returns at once. */
export async function launchCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('launch', args, io);
  if ('exit' in parsed) return parsed.exit;
  const { positionals } = parsed;
  const values = parsed.values as { strategy?: string; warehouse?: string; scale?: string; 'callback-url'?: string; 'idempotency-key'?: string; json?: boolean };
  if (positionals.length === 0) throw new UsageError('launch needs at least one URL: provision launch <url…>.');
  if (values['idempotency-key'] && positionals.length > 1) throw new UsageError('--idempotency-key names one job; give one URL with it.');
  const options = z
    .object({ strategy: StrategySchema.optional(), warehouse: WarehouseKindSchema.optional(), scale: z.coerce.number().positive().max(100).optional(), callbackUrl: z.string().url().optional() })
    .safeParse({ strategy: values.strategy, warehouse: values.warehouse, scale: values.scale, callbackUrl: values['callback-url'] });
  if (!options.success) throw new UsageError(`${String(options.error.issues[0]?.path[0] ?? 'option')}: ${options.error.issues[0]?.message ?? 'invalid'}`);
  const opts = Object.fromEntries(Object.entries(options.data).filter(([, v]) => v !== undefined));
  const results: Array<Record<string, unknown>> = [];
  let code = 0;
  for (const url of positionals) {
    const answer = await callApi(io.env, 'POST', '/jobs', { url, options: opts }, values['idempotency-key'] ? { 'idempotency-key': values['idempotency-key'] } : {});
    if (answer.status === 202) {
      results.push({ url, ...answer.body });
      if (!values.json) io.stdout.write(`${String(answer.body.jobId)}  queued  ${url}\n  ${apiBase(io.env)}${String(answer.body.statusUrl)}\n`);
    } else {
      results.push({ url, status: 'failed', httpStatus: answer.status, ...answer.body });
      if (!values.json) io.stderr.write(`✗ ${url}: ${apiError(answer)}\n`);
      // A refused URL will be refused again (2); an unavailable or rate-limited API may recover (1).
      code = Math.max(code, answer.status === 429 || answer.status >= 500 ? 1 : 2);
    }
  }
  if (values.json) printJson(io, { jobs: results });
  return code;
}

/** `provision cancel <jobId>`: stops a job through the API (SIGTERM locally, cancelExecution in the cloud). */
export async function cancelCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('cancel', args, io);
  if ('exit' in parsed) return parsed.exit;
  const { positionals } = parsed;
  const values = parsed.values as { json?: boolean };
  const jobId = positionals[0];
  if (!jobId || positionals.length > 1) throw new UsageError('cancel takes one job id: provision cancel <jobId>.');
  const answer = await callApi(io.env, 'POST', `/jobs/${encodeURIComponent(jobId)}/cancel`, {});
  if (values.json) printJson(io, { jobId, httpStatus: answer.status, ...answer.body });
  else if (answer.status === 202) io.stdout.write(`cancelling ${jobId}; \`provision status ${jobId}\` shows when it has stopped.\n`);
  else io.stderr.write(`provision: cannot cancel ${jobId}: ${apiError(answer)}\n`);
  return answer.status === 202 ? 0 : answer.status >= 500 ? 1 : 2;
}
