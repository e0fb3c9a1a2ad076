import type { DataModel } from '../domain/data-model.js';
import { dayNumber, SpecError, type GenerateOptions } from './cells.js';
import { retainedColumns } from './spec-graph.js';
import { TableEngine, type TableRun } from './table-engine.js';
import type { Stored } from './column-data.js';

// The engine's public face. Its parts: cells.ts (values, calendars, formats), column-data.ts
// (how cells are held), csv-cells.ts (how they print as CSV), spec-graph.ts (dependency
// order and what later tables read), fake-values.ts, day-sampler.ts, table-engine.ts (one
// table, chunk by chunk).
export { CHUNK_ROWS, type Chunk, type TableRun } from './table-engine.js';
export { currencyDecimals, DAY_MS, dayNumber, formatDate, formatTimestamp, rowCountFor, SpecError, type GenerateOptions, type Value } from './cells.js';

/**
 * Generates every table of the model, parents before children, as a stream of chunks.
 * Deterministic: the same model, seed and scale give the same values. Each table's chunks
 * must be read before the next table is asked for. Throws SpecError when the spec cannot work.
 */
export function* generateTables(model: DataModel, opts: GenerateOptions): Generator<TableRun> {
  const asOfDay = dayNumber(model.asOf);
  const stored = new Map<string, Stored>();
  const retained = retainedColumns(model);
  // The last table that reads each parent: after it, the parent's columns are let go.
  const lastUse = new Map<string, number>();
  model.tables.forEach((t, i) => {
    for (const c of t.columns) if (c.generator.kind === 'foreignKey') lastUse.set(c.generator.table, i);
  });
  for (const [index, table] of model.tables.entries()) {
    const pkCol = table.columns.find((c) => c.name === table.primaryKey);
    if (!pkCol) throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} is not one of its columns.`);
    if (pkCol.generator.kind !== 'sequence' && pkCol.generator.kind !== 'list') {
      throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} must be a sequence or a list to be unique by construction.`);
    }
    if (pkCol.generator.nullRate) throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} cannot have nulls.`);
    const engine = new TableEngine(table, stored, asOfDay, opts, model);
    const needed = retained.get(table.name);
    const storage = needed ? engine.storage(needed) : undefined;
    let consumed = false;
    const chunks = engine.chunks(storage?.keep);
    const run: TableRun = {
      table,
      rows: engine.n,
      columns: table.columns.map((c) => c.name),
      types: table.columns.map((c) => c.type),
      chunks: function* () {
        if (consumed) throw new Error(`The chunks of ${table.name} were already read.`);
        consumed = true;
        yield* chunks;
      },
    };
    yield run;
    // Children need the whole parent: finish it if the caller stopped early.
    if (!consumed) for (const _ of run.chunks()) void _;
    else for (const _ of chunks) void _;
    if (storage) stored.set(table.name, storage.stored);
    for (const [name, last] of lastUse) if (last === index) stored.delete(name);
  }
}
