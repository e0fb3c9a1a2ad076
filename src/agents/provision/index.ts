import { z } from 'zod';
import { RemoteServiceError } from '../../core/errors.js';
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
  const tables: ProvisionedDataset['tables'] = [];
  for (const [i, table] of model.tables.entries()) {
    ctx.signal.throwIfAborted();
    const file = files.tables.find((f) => f.name === table.name);
    if (!file) throw new RemoteServiceError('warehouse_error', `No data file was generated for table ${table.name}.`);
    const rows = await ctx.warehouse.loadTable(datasetName, table, file.file);
    // Verify, never assume: the predecessor hid failed loads.
    if (rows !== file.rows) throw new RemoteServiceError('warehouse_error', `Table ${table.name} holds ${rows} rows after loading, but ${file.rows} were generated.`);
    tables.push({ name: table.name, rows });
    ctx.progress((i + 1) / model.tables.length, `loaded ${table.name} (${rows} rows)`);
  }
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
