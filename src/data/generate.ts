import type { ColumnType, DataModel, Effect, GeneratorSpec, Table } from '../domain/data-model.js';
import { compileExpr } from './expr.js';
import { fnv1a, Rng, WeightedPicker } from './prng.js';
import * as words from './word-lists.js';

/** A cell: DATE cells are day numbers since 1970-01-01, TIMESTAMP cells epoch milliseconds. */
export type Value = number | string | boolean | null;

/** A generated table, column-major. */
export interface GeneratedTable {
  name: string;
  columns: string[];
  types: ColumnType[];
  data: Value[][];
  rows: number;
}

export interface GenerateOptions {
  seed: number;
  /** Multiplies the row count of every table that scales. */
  scale: number;
}

/** A generator spec that cannot work (unknown ref, cycle, bad expression): our model's fault. */
export class SpecError extends Error {
  override name = 'SpecError';
}

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function rowCountFor(table: Table, scale: number): number {
  const list = table.columns.find((c) => c.generator.kind === 'list');
  if (list && list.generator.kind === 'list') return list.generator.values.length;
  return table.scales ? Math.max(1, Math.round(table.rowCount * scale)) : table.rowCount;
}

interface Built {
  table: GeneratedTable;
  /** Primary key value -> row index, for foreign-key lookups. */
  index: Map<Value, number>;
  typeOf: Map<string, ColumnType>;
}

interface RowScope {
  row: number;
  resolve(ref: string): Value;
}

type CellFn = (scope: RowScope) => Value;

/** Same-row columns that a spec reads (the part before the dot of each ref). */
function sameRowDeps(spec: GeneratorSpec): string[] {
  const refs: string[] = [];
  switch (spec.kind) {
    case 'derived':
      refs.push(...compileExpr(spec.expr).refs);
      break;
    case 'copy':
      refs.push(spec.ref);
      break;
    case 'template':
      for (const m of spec.template.matchAll(/\{([a-z_][a-z0-9_.]*)\}/g)) if (m[1]) refs.push(m[1]);
      break;
    case 'date':
    case 'timestamp':
      if (spec.after) refs.push(spec.after.ref);
      if (spec.notBefore) refs.push(spec.notBefore);
      break;
    default:
      break;
  }
  for (const e of spec.effects ?? []) refs.push(e.when.ref);
  return refs.map((r) => r.split('.')[0] ?? r);
}

function topoOrder(table: Table): number[] {
  const names = table.columns.map((c) => c.name);
  const order: number[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') throw new SpecError(`Table ${table.name}: columns depend on each other in a cycle (${[...path, name].join(' -> ')}).`);
    const idx = names.indexOf(name);
    const col = table.columns[idx];
    if (!col) throw new SpecError(`Table ${table.name}: a generator refers to unknown column "${name}".`);
    state.set(name, 'visiting');
    for (const dep of sameRowDeps(col.generator)) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(idx);
  };
  for (const n of names) visit(n, []);
  return order;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function matches(effect: Effect, scope: RowScope): boolean {
  const v = scope.resolve(effect.when.ref);
  return v !== null && effect.when.in.includes(String(v));
}

function applyNumericEffects(value: number, effects: readonly Effect[] | undefined, scope: RowScope): number {
  let v = value;
  for (const e of effects ?? []) {
    if (!matches(e, scope)) continue;
    if (e.factor !== undefined) v *= e.factor;
    if (e.add !== undefined) v += e.add;
  }
  return v;
}

function fakeValue(what: string, rng: Rng, row: number): string {
  switch (what) {
    case 'firstName':
      return rng.pick(words.FIRST_NAMES);
    case 'lastName':
      return rng.pick(words.LAST_NAMES);
    case 'person':
      return `${rng.pick(words.FIRST_NAMES)} ${rng.pick(words.LAST_NAMES)}`;
    case 'company':
      return `${rng.pick(words.COMPANY_PREFIXES)}${rng.pick(words.COMPANY_CORES).toLowerCase()} ${rng.pick(words.COMPANY_SUFFIXES)}`;
    case 'email':
      // The row number keeps addresses unique within a table.
      return `${rng.pick(words.FIRST_NAMES).toLowerCase()}.${rng.pick(words.LAST_NAMES).toLowerCase()}${row + 1}@${rng.pick(words.EMAIL_DOMAINS)}`;
    case 'phone':
      return `+1-555-${pad(100 + rng.int(900), 3)}-${pad(rng.int(10000), 4)}`;
    case 'city':
      return rng.pick(words.CITIES);
    case 'street':
      return `${1 + rng.int(9899)} ${rng.pick(words.STREET_NAMES)} ${rng.pick(words.STREET_KINDS)}`;
    case 'postcode':
      return pad(rng.int(100000), 5);
    case 'word':
      return rng.pick(words.WORDS);
    default:
      return rng.pick(words.SENTENCES);
  }
}

/** Day-weight function for date generators: weekly and yearly seasonality, growth. */
function dateSampler(spec: Extract<GeneratorSpec, { kind: 'date' | 'timestamp' }>, asOfDay: number): (rng: Rng) => number {
  const from = asOfDay + (spec.from ?? -365);
  const to = asOfDay + (spec.to ?? 0);
  if (to < from) throw new SpecError(`Date window ends (${spec.to}) before it starts (${spec.from}).`);
  const span = to - from + 1;
  const weekly = spec.weekly ?? [1, 1, 1, 1, 1, 1, 1];
  const yearly = spec.yearly ?? [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  const growth = spec.growth ?? 0;
  const weights = new Array<number>(span);
  for (let d = 0; d < span; d++) {
    const day = from + d;
    const date = new Date(day * DAY_MS);
    const dow = (date.getUTCDay() + 6) % 7; // Monday = 0
    const years = d / 365;
    weights[d] = (weekly[dow] ?? 1) * (yearly[date.getUTCMonth()] ?? 1) * Math.pow(1 + growth, years);
  }
  const picker = new WeightedPicker(weights);
  return (rng) => from + picker.pick(rng);
}

function compileColumn(table: Table, colIndex: number, built: Map<string, Built>, asOfDay: number, seed: number): CellFn {
  const column = table.columns[colIndex];
  if (!column) throw new SpecError(`Table ${table.name}: no column ${colIndex}.`);
  const spec = column.generator;
  const rng = new Rng((seed ^ fnv1a(`${table.name}.${column.name}`)) >>> 0);
  const where = `${table.name}.${column.name}`;

  switch (spec.kind) {
    case 'sequence': {
      const start = spec.start ?? 1;
      if (spec.prefix !== undefined) {
        const prefix = spec.prefix;
        const width = spec.pad ?? 6;
        return ({ row }) => `${prefix}${pad(start + row, width)}`;
      }
      return ({ row }) => start + row;
    }
    case 'foreignKey': {
      const parent = built.get(spec.table);
      if (!parent) throw new SpecError(`${where}: references table ${spec.table}, which is not generated before it.`);
      const keyCol = parent.table.columns.indexOf(spec.column);
      const keys = parent.table.data[keyCol];
      if (!keys) throw new SpecError(`${where}: references unknown column ${spec.table}.${spec.column}.`);
      const n = keys.length;
      let pickIndex: () => number;
      if (spec.weightBy) {
        const wCol = parent.table.data[parent.table.columns.indexOf(spec.weightBy)];
        if (!wCol) throw new SpecError(`${where}: weightBy names unknown column ${spec.table}.${spec.weightBy}.`);
        const picker = new WeightedPicker(wCol.map((v) => (typeof v === 'number' ? v : 1)));
        pickIndex = () => picker.pick(rng);
      } else if (spec.distribution === 'zipf') {
        const s = spec.skew ?? 1.1;
        // Popularity is shuffled so the most popular parent is not always id 1.
        const ranks = Array.from({ length: n }, (_, i) => i);
        const shuffle = new Rng((seed ^ fnv1a(`${where}#ranks`)) >>> 0);
        for (let i = n - 1; i > 0; i--) {
          const j = shuffle.int(i + 1);
          [ranks[i], ranks[j]] = [ranks[j] ?? 0, ranks[i] ?? 0];
        }
        const picker = new WeightedPicker(ranks.map((r) => 1 / Math.pow(r + 1, s)));
        pickIndex = () => picker.pick(rng);
      } else {
        pickIndex = () => rng.int(n);
      }
      return () => keys[pickIndex()] ?? null;
    }
    case 'list': {
      const values = spec.values;
      return ({ row }) => values[row % values.length] ?? null;
    }
    case 'category': {
      const values = spec.values;
      const base = new WeightedPicker(spec.weights ?? values.map(() => 1));
      const overrides = (spec.effects ?? []).filter((e) => e.weights).map((e) => ({ e, picker: new WeightedPicker(e.weights ?? []) }));
      return (scope) => {
        const o = overrides.find(({ e }) => matches(e, scope));
        return values[(o?.picker ?? base).pick(rng)] ?? null;
      };
    }
    case 'number': {
      const { dist, min, max } = spec;
      const mean = spec.mean ?? 0;
      const sd = spec.sd ?? Math.abs(mean) * 0.25;
      const decimals = spec.decimals ?? (column.type === 'INT64' ? 0 : 2);
      const sample = (): number => {
        switch (dist) {
          case 'normal':
            return mean + sd * rng.normal();
          case 'lognormal': {
            // Parameterised by the mean and sd of the value itself, not of its log.
            const m = Math.max(mean, 1e-9);
            const sigma2 = Math.log(1 + (sd * sd) / (m * m));
            return Math.exp(Math.log(m) - sigma2 / 2 + Math.sqrt(sigma2) * rng.normal());
          }
          case 'uniform':
            return rng.between(min ?? 0, max ?? 1);
          case 'poisson':
            return rng.poisson(mean);
        }
      };
      return (scope) => {
        let v = sample();
        if (min !== undefined) v = Math.max(min, v);
        if (max !== undefined) v = Math.min(max, v);
        v = applyNumericEffects(v, spec.effects, scope);
        return round(v, decimals);
      };
    }
    case 'boolean': {
      const effects = (spec.effects ?? []).filter((e) => e.p !== undefined);
      return (scope) => {
        const e = effects.find((x) => matches(x, scope));
        return rng.chance(e?.p ?? spec.p);
      };
    }
    case 'date':
    case 'timestamp': {
      const isTs = spec.kind === 'timestamp';
      const toCell = (day: number): number => (isTs ? day * DAY_MS + Math.floor(rng.between(7, 22) * 3_600_000) : day);
      if (spec.after) {
        const { ref, minDays, maxDays } = spec.after;
        const refType = typeOfRef(table, ref, built);
        return (scope) => {
          const base = scope.resolve(ref);
          if (typeof base !== 'number') return null;
          const baseMs = refType === 'TIMESTAMP' ? base : base * DAY_MS;
          let ms = baseMs + rng.between(minDays, maxDays) * DAY_MS;
          // Never later than the data's "today", never before the parent event.
          ms = Math.max(baseMs, Math.min(ms, (asOfDay + 1) * DAY_MS - 1000));
          return isTs ? Math.floor(ms / 1000) * 1000 : Math.floor(ms / DAY_MS);
        };
      }
      const sample = dateSampler(spec, asOfDay);
      const notBefore = spec.notBefore;
      if (notBefore === undefined) return () => toCell(sample(rng));
      const refType = typeOfRef(table, notBefore, built);
      return (scope) => {
        const floor = scope.resolve(notBefore);
        if (typeof floor !== 'number') return toCell(sample(rng));
        const floorDay = refType === 'TIMESTAMP' ? Math.floor(floor / DAY_MS) : floor;
        // Resample a few times to keep the seasonal shape; then fall just after the floor.
        for (let i = 0; i < 8; i++) {
          const day = sample(rng);
          if (day >= floorDay) return toCell(day);
        }
        return toCell(Math.min(asOfDay, floorDay + rng.int(31)));
      };
    }
    case 'derived': {
      let compiled;
      try {
        compiled = compileExpr(spec.expr);
      } catch (err) {
        throw new SpecError(`${where}: ${(err as Error).message}`);
      }
      const decimals = spec.decimals ?? (column.type === 'INT64' ? 0 : 2);
      return (scope) => {
        const v = compiled.fn((ref) => {
          const x = scope.resolve(ref);
          return typeof x === 'number' ? x : typeof x === 'boolean' ? Number(x) : null;
        });
        if (v === null || !Number.isFinite(v)) return null;
        return round(applyNumericEffects(v, spec.effects, scope), decimals);
      };
    }
    case 'copy':
      return (scope) => scope.resolve(spec.ref);
    case 'fake':
      return ({ row }) => fakeValue(spec.what, rng, row);
    case 'template': {
      const template = spec.template;
      return (scope) => template.replace(/\{([a-z_][a-z0-9_.]*)\}/g, (_, ref: string) => String(scope.resolve(ref) ?? ''));
    }
  }
}

function typeOfRef(table: Table, ref: string, built: Map<string, Built>): ColumnType | undefined {
  const [head, tail] = ref.split('.');
  const col = table.columns.find((c) => c.name === head);
  if (!col) return undefined;
  if (tail === undefined) return col.type;
  if (col.generator.kind !== 'foreignKey') return undefined;
  return built.get(col.generator.table)?.typeOf.get(tail);
}

function generateTable(table: Table, built: Map<string, Built>, asOfDay: number, opts: GenerateOptions): Built {
  const n = rowCountFor(table, opts.scale);
  const order = topoOrder(table);
  const fns = table.columns.map((_, i) => compileColumn(table, i, built, asOfDay, opts.seed));
  const data: Value[][] = table.columns.map(() => new Array<Value>(n));
  const colIndex = new Map(table.columns.map((c, i) => [c.name, i]));

  // Parents reached through this table's foreign-key columns.
  const parents = new Map<string, Built>();
  for (const c of table.columns) {
    if (c.generator.kind === 'foreignKey') {
      const p = built.get(c.generator.table);
      if (p) parents.set(c.name, p);
    }
  }
  const nullRngs = table.columns.map((c) => (c.generator.nullRate ? new Rng((opts.seed ^ fnv1a(`${table.name}.${c.name}#null`)) >>> 0) : undefined));

  let row = 0;
  const scope: RowScope = {
    get row() {
      return row;
    },
    resolve(ref: string): Value {
      const dot = ref.indexOf('.');
      if (dot < 0) {
        const i = colIndex.get(ref);
        if (i === undefined) throw new SpecError(`Table ${table.name}: unknown column "${ref}".`);
        return data[i]?.[row] ?? null;
      }
      const fkName = ref.slice(0, dot);
      const parentCol = ref.slice(dot + 1);
      const parent = parents.get(fkName);
      if (!parent) throw new SpecError(`Table ${table.name}: "${ref}" needs ${fkName} to be a foreign key.`);
      const key = data[colIndex.get(fkName) ?? -1]?.[row];
      if (key === undefined || key === null) return null;
      const pRow = parent.index.get(key);
      const pCol = parent.table.columns.indexOf(parentCol);
      if (pCol < 0) throw new SpecError(`Table ${table.name}: "${ref}" names an unknown column of the parent.`);
      return pRow === undefined ? null : (parent.table.data[pCol]?.[pRow] ?? null);
    },
  };

  for (row = 0; row < n; row++) {
    for (const i of order) {
      const nullRng = nullRngs[i];
      const rate = table.columns[i]?.generator.nullRate ?? 0;
      const col = data[i];
      if (!col) continue;
      // Every column computes its value, so null rates never shift other streams.
      const v = (fns[i] as CellFn)(scope);
      col[row] = nullRng && nullRng.chance(rate) ? null : v;
    }
  }

  const pk = colIndex.get(table.primaryKey);
  const index = new Map<Value, number>();
  const keys = pk === undefined ? undefined : data[pk];
  if (keys) for (let r = 0; r < n; r++) index.set(keys[r] ?? null, r);

  return {
    table: { name: table.name, columns: table.columns.map((c) => c.name), types: table.columns.map((c) => c.type), data, rows: n },
    index,
    typeOf: new Map(table.columns.map((c) => [c.name, c.type])),
  };
}

/**
 * Generates every table of the model, parents before children. Deterministic: the same
 * model, seed and scale give the same values. Throws SpecError when the spec cannot work.
 */
export function generateDataset(model: DataModel, opts: GenerateOptions): GeneratedTable[] {
  const asOfDay = dayNumber(model.asOf);
  const built = new Map<string, Built>();
  for (const table of model.tables) {
    const pkCol = table.columns.find((c) => c.name === table.primaryKey);
    if (!pkCol) throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} is not one of its columns.`);
    if (pkCol.generator.kind !== 'sequence' && pkCol.generator.kind !== 'list') {
      throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} must be a sequence or a list to be unique by construction.`);
    }
    if (pkCol.generator.nullRate) throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} cannot have nulls.`);
    built.set(table.name, generateTable(table, built, asOfDay, opts));
  }
  return [...built.values()].map((b) => b.table);
}
