import type { Blueprint, BlueprintColumn } from '../../blueprints/blueprint.js';
import { tailorList, type Tailoring } from '../../blueprints/tailor.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { Column, DataModel, ForeignKey, GeneratorSpec, Insight, Table } from '../../domain/data-model.js';
import type { SqlDialect } from '../../warehouse/sql-dialect.js';

function renderGenerator(col: BlueprintColumn, profile: CompanyProfile, valueMap: Map<string, string>): GeneratorSpec {
  let g: GeneratorSpec = col.generator;
  if (col.fromProfile && (g.kind === 'list' || g.kind === 'category')) {
    g = { ...g, values: tailorList(g.values, profile[col.fromProfile]) };
  }
  if (g.effects) {
    g = { ...g, effects: g.effects.map((e) => ({ ...e, when: e.when.in ? { ...e.when, in: e.when.in.map((v) => valueMap.get(v) ?? v) } : e.when })) };
  }
  return g;
}

function tailorInsight(insight: Insight, tailoring: Tailoring): Insight {
  const fill = (v: string): string => tailoring.valueMap.get(v) ?? tailoring.fill(v);
  switch (insight.kind) {
    case 'ratio':
    case 'top':
    case 'bottom':
      return { ...insight, value: fill(insight.value) };
    case 'compare':
      return { ...insight, value: fill(insight.value), other: fill(insight.other) };
    case 'between':
      return insight.value === undefined ? insight : { ...insight, value: fill(insight.value) };
    case 'trend':
      return insight;
  }
}

/** The locale of fake names and addresses, from the company's currency and home region. */
function localeFor(profile: CompanyProfile): string {
  const home = (profile.regions[0] ?? '').toLowerCase();
  switch (profile.currency.toUpperCase()) {
    case 'GBP':
      return 'en-GB';
    case 'EUR':
      if (/france|french/.test(home)) return 'fr-FR';
      if (/spain|spanish|españa/.test(home)) return 'es-ES';
      return 'de-DE';
    default:
      return 'en-US';
  }
}

/**
 * Where a column's values point, if anywhere: a foreign key's parent, or, for a copy of a
 * parent's foreign key (`subscription_id.account_id`), the grandparent it points to.
 */
function referenceOf(column: Column, columns: readonly Column[], tables: readonly Table[]): ForeignKey['references'] | undefined {
  const g = column.generator;
  if (g.kind === 'foreignKey') return { table: g.table, column: g.column };
  if (g.kind !== 'copy' || !g.ref.includes('.')) return undefined;
  const [via, parentColumn] = g.ref.split('.') as [string, string];
  const fk = columns.find((c) => c.name === via)?.generator;
  if (fk?.kind !== 'foreignKey') return undefined;
  const parent = tables.find((t) => t.name === fk.table);
  const copied = parent?.columns.find((c) => c.name === parentColumn);
  if (!parent || !copied) return undefined;
  if (parent.primaryKey === parentColumn) return { table: parent.name, column: parentColumn };
  return copied.generator.kind === 'foreignKey' ? { table: copied.generator.table, column: copied.generator.column } : undefined;
}

/**
 * Renders a blueprint into the data model for one company: tailored categories, the
 * planted effects mapped onto them, foreign keys from the generators, and every golden
 * question's SQL in the warehouse's dialect. Pure.
 */
export function renderModel(blueprint: Blueprint, profile: CompanyProfile, tailoring: Tailoring, dialect: SqlDialect, asOf: string): DataModel {
  const tables: Table[] = [];
  for (const t of blueprint.tables) {
    const columns: Column[] = t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      description: tailoring.fill(c.description),
      synonyms: c.synonyms ?? [],
      generator: renderGenerator(c, profile, tailoring.valueMap),
    }));
    tables.push({
      name: t.name,
      description: tailoring.fill(t.description),
      grain: t.grain,
      rowCount: t.rowCount,
      scales: t.scales ?? true,
      ...(t.scaling ? { scaling: t.scaling } : {}),
      primaryKey: t.primaryKey,
      columns,
      foreignKeys: columns.flatMap((c) => {
        const references = referenceOf(c, columns, tables);
        return references ? [{ column: c.name, references }] : [];
      }),
      synonyms: t.synonyms ?? [],
    });
  }
  const goldenSql = blueprint.questions.map((q) => ({
    questionId: q.id,
    sql: q.sql(dialect).trim(),
    expectedColumns: q.expectedColumns,
    // Insight values name tailored categories: `{customerSegments.0}` becomes the company's own.
    ...(q.insights ? { insights: q.insights.map((i) => tailorInsight(i, tailoring)) } : {}),
  }));
  return {
    blueprint: blueprint.id,
    dialect: dialect.id,
    asOf,
    currency: profile.currency,
    locale: localeFor(profile),
    tables,
    goldenSql,
    glossary: blueprint.glossary.map((g) => ({ term: g.term, definition: tailoring.fill(g.definition) })),
    // The golden questions, with their SQL in this dialect, are the semantic layer's verified queries.
    ...(blueprint.semantic
      ? { semantic: { ...blueprint.semantic, verifiedQueries: blueprint.questions.map((q, i) => ({ questionId: q.id, question: tailoring.fill(q.question), sql: goldenSql[i]!.sql })) } }
      : {}),
  };
}
