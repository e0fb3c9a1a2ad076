import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserInputError } from '../src/core/errors.js';
import { assertReadOnlySql } from '../src/dataagent/read-only-sql.js';

/** Queries a read-only agent must run, however they are dressed. */
const ACCEPTED: Array<[label: string, sql: string]> = [
  ['a plain SELECT', 'SELECT 1'],
  ['a trailing semicolon and whitespace', 'select count(*) from orders;  \n'],
  ['a CTE', 'WITH x AS (SELECT 1 AS a) SELECT a FROM x'],
  ['set operations in parentheses', '(SELECT 1) UNION ALL (SELECT 2)'],
  ['keywords inside a string', "SELECT 'DROP TABLE orders; DELETE FROM x' AS s"],
  ['a doubled quote inside a string', "SELECT 'it''s; DROP TABLE x' AS s"],
  ['a backslash-escaped quote in an E-string', "SELECT E'\\'; DROP TABLE x; --' AS s"],
  ['a dollar-quoted string', 'SELECT $$; DROP TABLE x$$ AS s'],
  ['a keyword in a line comment', 'SELECT 1 -- then DROP TABLE orders;\n'],
  ['a keyword in a block comment', 'SELECT /* ; DELETE FROM orders */ 1'],
  ['a quoted column named like a keyword', 'SELECT "update", "load" FROM t'],
  ['a qualified column named like a keyword', 'SELECT t.set FROM t'],
  ['replace() is a string function', "SELECT replace(name, 'a', 'b') FROM t WHERE status = 'Cancelled'"],
  ['a column that merely contains a keyword', 'SELECT last_update, is_deleted, created_at FROM t'],
];

/** Statements it must refuse, each with the reason it must give. */
const REFUSED: Array<[label: string, sql: string, reason: RegExp]> = [
  ['a second statement after a SELECT', 'SELECT 1; DROP TABLE x', /more than one statement/],
  ['two SELECTs', 'select 1; select 2', /more than one statement/],
  ['a statement hidden after a line comment', 'SELECT 1 -- x\n; DROP TABLE x', /more than one statement/],
  ['a backslash that does not escape in a plain string', "SELECT '\\'; DROP TABLE x; --'", /more than one statement/],
  ['DROP', 'DROP TABLE orders', /starts with DROP/],
  ['DELETE', 'DELETE FROM orders', /starts with DELETE/],
  ['INSERT', "INSERT INTO orders VALUES (1, 'x')", /starts with INSERT/],
  ['UPDATE', "UPDATE orders SET status = 'x'", /starts with UPDATE/],
  ['CREATE TABLE AS SELECT', 'CREATE TABLE x AS SELECT 1', /starts with CREATE/],
  ['COPY to a file', "COPY orders TO '/tmp/orders.csv'", /starts with COPY/],
  ['ATTACH', "ATTACH '/tmp/other.duckdb' AS other", /starts with ATTACH/],
  ['EXPORT DATABASE', "EXPORT DATABASE '/tmp/dump'", /starts with EXPORT/],
  ['PRAGMA', "PRAGMA table_info('orders')", /starts with PRAGMA/],
  ['SET', "SET memory_limit = '64GB'", /starts with SET/],
  ['INSTALL', 'INSTALL httpfs', /starts with INSTALL/],
  ['LOAD', 'LOAD httpfs', /starts with LOAD/],
  ['CALL', 'CALL pragma_version()', /starts with CALL/],
  ['CHECKPOINT', 'CHECKPOINT', /starts with CHECKPOINT/],
  ['EXPLAIN ANALYZE (it executes)', 'EXPLAIN ANALYZE SELECT 1', /starts with EXPLAIN/],
  ['a write inside a CTE', 'WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x', /DELETE is not a read-only operation/],
  ['read_csv of a system file', "SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\) reads files/],
  ['read_csv_auto', "SELECT * FROM read_csv_auto('x.csv')", /read_csv_auto\(\)/],
  ['read_parquet', "SELECT * FROM read_parquet('x.parquet')", /read_parquet\(\)/],
  ['read_json_auto', "SELECT * FROM read_json_auto('x.json')", /read_json_auto\(\)/],
  ['glob', "SELECT * FROM glob('/home/*')", /glob\(\)/],
  ['query() runs SQL this check cannot see', "SELECT * FROM query('DROP TABLE orders')", /query\(\)/],
  ['a file path as a table', "SELECT * FROM '/etc/passwd'", /reads a file/],
  ['a URL joined in', "SELECT * FROM t JOIN 's3://bucket/x.parquet' u ON true", /URL/],
  ['an httpfs URL', "SELECT * FROM parquet_scan('https://example.com/x.parquet')", /parquet_scan\(\)/],
  ['an unterminated string', "SELECT 'abc", /not closed/],
  ['an unterminated comment', 'SELECT 1 /* DROP', /not closed/],
  ['nested comments', 'SELECT 1 /* a /* b */ ; DROP TABLE x */', /nested/],
  ['nothing but a comment', '  -- only a comment', /empty/],
  ['nothing at all', '', /empty/],
];

describe('assertReadOnlySql', () => {
  let duck: { instance: DuckDBInstance; conn: DuckDBConnection };
  before(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    duck = { instance, conn: await instance.connect() };
  });
  after(() => {
    duck.conn.closeSync();
    duck.instance.closeSync();
  });

  for (const [label, sql] of ACCEPTED) {
    it(`accepts ${label}, which DuckDB's parser also reads as one statement`, async () => {
      const normalized = assertReadOnlySql(sql);
      assert.doesNotMatch(normalized, /;\s*$/);
      assert.equal((await duck.conn.extractStatements(normalized)).count, 1);
    });
  }

  for (const [label, sql, reason] of REFUSED) {
    it(`refuses ${label}`, () => {
      assert.throws(
        () => assertReadOnlySql(sql),
        (err: unknown) => err instanceof UserInputError && reason.test(err.message) && /Only a single read-only SELECT/.test(err.message),
      );
    });
  }

  it('returns the statement without comments or its semicolon, so wrapping or appending to it stays safe', () => {
    assert.equal(assertReadOnlySql('-- a header\nSELECT 1 -- trailing note\n;'), 'SELECT 1');
    assert.equal(assertReadOnlySql('SELECT /* inline */ 2 ; -- done'), 'SELECT   2');
    assert.equal(assertReadOnlySql("SELECT '--not a comment' AS s"), "SELECT '--not a comment' AS s");
  });
});
