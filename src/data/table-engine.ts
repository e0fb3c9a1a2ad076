import type { ColumnType, DataModel, Effect, Table } from '../domain/data-model.js';
import type { ByteWriter } from './byte-writer.js';
import { currencyDecimals, DAY_MS, monthOfDay, round, rowCountFor, SpecError, type GenerateOptions, type Value } from './cells.js';
import { emptyCol, identity, numAt, textAt, valueAt, type ColData, type RefAccess, type Stored } from './column-data.js';
import { csvWriter, type CellWriter } from './csv-cells.js';
import { annualGrowth, daySampler, type DateSpec, type DaySampler } from './day-sampler.js';
import { bindExpr, compileExpr } from './expr.js';
import { fakeFn, pad } from './fake-values.js';
import { fnv1a, Rng, StratifiedUniforms, WeightedPicker } from './prng.js';
import { topoOrder } from './spec-graph.js';
import { localeWords } from './word-lists.js';

/**
 * The streaming generation engine. Tables are produced in chunks of CHUNK_ROWS rows into
 * typed column buffers, so memory stays bounded whatever the row count; only the columns a
 * later table reads (keys it points to, attributes it copies or conditions on) are kept, in
 * compact typed arrays. Each column compiles once to a closure that fills one cell.
 */
export const CHUNK_ROWS = 8192;
/** A weighted foreign key to at most this many parents is drawn stratified (see StratifiedUniforms). */
const STRATIFY_MAX_PARENTS = 64;

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

export interface CompiledColumn {
  data: ColData;
  fill: (i: number, row: number) => void;
  nullRate: number;
  nullRng: Rng | undefined;
  decimals: number | undefined;
}

export class TableEngine {
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
        if (weights) {
          const picker = new WeightedPicker(weights);
          if (n <= STRATIFY_MAX_PARENTS) {
            // Few parents (districts, services, channels): each gets its weight's share of the
            // rows, so a ranking the weights imply also holds on a small table.
            const strata = new StratifiedUniforms(rng, this.n);
            return { ...base, data, fill: (i, row) => void (num[i] = picker.at(strata.at(row))) };
          }
          return { ...base, data, fill: (i) => void (num[i] = picker.pick(rng)) };
        }
        return { ...base, data, fill: (i) => void (num[i] = Math.floor(rng.next() * n)) };
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
    let pkStart: number | undefined;
    if (pkSpec?.kind === 'sequence') {
      const start = pkSpec.start ?? 1;
      if (pkSpec.prefix !== undefined) {
        const prefix = pkSpec.prefix;
        const width = pkSpec.pad ?? 6;
        pkValue = (r) => prefix + pad(start + r, width);
      } else {
        pkValue = (r) => start + r;
        pkStart = start;
      }
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
      ...(pkStart !== undefined ? { pkStart } : {}),
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
