import type { Blueprint, BlueprintQuestion, BlueprintTable } from '../blueprints/blueprint.js';
import { InternalError } from '../core/errors.js';
import type { CompanyProfile } from '../domain/profile.js';
import type { SemanticMeasure, SemanticModel } from '../domain/semantic-model.js';
import { QUESTION_LEVELS } from '../domain/story.js';
import { CORE_MODULES, SHARED_MODULES } from '../modules/index.js';
import type { CoreModuleId, Industry, Term } from '../taxonomy/types.js';
import type { BusinessModule, ComposeValues, ModuleContext, ModuleParts, Role, RoleRef } from './module.js';
import { snake } from './parts.js';

/** At most this many core modules per demo: the lint's 12 tables leave room for two next to the shared ones. */
const MAX_CORE_MODULES = 2;
const MAX_TABLES = 12;
const MAX_QUESTIONS = 15;

/** Places when research found none: neutral compass regions, never another industry's words. */
const GENERIC_PLACES = ['North', 'South', 'East', 'West', 'Central'];
const GENERIC_SEGMENTS = ['Regulars', 'Occasional', 'New', 'Key accounts'];
const GENERIC_OFFERINGS = ['Core offering', 'Premium offering', 'Essentials'];

/** The core module a business with none of the built ones falls back on: it sells offerings in transactions. */
const FALLBACK_CORE: CoreModuleId = 'orders';

function clean(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v.replace(/\s+/g, ' ').trim();
    const key = t.toLowerCase();
    if (t.length === 0 || t.length > 60 || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** The company's own values first, then the industry's typical ones, then neutral ones, within [min, max]. */
function fill(own: readonly string[], typical: readonly string[], generic: readonly string[], min: number, max: number): string[] {
  const mine = clean(own);
  const list = clean([...mine, ...(mine.length >= min ? [] : typical)]);
  return clean([...list, ...(list.length >= min ? [] : generic)]).slice(0, Math.max(min, Math.min(max, list.length)));
}

/** The dimension values of a composition: the company's offerings, segments and places. */
export function composeValues(industry: Industry, profile: CompanyProfile): ComposeValues {
  return {
    offerings: fill(profile.products, industry.defaults.offerings, GENERIC_OFFERINGS, 3, 8),
    segments: fill(profile.customerSegments, industry.defaults.segments, GENERIC_SEGMENTS, 3, 5),
    // One or two places of its own: the rest of the business is "other <places>", not a compass point beside a city.
    places: fill(profile.regions, clean(profile.regions).length > 0 ? [`Other ${industry.vocabulary.place.plural.toLowerCase()}`] : [], GENERIC_PLACES, 3, 6),
  };
}

/** Table names that are SQL keywords in DuckDB or BigQuery get a prefix. */
const RESERVED = new Set(['order', 'group', 'select', 'from', 'where', 'table', 'values', 'case', 'end', 'limit', 'user', 'to', 'by', 'on', 'in', 'is', 'as', 'all', 'window', 'range', 'rows', 'interval', 'current', 'partition', 'join', 'union', 'having', 'with', 'default', 'natural', 'lateral', 'qualify', 'array', 'struct', 'hash', 'enum', 'new', 'merge', 'lookup', 'exclude', 'exists', 'null', 'true', 'false', 'if', 'into', 'create', 'like', 'between', 'distinct', 'else', 'then', 'when', 'for', 'over', 'some', 'any', 'cross', 'full', 'left', 'right', 'inner', 'outer', 'set', 'of', 'at', 'no', 'not', 'or', 'and']);

const PERSONA_NAMES = ['Morgan Ellis', 'Priya Raman', 'Jordan Okafor', 'Sam Lindqvist', 'Alex Moreno', 'Taylor Brooks', 'Chris Nakamura', 'Robin Achterberg'];

/** Question order inside the demo after trimming to 15: lower keeps first. */
function priority(moduleId: string, index: number, primary: boolean): number {
  if (primary) return 0;
  switch (moduleId) {
    case 'customers':
      return index === 0 ? 1 : 3;
    case 'staff':
      return 4;
    case 'campaigns':
    case 'support':
      return index === 0 ? 2 : 4;
    default:
      // A secondary core module: its first three questions matter as much as the shared ones.
      return index < 3 ? 1 : 3;
  }
}

/** A composition: the blueprint the stages present, and what went into it. */
export interface Composition {
  blueprint: Blueprint;
  values: ComposeValues;
  /** Core modules composed, the first leading. */
  modules: CoreModuleId[];
  /** Industry modules that exist in the taxonomy but are not built yet, so were left out. */
  skipped: CoreModuleId[];
  /** Built modules the industry names beyond the two a demo holds, left out for room. */
  dropped: CoreModuleId[];
}

/**
 * Composes a demo for a company in an industry: the industry's core business-model modules
 * (at most two) on top of the shared ones, named in its vocabulary, filled with the
 * company's offerings, segments and places. Pure: the same inputs give the same blueprint.
 * The result is a `Blueprint` (id `composed:<industry>`), so story, model, verification and
 * the llm strategy present it exactly like a curated preset.
 */
export function compose(industry: Industry, profile: CompanyProfile): Composition {
  const values = composeValues(industry, profile);
  const wanted = [...new Set(industry.modules)];
  const built = wanted.filter((m) => CORE_MODULES[m] !== undefined);
  const skipped = wanted.filter((m) => CORE_MODULES[m] === undefined);
  const candidates = built.length > 0 ? built : [FALLBACK_CORE].filter((m) => CORE_MODULES[m] !== undefined);
  const core = candidates.slice(0, MAX_CORE_MODULES);
  const dropped = candidates.slice(MAX_CORE_MODULES);
  if (core.length === 0) throw new InternalError(`No business-model module can compose industry "${industry.id}".`);

  const roles = new Map<Role, RoleRef>();
  const usedTables = new Set<string>();
  const vocabulary = industry.vocabulary;
  const context = (primary: boolean): ModuleContext => ({
    industry,
    values,
    primary,
    word: (key) => vocabulary[key],
    extra: (key, fallback) => vocabulary.extra?.[key] ?? fallback,
    ref: (role) => {
      const r = roles.get(role);
      if (!r) throw new InternalError(`Composition of "${industry.id}": the role ${role} is needed before any module filled it.`);
      return r;
    },
    tableName: (term: Term) => {
      let name = snake(term.plural);
      if (RESERVED.has(name)) name = `all_${name}`;
      for (let i = 2; usedTables.has(name); i++) name = `${snake(term.plural)}_${i}`;
      usedTables.add(name);
      return name;
    },
  });

  const coreModules = core.map((id) => CORE_MODULES[id] as BusinessModule);
  const needs = new Set(coreModules.flatMap((m) => m.needs));
  const plan: Array<{ module: BusinessModule; primary: boolean; optional: boolean }> = [
    { module: SHARED_MODULES.locations, primary: false, optional: false },
    { module: SHARED_MODULES.offerings, primary: false, optional: false },
    { module: SHARED_MODULES.customers, primary: false, optional: false },
    { module: SHARED_MODULES.staff, primary: false, optional: !needs.has('staff') },
    ...coreModules.map((module, i) => ({ module, primary: i === 0, optional: false })),
    { module: SHARED_MODULES.campaigns, primary: false, optional: true },
    { module: SHARED_MODULES.support, primary: false, optional: true },
  ];

  const built_: Array<{ module: BusinessModule; primary: boolean; parts: ModuleParts }> = [];
  let tableCount = 0;
  for (const [i, step] of plan.entries()) {
    const parts = step.module.build(context(step.primary));
    // Optional modules fill what room the table budget leaves; core tables come first.
    const coreTablesAfter = plan.slice(i + 1).filter((p) => !p.optional && CORE_MODULES[p.module.id as CoreModuleId]).length * 2;
    if (step.optional && tableCount + parts.tables.length + coreTablesAfter > MAX_TABLES) {
      for (const t of parts.tables) usedTables.delete(t.name);
      continue;
    }
    if (parts.provides) roles.set(parts.provides.role, parts.provides.ref);
    tableCount += parts.tables.length;
    built_.push({ module: step.module, primary: step.primary, parts });
  }

  const tables: BlueprintTable[] = built_.flatMap((b) => b.parts.tables);
  checkColumns(industry, tables);

  // Questions: ranked by how much they matter to this demo, trimmed to 15, then told simple -> expert.
  const ranked = built_.flatMap((b, m) =>
    b.parts.questions.map((q, i) => ({ q: { ...q, id: `${b.module.id}.${q.id}` }, module: b.module.id, rank: priority(b.module.id, i, b.primary), order: m * 100 + i })),
  );
  const kept = [...ranked].sort((a, b) => a.rank - b.rank || a.order - b.order).slice(0, MAX_QUESTIONS);
  kept.sort((a, b) => QUESTION_LEVELS.indexOf(a.q.level) - QUESTION_LEVELS.indexOf(b.q.level) || a.order - b.order);
  const renamed = new Map<string, string>();
  const questions: BlueprintQuestion[] = kept.map((k, i) => {
    const id = `q${String(i + 1).padStart(2, '0')}`;
    renamed.set(k.q.id, id);
    return { ...k.q, id };
  });

  const lead = built_.find((b) => b.primary)?.parts;
  const scenes = sceneList(built_, kept, renamed);
  const semantic = semanticOf(built_.map((b) => b.parts), tables);
  const persona = lead?.persona ?? { role: 'Head of Operations', goals: ['Grow the business', 'Serve customers better'] };
  const seed = [...profile.name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const blueprint: Blueprint = {
    id: `composed:${industry.id}`,
    label: industry.label,
    naics: industry.naics,
    businessModel: industry.businessModel,
    defaults: {
      products: values.offerings,
      customerSegments: values.segments,
      regions: values.places,
      kpis: [...new Set([...industry.kpis, ...built_.flatMap((b) => b.parts.kpis ?? [])])],
      keyEntities: tables.map((t) => t.grain.replace(/^one row per /, '')),
    },
    persona: { name: PERSONA_NAMES[seed % PERSONA_NAMES.length]!, role: persona.role, goals: persona.goals },
    tables,
    questions,
    glossary: built_.flatMap((b) => b.parts.glossary),
    scenes,
    semantic,
  };
  return { blueprint, values, modules: core, skipped, dropped };
}

/**
 * What the user should hear about a composition that left out modules its industry names:
 * the demo is presented without them, so a pre-sales engineer must know before the prospect does.
 */
export function skippedWarning(composition: Composition): string | undefined {
  const { skipped, dropped, modules, blueprint } = composition;
  const why = [
    ...(skipped.length > 0 ? [`${skipped.join(', ')} (no business-model module for ${skipped.length > 1 ? 'them' : 'it'} yet)`] : []),
    ...(dropped.length > 0 ? [`${dropped.join(', ')} (a demo holds at most ${MAX_CORE_MODULES} business models)`] : []),
  ];
  if (why.length === 0) return undefined;
  return `The ${blueprint.label} demo leaves out ${why.join(' and ')}; it is composed from ${modules.join(' and ')}.`;
}

/** Two roles named alike (a `member` customer and a `member` staff) would give a table two columns of one name. */
function checkColumns(industry: Industry, tables: readonly BlueprintTable[]): void {
  for (const t of tables) {
    const names = t.columns.map((c) => c.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new InternalError(`Composition of "${industry.id}": table ${t.name} has two columns named ${dup}; its vocabulary names two roles alike.`);
  }
}

function sceneList(
  built: ReadonlyArray<{ module: BusinessModule; parts: ModuleParts }>,
  kept: ReadonlyArray<{ q: BlueprintQuestion; module: string }>,
  renamed: ReadonlyMap<string, string>,
): Blueprint['scenes'] {
  const idsOf = (moduleIds: readonly string[]): string[] =>
    kept.filter((k) => moduleIds.includes(k.module)).map((k) => renamed.get(k.q.id)!).sort();
  const scenes: Blueprint['scenes'] = [];
  for (const b of built) {
    if (!b.parts.scene) continue;
    const ids = idsOf([b.module.id]);
    if (ids.length > 0) scenes.push({ ...b.parts.scene, questionIds: ids });
  }
  const people = idsOf(['customers', 'staff']);
  if (people.length > 0) scenes.push({ title: 'Who we serve, and who serves them', narrative: "Who {company}'s customers are, where they are, and the team behind them.", questionIds: people });
  const growth = idsOf(['campaigns', 'support']);
  if (growth.length > 0) scenes.push({ title: 'Winning and keeping them', narrative: 'Which marketing pays back, and where service needs attention.', questionIds: growth });
  return scenes;
}

/** The semantic layer of a composition: entities and joins from its tables, the rest from its modules. */
function semanticOf(parts: readonly ModuleParts[], tables: readonly BlueprintTable[]): Omit<SemanticModel, 'verifiedQueries'> {
  // Two modules may both measure `revenue` or filter `not_cancelled`: the second keeps its own
  // under a numbered name, and its own measures' references (a ratio's parts, named filters, the
  // default date) follow the rename, so they never point at the first module's.
  const seen = { dimensions: new Set<string>(), timeDimensions: new Set<string>(), measures: new Set<string>(), filters: new Set<string>() };
  const numbered = <T extends { name: string }>(items: readonly T[] | undefined, names: Set<string>, renames: Map<string, string>): T[] =>
    (items ?? []).map((x) => {
      let name = x.name;
      for (let i = 2; names.has(name); i++) name = `${x.name}_${i}`;
      names.add(name);
      if (name === x.name) return x;
      renames.set(x.name, name);
      return { ...x, name };
    });
  const laid = parts.map((p) => {
    const measureNames = new Map<string, string>();
    const filterNames = new Map<string, string>();
    const timeNames = new Map<string, string>();
    const dimensions = numbered(p.semantic.dimensions, seen.dimensions, new Map());
    const timeDimensions = numbered(p.semantic.timeDimensions, seen.timeDimensions, timeNames);
    const filters = numbered(p.semantic.filters, seen.filters, filterNames);
    const measures = numbered(p.semantic.measures, seen.measures, measureNames).map((m) => {
      const to = (names: Map<string, string>, name: string | undefined): string | undefined => (name === undefined ? undefined : (names.get(name) ?? name));
      const out: SemanticMeasure = { ...m };
      if (m.numerator !== undefined) out.numerator = to(measureNames, m.numerator);
      if (m.denominator !== undefined) out.denominator = to(measureNames, m.denominator);
      if (m.filters !== undefined) out.filters = m.filters.map((f) => filterNames.get(f) ?? f);
      if (m.timeDimension !== undefined) out.timeDimension = to(timeNames, m.timeDimension);
      return out;
    });
    return { dimensions, timeDimensions, filters, measures };
  });
  return {
    entities: tables.map((t) => ({ table: t.name, label: t.grain.replace(/^one row per /, ''), primaryKey: t.primaryKey, synonyms: t.synonyms ?? [] })),
    dimensions: laid.flatMap((p) => p.dimensions),
    timeDimensions: laid.flatMap((p) => p.timeDimensions),
    measures: laid.flatMap((p) => p.measures),
    filters: laid.flatMap((p) => p.filters),
    joins: tables.flatMap((t) =>
      t.columns.flatMap((c) => (c.generator.kind === 'foreignKey' ? [{ from: t.name, fromColumn: c.name, to: c.generator.table, toColumn: c.generator.column }] : [])),
    ),
  };
}
