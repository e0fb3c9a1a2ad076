import type { ColumnType, DataModel, Effect, GeneratorSpec, Table } from '../domain/data-model.js';
import { ByteWriter, civilFromDays } from './byte-writer.js';
import { bindExpr, compileExpr } from './expr.js';
import { fnv1a, Rng, WeightedPicker } from './prng.js';
import { localeWords, type LocaleWords } from './word-lists.js';
import * as words from './word-lists.js';

/**
 * The streaming generation engine. Tables are produced in chunks of CHUNK_ROWS rows into
 * typed column buffers, so memory stays bounded whatever the row count; only the columns a
 * later table reads (keys it points to, attributes it copies or conditions on) are kept, in
 * compact typed arrays. Each column compiles once to a closure that fills one cell.
 */
export const CHUNK_ROWS = 8192;

/** A cell: DATE cells are day numbers since 1970-01-01, TIMESTAMP cells epoch milliseconds. */
export type Value = number | string | boolean | null;

/** A generator spec that cannot work (unknown ref, cycle, bad expression): our model's fault. */
export class SpecError extends Error {
  override name = 'SpecError';
}

export interface GenerateOptions {
  seed: number;
  /** Multiplies the row count of every table that scales. */
  scale: number;
}

export const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Row count at a scale: fixed tables keep theirs, sublinear ones grow with sqrt(scale). */
export function rowCountFor(table: Table, scale: number): number {
  const list = table.columns.find((c) => c.generator.kind === 'list');
  if (list && list.generator.kind === 'list') return list.generator.values.length;
  if (!table.scales) return table.rowCount;
  const factor = table.scaling === 'sublinear' ? Math.sqrt(scale) : scale;
  return Math.max(1, Math.round(table.rowCount * factor));
}

/** Minor-unit digits of ISO 4217 currencies that do not use 2. */
const CURRENCY_DECIMALS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, HUF: 0, TWD: 0, KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3 };
export function currencyDecimals(currency: string | undefined): number {
  return CURRENCY_DECIMALS[(currency ?? 'USD').toUpperCase()] ?? 2;
}

const dateCache = new Map<number, string>();
export function formatDate(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateCache.size < 100_000) dateCache.set(day, s);
  }
  return s;
}

const timeCache: string[] = [];
function formatTime(secondOfDay: number): string {
  let s = timeCache[secondOfDay];
  if (s === undefined) {
    const h = Math.floor(secondOfDay / 3600);
    const m = Math.floor(secondOfDay / 60) % 60;
    const x = secondOfDay % 60;
    s = `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${x < 10 ? '0' : ''}${x}`;
    timeCache[secondOfDay] = s;
  }
  return s;
}

export function formatTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  return `${formatDate(day)} ${formatTime(Math.floor((ms - day * DAY_MS) / 1000))}`;
}

/** Month 0..11 of a day number. */
function monthOfDay(day: number): number {
  return (Math.floor(civilFromDays(day) / 100) % 100) - 1;
}

/**
 * How a column's cells are held: `num` numbers (NaN is NULL; dates are day numbers,
 * timestamps epoch ms, booleans 0/1), `dict` codes into a value list, `key` row indexes
 * into a parent table (the value is the parent's key there), `str` strings.
 */
type Repr = 'num' | 'dict' | 'key' | 'str';

interface ColData {
  repr: Repr;
  type: ColumnType;
  num: Float64Array;
  str: Array<string | null>;
  dict: readonly string[];
  /** `dict` values as numbers, for arithmetic over numeric categories. */
  dictNum: Float64Array;
  parent: Stored | undefined;
}

/** What stays in memory of a generated table for the tables after it. */
interface Stored {
  name: string;
  rows: number;
  pkValue(row: number): number | string;
  cols: Map<string, ColData>;
}

function emptyCol(repr: Repr, type: ColumnType, size: number, dict: readonly string[] = [], parent?: Stored): ColData {
  return {
    repr,
    type,
    num: new Float64Array(repr === 'str' ? 0 : size),
    str: repr === 'str' ? new Array<string | null>(size).fill(null) : [],
    dict,
    dictNum: Float64Array.from(dict, (d) => (d.trim() === '' ? NaN : Number(d))),
    parent,
  };
}

const identity = (i: number): number => i;

/** A reference to a value of the row: its column's data and where in it the row is. */
interface RefAccess {
  data: ColData;
  /** Index into `data` for chunk position i; NaN when the row has no value (NULL key). */
  at: (i: number) => number;
}

function valueAt(d: ColData, k: number): Value {
  if (Number.isNaN(k)) return null;
  switch (d.repr) {
    case 'num': {
      const v = d.num[k] ?? NaN;
      if (Number.isNaN(v)) return null;
      return d.type === 'BOOL' ? v !== 0 : v;
    }
    case 'dict': {
      const c = d.num[k] ?? NaN;
      return Number.isNaN(c) ? null : (d.dict[c] ?? null);
    }
    case 'key': {
      const p = d.num[k] ?? NaN;
      return Number.isNaN(p) || !d.parent ? null : d.parent.pkValue(p);
    }
    case 'str':
      return d.str[k] ?? null;
  }
}

function numAt(d: ColData, k: number): number {
  if (Number.isNaN(k)) return NaN;
  switch (d.repr) {
    case 'num':
      return d.num[k] ?? NaN;
    case 'dict': {
      const c = d.num[k] ?? NaN;
      return Number.isNaN(c) ? NaN : (d.dictNum[c] ?? NaN);
    }
    default: {
      const v = valueAt(d, k);
      return typeof v === 'number' ? v : v === null ? NaN : Number(v);
    }
  }
}

function textAt(d: ColData, k: number): string {
  const v = valueAt(d, k);
  if (v === null) return '';
  if (typeof v === 'number') {
    if (d.repr === 'num' && d.type === 'DATE') return formatDate(v);
    if (d.repr === 'num' && d.type === 'TIMESTAMP') return formatTimestamp(v);
  }
  return String(v);
}

function quote(s: string): string {
  return s.indexOf('"') < 0 ? `"${s}"` : `"${s.replace(/"/g, '""')}"`;
}

type CellWriter = (i: number, w: ByteWriter) => void;

/** Writes a cell's CSV text; nothing is NULL. STRING cells are always quoted so '' stays apart from NULL. */
function csvWriter(d: ColData, decimals: number | undefined): CellWriter {
  const { num, str } = d;
  switch (d.repr) {
    case 'str':
      if (d.type === 'STRING') {
        return (i, w) => {
          const s = str[i];
          if (s !== null && s !== undefined) w.quoted(s);
        };
      }
      return (i, w) => {
        const s = str[i];
        if (s !== null && s !== undefined) w.text(s);
      };
    case 'dict': {
      const out = d.dict.map((v) => Buffer.from(d.type === 'STRING' ? quote(v) : v, 'utf8'));
      return (i, w) => {
        const c = num[i] ?? NaN;
        if (Number.isNaN(c)) return;
        const b = out[c] as Buffer;
        w.ensure(b.length);
        w.bytesOf(b);
      };
    }
    case 'key': {
      const parent = d.parent;
      if (!parent) return () => undefined;
      return (i, w) => {
        const p = num[i] ?? NaN;
        if (Number.isNaN(p)) return;
        const v = parent.pkValue(p);
        if (typeof v === 'number') w.number(v, 0);
        else if (d.type === 'STRING') w.quoted(v);
        else w.text(v);
      };
    }
    case 'num':
      switch (d.type) {
        case 'DATE':
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.date(v);
          };
        case 'TIMESTAMP':
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.timestamp(v);
          };
        case 'BOOL': {
          const t = Buffer.from('true');
          const f = Buffer.from('false');
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.bytesOf(v !== 0 ? t : f);
          };
        }
        case 'STRING':
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.quoted(String(v));
          };
        default:
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.number(v, decimals);
          };
      }
  }
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
function round(v: number, decimals: number): number {
  if (decimals === 0) return Math.round(v);
  const f = POW10[decimals] ?? 10 ** decimals;
  return Math.round(v * f) / f;
}

/** Same-row columns a spec reads (the part before the dot of each ref). */
function refsOf(spec: GeneratorSpec): string[] {
  const refs: string[] = [];
  switch (spec.kind) {
    case 'derived':
      // `today` is the model's as-of day, not a column.
      refs.push(...compileExpr(spec.expr).refs.filter((r) => r !== 'today'));
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
  return refs;
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
    for (const dep of refsOf(col.generator)) visit(dep.split('.')[0] ?? dep, [...path, name]);
    state.set(name, 'done');
    order.push(idx);
  };
  for (const n of names) visit(n, []);
  return order;
}

/** Which columns of each table later tables read through a foreign key. */
function retainedColumns(model: DataModel): Map<string, Set<string>> {
  const keep = new Map<string, Set<string>>();
  for (const t of model.tables) {
    const fkTable = new Map<string, string>();
    for (const c of t.columns) if (c.generator.kind === 'foreignKey') fkTable.set(c.name, c.generator.table);
    for (const c of t.columns) {
      const g = c.generator;
      const wanted: Array<[string, string]> = [];
      if (g.kind === 'foreignKey') {
        if (!keep.has(g.table)) keep.set(g.table, new Set());
        if (g.weightBy) wanted.push([g.table, g.weightBy]);
      }
      for (const ref of refsOf(g)) {
        const [head, tail] = ref.split('.');
        const parent = head === undefined ? undefined : fkTable.get(head);
        if (parent && tail) wanted.push([parent, tail]);
      }
      for (const [table, col] of wanted) {
        const set = keep.get(table) ?? new Set<string>();
        set.add(col);
        keep.set(table, set);
      }
    }
  }
  return keep;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** A fake value; the row number keeps emails unique within a table. */
function fakeFn(what: string, rng: Rng, locale: LocaleWords): (row: number) => string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T;
  const digits = (format: string): string => {
    let out = '';
    for (const ch of format) out += ch === '#' ? String(Math.floor(rng.next() * 10)) : ch === 'Z' ? String.fromCharCode(65 + Math.floor(rng.next() * 26)) : ch;
    return out;
  };
  const ascii = (s: string): string => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
  const street = (): string => locale.streetFormat.replace('{n}', String(1 + Math.floor(rng.next() * 240))).replace('{s}', pick(locale.streets));
  switch (what) {
    case 'firstName':
      return () => pick(locale.firstNames);
    case 'lastName':
      return () => pick(locale.lastNames);
    case 'person':
      return () => `${pick(locale.firstNames)} ${pick(locale.lastNames)}`;
    case 'company':
      return () => `${pick(words.COMPANY_PREFIXES)}${pick(words.COMPANY_CORES).toLowerCase()} ${pick(locale.companySuffixes)}`;
    case 'email':
      return (row) => `${ascii(pick(locale.firstNames))}.${ascii(pick(locale.lastNames))}${row + 1}@${pick(words.EMAIL_DOMAINS)}`;
    case 'phone':
      return () => digits(locale.phoneFormat);
    case 'city':
      return () => pick(locale.cities);
    case 'street':
      return street;
    case 'postcode':
      return () => digits(locale.postcodeFormat);
    case 'address':
      return () => `${street()}, ${digits(locale.postcodeFormat)} ${pick(locale.cities)}`;
    case 'word':
      return () => pick(words.WORDS);
    default:
      return () => pick(words.SENTENCES);
  }
}

type DateSpec = Extract<GeneratorSpec, { kind: 'date' | 'timestamp' }>;

interface DaySampler {
  /** A day of the window. */
  pick(rng: Rng): number;
  /** A day of the window on or after `floor`, with the window's shape (the conditional distribution). */
  pickFrom(rng: Rng, floor: number): number;
  to: number;
}

/** Day picker for a window shaped by weekly and yearly seasonality and growth. */
function daySampler(spec: DateSpec, asOfDay: number, growth: number): DaySampler {
  const from = asOfDay + (spec.from ?? -365);
  const to = asOfDay + (spec.to ?? 0);
  if (to < from) throw new SpecError(`Date window ends (${spec.to}) before it starts (${spec.from}).`);
  const span = to - from + 1;
  const weekly = spec.weekly ?? [1, 1, 1, 1, 1, 1, 1];
  const yearly = spec.yearly ?? [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  const weights = new Array<number>(span);
  const cdf = new Float64Array(span);
  let sum = 0;
  for (let d = 0; d < span; d++) {
    const day = from + d;
    const dow = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
    const w = (weekly[dow] ?? 1) * (yearly[monthOfDay(day)] ?? 1) * Math.pow(1 + growth, d / 365.25);
    weights[d] = w;
    sum += w;
    cdf[d] = sum;
  }
  const picker = new WeightedPicker(weights);
  return {
    to,
    pick: (rng) => from + picker.pick(rng),
    pickFrom: (rng, floor) => {
      const k = Math.max(0, Math.min(span - 1, floor - from));
      const lo = k === 0 ? 0 : (cdf[k - 1] as number);
      const x = lo + rng.next() * (sum - lo);
      let a = k;
      let b = span - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((cdf[mid] as number) > x) b = mid;
        else a = mid + 1;
      }
      return from + a;
    },
  };
}

function annualGrowth(g: { growth?: number | undefined; quarterlyGrowth?: number | undefined }): number {
  return g.quarterlyGrowth !== undefined ? Math.pow(1 + g.quarterlyGrowth, 4) - 1 : (g.growth ?? 0);
}

/** A generated table's chunk of rows, column-major. */
export interface Chunk {
  /** Row number of the first row. */
  start: number;
  length: number;
  /** Writes the rows as CSV lines (no header). */
  writeCsv(w: ByteWriter): void;
  /** The cell of column c at chunk position i. */
  value(c: number, i: number): Value;
}

/** One table of a run: its shape, and its chunks in order (read them all before the next table). */
export interface TableRun {
  table: Table;
  rows: number;
  columns: string[];
  types: ColumnType[];
  chunks(): Generator<Chunk>;
}

interface CompiledColumn {
  data: ColData;
  fill: (i: number, row: number) => void;
  nullRate: number;
  nullRng: Rng | undefined;
  decimals: number | undefined;
}

class TableEngine {
  readonly n: number;
  private readonly cols: CompiledColumn[];
  private readonly order: number[];
  private readonly byName = new Map<string, number>();
  private readonly parents = new Map<string, Stored>();

  constructor(
    readonly table: Table,
    private readonly stored: Map<string, Stored>,
    private readonly asOfDay: number,
    private readonly opts: GenerateOptions,
    private readonly model: DataModel,
  ) {
    this.n = rowCountFor(table, opts.scale);
    table.columns.forEach((c, i) => this.byName.set(c.name, i));
    for (const c of table.columns) {
      if (c.generator.kind !== 'foreignKey') continue;
      const p = stored.get(c.generator.table);
      if (!p) throw new SpecError(`${table.name}.${c.name}: references table ${c.generator.table}, which is not generated before it.`);
      this.parents.set(c.name, p);
    }
    this.order = topoOrder(table);
    const compiled: Array<CompiledColumn | undefined> = table.columns.map(() => undefined);
    for (const idx of this.order) compiled[idx] = this.compile(idx, compiled);
    this.cols = compiled.map((c) => c as CompiledColumn);
  }

  private rngFor(suffix: string): Rng {
    return new Rng((this.opts.seed ^ fnv1a(`${this.table.name}.${suffix}`)) >>> 0);
  }

  /** Where a ref's value lives for chunk position i. Columns it reads are already compiled. */
  private access(ref: string, compiled: ReadonlyArray<CompiledColumn | undefined>): RefAccess {
    const dot = ref.indexOf('.');
    const where = this.table.name;
    if (dot < 0) {
      const idx = this.byName.get(ref);
      const c = idx === undefined ? undefined : compiled[idx];
      if (!c) throw new SpecError(`Table ${where}: unknown column "${ref}".`);
      return { data: c.data, at: identity };
    }
    const fk = ref.slice(0, dot);
    const col = ref.slice(dot + 1);
    const parent = this.parents.get(fk);
    const fkIdx = this.byName.get(fk);
    const fkCol = fkIdx === undefined ? undefined : compiled[fkIdx];
    if (!parent || !fkCol) throw new SpecError(`Table ${where}: "${ref}" needs ${fk} to be a foreign key.`);
    const rowsOf = fkCol.data.num;
    const parentSpec = this.model.tables.find((t) => t.name === parent.name);
    if (parentSpec?.primaryKey === col) {
      // The parent's own key: the same as the foreign key.
      return { data: fkCol.data, at: identity };
    }
    const data = parent.cols.get(col);
    if (!data) throw new SpecError(`Table ${where}: "${ref}" names an unknown column of the parent.`);
    return { data, at: (i) => rowsOf[i] ?? NaN };
  }

  private matcher(effect: Effect, compiled: ReadonlyArray<CompiledColumn | undefined>): (i: number) => boolean {
    const a = this.access(effect.when.ref, compiled);
    const d = a.data;
    const inSet = effect.when.in ? new Set(effect.when.in) : undefined;
    const months = effect.when.months ? new Set(effect.when.months.map((m) => m - 1)) : undefined;
    let test: (k: number) => boolean = () => true;
    if (inSet) {
      if (d.repr === 'dict') {
        const mask = d.dict.map((v) => inSet.has(v));
        test = (k) => mask[d.num[k] ?? -1] === true;
      } else if (d.repr === 'key' && d.parent) {
        const p = d.parent;
        const cache = new Map<number, boolean>();
        test = (k) => {
          const r = d.num[k] ?? NaN;
          if (Number.isNaN(r)) return false;
          let hit = cache.get(r);
          if (hit === undefined) {
            hit = inSet.has(String(p.pkValue(r)));
            cache.set(r, hit);
          }
          return hit;
        };
      } else if (d.repr === 'num') {
        if (d.type === 'BOOL') {
          const t = inSet.has('true');
          const f = inSet.has('false');
          test = (k) => {
            const v = d.num[k] ?? NaN;
            return Number.isNaN(v) ? false : v !== 0 ? t : f;
          };
        } else {
          const nums = new Set([...inSet].map(Number).filter((x) => Number.isFinite(x)));
          test = (k) => nums.has(d.num[k] ?? NaN);
        }
      } else {
        test = (k) => inSet.has(d.str[k] ?? '\u0000');
      }
    }
    if (months) {
      if (d.repr !== 'num' || (d.type !== 'DATE' && d.type !== 'TIMESTAMP')) throw new SpecError(`Table ${this.table.name}: an effect on months needs a date, not ${effect.when.ref}.`);
      const isTs = d.type === 'TIMESTAMP';
      const inTest = test;
      test = (k) => {
        const v = d.num[k] ?? NaN;
        if (Number.isNaN(v)) return false;
        return months.has(monthOfDay(isTs ? Math.floor(v / DAY_MS) : v)) && inTest(k);
      };
    }
    const at = a.at;
    return (i) => {
      const k = at(i);
      return !Number.isNaN(k) && test(k);
    };
  }

  private numericEffects(effects: readonly Effect[] | undefined, compiled: ReadonlyArray<CompiledColumn | undefined>): ((i: number, v: number) => number) | undefined {
    const list = (effects ?? []).filter((e) => e.factor !== undefined || e.add !== undefined).map((e) => ({ m: this.matcher(e, compiled), f: e.factor ?? 1, a: e.add ?? 0 }));
    if (list.length === 0) return undefined;
    return (i, v) => {
      let x = v;
      for (const e of list) if (e.m(i)) x = x * e.f + e.a;
      return x;
    };
  }

  private compile(idx: number, compiled: ReadonlyArray<CompiledColumn | undefined>): CompiledColumn {
    const column = this.table.columns[idx];
    if (!column) throw new SpecError(`Table ${this.table.name}: no column ${idx}.`);
    const spec = column.generator;
    const where = `${this.table.name}.${column.name}`;
    const rng = this.rngFor(column.name);
    const size = CHUNK_ROWS;
    const type = column.type;
    const base = { nullRate: spec.nullRate ?? 0, nullRng: spec.nullRate ? this.rngFor(`${column.name}#null`) : undefined, decimals: undefined as number | undefined };
    const moneyDecimals = currencyDecimals(this.model.currency);

    switch (spec.kind) {
      case 'sequence': {
        const start = spec.start ?? 1;
        if (spec.prefix !== undefined) {
          const prefix = spec.prefix;
          const width = spec.pad ?? 6;
          const data = emptyCol('str', type, size);
          return { ...base, data, fill: (i, row) => void (data.str[i] = prefix + pad(start + row, width)) };
        }
        const data = emptyCol('num', type, size);
        const num = data.num;
        return { ...base, decimals: 0, data, fill: (i, row) => void (num[i] = start + row) };
      }
      case 'foreignKey': {
        const parent = this.parents.get(column.name);
        if (!parent) throw new SpecError(`${where}: references table ${spec.table}, which is not generated before it.`);
        const parentSpec = this.model.tables.find((t) => t.name === spec.table);
        if (parentSpec?.primaryKey !== spec.column) {
          if (!parentSpec?.columns.some((c) => c.name === spec.column)) throw new SpecError(`${where}: references unknown column ${spec.table}.${spec.column}.`);
          throw new SpecError(`${where}: a foreign key must reference the primary key of ${spec.table} (${parentSpec.primaryKey}), not ${spec.column}.`);
        }
        const data = emptyCol('key', type, size, [], parent);
        const num = data.num;
        const n = parent.rows;
        if (spec.perParent) {
          const pp = spec.perParent;
          const mean = pp.mean ?? this.n / n;
          const lo = pp.min ?? 0;
          const hi = pp.max ?? Number.POSITIVE_INFINITY;
          const q = 1 / (mean + 1);
          const draw = (): number => {
            let k: number;
            if (pp.dist === 'poisson') k = rng.poisson(mean);
            else if (pp.dist === 'geometric') k = Math.floor(Math.log(1 - rng.next()) / Math.log(1 - q));
            else k = Math.floor(rng.between(lo, Number.isFinite(hi) ? hi + 1 : 2 * mean + 1 - lo));
            return Math.min(hi, Math.max(lo, k));
          };
          let p = -1;
          let left = 0;
          let dealtThisRound = 0;
          return {
            ...base,
            data,
            fill: (i) => {
              while (left <= 0) {
                p++;
                if (p >= n) {
                  // Every parent had its draw; deal the rest in another round.
                  p = 0;
                  if (dealtThisRound === 0) left = 1;
                  dealtThisRound = 0;
                }
                if (left <= 0) left = draw();
              }
              left--;
              dealtThisRound++;
              num[i] = p;
            },
          };
        }
        let weights: number[] | undefined;
        if (spec.distribution === 'zipf') {
          const s = spec.skew ?? 1.1;
          // Popularity is shuffled so the most popular parent is not always the first.
          const ranks = Array.from({ length: n }, (_, i) => i);
          const shuffle = this.rngFor(`${column.name}#ranks`);
          for (let i = n - 1; i > 0; i--) {
            const j = shuffle.int(i + 1);
            [ranks[i], ranks[j]] = [ranks[j] ?? 0, ranks[i] ?? 0];
          }
          weights = ranks.map((r) => 1 / Math.pow(r + 1, s));
        }
        if (spec.weightBy) {
          const w = parent.cols.get(spec.weightBy);
          if (!w) throw new SpecError(`${where}: weightBy names unknown column ${spec.table}.${spec.weightBy}.`);
          // A date weighs by the time from it to the as-of day: older customers have had longer to order.
          const isTime = w.repr === 'num' && (w.type === 'DATE' || w.type === 'TIMESTAMP');
          const today = this.asOfDay + 1;
          const base = weights;
          weights = Array.from({ length: n }, (_, r) => {
            const v = numAt(w, r);
            const x = !Number.isFinite(v) ? (isTime ? 0 : 1) : isTime ? Math.max(0, today - (w.type === 'TIMESTAMP' ? v / DAY_MS : v)) : v;
            return x * (base?.[r] ?? 1);
          });
        }
        let pick: () => number;
        if (weights) {
          const picker = new WeightedPicker(weights);
          pick = () => picker.pick(rng);
        } else {
          pick = () => Math.floor(rng.next() * n);
        }
        return { ...base, data, fill: (i) => void (num[i] = pick()) };
      }
      case 'list': {
        const data = emptyCol('dict', type, size, spec.values);
        const num = data.num;
        const len = spec.values.length;
        return { ...base, data, fill: (i, row) => void (num[i] = row % len) };
      }
      case 'category': {
        const data = emptyCol('dict', type, size, spec.values);
        const num = data.num;
        const basePicker = new WeightedPicker(spec.weights ?? spec.values.map(() => 1));
        const overrides = (spec.effects ?? []).filter((e) => e.weights).map((e) => ({ m: this.matcher(e, compiled), picker: new WeightedPicker(e.weights ?? []) }));
        if (overrides.length === 0) return { ...base, data, fill: (i) => void (num[i] = basePicker.pick(rng)) };
        return {
          ...base,
          data,
          fill: (i) => {
            let picker = basePicker;
            for (const o of overrides) {
              if (o.m(i)) {
                picker = o.picker;
                break;
              }
            }
            num[i] = picker.pick(rng);
          },
        };
      }
      case 'number': {
        const { dist, min, max } = spec;
        const mean = spec.mean ?? 0;
        const sd = spec.sd ?? Math.abs(mean) * 0.25;
        const decimals = spec.money ? moneyDecimals : (spec.decimals ?? (type === 'INT64' ? 0 : 2));
        const lo = min ?? -Infinity;
        const hi = max ?? Infinity;
        let sample: () => number;
        switch (dist) {
          case 'normal':
            sample = () => mean + sd * rng.normal();
            break;
          case 'lognormal': {
            // Parameterised by the mean and sd of the value itself, not of its log.
            const m = Math.max(mean, 1e-9);
            const sigma2 = Math.log(1 + (sd * sd) / (m * m));
            const mu = Math.log(m) - sigma2 / 2;
            const sigma = Math.sqrt(sigma2);
            sample = () => Math.exp(mu + sigma * rng.normal());
            break;
          }
          case 'uniform': {
            const a = min ?? 0;
            const w = (max ?? 1) - a;
            sample = () => a + w * rng.next();
            break;
          }
          case 'poisson':
            sample = () => rng.poisson(mean);
            break;
        }
        const data = emptyCol('num', type, size);
        const num = data.num;
        const effects = this.numericEffects(spec.effects, compiled);
        if (!effects) return { ...base, decimals, data, fill: (i) => void (num[i] = round(Math.min(hi, Math.max(lo, sample())), decimals)) };
        return { ...base, decimals, data, fill: (i) => void (num[i] = round(effects(i, Math.min(hi, Math.max(lo, sample()))), decimals)) };
      }
      case 'boolean': {
        const data = emptyCol('num', type, size);
        const num = data.num;
        const effects = (spec.effects ?? []).filter((e) => e.p !== undefined).map((e) => ({ m: this.matcher(e, compiled), p: e.p ?? spec.p }));
        const p0 = spec.p;
        return {
          ...base,
          data,
          fill: (i) => {
            let p = p0;
            for (const e of effects) {
              if (e.m(i)) {
                p = e.p;
                break;
              }
            }
            num[i] = rng.next() < p ? 1 : 0;
          },
        };
      }
      case 'date':
      case 'timestamp':
        return { ...base, ...this.compileDate(spec, type, rng, compiled, where) };
      case 'derived': {
        try {
          compileExpr(spec.expr);
        } catch (err) {
          throw new SpecError(`${where}: ${(err as Error).message}`);
        }
        const decimals = spec.money ? moneyDecimals : (spec.decimals ?? (type === 'INT64' ? 0 : 2));
        const data = emptyCol('num', type, size);
        const num = data.num;
        const effects = this.numericEffects(spec.effects, compiled);
        const asOfDay = this.asOfDay;
        const value = bindExpr(spec.expr, (ref) => {
          if (ref === 'today') return () => asOfDay;
          const a = this.access(ref, compiled);
          const d = a.data;
          if (d.repr === 'num' && a.at === identity) {
            const src = d.num;
            return (i) => src[i] as number;
          }
          if (d.repr === 'num') {
            const src = d.num;
            const at = a.at;
            return (i) => {
              const k = at(i);
              return Number.isNaN(k) ? NaN : (src[k] as number);
            };
          }
          return (i) => numAt(d, a.at(i));
        });
        return {
          ...base,
          decimals,
          data,
          fill: (i) => {
            const v = value(i);
            num[i] = Number.isFinite(v) ? round(effects ? effects(i, v) : v, decimals) : NaN;
          },
        };
      }
      case 'copy': {
        const a = this.access(spec.ref, compiled);
        const src = a.data;
        const at = a.at;
        if (src.repr === 'str') {
          const data = emptyCol('str', type, size);
          return { ...base, data, fill: (i) => void (data.str[i] = src.str[at(i)] ?? null) };
        }
        const data = emptyCol(src.repr, type, size, src.dict, src.parent);
        const num = data.num;
        const srcNum = src.num;
        return { ...base, decimals: compiled[this.byName.get(spec.ref) ?? -1]?.decimals, data, fill: (i) => {
          const k = at(i);
          num[i] = Number.isNaN(k) ? NaN : (srcNum[k] ?? NaN);
        } };
      }
      case 'fake': {
        const data = emptyCol('str', type, size);
        const f = fakeFn(spec.what, rng, localeWords(spec.locale ?? this.model.locale));
        return { ...base, data, fill: (i, row) => void (data.str[i] = f(row)) };
      }
      case 'template': {
        const parts = spec.template.split(/\{([a-z_][a-z0-9_.]*)\}/g);
        const pieces = parts.map((p, k) => (k % 2 === 1 ? this.access(p, compiled) : p));
        const data = emptyCol('str', type, size);
        return {
          ...base,
          data,
          fill: (i) => {
            let s = '';
            for (const piece of pieces) s += typeof piece === 'string' ? piece : textAt(piece.data, piece.at(i));
            data.str[i] = s;
          },
        };
      }
    }
  }

  private compileDate(spec: DateSpec, type: ColumnType, rng: Rng, compiled: ReadonlyArray<CompiledColumn | undefined>, where: string): Pick<CompiledColumn, 'data' | 'fill'> {
    const data = emptyCol('num', type, CHUNK_ROWS);
    const num = data.num;
    const isTs = spec.kind === 'timestamp';
    const asOfDay = this.asOfDay;
    const lastMs = (asOfDay + 1) * DAY_MS - 1000;
    // Business hours: 07:00-22:00, whole seconds.
    const toCell = (day: number): number => (isTs ? day * DAY_MS + Math.floor(25_200 + rng.next() * 54_000) * 1000 : day);
    const refMs = (a: RefAccess, i: number): number => {
      const v = numAt(a.data, a.at(i));
      return a.data.type === 'TIMESTAMP' ? v : v * DAY_MS;
    };
    if (spec.after) {
      const { minDays, maxDays } = spec.after;
      const a = this.access(spec.after.ref, compiled);
      if (a.data.repr !== 'num' || (a.data.type !== 'DATE' && a.data.type !== 'TIMESTAMP')) throw new SpecError(`${where}: "after" needs a date, not ${spec.after.ref}.`);
      return {
        data,
        fill: (i) => {
          const baseMs = refMs(a, i);
          if (Number.isNaN(baseMs)) {
            num[i] = NaN;
            return;
          }
          let ms = baseMs + (minDays + (maxDays - minDays) * rng.next()) * DAY_MS;
          // Never later than the data's "today", never before the parent event.
          ms = Math.max(baseMs, Math.min(ms, lastMs));
          num[i] = isTs ? Math.floor(ms / 1000) * 1000 : Math.floor(ms / DAY_MS);
        },
      };
    }
    const base = daySampler(spec, asOfDay, annualGrowth(spec));
    const alt = (spec.effects ?? [])
      .filter((e) => e.growth !== undefined || e.quarterlyGrowth !== undefined)
      .map((e) => ({ m: this.matcher(e, compiled), sampler: daySampler(spec, asOfDay, annualGrowth(e)) }));
    const samplerFor = (i: number): DaySampler => {
      for (const e of alt) if (e.m(i)) return e.sampler;
      return base;
    };
    if (spec.notBefore === undefined) return { data, fill: (i) => void (num[i] = toCell(samplerFor(i).pick(rng))) };
    const floorRef = this.access(spec.notBefore, compiled);
    return {
      data,
      fill: (i) => {
        const floorMs = refMs(floorRef, i);
        const sampler = samplerFor(i);
        if (Number.isNaN(floorMs)) {
          num[i] = toCell(sampler.pick(rng));
          return;
        }
        const floorDay = Math.floor(floorMs / DAY_MS);
        // After the parent's event, keeping the window's seasonal shape; a parent later than
        // the window gets its own day.
        num[i] = toCell(floorDay > sampler.to ? Math.min(asOfDay, floorDay) : sampler.pickFrom(rng, floorDay));
      },
    };
  }

  /** Generates the table chunk by chunk; `keep` receives each chunk to retain what children read. */
  *chunks(keep: ((chunk: Chunk, cols: readonly ColData[]) => void) | undefined): Generator<Chunk> {
    const cols = this.cols;
    const order = this.order;
    const datas = cols.map((c) => c.data);
    const writers = cols.map((c) => csvWriter(c.data, c.decimals));
    // In dependency order; a column with a null rate draws its value first, so nulls never
    // shift the other streams.
    const fills = order.map((idx) => {
      const c = cols[idx] as CompiledColumn;
      const { nullRng, nullRate, data } = c;
      const fill = c.fill;
      if (nullRng === undefined) return fill;
      return (i: number, row: number): void => {
        fill(i, row);
        if (nullRng.next() < nullRate) {
          if (data.repr === 'str') data.str[i] = null;
          else data.num[i] = NaN;
        }
      };
    });
    const rowBudget = 40 * cols.length + 16;
    const width = cols.length;
    for (let start = 0; start < this.n; start += CHUNK_ROWS) {
      const length = Math.min(CHUNK_ROWS, this.n - start);
      for (let i = 0; i < length; i++) {
        const row = start + i;
        for (let k = 0; k < fills.length; k++) (fills[k] as (i: number, row: number) => void)(i, row);
      }
      const chunk: Chunk = {
        start,
        length,
        writeCsv: (w) => {
          for (let i = 0; i < length; i++) {
            w.ensure(rowBudget);
            (writers[0] as CellWriter)(i, w);
            for (let c = 1; c < width; c++) {
              w.ensure(1);
              w.byte(44);
              (writers[c] as CellWriter)(i, w);
            }
            w.ensure(1);
            w.byte(10);
          }
        },
        value: (c, i) => valueAt(datas[c] as ColData, i),
      };
      keep?.(chunk, datas);
      yield chunk;
    }
  }

  /** What children may read of this table, filled as chunks go by. */
  storage(columns: ReadonlySet<string> | undefined): { stored: Stored; keep: (chunk: Chunk, cols: readonly ColData[]) => void } {
    const t = this.table;
    const pkIdx = this.byName.get(t.primaryKey);
    const pkSpec = pkIdx === undefined ? undefined : t.columns[pkIdx]?.generator;
    let pkValue: (row: number) => number | string;
    if (pkSpec?.kind === 'sequence') {
      const start = pkSpec.start ?? 1;
      if (pkSpec.prefix !== undefined) {
        const prefix = pkSpec.prefix;
        const width = pkSpec.pad ?? 6;
        pkValue = (r) => prefix + pad(start + r, width);
      } else pkValue = (r) => start + r;
    } else if (pkSpec?.kind === 'list') {
      const values = pkSpec.values;
      const numeric = t.columns[pkIdx ?? 0]?.type === 'INT64';
      pkValue = (r) => {
        const v = values[r % values.length] ?? '';
        return numeric ? Number(v) : v;
      };
    } else throw new SpecError(`Table ${t.name}: primary key ${t.primaryKey} must be a sequence or a list to be unique by construction.`);
    const cols = new Map<string, ColData>();
    const copies: Array<[number, ColData]> = [];
    for (const name of columns ?? []) {
      const idx = this.byName.get(name);
      const c = idx === undefined ? undefined : this.cols[idx];
      if (!c || idx === undefined) continue;
      const full = emptyCol(c.data.repr, c.data.type, this.n, c.data.dict, c.data.parent);
      cols.set(name, full);
      copies.push([idx, full]);
    }
    const stored: Stored = {
      name: t.name,
      rows: this.n,
      pkValue,
      cols,
    };
    const keep = (chunk: Chunk, datas: readonly ColData[]): void => {
      for (const [idx, full] of copies) {
        const d = datas[idx] as ColData;
        if (d.repr === 'str') for (let i = 0; i < chunk.length; i++) full.str[chunk.start + i] = d.str[i] ?? null;
        else full.num.set(d.num.subarray(0, chunk.length), chunk.start);
      }
    };
    return { stored, keep };
  }
}

/**
 * Generates every table of the model, parents before children, as a stream of chunks.
 * Deterministic: the same model, seed and scale give the same values. Each table's chunks
 * must be read before the next table is asked for. Throws SpecError when the spec cannot work.
 */
export function* generateTables(model: DataModel, opts: GenerateOptions): Generator<TableRun> {
  const asOfDay = dayNumber(model.asOf);
  const stored = new Map<string, Stored>();
  const retained = retainedColumns(model);
  // The last table that reads each parent: after it, the parent's columns are let go.
  const lastUse = new Map<string, number>();
  model.tables.forEach((t, i) => {
    for (const c of t.columns) if (c.generator.kind === 'foreignKey') lastUse.set(c.generator.table, i);
  });
  for (const [index, table] of model.tables.entries()) {
    const pkCol = table.columns.find((c) => c.name === table.primaryKey);
    if (!pkCol) throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} is not one of its columns.`);
    if (pkCol.generator.kind !== 'sequence' && pkCol.generator.kind !== 'list') {
      throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} must be a sequence or a list to be unique by construction.`);
    }
    if (pkCol.generator.nullRate) throw new SpecError(`Table ${table.name}: primary key ${table.primaryKey} cannot have nulls.`);
    const engine = new TableEngine(table, stored, asOfDay, opts, model);
    const needed = retained.get(table.name);
    const storage = needed ? engine.storage(needed) : undefined;
    let consumed = false;
    const chunks = engine.chunks(storage?.keep);
    const run: TableRun = {
      table,
      rows: engine.n,
      columns: table.columns.map((c) => c.name),
      types: table.columns.map((c) => c.type),
      chunks: function* () {
        if (consumed) throw new Error(`The chunks of ${table.name} were already read.`);
        consumed = true;
        yield* chunks;
      },
    };
    yield run;
    // Children need the whole parent: finish it if the caller stopped early.
    if (!consumed) for (const _ of run.chunks()) void _;
    else for (const _ of chunks) void _;
    if (storage) stored.set(table.name, storage.stored);
    for (const [name, last] of lastUse) if (last === index) stored.delete(name);
  }
}

