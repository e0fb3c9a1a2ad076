import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DataModel } from '../domain/data-model.js';
import { ByteWriter } from './byte-writer.js';
import { generateTables, type GenerateOptions } from './engine.js';

export interface WrittenTable {
  name: string;
  file: string;
  rows: number;
  bytes: number;
  /** Wall time to generate and write the table. */
  ms: number;
}

export interface WriteHooks {
  signal?: AbortSignal;
  /** Called after each table with what was written so far. */
  onTable?: (table: WrittenTable, done: number, total: number) => void;
}

/**
 * Streams every table of the model to `<dir>/<table>.csv` (RFC 4180, header row, NULL as an
 * empty unquoted field), one chunk at a time, so memory stays bounded whatever the row
 * count. Each file appears whole or not at all (written aside, then renamed).
 */
export async function writeDataset(model: DataModel, opts: GenerateOptions, dir: string, hooks: WriteHooks = {}): Promise<WrittenTable[]> {
  mkdirSync(dir, { recursive: true });
  const out: WrittenTable[] = [];
  for (const run of generateTables(model, opts)) {
    const started = performance.now();
    const file = join(dir, `${run.table.name}.csv`);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    const w = new ByteWriter((b) => {
      let off = 0;
      while (off < b.length) off += writeSync(fd, b, off, b.length - off);
    });
    try {
      w.text(`${run.columns.join(',')}\n`);
      for (const chunk of run.chunks()) {
        chunk.writeCsv(w);
        // Let timers, progress events and cancellation through between chunks.
        if (chunk.start % (8 * chunk.length) === 0) await new Promise<void>((r) => setImmediate(r));
        hooks.signal?.throwIfAborted();
      }
      w.flush();
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(tmp, file);
    const written = { name: run.table.name, file, rows: run.rows, bytes: w.bytes, ms: performance.now() - started };
    out.push(written);
    hooks.onTable?.(written, out.length, model.tables.length);
  }
  return out;
}
