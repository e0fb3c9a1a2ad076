import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderModel } from '../src/agents/model/render-model.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { tailor } from '../src/blueprints/tailor.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { combinedIntegrityQuery, integrityQueries } from '../src/data/integrity.js';
import { bigqueryDialect } from '../src/warehouse/sql-dialect.js';
import { checkBigQuerySql } from './helpers/bigquery-sql.js';

describe("every golden query's BigQuery SQL parses with node-sql-parser's BigQuery grammar", () => {
  it('covers all nine blueprints', () => assert.equal(BLUEPRINTS.length, 9));
  for (const bp of BLUEPRINTS) {
    it(`${bp.id}: every golden query is one SELECT`, () => {
      const profile = defaultProfile(bp);
      const model = renderModel(bp, profile, tailor(bp, profile), bigqueryDialect('2026-11-25', 'demo-project', 'provision_x'), '2026-11-25');
      assert.ok(model.goldenSql.length >= 10);
      for (const g of model.goldenSql) {
        const check = checkBigQuerySql(g.sql);
        assert.deepEqual(check, { ok: true, statementType: 'SELECT' }, `${bp.id} ${g.questionId}:\n${g.sql}`);
      }
    });
  }
});

describe("the integrity checks' BigQuery SQL parses with the same grammar", () => {
  for (const bp of BLUEPRINTS) {
    it(`${bp.id}: each check alone, and all of them in one query, are one SELECT`, () => {
      const profile = defaultProfile(bp);
      const dialect = bigqueryDialect('2026-11-25', 'demo-project', 'provision_x');
      const model = renderModel(bp, profile, tailor(bp, profile), dialect, '2026-11-25');
      const checks = integrityQueries(model, (t) => dialect.table(t));
      assert.ok(checks.length > model.tables.length);
      for (const c of checks) assert.deepEqual(checkBigQuerySql(c.sql), { ok: true, statementType: 'SELECT' }, `${bp.id} ${c.what}:\n${c.sql}`);
      const combined = combinedIntegrityQuery(checks);
      assert.deepEqual(checkBigQuerySql(combined), { ok: true, statementType: 'SELECT' }, combined);
    });
  }
});

describe('the BigQuery SQL check itself', () => {
  it('refuses what is not BigQuery SQL and names what is not a SELECT', () => {
    assert.equal(checkBigQuerySql('SELEC region FROM `p.d.t`').ok, false);
    assert.equal(checkBigQuerySql("SELECT DATE_TRUNC('month', d) FROM `p.d.t` WHERE").ok, false);
    assert.deepEqual(checkBigQuerySql('DELETE FROM `p.d.t` WHERE TRUE'), { ok: true, statementType: 'DELETE' });
    assert.deepEqual(checkBigQuerySql('SELECT 1; DROP TABLE `p.d.t`'), { ok: true, statementType: 'SCRIPT' });
  });
  it('works around only the subscript-in-an-argument gap, keeping the rest checked', () => {
    assert.deepEqual(checkBigQuerySql('SELECT ROUND(APPROX_QUANTILES(x, 2)[OFFSET(1)], 1) AS m FROM `p.d.t`'), { ok: true, statementType: 'SELECT' });
    assert.equal(checkBigQuerySql('SELECT ROUND(APPROX_QUANTILES(x, 2)[OFFSET(1)], 1) AS m FROM `p.d.t` GROUP').ok, false);
  });
});
