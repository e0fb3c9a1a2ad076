import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseJobEnv } from '../../config/env.js';
import { SqliteStatusStore } from '../../status/sqlite-status-store.js';
import { UsageError } from '../exit-status.js';
import { formatJob, formatJobList } from '../format.js';
import { parseCommand } from '../program.js';
import { printJson, type CliIO } from '../io.js';

const StatusFilter = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']).optional();

export async function statusCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('status', args, io);
  if ('exit' in parsed) return parsed.exit;
  const { positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('status takes at most one job id: provision status [jobId].');
  const values = parsed.values as { 'state-dir'?: string; status?: string; limit?: string; json?: boolean };
  const stateDir = resolve(values['state-dir'] ?? parseJobEnv(io.env).PROVISION_STATE_DIR);
  const status = StatusFilter.safeParse(values.status);
  if (!status.success) throw new UsageError('--status must be one of queued, running, completed, failed, cancelled.');
  const limit = Number(values.limit ?? 20);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number.');

  const file = join(stateDir, 'status.sqlite');
  if (!existsSync(file)) {
    if (values.json) printJson(io, positionals[0] ? { error: { code: 'not_found', message: `No job ${positionals[0]}.` } } : { jobs: [] });
    else io.stdout.write(positionals[0] ? `No job ${positionals[0]} in ${stateDir}.\n` : `${formatJobList([])}\n`);
    return positionals[0] ? 2 : 0;
  }
  const store = new SqliteStatusStore(file);
  try {
    const jobId = positionals[0];
    if (jobId) {
      const job = await store.get(jobId);
      if (!job) {
        if (values.json) printJson(io, { error: { code: 'not_found', message: `No job ${jobId}.` } });
        else io.stderr.write(`No job ${jobId} in ${stateDir}. \`provision status\` lists the jobs.\n`);
        return 2;
      }
      const { appliedEventIds: _ids, ...shown } = job;
      if (values.json) printJson(io, shown);
      else io.stdout.write(`${formatJob(job)}\n`);
      return 0;
    }
    const { jobs } = await store.list({ ...(status.data ? { status: status.data } : {}), limit });
    if (values.json) printJson(io, { jobs: jobs.map(({ appliedEventIds: _ids, ...j }) => j) });
    else io.stdout.write(`${formatJobList(jobs)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
