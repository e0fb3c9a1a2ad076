import { z } from 'zod';
import { STAGE_IDS } from '../core/stage-ids.js';
import { WarehouseKindSchema } from '../domain/data-model.js';
import type { JobEnv } from '../config/env.js';
import { JobIdSchema, StrategySchema } from '../pipeline/job-spec.js';
import { UsageError } from './exit-status.js';
import { RENDER_MODES } from '../pipeline/job-spec.js';

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
  noFallback: z.boolean(),
  /** When the crawler renders pages in headless Chromium. */
  render: z.enum(RENDER_MODES),
  json: z.boolean(),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;

/** The flags of `run` and `demo` as commander parsed them, by long flag (src/cli/options.ts). */
export interface RunFlagValues {
  'job-id'?: string;
  until?: string;
  strategy?: string;
  warehouse?: string;
  scale?: string;
  'state-dir'?: string;
  'allow-private-network'?: boolean;
  'callback-url'?: string;
  'urls-file'?: string;
  'no-fallback'?: boolean;
  render?: string;
  json?: boolean;
}

/** Flags win over environment variables, which win over defaults. */
export function resolveRunOptions(flags: RunFlagValues, env: JobEnv): RunOptions {
  const parsed = RunOptionsSchema.safeParse({
    jobId: flags['job-id'] ?? env.JOB_ID,
    until: flags.until,
    // A key means Claude, unless told otherwise.
    strategy: flags.strategy ?? env.PROVISION_STRATEGY ?? (env.ANTHROPIC_API_KEY ? 'llm' : 'heuristic'),
    warehouse: flags.warehouse ?? env.PROVISION_WAREHOUSE,
    scale: flags.scale ?? env.PROVISION_SCALE,
    stateDir: flags['state-dir'] ?? env.PROVISION_STATE_DIR,
    allowPrivateNetwork: flags['allow-private-network'] ?? env.PROVISION_ALLOW_PRIVATE_NETWORK ?? false,
    callbackUrl: flags['callback-url'],
    noFallback: flags['no-fallback'] ?? env.PROVISION_NO_FALLBACK ?? false,
    render: flags.render ?? env.PROVISION_RENDER,
    json: flags.json ?? false,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid value'}`);
  }
  const options = parsed.data;
  // Refuse what cannot work before a job exists, rather than failing in its first stage.
  if (options.strategy === 'llm' && !env.ANTHROPIC_API_KEY) throw new UsageError('--strategy llm needs ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL for a proxy); without a key, use --strategy heuristic.');
  if (options.warehouse === 'bigquery' && !env.GOOGLE_CLOUD_PROJECT) throw new UsageError('--warehouse bigquery needs GOOGLE_CLOUD_PROJECT (the project that holds the datasets and data agents).');
  return options;
}
