import { renderModel } from '../agents/model/render-model.js';
import { verifyModelOnData, type QueryCheck } from '../agents/model/verify-model.js';
import type { DataModel } from '../domain/data-model.js';
import type { CompanyProfile } from '../domain/profile.js';
import { QUESTION_LEVELS } from '../domain/story.js';
import { duckdbDialect } from '../warehouse/sql-dialect.js';
import type { Blueprint } from './blueprint.js';
import { tailor } from './tailor.js';

export type { QueryCheck };

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
  const checked = await verifyModelOnData(model, bp.questions, { seed: options.seed ?? 42, scale: options.scale ?? 1 });
  problems.push(...checked.problems);
  return { blueprint: bp.id, problems, tables: checked.tables, queries: checked.queries, model };
}
