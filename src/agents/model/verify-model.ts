import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCsv } from '../../data/csv.js';
import { generateDataset } from '../../data/generate.js';
import { checkIntegrity, integrityQueries } from '../../data/integrity.js';
import type { DataModel } from '../../domain/data-model.js';
import { DuckdbWarehouse } from '../../warehouse/duckdb-warehouse.js';
import { checkInsight, type InsightCheck } from '../validate/check-insight.js';

export interface QueryCheck {
  id: string;
  question: string;
  ok: boolean;
  rows: number;
  columns: string[];
  firstRows: unknown[][];
  problem?: string;
  /** The question's declared insights, checked on its result. */
  insights?: InsightCheck[];
}

export interface ModelDataReport {
  /** Generation, load and integrity problems. */
  problems: string[];
  tables: Array<{ name: string; rows: number }>;
  queries: QueryCheck[];
}

/**
 * Generates a DuckDB-dialect model's data at the given seed and scale, loads it into a scratch
 * DuckDB, checks integrity, and runs every golden query: it must return rows, its declared
 * columns, not only NULLs and zeros, and every declared insight must hold on the result. The
 * same check serves the blueprint library (`check:blueprints`) and the model stage's check of a
 * design Claude changed.
 */
export async function verifyModelOnData(model: DataModel, questions: ReadonlyArray<{ id: string; question: string }>, options: { seed: number; scale: number }): Promise<ModelDataReport> {
  const tables = generateDataset(model, { seed: options.seed, scale: options.scale });
  const problems = checkIntegrity(model, tables);
  const dir = mkdtempSync(join(tmpdir(), 'provision-verify-'));
  const wh = new DuckdbWarehouse(dir);
  const queries: QueryCheck[] = [];
  const loaded: Array<{ name: string; rows: number }> = [];
  try {
    await wh.ensureDataset('check');
    for (const t of model.tables) {
      const gen = tables.find((g) => g.name === t.name);
      if (!gen) continue;
      const file = join(dir, `${t.name}.csv`);
      writeFileSync(file, toCsv(gen));
      const rows = await wh.loadTable('check', t, file);
      if (rows !== gen.rows) problems.push(`table ${t.name}: loaded ${rows} rows, generated ${gen.rows}`);
      loaded.push({ name: t.name, rows });
    }
    for (const check of integrityQueries(model, (t) => t)) {
      const res = await wh.query('check', check.sql);
      const violations = Number(res.rows[0]?.[0] ?? 0);
      if (violations > 0) problems.push(`loaded data: ${check.what}: ${violations} rows break it`);
    }
    for (const q of questions) {
      const golden = model.goldenSql.find((g) => g.questionId === q.id);
      const check: QueryCheck = { id: q.id, question: q.question, ok: false, rows: 0, columns: [], firstRows: [] };
      try {
        if (!golden) throw new Error('the question has no SQL');
        const result = await wh.query('check', golden.sql);
        check.rows = result.rows.length;
        check.columns = result.columns;
        check.firstRows = result.rows.slice(0, 5);
        if (result.rows.length === 0) check.problem = 'no rows';
        else if (result.columns.join(',') !== golden.expectedColumns.join(',')) check.problem = `columns ${result.columns.join(',')} != expected ${golden.expectedColumns.join(',')}`;
        else if (result.rows.every((r) => r.every((v) => v === null || v === 0))) check.problem = 'every value is NULL or 0';
        else {
          check.insights = (golden.insights ?? []).map((i) => checkInsight(i, result.columns, result.rows));
          const broken = check.insights.filter((c) => !c.holds);
          if (broken.length > 0) check.problem = `insight does not hold: ${broken.map((c) => `${c.claim} (observed ${c.observed})`).join('; ')}`;
          else check.ok = true;
        }
      } catch (err) {
        check.problem = (err as Error).message;
      }
      queries.push(check);
    }
  } finally {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { problems, tables: loaded, queries };
}
