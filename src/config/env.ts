import { z } from 'zod';
import { WarehouseKindSchema } from '../domain/data-model.js';
import { StrategySchema } from '../pipeline/job-spec.js';

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
  PROVISION_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR']).default('INFO'),
  /** Where JSON logs go besides the job's log file: `auto` = stderr unless it is a terminal. */
  PROVISION_LOG: z.enum(['auto', 'stderr', 'file']).default('auto'),
  CUSTOMER_URL: z.string().optional(),
  JOB_ID: z.string().optional(),
  CLOUD_RUN_TASK_ATTEMPT: z.coerce.number().int().nonnegative().default(0),
  CLOUD_RUN_EXECUTION: z.string().optional(),
  CLOUD_RUN_TASK_INDEX: z.coerce.number().int().nonnegative().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
});
export type JobEnv = z.infer<typeof JobEnvSchema>;

const SECRET = /KEY|TOKEN|SECRET|PASSWORD/;

export function parseJobEnv(env: NodeJS.ProcessEnv = process.env): JobEnv {
  const picked = Object.fromEntries(Object.keys(JobEnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  return JobEnvSchema.parse(picked);
}

/** The configuration as it can be printed: secrets redacted. */
export function redactedEnv(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, SECRET.test(k) && v !== undefined ? '[redacted]' : v]));
}
