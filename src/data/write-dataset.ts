import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DataModel } from '../domain/data-model.js';
import { ByteWriter } from './byte-writer.js';
import { generateTables, rowCountFor, type GenerateOptions } from './engine.js';

/** The data would not fit the bytes a job may write at once; nothing written is left behind. */
export class DataTooLargeError extends Error {
  override name = 'DataTooLargeError';
  /** About the largest scale whose files fit, from the bytes per row written so far. */
  readonly fittingScale: number;
  constructor(
    readonly maxBytes: number,
    readonly writtenBytes: number,
    readonly writtenRows: number,
    readonly plannedRows: number,
    readonly scale: number,
  ) {
    const projected = (writtenBytes / Math.max(1, writtenRows)) * plannedRows;
    const fitting = Math.max(0.01, Math.floor((scale * (maxBytes / projected) * 0.9) * 100) / 100);
    super(
      `The data at scale ${scale} needs about ${mb(projected)} of files (${plannedRows.toLocaleString('en-US')} rows), more than the ${mb(maxBytes)} this job may write at once; stopped after ${mb(writtenBytes)}. Lower the scale (about ${fitting} fits) or raise PROVISION_MAX_DATA_SIZE.`,
    );
    this.fittingScale = fitting;
  }
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: bytes < 10 * 2 ** 20 ? 1 : 0 })} MiB`;

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
  /**
   * At most this many bytes of files at once (on Cloud Run the disk is the container's memory).
   * Crossing it stops the writing, removes what was written and throws `DataTooLargeError`.
   */
  maxBytes?: number;
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
  const plannedRows = model.tables.reduce((n, t) => n + rowCountFor(t, opts.scale), 0);
  const budget = hooks.maxBytes ?? Number.POSITIVE_INFINITY;
  let doneBytes = 0;
  let doneRows = 0;
  const overBudget = (w: ByteWriter, rows: number): void => {
    if (doneBytes + w.bytes <= budget) return;
    for (const t of out) rmSync(t.file, { force: true });
    throw new DataTooLargeError(budget, doneBytes + w.bytes, doneRows + rows, plannedRows, opts.scale);
  };
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
        overBudget(w, chunk.start + chunk.length);
        // Let timers, progress events and cancellation through between chunks.
        if (chunk.start % (8 * chunk.length) === 0) await new Promise<void>((r) => setImmediate(r));
        hooks.signal?.throwIfAborted();
      }
      w.flush();
      overBudget(w, run.rows);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(tmp, file);
    const written = { name: run.table.name, file, rows: run.rows, bytes: w.bytes, ms: performance.now() - started };
    out.push(written);
    doneBytes += w.bytes;
    doneRows += run.rows;
    hooks.onTable?.(written, out.length, model.tables.length);
  }
  return out;
}
