import { z } from 'zod';
import { STAGE_IDS } from '../core/stage-ids.js';
import { WarehouseKindSchema } from '../domain/data-model.js';
import type { JobEnv } from '../config/env.js';
import { JobIdSchema, StrategySchema } from '../pipeline/job-spec.js';
import { UsageError } from './exit-status.js';

/** Options of `run` and `demo`, after flags and environment are merged. */
export const RunOptionsSchema = z.object({
  jobId: JobIdSchema.optional(),
  until: z.enum(STAGE_IDS).optional(),
  strategy: StrategySchema,
  warehouse: WarehouseKindSchema,
  scale: z.coerce.number().positive().max(1000),
  stateDir: z.string().min(1),
  allowPrivateNetwork: z.boolean(),
  callbackUrl: z.string().url().optional(),
  json: z.boolean(),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;

export const RUN_FLAGS = {
  'job-id': { type: 'string' },
  until: { type: 'string' },
  strategy: { type: 'string' },
  warehouse: { type: 'string' },
  scale: { type: 'string' },
  'state-dir': { type: 'string' },
  'allow-private-network': { type: 'boolean' },
  'callback-url': { type: 'string' },
  'urls-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type RunFlagValues = { [K in keyof typeof RUN_FLAGS]?: (typeof RUN_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

/** Flags win over environment variables, which win over defaults. */
export function resolveRunOptions(flags: RunFlagValues, env: JobEnv): RunOptions {
  const parsed = RunOptionsSchema.safeParse({
    jobId: flags['job-id'] ?? env.JOB_ID,
    until: flags.until,
    strategy: flags.strategy ?? env.PROVISION_STRATEGY ?? 'heuristic',
    warehouse: flags.warehouse ?? env.PROVISION_WAREHOUSE,
    scale: flags.scale ?? env.PROVISION_SCALE,
    stateDir: flags['state-dir'] ?? env.PROVISION_STATE_DIR,
    allowPrivateNetwork: flags['allow-private-network'] ?? env.PROVISION_ALLOW_PRIVATE_NETWORK ?? false,
    callbackUrl: flags['callback-url'],
    json: flags.json ?? false,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid value'}`);
  }
  const options = parsed.data;
  // Until the Claude strategy and the BigQuery adapter land, say so instead of pretending.
  if (options.strategy === 'llm') throw new UsageError('--strategy llm is not available in this build yet; use --strategy heuristic (the default).');
  if (options.warehouse === 'bigquery') throw new UsageError('--warehouse bigquery is not available in this build yet; use --warehouse duckdb (the default).');
  return options;
}
