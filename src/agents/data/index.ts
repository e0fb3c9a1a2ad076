import { z } from 'zod';
import { InternalError } from '../../core/errors.js';
import { toCsv } from '../../data/csv.js';
import { generateDataset, SpecError } from '../../data/generate.js';
import { checkIntegrity } from '../../data/integrity.js';
import { DatasetFilesSchema, type DatasetFiles } from '../../domain/artifacts.js';
import { DataModelSchema } from '../../domain/data-model.js';
import type { StageContext } from '../../pipeline/context.js';
import { need, type Stage } from '../../pipeline/stage.js';

const Input = z.object({ model: DataModelSchema });

async function generate({ model }: z.infer<typeof Input>, ctx: StageContext): Promise<DatasetFiles> {
  const { seed, scale } = ctx.job;
  let tables;
  try {
    tables = generateDataset(model, { seed, scale });
  } catch (err) {
    if (err instanceof SpecError) throw new InternalError(`The data model cannot be generated: ${err.message}`, { cause: err });
    throw err;
  }
  const problems = checkIntegrity(model, tables);
  if (problems.length > 0) throw new InternalError(`The generated data breaks its own guarantees: ${problems.join(' ')}`);
  ctx.progress(0.5, `generated ${tables.reduce((n, t) => n + t.rows, 0)} rows`);
  const out: DatasetFiles['tables'] = [];
  for (const t of tables) {
    ctx.signal.throwIfAborted();
    const csv = toCsv(t);
    const file = await ctx.files.write(`data/${t.name}.csv`, csv);
    out.push({ name: t.name, file, rows: t.rows, bytes: Buffer.byteLength(csv) });
  }
  return { seed, scale, dir: `${ctx.files.dir}/data`, tables: out };
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
  // The files live beside the checkpoint; if someone removed them, generate again.
  stillValid: async (d, ctx) => {
    for (const t of d.tables) if (!(await ctx.files.exists(`data/${t.name}.csv`))) return false;
    return true;
  },
};
