import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderModel } from '../agents/model/render-model.js';
import { checkInsight, type InsightCheck } from '../agents/validate/check-insight.js';
import { toCsv } from '../data/csv.js';
import { generateDataset } from '../data/generate.js';
import { checkIntegrity, integrityQueries } from '../data/integrity.js';
import type { DataModel } from '../domain/data-model.js';
import type { CompanyProfile } from '../domain/profile.js';
import { QUESTION_LEVELS } from '../domain/story.js';
import { duckdbDialect } from '../warehouse/sql-dialect.js';
import { DuckdbWarehouse } from '../warehouse/duckdb-warehouse.js';
import type { Blueprint } from './blueprint.js';
import { tailor } from './tailor.js';

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

export interface BlueprintReport {
  blueprint: string;
  problems: string[];
  tables: Array<{ name: string; rows: number }>;
  queries: QueryCheck[];
  model: DataModel;
}

/** A profile made of the blueprint's own defaults, for checking a blueprint alone. */
export function defaultProfile(bp: Blueprint, name = 'Example Co'): CompanyProfile {
  return {
    url: 'http://127.0.0.1/',
    name,
    summary: `${name} is a ${bp.label.toLowerCase()} company.`,
    industry: { id: bp.id, label: bp.label, naics: bp.naics, confidence: 1 },
    businessModel: bp.businessModel,
    products: bp.defaults.products,
    customerSegments: bp.defaults.customerSegments,
    regions: bp.defaults.regions,
    currency: 'USD',
    kpis: bp.defaults.kpis,
    keyEntities: bp.defaults.keyEntities,
    evidence: [],
    pages: [],
  };
}

/** Static checks of the blueprint's shape: sizes, levels, references. */
export function lintBlueprint(bp: Blueprint): string[] {
  const problems: string[] = [];
  if (bp.tables.length < 6 || bp.tables.length > 12) problems.push(`has ${bp.tables.length} tables; 6-12 expected`);
  if (bp.questions.length < 12 || bp.questions.length > 15) problems.push(`has ${bp.questions.length} golden questions; 12-15 expected`);
  const levels = bp.questions.map((q) => QUESTION_LEVELS.indexOf(q.level));
  if (levels.some((l, i) => i > 0 && l < (levels[i - 1] ?? 0))) problems.push('questions are not ordered from simple to expert');
  for (const level of QUESTION_LEVELS) if (!bp.questions.some((q) => q.level === level)) problems.push(`no ${level} question`);
  const ids = new Set(bp.questions.map((q) => q.id));
  if (ids.size !== bp.questions.length) problems.push('question ids repeat');
  for (const s of bp.scenes) for (const id of s.questionIds) if (!ids.has(id)) problems.push(`scene "${s.title}" names unknown question ${id}`);
  const names = new Set<string>();
  for (const t of bp.tables) {
    if (names.has(t.name)) problems.push(`table ${t.name} is defined twice`);
    names.add(t.name);
    for (const c of t.columns) {
      if (c.generator.kind === 'foreignKey' && !names.has(c.generator.table)) problems.push(`${t.name}.${c.name} references ${c.generator.table}, which is not defined before it`);
    }
  }
  return problems;
}

/**
 * Generates a blueprint's data, loads it into a scratch DuckDB file, and runs every golden
 * query. The blueprint is good when there are no problems and every query has rows.
 */
export async function verifyBlueprint(bp: Blueprint, options: { scale?: number; seed?: number; asOf?: string } = {}): Promise<BlueprintReport> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const profile = defaultProfile(bp);
  const model = renderModel(bp, profile, tailor(bp, profile), duckdbDialect(asOf), asOf);
  const problems = lintBlueprint(bp);
  const tables = generateDataset(model, { seed: options.seed ?? 42, scale: options.scale ?? 1 });
  problems.push(...checkIntegrity(model, tables));

  const dir = mkdtempSync(join(tmpdir(), `blueprint-${bp.id}-`));
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
    for (const q of bp.questions) {
      const golden = model.goldenSql.find((g) => g.questionId === q.id);
      const sql = golden?.sql ?? '';
      const check: QueryCheck = { id: q.id, question: q.question, ok: false, rows: 0, columns: [], firstRows: [] };
      try {
        const result = await wh.query('check', sql);
        check.rows = result.rows.length;
        check.columns = result.columns;
        check.firstRows = result.rows.slice(0, 5);
        if (result.rows.length === 0) check.problem = 'no rows';
        else if (result.columns.join(',') !== q.expectedColumns.join(',')) check.problem = `columns ${result.columns.join(',')} != expected ${q.expectedColumns.join(',')}`;
        else if (result.rows.every((r) => r.every((v) => v === null || v === 0))) check.problem = 'every value is NULL or 0';
        else {
          check.insights = (golden?.insights ?? []).map((i) => checkInsight(i, result.columns, result.rows));
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
  return { blueprint: bp.id, problems, tables: loaded, queries, model };
}
