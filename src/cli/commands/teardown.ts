import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJobEnv } from '../../config/env.js';
import { datasetNameFor, JobIdSchema } from '../../pipeline/job-spec.js';
import { DuckdbWarehouse } from '../../warehouse/duckdb-warehouse.js';
import { UsageError } from '../exit-status.js';
import { TEARDOWN_HELP } from '../help.js';
import { printJson, type CliIO } from '../io.js';

/**
 * `provision teardown <jobId>`: deletes what the job provisioned (its DuckDB dataset and
 * generated data files). Its status and checkpoints stay, so the history is kept and a rerun
 * with the same id provisions again.
 */
export async function teardownCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { 'state-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(`${TEARDOWN_HELP}\n`);
    return 0;
  }
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
  if (spec.warehouse === 'bigquery') throw new UsageError('tearing down BigQuery datasets and data agents is not available in this build yet.');
  const dataset = datasetNameFor(jobId);
  const warehouse = new DuckdbWarehouse(join(stateDir, 'warehouse'));
  const file = warehouse.filePath(dataset);
  const hadDataset = existsSync(file);
  await warehouse.dropDataset(dataset);
  await warehouse.close();
  const dataDir = join(stateDir, 'jobs', jobId, 'data');
  const hadData = existsSync(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  const removed = [...(hadDataset ? [file] : []), ...(hadData ? [dataDir] : [])];
  if (values.json) printJson(io, { jobId, dataset, removed });
  else io.stdout.write(removed.length ? `removed ${removed.join(' and ')}\n` : `nothing left to remove for ${jobId}\n`);
  return 0;
}
