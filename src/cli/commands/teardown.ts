import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bigQueryWarehouse, capiDataAgent, googleSettingsFrom } from '../../app/cloud-clients.js';
import { agentNameFor } from '../../agents/agent/build-context.js';
import { parseJobEnv } from '../../config/env.js';
import { LocalDataAgent } from '../../dataagent/local-data-agent.js';
import { datasetNameFor, JobIdSchema } from '../../pipeline/job-spec.js';
import { DuckdbWarehouse } from '../../warehouse/duckdb-warehouse.js';
import { UsageError } from '../exit-status.js';
import { parseCommand } from '../program.js';
import { printJson, type CliIO } from '../io.js';

/**
 * `provision teardown <jobId>`: deletes what the job provisioned: its data agent (CAPI or
 * local), its dataset (BigQuery or the DuckDB file) and its generated data files. Its status and checkpoints stay, so the history is kept and a rerun
 * with the same id provisions again.
 */
export async function teardownCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('teardown', args, io);
  if ('exit' in parsed) return parsed.exit;
  const { positionals } = parsed;
  const values = parsed.values as { 'state-dir'?: string; json?: boolean };
  const id = JobIdSchema.safeParse(positionals[0]);
  if (!id.success || positionals.length !== 1) throw new UsageError('teardown takes one job id: provision teardown <jobId>.');
  const jobId = id.data;
  const stateDir = resolve(values['state-dir'] ?? parseJobEnv(io.env).PROVISION_STATE_DIR);
  const manifest = join(stateDir, 'jobs', jobId, 'job.json');
  if (!existsSync(manifest)) {
    if (values.json) printJson(io, { jobId, error: { code: 'not_found', message: `No job ${jobId} in ${stateDir}.` } });
    else io.stderr.write(`provision: no job ${jobId} in ${stateDir}.\n`);
    return 2;
  }
  const spec = JSON.parse(readFileSync(manifest, 'utf8')) as { warehouse?: string };
  const dataset = datasetNameFor(jobId);
  const agentId = agentNameFor(jobId);
  const removed: string[] = [];
  if (spec.warehouse === 'bigquery') {
    const google = googleSettingsFrom(parseJobEnv(io.env));
    if (!google) throw new UsageError(`job ${jobId} is in BigQuery: tearing it down needs GOOGLE_CLOUD_PROJECT (and Google credentials).`);
    // The agent first: it reads the dataset, so it must not outlive it.
    if (await (await capiDataAgent(google)).delete(agentId)) removed.push(`data agent ${agentId}`);
    const warehouse = await bigQueryWarehouse(google);
    await warehouse.dropDataset(dataset);
    removed.push(`BigQuery dataset ${google.projectId}.${dataset}`);
  } else {
    if (await new LocalDataAgent({ stateDir }).delete(agentId)) removed.push(`local data agent ${agentId}`);
    const warehouse = new DuckdbWarehouse(join(stateDir, 'warehouse'));
    const file = warehouse.filePath(dataset);
    const hadDataset = existsSync(file);
    await warehouse.dropDataset(dataset);
    await warehouse.close();
    if (hadDataset) removed.push(file);
  }
  const dataDir = join(stateDir, 'jobs', jobId, 'data');
  if (existsSync(dataDir)) removed.push(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  if (values.json) printJson(io, { jobId, dataset, removed });
  else io.stdout.write(removed.length ? `removed ${removed.join(', ')}\n` : `nothing left to remove for ${jobId}\n`);
  return 0;
}
