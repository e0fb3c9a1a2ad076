import type { ColumnType, DataModel } from '../domain/data-model.js';
import { generateTables, type GenerateOptions, type Value } from './engine.js';

export { currencyDecimals, dayNumber, formatDate, formatTimestamp, generateTables, rowCountFor, SpecError, CHUNK_ROWS } from './engine.js';
export type { Chunk, GenerateOptions, TableRun, Value } from './engine.js';

/** A generated table held in memory, column-major. */
export interface GeneratedTable {
  name: string;
  columns: string[];
  types: ColumnType[];
  data: Value[][];
  rows: number;
}

/**
 * Generates every table of the model into memory: for tests, checks and small models. The
 * data stage streams instead (`writeDataset`); both read the same engine, so the values agree.
 */
export function generateDataset(model: DataModel, opts: GenerateOptions): GeneratedTable[] {
  const out: GeneratedTable[] = [];
  for (const run of generateTables(model, opts)) {
    const data: Value[][] = run.columns.map(() => new Array<Value>(run.rows));
    for (const chunk of run.chunks()) {
      for (let c = 0; c < data.length; c++) {
        const col = data[c] as Value[];
        for (let i = 0; i < chunk.length; i++) col[chunk.start + i] = chunk.value(c, i);
      }
    }
    out.push({ name: run.table.name, columns: run.columns, types: run.types, data, rows: run.rows });
  }
  return out;
}
