import { z } from 'zod';
import { InternalError, RemoteServiceError } from '../../core/errors.js';
import { DatasetFilesSchema, ProvisionedDatasetSchema, type ProvisionedDataset } from '../../domain/artifacts.js';
import { DataModelSchema } from '../../domain/data-model.js';
import { CompanyProfileSchema } from '../../domain/profile.js';
import type { StageContext } from '../../pipeline/context.js';
import { need, type Stage } from '../../pipeline/stage.js';

const Input = z.object({ profile: CompanyProfileSchema, model: DataModelSchema, files: DatasetFilesSchema });

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'company';
}

async function provision({ profile, model, files }: z.infer<typeof Input>, ctx: StageContext): Promise<ProvisionedDataset> {
  const { datasetName, jobId } = ctx.job;
  const ref = await ctx.warehouse.ensureDataset(datasetName, {
    description: `provision demo for ${profile.name} (${profile.url}), job ${jobId}`,
    labels: { 'provisioned-by': 'provision', 'job-id': jobId, company: slug(profile.name) },
  });
  // Loads run in parallel as far as the warehouse allows (BigQuery load jobs, DuckDB connections).
  const counts = new Map<string, number>();
  const queue = [...model.tables];
  const load = async (): Promise<void> => {
    for (let table = queue.shift(); table; table = queue.shift()) {
      ctx.signal.throwIfAborted();
      const name = table.name;
      const file = files.tables.find((f) => f.name === name);
      if (!file) throw new RemoteServiceError('warehouse_error', `No data file was generated for table ${name}.`);
      const relative = `data/${name}.csv`;
      let rows: number;
      if (await ctx.files.exists(relative)) {
        rows = await ctx.warehouse.loadTable(datasetName, table, file.file, { signal: ctx.signal });
        // Verify, never assume: the predecessor hid failed loads.
        if (rows !== file.rows) throw new RemoteServiceError('warehouse_error', `Table ${name} holds ${rows} rows after loading, but ${file.rows} were generated.`);
        // Loaded and verified, the file only takes room: on Cloud Run the disk is the container's
        // memory, and validation's queries need it more. A rerun regenerates it if it is needed again.
        await ctx.files.remove(relative);
      } else {
        // Removed after an earlier attempt loaded it (the data stage resumed because the
        // warehouse already holds every table): check the table instead of loading it again.
        rows = await ctx.warehouse.countRows(datasetName, name).catch(() => -1);
        if (rows !== file.rows) throw new InternalError(`The data file of table ${name} is gone and the table holds ${rows < 0 ? 'nothing' : `${rows} rows`}, not ${file.rows}. Run the job again to regenerate it.`);
      }
      counts.set(name, rows);
      ctx.progress(counts.size / model.tables.length, `loaded ${name} (${rows} rows)`);
    }
  };
  const workers = Math.max(1, Math.min(ctx.warehouse.loadConcurrency ?? 1, model.tables.length));
  // A failure stops the other workers taking tables, and the stage ends only once the loads in
  // flight have: none runs on after it into the next stage or the warehouse's close.
  const settled = await Promise.allSettled(
    Array.from({ length: workers }, () =>
      load().catch((err: unknown) => {
        queue.length = 0;
        throw err;
      }),
    ),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const tables: ProvisionedDataset['tables'] = model.tables.map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0 }));
  return { name: ref.name, location: ref.location, warehouse: ctx.warehouse.kind, tables };
}

export const provisionStage: Stage<'provision', z.infer<typeof Input>> = {
  id: 'provision',
  inputSchema: Input,
  outputSchema: ProvisionedDatasetSchema,
  input: (earlier) => ({ profile: need(earlier, 'research'), model: need(earlier, 'model'), files: need(earlier, 'data') }),
  run: provision,
  report: (d) => ({ output: { dataset: d.name, location: d.location, tables: d.tables.length }, rows: d.tables.reduce((n, t) => n + t.rows, 0) }),
  stillValid: async (d, ctx) => {
    // The dataset may have been torn down since; then load it again.
    try {
      for (const t of d.tables) if ((await ctx.warehouse.countRows(d.name, t.name)) !== t.rows) return false;
      return true;
    } catch {
      return false;
    }
  },
};
