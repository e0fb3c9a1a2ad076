import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderModel } from '../src/agents/model/render-model.js';
import { checkInsight } from '../src/agents/validate/check-insight.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { retail } from '../src/blueprints/retail.js';
import { tailor } from '../src/blueprints/tailor.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { toCsv } from '../src/data/csv.js';
import { dayNumber, generateDataset, rowCountFor, type GeneratedTable } from '../src/data/generate.js';
import { LOCALES } from '../src/data/word-lists.js';
import { DataTooLargeError, writeDataset } from '../src/data/write-dataset.js';
import type { Column, DataModel, GeneratorSpec, Table } from '../src/domain/data-model.js';
import { DataModelSchema } from '../src/domain/data-model.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';

const asOf = '2026-06-30';
const scratch = mkdtempSync(join(tmpdir(), 'data-engine-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function col(name: string, type: Column['type'], generator: GeneratorSpec): Column {
  return { name, type, description: name, synonyms: [], generator };
}
function table(name: string, rowCount: number, columns: Column[], extra: Partial<Table> = {}): Table {
  return { name, description: name, grain: 'row', rowCount, scales: true, primaryKey: 'id', columns: [col('id', 'INT64', { kind: 'sequence' }), ...columns], foreignKeys: [], synonyms: [], ...extra };
}
function model(tables: Table[], extra: Partial<DataModel> = {}): DataModel {
  return DataModelSchema.parse({ blueprint: 't', dialect: 'duckdb', asOf, tables, goldenSql: [], glossary: [], ...extra });
}
function values(t: GeneratedTable | undefined, name: string): unknown[] {
  assert.ok(t);
  const v = t.data[t.columns.indexOf(name)];
  assert.ok(v, `column ${name}`);
  return v;
}
const nums = (xs: unknown[]): number[] => xs.filter((x): x is number => typeof x === 'number');
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const near = (got: number, want: number, tol: number, what: string): void => assert.ok(Math.abs(got - want) <= tol, `${what}: ${got} not within ${tol} of ${want}`);

function retailModel(): DataModel {
  const profile = defaultProfile(retail);
  return renderModel(retail, profile, tailor(retail, profile), duckdbDialect(asOf), asOf);
}

function hashFiles(dir: string, names: string[]): string[] {
  return names.map((n) => createHash('sha256').update(readFileSync(join(dir, `${n}.csv`))).digest('hex'));
}

describe('streaming engine', () => {
  it('is deterministic: the same spec and seed give byte-identical files, another seed other files', async () => {
    const m = retailModel();
    const names = m.tables.map((t) => t.name);
    await writeDataset(m, { seed: 9, scale: 0.3 }, join(scratch, 'a'));
    await writeDataset(m, { seed: 9, scale: 0.3 }, join(scratch, 'b'));
    await writeDataset(m, { seed: 10, scale: 0.3 }, join(scratch, 'c'));
    const a = hashFiles(join(scratch, 'a'), names);
    assert.deepEqual(hashFiles(join(scratch, 'b'), names), a);
    const c = hashFiles(join(scratch, 'c'), names);
    assert.notDeepEqual(c.slice(3), a.slice(3));
  });

  it('streams exactly the bytes the in-memory generator renders, across chunk boundaries', async () => {
    const m = retailModel();
    const written = await writeDataset(m, { seed: 4, scale: 0.5 }, join(scratch, 'same'));
    const tables = generateDataset(m, { seed: 4, scale: 0.5 });
    for (const t of tables) {
      const file = readFileSync(join(scratch, 'same', `${t.name}.csv`), 'utf8');
      assert.equal(file, toCsv(t), t.name);
      assert.equal(written.find((w) => w.name === t.name)?.bytes, Buffer.byteLength(file));
    }
    assert.ok((tables.find((t) => t.name === 'order_items')?.rows ?? 0) > 8192 * 2, 'several chunks');
  });

  it('stops at the byte budget, leaves no file behind, and names a scale that fits', async () => {
    const m = retailModel();
    const full = await writeDataset(m, { seed: 4, scale: 0.5 }, join(scratch, 'budget-full'));
    const total = full.reduce((n, t) => n + t.bytes, 0);
    const dir = join(scratch, 'budget');
    const err = await writeDataset(m, { seed: 4, scale: 0.5 }, dir, { maxBytes: Math.floor(total / 3) }).then(
      () => assert.fail('a third of the bytes cannot hold the data'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof DataTooLargeError, String(err));
    assert.match(err.message, /^The data at scale 0\.5 needs about [\d.]+ MiB of files \([\d,]+ rows\), more than the [\d.]+ MiB this job may write at once; stopped after [\d.]+ MiB\. Lower the scale \(about 0\.1\d? fits\) or raise PROVISION_MAX_DATA_SIZE\.$/);
    assert.ok(err.writtenBytes > total / 3 && err.writtenBytes < total / 3 + 2 ** 20, `stopped within a chunk of the budget: ${err.writtenBytes} of ${total / 3}`);
    assert.deepEqual(readdirSync(dir), [], 'nothing written is left behind');
    // The scale it names fits the same budget.
    const fitting = await writeDataset(m, { seed: 4, scale: err.fittingScale }, join(scratch, 'budget-fits'), { maxBytes: Math.floor(total / 3) });
    assert.ok(fitting.reduce((n, t) => n + t.bytes, 0) <= total / 3);
  });

  it('grows fact tables linearly, sublinear dimensions with sqrt(scale), and keeps fixed ones', () => {
    const fact = table('f', 1000, []);
    const dim = table('d', 1000, [], { scaling: 'sublinear' });
    const fixed = table('x', 10, [], { scales: false });
    assert.equal(rowCountFor(fact, 4), 4000);
    assert.equal(rowCountFor(dim, 4), 2000);
    assert.equal(rowCountFor(dim, 0.25), 500);
    assert.equal(rowCountFor(fixed, 4), 10);
  });
});

describe('distribution shapes', () => {
  const n = 40_000;
  const m = model([
    table('parents', 200, [
      col('tier', 'STRING', { kind: 'category', values: ['gold', 'silver', 'bronze'], weights: [0.2, 0.3, 0.5] }),
      col('size', 'FLOAT64', { kind: 'number', dist: 'uniform', min: 1, max: 100, decimals: 2 }),
    ]),
    table('facts', n, [
      col('normal', 'FLOAT64', { kind: 'number', dist: 'normal', mean: 50, sd: 10, decimals: 3 }),
      col('lognormal', 'FLOAT64', { kind: 'number', dist: 'lognormal', mean: 80, sd: 40, decimals: 3 }),
      col('uniform', 'FLOAT64', { kind: 'number', dist: 'uniform', min: 10, max: 20, decimals: 3 }),
      col('poisson', 'INT64', { kind: 'number', dist: 'poisson', mean: 3 }),
      col('bounded', 'FLOAT64', { kind: 'number', dist: 'normal', mean: 0, sd: 10, min: -5, max: 5 }),
      col('flag', 'BOOL', { kind: 'boolean', p: 0.3 }),
      col('maybe', 'INT64', { kind: 'number', dist: 'uniform', min: 0, max: 9, decimals: 0, nullRate: 0.25 }),
      col('color', 'STRING', { kind: 'category', values: ['red', 'green', 'blue'], weights: [6, 3, 1] }),
      col('zipf_parent', 'INT64', { kind: 'foreignKey', table: 'parents', column: 'id', distribution: 'zipf', skew: 1.2 }),
      col('weighted_parent', 'INT64', { kind: 'foreignKey', table: 'parents', column: 'id', weightBy: 'size' }),
      col('amount', 'NUMERIC', { kind: 'number', dist: 'normal', mean: 100, sd: 5, effects: [{ when: { ref: 'weighted_parent.tier', in: ['gold'] }, factor: 3 }] }),
    ]),
  ]);
  const [parents, facts] = generateDataset(m, { seed: 21, scale: 1 });

  it('normal, lognormal, uniform and Poisson have their mean and spread', () => {
    const normal = nums(values(facts, 'normal'));
    near(mean(normal), 50, 0.3, 'normal mean');
    near(sd(normal), 10, 0.3, 'normal sd');
    const logn = nums(values(facts, 'lognormal'));
    near(mean(logn), 80, 1.5, 'lognormal mean');
    near(sd(logn), 40, 3, 'lognormal sd');
    assert.ok(logn.every((x) => x > 0), 'lognormal is positive');
    const uni = nums(values(facts, 'uniform'));
    assert.ok(uni.every((x) => x >= 10 && x <= 20));
    near(mean(uni), 15, 0.1, 'uniform mean');
    const pois = nums(values(facts, 'poisson'));
    near(mean(pois), 3, 0.05, 'poisson mean');
    near(sd(pois) ** 2, 3, 0.15, 'poisson variance');
    assert.ok(pois.every(Number.isInteger));
    const bounded = nums(values(facts, 'bounded'));
    assert.ok(bounded.every((x) => x >= -5 && x <= 5), 'bounds clamp');
  });

  it('booleans, null rates and categories follow their probabilities and weights', () => {
    const flags = values(facts, 'flag');
    near(flags.filter((f) => f === true).length / n, 0.3, 0.01, 'p');
    near(values(facts, 'maybe').filter((v) => v === null).length / n, 0.25, 0.01, 'null rate');
    const colors = values(facts, 'color');
    near(colors.filter((c) => c === 'red').length / n, 0.6, 0.01, 'red');
    near(colors.filter((c) => c === 'blue').length / n, 0.1, 0.01, 'blue');
  });

  it('foreign keys: Zipf concentrates on a few parents, weightBy follows the parent attribute', () => {
    const counts = new Map<unknown, number>();
    for (const p of values(facts, 'zipf_parent')) counts.set(p, (counts.get(p) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const top10 = sorted.slice(0, 10).reduce((a, b) => a + b, 0) / n;
    assert.ok(top10 > 0.4, `top 10 of 200 parents take ${top10}`);
    near((sorted[0] ?? 0) / (sorted[1] ?? 1), 2 ** 1.2, 0.4, 'rank 1 vs rank 2 follows 2^s');
    const size = new Map(values(parents, 'id').map((id, i) => [id, values(parents, 'size')[i] as number]));
    const picked = values(facts, 'weighted_parent').map((p) => size.get(p) ?? 0);
    const avgSize = mean([...size.values()]);
    // Size-biased sampling: E[size of a picked parent] = E[size^2] / E[size].
    const expected = mean([...size.values()].map((s) => s * s)) / avgSize;
    near(mean(picked), expected, 1.5, 'size-weighted picks');
  });

  it('values conditional on a parent attribute: gold parents have 3x amounts', () => {
    const tier = new Map(values(parents, 'id').map((id, i) => [id, values(parents, 'tier')[i]]));
    const amounts = values(facts, 'amount');
    const gold: number[] = [];
    const rest: number[] = [];
    values(facts, 'weighted_parent').forEach((p, i) => (tier.get(p) === 'gold' ? gold : rest).push(amounts[i] as number));
    near(mean(gold) / mean(rest), 3, 0.05, 'gold factor');
  });

  it('children per parent follow the declared distribution, every parent drawn once', () => {
    const pm = model([
      table('orders', 5000, []),
      table('lines', 12_000, [col('order_id', 'INT64', { kind: 'foreignKey', table: 'orders', column: 'id', perParent: { dist: 'poisson', mean: 2.4, min: 1 } })]),
    ]);
    const [, lines] = generateDataset(pm, { seed: 3, scale: 1 });
    const per = new Map<unknown, number>();
    for (const o of values(lines, 'order_id')) per.set(o, (per.get(o) ?? 0) + 1);
    const counts = [...per.values()];
    assert.ok(counts.every((c) => c >= 1));
    assert.ok(per.size > 4500, `${per.size} of 5000 orders have lines`);
    near(mean(counts), 12_000 / per.size, 0.01, 'mean lines per order');
    // Poisson(2.4) floored at 1: the share of single-line orders is P(0) + P(1).
    near(counts.filter((c) => c === 1).length / counts.length, Math.exp(-2.4) * 3.4, 0.04, 'single-line share');
  });
});

describe('time', () => {
  const yearly = [1, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 1.2, 2.4];
  const weekly = [1, 1, 1, 1, 1, 2, 2];
  const m = model([
    table('regions', 2, [col('name', 'STRING', { kind: 'list', values: ['North', 'South'] })], { scales: false }),
    table('events', 60_000, [
      col('region_id', 'INT64', { kind: 'foreignKey', table: 'regions', column: 'id' }),
      col('day', 'DATE', { kind: 'date', from: -729, to: 0, yearly, weekly, effects: [{ when: { ref: 'region_id.name', in: ['South'] }, quarterlyGrowth: 0.15 }] }),
      col('at', 'TIMESTAMP', { kind: 'timestamp', from: -364, to: 0 }),
      col('later', 'TIMESTAMP', { kind: 'timestamp', after: { ref: 'at', minDays: 0, maxDays: 3 } }),
      col('churned', 'BOOL', { kind: 'boolean', p: 0.05, effects: [{ when: { ref: 'day', months: [3] }, p: 0.4 }] }),
    ]),
  ]);
  const [regions, events] = generateDataset(m, { seed: 5, scale: 1 });
  const month = (d: number): number => new Date(d * 86_400_000).getUTCMonth();

  it('yearly and weekly seasonality show in monthly and weekday counts', () => {
    const byMonth = new Array<number>(12).fill(0);
    const byDow = new Array<number>(7).fill(0);
    for (const d of nums(values(events, 'day'))) {
      byMonth[month(d)] = (byMonth[month(d)] ?? 0) + 1;
      const dow = (new Date(d * 86_400_000).getUTCDay() + 6) % 7;
      byDow[dow] = (byDow[dow] ?? 0) + 1;
    }
    const dec = byMonth[11] ?? 0;
    const midYear = mean(byMonth.slice(3, 9));
    near(dec / midYear, 4, 0.6, 'December vs mid-year');
    near((byMonth[10] ?? 0) / midYear, 2, 0.3, 'November vs mid-year');
    near(((byDow[5] ?? 0) + (byDow[6] ?? 0)) / 2 / mean(byDow.slice(0, 5)), 2, 0.15, 'weekend vs weekday');
  });

  it('a region grows m% per quarter while the other stays flat', () => {
    const south = values(regions, 'id')[values(regions, 'name').indexOf('South')];
    const today = dayNumber(asOf);
    const quarterCounts = (want: boolean): number[] => {
      const q = new Array<number>(8).fill(0);
      values(events, 'day').forEach((d, i) => {
        if ((values(events, 'region_id')[i] === south) !== want) return;
        const k = Math.floor((today - (d as number)) / 91.25);
        if (k >= 0 && k < 8) q[7 - k] = (q[7 - k] ?? 0) + 1;
      });
      return q;
    };
    const ratio = (q: number[]): number => ((q[4] ?? 0) + (q[5] ?? 0) + (q[6] ?? 0) + (q[7] ?? 0)) / ((q[0] ?? 0) + (q[1] ?? 0) + (q[2] ?? 0) + (q[3] ?? 1));
    // Same seasonal mix in both years: the year-over-year ratio is (1.15)^4 for the South.
    near(ratio(quarterCounts(true)), 1.15 ** 4, 0.15, 'South grows ~15% a quarter');
    near(ratio(quarterCounts(false)), 1, 0.08, 'North is flat');
  });

  it('churn spikes in its month; child timestamps never precede their parent nor pass today', () => {
    const march: boolean[] = [];
    const other: boolean[] = [];
    values(events, 'day').forEach((d, i) => (month(d as number) === 2 ? march : other).push(values(events, 'churned')[i] === true));
    near(march.filter(Boolean).length / march.length, 0.4, 0.03, 'March churn');
    near(other.filter(Boolean).length / other.length, 0.05, 0.01, 'other months');
    const end = (dayNumber(asOf) + 1) * 86_400_000;
    values(events, 'later').forEach((l, i) => {
      const at = values(events, 'at')[i] as number;
      assert.ok((l as number) >= at && (l as number) < end);
    });
    assert.ok(nums(values(events, 'at')).every((t) => t % 1000 === 0 && t < end), 'whole seconds, not after today');
  });
});

describe('text and money', () => {
  it('rounds money to the currency and writes locale-aware names, phones and addresses', () => {
    const cols = [
      col('price', 'NUMERIC', { kind: 'number', dist: 'lognormal', mean: 1234.5678, sd: 300, money: true }),
      col('person', 'STRING', { kind: 'fake', what: 'person' }),
      col('email', 'STRING', { kind: 'fake', what: 'email' }),
      col('phone', 'STRING', { kind: 'fake', what: 'phone' }),
      col('address', 'STRING', { kind: 'fake', what: 'address' }),
      col('label', 'STRING', { kind: 'template', template: '{person} <{email}>' }),
    ];
    const decimals = (xs: number[]): number => Math.max(...xs.map((x) => (String(x).split('.')[1] ?? '').length));
    const [jp] = generateDataset(model([table('t', 500, cols)], { currency: 'JPY' }), { seed: 1, scale: 1 });
    assert.equal(decimals(nums(values(jp, 'price'))), 0);
    const [kw] = generateDataset(model([table('t', 500, cols)], { currency: 'KWD' }), { seed: 1, scale: 1 });
    assert.equal(decimals(nums(values(kw, 'price'))), 3);
    const [de] = generateDataset(model([table('t', 500, cols)], { currency: 'EUR', locale: 'de-DE' }), { seed: 1, scale: 1 });
    const words = LOCALES['de-DE'];
    assert.ok(words);
    for (const [i, p] of values(de, 'person').entries()) {
      const [first, last] = String(p).split(' ');
      assert.ok(words.firstNames.includes(first ?? '') && words.lastNames.includes(last ?? ''), String(p));
      assert.match(String(values(de, 'phone')[i]), /^\+49 30 \d{3} \d{4}$/);
      assert.match(String(values(de, 'email')[i]), /^[a-z]+\.[a-z]+\d+@example\.(com|org|net)$/);
      assert.match(String(values(de, 'address')[i]), /^\D+ \d+, \d{5} \S/);
      assert.equal(values(de, 'label')[i], `${String(p)} <${String(values(de, 'email')[i])}>`);
    }
    const emails = values(de, 'email');
    assert.equal(new Set(emails).size, emails.length, 'emails are unique');
  });
});

describe('planted insights', () => {
  const cols = ['segment', 'value'];
  const rows = [['VIP', 300], ['Mid', 120], ['Low', 100]];
  const cases: Array<[string, Parameters<typeof checkInsight>[0], boolean]> = [
    ['ratio vs the largest other holds', { kind: 'ratio', key: 'segment', value: 'VIP', column: 'value', atLeast: 2 }, true],
    ['ratio vs the largest other fails when too small', { kind: 'ratio', key: 'segment', value: 'VIP', column: 'value', atLeast: 3 }, false],
    ['ratio vs the average', { kind: 'ratio', key: 'segment', value: 'VIP', column: 'value', atLeast: 2.7, vs: 'average' }, true],
    ['top row', { kind: 'top', key: 'segment', value: 'VIP' }, true],
    ['top by a column', { kind: 'top', key: 'segment', value: 'Low', by: 'value' }, false],
    ['falling trend', { kind: 'trend', column: 'value', direction: 'down', atLeast: 2.5 }, true],
    ['rising trend fails', { kind: 'trend', column: 'value', direction: 'up' }, false],
    ['between', { kind: 'between', column: 'value', key: 'segment', value: 'Mid', min: 100, max: 150 }, true],
    ['compare two rows', { kind: 'compare', key: 'segment', value: 'Mid', other: 'Low', column: 'value', atLeast: 1.5 }, false],
    ['unknown value', { kind: 'top', key: 'segment', value: 'Nope' }, false],
  ];
  for (const [name, insight, holds] of cases) {
    it(name, () => {
      const check = checkInsight(insight, cols, rows);
      assert.equal(check.holds, holds, `${check.claim}: ${check.observed}`);
    });
  }

  it('every blueprint declares at least 3 checkable insights, tailored to the company', () => {
    for (const bp of BLUEPRINTS) {
      const declared = bp.questions.filter((q) => (q.insights?.length ?? 0) > 0);
      assert.ok(declared.length >= 3, `${bp.id} declares ${declared.length}`);
    }
    const profile = { ...defaultProfile(retail), customerSegments: ['Premium club', 'Members', 'Casual', 'Deal seekers'] };
    const tailoring = tailor(retail, profile);
    const m = renderModel(retail, profile, tailoring, duckdbDialect(asOf), asOf);
    const q05 = m.goldenSql.find((g) => g.questionId === 'q05');
    // The insight names whichever company segment took the place of the blueprint's first.
    const first = tailoring.lists.customerSegments[0];
    assert.ok(first && profile.customerSegments.includes(first));
    assert.deepEqual(q05?.insights?.[0], { kind: 'top', key: 'segment', value: first });
  });
});
