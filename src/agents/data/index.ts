import { z } from 'zod';
import { InternalError, UserInputError } from '../../core/errors.js';
import { SpecError } from '../../data/generate.js';
import { DataTooLargeError, writeDataset } from '../../data/write-dataset.js';
import { DatasetFilesSchema, type DatasetFiles } from '../../domain/artifacts.js';
import { DataModelSchema } from '../../domain/data-model.js';
import type { StageContext } from '../../pipeline/context.js';
import { need, type Stage } from '../../pipeline/stage.js';

const Input = z.object({ model: DataModelSchema });

async function generate({ model }: z.infer<typeof Input>, ctx: StageContext): Promise<DatasetFiles> {
  const { seed, scale } = ctx.job;
  const dir = `${ctx.files.dir}/data`;
  let written;
  try {
    // Streams chunk by chunk to the job's data folder: memory stays bounded at any --scale.
    // Keys are unique and resolve by construction; validate re-checks them in the warehouse.
    written = await writeDataset(model, { seed, scale }, dir, {
      signal: ctx.signal,
      ...(ctx.maxDataBytes !== undefined ? { maxBytes: ctx.maxDataBytes } : {}),
      onTable: (t, done, total) => ctx.progress(done / total, `${t.name}: ${t.rows} rows`),
    });
  } catch (err) {
    if (err instanceof SpecError) throw new InternalError(`The data model cannot be generated: ${err.message}`, { cause: err });
    // Another attempt would write the same bytes: the user must lower the scale or raise the limit.
    if (err instanceof DataTooLargeError) throw new UserInputError('too_large', err.message, { cause: err });
    throw err;
  }
  return { seed, scale, dir, tables: written.map((t) => ({ name: t.name, file: t.file, rows: t.rows, bytes: t.bytes })) };
}

export const dataStage: Stage<'data', z.infer<typeof Input>> = {
  id: 'data',
  inputSchema: Input,
  outputSchema: DatasetFilesSchema,
  input: (earlier) => ({ model: need(earlier, 'model') }),
  run: generate,
  report: (d) => ({
    output: { tables: d.tables.length, rows: d.tables.reduce((n, t) => n + t.rows, 0) },
    rows: d.tables.reduce((n, t) => n + t.rows, 0),
    bytes: d.tables.reduce((n, t) => n + t.bytes, 0),
  }),
  // The files live beside the checkpoint until the provision stage has loaded them (it removes
  // each one it loaded and verified). A table whose file is gone stands if the warehouse holds
  // its rows; otherwise generate again.
  stillValid: async (d, ctx) => {
    for (const t of d.tables) {
      if (await ctx.files.exists(`data/${t.name}.csv`)) continue;
      const rows = await ctx.warehouse.countRows(ctx.job.datasetName, t.name).catch(() => -1);
      if (rows !== t.rows) return false;
    }
    return true;
  },
};
