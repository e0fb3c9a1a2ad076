import { cap, snake } from '../compose/parts.js';
import type { BusinessModule, ModuleContext, ModuleParts, Role, RoleRef } from '../compose/module.js';
import { InternalError } from '../core/errors.js';
import { CORE_MODULES, SHARED_MODULES } from '../modules/index.js';
import { industryById } from '../taxonomy/industries.js';
import type { CoreModuleId, Industry, Term, Vocabulary } from '../taxonomy/types.js';
import type { Blueprint, BlueprintColumn, BlueprintQuestion, BlueprintTable } from './blueprint.js';

/**
 * A curated preset: the business-model modules' tables in the preset's words, with its curated
 * values, story and golden questions on top. Knowledge as data: a preset names which module
 * builds each of its tables and says only where its demo differs (names the chat sets rely on,
 * values that plant its story); everything else is the module's.
 */

type ModuleName = keyof typeof SHARED_MODULES | CoreModuleId;

/**
 * A column of a module table as the preset shows it: the module's column kept (its name), the
 * module's column changed (`from` plus what differs, a new `name` included), or the preset's own.
 */
export type PresetColumn = string | (Partial<BlueprintColumn> & { from: string }) | BlueprintColumn;

/** A table a module builds, as the preset shows it. */
export interface ModuleTable extends Partial<Omit<BlueprintTable, 'columns'>> {
  module: ModuleName;
  /** Which of the module's tables, in its order (default the first). */
  part?: number;
  /** The columns in the preset's order; absent: the module's columns as they are. */
  columns?: PresetColumn[];
  /**
   * False: the module is not the preset's lead business model, so it names its table in its own
   * word rather than the industry's transaction word (a restaurant's reservations beside its
   * checks), as composition names a second module. Default true.
   */
  primary?: boolean;
}

/**
 * A golden question a module writes, as the preset asks it: the module's question (its SQL and
 * insight checks, on the module's tables and column names) under the preset's id, with any of
 * its fields replaced (the wording of the preset's story). The module must build one of the
 * preset's tables; the checks run on every seed like the preset's own questions.
 */
export interface ModuleQuestionRef extends Partial<Omit<BlueprintQuestion, 'id'>> {
  module: ModuleName;
  /** The module's own id for the question (`trend`, `by_offering`). */
  from: string;
  id: string;
}

export interface PresetSpec extends Omit<Blueprint, 'tables' | 'semantic' | 'questions'> {
  /** The preset's words where they differ from its industry's in the taxonomy; table and key names follow from them. */
  words?: Partial<Omit<Vocabulary, 'extra'>> & { extra?: Record<string, Term> };
  /** A role filled by one of the preset's own tables rather than a module's (order lines sell `products`, not categories). */
  roles?: Partial<Record<Role, RoleRef>>;
  /** Tables in dependency order: the preset's own, or a module's. */
  tables: Array<BlueprintTable | ModuleTable>;
  /** Golden questions, simple to expert: the preset's own, or a module's. */
  questions: Array<BlueprintQuestion | ModuleQuestionRef>;
}

const isModuleTable = (t: BlueprintTable | ModuleTable): t is ModuleTable => 'module' in t;

function moduleOf(name: ModuleName): BusinessModule {
  const m = (SHARED_MODULES as Record<string, BusinessModule>)[name] ?? CORE_MODULES[name as CoreModuleId];
  if (!m) throw new InternalError(`Preset: no module "${name}".`);
  return m;
}

/** The preset's columns of one module table, and the module's column names the preset renamed. */
function columnsOf(preset: string, built: BlueprintTable, wanted: PresetColumn[] | undefined): { columns: BlueprintColumn[]; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  if (!wanted) return { columns: built.columns, renamed };
  const base = (name: string): BlueprintColumn => {
    const c = built.columns.find((x) => x.name === name);
    if (!c) throw new InternalError(`Preset ${preset}: module table ${built.name} has no column ${name} (it has ${built.columns.map((x) => x.name).join(', ')}).`);
    // Modules start some descriptions with the industry's word as written ("region identifier.").
    return { ...c, description: cap(c.description) };
  };
  const columns = wanted.map((w): BlueprintColumn => {
    if (typeof w === 'string') return base(w);
    if (!('from' in w)) return w;
    const { from, ...patch } = w;
    const c = { ...base(from), ...patch };
    if (c.name !== from) renamed.set(from, c.name);
    return c;
  });
  return { columns: renamed.size === 0 ? columns : columns.map((c) => ({ ...c, generator: withRenames(c.generator, renamed) })), renamed };
}

/** Fields of a generator that name this row's columns (a `weightBy` or a foreign key's `column` names the parent's). */
const REF_FIELDS = new Set(['ref', 'template', 'expr', 'notBefore']);

/** A generator whose references to this row's renamed columns (`channel`, `channel.x`; never `x.channel`) follow the rename. */
function withRenames<T>(value: T, renamed: ReadonlyMap<string, string>, field = ''): T {
  // Generators are plain JSON data: walk it as `unknown` and rebuild the same shape.
  if (typeof value === 'string' && REF_FIELDS.has(field)) {
    let s: string = value;
    for (const [from, to] of renamed) s = s.replace(new RegExp(`(?<![\\w.])${from}\\b`, 'g'), to);
    return s as T;
  }
  if (Array.isArray(value)) return (value as unknown[]).map((v) => withRenames(v, renamed, field)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withRenames(v, renamed, k)])) as T;
  return value;
}

/** Builds the preset's blueprint: each module once, in the preset's words, its tables changed as the preset says. Pure. */
export function preset(spec: PresetSpec): Blueprint {
  const { words, roles: ownRoles, tables: wanted, questions: asked, ...rest } = spec;
  const base = industryById(spec.id);
  if (!base) throw new InternalError(`Preset ${spec.id}: no industry of that id in the taxonomy.`);
  const industry: Industry = { ...base, vocabulary: { ...base.vocabulary, ...words, extra: { ...base.vocabulary.extra, ...words?.extra } } };
  const roles = new Map<Role, RoleRef>(Object.entries(ownRoles ?? {}) as Array<[Role, RoleRef]>);
  const usedTables = new Set<string>();
  const context: ModuleContext = {
    industry,
    values: { offerings: spec.defaults.products, segments: spec.defaults.customerSegments, places: spec.defaults.regions },
    primary: true,
    word: (key) => industry.vocabulary[key],
    extra: (key, fallback) => industry.vocabulary.extra?.[key] ?? fallback,
    ref: (role) => {
      const r = roles.get(role);
      if (!r) throw new InternalError(`Preset ${spec.id}: the role ${role} is needed before a table filled it.`);
      return r;
    },
    tableName: (term) => {
      let name = snake(term.plural);
      for (let i = 2; usedTables.has(name); i++) name = `${snake(term.plural)}_${i}`;
      usedTables.add(name);
      return name;
    },
  };

  const builds = new Map<ModuleName, ModuleParts>();
  const tables = wanted.map((t): BlueprintTable => {
    if (!isModuleTable(t)) return t;
    const { module: name, part = 0, columns: cols, primary = true, ...table } = t;
    let parts = builds.get(name);
    if (!parts) {
      parts = moduleOf(name).build({ ...context, primary });
      builds.set(name, parts);
    }
    const built = parts.tables[part];
    if (!built) throw new InternalError(`Preset ${spec.id}: module ${name} has no table ${part}.`);
    const { columns, renamed } = columnsOf(spec.id, built, cols);
    const out: BlueprintTable = { ...built, primaryKey: renamed.get(built.primaryKey) ?? built.primaryKey, ...table, columns };
    // The role the module fills points at the table as the preset names it, so later modules join to it.
    const provided = parts.provides?.ref;
    if (provided && provided.table === built.name && !roles.has(parts.provides!.role)) {
      roles.set(parts.provides!.role, { ...provided, table: out.name, key: renamed.get(provided.key) ?? provided.key, name: renamed.get(provided.name) ?? provided.name });
    }
    return out;
  });
  const questions = asked.map((q): BlueprintQuestion => {
    if (!('module' in q)) return q;
    const { module: name, from, ...own } = q;
    const parts = builds.get(name);
    if (!parts) throw new InternalError(`Preset ${spec.id}: question ${q.id} asks module ${name}, which builds none of its tables.`);
    const found = parts.questions.find((x) => x.id === from);
    if (!found) throw new InternalError(`Preset ${spec.id}: module ${name} has no question ${from} (it has ${parts.questions.map((x) => x.id).join(', ')}).`);
    return { ...found, ...own };
  });
  return { ...rest, tables, questions };
}
