import type { Column, DataModel, Table } from '../domain/data-model.js';
import {
  SemanticModelSchema,
  TIME_GRAINS,
  type SemanticDimension,
  type SemanticEntity,
  type SemanticFilter,
  type SemanticJoin,
  type SemanticMeasure,
  type SemanticModel,
  type SemanticTimeDimension,
} from '../domain/semantic-model.js';
import type { DemoStory } from '../domain/story.js';
import { overlayFor, type SemanticOverlay } from './presets/index.js';

/** "order_items" → "order items"; "region_name" → "region name". */
export function humanize(name: string): string {
  return name.replace(/_/g, ' ').trim();
}

/** A rough singular for labels: "categories" → "category", "orders" → "order". */
export function singular(phrase: string): string {
  return phrase.replace(/ies$/, 'y').replace(/(ches|shes|sses|xes)$/, (m) => m.slice(0, -2)).replace(/([^s])s$/, '$1');
}

const KEY = /(^|_)id$/;
// Fake values nobody slices by: they are unique per row or personal.
const UNSLICEABLE_FAKES = new Set(['email', 'phone', 'street', 'postcode', 'address', 'sentence']);
// Numbers that are scores, rates or sizes of one thing: summing them means nothing, so
// their default aggregation is the average ("CSAT by channel" is the average CSAT).
const AVERAGED_PARTS = new Set(
  'pct percent rate ratio score rating index propensity multiplier mpg gpa age years price fare tenure minutes capacity logins utilisation utilization size days'.split(' '),
);
const averaged = (name: string): boolean => name.split('_').some((p) => AVERAGED_PARTS.has(p)) || /^(avg|average)_|_per_/.test(name);
// A status value that means the row did not happen: such rows are left out of sums and averages.
const VOID_VALUE = /^(cancell?ed|canceled|void(ed)?)$/i;
const VOID_FLAG = /^is_(cancell?ed|canceled|void(ed)?)$/;

function dimensionLabel(column: Column): string {
  // "category_name" is the category; "full_name" stays a name.
  return humanize(column.name.replace(/^(is|has)_/, '').replace(/^(?!(full|first|last|display)_name$)(.+)_name$/, '$2'));
}

/**
 * The values a column takes, when its generator lists them; a copy of a parent's column
 * (`customer_id.segment`) takes the parent's.
 */
function sampleValues(column: Column, table: Table, tables: readonly Table[], depth = 0): string[] | undefined {
  const g = column.generator;
  if (g.kind === 'category' || g.kind === 'list') return [...new Set(g.values)].slice(0, 40);
  if (g.kind !== 'copy' || depth > 4) return undefined;
  const [via, parentColumn] = g.ref.split('.');
  if (!via || !parentColumn) return undefined;
  const fk = table.columns.find((c) => c.name === via)?.generator;
  const parent = fk?.kind === 'foreignKey' ? tables.find((t) => t.name === fk.table) : undefined;
  const copied = parent?.columns.find((c) => c.name === parentColumn);
  return parent && copied ? sampleValues(copied, parent, tables, depth + 1) : undefined;
}

function isDimension(table: Table, column: Column): boolean {
  if (column.name === table.primaryKey || KEY.test(column.name)) return false;
  if (column.type === 'STRING') return !(column.generator.kind === 'fake' && UNSLICEABLE_FAKES.has(column.generator.what)) && column.generator.kind !== 'sequence';
  if (column.type === 'BOOL') return true;
  // Small integer codes people slice by ("course level 300", "model year 2018").
  return column.type === 'INT64' && (column.generator.kind === 'category' || column.generator.kind === 'list');
}

function isMeasureColumn(table: Table, column: Column): boolean {
  if (!['INT64', 'FLOAT64', 'NUMERIC'].includes(column.type)) return false;
  if (column.name === table.primaryKey || KEY.test(column.name) || column.generator.kind === 'sequence' || column.generator.kind === 'foreignKey') return false;
  // A copy of a key or a listed code is a dimension, not a quantity.
  return !(column.generator.kind === 'list' || (column.generator.kind === 'category' && column.type === 'INT64'));
}

/** How often each column name starts a date window in the golden SQL. */
function dateUsage(model: DataModel): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of model.goldenSql) {
    // Lower bounds only: a window starts at a date (`order_date > …`); `received_date <= today` is a cut-off.
    for (const m of g.sql.matchAll(/([a-z_][a-z0-9_]*)\)?\s*(?:>=?|BETWEEN)\s*(?:DATE|CAST|DATE_SUB|\(|\$)/gi)) {
      const name = (m[1] ?? '').toLowerCase();
      out.set(name, (out.get(name) ?? 0) + 1);
    }
  }
  return out;
}

/** Parents reachable from a table, nearest first (breadth-first over its foreign keys). */
export function ancestors(table: string, joins: readonly SemanticJoin[]): string[] {
  const seen = new Set([table]);
  const queue = [table];
  const out: string[] = [];
  while (queue.length) {
    const t = queue.shift() ?? '';
    for (const j of joins) {
      if (j.from === t && !seen.has(j.to)) {
        seen.add(j.to);
        out.push(j.to);
        queue.push(j.to);
      }
    }
  }
  return out;
}

/**
 * Derives the semantic layer of any data model: entities and joins from the keys, dimensions
 * from string, boolean and coded columns (with their synonyms and generator values as
 * samples), time dimensions from dates, measures (a count per entity; sums and averages of
 * quantities; the share of rows where a flag holds), named filters that leave out
 * cancelled or void rows, and the golden questions as verified queries. A curated overlay
 * (the model's own `semantic` part, or the preset's) adds and renames on top. Pure.
 */
export function deriveSemanticModel(model: DataModel, story?: Pick<DemoStory, 'goldenQuestions'>): SemanticModel {
  const tables = model.tables;
  const entities: SemanticEntity[] = tables.map((t) => ({ table: t.name, label: singular(humanize(t.name)), primaryKey: t.primaryKey, synonyms: t.synonyms }));
  const joins: SemanticJoin[] = tables.flatMap((t) => t.foreignKeys.map((fk) => ({ from: t.name, fromColumn: fk.column, to: fk.references.table, toColumn: fk.references.column })));

  const columnCount = new Map<string, number>();
  for (const t of tables) for (const c of t.columns) columnCount.set(c.name, (columnCount.get(c.name) ?? 0) + 1);
  const unique = (t: Table, c: Column, suffix = ''): string => ((columnCount.get(c.name) ?? 0) > 1 ? `${t.name}_${c.name}${suffix}` : `${c.name}${suffix}`);

  const dimensions: SemanticDimension[] = [];
  const timeDimensions: SemanticTimeDimension[] = [];
  const filters: SemanticFilter[] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      if (c.type === 'DATE' || c.type === 'TIMESTAMP') {
        // Periods compare days: a timestamp is cut to its date (CAST works in DuckDB and BigQuery).
        timeDimensions.push({ name: unique(t, c), label: humanize(c.name), table: t.name, expr: c.type === 'TIMESTAMP' ? `CAST(${c.name} AS DATE)` : c.name, description: c.description, synonyms: c.synonyms, grains: [...TIME_GRAINS] });
        continue;
      }
      if (isDimension(t, c)) {
        const samples = sampleValues(c, t, tables);
        // A name column stands for its table: "by product" means by product_name.
        const named = /_name$/.test(c.name) || c.name === 'name' ? [singular(humanize(t.name)), ...t.synonyms.map((s) => singular(s.toLowerCase()))] : [];
        dimensions.push({
          name: unique(t, c),
          label: dimensionLabel(c),
          table: t.name,
          expr: c.name,
          description: c.description,
          synonyms: [...new Set([...c.synonyms, ...named])],
          dataType: c.type === 'BOOL' ? 'boolean' : c.type === 'STRING' ? 'string' : 'number',
          ...(samples ? { sampleValues: samples } : {}),
        });
      }
      const voidValue = c.type === 'STRING' && c.generator.kind === 'category' ? c.generator.values.find((v) => VOID_VALUE.test(v)) : undefined;
      if (voidValue) {
        filters.push({ name: `${t.name}_not_${voidValue.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, label: `${voidValue.toLowerCase()} ${humanize(t.name)} excluded`, description: `Leaves out ${humanize(t.name)} whose ${humanize(c.name)} is ${voidValue}.`, synonyms: [], table: t.name, expr: `${c.name} <> '${voidValue.replace(/'/g, "''")}'` });
      } else if (c.type === 'BOOL' && VOID_FLAG.test(c.name)) {
        filters.push({ name: `${t.name}_not_${c.name.replace(/^is_/, '')}`, label: `${humanize(c.name.replace(/^is_/, ''))} ${humanize(t.name)} excluded`, description: `Leaves out ${humanize(t.name)} where ${c.name} is true.`, synonyms: [], table: t.name, expr: `NOT ${c.name}` });
      }
    }
  }

  // The date a period applies to: the table's own date the golden SQL filters on most, else its
  // first date, else the nearest parent's.
  const usage = dateUsage(model);
  const ownDate = (table: string): SemanticTimeDimension | undefined => {
    const own = timeDimensions.filter((d) => d.table === table);
    const used = (d: SemanticTimeDimension): number => usage.get(d.expr.replace(/^CAST\((\w+) AS DATE\)$/, '$1')) ?? 0;
    return [...own].sort((a, b) => used(b) - used(a))[0];
  };
  const dateFor = (table: string): SemanticTimeDimension | undefined => ownDate(table) ?? ancestors(table, joins).map(ownDate).find((d) => d !== undefined);
  // Void rows leave sums out, and so do the lines of a void parent ("order_items" of a cancelled
  // order): a child whose name starts with its parent's is its lines. Other children (returns of
  // an order, invoices of a subscription) are facts of their own and keep every row.
  const voidFiltersFor = (table: string): string[] => {
    const parents = joins.filter((j) => j.from === table && table.startsWith(`${singular(j.to.replace(/_/g, ' ')).replace(/ /g, '_')}_`)).map((j) => j.to);
    return [table, ...parents].flatMap((t) => filters.filter((f) => f.table === t).map((f) => f.name));
  };

  const measures: SemanticMeasure[] = [];
  for (const t of tables) {
    const time = dateFor(t.name);
    const label = humanize(t.name);
    measures.push({
      name: `${t.name}_count`,
      label: `number of ${label}`,
      description: `How many ${label} (${t.grain}).`,
      synonyms: [label, ...t.synonyms.map((s) => s.toLowerCase())],
      table: t.name,
      agg: 'count',
      expr: '*',
      ...(time ? { timeDimension: time.name } : {}),
      format: 'number',
    });
    for (const c of t.columns) {
      const base = { table: t.name, ...(time ? { timeDimension: time.name } : {}) };
      const voids = voidFiltersFor(t.name);
      const withVoids = voids.length ? { filters: voids } : {};
      if (isMeasureColumn(t, c)) {
        const words = humanize(c.name);
        const money = c.type === 'NUMERIC' || (c.generator.kind === 'number' && c.generator.money === true);
        const isAveraged = averaged(c.name);
        measures.push({ ...base, ...withVoids, name: unique(t, c, isAveraged ? '_total' : ''), label: words.startsWith('total') ? words : `total ${words}`, description: `Sum of ${c.description}`, synonyms: isAveraged ? [] : [words, ...c.synonyms.map((s) => s.toLowerCase())], agg: 'sum', expr: c.name, format: money ? 'currency' : 'number' });
        measures.push({ ...base, ...withVoids, name: unique(t, c, isAveraged ? '' : '_avg'), label: `average ${words}`, description: `Average of ${c.description}`, synonyms: isAveraged ? [words, ...c.synonyms.map((s) => s.toLowerCase())] : [], agg: 'avg', expr: c.name, format: money ? 'currency' : 'number', decimals: 2 });
      } else if (c.type === 'BOOL') {
        const words = humanize(c.name.replace(/^(is|has)_/, ''));
        measures.push({ ...base, name: unique(t, c, '_rate'), label: `${words} rate`, description: `Percent of ${label} where ${c.name} is true.`, synonyms: [`share ${words}`, `percent ${words}`, `${words} percentage`, ...c.synonyms.map((x) => `${x.toLowerCase()} rate`)], agg: 'avg', expr: `CASE WHEN ${c.name} THEN 100.0 ELSE 0 END`, format: 'percent', decimals: 1 });
      }
    }
  }

  const questions = new Map((story?.goldenQuestions ?? []).map((q) => [q.id, q.question]));
  const verifiedQueries = model.goldenSql.flatMap((g) => {
    const question = questions.get(g.questionId);
    return question ? [{ questionId: g.questionId, question, sql: g.sql }] : [];
  });

  const derived: SemanticModel = { entities, dimensions, timeDimensions, measures, filters, joins, verifiedQueries };
  const overlays = [overlayFor(model.blueprint), model.semantic ? fromModelPart(model.semantic) : undefined].filter((o): o is SemanticOverlay => o !== undefined);
  const laid = overlays.reduce((m, o) => applyOverlay(m, o), derived);
  // A measure's date must be one its rows reach: an overlay naming a date of another table (two
  // modules' `opened_date`, renamed apart) falls back to the measure's own date.
  const reachable = (table: string, time: string | undefined): boolean => {
    const t = laid.timeDimensions.find((d) => d.name === time);
    return t !== undefined && (t.table === table || ancestors(table, laid.joins).includes(t.table));
  };
  const reaches = (table: string, target: string): boolean => table === target || ancestors(table, laid.joins).includes(target);
  // Its named filters too: the same name numbered apart ("not_cancelled_2") on a table it reaches.
  const renamed = <T extends { name: string; table: string }>(list: readonly T[], name: string, table: string): T | undefined =>
    list.find((x) => (x.name === name || x.name.replace(/_\d+$/, '') === name) && reaches(table, x.table));
  const measuresWithDates = laid.measures.map((m) => {
    const filters = m.filters?.map((f) => renamed(laid.filters, f, m.table)?.name ?? f);
    const withFilters = filters ? { ...m, filters } : m;
    if (m.agg === 'ratio' || m.timeDimension === undefined || reachable(m.table, m.timeDimension)) return withFilters;
    const own = renamed(laid.timeDimensions, m.timeDimension, m.table) ?? dateFor(m.table);
    const { timeDimension: _dropped, ...rest } = withFilters;
    return own ? { ...rest, timeDimension: own.name } : rest;
  });
  return SemanticModelSchema.parse({ ...laid, measures: measuresWithDates });
}

/** A semantic part a module wrote: its parts win over what was derived. */
function fromModelPart(part: SemanticModel): SemanticOverlay {
  return { measures: part.measures, dimensions: part.dimensions, filters: part.filters, timeDimensions: part.timeDimensions };
}

/**
 * Applies curated parts over the derived model: entries with a derived name replace it (keeping
 * the derived synonyms), new ones are added (first, so their names win ties), synonyms extend.
 * Entries naming a table or column the model does not have are dropped, so an overlay written
 * for a preset cannot break a tailored or edited model.
 */
export function applyOverlay(model: SemanticModel, overlay: SemanticOverlay): SemanticModel {
  const tables = new Set(model.entities.map((e) => e.table));
  const merge = <T extends { name: string; synonyms: string[]; table: string }>(base: T[], extra: T[] | undefined): T[] => {
    const kept = (extra ?? []).filter((e) => tables.has(e.table));
    const out = base.map((b) => {
      const o = kept.find((e) => e.name === b.name);
      return o ? { ...b, ...o, synonyms: [...new Set([...o.synonyms, ...b.synonyms])] } : b;
    });
    return [...kept.filter((e) => !base.some((b) => b.name === e.name)), ...out];
  };
  let measures = merge(model.measures, overlay.measures);
  for (const [name, synonyms] of Object.entries(overlay.measureSynonyms ?? {})) {
    measures = measures.map((m) => (m.name === name ? { ...m, synonyms: [...new Set([...synonyms, ...m.synonyms])] } : m));
  }
  // A ratio or filter naming a measure or filter that is not there would not compile: drop it.
  const filters = merge(model.filters, overlay.filters);
  const filterNames = new Set(filters.map((f) => f.name));
  const measureNames = new Set(measures.map((m) => m.name));
  measures = measures.filter((m) => (m.agg !== 'ratio' || (measureNames.has(m.numerator ?? '') && measureNames.has(m.denominator ?? ''))) && (m.filters ?? []).every((f) => filterNames.has(f)));
  // A curated dimension keeps the derived one's label as a name ("opened date" for "date raised").
  const named = <T extends { name: string; label: string; synonyms: string[]; table: string }>(base: T[], extra: T[] | undefined): T[] =>
    merge(
      base.map((b) => (extra?.some((e) => e.name === b.name && e.label !== b.label) ? { ...b, synonyms: [...b.synonyms, b.label] } : b)),
      extra,
    );
  return {
    ...model,
    measures,
    dimensions: named(model.dimensions, overlay.dimensions),
    timeDimensions: named(model.timeDimensions, overlay.timeDimensions),
    filters,
  };
}
