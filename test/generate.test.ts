import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderModel } from '../src/agents/model/render-model.js';
import { retail } from '../src/blueprints/retail.js';
import { tailor } from '../src/blueprints/tailor.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { toCsv } from '../src/data/csv.js';
import { compileExpr } from '../src/data/expr.js';
import { dayNumber, generateDataset, SpecError, type GeneratedTable } from '../src/data/generate.js';
import { checkIntegrity } from '../src/data/integrity.js';
import type { DataModel, Table } from '../src/domain/data-model.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';

const asOf = '2026-06-30';

function retailModel(): DataModel {
  const profile = defaultProfile(retail);
  return renderModel(retail, profile, tailor(retail, profile), duckdbDialect(asOf), asOf);
}

function col(t: GeneratedTable | undefined, name: string): unknown[] {
  assert.ok(t, 'table exists');
  const values = t.data[t.columns.indexOf(name)];
  assert.ok(values, `column ${name} exists`);
  return values;
}

function table(name: string, columns: Table['columns'], rowCount = 100, primaryKey = 'id'): Table {
  return { name, description: name, grain: 'row', rowCount, scales: true, primaryKey, columns, foreignKeys: [], synonyms: [] };
}

describe('compileExpr', () => {
  const cases: Array<[string, Record<string, number | null>, number | null]> = [
    ['1 + 2 * 3', {}, 7],
    ['(1 + 2) * 3', {}, 9],
    ['quantity * unit_price * (1 - discount)', { quantity: 2, unit_price: 10, discount: 0.25 }, 15],
    ['-a + b / 2', { a: 1, b: 5 }, 1.5],
    ['max(a, b, 3)', { a: 1, b: 2 }, 3],
    ['round(a / 3)', { a: 10 }, 3],
    ['a / 0', { a: 1 }, null],
    ['a + missing', { a: 1, missing: null }, null],
    ['product_id.unit_cost * 2', { 'product_id.unit_cost': 4 }, 8],
  ];
  for (const [expr, vars, expected] of cases) {
    it(`${expr} = ${expected}`, () => {
      const { fn } = compileExpr(expr);
      assert.equal(fn((ref) => vars[ref] ?? null), expected);
    });
  }
  it('lists the refs it reads and rejects bad input', () => {
    assert.deepEqual(compileExpr('a * b.c + a').refs.sort(), ['a', 'b.c']);
    assert.throws(() => compileExpr('a * (b'), SyntaxError);
    assert.throws(() => compileExpr('a $ b'), SyntaxError);
  });
});

describe('generateDataset', () => {
  it('is deterministic: the same model and seed give byte-identical files', () => {
    const model = retailModel();
    const a = generateDataset(model, { seed: 7, scale: 0.2 }).map(toCsv);
    const b = generateDataset(model, { seed: 7, scale: 0.2 }).map(toCsv);
    assert.deepEqual(a, b);
    const c = generateDataset(model, { seed: 8, scale: 0.2 }).map(toCsv);
    assert.notDeepEqual(a, c, 'another seed gives other data');
  });

  it('keeps its guarantees: unique keys, resolving foreign keys, no empty tables', () => {
    const model = retailModel();
    const tables = generateDataset(model, { seed: 3, scale: 0.3 });
    assert.deepEqual(checkIntegrity(model, tables), []);
    assert.equal(tables.length, model.tables.length);
  });

  it('scales row counts, except for fixed dimension tables', () => {
    const model = retailModel();
    const small = generateDataset(model, { seed: 1, scale: 0.1 });
    const large = generateDataset(model, { seed: 1, scale: 0.2 });
    const rows = (ts: GeneratedTable[], n: string): number => ts.find((t) => t.name === n)?.rows ?? -1;
    assert.equal(rows(large, 'orders'), 2 * rows(small, 'orders'));
    assert.equal(rows(small, 'regions'), rows(large, 'regions'));
  });

  it('never dates a child event before its parent, nor after the as-of day', () => {
    const model = retailModel();
    const tables = generateDataset(model, { seed: 5, scale: 0.3 });
    const orders = tables.find((t) => t.name === 'orders');
    const customers = tables.find((t) => t.name === 'customers');
    const returns = tables.find((t) => t.name === 'returns');
    const signup = new Map(col(customers, 'customer_id').map((id, i) => [id, col(customers, 'signup_date')[i] as number]));
    const orderDay = new Map(col(orders, 'order_id').map((id, i) => [id, col(orders, 'order_date')[i] as number]));
    const today = dayNumber(asOf);
    col(orders, 'order_date').forEach((d, i) => {
      assert.ok((d as number) <= today);
      assert.ok((d as number) >= (signup.get(col(orders, 'customer_id')[i]) ?? 0), 'order after signup');
    });
    col(returns, 'return_date').forEach((d, i) => {
      const placed = orderDay.get(col(returns, 'order_id')[i]) ?? Infinity;
      assert.ok((d as number) >= placed && (d as number) <= today, 'return after its order');
    });
  });

  it('plants effects: a factor on a segment shows in the data', () => {
    const model: DataModel = {
      blueprint: 't', dialect: 'duckdb', asOf, goldenSql: [], glossary: [],
      tables: [
        table('accounts', [
          { name: 'id', type: 'INT64', description: '', synonyms: [], generator: { kind: 'sequence' } },
          { name: 'tier', type: 'STRING', description: '', synonyms: [], generator: { kind: 'category', values: ['enterprise', 'smb'] } },
        ], 200),
        table('deals', [
          { name: 'id', type: 'INT64', description: '', synonyms: [], generator: { kind: 'sequence' } },
          { name: 'account_id', type: 'INT64', description: '', synonyms: [], generator: { kind: 'foreignKey', table: 'accounts', column: 'id' } },
          { name: 'amount', type: 'NUMERIC', description: '', synonyms: [], generator: { kind: 'number', dist: 'normal', mean: 100, sd: 10, effects: [{ when: { ref: 'account_id.tier', in: ['enterprise'] }, factor: 3 }] } },
          { name: 'won', type: 'BOOL', description: '', synonyms: [], generator: { kind: 'boolean', p: 0.2, effects: [{ when: { ref: 'account_id.tier', in: ['enterprise'] }, p: 0.8 }] } },
        ], 4000),
      ],
    };
    const [accounts, deals] = generateDataset(model, { seed: 11, scale: 1 });
    const tier = new Map(col(accounts, 'id').map((id, i) => [id, col(accounts, 'tier')[i]]));
    const by = { enterprise: { sum: 0, n: 0, won: 0 }, smb: { sum: 0, n: 0, won: 0 } };
    col(deals, 'account_id').forEach((a, i) => {
      const b = by[tier.get(a) as 'enterprise' | 'smb'];
      b.sum += col(deals, 'amount')[i] as number;
      b.won += col(deals, 'won')[i] ? 1 : 0;
      b.n++;
    });
    const ratio = by.enterprise.sum / by.enterprise.n / (by.smb.sum / by.smb.n);
    assert.ok(ratio > 2.7 && ratio < 3.3, `enterprise deals are ~3x (${ratio})`);
    assert.ok(by.enterprise.won / by.enterprise.n > 0.7 && by.smb.won / by.smb.n < 0.3);
  });

  it('refuses specs that cannot work, naming the column', () => {
    const bad = (columns: Table['columns']): DataModel => ({ blueprint: 't', dialect: 'duckdb', asOf, goldenSql: [], glossary: [], tables: [table('t', columns)] });
    const id = { name: 'id', type: 'INT64' as const, description: '', synonyms: [], generator: { kind: 'sequence' as const } };
    assert.throws(() => generateDataset(bad([id, { name: 'x', type: 'INT64', description: '', synonyms: [], generator: { kind: 'derived', expr: 'y + 1' } }]), { seed: 1, scale: 1 }), /unknown column "y"/);
    assert.throws(
      () =>
        generateDataset(
          bad([id, { name: 'a', type: 'INT64', description: '', synonyms: [], generator: { kind: 'derived', expr: 'b' } }, { name: 'b', type: 'INT64', description: '', synonyms: [], generator: { kind: 'derived', expr: 'a' } }]),
          { seed: 1, scale: 1 },
        ),
      /cycle/,
    );
    assert.throws(() => generateDataset(bad([{ ...id, generator: { kind: 'number', dist: 'uniform' } }]), { seed: 1, scale: 1 }), SpecError);
  });

  it('writes CSV that keeps NULL, empty strings and quotes apart', () => {
    const csv = toCsv({ name: 't', columns: ['a', 'b', 'c', 'd'], types: ['STRING', 'INT64', 'DATE', 'BOOL'], rows: 2, data: [['say "hi", ok', null], [1, null], [dayNumber('2026-01-02'), null], [true, false]] });
    assert.equal(csv, 'a,b,c,d\n"say ""hi"", ok",1,2026-01-02,true\n,,,false\n');
  });
});
